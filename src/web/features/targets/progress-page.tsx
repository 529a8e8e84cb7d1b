/**
 * 督察推进 /targets/plans/:id/progress: per assessed unit the reporting rate and timeliness (按时 /
 * 逾期 / 未报), the pace lights of its items against 序时进度, and whether it is behind; a unit's
 * row opens its items' lights. The office selects units behind and issues 督办 urging notices; the
 * reminders and urgings sent are listed. A township sees only its own unit (the API decides).
 */
import { BellOutlined, DownloadOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Row, Select, Statistic, Switch, Table, Tag, Typography, Button } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { peerGroupLabels } from '../../../domains/targets/item-rules';
import { ErrorAlert } from '../../components/ui/error-alert';
import { PageHeader } from '../../components/ui/page-header';
import { exportUrl } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useCan } from '../auth/api';
import { usePeriods, usePlan, useProgressBoard, useReportingRates } from './api';
import { NoticesCard, UnitItemsTable, UrgingModal, type ProgressRow } from './progress/progress-parts';
import { isUnitBehind, percentText } from './targets-format';
import { LoadState, PaceCounts, PlanNav, PlanTags } from './targets-ui';

export default function ProgressPage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const can = useCan();
  const plan = usePlan(id);
  const periods = usePeriods(id);
  const [periodKey, setPeriodKey] = useState<string | undefined>();
  const [onlyBehind, setOnlyBehind] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [urging, setUrging] = useState(false);
  const rates = useReportingRates(id, { periodKey });
  const board = useProgressBoard(id);

  const rows = useMemo<ProgressRow[]>(() => {
    const lights = new Map((board.data?.units ?? []).map((u) => [u.planUnitId, u]));
    return (rates.data?.units ?? []).map((u) => {
      const l = lights.get(u.planUnitId) ?? { green: 0, yellow: 0, red: 0, none: 0 };
      return { ...u, green: l.green, yellow: l.yellow, red: l.red, none: l.none, behind: isUnitBehind({ red: l.red, missing: u.missing }) };
    });
  }, [rates.data, board.data]);
  const shown = onlyBehind ? rows.filter((r) => r.behind) : rows;

  if (!plan.data) return <LoadState loading={plan.isLoading} error={plan.error} back={() => navigate('/targets')} />;
  const manage = can('targets.manage') && plan.data.status === 'published';
  const overall = rates.data?.overall;

  const columns: ColumnsType<ProgressRow> = [
    {
      key: 'unit',
      title: t('单位', 'Unit'),
      fixed: 'left',
      render: (_, r) => (
        <Flex vertical>
          <Link to={`/targets/units/${r.planUnitId}`}>{r.orgUnitName}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{label(peerGroupLabels[r.peerGroup])}</Typography.Text>
        </Flex>
      ),
    },
    { key: 'expected', dataIndex: 'expected', title: t('应报', 'Due') },
    { key: 'onTime', title: t('按时', 'On time'), render: (_, r) => <Tag color="green">{r.onTime}</Tag> },
    { key: 'late', title: t('逾期', 'Late'), render: (_, r) => (r.late > 0 ? <Tag color="orange">{r.late}</Tag> : 0) },
    { key: 'missing', title: t('未报', 'Missing'), render: (_, r) => (r.missing > 0 ? <Tag color="red">{r.missing}</Tag> : 0) },
    { key: 'rate', title: t('报送率', 'Reporting rate'), render: (_, r) => percentText(r.ratePercent) },
    { key: 'onTimeRate', title: t('及时率', 'On-time rate'), render: (_, r) => percentText(r.onTimeRatePercent) },
    { key: 'pace', title: t('进度灯（绿/黄/红）', 'Pace lights'), render: (_, r) => <PaceCounts green={r.green} yellow={r.yellow} red={r.red} /> },
    { key: 'behind', title: t('状态', 'State'), render: (_, r) => (r.behind ? <Tag color="red" data-testid="unit-behind">{t('滞后', 'Behind')}</Tag> : <Tag color="green">{t('正常', 'On track')}</Tag>) },
  ];

  return (
    <>
      <PageHeader
        breadcrumb={[
          { key: 'plans', title: t('考核计划', 'Plans'), onClick: () => navigate('/targets') },
          { key: 'plan', title: plan.data.title, onClick: () => navigate(`/targets/plans/${id}`) },
          { key: 'progress', title: t('督察推进', 'Progress') },
        ]}
        title={t('督察推进：报送与序时进度', 'Progress: reporting and pace')}
        subtitle={<PlanTags plan={plan.data} />}
        extra={<PlanNav planId={id} current="progress" />}
      />
      <ErrorAlert error={rates.error ?? board.error} />
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title={t('全年时间进度', 'Share of the year')} value={board.data?.sharePercent ?? '—'} suffix="%" /></Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title={t('报送率', 'Reporting rate')} value={overall?.ratePercent ?? '—'} suffix={overall?.ratePercent ? '%' : undefined} /></Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title={t('及时率', 'On-time rate')} value={overall?.onTimeRatePercent ?? '—'} suffix={overall?.onTimeRatePercent ? '%' : undefined} /></Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title={t('滞后单位', 'Units behind')} value={rows.filter((r) => r.behind).length} suffix={`/ ${rows.length}`} styles={{ content: { color: rows.some((r) => r.behind) ? '#cf1322' : undefined } }} data-testid="units-behind-count" /></Card>
        </Col>
      </Row>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8} align="center" justify="space-between" style={{ marginBottom: 12 }}>
          <Flex wrap gap={12} align="center">
            <Select
              allowClear
              placeholder={t('全部报送期（累计）', 'All periods')}
              value={periodKey}
              onChange={(v: string | undefined) => setPeriodKey(v)}
              options={(periods.data ?? []).filter((p) => p.state !== 'upcoming').map((p) => ({ value: p.key, label: `${p.label}（${t('截止', 'due')} ${p.deadline}）` }))}
              style={{ minWidth: 240 }}
              data-testid="progress-period"
            />
            <Flex align="center" gap={6}>
              <Switch checked={onlyBehind} onChange={setOnlyBehind} data-testid="progress-only-behind" />
              {t('只看滞后单位', 'Only units behind')}
            </Flex>
            <Typography.Text type="secondary">{t(`统计日 ${rates.data?.asOf ?? '—'}`, `As of ${rates.data?.asOf ?? '—'}`)}</Typography.Text>
          </Flex>
          <Flex gap={8}>
            <Button icon={<DownloadOutlined />} href={exportUrl(`/targets/plans/${id}/reporting-rates/export.xlsx`, { periodKey })} download>
              {t('导出 Excel', 'Export Excel')}
            </Button>
            {manage && (
              <Button type="primary" danger icon={<BellOutlined />} disabled={selected.length === 0} onClick={() => setUrging(true)} data-testid="progress-urge">
                {t(`督办所选单位（${selected.length}）`, `Urge selected (${selected.length})`)}
              </Button>
            )}
          </Flex>
        </Flex>
        <Table<ProgressRow>
          rowKey="orgUnitId"
          size="middle"
          loading={rates.isFetching || board.isFetching}
          columns={columns}
          dataSource={shown}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          rowSelection={manage ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined}
          expandable={{ expandedRowRender: (r) => (board.data ? <UnitItemsTable board={board.data} planUnitId={r.planUnitId} /> : null) }}
          data-testid="progress-table"
        />
        {manage && rows.some((r) => r.behind) && (
          <Button type="link" onClick={() => setSelected(rows.filter((r) => r.behind).map((r) => r.orgUnitId))} data-testid="progress-select-behind">
            {t('选中全部滞后单位', 'Select all units behind')}
          </Button>
        )}
      </Card>
      <NoticesCard planId={id} />
      <UrgingModal
        planId={id}
        open={urging}
        units={rows.filter((r) => selected.includes(r.orgUnitId))}
        periodKey={periodKey}
        onClose={(sent) => {
          setUrging(false);
          if (sent) setSelected([]);
        }}
      />
    </>
  );
}
