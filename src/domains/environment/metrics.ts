import type { DataScope } from '../../shared/actor';
import type { Db } from '../../platform/db/types';
import { commonScopePath, loadScopeMembers, type MetricDefinition, type MetricPeriod, type MetricScope, type MetricValue } from '../../platform/metrics';
import { areaDailySeries, buildUnitSeries, loadAirStations, summariseDays, type UnitDay } from './air-statistics-service';
import { selectDailyRows, type StoredDailyRow } from './air-store';
import { computePeriodMean } from './area-air-rules';
import { computeNoiseCompliance } from './noise-statistics-rules';
import { loadNoiseMeasurements } from './noise-service';
import type { NoiseRecord } from './noise-store';
import { sumProtectedArea } from './geo/protected-area';
import { computeAreaTotals, toEngineZone } from './redline-service';
import { selectZonesWithGeometry } from './redline-store';
import type { StationRecord } from './station-store';
import { currentTargets, evaluateSectionsForPeriod, loadWaterSamples } from './water-service';
import { computeWaterSectionStatistics } from './water-rules';
import type { WaterSampleRecord } from './water-store';
import type { TargetWaterClass, WaterClass } from './water-tables';

/**
 * Live metrics of the environment module for assessment indicators (src/platform/metrics.ts).
 * Values are decimal strings (percentages to 0.1 as bulletins print them, km² to 0.01), null
 * when undefined (no valid day, no section with a target…), with provenance.
 *
 * computeMany loads the records under the scopes' common ancestor once and gives each scope the
 * records of its own subtree (a station or zone counts for a scope when its territory lies in the
 * scope's subtree, as in the per-scope load).
 */
const subtree = (scope: MetricScope): DataScope => ({ kind: 'subtree', rootId: scope.orgUnitId, rootPath: scope.orgPath });
const query = (scope: MetricScope, from: string, to: string) => `from=${from}&to=${to}&orgUnitId=${scope.orgUnitId}`;
const fixed = (n: number | null, digits: number) => (n === null ? null : n.toFixed(digits));
const ALL: DataScope = { kind: 'all' };

type AirDays = { stations: StationRecord[]; days: UnitDay[] };

async function airDays(db: Db, scope: MetricScope, from: string, to: string): Promise<AirDays> {
  const stations = await loadAirStations(db, subtree(scope), {});
  const series = await buildUnitSeries(db, { stations, level: 'city', from, to, areaUnit: { kind: 'city', id: scope.orgUnitId, name: '' } });
  return { stations, days: series[0]?.days ?? [] };
}

/** The area's daily AQI from its stations' daily rows. */
function areaDays(rows: readonly StoredDailyRow[]): UnitDay[] {
  const byDay = new Map<string, StoredDailyRow['values'][]>();
  for (const r of rows) byDay.set(r.day, [...(byDay.get(r.day) ?? []), r.values]);
  return areaDailySeries(byDay);
}

/** airDays for many scopes: the stations and daily rows under their common ancestor, loaded once. */
async function airDaysForScopes(db: Db, scopes: readonly MetricScope[], from: string, to: string): Promise<Array<{ scope: MetricScope } & AirDays>> {
  const [members, stations] = await Promise.all([loadScopeMembers(db, scopes), loadAirStations(db, ALL, { orgPath: commonScopePath(scopes) })]);
  const rows = await selectDailyRows(db, stations.map((s) => s.id), from, to);
  return scopes.map((scope) => {
    const units = members.get(scope.orgUnitId) ?? new Set<string>();
    const own = stations.filter((s) => units.has(s.territoryOrgUnitId));
    const ids = new Set(own.map((s) => s.id));
    return { scope, stations: own, days: areaDays(rows.filter((r) => ids.has(r.stationId))) };
  });
}

/** The records whose station's territory lies in each scope's subtree, in their loaded order. */
async function splitByScope<T extends { territoryOrgUnitId: string }>(db: Db, scopes: readonly MetricScope[], records: readonly T[]): Promise<Array<{ scope: MetricScope; own: T[] }>> {
  const members = await loadScopeMembers(db, scopes);
  return scopes.map((scope) => {
    const units = members.get(scope.orgUnitId) ?? new Set<string>();
    return { scope, own: records.filter((r) => units.has(r.territoryOrgUnitId)) };
  });
}

type EnvMetric = Omit<MetricDefinition, 'compute' | 'computeMany'>;

/** A metric over the air stations of the scope, per scope or for many scopes at once. */
function airMetric(m: EnvMetric & { value(a: AirDays, context: { scope: MetricScope; period: MetricPeriod; now: Date }): MetricValue }): MetricDefinition {
  const { value, ...definition } = m;
  return {
    ...definition,
    async compute(db, { scope, period, now }) {
      return value(await airDays(db, scope, period.from, period.to), { scope, period, now });
    },
    async computeMany(db, { scopes, period, now }) {
      const computed = await airDaysForScopes(db, scopes, period.from, period.to);
      return new Map(computed.map(({ scope, ...a }) => [scope.orgUnitId, value(a, { scope, period, now })]));
    },
  };
}

