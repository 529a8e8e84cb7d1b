/**
 * 新增规则版本: from a date on, a rule (or the settings: 临期 window, re-inspection and rectification
 * days) uses new parameters. The fields follow the rule's kind and start from the values in force;
 * the server then recomputes the affected devices' due dates in the background.
 */
import { Alert, App, DatePicker, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { ruleConfidenceLabels, ruleConfidences } from '../../../domains/equipment-safety/equipment/inspection-rule-types';
import { apiErrorText } from '../../components/ui/form-error';
import { ModalFooter } from '../../components/ui/modal-footer';
import { useI18n } from '../../lib/i18n';
import { useCreateRuleOverride } from './api';
import { buildRuleOverride, ruleParamValuesOf, type RuleOverrideFormValues } from './rule-payload';

export type RuleTarget = { ruleId: string; kind: string; name: string; params: Record<string, unknown> };

export function RuleOverrideModal({ target, onClose }: { target: RuleTarget | null; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Modal open={target !== null} title={target ? t(`新增规则版本：${target.name}`, `New version: ${target.name}`) : ''} onCancel={onClose} destroyOnHidden footer={null} width={600}>
      {target && <OverrideForm target={target} onClose={onClose} />}
    </Modal>
  );
}

function MonthsItem({ name, label, required }: { name: string; label: string; required?: boolean }) {
  const { t } = useI18n();
  return (
    <Form.Item name={['params', name]} label={label} rules={required ? [{ required: true, message: t('请填写', 'Required') }] : []} style={{ flex: '1 1 160px' }}>
      <InputNumber min={0} max={365} style={{ width: '100%' }} data-testid={`rule-param-${name}`} />
    </Form.Item>
  );
}

function ParamFields({ kind }: { kind: string }) {
  const { t } = useI18n();
  if (kind === 'fixed_interval')
    return (
      <Flex gap={12} wrap>
        <MonthsItem name="periodMonths" label={t('周期（月）', 'Period (months)')} required />
        <MonthsItem name="firstPeriodMonths" label={t('首次检验（投用后，月）', 'First (months)')} />
        <MonthsItem name="laterAfterInspections" label={t('第几次检验后改周期', 'After n inspections')} />
        <MonthsItem name="laterPeriodMonths" label={t('改为（月）', 'Then (months)')} />
      </Flex>
    );
  if (kind === 'inspector_set')
    return (
      <Flex gap={12} wrap>
        <MonthsItem name="minMonths" label={t('最短（月）', 'Min (months)')} required />
        <MonthsItem name="defaultMonths" label={t('默认（月）', 'Default (months)')} required />
        <MonthsItem name="maxMonths" label={t('最长（月）', 'Max (months)')} required />
      </Flex>
    );
  if (kind === 'monitored_use') return <MonthsItem name="maxMonths" label={t('累计监控使用上限（月）', 'Max monitored use (months)')} required />;
  if (kind === 'elevator_t7001_2023')
    return (
      <>
        <Form.Item name={['params', 'inspectionYears']} label={t('定期检验年份（基准月后第 n 年）', 'Inspection years')} rules={[{ required: true, message: t('请填写年份', 'Required') }]}>
          <Select mode="tags" open={false} tokenSeparators={[',', '，', '、', ' ']} />
        </Form.Item>
        <Flex gap={12} wrap>
          <MonthsItem name="everyYearAfter" label={t('此年之后每年检验', 'Every year after')} required />
          <MonthsItem name="earlyMonths" label={t('可提前（月）', 'Early (months)')} required />
          <Form.Item name={['params', 'dueDay']} label={t('到期日', 'Due day')} rules={[{ required: true }]} style={{ flex: '1 1 160px' }}>
            <Select
              options={[
                { value: 'month_start', label: t('到期月 1 日', '1st of the due month') },
                { value: 'next_month_start', label: t('到期月次月 1 日', '1st of the next month') },
              ]}
            />
          </Form.Item>
        </Flex>
      </>
    );
  if (kind === 'settings')
    return (
      <Flex gap={12} wrap>
        <MonthsItem name="warningDays" label={t('临期窗口（天）', 'Due-soon window (days)')} required />
        <MonthsItem name="reinspectionDays" label={t('不合格复检期限（天）', 'Re-inspection (days)')} required />
        <MonthsItem name="basicPassRectificationDays" label={t('基本合格整改期限（天）', 'Rectification (days)')} required />
      </Flex>
    );
  return <Alert type="info" showIcon title={t('该规则没有可配置的参数', 'This rule has no parameters')} />;
}

function OverrideForm({ target, onClose }: { target: RuleTarget; onClose(): void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleOverrideFormValues>();
  const mutation = useCreateRuleOverride();

  const submit = async (values: RuleOverrideFormValues) => {
    try {
      const result = await mutation.mutateAsync(buildRuleOverride(target.ruleId, target.kind, values));
      message.success(result.recomputeJobId ? t('已保存，正在后台重新计算受影响设备的检验到期日', 'Saved; due dates are being recomputed') : t('已保存', 'Saved'));
      onClose();
    } catch (error) {
      const issues = (error as { details?: { issues?: Array<{ path: string; message: string }> } }).details?.issues;
      message.error(issues && issues.length > 0 ? issues.map((i) => (i.path ? `${i.path}：${i.message}` : i.message)).join('；') : apiErrorText(error, t));
    }
  };

  return (
    <>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ validFrom: dayjs().add(1, 'day'), params: ruleParamValuesOf(target.kind, target.params) }}
        data-testid="rule-override-form"
      >
        <Form.Item name="validFrom" label={t('生效日期', 'Valid from')} rules={[{ required: true, message: t('请选择生效日期', 'Choose the date') }]} extra={t('自该日起适用新参数，之前按原参数', 'The new parameters apply from this date')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <ParamFields kind={target.kind} />
        <Flex gap={12} wrap>
          <Form.Item name="confidence" label={t('依据可信度', 'Confidence')} style={{ flex: '1 1 200px' }}>
            <Select allowClear options={ruleConfidences.map((c) => ({ value: c, label: `${c} · ${label(ruleConfidenceLabels[c])}` }))} />
          </Form.Item>
          <Form.Item name="source" label={t('依据来源', 'Source')} style={{ flex: '2 1 260px' }}>
            <Input maxLength={200} placeholder={t('如：TSG 71-2023 第 x 条', 'e.g. TSG 71-2023 §x')} />
          </Form.Item>
        </Flex>
        <Form.Item name="reason" label={t('调整原因', 'Reason')} rules={[{ required: true, whitespace: true, message: t('请填写原因', 'Enter the reason') }]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="rule-override-reason" />
        </Form.Item>
      </Form>
      <ModalFooter onCancel={onClose} onOk={() => form.submit()} loading={mutation.isPending} okTestId="rule-override-submit" />
    </>
  );
}
