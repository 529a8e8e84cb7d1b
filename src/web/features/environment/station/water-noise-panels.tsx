/** Station detail for a water section (latest sample, this year's evaluation) and a noise point. */
import { Card, Col, Descriptions, Empty, Row, Table, Tag } from 'antd';
import { useMemo } from 'react';
import type { StationOverview } from '../../../../domains/environment/dashboard-schema';
import type { NoiseMeasurement } from '../../../../domains/environment/noise-schema';
import type { WaterSample } from '../../../../domains/environment/water-schema';
import { waterFactorDefinitions, waterFactors, type WaterFactor } from '../../../../domains/environment/water-tables';
import { useI18n } from '../../../lib/i18n';
import { EChart } from '../charts/echart';
import { noiseLevelsOption } from '../charts/env-chart-options';
import { noiseZoneLabels, waterClassColors, waterClassNames } from '../env-labels';

export function WaterClassTag({ value, testId }: { value: number | null | undefined; testId?: string }) {
  const { t } = useI18n();
  if (value === null || value === undefined) return <Tag>—</Tag>;
  return (
    <Tag color={waterClassColors[value]} data-testid={testId} style={value === 4 ? { color: 'rgba(0,0,0,0.88)' } : undefined}>
      {waterClassNames[value]}
      {value === 6 ? '' : t('类', '')}
    </Tag>
  );
}

export function ComplianceTag({ value }: { value: boolean | null | undefined }) {
  const { t } = useI18n();
  if (value === null || value === undefined) return <Tag>—</Tag>;
  return value ? <Tag color="green">{t('达标', 'Compliant')}</Tag> : <Tag color="red">{t('超标', 'Exceeds')}</Tag>;
}

export function factorName(f: WaterFactor): string {
  return waterFactorDefinitions[f].name;
}

function SampleMeasurements({ sample }: { sample: WaterSample }) {
  const { t } = useI18n();
  const rows = waterFactors
    .filter((f) => sample.measurements[f] !== undefined)
    .map((f) => ({
      factor: f,
      value: sample.measurements[f] as number,
      cls: sample.evaluation.factorClasses[f] ?? null,
      multiple: sample.evaluation.exceedanceMultiples[f],
    }));
  return (
    <Table
      size="small"
      rowKey="factor"
      pagination={false}
      dataSource={rows}
      columns={[
        { key: 'f', title: t('指标', 'Factor'), render: (_, r) => `${factorName(r.factor)}（${waterFactorDefinitions[r.factor].unit}）` },
        { key: 'v', title: t('监测值', 'Value'), dataIndex: 'value' },
        { key: 'c', title: t('单因子类别', 'Class'), render: (_, r) => <WaterClassTag value={r.cls} /> },
        { key: 'm', title: t('超标倍数', 'Exceedance ×'), render: (_, r) => (r.multiple === undefined ? '—' : r.multiple) },
      ]}
    />
  );
}

export function WaterStationPanel({ water }: { water: NonNullable<StationOverview['water']> }) {
  const { t } = useI18n();
  const latest = water.latestSample;
  const ytd = water.yearToDate;
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('今年评价', 'This year')}>
          {ytd ? (
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'c', label: t('水质类别', 'Class'), children: <WaterClassTag value={ytd.sectionClass} /> },
                { key: 'q', label: t('定性评价', 'Grade'), children: ytd.qualitative },
                { key: 't', label: t('目标', 'Target'), children: ytd.targetClass ? <WaterClassTag value={ytd.targetClass} /> : '—' },
                { key: 'm', label: t('是否达标', 'Meets target'), children: <ComplianceTag value={ytd.meetsTarget} /> },
                { key: 'n', label: t('采样次数', 'Samples'), children: ytd.sampleCount },
                { key: 'p', label: t('主要污染指标', 'Main indicators'), children: ytd.mainPollutionIndicators.map(factorName).join('、') || '—' },
              ]}
            />
          ) : (
            <Empty description={t('今年无采样', 'No samples this year')} />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title={latest ? t(`最近采样 ${latest.sampledOn}`, `Latest sample ${latest.sampledOn}`) : t('最近采样', 'Latest sample')}>
          {latest ? (
            <>
              <Descriptions
                size="small"
                column={2}
                style={{ marginBottom: 8 }}
                items={[
                  { key: 'c', label: t('类别', 'Class'), children: <WaterClassTag value={latest.sectionClass} /> },
                  { key: 'm', label: t('达标', 'Meets target'), children: <ComplianceTag value={latest.meetsTarget} /> },
                ]}
              />
              <SampleMeasurements sample={latest} />
            </>
          ) : (
            <Empty />
          )}
        </Card>
      </Col>
    </Row>
  );
}

export function NoiseStationPanel({ noise }: { noise: NonNullable<StationOverview['noise']> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const option = useMemo(() => noiseLevelsOption(noise.recent, i18n), [noise.recent, i18n]);
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24}>
        <Card size="small" title={t('昼夜等效声级', 'Day and night Leq')}>
          <EChart option={option} height={260} testId="station-chart-noise" />
        </Card>
      </Col>
      <Col xs={24}>
        <Card size="small" title={t('最近监测', 'Recent measurements')}>
          <NoiseTable items={noise.recent} />
        </Card>
      </Col>
    </Row>
  );
}

function NoiseTable({ items }: { items: NoiseMeasurement[] }) {
  const { t, label } = useI18n();
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={items}
      columns={[
        { key: 'd', title: t('日期', 'Date'), dataIndex: 'measuredOn' },
        { key: 'z', title: t('功能区', 'Zone'), render: (_, m) => label(noiseZoneLabels[m.zone]) },
        { key: 'dl', title: t('昼间 Leq', 'Day Leq'), render: (_, m) => (m.dayLeq === null ? '—' : `${m.dayLeq} / ${m.dayLimit}`) },
        { key: 'dc', title: t('昼间', 'Day'), render: (_, m) => <ComplianceTag value={m.dayCompliant} /> },
        { key: 'nl', title: t('夜间 Leq', 'Night Leq'), render: (_, m) => (m.nightLeq === null ? '—' : `${m.nightLeq} / ${m.nightLimit}`) },
        { key: 'nc', title: t('夜间', 'Night'), render: (_, m) => <ComplianceTag value={m.nightCompliant} /> },
      ]}
    />
  );
}
