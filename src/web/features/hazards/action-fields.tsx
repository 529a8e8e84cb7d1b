/**
 * The fields of each workflow action's modal — exactly what its schema variant takes (see
 * `hazard-action-schema.ts`): e.g. issue_notice → document kind, number, optional deadline, requirements;
 * submit_rectification → note, after photos (at least one), cost; decide_extension → approve/deny, comment.
 */
import { Alert, DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import {
  hazardGradeLabels,
  hazardGrades,
  listingLevelLabels,
  listingLevels,
  noticeKindLabels,
  noticeKinds,
  type HazardActionName,
  type HazardGrade,
} from '../../../domains/equipment-safety/hazards/hazard-enums';
import { hazardLimits } from '../../../domains/equipment-safety/hazards/hazard-schema';
import type { HazardDetail } from '../../../domains/equipment-safety/hazards/hazard-view-schema';
import { OrgUnitSelect } from '../../components/ui/org-unit-select';
import { useI18n } from '../../lib/i18n';
import type { ActionFormValues } from './action-payload';
import { PhotoUpload } from './photo-upload';

type DateKeys = 'deadline' | 'newDeadline';
/** The form's values: ActionFormValues with date pickers (dayjs) instead of date strings. */
export type ActionFormFields = Omit<ActionFormValues, DateKeys | 'plan'> & {
  deadline?: Dayjs;
  newDeadline?: Dayjs;
  plan?: Omit<NonNullable<ActionFormValues['plan']>, 'deadline'> & { deadline?: Dayjs };
};
type FormValues = ActionFormFields;

const notBeforeToday = (d: Dayjs) => d.isBefore(dayjs(), 'day');

export type ActionFieldsProps = {
  action: HazardActionName;
  hazard: HazardDetail;
  /** Watched values the fields depend on. */
  grade: HazardGrade | undefined;
  disposition: ActionFormValues['disposition'];
  lowering: boolean;
  onUploading(busy: boolean): void;
};

export function ActionFields({ action, hazard, grade, disposition, lowering, onUploading }: ActionFieldsProps) {
  const { t, label } = useI18n();
  const currentGrade = hazard.grade;
  const text = (name: keyof FormValues, title: string, required: boolean, placeholder?: string, testId = name) => (
    <Form.Item
      name={name}
      label={title}
      rules={[{ required, whitespace: true, message: t(`请填写${title}`, `Enter ${title}`) }, { max: hazardLimits.textMax }]}
    >
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={placeholder} data-testid={`hazard-action-${testId}`} />
    </Form.Item>
  );
  const date = (name: DateKeys, title: string, required: boolean, extra?: string) => (
    <Form.Item name={name} label={title} extra={extra} rules={[{ required, message: t(`请选择${title}`, `Choose ${title}`) }]}>
      <DatePicker disabledDate={notBeforeToday} style={{ width: '100%' }} data-testid={`hazard-action-${name}`} />
    </Form.Item>
  );
  const photos = (title: string, required: boolean) => (
    <Form.Item name="photos" label={title} rules={required ? [{ required: true, type: 'array', min: 1, message: t('请至少上传一张照片', 'Add at least one photo') }] : []}>
      <PhotoUpload testId="hazard-action-photos" onBusyChange={onUploading} />
    </Form.Item>
  );
  const gradeRadio = (exclude?: string | null) => (
    <Form.Item name="grade" label={t('等级', 'Grade')} rules={[{ required: true, message: t('请选择等级', 'Choose a grade') }]}>
      <Radio.Group optionType="button" buttonStyle="solid" data-testid="hazard-action-grade" options={hazardGrades.filter((g) => g !== exclude).map((g) => ({ value: g, label: label(hazardGradeLabels[g]) }))} />
    </Form.Item>
  );

  switch (action) {
    case 'submit':
      return <Typography.Paragraph>{t('提交后由核定单位核定。', 'After submission the reviewer confirms it.')}</Typography.Paragraph>;
    case 'reject':
      return (
        <>
          <Form.Item name="disposition" label={t('处理', 'Disposition')} rules={[{ required: true }]}>
            <Radio.Group
              data-testid="hazard-action-disposition"
              options={[
                { value: 'invalid', label: t('不属实 / 重复（不予受理）', 'Not true / duplicate') },
                { value: 'transferred', label: t('不属本部门（移交）', 'Not ours (transfer)') },
              ]}
            />
          </Form.Item>
          {disposition === 'transferred' && (
            <Form.Item name="transferToOrgUnitId" label={t('移交单位', 'Transfer to')} rules={[{ required: true, message: t('请选择移交单位', 'Choose a unit') }]}>
              <OrgUnitSelect style={{ width: '100%' }} testId="hazard-action-transfer-unit" />
            </Form.Item>
          )}
          {text('reason', t('退回原因', 'Reason'), true)}
        </>
      );
    case 'transfer':
      return (
        <>
          <Form.Item name="toOrgUnitId" label={t('接收单位', 'Receiving unit')} rules={[{ required: true, message: t('请选择接收单位', 'Choose a unit') }]}>
            <OrgUnitSelect style={{ width: '100%' }} testId="hazard-action-transfer-unit" />
          </Form.Item>
          {text('reason', t('移交原因', 'Reason'), true)}
        </>
      );
    case 'confirm':
      return (
        <>
          {gradeRadio()}
          {lowering && text('lowerGradeReason', t('低于建议等级的理由', 'Reason for a lower grade'), true)}
          {grade === 'major' && (
            <Form.Item name="majorCriterionRef" label={t('重大隐患判定依据', 'Major-hazard criterion')} rules={[{ max: 200 }]}>
              <Input placeholder={t('如 GB 45067-2024 第 4.1 条', 'e.g. GB 45067-2024 §4.1')} data-testid="hazard-action-criterion" />
            </Form.Item>
          )}
          <Form.Item name="supervisingOrgUnitId" label={t('行业监管部门（可不选）', 'Supervising department (optional)')}>
            <OrgUnitSelect isSelectable={(o) => o.kind === 'department'} style={{ width: '100%' }} testId="hazard-action-supervising" />
          </Form.Item>
          {text('note', t('核定意见', 'Note'), false)}
        </>
      );
    case 'change_grade':
      return (
        <>
          {gradeRadio(currentGrade ?? 'general')}
          {text('reason', t('理由', 'Reason'), lowering, lowering ? t('降级须说明理由', 'Lowering needs a reason') : undefined)}
        </>
      );
    case 'issue_notice':
      return (
        <>
          <Form.Item name="kind" label={t('文书', 'Document')}>
            <Select options={noticeKinds.map((k) => ({ value: k, label: label(noticeKindLabels[k]) }))} data-testid="hazard-action-kind" />
          </Form.Item>
          <Form.Item name="noticeNo" label={t('文书编号', 'Document no.')} rules={[{ max: 100 }]}>
            <Input data-testid="hazard-action-notice-no" />
          </Form.Item>
          {date('deadline', t('整改期限', 'Deadline'), false, hazard.deadline ? t(`不填沿用 ${hazard.deadline}`, `Empty keeps ${hazard.deadline}`) : t('不填按等级默认期限', 'Empty = default by grade'))}
          {text('note', t('整改要求', 'Requirements'), true)}
        </>
      );
    case 'file_plan':
      return (
        <>
          <Form.Item name={['plan', 'measures']} label={t('治理措施', 'Measures')} rules={[{ required: true, whitespace: true }, { max: hazardLimits.textMax }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} data-testid="hazard-action-plan-measures" />
          </Form.Item>
          <Form.Item name={['plan', 'amountYuan']} label={t('治理资金（元）', 'Funds (yuan)')} rules={[{ required: true, pattern: /^\d{1,12}(\.\d{1,2})?$/, message: t('金额最多两位小数', 'Amount with at most 2 decimals') }]}>
            <Input inputMode="decimal" />
          </Form.Item>
          <Form.Item name={['plan', 'fundsSource']} label={t('资金来源', 'Funds source')}>
            <Input />
          </Form.Item>
          <Form.Item name={['plan', 'responsiblePerson']} label={t('责任人', 'Responsible person')} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name={['plan', 'deadline']} label={t('完成期限', 'Deadline')} rules={[{ required: true }]} extra={hazard.deadline ? t(`不得晚于 ${hazard.deadline}`, `Not after ${hazard.deadline}`) : undefined}>
            <DatePicker disabledDate={notBeforeToday} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name={['plan', 'contingency']} label={t('安全措施和应急预案', 'Safety measures and contingency')} rules={[{ required: true, whitespace: true }, { max: hazardLimits.textMax }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Form.Item name={['plan', 'targets']} label={t('治理目标和任务', 'Targets')} rules={[{ max: hazardLimits.textMax }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        </>
      );
    case 'list_for_supervision':
      return (
        <>
          <Form.Item name="level" label={t('挂牌级别', 'Level')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={listingLevels.map((l) => ({ value: l, label: label(listingLevelLabels[l]) }))} />
          </Form.Item>
          <Form.Item name="listingUnit" label={t('挂牌督办单位', 'Listing unit')} rules={[{ required: true, whitespace: true }, { max: hazardLimits.addressMax }]}>
            <Input />
          </Form.Item>
          {date('deadline', t('督办整改期限', 'Deadline'), false, t('不填沿用现期限（不超过 1 年）', 'Empty keeps the current deadline (≤ 1 year)'))}
          {text('note', t('督办要求', 'Requirements'), true)}
        </>
      );
    case 'request_extension':
      return (
        <>
          {hazard.deadline && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t(`现整改期限 ${hazard.deadline}`, `Current deadline ${hazard.deadline}`)} />}
          {date('newDeadline', t('申请延至', 'New deadline'), true)}
          {text('reason', t('延期理由', 'Reason'), true)}
        </>
      );
    case 'decide_extension':
      return (
        <>
          {hazard.pendingExtension && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t(`申请延至 ${hazard.pendingExtension.newDeadline}（现期限 ${hazard.deadline ?? '—'}）`, `Requested ${hazard.pendingExtension.newDeadline} (now ${hazard.deadline ?? '—'})`)}
              description={hazard.pendingExtension.reason}
            />
          )}
          <Form.Item name="approve" label={t('审批结果', 'Decision')} rules={[{ required: true, message: t('请选择', 'Choose') }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              data-testid="hazard-action-approve"
              options={[
                { value: true, label: t('同意', 'Approve') },
                { value: false, label: t('不同意', 'Deny') },
              ]}
            />
          </Form.Item>
          {text('comment', t('审批意见', 'Comment'), true)}
        </>
      );
    case 'submit_rectification':
      return (
        <>
          {text('note', t('整改情况说明', 'What was done'), true)}
          {photos(t('整改后照片', 'After photos'), true)}
          <Form.Item name="costYuan" label={t('治理资金（元，可不填）', 'Cost (yuan, optional)')} rules={[{ pattern: /^\d{1,12}(\.\d{1,2})?$/, message: t('金额最多两位小数', 'Amount with at most 2 decimals') }]}>
            <Input inputMode="decimal" />
          </Form.Item>
        </>
      );
    case 'verify_pass':
      return (
        <>
          {text('note', t('复查意见', 'Verification note'), true)}
          {photos(t('复查照片（可不传）', 'Photos (optional)'), false)}
        </>
      );
    case 'verify_fail':
      return (
        <>
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('退回整改，整改期限不变', 'Back to rectification; the deadline stays')} />
          {text('note', t('不通过原因', 'Why it failed'), true)}
          {photos(t('复查照片（可不传）', 'Photos (optional)'), false)}
        </>
      );
    case 'reopen':
      return (
        <>
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('重新打开计为反弹', 'Reopening counts as a relapse')} />
          {text('reason', t('反弹原因', 'Reason'), true)}
          {date('deadline', t('新的整改期限', 'New deadline'), false, t('不填按等级默认期限', 'Empty = default by grade'))}
        </>
      );
    case 'close_by_elimination':
      return (
        <>
          <Form.Item name="basis" label={t('依据', 'Basis')} rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: 'device_scrapped', label: t('设备已报废', 'Device scrapped') },
                { value: 'unit_closed', label: t('单位已关闭', 'Unit closed') },
                { value: 'other', label: t('其他', 'Other') },
              ]}
            />
          </Form.Item>
          {text('reason', t('核销理由', 'Reason'), true)}
        </>
      );
  }
}
