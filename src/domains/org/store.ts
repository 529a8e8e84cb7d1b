import { sql, type SQL } from 'drizzle-orm';
import type { DataScope } from '../../shared/actor';
import { conflict } from '../../shared/errors';
import type { OrgUnitKind } from '../../shared/roles';
import { scopeCondition } from '../../platform/db/scope';
import { queryOne, queryRows, toIsoTimestamp, type Db } from '../../platform/db/types';
import type { ListOrgUnitsQuery, OrgUnit, OrgUnitOption } from './schema';

export type OrgUnitRecord = OrgUnit & { path: string };

type Row = {
  id: string;
  parent_id: string | null;
  kind: OrgUnitKind;
  code: string;
  name: string;
  short_name: string | null;
  region_code: string | null;
  path: string;
  depth: number;
  sort_order: number;
  contact_person: string | null;
  contact_phone: string | null;
  address: string | null;
  is_active: boolean;
  deactivated_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
};

const columns = sql`id, parent_id, kind, code, name, short_name, region_code, path, depth, sort_order, contact_person,
  contact_phone, address, is_active, deactivated_at::text, version, created_at::text, updated_at::text`;

function toRecord(r: Row): OrgUnitRecord {
  return {
    id: r.id,
    parentId: r.parent_id,
    kind: r.kind,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    regionCode: r.region_code,
    path: r.path,
    depth: r.depth,
    sortOrder: r.sort_order,
    contactPerson: r.contact_person,
    contactPhone: r.contact_phone,
    address: r.address,
    isActive: r.is_active,
    deactivatedAt: toIsoTimestamp(r.deactivated_at),
    version: r.version,
    createdAt: toIsoTimestamp(r.created_at),
    updatedAt: toIsoTimestamp(r.updated_at),
  };
}

export function toPublic(record: OrgUnitRecord): OrgUnit {
  const { path: _path, ...unit } = record;
  return unit;
}

const inScope = (scope: DataScope) => scopeCondition(scope, { orgColumn: sql`id` });

export async function findOrgUnit(db: Db, id: string, scope: DataScope = { kind: 'all' }): Promise<OrgUnitRecord | null> {
  const row = await queryOne<Row>(db, sql`SELECT ${columns} FROM org_units WHERE id = ${id} AND ${inScope(scope)}`);
  return row ? toRecord(row) : null;
}

export async function findOrgUnitByCode(db: Db, code: string): Promise<OrgUnitRecord | null> {
  const row = await queryOne<Row>(db, sql`SELECT ${columns} FROM org_units WHERE lower(code) = lower(${code})`);
  return row ? toRecord(row) : null;
}

export async function findRoot(db: Db): Promise<OrgUnitRecord | null> {
  const row = await queryOne<Row>(db, sql`SELECT ${columns} FROM org_units WHERE parent_id IS NULL`);
  return row ? toRecord(row) : null;
}

export async function insertOrgUnit(db: Db, unit: Omit<OrgUnitRecord, 'version' | 'createdAt' | 'updatedAt' | 'deactivatedAt' | 'isActive'>): Promise<OrgUnitRecord> {
  try {
    const row = await queryOne<Row>(
      db,
      sql`INSERT INTO org_units (id, parent_id, kind, code, name, short_name, region_code, path, depth, sort_order,
                                 contact_person, contact_phone, address)
          VALUES (${unit.id}, ${unit.parentId}, ${unit.kind}, ${unit.code}, ${unit.name}, ${unit.shortName}, ${unit.regionCode},
                  ${unit.path}, ${unit.depth}, ${unit.sortOrder}, ${unit.contactPerson}, ${unit.contactPhone}, ${unit.address})
          RETURNING ${columns}`,
    );
    return toRecord(row as Row);
  } catch (error) {
    throw translateUniqueViolation(error);
  }
}

export type OrgUnitPatch = Partial<Pick<OrgUnitRecord, 'name' | 'shortName' | 'regionCode' | 'sortOrder' | 'contactPerson' | 'contactPhone' | 'address'>>;

const patchColumns: Record<keyof OrgUnitPatch, string> = {
  name: 'name',
  shortName: 'short_name',
  regionCode: 'region_code',
  sortOrder: 'sort_order',
  contactPerson: 'contact_person',
  contactPhone: 'contact_phone',
  address: 'address',
};

/** Update with an optimistic version check; null when the version is stale. */
export async function updateOrgUnit(db: Db, id: string, version: number, patch: OrgUnitPatch): Promise<OrgUnitRecord | null> {
  const sets = (Object.keys(patch) as Array<keyof OrgUnitPatch>)
    .filter((k) => patch[k] !== undefined)
    .map((k) => sql`${sql.identifier(patchColumns[k])} = ${patch[k]}`);
  try {
    const row = await queryOne<Row>(
      db,
      sql`UPDATE org_units SET ${sql.join([...sets, sql`version = version + 1`, sql`updated_at = now()`], sql`, `)}
          WHERE id = ${id} AND version = ${version} RETURNING ${columns}`,
    );
    return row ? toRecord(row) : null;
  } catch (error) {
    throw translateUniqueViolation(error);
  }
}

