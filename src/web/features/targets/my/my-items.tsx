/**
 * The two tabs of 我的填报: a period's progress reports of the unit's own items (reported items that
 * are due every period; metric-bound ones need none), and the year-end self-evaluations of all its
 * items. Each row opens the value form; submitted rows open read-only.
 */
import { EditOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { SelfEvaluationView } from '../../../../domains/targets/assessment-schema';
import type { AssignmentView } from '../../../../domains/targets/plan-api-schema';
import type { PeriodView, ProgressReportView } from '../../../../domains/targets/progress-schema';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { api } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useProgressReports, useSelfEvaluations, useTargetsWrite } from '../api';
import { reportStatusColors, reportStatusLabels, targetText, timelinessColors, timelinessLabels } from '../targets-format';
import { ValueFormModal, type ValueFormResult } from './value-form-modal';

const periodicTypes = new Set(['count_range', 'count_target', 'rate_threshold', 'base_slope', 'task', 'checklist', 'rank']);
const expectsReport = (a: AssignmentView) => a.sourceKind === 'reported' && periodicTypes.has(a.indicatorType);
const editable = (status: string | undefined) => status === undefined || status === 'draft' || status === 'returned';

/** The latest period that has started (the one a unit reports now). */
export function currentPeriodKey(periods: PeriodView[]): string | undefined {
  const started = periods.filter((p) => p.state !== 'upcoming');
  return (started.find((p) => p.state === 'due') ?? started[started.length - 1])?.key;
}