const airGoodDayRate = airMetric({
  key: 'env.air_good_day_rate',
  name: { zh: '空气质量优良天数比例', en: 'Share of good air-quality days' },
  unit: '%',
  description: '有效天中日 AQI ≤ 100 的天数占比（HJ 633；辖区日 AQI 由各站日均浓度的平均值计算）。无有效天时无值。',
  direction: 'higher_is_better',
  value({ stations, days }, { scope, period, now }) {
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
});

const pm25Mean = airMetric({
  key: 'env.pm25_mean',
  name: { zh: 'PM2.5 平均浓度', en: 'PM2.5 mean concentration' },
  unit: 'µg/m³',
  description: '期间内辖区 PM2.5 日均浓度的算术平均（µg/m³，0.1）。年评价按 GB 3095 还需 ≥ 324 个有效日，见备注。',
  direction: 'lower_is_better',
  value({ stations, days }, { scope, period, now }) {
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
});

function waterValue(samples: readonly WaterSampleRecord[], targets: Map<string, number | null>, scope: MetricScope, period: MetricPeriod, now: Date): MetricValue {
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
}

const waterComplianceRate: MetricDefinition = {
  key: 'env.water_compliance_rate',
  name: { zh: '地表水水质达标率', en: 'Surface-water compliance rate' },
  unit: '%',
  description: '有目标类别的断面中，期间均值类别达到目标的断面占比（GB 3838-2002 单因子评价）。',
  direction: 'higher_is_better',
  async compute(db, { scope, period, now }): Promise<MetricValue> {
    const samples = await loadWaterSamples(db, subtree(scope), { from: period.from, to: period.to });
    return waterValue(samples, await currentTargets(db, samples), scope, period, now);
  },
  async computeMany(db, { scopes, period, now }) {
    const samples = await loadWaterSamples(db, ALL, { from: period.from, to: period.to, orgPath: commonScopePath(scopes) });
    const [targets, split] = await Promise.all([currentTargets(db, samples), splitByScope(db, scopes, samples)]);
    return new Map(split.map(({ scope, own }) => [scope.orgUnitId, waterValue(own, targets, scope, period, now)]));
  },
};

function noiseValue(items: readonly NoiseRecord[], scope: MetricScope, period: MetricPeriod, now: Date): MetricValue {
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
}

const noiseComplianceRate: MetricDefinition = {
  key: 'env.noise_compliance_rate',
  name: { zh: '功能区声环境达标率', en: 'Noise compliance rate' },
  unit: '%',
  description: '达标点次 / 监测点次（昼间与夜间合计，GB 3096-2008）。',
  direction: 'higher_is_better',
  async compute(db, { scope, period, now }): Promise<MetricValue> {
    return noiseValue(await loadNoiseMeasurements(db, subtree(scope), { from: period.from, to: period.to }), scope, period, now);
  },
  async computeMany(db, { scopes, period, now }) {
    const items = await loadNoiseMeasurements(db, ALL, { from: period.from, to: period.to, orgPath: commonScopePath(scopes) });
    const split = await splitByScope(db, scopes, items);
    return new Map(split.map(({ scope, own }) => [scope.orgUnitId, noiseValue(own, scope, period, now)]));
  },
};

type AreaFigures = { totalUnionKm2: number; totalSumKm2: number; zoneCount: number };

/** The city root's value covers every active zone, also those without a territory. */
const isRootScope = (scope: MetricScope) => scope.orgPath.split('/').filter(Boolean).length <= 1;

function areaValue(totals: AreaFigures, now: Date): MetricValue {
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
}

const protectedArea: MetricDefinition = {
  key: 'env.protected_area_km2',
  name: { zh: '生态红线保护面积', en: 'Protected (red-line) area' },
  unit: 'km²',
  description: '现行生态红线区的椭球面积（km²，重叠部分只计一次）。与期间无关，取当前数据。',
  direction: 'higher_is_better',
  async compute(db, { scope, now }): Promise<MetricValue> {
    return areaValue(await computeAreaTotals(db, isRootScope(scope) ? { groupBy: 'tier' } : { groupBy: 'tier', orgPath: scope.orgPath }), now);
  },
  /** The zones loaded once (all of them when a scope is the root); the union area is still computed per scope. */
  async computeMany(db, { scopes, now }) {
    const [members, zones] = await Promise.all([
      loadScopeMembers(db, scopes),
      selectZonesWithGeometry(db, scopes.some(isRootScope) ? {} : { orgPath: commonScopePath(scopes) }),
    ]);
    return new Map(
      scopes.map((scope) => {
        const units = members.get(scope.orgUnitId) ?? new Set<string>();
        const own = isRootScope(scope) ? zones : zones.filter((z) => z.territoryOrgUnitId !== null && units.has(z.territoryOrgUnitId));
        const totals = sumProtectedArea(own.map((z) => toEngineZone(z, 'orgUnit')), 'tier');
        return [scope.orgUnitId, areaValue({ ...totals, zoneCount: own.length }, now)];
      }),
    );
  },
};

export const environmentMetrics: MetricDefinition[] = [airGoodDayRate, pm25Mean, waterComplianceRate, noiseComplianceRate, protectedArea];