export async function setOrgUnitActive(db: Db, id: string, version: number, active: boolean): Promise<OrgUnitRecord | null> {
  try {
    const row = await queryOne<Row>(
      db,
      sql`UPDATE org_units SET is_active = ${active}, deactivated_at = ${active ? null : sql`now()`}, version = version + 1, updated_at = now()
          WHERE id = ${id} AND version = ${version} RETURNING ${columns}`,
    );
    return row ? toRecord(row) : null;
  } catch (error) {
    throw translateUniqueViolation(error);
  }
}

/** Re-parent a unit and rewrite the paths and depths of its whole subtree. */
export async function moveOrgUnitRow(db: Db, unit: OrgUnitRecord, newParent: OrgUnitRecord): Promise<OrgUnitRecord | null> {
  const newPath = `${newParent.path}${unit.id}/`;
  const depthDelta = newParent.depth + 1 - unit.depth;
  try {
    const moved = await queryOne<Row>(
      db,
      sql`UPDATE org_units SET parent_id = ${newParent.id}, version = version + 1, updated_at = now()
          WHERE id = ${unit.id} AND version = ${unit.version} RETURNING ${columns}`,
    );
    if (!moved) return null;
  } catch (error) {
    throw translateUniqueViolation(error);
  }
  await db.execute(sql`UPDATE org_units SET path = ${newPath} || substr(path, ${unit.path.length + 1}), depth = depth + ${depthDelta}
                       WHERE path LIKE ${`${unit.path}%`}`);
  return findOrgUnit(db, unit.id);
}

export async function countDependants(db: Db, unit: OrgUnitRecord): Promise<{ activeChildren: number }> {
  const row = await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM org_units WHERE parent_id = ${unit.id} AND is_active`);
  return { activeChildren: row?.n ?? 0 };
}

export function listFilters(query: Pick<ListOrgUnitsQuery, 'q' | 'kind' | 'parentId' | 'includeInactive'>, scope: DataScope): SQL {
  const parts: SQL[] = [inScope(scope)];
  if (!query.includeInactive) parts.push(sql`is_active`);
  if (query.parentId) parts.push(sql`parent_id = ${query.parentId}`);
  if (query.kind) {
    const kinds = Array.isArray(query.kind) ? query.kind : [query.kind];
    parts.push(sql`kind IN (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})`);
  }
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    parts.push(sql`(name ILIKE ${like} OR short_name ILIKE ${like} OR code ILIKE ${like} OR region_code LIKE ${like})`);
  }
  return sql.join(parts, sql` AND `);
}

const sortSql: Record<ListOrgUnitsQuery['sort'], SQL> = {
  path: sql`depth, sort_order, name`,
  name: sql`name, id`,
  '-name': sql`name DESC, id`,
  code: sql`code`,
  kind: sql`kind, sort_order, name`,
  '-updatedAt': sql`updated_at DESC, id`,
};

export async function selectOrgUnits(db: Db, where: SQL, options: { sort: ListOrgUnitsQuery['sort']; limit: number; offset: number }): Promise<OrgUnitRecord[]> {
  const rows = await queryRows<Row>(db, sql`SELECT ${columns} FROM org_units WHERE ${where} ORDER BY ${sortSql[options.sort]} LIMIT ${options.limit} OFFSET ${options.offset}`);
  return rows.map(toRecord);
}

export async function countOrgUnits(db: Db, where: SQL): Promise<number> {
  return (await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM org_units WHERE ${where}`))?.n ?? 0;
}

export async function selectOrgUnitOptions(db: Db, options: { includeInactive: boolean }): Promise<OrgUnitOption[]> {
  return queryRows<OrgUnitOption>(
    db,
    sql`SELECT id, parent_id AS "parentId", kind, name, code FROM org_units
        WHERE ${options.includeInactive ? sql`true` : sql`is_active`} ORDER BY depth, sort_order, name`,
  );
}

export async function selectAncestors(db: Db, unit: OrgUnitRecord): Promise<OrgUnitOption[]> {
  const ids = unit.path.split('/').filter((id) => id && id !== unit.id);
  if (ids.length === 0) return [];
  return queryRows<OrgUnitOption>(
    db,
    sql`SELECT id, parent_id AS "parentId", kind, name, code FROM org_units WHERE id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) ORDER BY depth`,
  );
}

function translateUniqueViolation(error: unknown): unknown {
  const e = error as { code?: string; constraint?: string; message?: string; cause?: { code?: string; constraint?: string; message?: string } };
  const pgError = e.code ? e : e.cause;
  if (pgError?.code !== '23505') return error;
  const where = `${pgError.constraint ?? ''} ${pgError.message ?? ''}`;
  if (where.includes('code')) return conflict('org_unit.duplicate_code', '单位编码已存在');
  if (where.includes('sibling_name')) return conflict('org_unit.duplicate_name', '同一上级下已有同名单位');
  if (where.includes('single_root')) return conflict('org_unit.single_root', '只能有一个根单位');
  return conflict('org_unit.duplicate', '单位已存在');
}
