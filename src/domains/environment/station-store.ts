import { sql, type SQL } from 'drizzle-orm';
import type { DataScope } from '../../shared/actor';
import { conflict, invalid } from '../../shared/errors';
import { scopeCondition } from '../../platform/db/scope';
import { queryOne, queryRows, toIsoTimestamp, type Db } from '../../platform/db/types';
import type { ListStationsQuery, Station, StationKind } from './station-schema';

type Row = {
  id: string;
  kind: StationKind;
  code: string;
  name: string;
  territory_org_unit_id: string;
  territory_name: string;
  territory_path: string;
  lon: number;
  lat: number;
  address: string | null;
  air_station_level: string | null;
  waterbody: 'river' | 'lake' | null;
  river_name: string | null;
  target_class: number | null;
  noise_zone: Station['noiseZone'];
  note: string | null;
  is_active: boolean;
  version: number;
  created_at: string;
  updated_at: string;
};

export type StationRecord = Station & { territoryPath: string };

const columns = sql`s.id, s.kind, s.code, s.name, s.territory_org_unit_id, o.name AS territory_name, o.path AS territory_path, s.lon, s.lat,
  s.address, s.air_station_level, s.waterbody, s.river_name, s.target_class, s.noise_zone, s.note, s.is_active, s.version,
  s.created_at::text, s.updated_at::text`;
const from = sql`env_stations s JOIN org_units o ON o.id = s.territory_org_unit_id`;

function toRecord(r: Row): StationRecord {
  return {
    id: r.id,
    kind: r.kind,
    code: r.code,
    name: r.name,
    territoryOrgUnitId: r.territory_org_unit_id,
    territoryName: r.territory_name,
    territoryPath: r.territory_path,
    lon: Number(r.lon),
    lat: Number(r.lat),
    address: r.address,
    airStationLevel: r.air_station_level,
    waterbody: r.waterbody,
    riverName: r.river_name,
    targetClass: r.target_class,
    noiseZone: r.noise_zone,
    note: r.note,
    isActive: r.is_active,
    version: r.version,
    createdAt: toIsoTimestamp(r.created_at),
    updatedAt: toIsoTimestamp(r.updated_at),
  };
}

export function toPublicStation(record: StationRecord): Station {
  const { territoryPath: _path, ...station } = record;
  return station;
}

/** Scope filter on a station alias `s` (territory in the scope's subtree). */
export const stationInScope = (scope: DataScope) => scopeCondition(scope, { orgColumn: sql`s.territory_org_unit_id` });

export async function findStation(db: Db, id: string, scope: DataScope): Promise<StationRecord | null> {
  const row = await queryOne<Row>(db, sql`SELECT ${columns} FROM ${from} WHERE s.id = ${id} AND ${stationInScope(scope)}`);
  return row ? toRecord(row) : null;
}

export async function findStationsByCodes(db: Db, codes: readonly string[], scope: DataScope): Promise<StationRecord[]> {
  if (codes.length === 0) return [];
  const lowered = codes.map((c) => c.toLowerCase());
  const rows = await queryRows<Row>(db, sql`SELECT ${columns} FROM ${from} WHERE lower(s.code) = ANY(${sql.param(lowered)}::text[]) AND ${stationInScope(scope)}`);
  return rows.map(toRecord);
}

export async function findStationsByIds(db: Db, ids: readonly string[], scope: DataScope): Promise<StationRecord[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<Row>(db, sql`SELECT ${columns} FROM ${from} WHERE s.id = ANY(${sql.param([...ids])}::uuid[]) AND ${stationInScope(scope)}`);
  return rows.map(toRecord);
}

export type NewStation = Omit<Station, 'territoryName' | 'isActive' | 'version' | 'createdAt' | 'updatedAt'>;

