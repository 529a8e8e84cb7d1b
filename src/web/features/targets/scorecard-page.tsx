/**
 * 单位记分卡 /targets/units/:id: every item of one assessed unit with its rule in words, target,
 * live or reported value, pace light (序时进度), reporting record, self-evaluation and review, and
 * score; "溯源" opens who/what produced the value, when, from how many records, with the link to
 * the source records. The header shows the estimated total and grade and the last official score.
 */
import { ApiOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { ScorecardItem } from '../../../domains/targets/assessment-schema';
import { peerGroupLabels } from '../../../domains/targets/item-rules';
import { PageHeader } from '../../components/ui/page-header';
import { useI18n } from '../../lib/i18n';
import { useScorecard } from './api';
import { ProvenanceDrawer } from './scorecard/provenance-drawer';
import { rankText, reportStatusColors, reportStatusLabels, sourceLabels, stageLabels, targetText } from './targets-format';
import { GradeTag, LoadState, PaceCounts, PaceLight } from './targets-ui';

export default function ScorecardPage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const query = useScorecard(id);
  const [drill, setDrill] = useState<ScorecardItem | null>(null);
  if (!query.data) return <LoadState loading={query.isLoading} error={query.error} back={() => navigate('/targets')} backLabel={t('返回考核计划', 'Back to plans')} />;
  const card = query.data;
  const { preview, stored } = card;

  const columns: ColumnsType<ScorecardItem> = [
    {
      key: 'indicator',
      title: t('指标与计分规则', 'Indicator and rule'),
      width: 310,
      render: (_, i) => (
        <Flex vertical gap={2}>
          <Typography.Text strong>
            {i.indicator.code} {i.indicator.name}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="scorecard-rule">
            {label(i.rule)}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('牵头部门：', 'Lead: ')}
            {i.leadOrgUnitName}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'target', title: t('目标', 'Target'), width: 120, render: (_, i) => targetText(i.targets, i.indicator.unitOfMeasure) },
    {
      key: 'value',
      title: t('当前值', 'Value'),
      width: 120,
      render: (_, i) => (
        <Flex vertical gap={2}>
          <span data-testid="scorecard-value">{i.value.text}</span>
          {i.value.source && (
            <Tag color={i.value.live ? 'geekblue' : 'default'} icon={i.value.live ? <ApiOutlined /> : undefined} style={{ width: 'fit-content' }}>
              {label(sourceLabels[i.value.source])}
              {i.value.live ? t('·实时', '·live') : ''}
            </Tag>
          )}
        </Flex>
      ),
    },
    { key: 'pace', title: t('序时进度', 'Pace'), width: 120, render: (_, i) => <PaceLight pace={i.pace} showExpected testId="scorecard-pace" /> },
    {
      key: 'reporting',
      title: t('报送', 'Reporting'),
      width: 110,
      render: (_, i) =>
        i.reporting.dueReports === 0 ? (
          <Typography.Text type="secondary">{i.indicator.sourceKind === 'metric' ? t('平台采集', 'Collected') : t('暂无应报', 'None due')}</Typography.Text>
        ) : (
          <Tooltip title={t(`应报 ${i.reporting.dueReports}：按时 ${i.reporting.onTime}，逾期 ${i.reporting.late}，未报 ${i.reporting.missing}`, 'due / on time / late / missing')}>
            <span>
              {i.reporting.onTime}/{i.reporting.dueReports}
              {i.reporting.late > 0 && <Tag color="orange" style={{ marginLeft: 4 }}>{t(`逾期${i.reporting.late}`, `late ${i.reporting.late}`)}</Tag>}
              {i.reporting.missing > 0 && <Tag color="red" style={{ marginLeft: 4 }}>{t(`未报${i.reporting.missing}`, `missing ${i.reporting.missing}`)}</Tag>}
            </span>
          </Tooltip>
        ),
    },
    {
      key: 'evaluation',
      title: t('自评 / 审核', 'Self-evaluation'),
      width: 120,
      render: (_, i) =>
        i.selfEvaluation ? (
          <Flex vertical gap={2}>
            <Tag color={reportStatusColors[i.selfEvaluation.status]} style={{ width: 'fit-content' }}>{label(reportStatusLabels[i.selfEvaluation.status])}</Tag>
            {i.review?.adjustedText && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('核定：', 'Set: ')}{i.review.adjustedText}</Typography.Text>}
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      key: 'score',
      title: t('得分', 'Score'),
      width: 110,
      render: (_, i) => (
        <Tooltip title={i.score.explanation}>
          <span data-testid="scorecard-score">
            {i.score.effect === 'veto' ? (i.score.vetoTriggered ? <Tag color="red">{t('否决', 'Veto')}</Tag> : t('未触发', 'Not triggered')) : `${i.score.effect === 'deduction' ? '−' : i.score.effect === 'bonus' ? '+' : ''}${i.score.score} / ${i.score.maxScore}`}
          </span>
        </Tooltip>
      ),
    },
    {
      key: 'drill',
      title: t('溯源', 'Source'),
      width: 60,
      fixed: 'right',
      render: (_, i) => <Button size="small" icon={<NodeIndexOutlined />} onClick={() => setDrill(i)} aria-label={t('数值溯源', 'Provenance')} data-testid="scorecard-drill" />,
    },
  ];

  return (
    <>
      <PageHeader
        breadcrumb={[
          { key: 'plans', title: t('考核计划', 'Plans'), onClick: () => navigate('/targets') },
          { key: 'plan', title: card.plan.title, onClick: () => navigate(`/targets/plans/${card.plan.id}?tab=units`) },
          { key: 'unit', title: card.unit.name },
        ]}
        title={<span data-testid="scorecard-title">{t(`${card.unit.name} · 考核记分卡`, `${card.unit.name} · scorecard`)}</span>}
        subtitle={
          <Flex wrap gap={4}>
            <Tag>{label(peerGroupLabels[card.unit.peerGroup])}</Tag>
            <Tag color="blue">{label(stageLabels[card.plan.stage])}</Tag>
            <Typography.Text type="secondary">{t(`截至 ${card.asOf}，全年时间进度 ${card.sharePercent}%`, `As of ${card.asOf}, ${card.sharePercent}% of the year`)}</Typography.Text>
          </Flex>
        }
      />
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('按当前数据预估总分', 'Estimated total')} value={preview.total} suffix={<GradeTag grade={preview.grade} vetoed={preview.vetoed} testId="scorecard-grade" />} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('指标得分 / 加分 / 扣分', 'Score / bonus / deduction')} value={`${preview.raw} / +${preview.bonusApplied} / −${preview.deductionApplied}`} styles={{ content: { fontSize: 18 } }} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('正式计分', 'Official score')} value={stored ? stored.total : '—'} suffix={stored ? <>{rankText(stored.rank, stored.isTied, t)}</> : undefined} styles={{ content: { fontSize: 18 } }} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" title={t('序时进度', 'Pace')} styles={{ body: { paddingTop: 8 } }}>
            <PaceCounts {...card.paceSummary} />
          </Card>
        </Col>
      </Row>
      <Table<ScorecardItem>
        rowKey="assignmentId"
        size="middle"
        columns={columns}
        dataSource={card.items}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="scorecard-table"
      />
      <ProvenanceDrawer item={drill} onClose={() => setDrill(null)} />
    </>
  );
}
