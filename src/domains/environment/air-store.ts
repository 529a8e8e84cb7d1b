import { sql, type SQL } from 'drizzle-orm';
import { queryOne, queryRows, type Db } from '../../platform/db/types';
import type { AqiCategory, AqiCode, AqiLevel, AqiStandard } from './aqi-tables';
import type { DailyAirRow, HourlyValues } from './air-daily-rules';
import type { DailyValueCode } from './air-validity-rules';

/**
 * SQL of env_air_hourly and env_air_daily. Bulk writes go through `unnest` of array parameters
 * (one statement per batch, the same on PGlite and PostgreSQL).
 */
export type HourlyWrite = HourlyValues & { stationId: string; flag: string | null; source: string };

export async function upsertHourlyRows(db: Db, rows: readonly HourlyWrite[]): Promise<{ inserted: number; updated: number }> {
  let inserted = 0;
  let total = 0;
  for (let start = 0; start < rows.length; start += 10_000) {
    const chunk = rows.slice(start, start + 10_000);
    const col = <T>(f: (r: HourlyWrite) => T) => sql.param(chunk.map(f));
    const row = await queryOne<{ inserted: number; total: number }>(
      db,
      sql`WITH up AS (
            INSERT INTO env_air_hourly (station_id, hour_start, so2, no2, co, o3, pm10, pm2_5, is_valid, flag, source)
            SELECT * FROM unnest(${col((r) => r.stationId)}::uuid[], ${col((r) => new Date(r.hourStartMs).toISOString())}::timestamptz[],
                   ${col((r) => r.so2)}::float8[], ${col((r) => r.no2)}::float8[], ${col((r) => r.co)}::float8[], ${col((r) => r.o3)}::float8[],
                   ${col((r) => r.pm10)}::float8[], ${col((r) => r.pm2_5)}::float8[], ${col((r) => r.isValid)}::boolean[],
                   ${col((r) => r.flag)}::text[], ${col((r) => r.source)}::text[])
            ON CONFLICT (station_id, hour_start) DO UPDATE SET so2 = EXCLUDED.so2, no2 = EXCLUDED.no2, co = EXCLUDED.co, o3 = EXCLUDED.o3,
              pm10 = EXCLUDED.pm10, pm2_5 = EXCLUDED.pm2_5, is_valid = EXCLUDED.is_valid, flag = EXCLUDED.flag, source = EXCLUDED.source,
              updated_at = now()
            RETURNING (xmax = 0) AS ins)
          SELECT (count(*) FILTER (WHERE ins))::int AS inserted, count(*)::int AS total FROM up`,
    );
    inserted += row?.inserted ?? 0;
    total += row?.total ?? 0;
  }
  return { inserted, updated: total - inserted };
}

type HourlyRow = { t: number; so2: number | null; no2: number | null; co: number | null; o3: number | null; pm10: number | null; pm2_5: number | null; is_valid: boolean; flag: string | null };

const hourlyColumns = sql`extract(epoch FROM hour_start)::float8 * 1000 AS t, so2, no2, co, o3, pm10, pm2_5, is_valid, flag`;

/** Hourly rows of one station with fromMs ≤ hour_start < toMs, in time order. */
export async function selectHourlyRange(db: Db, stationId: string, fromMs: number, toMs: number): Promise<(HourlyValues & { flag: string | null })[]> {
  const rows = await queryRows<HourlyRow>(
    db,
    sql`SELECT ${hourlyColumns} FROM env_air_hourly
        WHERE station_id = ${stationId} AND hour_start >= ${new Date(fromMs).toISOString()}::timestamptz AND hour_start < ${new Date(toMs).toISOString()}::timestamptz
        ORDER BY hour_start`,
  );
  return rows.map((r) => ({ hourStartMs: Number(r.t), so2: r.so2, no2: r.no2, co: r.co, o3: r.o3, pm10: r.pm10, pm2_5: r.pm2_5, isValid: r.is_valid, flag: r.flag }));
}

/** The latest hour of each station (or null), for the dashboard. */
export async function selectLatestHourStarts(db: Db, stationIds: readonly string[]): Promise<Map<string, number>> {
  if (stationIds.length === 0) return new Map();
  const rows = await queryRows<{ station_id: string; t: number }>(
    db,
    sql`SELECT s.id AS station_id, (SELECT extract(epoch FROM max(h.hour_start))::float8 * 1000 FROM env_air_hourly h WHERE h.station_id = s.id) AS t
        FROM unnest(${sql.param([...stationIds])}::uuid[]) AS s(id)`,
  );
  return new Map(rows.filter((r) => r.t !== null).map((r) => [r.station_id, Number(r.t)]));
}

const literal = (values: readonly (string | number)[]) => `{${values.join(',')}}`;

