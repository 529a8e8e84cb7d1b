/**
 * Edit one cell of the control-rule table (managers): change the outcome and text of the rule that
 * decides it, or — when the cell follows the tier default — add a rule for that tier × project
 * type. "恢复默认" deletes the rule so the tier default applies again.
 */
import { App, Alert, Button, Flex, Form, Input, Modal, Radio, Typography } from 'antd';
import { sitingOutcomes, type SitingOutcome } from '../../../../domains/environment/geo/control-rules';
import { showFormError } from '../../../components/ui/form-error';
import { useI18n } from '../../../lib/i18n';
import { useCreateControlRule, useDeleteControlRule, useUpdateControlRule } from '../api';
import { sitingOutcomeLabels } from '../env-labels';
import type { RuleCell } from './rule-matrix';

export type RuleEditTarget = RuleCell & { zoneType: string | null };
type Values = { outcome: SitingOutcome; text: string };

export function ControlRuleModal({ target, onClose }: { target: RuleEditTarget | null; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Modal open={target !== null} onCancel={onClose} footer={null} destroyOnHidden width={600} title={t('管控规则', 'Control rule')}>
      {target && <RuleForm target={target} onClose={onClose} />}
    </Modal>
  );
}

function RuleForm({ target, onClose }: { target: RuleEditTarget; onClose(): void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateControlRule();
  const update = useUpdateControlRule();
  const remove = useDeleteControlRule();
  const rule = target.rule;

  const submit = async (values: Values) => {
    try {
      if (rule?.id && rule.version !== null) {
        await update.mutateAsync({ id: rule.id, input: { version: rule.version, outcome: values.outcome, text: values.text.trim() } });
      } else {
        await create.mutateAsync({ tier: target.tier, projectType: target.projectType, zoneType: target.zoneType, outcome: values.outcome, text: values.text.trim() });
      }
      message.success(t('规则已保存', 'Rule saved'));
      onClose();
    } catch (error) {
      showFormError(form, error, { message, t });
    }
  };

  const revert = async () => {
    if (!rule?.id || rule.version === null) return;
    try {
      await remove.mutateAsync({ id: rule.id, version: rule.version });
      message.success(t('已删除规则，恢复为管控级别默认', 'Rule deleted; the tier default applies'));
      onClose();
    } catch (error) {
      showFormError(form, error, { message, t });
    }
  };

  return (
    <>
      <Typography.Paragraph>
        <b>{target.tier}</b> × <b>{target.projectTypeLabel}</b>
        {target.zoneType && (
          <>
            {' '}
            × <b>{target.zoneType}</b>
          </>
        )}
      </Typography.Paragraph>
      {!rule && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('当前采用管控级别默认规则；保存后将新增一条专门规则。', 'This cell follows the tier default; saving adds a specific rule.')}
        />
      )}
      <Form form={form} layout="vertical" initialValues={{ outcome: target.outcome, text: target.text }} onFinish={submit} data-testid="rule-form">
        <Form.Item name="outcome" label={t('结论', 'Outcome')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={sitingOutcomes.map((o) => ({ value: o, label: label(sitingOutcomeLabels[o]) }))} />
        </Form.Item>
        <Form.Item name="text" label={t('规则条文', 'Rule text')} rules={[{ required: true, whitespace: true }, { max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid="rule-form-text" />
        </Form.Item>
      </Form>
      <Flex justify="space-between" gap={8}>
        <span>
          {rule && (
            <Button danger onClick={revert} loading={remove.isPending} data-testid="rule-form-revert">
              {t('删除规则（恢复默认）', 'Delete rule (use default)')}
            </Button>
          )}
        </span>
        <Flex gap={8}>
          <Button onClick={onClose}>{t('取消', 'Cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} loading={create.isPending || update.isPending} data-testid="rule-form-submit">
            {t('保存', 'Save')}
          </Button>
        </Flex>
      </Flex>
    </>
  );
}
