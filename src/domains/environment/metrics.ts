import type { DataScope } from '../../shared/actor';
import type { Db } from '../../platform/db/types';
import type { MetricDefinition, MetricScope, MetricValue } from '../../platform/metrics';
import { buildUnitSeries, loadAirStations, summariseDays } from './air-statistics-service';
import { computePeriodMean } from './area-air-rules';
import { computeNoiseCompliance } from './noise-statistics-rules';
import { loadNoiseMeasurements } from './noise-service';
import { computeAreaTotals } from './redline-service';
import { currentTargets, evaluateSectionsForPeriod, loadWaterSamples } from './water-service';
import { computeWaterSectionStatistics } from './water-rules';
import type { TargetWaterClass, WaterClass } from './water-tables';

/**
 * Live metrics of the environment module for assessment indicators (src/platform/metrics.ts).
 * Values are decimal strings (percentages to 0.1 as bulletins print them, km² to 0.01), null
 * when undefined (no valid day, no section with a target…), with provenance.
 */
const subtree = (scope: MetricScope): DataScope => ({ kind: 'subtree', rootId: scope.orgUnitId, rootPath: scope.orgPath });
const query = (scope: MetricScope, from: string, to: string) => `from=${from}&to=${to}&orgUnitId=${scope.orgUnitId}`;
const fixed = (n: number | null, digits: number) => (n === null ? null : n.toFixed(digits));

async function airDays(db: Db, scope: MetricScope, from: string, to: string) {
  const stations = await loadAirStations(db, subtree(scope), {});
  const series = await buildUnitSeries(db, { stations, level: 'city', from, to, areaUnit: { kind: 'city', id: scope.orgUnitId, name: '' } });
  return { stations, days: series[0]?.days ?? [] };
}

const airGoodDayRate: MetricDefinition = {
  key: 'env.air_good_day_rate',
  name: { zh: '空气质量优良天数比例', en: 'Share of good air-quality days' },
  unit: '%',
  description: '有效天中日 AQI ≤ 100 的天数占比（HJ 633；辖区日 AQI 由各站日均浓度的平均值计算）。无有效天时无值。',
  direction: 'higher_is_better',
  async compute(db, { scope, period, now }): Promise<MetricValue> {
    const { stations, days } = await airDays(db, scope, period.from, period.to);
    const row = summariseDays({ kind: 'city', id: scope.orgUnitId, name: '' }, { key: 'metric', ...period }, days);
    return {
      value: fixed(row.goodDayPercent, 1),
      unit: '%',
      provenance: {
        source: `空气自动监测站日数据（${stations.length} 个站点）`,
        computedAt: now.toISOString(),
        recordCount: row.totalDays,
        link: `/environment/air?${query(scope, period.from, period.to)}`,
        numerator: row.goodDays,
        denominator: row.validDays,
        note: row.validDays < row.totalDays ? `${row.totalDays - row.validDays} 天数据不足，未计入` : null,
      },
    };
  },
};

const pm25Mean: MetricDefinition = {
  key: 'env.pm25_mean',
  name: { zh: 'PM2.5 平均浓度', en: 'PM2.5 mean concentration' },
  unit: 'µg/m³',
  description: '期间内辖区 PM2.5 日均浓度的算术平均（µg/m³，0.1）。年评价按 GB 3095 还需 ≥ 324 个有效日，见备注。',
  direction: 'lower_is_better',
  async compute(db, { scope, period, now }): Promise<MetricValue> {
    const { stations, days } = await airDays(db, scope, period.from, period.to);
    const { mean, count } = computePeriodMean('PM2_5_24H', days.map((d) => d.values.PM2_5_24H), 1);
    return {
      value: fixed(mean, 1),
      unit: 'µg/m³',
      provenance: {
        source: `空气自动监测站 PM2.5 日均值（${stations.length} 个站点）`,
        computedAt: now.toISOString(),
        recordCount: count,
        link: `/environment/air?${query(scope, period.from, period.to)}`,
        note: `有效日 ${count} 个`,
      },
    };
  },
};

const waterComplianceRate: MetricDefinition = {
  key: 'env.water_compliance_rate',
  name: { zh: '地表水水质达标率', en: 'Surface-water compliance rate' },
  unit: '%',
  description: '有目标类别的断面中，期间均值类别达到目标的断面占比（GB 3838-2002 单因子评价）。',
  direction: 'higher_is_better',
  async compute(db, { scope, period, now }): Promise<MetricValue> {
    const samples = await loadWaterSamples(db, subtree(scope), { from: period.from, to: period.to });
    const targets = await currentTargets(db, samples);
    const results = evaluateSectionsForPeriod(samples, (id) => targets.get(id) ?? null);
    const stats = computeWaterSectionStatistics(results.map((r) => ({ sectionClass: r.sectionClass as WaterClass, targetClass: r.targetClass as TargetWaterClass | null })));
    return {
      value: fixed(stats.compliancePercent, 1),
      unit: '%',
      provenance: {
        source: `地表水采样（${results.length} 个断面）`,
        computedAt: now.toISOString(),
        recordCount: samples.length,
        link: `/environment/water?${query(scope, period.from, period.to)}`,
        numerator: stats.meetingTarget,
        denominator: stats.withTarget,
      },
    };
  },
};

const noiseComplianceRate: MetricDefinition = {
  key: 'env.noise_compliance_rate',
  name: { zh: '功能区声环境达标率', en: 'Noise compliance rate' },
  unit: '%',
  description: '达标点次 / 监测点次（昼间与夜间合计，GB 3096-2008）。',
  direction: 'higher_is_better',
  async compute(db, { scope, period, now }): Promise<MetricValue> {
    const items = await loadNoiseMeasurements(db, subtree(scope), { from: period.from, to: period.to });
    const { all } = computeNoiseCompliance(items);
    return {
      value: fixed(all.overall.percent, 1),
      unit: '%',
      provenance: {
        source: '功能区噪声监测记录',
        computedAt: now.toISOString(),
        recordCount: items.length,
        link: `/environment/noise?${query(scope, period.from, period.to)}`,
        numerator: all.overall.compliant,
        denominator: all.overall.measured,
        note: `昼间 ${all.day.compliant}/${all.day.measured}，夜间 ${all.night.compliant}/${all.night.measured}`,
      },
    };
  },
};

const protectedArea: MetricDefinition = {
  key: 'env.protected_area_km2',
  name: { zh: '生态红线保护面积', en: 'Protected (red-line) area' },
  unit: 'km²',
  description: '现行生态红线区的椭球面积（km²，重叠部分只计一次）。与期间无关，取当前数据。',
  direction: 'higher_is_better',
  async compute(db, { scope, now }): Promise<MetricValue> {
    const isRoot = scope.orgPath.split('/').filter(Boolean).length <= 1;
    const totals = await computeAreaTotals(db, isRoot ? { groupBy: 'tier' } : { groupBy: 'tier', orgPath: scope.orgPath });
    return {
      value: totals.totalUnionKm2.toFixed(2),
      unit: 'km²',
      provenance: {
        source: `生态红线区（${totals.zoneCount} 个）`,
        computedAt: now.toISOString(),
        recordCount: totals.zoneCount,
        link: '/environment/red-lines',
        note: totals.totalSumKm2 - totals.totalUnionKm2 > 1e-6 ? `重叠 ${(totals.totalSumKm2 - totals.totalUnionKm2).toFixed(2)} km² 只计一次` : null,
      },
    };
  },
};

export const environmentMetrics: MetricDefinition[] = [airGoodDayRate, pm25Mean, waterComplianceRate, noiseComplianceRate, protectedArea];
