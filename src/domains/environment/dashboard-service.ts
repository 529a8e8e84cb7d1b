import type { Actor } from '../../shared/actor';
import type { Db } from '../../platform/db/types';
import { resolveReadScope } from './access-service';
import { toDailyAqiItem } from './air-service';
import { buildUnitSeries, loadAirStations, resolveAreaUnit, summariseDays } from './air-statistics-service';
import { selectDailyRows, selectHourlyRange, selectLatestHourStarts, type StoredDailyRow } from './air-store';
import { classifyAqi } from './aqi-rules';
import type { Dashboard, DashboardStation, LatestDay, LatestHour, StationOverview } from './dashboard-schema';
import { createLocalTimeResolver, formatDayNumber, parseDayNumber } from './local-time';
import { computeNoiseComplianceByPeriod, listNoiseMeasurements } from './noise-service';
import { listPeriods } from './period-rules';
import { computeRealtimeAqi, type RealtimeHour } from './realtime-aqi-rules';
import { computeAreaTotals } from './redline-service';
import { getStationRecord } from './station-service';
import { toPublicStation, type StationRecord } from './station-store';
import { computeWaterCompliance, listWaterSamples } from './water-service';

const HOUR_MS = 3_600_000;

/** Real-time AQI of each station's latest hour (24-hour window for the 2012 sliding means). */
export async function computeLatestHours(db: Db, stations: readonly StationRecord[], timeZone: string): Promise<Map<string, LatestHour>> {
  const latest = await selectLatestHourStarts(db, stations.map((s) => s.id));
  const resolver = createLocalTimeResolver(timeZone);
  const out = new Map<string, LatestHour>();
  for (const [stationId, lastMs] of latest) {
    const rows = await selectHourlyRange(db, stationId, lastMs - 23 * HOUR_MS, lastMs + HOUR_MS);
    const window: (RealtimeHour | null)[] = Array.from({ length: 24 }, () => null);
    for (const r of rows) {
      const slot = 23 - Math.round((lastMs - r.hourStartMs) / HOUR_MS);
      if (slot >= 0 && slot < 24 && r.isValid) window[slot] = r;
    }
    const date = formatDayNumber(resolver.locate(lastMs).dayNumber);
    const result = computeRealtimeAqi(window, date);
    const current = window[23];
    out.set(stationId, {
      hourStart: new Date(lastMs).toISOString(),
      standard: result.standard,
      aqi: result.aqi,
      level: result.level,
      category: result.category,
      color: result.color,
      primaryPollutants: result.primaryPollutants,
      iaqi: result.iaqi as Record<string, number>,
      missing: result.missing,
      concentrations: { SO2: current?.so2 ?? null, NO2: current?.no2 ?? null, CO: current?.co ?? null, O3: current?.o3 ?? null, PM10: current?.pm10 ?? null, PM2_5: current?.pm2_5 ?? null },
    });
  }
  return out;
}

function toLatestDay(row: { day: string; aqi: number | null; primaryPollutants: readonly string[] }): LatestDay {
  const info = row.aqi === null ? null : classifyAqi(row.aqi);
  return { date: row.day, aqi: row.aqi, level: info?.level ?? null, category: info?.category ?? null, color: info?.color ?? null, primaryPollutants: [...row.primaryPollutants] as LatestDay['primaryPollutants'] };
}

function latestDayByStation(rows: readonly StoredDailyRow[]): Map<string, LatestDay> {
  const out = new Map<string, LatestDay>();
  for (const r of rows) if (r.aqi !== null) out.set(r.stationId, toLatestDay(r));
  return out;
}

const addDays = (date: string, n: number) => formatDayNumber(parseDayNumber(date) + n);

