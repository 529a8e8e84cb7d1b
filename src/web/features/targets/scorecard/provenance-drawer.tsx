/**
 * 数值溯源 of one item: the value that counts now and who or what produced it (a unit's report or
 * self-evaluation, a reviewer's adjustment, or a live platform metric with its record count and a
 * link to the module's list of source records), stored snapshots, and the progress reports behind it.
 */
import { LinkOutlined } from '@ant-design/icons';
import { Alert, Descriptions, Drawer, Empty, Spin, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { ScorecardItem } from '../../../../domains/targets/assessment-schema';
import type { ProgressReportView, ValueProvenance } from '../../../../domains/targets/progress-schema';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { formatTimestamp } from '../../../components/ui/history-timeline';
import { useI18n } from '../../../lib/i18n';
import { useItemValues } from '../api';
import { EvidenceList } from '../evidence-upload';
import { reportStatusColors, reportStatusLabels, reviewDecisionLabels, sourceLabels, timelinessColors, timelinessLabels } from '../targets-format';

function ProvenanceFacts({ p }: { p: ValueProvenance }) {
  const { t, label } = useI18n();
  const items = [
    { key: 'kind', label: t('来源类型', 'Source'), children: <Tag color={p.kind === 'metric' ? 'geekblue' : 'blue'}>{label(sourceLabels[p.kind])}</Tag> },
    { key: 'source', label: t('由谁 / 由什么产生', 'Produced by'), children: <span data-testid="provenance-source">{p.source}</span> },
    { key: 'by', label: t('报送人 / 指标键', 'By'), children: p.producedBy ?? '—' },
    { key: 'at', label: t('产生时间', 'When'), children: p.producedAt ? formatTimestamp(p.producedAt) : '—' },
    { key: 'count', label: t('据以计算的记录数', 'Records'), children: <span data-testid="provenance-count">{p.recordCount ?? '—'}</span> },
  ];
  if (p.numerator !== null || p.denominator !== null) items.push({ key: 'ratio', label: t('分子 / 分母', 'Numerator / denominator'), children: <>{`${p.numerator ?? '—'} / ${p.denominator ?? '—'}`}</> });
  if (p.period) items.push({ key: 'period', label: t('统计期间', 'Period'), children: <>{`${p.period.from} ~ ${p.period.to}`}</> });
  if (p.note) items.push({ key: 'note', label: t('说明', 'Note'), children: <>{p.note}</> });
  items.push({
    key: 'link',
    label: t('源记录', 'Source records'),
    children: p.link ? (
      <Link to={p.link} data-testid="provenance-link">
        <LinkOutlined /> {t('查看源记录列表', 'Open the source records')}
      </Link>
    ) : (
      <Typography.Text type="secondary">{p.kind === 'metric' ? t('该指标未提供列表链接', 'No list link for this metric') : t('见下方报送记录', 'See the reports below')}</Typography.Text>
    ),
  });
  if (p.evidenceFileIds.length > 0) items.push({ key: 'evidence', label: t('佐证材料', 'Evidence'), children: <EvidenceList files={p.evidenceFileIds.map((id) => ({ id, fileName: null }))} /> });
  return <Descriptions size="small" column={1} bordered items={items} />;
}

export function ProvenanceDrawer({ item, onClose }: { item: ScorecardItem | null; onClose(): void }) {
  const { t, label } = useI18n();
  const query = useItemValues(item?.assignmentId ?? null);
  const data = query.data;
  return (
    <Drawer open={item !== null} onClose={onClose} size={720} title={item ? `${t('数值溯源', 'Provenance')} · ${item.indicator.code} ${item.indicator.name}` : ''} destroyOnHidden data-testid="provenance-drawer">
      {item && (
        <>
          <Typography.Paragraph type="secondary">{label(item.rule)}</Typography.Paragraph>
          <ErrorAlert error={query.error} />
          {!data && query.isLoading && <Spin />}
          {data && (
            <>
              <Typography.Title level={5}>
                {t('当前计分值：', 'Value used now: ')}
                <span data-testid="provenance-value">{data.current.text}</span> {data.current.live && <Tag color="geekblue">{t('实时', 'live')}</Tag>}
              </Typography.Title>
              {data.current.provenance ? <ProvenanceFacts p={data.current.provenance} /> : <Empty description={t('尚无数值：单位还未报送', 'No value yet')} />}
              {item.review && (
                <Alert
                  style={{ marginTop: 12 }}
                  type={item.review.decision === 'return' ? 'warning' : 'info'}
                  showIcon
                  title={`${item.review.reviewerName} ${label(reviewDecisionLabels[item.review.decision])}${item.review.adjustedText ? `：${item.review.adjustedText}` : ''}`}
                  description={item.review.comment ?? undefined}
                />
              )}
              {data.live && data.current.source !== 'metric' && (
                <>
                  <Typography.Title level={5} style={{ marginTop: 16 }}>{t('平台指标实时值：', 'Live metric value: ')}{data.live.text}</Typography.Title>
                  {data.live.provenance && <ProvenanceFacts p={data.live.provenance} />}
                </>
              )}
              {data.snapshots.length > 0 && (
                <>
                  <Typography.Title level={5} style={{ marginTop: 16 }}>{t('保存的指标值', 'Stored values')}</Typography.Title>
                  <Table
                    rowKey="id"
                    size="small"
                    pagination={false}
                    dataSource={data.snapshots}
                    columns={[
                      { key: 'at', title: t('计算时间', 'Computed'), render: (_, s) => formatTimestamp(s.computedAt) },
                      { key: 'value', dataIndex: 'value', title: t('数值', 'Value'), render: (v: string | null) => v ?? '—' },
                      { key: 'purpose', title: t('用途', 'Purpose'), render: (_, s) => (s.purpose === 'scoring' ? t('计分', 'Scoring') : t('快照', 'Snapshot')) },
                      { key: 'changed', title: t('此后变化', 'Changed since'), render: (_, s) => (s.changedSince ? <Tag color="orange">{t('已变化', 'changed')}</Tag> : '—') },
                    ]}
                  />
                </>
              )}
              <Typography.Title level={5} style={{ marginTop: 16 }}>{t('进度报送记录', 'Progress reports')}</Typography.Title>
              <Table<ProgressReportView>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={data.reports}
                locale={{ emptyText: t('无报送记录', 'No reports') }}
                data-testid="provenance-reports"
                columns={[
                  { key: 'period', dataIndex: 'periodLabel', title: t('报送期', 'Period') },
                  { key: 'value', dataIndex: 'actualText', title: t('累计值', 'Value') },
                  { key: 'status', title: t('状态', 'Status'), render: (_, r) => <Tag color={reportStatusColors[r.status]}>{label(reportStatusLabels[r.status])}</Tag> },
                  { key: 'timeliness', title: t('及时性', 'Timeliness'), render: (_, r) => <Tag color={timelinessColors[r.timeliness]}>{label(timelinessLabels[r.timeliness])}</Tag> },
                  { key: 'by', title: t('报送', 'Submitted'), render: (_, r) => (r.submittedAt ? `${r.submittedByName ?? ''} ${formatTimestamp(r.submittedAt)}` : '—') },
                  { key: 'evidence', title: t('佐证', 'Evidence'), render: (_, r) => <EvidenceList files={r.evidence} /> },
                ]}
              />
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
