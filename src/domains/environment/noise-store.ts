import { sql, type SQL } from 'drizzle-orm';
import type { DataScope } from '../../shared/actor';
import { conflict } from '../../shared/errors';
import { queryOne, queryRows, toIsoTimestamp, type Db } from '../../platform/db/types';
import { NIGHT_BURST_ALLOWANCE_DB, type NoiseZone } from './noise-rules';
import type { ListNoiseQuery, NoiseMeasurement } from './noise-schema';
import { stationInScope } from './station-store';

type Row = {
  id: string; station_id: string; station_code: string; station_name: string; territory_org_unit_id: string; measured_on: string; zone: NoiseZone;
  day_leq: string | null; night_leq: string | null; night_lmax: string | null; day_limit: string | null; night_limit: string | null;
  day_compliant: boolean | null; night_compliant: boolean | null; day_exceedance: string | null; night_exceedance: string | null;
  note: string | null; version: number; created_at: string; updated_at: string;
};

export type NoiseRecord = NoiseMeasurement & { territoryOrgUnitId: string };

const num = (v: string | null) => (v === null ? null : Number(v));

const columns = sql`n.id, n.station_id, s.code AS station_code, s.name AS station_name, s.territory_org_unit_id, n.measured_on::text, n.zone,
  n.day_leq::text, n.night_leq::text, n.night_lmax::text, n.day_limit::text, n.night_limit::text, n.day_compliant, n.night_compliant,
  n.day_exceedance::text, n.night_exceedance::text, n.note, n.version, n.created_at::text, n.updated_at::text`;
const from = sql`env_noise_measurements n JOIN env_stations s ON s.id = n.station_id JOIN org_units o ON o.id = s.territory_org_unit_id`;

function toRecord(r: Row): NoiseRecord {
  const nightLmax = num(r.night_lmax);
  const nightLimit = num(r.night_limit);
  return {
    id: r.id,
    stationId: r.station_id,
    stationCode: r.station_code,
    stationName: r.station_name,
    territoryOrgUnitId: r.territory_org_unit_id,
    measuredOn: r.measured_on,
    zone: r.zone,
    dayLeq: num(r.day_leq),
    nightLeq: num(r.night_leq),
    nightLmax,
    dayLimit: num(r.day_limit),
    nightLimit,
    dayCompliant: r.day_compliant,
    nightCompliant: r.night_compliant,
    dayExceedance: num(r.day_exceedance),
    nightExceedance: num(r.night_exceedance),
    nightBurstCompliant: nightLmax !== null && nightLimit !== null ? nightLmax <= nightLimit + NIGHT_BURST_ALLOWANCE_DB : null,
    note: r.note,
    version: r.version,
    createdAt: toIsoTimestamp(r.created_at),
    updatedAt: toIsoTimestamp(r.updated_at),
  };
}

export function toPublicNoise(record: NoiseRecord): NoiseMeasurement {
  const { territoryOrgUnitId: _t, ...m } = record;
  return m;
}

export async function findNoiseMeasurement(db: Db, id: string, scope: DataScope): Promise<NoiseRecord | null> {
  const row = await queryOne<Row>(db, sql`SELECT ${columns} FROM ${from} WHERE n.id = ${id} AND ${stationInScope(scope)}`);
  return row ? toRecord(row) : null;
}

export type NoiseWrite = {
  id: string; stationId: string; measuredOn: string; zone: NoiseZone; dayLeq: number | null; nightLeq: number | null; nightLmax: number | null;
  dayLimit: number | null; nightLimit: number | null; dayCompliant: boolean | null; nightCompliant: boolean | null;
  dayExceedance: number | null; nightExceedance: number | null; note: string | null; createdBy: string | null;
};