/** Everything the environment dashboard shows, for the actor's territory. */
export async function getDashboard(db: Db, options: { actor: Actor; today: string; timeZone: string }): Promise<Dashboard> {
  const { actor, today, timeZone } = options;
  const scope = await resolveReadScope(db, actor);
  const stations = (await loadAirStations(db, scope, {})).filter((s) => s.isActive);
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const unit = await resolveAreaUnit(db, actor, scope, undefined);
  const [latestHours, recentRows, series] = await Promise.all([
    computeLatestHours(db, stations, timeZone),
    selectDailyRows(db, stations.map((s) => s.id), addDays(today, -7), today),
    buildUnitSeries(db, { stations, level: 'city', from: yearStart < addDays(today, -30) ? yearStart : addDays(today, -30), to: today, areaUnit: unit }),
  ]);
  const latestDays = latestDayByStation(recentRows);
  const days = series[0]?.days ?? [];
  const yearDays = days.filter((d) => d.day >= yearStart);
  const water = await computeWaterCompliance(db, { actor, query: { groupBy: 'year', from: yearStart, to: today }, today });
  const noise = await computeNoiseComplianceByPeriod(db, { actor, query: { groupBy: 'year', from: yearStart, to: today }, today });
  const area = await computeAreaTotals(db, { groupBy: 'tier' });
  const w = water.rows[water.rows.length - 1];
  const n = noise.rows[noise.rows.length - 1]?.all;
  const empty = { measured: 0, compliant: 0, percent: null };
  return {
    date: today,
    air: {
      stations: stations.map((s): DashboardStation => ({
        id: s.id, code: s.code, name: s.name, territoryName: s.territoryName, lon: s.lon, lat: s.lat,
        latestHour: latestHours.get(s.id) ?? null, latestDay: latestDays.get(s.id) ?? null,
      })),
      unit,
      yearToDate: summariseDays(unit, { key: today.slice(0, 4), from: yearStart, to: today }, yearDays),
      months: listPeriods(yearStart, today, 'month').map((p) => summariseDays(unit, p, yearDays.filter((d) => d.day >= p.from && d.day <= p.to))),
      recentDays: days.filter((d) => d.day > addDays(today, -30)).map(toLatestDay),
    },
    water: {
      sections: w?.sections ?? 0,
      byClass: w?.byClass ?? {},
      goodPercent: w?.goodPercent ?? null,
      worstPercent: w?.worstPercent ?? null,
      compliancePercent: w?.compliancePercent ?? null,
    },
    noise: { day: n?.day ?? empty, night: n?.night ?? empty, overall: n?.overall ?? empty },
    redLines: { zoneCount: area.zoneCount, totalKm2: area.totalUnionKm2, byTier: area.groups.map((g) => ({ tier: g.key, km2: g.unionKm2, zoneCount: g.zoneCount })) },
  };
}

/** Station detail page: the station plus its kind's latest values and this year's summary. */
export async function getStationOverview(db: Db, options: { actor: Actor; id: string; today: string; timeZone: string }): Promise<StationOverview> {
  const { actor, today } = options;
  const station = await getStationRecord(db, { actor, id: options.id });
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const base: StationOverview = { station: toPublicStation(station), air: null, water: null, noise: null };
  if (station.kind === 'air') {
    const rows = await selectDailyRows(db, [station.id], yearStart < addDays(today, -30) ? yearStart : addDays(today, -30), today);
    const latestHour = (await computeLatestHours(db, [station], options.timeZone)).get(station.id) ?? null;
    const unit = { kind: 'station' as const, id: station.id, name: station.name };
    const yearRows = rows.filter((r) => r.day >= yearStart).map((r) => ({ day: r.day, aqi: r.aqi, primaryPollutants: r.primaryPollutants, values: r.values }));
    return {
      ...base,
      air: {
        latestHour,
        latestDay: latestDayByStation(rows).get(station.id) ?? null,
        yearToDate: summariseDays(unit, { key: today.slice(0, 4), from: yearStart, to: today }, yearRows),
        recentDays: rows.filter((r) => r.day > addDays(today, -30)).map(toDailyAqiItem),
      },
    };
  }
  if (station.kind === 'water') {
    const latest = await listWaterSamples(db, { actor, query: { stationId: station.id, page: 1, pageSize: 1, sort: '-sampledOn' } });
    const year = await computeWaterCompliance(db, { actor, query: { groupBy: 'year', from: yearStart, to: today }, today });
    const result = year.rows[0]?.results.find((r) => r.stationId === station.id) ?? null;
    return { ...base, water: { latestSample: latest.items[0] ?? null, yearToDate: result } };
  }
  const recent = await listNoiseMeasurements(db, { actor, query: { stationId: station.id, page: 1, pageSize: 20, sort: '-measuredOn' } });
  return { ...base, noise: { latest: recent.items[0] ?? null, recent: recent.items } };
}
