import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Segmented, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { noiseLimits, noiseZones, type NoiseZone } from '../../../domains/environment/noise-rules';
import type { NoiseMeasurement } from '../../../domains/environment/noise-schema';
import { ErrorAlert } from '../../components/ui/error-alert';
import { ListPage } from '../../components/ui/list-page';
import { PageHeader } from '../../components/ui/page-header';
import { useListQuery } from '../../components/ui/use-list-query';
import { useI18n } from '../../lib/i18n';
import { useCan } from '../auth/api';
import { NOISE_MEASUREMENTS_PATH, useNoiseCompliance, useStationsGeo, type PeriodGrouping } from './api';
import { EChart } from './charts/echart';
import { noiseByZoneOption, noiseComplianceTrendOption } from './charts/env-chart-options';
import { noiseZoneLabels } from './env-labels';
import { NoiseFormModal, type NoiseFormTarget } from './noise/noise-form';
import { ComplianceTag } from './station/water-noise-panels';

const sorts = ['-measuredOn', 'measuredOn', 'station'] as const;
type PointRow = { id: string; code: string; name: string; territoryName: string; zone: NoiseZone; status: { measuredOn?: string; dayCompliant?: boolean | null; nightCompliant?: boolean | null } };

/** 噪声: compliance by period and zone class, points with their latest result, measurements (entry for managers). */
export default function NoisePage() {
  const i18n = useI18n();
  const { t, label } = i18n;
  const can = useCan();
  const canManage = can('environment.manage');
  const [groupBy, setGroupBy] = useState<PeriodGrouping>('quarter');
  const [formTarget, setFormTarget] = useState<NoiseFormTarget | null>(null);
  const compliance = useNoiseCompliance(groupBy);
  const pointsGeo = useStationsGeo('noise');
  const list = useListQuery<NoiseMeasurement>({ path: NOISE_MEASUREMENTS_PATH, filterKeys: ['stationId', 'zone', 'compliant'], allowedSorts: sorts, defaultSort: '-measuredOn' });

  const points = useMemo<PointRow[]>(
    () =>
      (pointsGeo.data?.features ?? []).map((f) => {
        const p = (f.properties ?? {}) as Record<string, unknown>;
        return { id: String(p.id), code: String(p.code), name: String(p.name), territoryName: String(p.territoryName ?? ''), zone: p.noiseZone as NoiseZone, status: (p.status ?? {}) as PointRow['status'] };
      }),
    [pointsGeo.data],
  );
  const pointOptions = useMemo(() => points.map((p) => ({ value: p.id, label: `${p.name}（${p.code}，${p.zone} 类）` })), [points]);
  const trend = useMemo(() => (compliance.data ? noiseComplianceTrendOption(compliance.data, i18n) : null), [compliance.data, i18n]);
  const byZone = useMemo(() => (compliance.data ? noiseByZoneOption(compliance.data, i18n) : null), [compliance.data, i18n]);

  const columns: ColumnsType<NoiseMeasurement> = [
    { key: 'measuredOn', title: t('监测日期', 'Measured on'), dataIndex: 'measuredOn', sorter: true },
    { key: 'station', title: t('点位', 'Point'), sorter: true, render: (_, m) => <Link to={`/environment/stations/${m.stationId}`}>{m.stationName}</Link> },
    { key: 'zone', title: t('功能区', 'Zone'), render: (_, m) => label(noiseZoneLabels[m.zone]) },
    { key: 'day', title: t('昼间 Leq / 限值', 'Day Leq / limit'), render: (_, m) => (m.dayLeq === null ? '—' : `${m.dayLeq} / ${m.dayLimit}`) },
    { key: 'dayOk', title: t('昼间', 'Day'), render: (_, m) => <ComplianceTag value={m.dayCompliant} /> },
    { key: 'night', title: t('夜间 Leq / 限值', 'Night Leq / limit'), render: (_, m) => (m.nightLeq === null ? '—' : `${m.nightLeq} / ${m.nightLimit}`) },
    { key: 'nightOk', title: t('夜间', 'Night'), render: (_, m) => <ComplianceTag value={m.nightCompliant} /> },
    { key: 'lmax', title: 'Lmax', render: (_, m) => m.nightLmax ?? '—' },
    ...(canManage
      ? [{ key: 'actions', title: t('操作', 'Actions'), render: (_: unknown, m: NoiseMeasurement) => <Button size="small" icon={<EditOutlined />} onClick={() => setFormTarget({ mode: 'edit', measurement: m })}>{t('修改', 'Edit')}</Button> }]
      : []),
  ];

  return (
    <div data-testid="env-noise">
      <PageHeader
        title={t('声环境质量', 'Noise')}
        subtitle={t('GB 3096-2008：昼间 06:00–22:00，夜间 22:00–06:00', 'GB 3096-2008: day 06:00–22:00, night 22:00–06:00')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create' })} data-testid="noise-new">
              {t('录入监测', 'New measurement')}
            </Button>
          )
        }
      />
      <ErrorAlert error={compliance.error ?? pointsGeo.error} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          <Card
            size="small"
            title={t('功能区声环境达标率', 'Compliance rate')}
            extra={
              <Segmented<PeriodGrouping>
                size="small"
                value={groupBy}
                onChange={setGroupBy}
                options={[
                  { value: 'month', label: t('按月', 'Monthly') },
                  { value: 'quarter', label: t('按季', 'Quarterly') },
                  { value: 'year', label: t('按年', 'Yearly') },
                ]}
              />
            }
          >
            {trend && <EChart option={trend} height={260} testId="noise-chart-trend" />}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('按功能区类别', 'By zone class')}>
            {byZone && <EChart option={byZone} height={260} testId="noise-chart-zones" />}
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('监测点位（最近一次）', 'Points (latest)')}>
            <Table<PointRow>
              size="small"
              rowKey="id"
              loading={pointsGeo.isLoading}
              dataSource={points}
              pagination={points.length > 20 ? { pageSize: 20 } : false}
              scroll={{ x: 'max-content' }}
              data-testid="noise-points"
              columns={[
                { key: 'code', title: t('编码', 'Code'), dataIndex: 'code' },
                { key: 'name', title: t('点位', 'Point'), render: (_, p) => <Link to={`/environment/stations/${p.id}`}>{p.name}</Link> },
                { key: 'territory', title: t('辖区', 'Territory'), dataIndex: 'territoryName' },
                { key: 'zone', title: t('功能区', 'Zone'), render: (_, p) => (p.zone ? label(noiseZoneLabels[p.zone]) : '—') },
                { key: 'limits', title: t('限值 昼/夜', 'Limits day/night'), render: (_, p) => (p.zone ? `${noiseLimits[p.zone].day} / ${noiseLimits[p.zone].night}` : '—') },
                { key: 'date', title: t('最近监测', 'Latest'), render: (_, p) => p.status.measuredOn ?? '—' },
                { key: 'day', title: t('昼间', 'Day'), render: (_, p) => <ComplianceTag value={p.status.dayCompliant} /> },
                { key: 'night', title: t('夜间', 'Night'), render: (_, p) => <ComplianceTag value={p.status.nightCompliant} /> },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <div style={{ marginTop: 16 }}>
        <ListPage<NoiseMeasurement>
          title={t('监测记录', 'Measurements')}
          list={list}
          columns={columns}
          rowKey="id"
          searchPlaceholder={false}
          exportPath={`${NOISE_MEASUREMENTS_PATH}/export.xlsx`}
          testId="noise-measurements"
          filters={
            <Space wrap>
              <Select
                allowClear
                placeholder={t('点位', 'Point')}
                style={{ width: 220 }}
                value={list.params.filters.stationId as string | undefined}
                onChange={(v: string | undefined) => list.setFilter('stationId', v)}
                options={pointOptions}
                showSearch={{ optionFilterProp: 'label' }}
              />
              <Select
                allowClear
                placeholder={t('功能区', 'Zone')}
                style={{ width: 120 }}
                value={list.params.filters.zone as string | undefined}
                onChange={(v: string | undefined) => list.setFilter('zone', v)}
                options={noiseZones.map((z) => ({ value: z, label: label(noiseZoneLabels[z]) }))}
              />
              <Select
                allowClear
                placeholder={t('达标情况', 'Compliance')}
                style={{ width: 120 }}
                value={list.params.filters.compliant as string | undefined}
                onChange={(v: string | undefined) => list.setFilter('compliant', v)}
                options={[
                  { value: 'true', label: t('达标', 'Compliant') },
                  { value: 'false', label: t('超标', 'Exceeds') },
                ]}
              />
            </Space>
          }
        />
      </div>
      <NoiseFormModal target={formTarget} points={pointOptions} onClose={() => setFormTarget(null)} />
    </div>
  );
}
