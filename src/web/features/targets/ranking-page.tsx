/**
 * 考核排名 /targets/plans/:id/ranking: one table per peer group (departments, townships/streets,
 * parks) with rank (ties shown), indicator score, bonus, deduction, total, grade A/B/C/D and veto;
 * the tie-break rule; a bar chart of the totals; Excel export of the score sheet and the ranking.
 * The office sees current scores any time; units see the ranking once it is put up for publicity.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Row, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Ranking, RankingRow } from '../../../domains/targets/assessment-schema';
import type { TieBreakKey } from '../../../domains/targets/plan-schema';
import { PageHeader } from '../../components/ui/page-header';
import { exportUrl } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { EChart } from '../environment/charts/echart';
import { usePlan, useRanking } from './api';
import { rankingChartOption } from './ranking-chart';
import { rankText, stageLabels, tieBreakLabels } from './targets-format';
import { GradeTag, LoadState, PlanNav, PlanTags } from './targets-ui';

export default function RankingPage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const plan = usePlan(id);
  const ranking = useRanking(id);
  if (!plan.data) return <LoadState loading={plan.isLoading} error={plan.error} back={() => navigate('/targets')} />;
  const data = ranking.data;
  const tieBreak = (data?.tieBreak ?? []).map((k) => label(tieBreakLabels[k as TieBreakKey]) || k).join(' → ');

  return (
    <>
      <PageHeader
        breadcrumb={[
          { key: 'plans', title: t('考核计划', 'Plans'), onClick: () => navigate('/targets') },
          { key: 'plan', title: plan.data.title, onClick: () => navigate(`/targets/plans/${id}`) },
          { key: 'ranking', title: t('考核排名', 'Ranking') },
        ]}
        title={t('考核排名', 'Ranking')}
        subtitle={<PlanTags plan={plan.data} />}
        extra={
          <>
            <PlanNav planId={id} current="ranking" />
            <Button icon={<DownloadOutlined />} href={exportUrl(`/targets/plans/${id}/scores/export.xlsx`)} download disabled={!data} data-testid="ranking-export-scores">
              {t('导出得分表', 'Export score sheet')}
            </Button>
            <Button icon={<DownloadOutlined />} href={exportUrl(`/targets/plans/${id}/ranking/export.xlsx`)} download disabled={!data} data-testid="ranking-export">
              {t('导出排名表', 'Export ranking')}
            </Button>
          </>
        }
      />
      {!data ? (
        <LoadState loading={ranking.isLoading} error={ranking.error} />
      ) : (
        <>
          <Alert
            type={data.publication?.kind === 'final' ? 'success' : data.publication ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="ranking-state"
            title={
              data.publication
                ? data.publication.kind === 'final'
                  ? t(`已于 ${data.publication.startsOn} 正式发布`, `Published on ${data.publication.startsOn}`)
                  : t(`公示中：${data.publication.startsOn} 至 ${data.publication.endsOn}`, `Under publicity ${data.publication.startsOn} – ${data.publication.endsOn}`)
                : data.computedAt
                  ? t(`${label(stageLabels[data.stage])}：最近计分 ${data.computedAt.slice(0, 16).replace('T', ' ')}（未公示，仅质强办可见）`, 'Scored, not yet public')
                  : t('尚未计分：在“年终考核”页计分后显示排名', 'Not scored yet')
            }
            description={t(`同分排序：${tieBreak || '—'}；一票否决的单位排在最后，等次为最低等。`, `Tie-break: ${tieBreak || '—'}; vetoed units rank last.`)}
          />
          {data.groups.length === 0 && <Empty description={t('暂无得分', 'No scores yet')} />}
          {data.groups.map((g) => (
            <GroupCard key={g.peerGroup} group={g} />
          ))}
        </>
      )}
    </>
  );
}

function GroupCard({ group }: { group: Ranking['groups'][number] }) {
  const { t } = useI18n();
  const option = useMemo(() => rankingChartOption(group.chart, t), [group.chart, t]);
  return (
    <Card
      size="small"
      title={`${group.label}（${group.rows.length}）`}
      style={{ marginBottom: 12 }}
      extra={
        <Space size={4}>
          {Object.entries(group.chart.gradeCounts).map(([grade, n]) => (
            <Tag key={grade}>{`${grade} ${n}`}</Tag>
          ))}
        </Space>
      }
      data-testid={`ranking-group-${group.peerGroup}`}
    >
      <Row gutter={12}>
        <Col xs={24} xl={13}>
          <Table<RankingRow>
            rowKey="planUnitId"
            size="small"
            dataSource={group.rows}
            pagination={group.rows.length > 20 ? { pageSize: 20 } : false}
            scroll={{ x: 'max-content' }}
            data-testid="ranking-table"
            columns={[
              { key: 'rank', title: t('名次', 'Rank'), render: (_, r) => <span data-testid="ranking-rank">{rankText(r.rank, r.isTied, t)}</span> },
              { key: 'unit', title: t('单位', 'Unit'), render: (_, r) => <Link to={`/targets/units/${r.planUnitId}`} data-testid="ranking-unit">{r.orgUnitName}</Link> },
              { key: 'raw', dataIndex: 'raw', title: t('指标得分', 'Score') },
              { key: 'bonus', title: t('加分', 'Bonus'), render: (_, r) => `+${r.bonusApplied}` },
              { key: 'deduction', title: t('扣分', 'Deduction'), render: (_, r) => `−${r.deductionApplied}` },
              { key: 'total', title: t('总分', 'Total'), render: (_, r) => <Typography.Text strong data-testid="ranking-total">{r.total}</Typography.Text> },
              { key: 'grade', title: t('等次', 'Grade'), render: (_, r) => <GradeTag grade={r.grade} vetoed={r.vetoed} testId="ranking-grade" /> },
              { key: 'veto', title: t('否决项', 'Veto'), render: (_, r) => (r.vetoed ? r.vetoCodes.join('、') : '—') },
            ]}
          />
        </Col>
        <Col xs={24} xl={11}>
          <Flex vertical>
            <EChart option={option} height={Math.max(260, Math.min(420, 180 + group.rows.length * 12))} testId={`ranking-chart-${group.peerGroup}`} ariaLabel={t(`${group.label}总分柱状图`, `${group.label} totals`)} />
          </Flex>
        </Col>
      </Row>
    </Card>
  );
}
