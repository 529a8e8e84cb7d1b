import { sql } from 'drizzle-orm';
import type { Actor } from '../../shared/actor';
import { forbidden } from '../../shared/errors';
import { queryRows, type Db } from '../../platform/db/types';
import { defineImportKind, parseBooleanCell, type ImportColumn, type ImportWriteResult, type JournalEntry } from '../../platform/import';
import { isDataEntryUser } from './access-service';
import { hourlyAirInputSchema, type HourlyAirInput } from './air-schema';
import { recomputeDailyAir } from './air-service';
import { upsertHourlyRows, type HourlyWrite } from './air-store';
import { createLocalTimeResolver, parseDayNumber } from './local-time';
import { selectStations, stationFilters, type StationRecord } from './station-store';

/**
 * Hourly air data as an import kind of the generic engine ('environment-air-hourly'): one row
 * per station and hour, matched by 站点编码 + 时间 (local time = start of the hour, or ISO 8601
 * with an offset). New hours are added, changed hours updated (the journal keeps the old values),
 * identical hours count as unchanged; the affected local days are recomputed. Undo deletes the
 * added hours, restores the old values and recomputes again.
 *
 * [D] The engine's `prepare` does not receive the configured time zone, so local times are read
 * in Asia/Shanghai (the platform default).
 */
const TIME_ZONE = 'Asia/Shanghai';
const HOUR_MS = 3_600_000;

type Ctx = { actor: Actor; today: string; stations: Map<string, StationRecord> };

const value = (key: string, header: string, aliases: string[], note: string): ImportColumn => ({ key, header, aliases, field: key, note, example: '' });

const columns: ImportColumn[] = [
  { key: 'stationCode', header: '站点编码', aliases: ['站点', 'stationCode', 'station'], required: true, field: 'stationCode', example: 'AQ-HM-01', note: '监测站点编码（站点管理中的编码）' },
  { key: 'time', header: '时间', aliases: ['监测时间', 'hourStart', 'time', '日期时间'], required: true, field: 'hourStart', example: '2026-11-20 08:00', note: '该小时的起始时刻（本地时间，整点），或带时区的 ISO 8601' },
  { ...value('SO2', 'SO2', ['二氧化硫', 'so2'], 'µg/m³'), example: '8' },
  { ...value('NO2', 'NO2', ['二氧化氮', 'no2'], 'µg/m³'), example: '30' },
  { ...value('CO', 'CO', ['一氧化碳', 'co'], 'mg/m³'), example: '0.8' },
  { ...value('O3', 'O3', ['臭氧', 'o3'], 'µg/m³'), example: '60' },
  { ...value('PM10', 'PM10', ['pm10'], 'µg/m³'), example: '70' },
  { ...value('PM2_5', 'PM2.5', ['PM2_5', 'PM25', 'pm2.5'], 'µg/m³'), example: '40' },
  { key: 'valid', header: '有效', aliases: ['valid', '是否有效'], field: 'valid', example: '是', note: '否：本小时数据无效（校准、故障等），不参与统计', options: ['是', '否'] },
  { key: 'flag', header: '标记', aliases: ['flag', '数据标记'], field: 'flag', example: '', note: '仪器或人工标记（可选）' },
];

const localPattern = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})(?::00)?$/;
const resolver = createLocalTimeResolver(TIME_ZONE);