export async function insertNoiseMeasurements(db: Db, rows: readonly NoiseWrite[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 2000) {
    const chunk = rows.slice(start, start + 2000);
    const col = <T>(f: (r: NoiseWrite) => T) => sql.param(chunk.map(f));
    try {
      await db.execute(sql`INSERT INTO env_noise_measurements (id, station_id, measured_on, zone, day_leq, night_leq, night_lmax, day_limit, night_limit,
                              day_compliant, night_compliant, day_exceedance, night_exceedance, note, created_by)
        SELECT * FROM unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.stationId)}::uuid[], ${col((r) => r.measuredOn)}::date[], ${col((r) => r.zone)}::text[],
          ${col((r) => r.dayLeq)}::numeric[], ${col((r) => r.nightLeq)}::numeric[], ${col((r) => r.nightLmax)}::numeric[], ${col((r) => r.dayLimit)}::numeric[],
          ${col((r) => r.nightLimit)}::numeric[], ${col((r) => r.dayCompliant)}::boolean[], ${col((r) => r.nightCompliant)}::boolean[],
          ${col((r) => r.dayExceedance)}::numeric[], ${col((r) => r.nightExceedance)}::numeric[], ${col((r) => r.note)}::text[], ${col((r) => r.createdBy)}::uuid[])`);
    } catch (error) {
      throw translateNoiseError(error);
    }
  }
}

export async function updateNoiseRow(db: Db, w: NoiseWrite, version: number): Promise<boolean> {
  try {
    const rows = await queryRows<{ id: string }>(db, sql`UPDATE env_noise_measurements SET measured_on = ${w.measuredOn}::date, zone = ${w.zone},
        day_leq = ${w.dayLeq}, night_leq = ${w.nightLeq}, night_lmax = ${w.nightLmax}, day_limit = ${w.dayLimit}, night_limit = ${w.nightLimit},
        day_compliant = ${w.dayCompliant}, night_compliant = ${w.nightCompliant}, day_exceedance = ${w.dayExceedance},
        night_exceedance = ${w.nightExceedance}, note = ${w.note}, version = version + 1, updated_at = now()
      WHERE id = ${w.id} AND version = ${version} RETURNING id`);
    return rows.length === 1;
  } catch (error) {
    throw translateNoiseError(error);
  }
}

export function noiseFilters(query: Partial<ListNoiseQuery> & { orgUnitId?: string | undefined; orgPath?: string | undefined }, scope: DataScope): SQL {
  const parts: SQL[] = [stationInScope(scope)];
  if (query.stationId) parts.push(sql`n.station_id = ${query.stationId}`);
  if (query.zone) parts.push(sql`n.zone = ${query.zone}`);
  if (query.from) parts.push(sql`n.measured_on >= ${query.from}::date`);
  if (query.to) parts.push(sql`n.measured_on <= ${query.to}::date`);
  if (query.compliant === 'true') parts.push(sql`coalesce(n.day_compliant, true) AND coalesce(n.night_compliant, true)`);
  if (query.compliant === 'false') parts.push(sql`(n.day_compliant = false OR n.night_compliant = false)`);
  if (query.orgUnitId) parts.push(sql`o.path LIKE (SELECT path FROM org_units WHERE id = ${query.orgUnitId}) || '%'`);
  if (query.orgPath) parts.push(sql`o.path LIKE ${`${query.orgPath}%`}`);
  return sql.join(parts, sql` AND `);
}

const sortSql: Record<ListNoiseQuery['sort'], SQL> = {
  '-measuredOn': sql`n.measured_on DESC, s.code`,
  measuredOn: sql`n.measured_on, s.code`,
  station: sql`s.code, n.measured_on DESC`,
};

export async function selectNoiseMeasurements(db: Db, where: SQL, options: { sort: ListNoiseQuery['sort']; limit: number; offset: number }): Promise<NoiseRecord[]> {
  const rows = await queryRows<Row>(db, sql`SELECT ${columns} FROM ${from} WHERE ${where} ORDER BY ${sortSql[options.sort]} LIMIT ${options.limit} OFFSET ${options.offset}`);
  return rows.map(toRecord);
}

export async function countNoiseMeasurements(db: Db, where: SQL): Promise<number> {
  return (await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${from} WHERE ${where}`))?.n ?? 0;
}

function translateNoiseError(error: unknown): unknown {
  const e = error as { code?: string; cause?: { code?: string } };
  if ((e.code ?? e.cause?.code) === '23505') return conflict('env.duplicate_noise_measurement', '该点位当天已有监测记录');
  return error;
}
