import { Card, Descriptions, Skeleton, Tag } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ui/error-alert';
import { PageHeader } from '../../components/ui/page-header';
import { useI18n } from '../../lib/i18n';
import { useStationOverview } from './api';
import { noiseZoneLabels, stationKindLabels } from './env-labels';
import { AirStationPanel } from './station/air-station-panel';
import { NoiseStationPanel, WaterClassTag, WaterStationPanel } from './station/water-noise-panels';

const kindHome = { air: '/environment', water: '/environment/water', noise: '/environment/noise' } as const;

/** 监测站点详情: the station's facts and, by kind, its air, water or noise data. */
export default function StationDetailPage() {
  const { id } = useParams();
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const overview = useStationOverview(id);
  const data = overview.data;
  const station = data?.station;

  return (
    <div data-testid="station-detail">
      <PageHeader
        title={station ? station.name : t('监测站点', 'Station')}
        subtitle={station ? `${station.code} · ${station.territoryName}` : undefined}
        breadcrumb={[
          { key: 'env', title: t('环境质量', 'Environment'), onClick: () => navigate('/environment') },
          ...(station ? [{ key: 'kind', title: label(stationKindLabels[station.kind]), onClick: () => navigate(kindHome[station.kind]) }] : []),
          { key: 'station', title: station?.name ?? '…' },
        ]}
      />
      <ErrorAlert error={overview.error} />
      {overview.isLoading && <Skeleton active />}
      {station && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'kind', label: t('类型', 'Kind'), children: <Tag>{label(stationKindLabels[station.kind])}</Tag> },
              { key: 'code', label: t('编码', 'Code'), children: station.code },
              { key: 'territory', label: t('所在辖区', 'Territory'), children: station.territoryName },
              { key: 'coords', label: t('经纬度', 'Coordinates'), children: `${station.lon.toFixed(4)}, ${station.lat.toFixed(4)}` },
              ...(station.airStationLevel ? [{ key: 'level', label: t('站点级别', 'Level'), children: station.airStationLevel }] : []),
              ...(station.riverName ? [{ key: 'river', label: t('河流（湖库）', 'River / lake'), children: station.riverName }] : []),
              ...(station.targetClass ? [{ key: 'target', label: t('目标水质', 'Target class'), children: <WaterClassTag value={station.targetClass} /> }] : []),
              ...(station.noiseZone ? [{ key: 'zone', label: t('声环境功能区', 'Noise zone'), children: label(noiseZoneLabels[station.noiseZone]) }] : []),
              ...(station.address ? [{ key: 'address', label: t('地址', 'Address'), children: station.address }] : []),
              ...(!station.isActive ? [{ key: 'active', label: t('状态', 'Status'), children: <Tag>{t('停用', 'Inactive')}</Tag> }] : []),
            ]}
          />
        </Card>
      )}
      {data?.air && station && <AirStationPanel stationId={station.id} air={data.air} />}
      {data?.water && <WaterStationPanel water={data.water} />}
      {data?.noise && <NoiseStationPanel noise={data.noise} />}
    </div>
  );
}