function parseTime(text: string): string | null {
  const t = text.trim();
  const local = localPattern.exec(t);
  if (local) {
    if (Number(local[2]) > 23 || local[3] !== '00') return null;
    try {
      return new Date(resolver.startOfDay(parseDayNumber(local[1] as string)) + Number(local[2]) * HOUR_MS).toISOString();
    } catch {
      return null;
    }
  }
  const ms = /([zZ]|[+-]\d{2}:?\d{2})$/.test(t) ? Date.parse(t) : Number.NaN;
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function toInput(cells: Readonly<Record<string, string | null>>): { input: Record<string, unknown>; problems: string[] } {
  const problems: string[] = [];
  const input: Record<string, unknown> = { stationCode: cells.stationCode ?? '' };
  const time = cells.time;
  if (time === null || time === undefined) problems.push('时间：不能为空');
  else {
    const parsed = parseTime(time);
    if (parsed) input.hourStart = parsed;
    else problems.push(`时间：「${time}」应为 YYYY-MM-DD HH:00 或带时区的 ISO 8601`);
  }
  for (const key of ['SO2', 'NO2', 'CO', 'O3', 'PM10', 'PM2_5']) {
    const text = cells[key];
    if (text === null || text === undefined || ['—', '-', '/', 'NA', 'na'].includes(text.trim())) continue;
    const n = Number(text.trim());
    if (Number.isFinite(n)) input[key] = n;
    else problems.push(`${key === 'PM2_5' ? 'PM2.5' : key}：「${text}」不是数值`);
  }
  if (cells.valid) {
    const parsed = parseBooleanCell(cells.valid, { yes: ['有效'], no: ['无效'] });
    if (parsed.ok) input.valid = parsed.value;
    else problems.push(`有效：${parsed.problem}`);
  }
  if (cells.flag) input.flag = cells.flag;
  return { input, problems };
}

type Existing = { station_id: string; t: number; so2: number | null; no2: number | null; co: number | null; o3: number | null; pm10: number | null; pm2_5: number | null; is_valid: boolean; flag: string | null };

async function selectExisting(tx: Db, keys: readonly { stationId: string; ms: number }[]): Promise<Map<string, Existing>> {
  if (keys.length === 0) return new Map();
  const rows = await queryRows<Existing>(tx, sql`SELECT h.station_id, extract(epoch FROM h.hour_start)::float8 * 1000 AS t, h.so2, h.no2, h.co, h.o3, h.pm10, h.pm2_5, h.is_valid, h.flag
    FROM env_air_hourly h JOIN unnest(${sql.param(keys.map((k) => k.stationId))}::uuid[], ${sql.param(keys.map((k) => new Date(k.ms).toISOString()))}::timestamptz[]) AS k(s, h0)
      ON h.station_id = k.s AND h.hour_start = k.h0`);
  return new Map(rows.map((r) => [`${r.station_id}|${Number(r.t)}`, r]));
}

const same = (e: Existing, w: HourlyWrite) =>
  e.so2 === w.so2 && e.no2 === w.no2 && e.co === w.co && e.o3 === w.o3 && e.pm10 === w.pm10 && e.pm2_5 === w.pm2_5 && e.is_valid === w.isValid && e.flag === w.flag;

function hoursByStation(writes: readonly { stationId: string; hourStartMs: number }[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const w of writes) {
    const list = out.get(w.stationId);
    if (list) list.push(w.hourStartMs);
    else out.set(w.stationId, [w.hourStartMs]);
  }
  return out;
}

export const airHourlyImportKind = defineImportKind<HourlyAirInput, Ctx>({
  kind: 'environment-air-hourly',
  label: '空气小时数据',
  sheetName: '空气小时数据',
  permission: 'environment.manage',
  keyLabel: '站点编码 + 时间',
  columns,
  notes: [
    '每行一个站点一个小时；同一站点同一小时已有数据时按本文件更新，值相同视为未变化。',
    '时间为该小时的起始时刻（如 08:00 表示 08:00–09:00）；浓度单位 µg/m³，CO 为 mg/m³；空白或“—”表示缺测。',
    '导入后自动重算受影响日期的日均值与日 AQI（HJ 633）。',
  ],
  schema: hourlyAirInputSchema,
  async prepare(db, { actor, today }) {
    if (!(await isDataEntryUser(db, actor))) throw forbidden('env.data_entry_forbidden', '只有生态环境主管部门、市场监管局、质强办和管理员可以导入环境数据');
    const stations = await selectStations(db, stationFilters({ kind: 'air', includeInactive: true }, { kind: 'all' }), { sort: 'code', limit: 100_000, offset: 0 });
    return { actor, today, stations: new Map(stations.map((s) => [s.code.toLowerCase(), s])) };
  },
  toInput,
  checkRow(value, ctx) {
    const problems: string[] = [];
    if (!ctx.stations.has((value.stationCode ?? '').toLowerCase())) problems.push(`站点编码：「${value.stationCode ?? ''}」不是已登记的空气站`);
    const ms = Date.parse(value.hourStart);
    if (ms % HOUR_MS !== 0) problems.push('时间：须为整点');
    if (resolver.locate(ms).dayNumber > parseDayNumber(ctx.today)) problems.push(`时间：${value.hourStart} 晚于今天`);
    return problems;
  },
  naturalKey: (v) => `${(v.stationCode ?? '').toLowerCase()}|${Date.parse(v.hourStart)}`,
  async write(tx, { rows, ctx, dryRun }): Promise<ImportWriteResult> {
    const writes = rows.map((r) => {
      const station = ctx.stations.get((r.value.stationCode ?? '').toLowerCase()) as StationRecord;
      const v = r.value;
      const w: HourlyWrite = {
        stationId: station.id, hourStartMs: Date.parse(v.hourStart), so2: v.SO2 ?? null, no2: v.NO2 ?? null, co: v.CO ?? null, o3: v.O3 ?? null,
        pm10: v.PM10 ?? null, pm2_5: v.PM2_5 ?? null, isValid: v.valid ?? true, flag: v.flag ?? null, source: 'import',
      };
      return { rowNo: r.rowNo, w };
    });
    const existing = await selectExisting(tx, writes.map(({ w }) => ({ stationId: w.stationId, ms: w.hourStartMs })));
    const journal: JournalEntry[] = [];
    const changed: HourlyWrite[] = [];
    let unchanged = 0;
    for (const { rowNo, w } of writes) {
      const before = existing.get(`${w.stationId}|${w.hourStartMs}`);
      if (before && same(before, w)) {
        unchanged += 1;
        continue;
      }
      changed.push(w);
      const hourStart = new Date(w.hourStartMs).toISOString();
      journal.push(before
        ? { rowNo, entityId: w.stationId, action: 'update', before: { hourStart, so2: before.so2, no2: before.no2, co: before.co, o3: before.o3, pm10: before.pm10, pm2_5: before.pm2_5, isValid: before.is_valid, flag: before.flag }, changes: { hourStart }, afterVersion: 1 }
        : { rowNo, entityId: w.stationId, action: 'insert', before: null, changes: { hourStart }, afterVersion: 1 });
    }
    const inserted = journal.filter((j) => j.action === 'insert').length;
    if (!dryRun && changed.length > 0) {
      await upsertHourlyRows(tx, changed);
      await recomputeDailyAir(tx, hoursByStation(changed), resolver);
    }
    return { inserted, updated: changed.length - inserted, unchanged, journal: dryRun ? [] : journal, rowErrors: [] };
  },
  // Hourly rows carry no version: an undo restores the journalled values whatever happened since.
  currentVersions: async (_tx, ids) => new Map(ids.map((id) => [id, 1])),
  async undo(tx, { entries }) {
    const touched: { stationId: string; hourStartMs: number }[] = [];
    const restore: HourlyWrite[] = [];
    for (const e of entries) {
      const hourStart = (e.changes as { hourStart: string }).hourStart;
      const ms = Date.parse(hourStart);
      touched.push({ stationId: e.entityId, hourStartMs: ms });
      if (e.action === 'insert') {
        await tx.execute(sql`DELETE FROM env_air_hourly WHERE station_id = ${e.entityId} AND hour_start = ${hourStart}::timestamptz`);
      } else {
        const b = e.before as { so2: number | null; no2: number | null; co: number | null; o3: number | null; pm10: number | null; pm2_5: number | null; isValid: boolean; flag: string | null };
        restore.push({ stationId: e.entityId, hourStartMs: ms, so2: b.so2, no2: b.no2, co: b.co, o3: b.o3, pm10: b.pm10, pm2_5: b.pm2_5, isValid: b.isValid, flag: b.flag, source: 'import-undo' });
      }
    }
    if (restore.length > 0) await upsertHourlyRows(tx, restore);
    const byStation = hoursByStation(touched);
    await recomputeDailyAir(tx, byStation, resolver);
    // Days whose hours were all removed keep no daily row.
    for (const [stationId] of byStation) {
      await tx.execute(sql`DELETE FROM env_air_daily d WHERE d.station_id = ${stationId}
        AND NOT EXISTS (SELECT 1 FROM env_air_hourly h WHERE h.station_id = d.station_id
          AND h.hour_start >= (d.day::timestamp AT TIME ZONE ${TIME_ZONE}) AND h.hour_start < ((d.day + 1)::timestamp AT TIME ZONE ${TIME_ZONE}))`);
    }
  },
});
