/**
 * The fields of each registration action's form (named as in the API so its field errors land on
 * them), with the rule the action follows as a hint. A 使用登记 later than 30 days after
 * commissioning is flagged while the user types.
 */
import { Alert, DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { registrationReasonLabels, type RegistrationAction } from '../../../domains/equipment-safety/equipment/enums';
import { checkLateRegistration } from '../../../domains/equipment-safety/equipment/registration-rules';
import type { DeviceDetail } from '../../../domains/equipment-safety/equipment/view-schema';
import { OrgUnitSelect } from '../../components/ui/org-unit-select';
import { useI18n } from '../../lib/i18n';
import { territorialKinds } from '../../../shared/roles';
import { actionDateField } from './device-payload';
import { EnterpriseSelect } from './enterprise-select';

const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');
const changeReasons = ['relocation', 'address_changed', 'modification', 'unit_renamed', 'design_life_reached'] as const;

const hints: Record<RegistrationAction, { zh: string; en: string }> = {
  passSupervision: { zh: '安装（改造）监督检验合格后，设备进入待登记状态。', en: 'After the supervision inspection the device awaits registration.' },
  register: { zh: '使用单位应在投入使用前或投入使用后 30 日内办理使用登记；超过 30 日的标记为逾期登记。', en: 'Register before use or within 30 days after commissioning.' },
  stop: { zh: '拟停用 1 年以上的，应在停用后 30 日内办理停用手续；停用期间不计检验义务（豁免）。', en: 'A stop of a year or more is filed within 30 days; no inspection is owed while stopped.' },
  restart: { zh: '启用前须自行检查；停用期间定期检验已到期的，须检验合格后方可启用。', en: 'Self-check before restart; if the periodic inspection lapsed, it must pass first.' },
  change: { zh: '改造、移装、使用单位更名、使用地址变更、达到设计使用年限继续使用，须办理变更登记。', en: 'Modification, relocation, renaming, address change or use past design life need a change of registration.' },
  transfer: { zh: '过户：变更使用单位，登记后由新的使用单位承担使用安全责任。', en: 'Transfer to another using unit.' },
  scrap: { zh: '报废后须办理注销并交回使用登记证；报废不可撤销。', en: 'Scrapping cannot be undone; the certificate is returned.' },
  cancel: { zh: '注销使用登记。', en: 'Deregister.' },
};

export function RegistrationFields({ action, device }: { action: RegistrationAction; device: DeviceDetail }) {
  const { t, label } = useI18n();
  const form = Form.useFormInstance();
  const registeredOn = Form.useWatch('registeredOn', form) as Dayjs | undefined;
  const commissioning = (Form.useWatch('commissioningDate', form) as Dayjs | undefined)?.format('YYYY-MM-DD') ?? device.commissioningDate;
  const late = action === 'register' && registeredOn && commissioning ? checkLateRegistration(commissioning, registeredOn.format('YYYY-MM-DD')) : null;
  const required = (message: string) => [{ required: true, message }];
  const dateField = actionDateField[action];
  const dateLabel = { date: t('办理日期', 'Date'), registeredOn: t('登记日期', 'Registered on'), stoppedOn: t('停用日期', 'Stopped on'), restartedOn: t('启用日期', 'Restarted on') }[dateField];

  return (
    <>
      <Typography.Paragraph type="secondary">{label(hints[action])}</Typography.Paragraph>
      <Form.Item name={dateField} label={dateLabel} rules={required(t('请选择日期', 'Choose the date'))}>
        <DatePicker disabledDate={notFuture} style={{ width: '100%' }} data-testid="registration-date" />
      </Form.Item>
      {action === 'passSupervision' && (
        <Form.Item name="reportNo" label={t('监督检验报告编号', 'Report no.')}>
          <Input maxLength={64} />
        </Form.Item>
      )}
      {action === 'register' && (
        <>
          <Form.Item name="useRegistrationCertNo" label={t('使用登记证编号', 'Registration cert. no.')} rules={required(t('请填写使用登记证编号', 'Enter the certificate number'))}>
            <Input maxLength={64} data-testid="registration-cert-no" />
          </Form.Item>
          <Form.Item name="certIssueDate" label={t('发证日期', 'Issued on')}>
            <DatePicker disabledDate={notFuture} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="equipmentCode" label={t('设备代码', 'Device code')}>
            <Input maxLength={64} />
          </Form.Item>
          {!device.commissioningDate && (
            <Form.Item name="commissioningDate" label={t('投用日期', 'Commissioned on')}>
              <DatePicker disabledDate={notFuture} style={{ width: '100%' }} />
            </Form.Item>
          )}
          {late?.isLate && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="registration-late"
              title={t(`投用后第 ${late.elapsedDays} 日办理登记，超过 30 日（期限 ${late.deadlineOn}），将标记为逾期登记。`, `Registered ${late.elapsedDays} days after commissioning: late.`)}
            />
          )}
        </>
      )}
      {(action === 'stop' || action === 'scrap') && (
        <Form.Item name="reason" label={action === 'stop' ? t('停用原因', 'Reason') : t('报废原因', 'Reason')} rules={required(t('请填写原因', 'Enter the reason'))}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} data-testid="registration-reason" />
        </Form.Item>
      )}
      {action === 'stop' && (
        <Form.Item name="expectedRestartOn" label={t('预计启用日期', 'Expected restart')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      )}
      {action === 'change' && (
        <>
          <Form.Item name="reason" label={t('变更类别', 'Reason')} rules={required(t('请选择变更类别', 'Choose the reason'))}>
            <Select options={changeReasons.map((r) => ({ value: r, label: label(registrationReasonLabels[r]) }))} data-testid="registration-change-reason" />
          </Form.Item>
          <Form.Item name={['changes', 'useAddress']} label={t('新的使用地点', 'New address')}>
            <Input maxLength={200} placeholder={device.useAddress} />
          </Form.Item>
          <Form.Item name={['changes', 'territoryOrgUnitId']} label={t('新的属地', 'New territory')}>
            <OrgUnitSelect isSelectable={(o) => territorialKinds.includes(o.kind) && o.kind !== 'city'} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name={['changes', 'installSupervisionDate']} label={t('改造监督检验合格日期', 'Modification supervision passed')}>
            <DatePicker disabledDate={notFuture} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name={['changes', 'designLifeYears']} label={t('设计使用年限（年）', 'Design life (years)')}>
            <InputNumber min={1} max={100} style={{ width: '100%' }} />
          </Form.Item>
        </>
      )}
      {action === 'transfer' && (
        <Form.Item name="newUsingUnitId" label={t('新的使用单位', 'New using unit')} rules={required(t('请选择新的使用单位', 'Choose the new using unit'))}>
          <EnterpriseSelect style={{ width: '100%' }} testId="registration-new-unit" />
        </Form.Item>
      )}
      {(action === 'change' || action === 'transfer') && (
        <Form.Item name="useRegistrationCertNo" label={t('新的使用登记证编号', 'New certificate no.')}>
          <Input maxLength={64} placeholder={device.useRegistrationCertNo ?? ''} />
        </Form.Item>
      )}
      {action !== 'stop' && action !== 'scrap' && (
        <Form.Item name="note" label={t('备注', 'Note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} data-testid="registration-note" />
        </Form.Item>
      )}
    </>
  );
}