export function ProgressTab({ planId, orgUnitId, items, periods, open }: { planId: string; orgUnitId: string; items: AssignmentView[]; periods: PeriodView[]; open: boolean }) {
  const { t, label } = useI18n();
  const [periodKey, setPeriodKey] = useState<string | undefined>(() => currentPeriodKey(periods));
  const [editing, setEditing] = useState<{ item: AssignmentView; report: ProgressReportView | null } | null>(null);
  const reports = useProgressReports(planId, { periodKey, orgUnitId, pageSize: 500 }, Boolean(periodKey));
  const byItem = useMemo(() => new Map((reports.data?.items ?? []).map((r) => [r.assignmentId, r])), [reports.data]);
  const rows = items.filter(expectsReport);
  const save = useTargetsWrite(async ({ result, item, report }: { result: ValueFormResult; item: AssignmentView; report: ProgressReportView | null }) => {
    const body = { actual: result.actual, note: result.note || undefined, evidenceFileIds: result.evidenceFileIds, submit: result.submit };
    if (report) return api.patch(`/targets/progress-reports/${report.id}`, { version: report.version, ...body, note: result.note || null });
    return api.post('/targets/progress-reports', { assignmentId: item.id, periodKey, ...body });
  });

  if (!open) return <Empty description={t('计划未发布或已关闭，不能报送进度', 'The plan is not open for reporting')} />;
  const period = periods.find((p) => p.key === periodKey);
  return (
    <>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <span>{t('报送期：', 'Period: ')}</span>
        <Select
          value={periodKey}
          onChange={setPeriodKey}
          placeholder={t('本年度报送期尚未开始', 'No period has started yet')}
          options={periods.map((p) => ({ value: p.key, label: `${p.label}（${t('截止', 'due')} ${p.deadline}）`, disabled: p.state === 'upcoming' }))}
          style={{ minWidth: 260 }}
          data-testid="my-period"
        />
        {period && <Typography.Text type="secondary">{t(`填报截至 ${period.endsOn} 的累计完成值`, `Cumulative value to ${period.endsOn}`)}</Typography.Text>}
      </Flex>
      <ErrorAlert error={reports.error} />
      <Table<AssignmentView>
        rowKey="id"
        size="middle"
        dataSource={rows}
        loading={reports.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('本单位没有需要按期报送的事项', 'Nothing to report each period') }}
        data-testid="my-progress-table"
        columns={[
          { key: 'indicator', title: t('指标', 'Indicator'), render: (_, a) => `${a.indicatorCode} ${a.indicatorName}` },
          { key: 'target', title: t('目标', 'Target'), render: (_, a) => targetText(a.effective, a.unitOfMeasure) },
          { key: 'value', title: t('本期累计值', 'Value'), render: (_, a) => byItem.get(a.id)?.actualText ?? '—' },
          {
            key: 'status',
            title: t('状态', 'Status'),
            render: (_, a) => {
              const r = byItem.get(a.id);
              if (!r) return <Tag>{t('未填报', 'Not filled')}</Tag>;
              return (
                <Flex gap={4}>
                  <Tag color={reportStatusColors[r.status]} data-testid="my-report-status">{label(reportStatusLabels[r.status])}</Tag>
                  {r.timeliness !== 'not_due' && <Tag color={timelinessColors[r.timeliness]}>{label(timelinessLabels[r.timeliness])}</Tag>}
                </Flex>
              );
            },
          },
          { key: 'comment', title: t('审核意见', 'Review'), render: (_, a) => byItem.get(a.id)?.reviewComment ?? '—' },
          {
            key: 'actions',
            title: t('操作', 'Actions'),
            render: (_, a) => {
              const r = byItem.get(a.id) ?? null;
              const canEdit = editable(r?.status) && Boolean(periodKey);
              return (
                <Button size="small" type={canEdit ? 'primary' : 'default'} icon={canEdit ? <EditOutlined /> : <EyeOutlined />} onClick={() => setEditing({ item: a, report: r })} data-testid="my-report-open">
                  {canEdit ? (r ? t('修改', 'Edit') : t('填报', 'Fill in')) : t('查看', 'View')}
                </Button>
              );
            },
          },
        ]}
      />
      {editing && (
        <ValueFormModal
          open
          kind="progress"
          title={`${period?.label ?? ''} · ${editing.item.indicatorCode} ${editing.item.indicatorName}`}
          indicatorId={editing.item.indicatorId}
          metricBound={false}
          readOnly={!editable(editing.report?.status)}
          initial={{ actual: editing.report?.actual ?? null, note: editing.report?.note ?? null, evidence: editing.report?.evidence ?? [] }}
          extra={editing.report?.reviewComment ? <Typography.Paragraph type="warning">{t('退回意见：', 'Returned: ')}{editing.report.reviewComment}</Typography.Paragraph> : undefined}
          onSave={(result) => save.mutateAsync({ result, item: editing.item, report: editing.report })}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

export function EvaluationTab({ planId, orgUnitId, items, open }: { planId: string; orgUnitId: string; items: AssignmentView[]; open: boolean }) {
  const { t, label } = useI18n();
  const [editing, setEditing] = useState<{ item: AssignmentView; evaluation: SelfEvaluationView | null } | null>(null);
  const evaluations = useSelfEvaluations(planId, { orgUnitId, pageSize: 500 });
  const byItem = useMemo(() => new Map((evaluations.data?.items ?? []).map((e) => [e.assignmentId, e])), [evaluations.data]);
  const save = useTargetsWrite(async ({ result, item, evaluation }: { result: ValueFormResult; item: AssignmentView; evaluation: SelfEvaluationView | null }) => {
    const actual = result.actual ?? undefined;
    if (evaluation) return api.patch(`/targets/self-evaluations/${evaluation.id}`, { version: evaluation.version, actual: result.actual, selfScore: result.selfScore ?? null, note: result.note || null, evidenceFileIds: result.evidenceFileIds, submit: result.submit });
    return api.post('/targets/self-evaluations', { assignmentId: item.id, ...(actual ? { actual } : {}), ...(result.selfScore ? { selfScore: result.selfScore } : {}), ...(result.note ? { note: result.note } : {}), evidenceFileIds: result.evidenceFileIds, submit: result.submit });
  });

  return (
    <>
      <ErrorAlert error={evaluations.error} />
      <Table<AssignmentView>
        rowKey="id"
        size="middle"
        dataSource={items}
        loading={evaluations.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid="my-evaluation-table"
        columns={[
          { key: 'indicator', title: t('指标', 'Indicator'), render: (_, a) => `${a.indicatorCode} ${a.indicatorName}` },
          { key: 'lead', dataIndex: 'leadOrgUnitName', title: t('审核部门', 'Reviewer') },
          { key: 'value', title: t('年终值', 'Value'), render: (_, a) => byItem.get(a.id)?.actualText ?? (a.sourceKind === 'metric' ? t('平台采集', 'Collected') : '—') },
          { key: 'selfScore', title: t('自评分', 'Self-score'), render: (_, a) => byItem.get(a.id)?.selfScore ?? '—' },
          {
            key: 'status',
            title: t('状态', 'Status'),
            render: (_, a) => {
              const e = byItem.get(a.id);
              return e ? <Tag color={reportStatusColors[e.status]} data-testid="my-evaluation-status">{label(reportStatusLabels[e.status])}</Tag> : <Tag>{t('未自评', 'Not yet')}</Tag>;
            },
          },
          {
            key: 'review',
            title: t('审核', 'Review'),
            render: (_, a) => {
              const review = byItem.get(a.id)?.reviews[0];
              return review ? `${review.reviewerName}：${review.adjustedText ? `${t('核定为', 'set to')} ${review.adjustedText}；` : ''}${review.comment ?? ''}` : '—';
            },
          },
          {
            key: 'actions',
            title: t('操作', 'Actions'),
            render: (_, a) => {
              const e = byItem.get(a.id) ?? null;
              const canEdit = open && editable(e?.status);
              return (
                <Button size="small" type={canEdit ? 'primary' : 'default'} icon={canEdit ? <EditOutlined /> : <EyeOutlined />} onClick={() => setEditing({ item: a, evaluation: e })} data-testid="my-evaluation-open">
                  {canEdit ? (e ? t('修改', 'Edit') : t('自评', 'Evaluate')) : t('查看', 'View')}
                </Button>
              );
            },
          },
        ]}
      />
      {editing && (
        <ValueFormModal
          open
          kind="evaluation"
          title={`${t('年终自评', 'Self-evaluation')} · ${editing.item.indicatorCode} ${editing.item.indicatorName}`}
          indicatorId={editing.item.indicatorId}
          metricBound={editing.item.sourceKind === 'metric'}
          readOnly={!open || !editable(editing.evaluation?.status)}
          initial={{ actual: editing.evaluation?.actual ?? null, note: editing.evaluation?.note ?? null, evidence: editing.evaluation?.evidence ?? [], selfScore: editing.evaluation?.selfScore ?? null }}
          extra={<Typography.Paragraph type="secondary">{label(editing.item.explanation)}</Typography.Paragraph>}
          onSave={(result) => save.mutateAsync({ result, item: editing.item, evaluation: editing.evaluation })}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
