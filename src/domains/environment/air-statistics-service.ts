import { sql } from 'drizzle-orm';
import type { Actor, DataScope } from '../../shared/actor';
import { invalid, notFound } from '../../shared/errors';
import type { Db } from '../../platform/db/types';
import { findOrgUnit, findRoot, listOrgUnitOptions } from '../org';
import { resolveReadScope } from './access-service';
import { computeGoodDayRate } from './air-statistics-rules';
import type { AirStatistics, AirStatisticsQuery, AirStatisticsRow, AqiCalendar, StatisticsLevel, StatisticsUnit } from './air-schema';
import { selectDailyRows } from './air-store';
import { dailyValueCodes, type DailyValueCode } from './air-validity-rules';
import { classifyAqi } from './aqi-rules';
import type { AqiCode } from './aqi-tables';
import { computeAreaDailyAqi, computePeriodMean } from './area-air-rules';
import { listPeriods } from './period-rules';
import { selectStations, stationFilters, type StationRecord } from './station-store';

export type UnitDay = { day: string; aqi: number | null; primaryPollutants: readonly AqiCode[]; values: Partial<Record<DailyValueCode, number | null>> };
export type UnitSeries = { unit: StatisticsUnit; stationCount: number; days: UnitDay[] };

const MAX_RANGE_DAYS = 3700;

export function checkRange(from: string, to: string): void {
  if (from > to) throw invalid('env.invalid_range', `起始日期晚于截止日期：${from} > ${to}`, { from, to });
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (days > MAX_RANGE_DAYS) throw invalid('env.range_too_long', '统计区间最长 10 年', { from, to });
}

/** Air stations in a scope, optionally one station or one territory subtree (inactive ones included: their history counts). */
export async function loadAirStations(db: Db, scope: DataScope, filter: { stationId?: string | undefined; orgUnitId?: string | undefined; orgPath?: string | undefined }): Promise<StationRecord[]> {
  let where = stationFilters({ kind: 'air', includeInactive: true, territoryOrgUnitId: filter.orgUnitId }, scope);
  if (filter.stationId) where = sql`${where} AND s.id = ${filter.stationId}`;
  if (filter.orgPath) where = sql`${where} AND o.path LIKE ${`${filter.orgPath}%`}`;
  return selectStations(db, where, { sort: 'code', limit: 10_000, offset: 0 });
}

/** Daily series of stations, townships (first-level units under the city) or one area. */
export async function buildUnitSeries(db: Db, options: { stations: StationRecord[]; level: StatisticsLevel; from: string; to: string; areaUnit: StatisticsUnit }): Promise<UnitSeries[]> {
  const { stations, level } = options;
  const rows = await selectDailyRows(db, stations.map((s) => s.id), options.from, options.to);
  if (level === 'station') {
    const byStation = new Map<string, UnitDay[]>();
    for (const r of rows) {
      const list = byStation.get(r.stationId) ?? [];
      list.push({ day: r.day, aqi: r.aqi, primaryPollutants: r.primaryPollutants, values: r.values });
      byStation.set(r.stationId, list);
    }
    return stations.map((s) => ({ unit: { kind: 'station', id: s.id, name: s.name }, stationCount: 1, days: byStation.get(s.id) ?? [] }));
  }
  const unitOf = new Map<string, StatisticsUnit>();
  if (level === 'township') {
    const names = new Map((await listOrgUnitOptions(db, { includeInactive: true })).map((o) => [o.id, o.name]));
    for (const s of stations) {
      const townId = s.territoryPath.split('/').filter(Boolean)[1];
      if (townId) unitOf.set(s.id, { kind: 'township', id: townId, name: names.get(townId) ?? townId });
    }
  } else {
    for (const s of stations) unitOf.set(s.id, options.areaUnit);
  }
  const grouped = new Map<string, { unit: StatisticsUnit; stations: Set<string>; days: Map<string, Partial<Record<DailyValueCode, number | null>>[]> }>();
  for (const s of stations) {
    const unit = unitOf.get(s.id);
    if (!unit) continue;
    const g = grouped.get(unit.id) ?? { unit, stations: new Set<string>(), days: new Map() };
    g.stations.add(s.id);
    grouped.set(unit.id, g);
  }
  for (const r of rows) {
    const unit = unitOf.get(r.stationId);
    if (!unit) continue;
    const days = grouped.get(unit.id)?.days;
    if (!days) continue;
    const list = days.get(r.day) ?? [];
    list.push(r.values);
    days.set(r.day, list);
  }
  return [...grouped.values()]
    .map((g) => ({
      unit: g.unit,
      stationCount: g.stations.size,
      days: areaDailySeries(g.days),
    }))
    .sort((a, b) => (a.unit.name < b.unit.name ? -1 : 1));
}

/** An area's daily AQI in day order, from its stations' daily values grouped by day (HJ 633: AQI of the stations' mean concentrations). */
export function areaDailySeries(valuesByDay: ReadonlyMap<string, Partial<Record<DailyValueCode, number | null>>[]>): UnitDay[] {
  return [...valuesByDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, values]) => {
      const area = computeAreaDailyAqi(day, values);
      return { day, aqi: area.result.aqi, primaryPollutants: area.result.primaryPollutants, values: area.values };
    });
}

