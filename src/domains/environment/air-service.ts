import type { Actor } from '../../shared/actor';
import { invalid } from '../../shared/errors';
import type { Db } from '../../platform/db/types';
import { recordAudit } from '../audit';
import { requireDataEntry } from './access-service';
import { computeStationDailyRows, listAffectedDays, type HourlyValues } from './air-daily-rules';
import type { DailyAqiItem, HourlyAirInput, HourlyItem, HourlyUpsertResult } from './air-schema';
import { selectDailyRows, selectHourlyRange, upsertDailyRows, upsertHourlyRows, type HourlyWrite, type StoredDailyRow } from './air-store';
import { airPollutants } from './aqi-tables';
import { classifyAqi } from './aqi-rules';
import { defaultAirValidityConfig } from './air-validity-rules';
import { createLocalTimeResolver, type LocalTimeResolver } from './local-time';
import { getStationRecord } from './station-service';
import { findStationsByCodes, findStationsByIds, type StationRecord } from './station-store';

const HOUR_MS = 3_600_000;

export type HourlyImportOptions = {
  actor: Actor;
  records: readonly HourlyAirInput[];
  /** 'api' | 'import' | 'cli' | 'seed' … stored with each row. */
  source: string;
  now: Date;
  timeZone: string;
};

type Problem = { index: number; field: string; message: string };

function fail(problems: Problem[]): never {
  const first = problems[0];
  throw invalid('env.invalid_hourly_data', `第 ${(first?.index ?? 0) + 1} 条：${first?.message ?? '数据无效'}${problems.length > 1 ? `（共 ${problems.length} 处问题）` : ''}`, {
    problems: problems.slice(0, 50),
  });
}

async function resolveStations(db: Db, records: readonly HourlyAirInput[]): Promise<Map<string, StationRecord>> {
  const all = { kind: 'all' } as const;
  const ids = [...new Set(records.flatMap((r) => (r.stationId ? [r.stationId] : [])))];
  const codes = [...new Set(records.flatMap((r) => (!r.stationId && r.stationCode ? [r.stationCode] : [])))];
  const found = [...(await findStationsByIds(db, ids, all)), ...(await findStationsByCodes(db, codes, all))];
  const byKey = new Map<string, StationRecord>();
  for (const s of found) {
    byKey.set(s.id, s);
    byKey.set(`code:${s.code.toLowerCase()}`, s);
  }
  return byKey;
}

