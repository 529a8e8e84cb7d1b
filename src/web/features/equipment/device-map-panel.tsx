/**
 * The map view of the equipment list: devices with coordinates in the current filter, from
 * `GET /equipment/map.geojson`. The server sends at most MAP_POINT_LIMIT points; above that it
 * aggregates by grid cell, and the map reloads the visible extent after a zoom. The limits are
 * stated on screen. Clicking a point shows the device and a link to its page.
 */
import { Alert, Button, Card, Flex, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { deviceDueColors, deviceDueLabels } from '../../../domains/equipment-safety/equipment/obligation-rules';
import type { Query } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useDeviceMap } from './api';
import { LazyDeviceMap } from './map/lazy-device-map';

export const MAP_POINT_LIMIT = 2000;
const legend = ['overdue', 'due_soon', 'normal', 'exempt'] as const;

export function DeviceMapPanel({ filters }: { filters: Query }) {
  const { t, label } = useI18n();
  const fitKey = JSON.stringify(filters);
  const [bbox, setBbox] = useState<string | undefined>();
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(() => {
    setBbox(undefined);
    setSelected(null);
  }, [fitKey]);
  const query = useMemo<Query>(() => ({ ...filters, limit: MAP_POINT_LIMIT, ...(bbox ? { bbox } : {}) }), [filters, bbox]);
  const map = useDeviceMap(query, true);
  const meta = map.data?.meta;
  const clustered = meta?.clustered ?? false;
  const device = selected ? map.data?.features.find((f) => f.id === selected)?.properties : undefined;

  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="equipment-map-panel">
      <Flex wrap gap={12} align="center" style={{ marginBottom: 8 }}>
        <Space size={12} wrap>
          {legend.map((s) => (
            <Space key={s} size={4}>
              <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: deviceDueColors[s] }} />
              <Typography.Text>{label(deviceDueLabels[s])}</Typography.Text>
            </Space>
          ))}
        </Space>
        {meta && (
          <Typography.Text type="secondary" data-testid="equipment-map-meta">
            {t(
              `${bbox ? '可视范围内' : '当前筛选'}有坐标 ${meta.total} 台${meta.withoutLocation > 0 ? `，无坐标 ${meta.withoutLocation} 台（不在地图上）` : ''}`,
              `${meta.total} located${meta.withoutLocation > 0 ? `, ${meta.withoutLocation} without coordinates` : ''}`,
            )}
          </Typography.Text>
        )}
        {bbox && (
          <Button size="small" onClick={() => setBbox(undefined)}>
            {t('显示全部范围', 'Whole area')}
          </Button>
        )}
      </Flex>
      <Alert
        type={clustered ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 8 }}
        data-testid="equipment-map-limit"
        title={
          clustered
            ? t(
                `设备超过 ${MAP_POINT_LIMIT} 台，已按网格聚合显示（圆点上的数字为台数，颜色为其中最严重的状态）；点击圆点放大，放大后按可视范围重新加载。`,
                `More than ${MAP_POINT_LIMIT} devices: shown aggregated by grid cell; click a cell to zoom in.`,
              )
            : t(`地图最多逐台显示 ${MAP_POINT_LIMIT} 台设备，超过时按网格聚合。点击设备查看详情。`, `Up to ${MAP_POINT_LIMIT} devices are shown one by one; more are aggregated.`)
        }
      />
      <LazyDeviceMap
        data={map.data}
        fitKey={fitKey}
        selectedId={selected}
        onSelect={setSelected}
        onViewChange={(next) => {
          if (clustered || bbox) setBbox(next);
        }}
        testId="equipment-map"
      />
      {device && (
        <Card size="small" style={{ marginTop: 8 }} data-testid="equipment-map-selected">
          <Space wrap>
            <Typography.Text strong>{String(device.equipmentCode ?? t('（无设备代码）', '(no code)'))}</Typography.Text>
            <Typography.Text>{String(device.productName ?? '')}</Typography.Text>
            <Typography.Text type="secondary">
              {t('下次检验', 'Next due')} {String(device.nextDueOn ?? '—')}
            </Typography.Text>
            <Link to={`/safety/equipment/${String(device.id)}`}>{t('查看详情', 'Open')}</Link>
          </Space>
        </Card>
      )}
    </Card>
  );
}