/** One statistics row (good-day rate, category counts, primary pollutants, means) over days. */
export function summariseDays(unit: StatisticsUnit, period: { key: string; from: string; to: string }, days: readonly UnitDay[]): AirStatisticsRow {
  const stats = computeGoodDayRate(days);
  const means = Object.fromEntries(
    dailyValueCodes.map((code) => [code, computePeriodMean(code, days.map((d) => d.values[code]), code === 'CO_24H' ? 2 : 1).mean]),
  ) as Record<DailyValueCode, number | null>;
  return {
    unit,
    period: period.key,
    from: period.from,
    to: period.to,
    totalDays: stats.totalDays,
    validDays: stats.validDays,
    goodDays: stats.goodDays,
    goodDayPercent: stats.percent,
    daysByCategory: stats.daysByCategory,
    excellentDays: stats.excellentDays,
    pollutedDays: stats.pollutedDays,
    heavyPollutedDays: stats.heavyPollutedDays,
    severePollutedDays: stats.severePollutedDays,
    primaryPollutantDays: stats.primaryPollutantDays,
    primaryPollutantPollutedDays: stats.primaryPollutantPollutedDays,
    means,
  };
}

/** The unit that an area-level request refers to: a given org unit, the whole city, or the actor's territory. */
export async function resolveAreaUnit(db: Db, actor: Actor, scope: DataScope, orgUnitId: string | undefined): Promise<StatisticsUnit> {
  const id = orgUnitId ?? (scope.kind === 'all' ? (await findRoot(db))?.id : scope.kind === 'subtree' ? scope.rootId : actor.orgUnitId);
  const unit = id ? await findOrgUnit(db, id, scope) : null;
  if (!unit) throw notFound('env.org_unit_not_found', '辖区不存在或不在您的管辖范围内');
  return { kind: 'city', id: unit.id, name: unit.name };
}

export type DateWindow = { from: string; to: string };

export function defaultWindow(query: { from?: string | undefined; to?: string | undefined }, today: string): DateWindow {
  const to = query.to ?? today;
  const from = query.from ?? `${to.slice(0, 4)}-01-01`;
  checkRange(from, to);
  return { from, to };
}

/** Good-day rate, category counts, primary pollutants and means by unit and period. */
export async function computeAirStatistics(db: Db, options: { actor: Actor; query: AirStatisticsQuery; today: string }): Promise<AirStatistics> {
  const { actor, query } = options;
  const { from, to } = defaultWindow(query, options.today);
  const scope = await resolveReadScope(db, actor);
  const areaUnit = await resolveAreaUnit(db, actor, scope, query.orgUnitId);
  const stations = await loadAirStations(db, scope, { stationId: query.stationId, orgUnitId: query.orgUnitId });
  const series = await buildUnitSeries(db, { stations, level: query.level, from, to, areaUnit });
  const periods = listPeriods(from, to, query.groupBy).map((p) => ({ ...p, from: p.from < from ? from : p.from, to: p.to > to ? to : p.to }));
  const rows: AirStatisticsRow[] = [];
  for (const s of series) {
    for (const p of periods) rows.push(summariseDays(s.unit, p, s.days.filter((d) => d.day >= p.from && d.day <= p.to)));
  }
  return { level: query.level, groupBy: query.groupBy, from, to, rows };
}

/** Daily AQI of every day of a year for one station or an area (calendar heat map). */
export async function getAqiCalendar(db: Db, options: { actor: Actor; year: number; stationId?: string | undefined; orgUnitId?: string | undefined }): Promise<AqiCalendar> {
  const { actor, year } = options;
  const scope = await resolveReadScope(db, actor);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  let series: UnitSeries[];
  if (options.stationId) {
    const stations = await loadAirStations(db, scope, { stationId: options.stationId });
    if (stations.length === 0) throw notFound('env.station_not_found', '站点不存在或不在您的管辖范围内');
    series = await buildUnitSeries(db, { stations, level: 'station', from, to, areaUnit: { kind: 'city', id: '', name: '' } });
  } else {
    const areaUnit = await resolveAreaUnit(db, actor, scope, options.orgUnitId);
    const stations = await loadAirStations(db, scope, { orgUnitId: options.orgUnitId });
    series = await buildUnitSeries(db, { stations, level: 'city', from, to, areaUnit });
    if (series.length === 0) series = [{ unit: areaUnit, stationCount: 0, days: [] }];
  }
  const first = series[0] as UnitSeries;
  return {
    unit: first.unit,
    year,
    days: first.days.map((d) => {
      const info = d.aqi === null ? null : classifyAqi(d.aqi);
      return { date: d.day, aqi: d.aqi, level: info?.level ?? null, category: info?.category ?? null, color: info?.color ?? null, primaryPollutants: [...d.primaryPollutants] };
    }),
  };
}
