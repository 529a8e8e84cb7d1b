/** Protected area (geodesic km²) by control tier, territory or zone type; overlaps counted once. */
import { Card, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import type { AreaTotals } from '../../../../domains/environment/redline-schema';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useI18n } from '../../../lib/i18n';
import { useAreaTotals } from '../api';
import { formatKm2 } from '../env-labels';

type Grouping = 'tier' | 'territory' | 'type';
type Group = AreaTotals['groups'][number];

export function AreaTotalsCard() {
  const { t } = useI18n();
  const [groupBy, setGroupBy] = useState<Grouping>('tier');
  const totals = useAreaTotals(groupBy);
  const data = totals.data;
  return (
    <Card
      size="small"
      title={t('保护面积合计', 'Protected area totals')}
      extra={
        <Segmented<Grouping>
          size="small"
          value={groupBy}
          onChange={setGroupBy}
          options={[
            { value: 'tier', label: t('按管控级别', 'By tier') },
            { value: 'territory', label: t('按辖区', 'By territory') },
            { value: 'type', label: t('按类型', 'By type') },
          ]}
          data-testid="area-totals-group"
        />
      }
      data-testid="area-totals"
    >
      <ErrorAlert error={totals.error} />
      <Table<Group>
        size="small"
        rowKey={(g) => g.key ?? g.label}
        loading={totals.isLoading}
        pagination={false}
        dataSource={data?.groups ?? []}
        columns={[
          { key: 'label', title: groupBy === 'tier' ? t('管控级别', 'Tier') : groupBy === 'territory' ? t('辖区', 'Territory') : t('类型', 'Type'), dataIndex: 'label' },
          { key: 'n', title: t('区数', 'Zones'), dataIndex: 'zoneCount', align: 'right' },
          { key: 'union', title: t('面积 km²（去重叠）', 'Area km² (union)'), render: (_, g) => formatKm2(g.unionKm2), align: 'right' },
          { key: 'sum', title: t('各区面积之和', 'Sum of zones'), render: (_, g) => formatKm2(g.sumKm2), align: 'right' },
          { key: 'overlap', title: t('重叠', 'Overlap'), render: (_, g) => formatKm2(g.overlapKm2), align: 'right' },
        ]}
        summary={() =>
          data ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <b>{t('合计', 'Total')}</b>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {data.zoneCount}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <b data-testid="area-totals-union">{formatKm2(data.totalUnionKm2)}</b>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {formatKm2(data.totalSumKm2)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} />
            </Table.Summary.Row>
          ) : null
        }
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('面积为椭球面（大地）面积；合计去除了区与区之间的重叠。', 'Geodesic (ellipsoidal) areas; totals count overlaps once.')}
      </Typography.Text>
    </Card>
  );
}
