/**
 * 设备建档 /safety/equipment/new: classification from the catalogue, product and construction data,
 * the parties (enterprise pickers searching the enterprise registry), place and territory, and the
 * registration: not yet registered, construction notified (告知), or registered now. A registration
 * more than 30 days after commissioning is flagged while typing and as the API reports it.
 */
import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { checkLateRegistration, REGISTRATION_LIMIT_DAYS } from '../../../domains/equipment-safety/equipment/registration-rules';
import { apiErrorText, apiIssues, applyIssuesToForm } from '../../components/ui/form-error';
import { PageHeader } from '../../components/ui/page-header';
import { useI18n } from '../../lib/i18n';
import { useMe } from '../auth/api';
import { useCreateDevice } from './api';
import { ConstructionSection, PartiesSection, PlaceSection, ProductSection, Section } from './device-form-sections';
import { buildCreateDevice, day, formFieldOfIssue, type DeviceFormValues } from './device-payload';

const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

export default function DeviceRegisterPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [form] = Form.useForm<DeviceFormValues>();
  const create = useCreateDevice();
  const classification = Form.useWatch('classification', form) as string[] | undefined;
  const mode = Form.useWatch('mode', form) as DeviceFormValues['mode'] | undefined;
  const commissioned = day(Form.useWatch('commissioningDate', form) as Dayjs | undefined);
  const registeredOn = day(Form.useWatch(['registration', 'registeredOn'], form) as Dayjs | undefined);
  const category = classification?.[0];
  const isElevator = category === '3000';
  const late = mode === 'register' && commissioned && registeredOn ? checkLateRegistration(commissioned, registeredOn) : null;
  const deadline = mode !== 'register' && commissioned ? dayjs(commissioned).add(REGISTRATION_LIMIT_DAYS, 'day').format('YYYY-MM-DD') : null;
  const orgRootId = me?.role === 'township' ? me.orgUnit.id : undefined;

  const submit = async (values: DeviceFormValues) => {
    try {
      const created = await create.mutateAsync(buildCreateDevice(values));
      if (created.isLateRegistration) {
        await modal.warning({
          title: t('已建档，标记为逾期登记', 'Saved; flagged as a late registration'),
          content: t(`该设备于 ${created.commissioningDate} 投用、${created.registeredOn} 办理使用登记，超过投用后 ${REGISTRATION_LIMIT_DAYS} 日的期限。`, 'Registered more than 30 days after commissioning.'),
        });
      } else {
        message.success(t('设备已建档', 'Device registered'));
      }
      navigate(`/safety/equipment/${created.id}`);
    } catch (error) {
      const issues = apiIssues(error).map((i) => ({ ...i, path: formFieldOfIssue(i.path) }));
      if (issues.length > 0) {
        const rest = applyIssuesToForm(form, issues);
        message.error(rest.length > 0 ? rest.map((i) => i.message).join('；') : t('请检查标红的字段', 'Please check the highlighted fields'));
        return;
      }
      message.error(apiErrorText(error, t));
    }
  };

  return (
    <div style={{ maxWidth: 1100 }}>
      <PageHeader
        title={t('设备建档', 'Register a device')}
        subtitle={t('录入设备台账；可同时办理使用登记', 'Enter the device; registration may be done at once')}
        breadcrumb={[
          { key: 'list', title: t('特种设备', 'Special equipment'), onClick: () => navigate('/safety/equipment') },
          { key: 'new', title: t('设备建档', 'Register') },
        ]}
      />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ mode: 'unregistered', flags: [], isPublicService: false, territoryOrgUnitId: orgRootId }}
        scrollToFirstError
        data-testid="device-form"
      >
        <ProductSection category={category} />
        <ConstructionSection isElevator={isElevator} />
        <PartiesSection
          isElevator={isElevator}
          onUsingUnit={(territoryId) => {
            if (territoryId && !form.getFieldValue('territoryOrgUnitId')) form.setFieldValue('territoryOrgUnitId', territoryId);
          }}
        />
        <PlaceSection orgRootId={orgRootId} />
        <Section title={t('使用登记', 'Registration')}>
          <Form.Item name="mode">
            <Radio.Group data-testid="device-form-mode">
              <Radio value="unregistered">{t('暂不登记（待登记）', 'Not registered yet')}</Radio>
              <Radio value="notified">{t('施工告知（尚未监督检验）', 'Construction notified')}</Radio>
              <Radio value="register">{t('同时办理使用登记', 'Register now')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="equipmentCode" label={t('设备代码', 'Device code')} style={{ flex: '1 1 220px' }}>
              <Input maxLength={64} data-testid="device-form-code" />
            </Form.Item>
            <Form.Item name="registrationCode" label={t('注册代码', 'Registration code')} style={{ flex: '1 1 220px' }}>
              <Input maxLength={64} />
            </Form.Item>
          </Flex>
          {mode === 'register' && (
            <Flex gap={12} wrap>
              <Form.Item name={['registration', 'registeredOn']} label={t('登记日期', 'Registered on')} rules={[{ required: true, message: t('请选择登记日期', 'Choose the date') }]} style={{ flex: '1 1 200px' }}>
                <DatePicker disabledDate={notFuture} style={{ width: '100%' }} data-testid="device-form-registered-on" />
              </Form.Item>
              <Form.Item
                name={['registration', 'useRegistrationCertNo']}
                label={t('使用登记证编号', 'Registration cert. no.')}
                rules={[{ required: true, whitespace: true, message: t('请填写使用登记证编号', 'Enter the number') }]}
                style={{ flex: '1 1 220px' }}
              >
                <Input maxLength={64} data-testid="device-form-cert-no" />
              </Form.Item>
              <Form.Item name={['registration', 'certIssueDate']} label={t('发证日期', 'Issued on')} style={{ flex: '1 1 200px' }}>
                <DatePicker disabledDate={notFuture} style={{ width: '100%' }} />
              </Form.Item>
            </Flex>
          )}
          {late?.isLate && (
            <Alert
              type="warning"
              showIcon
              data-testid="device-form-late"
              title={t(
                `投用后第 ${late.elapsedDays} 日办理使用登记，超过 ${REGISTRATION_LIMIT_DAYS} 日（期限 ${late.deadlineOn}），保存后将标记为逾期登记。`,
                `Registered ${late.elapsedDays} days after commissioning: will be flagged as late.`,
              )}
            />
          )}
          {deadline && (
            <Alert
              type={deadline < dayjs().format('YYYY-MM-DD') ? 'error' : 'info'}
              showIcon
              title={t(`应于 ${deadline} 前（投用后 ${REGISTRATION_LIMIT_DAYS} 日内）办理使用登记${deadline < dayjs().format('YYYY-MM-DD') ? '，已超过期限' : ''}。`, `Register by ${deadline}.`)}
            />
          )}
        </Section>
        <Flex gap={8} justify="flex-end" style={{ marginBottom: 24 }}>
          <Button onClick={() => navigate('/safety/equipment')}>{t('取消', 'Cancel')}</Button>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={create.isPending} data-testid="device-form-submit">
            {t('保存', 'Save')}
          </Button>
        </Flex>
      </Form>
    </div>
  );
}