export async function insertStation(db: Db, s: NewStation): Promise<void> {
  try {
    await db.execute(sql`INSERT INTO env_stations (id, kind, code, name, territory_org_unit_id, lon, lat, address, air_station_level, waterbody,
                            river_name, target_class, noise_zone, note)
      VALUES (${s.id}, ${s.kind}, ${s.code}, ${s.name}, ${s.territoryOrgUnitId}, ${s.lon}, ${s.lat}, ${s.address}, ${s.airStationLevel},
              ${s.waterbody}, ${s.riverName}, ${s.targetClass}, ${s.noiseZone}, ${s.note})`);
  } catch (error) {
    throw translateStationError(error);
  }
}

export type StationPatch = Partial<Pick<Station, 'name' | 'territoryOrgUnitId' | 'lon' | 'lat' | 'address' | 'airStationLevel' | 'waterbody' | 'riverName' | 'targetClass' | 'noiseZone' | 'note' | 'isActive'>>;

const patchColumns: Record<keyof StationPatch, string> = {
  name: 'name',
  territoryOrgUnitId: 'territory_org_unit_id',
  lon: 'lon',
  lat: 'lat',
  address: 'address',
  airStationLevel: 'air_station_level',
  waterbody: 'waterbody',
  riverName: 'river_name',
  targetClass: 'target_class',
  noiseZone: 'noise_zone',
  note: 'note',
  isActive: 'is_active',
};

/** Optimistic update; false when the version is stale. */
export async function updateStationRow(db: Db, id: string, version: number, patch: StationPatch): Promise<boolean> {
  const sets = (Object.keys(patch) as (keyof StationPatch)[])
    .filter((k) => patch[k] !== undefined)
    .map((k) => sql`${sql.identifier(patchColumns[k])} = ${patch[k]}`);
  try {
    const rows = await queryRows<{ id: string }>(db, sql`UPDATE env_stations SET ${sql.join([...sets, sql`version = version + 1`, sql`updated_at = now()`], sql`, `)}
      WHERE id = ${id} AND version = ${version} RETURNING id`);
    return rows.length === 1;
  } catch (error) {
    throw translateStationError(error);
  }
}

export function stationFilters(query: Partial<Pick<ListStationsQuery, 'q' | 'kind' | 'territoryOrgUnitId' | 'includeInactive'>>, scope: DataScope): SQL {
  const parts: SQL[] = [stationInScope(scope)];
  if (!query.includeInactive) parts.push(sql`s.is_active`);
  if (query.kind) parts.push(sql`s.kind = ${query.kind}`);
  if (query.territoryOrgUnitId) {
    parts.push(sql`o.path LIKE (SELECT path FROM org_units WHERE id = ${query.territoryOrgUnitId}) || '%'`);
  }
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    parts.push(sql`(s.name ILIKE ${like} OR s.code ILIKE ${like} OR coalesce(s.river_name, '') ILIKE ${like} OR coalesce(s.address, '') ILIKE ${like})`);
  }
  return sql.join(parts, sql` AND `);
}

const sortSql: Record<ListStationsQuery['sort'], SQL> = {
  code: sql`s.code`,
  name: sql`s.name, s.id`,
  '-name': sql`s.name DESC, s.id`,
  kind: sql`s.kind, s.code`,
  '-updatedAt': sql`s.updated_at DESC, s.id`,
};

export async function selectStations(db: Db, where: SQL, options: { sort: ListStationsQuery['sort']; limit: number; offset: number }): Promise<StationRecord[]> {
  const rows = await queryRows<Row>(db, sql`SELECT ${columns} FROM ${from} WHERE ${where} ORDER BY ${sortSql[options.sort]} LIMIT ${options.limit} OFFSET ${options.offset}`);
  return rows.map(toRecord);
}

export async function countStations(db: Db, where: SQL): Promise<number> {
  return (await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${from} WHERE ${where}`))?.n ?? 0;
}

function translateStationError(error: unknown): unknown {
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pgError = e.code ? e : e.cause;
  if (pgError?.code === '23505') return conflict('env.duplicate_station_code', '站点编码已存在');
  if (pgError?.code === '23514') return invalid('env.invalid_station_fields', '站点类型与字段不匹配（水质断面须有水体类型，噪声点位须有功能区）');
  return error;
}
