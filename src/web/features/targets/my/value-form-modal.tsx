/**
 * The form a unit fills for one of its items — a period's progress report or the year-end
 * self-evaluation: the value (adapting to the indicator type), the self-score (self-evaluation),
 * a note and evidence files; "保存草稿" keeps it, "报送" submits it. Read-only once submitted.
 */
import { App, Button, Flex, Form, Input, Modal, Spin, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import type { IndicatorActual, IndicatorDefinition } from '../../../../domains/targets/indicator-schema';
import { showFormError } from '../../../components/ui/form-error';
import { useI18n } from '../../../lib/i18n';
import { useIndicatorDefinition } from '../api';
import { actualToDraft, draftToActual, type ActualDraft } from '../actual-draft';
import { ActualInput } from '../actual-input';
import { EvidenceUpload } from '../evidence-upload';

export type ValueFormInitial = { actual: IndicatorActual | null; note: string | null; evidence: Array<{ id: string; fileName: string | null }>; selfScore?: string | null };
export type ValueFormResult = { actual: IndicatorActual | null; note: string; evidenceFileIds: string[]; selfScore?: string; submit: boolean };

export type ValueFormModalProps = {
  open: boolean;
  title: string;
  indicatorId: string;
  initial: ValueFormInitial;
  kind: 'progress' | 'evaluation';
  readOnly: boolean;
  /** Metric-bound items: the platform supplies the value; the unit may add a note and evidence. */
  metricBound: boolean;
  extra?: ReactNode;
  onSave(result: ValueFormResult): Promise<unknown>;
  onClose(): void;
};

export function ValueFormModal(props: ValueFormModalProps) {
  return (
    <Modal open={props.open} title={props.title} onCancel={props.onClose} footer={null} destroyOnHidden width={600}>
      {props.open && <ValueForm {...props} />}
    </Modal>
  );
}

type FormValues = { actual: ActualDraft; note?: string; evidenceFileIds: string[]; selfScore?: string };

function ValueForm({ indicatorId, initial, kind, readOnly, metricBound, extra, onSave, onClose }: ValueFormModalProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const definition = useIndicatorDefinition(indicatorId);
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  const [uploading, setUploading] = useState(false);
  if (!definition.data) return definition.error ? <Typography.Text type="danger">{String(definition.error)}</Typography.Text> : <Spin />;
  const def: IndicatorDefinition = definition.data;

  const save = async (submit: boolean) => {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const actual = metricBound ? null : draftToActual(def, values.actual);
    if (!metricBound && actual === null && (submit || kind === 'progress')) {
      form.setFields([{ name: 'actual', errors: [t('请填写数值', 'Enter the value')] }]);
      return;
    }
    setBusy(submit ? 'submit' : 'draft');
    try {
      await onSave({ actual, note: (values.note ?? '').trim(), evidenceFileIds: values.evidenceFileIds ?? [], ...(values.selfScore?.trim() ? { selfScore: values.selfScore.trim() } : {}), submit });
      message.success(submit ? t('已报送', 'Submitted') : t('已保存草稿', 'Draft saved'));
      onClose();
    } catch (error) {
      showFormError(form, error, { message, t });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      disabled={readOnly}
      initialValues={{ actual: actualToDraft(initial.actual), note: initial.note ?? '', evidenceFileIds: initial.evidence.map((e) => e.id), selfScore: initial.selfScore ?? undefined }}
      data-testid={`value-form-${kind}`}
    >
      {extra}
      {metricBound ? (
        <Typography.Paragraph type="secondary">{t('此项数值由平台自动采集，无需填写；可补充说明和佐证材料。', 'The platform collects this value; add a note or evidence if needed.')}</Typography.Paragraph>
      ) : (
        <Form.Item name="actual" label={kind === 'progress' ? t('截至本期末的累计值', 'Cumulative value to date') : t('年终实际值', 'Year-end value')} required>
          <ActualInput definition={def} testId="value-actual" />
        </Form.Item>
      )}
      {kind === 'evaluation' && (
        <Form.Item name="selfScore" label={t('自评分（可选）', 'Self-score (optional)')} rules={[{ pattern: /^\d{1,12}(\.\d{1,4})?$/, message: t('须为数字', 'Must be a number') }]}>
          <Input suffix="分" style={{ maxWidth: 200 }} data-testid="value-self-score" />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('说明', 'Note')} rules={[{ max: 2000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="value-note" />
      </Form.Item>
      <Form.Item name="evidenceFileIds" label={`${t('佐证材料', 'Evidence')}：${def.evidence.description}`}>
        <EvidenceUpload max={def.evidence.maxFiles} initial={initial.evidence} disabled={readOnly} onBusyChange={setUploading} testId="value-evidence" />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button disabled={false} onClick={onClose}>{readOnly ? t('关闭', 'Close') : t('取消', 'Cancel')}</Button>
        {!readOnly && (
          <>
            <Button loading={busy === 'draft'} disabled={busy !== null || uploading} onClick={() => void save(false)} data-testid="value-save-draft">
              {t('保存草稿', 'Save draft')}
            </Button>
            <Button type="primary" loading={busy === 'submit'} disabled={busy !== null || uploading} onClick={() => void save(true)} data-testid="value-submit">
              {t('报送', 'Submit')}
            </Button>
          </>
        )}
      </Flex>
    </Form>
  );
}