/** Validate and resolve the records; every problem is reported with its (0-based) index. */
function toWrites(records: readonly HourlyAirInput[], stations: Map<string, StationRecord>, options: HourlyImportOptions): HourlyWrite[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  const nowMs = options.now.getTime();
  const writes: HourlyWrite[] = [];
  records.forEach((r, index) => {
    const station = r.stationId ? stations.get(r.stationId) : stations.get(`code:${(r.stationCode ?? '').toLowerCase()}`);
    if (!station) return void problems.push({ index, field: r.stationId ? 'stationId' : 'stationCode', message: `站点不存在：${r.stationId ?? r.stationCode}` });
    if (station.kind !== 'air') return void problems.push({ index, field: 'stationId', message: `「${station.name}」不是空气站` });
    const ms = Date.parse(r.hourStart);
    if (Number.isNaN(ms) || ms % HOUR_MS !== 0) return void problems.push({ index, field: 'hourStart', message: `时间须为整点：${r.hourStart}` });
    if (ms > nowMs) return void problems.push({ index, field: 'hourStart', message: `时间晚于当前时刻：${r.hourStart}` });
    const key = `${station.id}|${ms}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) return void problems.push({ index, field: 'hourStart', message: `与第 ${earlier + 1} 条重复（同一站点同一小时）` });
    seen.set(key, index);
    writes.push({
      stationId: station.id, hourStartMs: ms,
      so2: r.SO2 ?? null, no2: r.NO2 ?? null, co: r.CO ?? null, o3: r.O3 ?? null, pm10: r.PM10 ?? null, pm2_5: r.PM2_5 ?? null,
      isValid: r.valid ?? true, flag: r.flag ?? null, source: options.source,
    });
  });
  if (problems.length > 0) fail(problems);
  return writes;
}

/**
 * Recompute the daily values and daily AQI of the affected local days of each station
 * (and the next day when O3 windows reach back). Returns the number of station-days written.
 */
export async function recomputeDailyAir(db: Db, hoursByStation: Map<string, number[]>, resolver: LocalTimeResolver): Promise<number> {
  let written = 0;
  for (const [stationId, hours] of hoursByStation) {
    const days = listAffectedDays(hours, resolver, defaultAirValidityConfig);
    const sorted = [...days].sort((a, b) => a - b);
    const first = sorted[0];
    const last = sorted[sorted.length - 1];
    if (first === undefined || last === undefined) continue;
    const rows = await selectHourlyRange(db, stationId, resolver.startOfDay(first - 1), resolver.startOfDay(last + 1));
    const daily = computeStationDailyRows(rows, { resolver, days });
    await upsertDailyRows(db, stationId, daily);
    written += daily.length;
  }
  return written;
}

/** Bulk upsert of hourly air data (API, import, CLI) with the daily recomputation, in one transaction. */
export async function upsertHourlyAirData(db: Db, options: HourlyImportOptions): Promise<HourlyUpsertResult> {
  const { actor, records } = options;
  await requireDataEntry(db, actor);
  const resolver = createLocalTimeResolver(options.timeZone);
  return db.transaction(async (tx) => {
    const stations = await resolveStations(tx, records);
    const writes = toWrites(records, stations, options);
    const { inserted, updated } = await upsertHourlyRows(tx, writes);
    const hoursByStation = new Map<string, number[]>();
    for (const w of writes) {
      const list = hoursByStation.get(w.stationId);
      if (list) list.push(w.hourStartMs);
      else hoursByStation.set(w.stationId, [w.hourStartMs]);
    }
    const recomputedDays = await recomputeDailyAir(tx, hoursByStation, resolver);
    let min = Infinity;
    let max = -Infinity;
    for (const w of writes) {
      if (w.hourStartMs < min) min = w.hourStartMs;
      if (w.hourStartMs > max) max = w.hourStartMs;
    }
    const from = writes.length ? new Date(min).toISOString() : null;
    const to = writes.length ? new Date(max).toISOString() : null;
    const stationIds = [...hoursByStation.keys()];
    const single = stationIds.length === 1 ? stations.get(stationIds[0] as string) : undefined;
    const result = { received: records.length, inserted, updated, stations: stationIds.length, recomputedDays, from, to };
    await recordAudit(tx, actor, {
      action: 'env.air_hourly.upsert',
      entityType: 'env_station',
      entityId: single?.id ?? null,
      orgUnitId: single?.territoryOrgUnitId ?? null,
      summary: `写入空气小时数据 ${records.length} 条（新增 ${inserted}，更新 ${updated}），重算日数据 ${recomputedDays} 站日`,
      after: { ...result, source: options.source, stationCodes: stationIds.map((id) => stations.get(id)?.code) },
    });
    return result;
  });
}

export function toDailyAqiItem(row: StoredDailyRow): DailyAqiItem {
  return {
    date: row.day,
    standard: row.standard,
    aqi: row.aqi,
    level: row.level,
    category: row.category,
    color: row.aqi === null ? null : classifyAqi(row.aqi).color,
    primaryPollutants: row.primaryPollutants,
    values: row.values,
    iaqi: row.iaqi as Record<string, number>,
    validHours: Object.fromEntries(airPollutants.map((p, i) => [p, row.validHours[i] ?? 0])),
    o3Windows: row.o3Windows,
  };
}

/** Daily AQI series of one air station. */
export async function listStationDailyAqi(db: Db, options: { actor: Actor; stationId: string; from: string; to: string }): Promise<DailyAqiItem[]> {
  const station = await getStationRecord(db, { actor: options.actor, id: options.stationId, kind: 'air' });
  return (await selectDailyRows(db, [station.id], options.from, options.to)).map(toDailyAqiItem);
}

const MAX_HOURLY_SPAN_MS = 93 * 24 * HOUR_MS;

/** Hourly rows of one air station in [from, to). */
export async function listStationHourly(db: Db, options: { actor: Actor; stationId: string; fromMs: number; toMs: number }): Promise<HourlyItem[]> {
  const station = await getStationRecord(db, { actor: options.actor, id: options.stationId, kind: 'air' });
  if (options.toMs <= options.fromMs) throw invalid('env.invalid_range', '截止时间须晚于起始时间');
  if (options.toMs - options.fromMs > MAX_HOURLY_SPAN_MS) throw invalid('env.range_too_long', '小时数据一次最多查询 93 天');
  const rows: (HourlyValues & { flag: string | null })[] = await selectHourlyRange(db, station.id, options.fromMs, options.toMs);
  return rows.map((r) => ({
    hourStart: new Date(r.hourStartMs).toISOString(),
    SO2: r.so2, NO2: r.no2, CO: r.co, O3: r.o3, PM10: r.pm10, PM2_5: r.pm2_5, valid: r.isValid, flag: r.flag,
  }));
}

