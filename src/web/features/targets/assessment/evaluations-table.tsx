/**
 * Year-end self-evaluations of a plan with their evidence and reviews. A lead department (考核牵头部门)
 * sees its review queue and accepts, adjusts (a corrected value, re-scored by the rules, with a
 * comment) or returns each one; the office sees them all; a unit sees its own.
 */
import { App, Flex, Form, Input, Modal, Radio, Select, Spin, Switch, Table, Tag, Typography, Button } from 'antd';
import { useState } from 'react';
import type { SelfEvaluationView } from '../../../../domains/targets/assessment-schema';
import { reportStatuses } from '../../../../domains/targets/workflow-rules';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { showFormError } from '../../../components/ui/form-error';
import { ModalFooter } from '../../../components/ui/modal-footer';
import { api } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useIndicatorDefinition, useSelfEvaluations, useTargetsWrite } from '../api';
import { draftToActual, actualToDraft, type ActualDraft } from '../actual-draft';
import { ActualInput } from '../actual-input';
import { EvidenceList } from '../evidence-upload';
import { reportStatusColors, reportStatusLabels, reviewDecisionLabels } from '../targets-format';

export function EvaluationsTable({ planId, reviewer, reviewOpen }: { planId: string; reviewer: boolean; reviewOpen: boolean }) {
  const { t, label } = useI18n();
  const [queue, setQueue] = useState(reviewer);
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [reviewing, setReviewing] = useState<SelfEvaluationView | null>(null);
  const query = useSelfEvaluations(planId, { reviewQueue: queue ? 'true' : undefined, status, page, pageSize: 20 });

  return (
    <>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
        {reviewer && (
          <Flex align="center" gap={6}>
            <Switch checked={queue} onChange={(v) => { setQueue(v); setPage(1); }} data-testid="evaluations-queue" />
            {t('只看本部门牵头审核的', 'Only items I review')}
          </Flex>
        )}
        <Select
          allowClear
          placeholder={t('状态', 'Status')}
          value={status}
          onChange={(v: string | undefined) => { setStatus(v); setPage(1); }}
          options={reportStatuses.map((s) => ({ value: s, label: label(reportStatusLabels[s]) }))}
          style={{ minWidth: 120 }}
          data-testid="evaluations-status"
        />
      </Flex>
      <ErrorAlert error={query.error} />
      <Table<SelfEvaluationView>
        rowKey="id"
        size="middle"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('暂无自评', 'No self-evaluations') }}
        pagination={{ current: page, pageSize: 20, total: query.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        data-testid="evaluations-table"
        columns={[
          { key: 'unit', dataIndex: 'orgUnitName', title: t('单位', 'Unit'), fixed: 'left' },
          { key: 'indicator', title: t('指标', 'Indicator'), render: (_, e) => `${e.indicatorCode} ${e.indicatorName}` },
          { key: 'lead', dataIndex: 'leadOrgUnitName', title: t('牵头部门', 'Lead') },
          { key: 'value', dataIndex: 'actualText', title: t('年终值', 'Value') },
          { key: 'selfScore', title: t('自评分', 'Self-score'), render: (_, e) => e.selfScore ?? '—' },
          { key: 'note', title: t('说明', 'Note'), render: (_, e) => <Typography.Text ellipsis style={{ maxWidth: 200 }}>{e.note ?? '—'}</Typography.Text> },
          { key: 'evidence', title: t('佐证', 'Evidence'), render: (_, e) => <EvidenceList files={e.evidence} /> },
          { key: 'status', title: t('状态', 'Status'), render: (_, e) => <Tag color={reportStatusColors[e.status]} data-testid="evaluation-status">{label(reportStatusLabels[e.status])}</Tag> },
          {
            key: 'review',
            title: t('审核意见', 'Review'),
            render: (_, e) => {
              const r = e.reviews[0];
              return r ? (
                <span data-testid="evaluation-review">
                  <Tag>{label(reviewDecisionLabels[r.decision])}</Tag>
                  {r.adjustedText ? `${t('核定', 'set')} ${r.adjustedText}；` : ''}
                  {r.comment ?? ''}
                </span>
              ) : (
                '—'
              );
            },
          },
          {
            key: 'actions',
            title: t('操作', 'Actions'),
            fixed: 'right',
            render: (_, e) =>
              e.canReview && e.status === 'submitted' && reviewOpen ? (
                <Button size="small" type="primary" onClick={() => setReviewing(e)} data-testid="evaluation-review-open">
                  {t('审核', 'Review')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal open={reviewing !== null} title={reviewing ? `${t('审核自评', 'Review')} · ${reviewing.orgUnitName} · ${reviewing.indicatorCode}` : ''} onCancel={() => setReviewing(null)} footer={null} destroyOnHidden width={560}>
        {reviewing && <ReviewForm evaluation={reviewing} onClose={() => setReviewing(null)} />}
      </Modal>
    </>
  );
}

type ReviewValues = { decision: 'accept' | 'adjust' | 'return'; adjusted?: ActualDraft; comment?: string };

function ReviewForm({ evaluation, onClose }: { evaluation: SelfEvaluationView; onClose(): void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReviewValues>();
  const decision = Form.useWatch('decision', form);
  const definition = useIndicatorDefinition(evaluation.indicatorId);
  const review = useTargetsWrite((v: ReviewValues) => {
    const adjustedActual = v.decision === 'adjust' && definition.data ? draftToActual(definition.data, v.adjusted) : null;
    return api.post<SelfEvaluationView>(`/targets/self-evaluations/${evaluation.id}/reviews`, {
      version: evaluation.version,
      decision: v.decision,
      ...(adjustedActual ? { adjustedActual } : {}),
      ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}),
    });
  });
  if (!definition.data) return <Spin />;

  const submit = async (v: ReviewValues) => {
    try {
      await review.mutateAsync(v);
      message.success(t(`已${label(reviewDecisionLabels[v.decision])}`, 'Reviewed'));
      onClose();
    } catch (error) {
      showFormError(form, error, { message, t });
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ decision: 'accept', adjusted: actualToDraft(evaluation.actual) }} data-testid="review-form">
      <Typography.Paragraph>
        {t('单位自评：', 'Reported: ')}
        <Typography.Text strong>{evaluation.actualText}</Typography.Text>
        {evaluation.selfScore ? t(`，自评 ${evaluation.selfScore} 分`, `, self-score ${evaluation.selfScore}`) : ''}
      </Typography.Paragraph>
      <Form.Item name="decision" label={t('审核结论', 'Decision')}>
        <Radio.Group optionType="button" options={(['accept', 'adjust', 'return'] as const).map((d) => ({ value: d, label: label(reviewDecisionLabels[d]) }))} data-testid="review-decision" />
      </Form.Item>
      {decision === 'adjust' && (
        <Form.Item name="adjusted" label={t('核定值（按规则重新计分）', 'Corrected value (re-scored)')} required>
          <ActualInput definition={definition.data} testId="review-adjusted" />
        </Form.Item>
      )}
      <Form.Item name="comment" label={t('审核意见', 'Comment')} rules={decision && decision !== 'accept' ? [{ required: true, message: t('调整或退回须填写意见', 'A comment is required') }] : []}>
        <Input.TextArea autoSize={{ minRows: 2 }} data-testid="review-comment" />
      </Form.Item>
      <ModalFooter onCancel={onClose} onOk={() => form.submit()} loading={review.isPending} okText={t('提交审核', 'Submit review')} danger={decision === 'return'} okTestId="review-submit" />
    </Form>
  );
}