export async function upsertDailyRows(db: Db, stationId: string, rows: readonly DailyAirRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 2000) {
    const chunk = rows.slice(start, start + 2000);
    const col = <T>(f: (r: DailyAirRow) => T) => sql.param(chunk.map(f));
    const v = (code: DailyValueCode) => col((r) => r.values[code]);
    await db.execute(sql`
      INSERT INTO env_air_daily (station_id, day, standard, so2_24h, no2_24h, co_24h, o3_8h_max, pm10_24h, pm2_5_24h, o3_1h_max,
                                 valid_hours, o3_windows, aqi, level, category, primary_pollutants, iaqi, computed_at)
      SELECT ${stationId}::uuid, d, st, so2, no2, co, o3, pm10, pm25, o31, vh::smallint[], w, aqi, lvl, cat, pp::text[], iq::jsonb, now()
      FROM unnest(${col((r) => r.day)}::date[], ${col((r) => r.standard)}::text[], ${v('SO2_24H')}::int[], ${v('NO2_24H')}::int[],
                  ${v('CO_24H')}::numeric[], ${v('O3_8H_MAX')}::int[], ${v('PM10_24H')}::int[], ${v('PM2_5_24H')}::int[], ${v('O3_1H_MAX')}::int[],
                  ${col((r) => literal(r.validHours))}::text[], ${col((r) => r.o3Windows)}::int[], ${col((r) => r.aqi)}::int[],
                  ${col((r) => r.level)}::int[], ${col((r) => r.category)}::text[], ${col((r) => literal(r.primaryPollutants))}::text[],
                  ${col((r) => JSON.stringify(r.iaqi))}::text[])
        AS t(d, st, so2, no2, co, o3, pm10, pm25, o31, vh, w, aqi, lvl, cat, pp, iq)
      ON CONFLICT (station_id, day) DO UPDATE SET standard = EXCLUDED.standard, so2_24h = EXCLUDED.so2_24h, no2_24h = EXCLUDED.no2_24h,
        co_24h = EXCLUDED.co_24h, o3_8h_max = EXCLUDED.o3_8h_max, pm10_24h = EXCLUDED.pm10_24h, pm2_5_24h = EXCLUDED.pm2_5_24h,
        o3_1h_max = EXCLUDED.o3_1h_max, valid_hours = EXCLUDED.valid_hours, o3_windows = EXCLUDED.o3_windows, aqi = EXCLUDED.aqi,
        level = EXCLUDED.level, category = EXCLUDED.category, primary_pollutants = EXCLUDED.primary_pollutants, iaqi = EXCLUDED.iaqi,
        computed_at = now()`);
  }
}

export type StoredDailyRow = {
  stationId: string;
  day: string;
  standard: AqiStandard;
  values: Record<DailyValueCode, number | null>;
  validHours: number[];
  o3Windows: number;
  aqi: number | null;
  level: AqiLevel | null;
  category: AqiCategory | null;
  primaryPollutants: AqiCode[];
  iaqi: Partial<Record<AqiCode, number>>;
};

type DailyDbRow = {
  station_id: string; day: string; standard: AqiStandard; so2_24h: number | null; no2_24h: number | null; co_24h: string | null;
  o3_8h_max: number | null; pm10_24h: number | null; pm2_5_24h: number | null; o3_1h_max: number | null; valid_hours: number[];
  o3_windows: number; aqi: number | null; level: AqiLevel | null; category: AqiCategory | null; primary_pollutants: AqiCode[]; iaqi: Partial<Record<AqiCode, number>>;
};

/** Daily rows of the given stations in [from, to] (local dates), ordered by station and day. */
export async function selectDailyRows(db: Db, stationIds: readonly string[], from: string, to: string, extra: SQL = sql`true`): Promise<StoredDailyRow[]> {
  if (stationIds.length === 0) return [];
  const rows = await queryRows<DailyDbRow>(
    db,
    sql`SELECT station_id, day::text, standard, so2_24h, no2_24h, co_24h::text, o3_8h_max, pm10_24h, pm2_5_24h, o3_1h_max, valid_hours,
               o3_windows, aqi, level, category, primary_pollutants, iaqi
        FROM env_air_daily WHERE station_id = ANY(${sql.param([...stationIds])}::uuid[]) AND day BETWEEN ${from}::date AND ${to}::date AND ${extra}
        ORDER BY station_id, day`,
  );
  return rows.map((r) => ({
    stationId: r.station_id,
    day: r.day,
    standard: r.standard,
    values: {
      SO2_24H: r.so2_24h, NO2_24H: r.no2_24h, CO_24H: r.co_24h === null ? null : Number(r.co_24h), O3_8H_MAX: r.o3_8h_max,
      PM10_24H: r.pm10_24h, PM2_5_24H: r.pm2_5_24h, O3_1H_MAX: r.o3_1h_max,
    },
    validHours: r.valid_hours,
    o3Windows: r.o3_windows,
    aqi: r.aqi,
    level: r.level,
    category: r.category,
    primaryPollutants: r.primary_pollutants,
    iaqi: r.iaqi,
  }));
}
