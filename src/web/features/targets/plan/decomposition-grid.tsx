/**
 * 目标分解 grid: assessed units (rows) × indicators (columns, a page of them at a time so a plan of
 * 30 units × 60 indicators stays light), each cell the unit's share (确保–力争 or target, weight);
 * the weight total per unit (should be 100) and the API's warnings (targets that do not add up to
 * the city's, weights ≠ 100). The office clicks a cell to change or add it.
 */
import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, List, Pagination, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { peerGroupLabels } from '../../../../domains/targets/item-rules';
import type { Decomposition, PlanView } from '../../../../domains/targets/plan-api-schema';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useI18n } from '../../../lib/i18n';
import { useDecomposition } from '../api';
import { cellText, targetText, weightTotalOk } from '../targets-format';
import { AddUnitModal, CellModal, type CellTarget } from './assignment-modals';

type Unit = Decomposition['units'][number];
const COLUMNS_PER_PAGE = 8;

export function DecompositionGrid({ plan, manage }: { plan: PlanView; manage: boolean }) {
  const { t, label } = useI18n();
  const query = useDecomposition(plan.id, true);
  const [columnPage, setColumnPage] = useState(1);
  const [filter, setFilter] = useState('');
  const [cell, setCell] = useState<CellTarget | null>(null);
  const [adding, setAdding] = useState(false);
  const [showAllWarnings, setShowAllWarnings] = useState(false);
  const data = query.data;

  const cells = useMemo(() => new Map((data?.cells ?? []).map((c) => [`${c.planUnitId}:${c.indicatorId}`, c])), [data]);
  const indicators = useMemo(() => {
    const text = filter.trim().toLowerCase();
    return (data?.indicators ?? []).filter((i) => !text || `${i.code} ${i.name}`.toLowerCase().includes(text));
  }, [data, filter]);
  const shown = indicators.slice((columnPage - 1) * COLUMNS_PER_PAGE, columnPage * COLUMNS_PER_PAGE);

  if (!data) return query.error ? <ErrorAlert error={query.error} /> : <Table loading columns={[]} />;
  const warnings = data.warnings.filter((w) => w.severity === 'warning');

  const columns: ColumnsType<Unit> = [
    {
      key: 'unit',
      title: t('被考核单位', 'Unit'),
      fixed: 'left',
      width: 170,
      render: (_, u) => (
        <Flex vertical>
          <Typography.Text strong>{u.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{label(peerGroupLabels[u.peerGroup])}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'weightTotal',
      title: t('权重合计', 'Weights'),
      width: 90,
      fixed: 'left',
      render: (_, u) => (
        <Tag color={weightTotalOk(u.weightTotal) ? 'green' : 'red'} data-testid="grid-weight-total">
          {u.weightTotal}
        </Tag>
      ),
    },
    ...shown.map((ind) => ({
      key: ind.id,
      width: 130,
      title: (
        <Tooltip title={`${ind.name}：${t('全市', 'city')} ${targetText(ind.cityTargets, ind.unitOfMeasure)}`}>
          <Flex vertical>
            <span>{ind.code}</span>
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 120, fontWeight: 400 }}>{ind.name}</Typography.Text>
          </Flex>
        </Tooltip>
      ),
      render: (_: unknown, u: Unit) => {
        const c = cells.get(`${u.planUnitId}:${ind.id}`);
        if (!c) {
          return manage ? (
            <Button size="small" type="text" icon={<PlusOutlined style={{ color: '#bfbfbf' }} />} aria-label={t('分解给此单位', 'Assign')} onClick={() => setCell({ indicator: ind, unit: u, assignmentId: null })} />
          ) : (
            <Typography.Text type="secondary">—</Typography.Text>
          );
        }
        const text = cellText(c.effective);
        return manage ? (
          <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setCell({ indicator: ind, unit: u, assignmentId: c.assignmentId })} data-testid="grid-cell">
            {text}
          </Button>
        ) : (
          <span data-testid="grid-cell">{text}</span>
        );
      },
    })),
  ];

  return (
    <>
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          icon={<WarningOutlined />}
          style={{ marginBottom: 12 }}
          title={t(`分解提示 ${warnings.length} 条（目标合计与全市目标不符、权重合计不为 100 等）`, `${warnings.length} decomposition warnings`)}
          description={
            <>
              <List size="small" dataSource={showAllWarnings ? warnings : warnings.slice(0, 5)} renderItem={(w) => <List.Item style={{ padding: '2px 0' }}>{w.message}</List.Item>} data-testid="grid-warnings" />
              {warnings.length > 5 && (
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setShowAllWarnings((v) => !v)}>
                  {showAllWarnings ? t('收起', 'Less') : t(`展开全部 ${warnings.length} 条`, `Show all ${warnings.length}`)}
                </Button>
              )}
            </>
          }
        />
      )}
      <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8} align="center">
          <Input.Search allowClear placeholder={t('筛选指标', 'Filter indicators')} onSearch={(v) => { setFilter(v); setColumnPage(1); }} style={{ width: 200 }} />
          <Pagination size="small" current={columnPage} pageSize={COLUMNS_PER_PAGE} total={indicators.length} onChange={setColumnPage} showTotal={(total) => t(`指标 ${total} 项，每页 ${COLUMNS_PER_PAGE} 列`, `${total} indicators`)} />
        </Flex>
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="grid-add-unit">
            {t('添加被考核单位', 'Add a unit')}
          </Button>
        )}
      </Flex>
      <Table<Unit>
        rowKey="planUnitId"
        size="small"
        bordered
        columns={columns}
        dataSource={data.units}
        loading={query.isFetching}
        scroll={{ x: 'max-content', y: 560 }}
        pagination={data.units.length > 50 ? { pageSize: 50 } : false}
        locale={{ emptyText: t('还没有被考核单位：点“添加被考核单位”开始分解', 'No units yet') }}
        data-testid="decomposition-grid"
      />
      <CellModal plan={plan} target={cell} onClose={() => setCell(null)} />
      <AddUnitModal plan={plan} data={data} open={adding} onClose={() => setAdding(false)} />
    </>
  );
}
