/** The zones on the map as a table (click a row to select it on the map) and the map legend. */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, Tag } from 'antd';
import { exportUrl } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { ZONES_PATH, type GeoCollection } from '../api';
import { tierColor } from '../env-labels';

type ZoneRow = { id: string; code: string; name: string; zoneType: string; tier: string; territoryName: string | null; areaKm2: number };

export function toZoneRows(geo: GeoCollection | undefined): ZoneRow[] {
  return (geo?.features ?? []).map((f) => {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    return {
      id: String(p.id),
      code: String(p.code),
      name: String(p.name),
      zoneType: String(p.zoneType ?? ''),
      tier: String(p.tier ?? ''),
      territoryName: (p.territoryName as string | null) ?? null,
      areaKm2: Number(p.areaKm2 ?? 0),
    };
  });
}

export function TierLegend({ tiers }: { tiers: readonly string[] }) {
  const { t } = useI18n();
  return (
    <Flex wrap gap={12} align="center" data-testid="map-legend" style={{ fontSize: 12 }}>
      {tiers.map((tier) => (
        <Flex key={tier} align="center" gap={4}>
          <span style={{ width: 14, height: 14, display: 'inline-block', background: tierColor(tier, tiers), opacity: 0.6, border: `2px solid ${tierColor(tier, tiers)}` }} />
          {tier}
        </Flex>
      ))}
      <Flex align="center" gap={4}>
        <span style={{ width: 14, height: 0, display: 'inline-block', borderTop: '3px dashed #0958d9' }} />
        {t('项目范围', 'Footprint')}
      </Flex>
    </Flex>
  );
}

export function ZoneList({ rows, tiers, selectedId, onSelect, loading }: { rows: ZoneRow[]; tiers: readonly string[]; selectedId: string | null; onSelect(id: string): void; loading: boolean }) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      title={t(`管控区（${rows.length}）`, `Zones (${rows.length})`)}
      extra={
        <Button size="small" icon={<DownloadOutlined />} href={exportUrl(`${ZONES_PATH}/export.xlsx`)} download data-testid="zones-export">
          {t('导出 Excel', 'Export Excel')}
        </Button>
      }
    >
      <Table<ZoneRow>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
        scroll={{ x: 'max-content' }}
        onRow={(r) => ({ onClick: () => onSelect(r.id), style: { cursor: 'pointer', background: r.id === selectedId ? '#e6f4ff' : undefined } })}
        data-testid="zone-list"
        columns={[
          { key: 'code', title: t('编码', 'Code'), dataIndex: 'code', sorter: (a, b) => a.code.localeCompare(b.code) },
          { key: 'name', title: t('名称', 'Name'), dataIndex: 'name' },
          { key: 'type', title: t('类型', 'Type'), dataIndex: 'zoneType' },
          { key: 'tier', title: t('管控级别', 'Tier'), render: (_, r) => <Tag color={tierColor(r.tier, tiers)}>{r.tier}</Tag> },
          { key: 'territory', title: t('辖区', 'Territory'), render: (_, r) => r.territoryName ?? '—' },
          { key: 'area', title: 'km²', align: 'right', render: (_, r) => r.areaKm2.toFixed(2), sorter: (a, b) => a.areaKm2 - b.areaKm2 },
        ]}
      />
    </Card>
  );
}
