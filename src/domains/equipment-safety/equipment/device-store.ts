import { sql, type SQL } from 'drizzle-orm';
import { conflict } from '../../../shared/errors';
import { queryOne, queryPreparedRows, queryRows, toIsoTimestamp, type Db } from '../../../platform/db/types';
import type { DeviceScope } from './access-rules';
import type { DeviceFlag, InspectionConclusion, RegistrationStatus, SafetyGrade, SiteType } from './enums';
import type { InspectionTrack, Obligation } from './inspection-rule-types';
import type { DeviceSortKey } from './schema';

/**
 * SQL for `equipment_devices` (own table only). Lists run one ordered index scan per org unit of
 * the territory scope (LATERAL), so a township's page costs O(page) whatever its size.
 */
export type DeviceRecord = {
  id: string;
  equipmentCode: string | null;
  registrationCode: string | null;
  useRegistrationCertNo: string | null;
  certIssueDate: string | null;
  categoryCode: string;
  kindCode: string | null;
  varietyCode: string | null;
  productName: string;
  model: string | null;
  factoryNo: string | null;
  internalNo: string | null;
  designLifeYears: number | null;
  manufacturerName: string | null;
  manufacturerLicenceNo: string | null;
  manufactureDate: string | null;
  installerName: string | null;
  installDate: string | null;
  commissioningDate: string | null;
  installSupervisionDate: string | null;
  scheduleRebasedOn: string | null;
  useUnitId: string;
  propertyUnitId: string | null;
  maintenanceUnitId: string | null;
  inspectionBodyId: string | null;
  territoryOrgUnitId: string;
  supervisingOrgUnitId: string | null;
  regionCode: string | null;
  useAddress: string;
  lon: number | null;
  lat: number | null;
  siteType: SiteType | null;
  isPublicService: boolean;
  safetyGrade: SafetyGrade | null;
  params: Record<string, string | number | boolean>;
  flags: DeviceFlag[];
  insurance: unknown;
  status: RegistrationStatus;
  statusChangedOn: string | null;
  registeredOn: string | null;
  stoppedOn: string | null;
  scrappedOn: string | null;
  deregisteredOn: string | null;
  isLateRegistration: boolean;
  nextDueOn: string | null;
  nextDueMonth: string | null;
  nextDueTrack: InspectionTrack | null;
  nextObligation: Obligation | null;
  nextDueRuleId: string | null;
  mustStop: boolean;
  hasRuleGap: boolean;
  lastInspectedOn: string | null;
  lastConclusion: InspectionConclusion | null;
  lastMaintainedOn: string | null;
  source: 'manual' | 'import' | 'seed';
  createdBy: string | null;
  updatedBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

/** Registry values a write sets (derived due fields are written by the obligation store). */
export type DeviceValues = Omit<
  DeviceRecord,
  | 'nextDueOn'
  | 'nextDueMonth'
  | 'nextDueTrack'
  | 'nextObligation'
  | 'nextDueRuleId'
  | 'mustStop'
  | 'hasRuleGap'
  | 'lastInspectedOn'
  | 'lastConclusion'
  | 'lastMaintainedOn'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
  | 'createdBy'
  | 'source'
>;

type Row = Record<string, unknown>;

/** camelCase field → column, for every registry value. */
const columnOf: Record<keyof DeviceValues, string> = {
  id: 'id',
  equipmentCode: 'equipment_code',
  registrationCode: 'registration_code',
  useRegistrationCertNo: 'use_registration_cert_no',
  certIssueDate: 'cert_issue_date',
  categoryCode: 'category_code',
  kindCode: 'kind_code',
  varietyCode: 'variety_code',
  productName: 'product_name',
  model: 'model',
  factoryNo: 'factory_no',
  internalNo: 'internal_no',
  designLifeYears: 'design_life_years',
  manufacturerName: 'manufacturer_name',
  manufacturerLicenceNo: 'manufacturer_licence_no',
  manufactureDate: 'manufacture_date',
  installerName: 'installer_name',
  installDate: 'install_date',
  commissioningDate: 'commissioning_date',
  installSupervisionDate: 'install_supervision_date',
  scheduleRebasedOn: 'schedule_rebased_on',
  useUnitId: 'use_unit_id',
  propertyUnitId: 'property_unit_id',
  maintenanceUnitId: 'maintenance_unit_id',
  inspectionBodyId: 'inspection_body_id',
  territoryOrgUnitId: 'territory_org_unit_id',
  supervisingOrgUnitId: 'supervising_org_unit_id',
  regionCode: 'region_code',
  useAddress: 'use_address',
  lon: 'lon',
  lat: 'lat',
  siteType: 'site_type',
  isPublicService: 'is_public_service',
  safetyGrade: 'safety_grade',
  params: 'params',
  flags: 'flags',
  insurance: 'insurance',
  status: 'status',
  statusChangedOn: 'status_changed_on',
  registeredOn: 'registered_on',
  stoppedOn: 'stopped_on',
  scrappedOn: 'scrapped_on',
  deregisteredOn: 'deregistered_on',
  isLateRegistration: 'is_late_registration',
  updatedBy: 'updated_by',
};

const dateFields = new Set([
  'certIssueDate',
  'manufactureDate',
  'installDate',
  'commissioningDate',
  'installSupervisionDate',
  'scheduleRebasedOn',
  'statusChangedOn',
  'registeredOn',
  'stoppedOn',
  'scrappedOn',
  'deregisteredOn',
  'nextDueOn',
  'lastInspectedOn',
  'lastMaintainedOn',
]);

const derivedColumns: Record<string, string> = {
  nextDueOn: 'next_due_on',
  nextDueMonth: 'next_due_month',
  nextDueTrack: 'next_due_track',
  nextObligation: 'next_obligation',
  nextDueRuleId: 'next_due_rule_id',
  mustStop: 'must_stop',
  hasRuleGap: 'has_rule_gap',
  lastInspectedOn: 'last_inspected_on',
  lastConclusion: 'last_conclusion',
  lastMaintainedOn: 'last_maintained_on',
  source: 'source',
  createdBy: 'created_by',
  version: 'version',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

const allColumns: Array<[string, string]> = [...Object.entries(columnOf), ...Object.entries(derivedColumns)];

function selectList(alias: string): SQL {
  return sql.raw(
    allColumns
      .map(([field, column]) => {
        const ref = `${alias}.${column}`;
        if (dateFields.has(field)) return `${ref}::text AS "${field}"`;
        if (field === 'createdAt' || field === 'updatedAt') return `${ref}::text AS "${field}"`;
        return `${ref} AS "${field}"`;
      })
      .join(', '),
  );
}

export const deviceColumns = selectList('d');

function toRecord(r: Row): DeviceRecord {
  return {
    ...(r as unknown as DeviceRecord),
    lon: r.lon === null ? null : Number(r.lon),
    lat: r.lat === null ? null : Number(r.lat),
    safetyGrade: r.safetyGrade === null ? null : (Number(r.safetyGrade) as SafetyGrade),
    params: (r.params ?? {}) as DeviceRecord['params'],
    flags: (r.flags ?? []) as DeviceFlag[],
    createdAt: toIsoTimestamp(r.createdAt as string),
    updatedAt: toIsoTimestamp(r.updatedAt as string),
  };
}

/** The scope's visibility condition on alias `d`. */
export function deviceScopeSql(scope: DeviceScope): SQL {
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'territory':
      return sql`d.territory_org_unit_id IN (SELECT id FROM org_units WHERE path LIKE ${`${scope.rootPath}%`})`;
    case 'supervising':
      return sql`d.supervising_org_unit_id IN (SELECT id FROM org_units WHERE path LIKE ${`${scope.rootPath}%`})`;
    case 'enterprise':
      return sql`(d.use_unit_id = ${scope.enterpriseId} OR d.maintenance_unit_id = ${scope.enterpriseId})`;
    case 'none':
      return sql`false`;
  }
}

export async function findDevice(db: Db, id: string, scope: DeviceScope, options: { forUpdate?: boolean } = {}): Promise<DeviceRecord | null> {
  const row = await queryOne<Row>(
    db,
    sql`SELECT ${deviceColumns} FROM equipment_devices d WHERE d.id = ${id} AND ${deviceScopeSql(scope)} ${options.forUpdate ? sql`FOR UPDATE` : sql``}`,
  );
  return row ? toRecord(row) : null;
}

export async function findDevicesByCodes(db: Db, codes: readonly string[]): Promise<DeviceRecord[]> {
  if (codes.length === 0) return [];
  const rows = await queryRows<Row>(db, sql`SELECT ${deviceColumns} FROM equipment_devices d WHERE d.equipment_code = ANY(${toTextArray(codes)}::text[])`);
  return rows.map(toRecord);
}

export async function findDevicesByCertNos(db: Db, certNos: readonly string[]): Promise<DeviceRecord[]> {
  if (certNos.length === 0) return [];
  const rows = await queryRows<Row>(db, sql`SELECT ${deviceColumns} FROM equipment_devices d WHERE d.use_registration_cert_no = ANY(${toTextArray(certNos)}::text[])`);
  return rows.map(toRecord);
}

/** A text[] literal for `= ANY(…)` (both drivers accept the array literal as text). */
export function toTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (m) => `\\${m}`)}"`).join(',')}}`;
}

function valueSql(field: keyof DeviceValues, value: unknown): SQL {
  if (field === 'params' || field === 'insurance') return value === null || value === undefined ? sql`${field === 'params' ? '{}' : null}::jsonb` : sql`${JSON.stringify(value)}::jsonb`;
  if (field === 'flags') return sql`${toTextArray((value ?? []) as string[])}::text[]`;
  return sql`${value ?? null}`;
}

export async function insertDevice(db: Db, values: DeviceValues & { createdBy: string | null; source: DeviceRecord['source'] }): Promise<DeviceRecord> {
  const fields = Object.keys(columnOf) as Array<keyof DeviceValues>;
  try {
    const row = await queryOne<Row>(
      db,
      sql`INSERT INTO equipment_devices AS d (${sql.raw(fields.map((f) => columnOf[f]).join(', '))}, created_by, source)
          VALUES (${sql.join(fields.map((f) => valueSql(f, values[f])), sql`, `)}, ${values.createdBy}, ${values.source})
          RETURNING ${deviceColumns}`,
    );
    return toRecord(row as Row);
  } catch (error) {
    throw translateDeviceWriteError(error);
  }
}

/** Update registry values with the optimistic version check; null when stale. Bumps the version. */
export async function updateDeviceRow(db: Db, id: string, version: number, patch: Partial<DeviceValues>): Promise<DeviceRecord | null> {
  const sets = (Object.keys(patch) as Array<keyof DeviceValues>)
    .filter((k) => k !== 'id' && patch[k] !== undefined)
    .map((k) => sql`${sql.identifier(columnOf[k])} = ${valueSql(k, patch[k])}`);
  try {
    const row = await queryOne<Row>(
      db,
      sql`UPDATE equipment_devices AS d SET ${sql.join([...sets, sql`version = version + 1`, sql`updated_at = now()`], sql`, `)}
          WHERE d.id = ${id} AND d.version = ${version} RETURNING ${deviceColumns}`,
    );
    return row ? toRecord(row) : null;
  } catch (error) {
    throw translateDeviceWriteError(error);
  }
}

export function translateDeviceWriteError(error: unknown): unknown {
  const e = error as { code?: string; constraint?: string; message?: string; cause?: { code?: string; constraint?: string; message?: string } };
  const pg = e.code ? e : e.cause;
  const where = `${pg?.constraint ?? ''} ${pg?.message ?? ''}`;
  if (pg?.code === '23505' && where.includes('equipment_devices_code_key')) return conflict('equipment.duplicate_code', '设备代码已存在');
  if (pg?.code === '23503') return conflict('equipment.bad_reference', '引用的单位不存在');
  return error;
}

// ── lists ─────────────────────────────────────────────────────────────────────────────────

export type DeviceFilter = {
  scope: DeviceScope;
  /** Materialised path of the territory filter (includes its sub-units). */
  territoryPath?: string;
  category?: string;
  kind?: string;
  variety?: string;
  status?: RegistrationStatus;
  due?: { after: string | null; onOrBefore: string | null };
  usingUnitId?: string;
  maintenanceUnitId?: string;
  mustStop?: boolean;
  lateRegistration?: boolean;
  siteType?: string;
  /** Free text over codes, names and address, or any of these use units (matched by name elsewhere). */
  search?: { text: string; useUnitIds: readonly string[] };
  bbox?: { minLon: number; minLat: number; maxLon: number; maxLat: number };
  withLocation?: boolean;
};

/** Filters other than the territory restriction, on alias `d`. */
function rowFilters(f: DeviceFilter): SQL[] {
  const parts: SQL[] = [];
  if (f.scope.kind === 'supervising' || f.scope.kind === 'enterprise' || f.scope.kind === 'none') parts.push(deviceScopeSql(f.scope));
  if (f.category) parts.push(sql`d.category_code = ${f.category}`);
  if (f.kind) parts.push(sql`d.kind_code = ${f.kind}`);
  if (f.variety) parts.push(sql`d.variety_code = ${f.variety}`);
  if (f.status) parts.push(sql`d.status = ${f.status}`);
  if (f.due) {
    if (f.due.after) parts.push(sql`d.next_due_on > ${f.due.after}`);
    if (f.due.onOrBefore) parts.push(sql`d.next_due_on <= ${f.due.onOrBefore}`);
    if (!f.due.after && !f.due.onOrBefore) parts.push(sql`d.next_due_on IS NOT NULL`);
  }
  if (f.usingUnitId) parts.push(sql`d.use_unit_id = ${f.usingUnitId}`);
  if (f.maintenanceUnitId) parts.push(sql`d.maintenance_unit_id = ${f.maintenanceUnitId}`);
  if (f.mustStop !== undefined) parts.push(sql`d.must_stop = ${f.mustStop}`);
  if (f.lateRegistration !== undefined) parts.push(sql`d.is_late_registration = ${f.lateRegistration}`);
  if (f.siteType) parts.push(sql`d.site_type = ${f.siteType}`);
  if (f.search) {
    const like = sql`d.search_text LIKE ${`%${f.search.text.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`}`;
    parts.push(f.search.useUnitIds.length > 0 ? sql`(${like} OR d.use_unit_id = ANY(${toTextArray(f.search.useUnitIds)}::uuid[]))` : like);
  }
  if (f.bbox) parts.push(sql`d.lon BETWEEN ${f.bbox.minLon} AND ${f.bbox.maxLon} AND d.lat BETWEEN ${f.bbox.minLat} AND ${f.bbox.maxLat}`);
  if (f.withLocation) parts.push(sql`d.lon IS NOT NULL`);
  return parts;
}

/** The org units a territory restriction (scope and/or filter) admits, or null when unrestricted. */
function unitRestriction(f: DeviceFilter): SQL | null {
  const paths: string[] = [];
  if (f.scope.kind === 'territory') paths.push(f.scope.rootPath);
  if (f.territoryPath) paths.push(f.territoryPath);
  if (paths.length === 0) return null;
  return sql`SELECT id FROM org_units WHERE ${sql.join(paths.map((p) => sql`path LIKE ${`${p}%`}`), sql` AND `)}`;
}

export function deviceWhere(f: DeviceFilter): SQL {
  const units = unitRestriction(f);
  const parts = [...(units ? [sql`d.territory_org_unit_id IN (${units})`] : []), ...rowFilters(f)];
  return parts.length ? sql.join(parts, sql` AND `) : sql`true`;
}

/** Sort key of each list order: the column, its direction, and NULLs last. */
const sortKeys: Record<DeviceSortKey, { column: string; desc: boolean }> = {
  nextDueOn: { column: 'next_due_on', desc: false },
  '-nextDueOn': { column: 'next_due_on', desc: true },
  equipmentCode: { column: 'equipment_code', desc: false },
  '-equipmentCode': { column: 'equipment_code', desc: true },
  commissioningDate: { column: 'commissioning_date', desc: false },
  '-commissioningDate': { column: 'commissioning_date', desc: true },
  updatedAt: { column: 'updated_at', desc: false },
  '-updatedAt': { column: 'updated_at', desc: true },
};

function orderOn(alias: string, key: string, desc: boolean): SQL {
  return sql.raw(`${alias}.${key} ${desc ? 'DESC' : 'ASC'} NULLS LAST, ${alias}.id`);
}

/** The columns a list row needs (a page transfers and parses these only). */
export type DeviceListRecord = Pick<
  DeviceRecord,
  | 'id'
  | 'equipmentCode'
  | 'useRegistrationCertNo'
  | 'categoryCode'
  | 'kindCode'
  | 'varietyCode'
  | 'productName'
  | 'model'
  | 'factoryNo'
  | 'useUnitId'
  | 'maintenanceUnitId'
  | 'territoryOrgUnitId'
  | 'useAddress'
  | 'lon'
  | 'lat'
  | 'siteType'
  | 'status'
  | 'registeredOn'
  | 'commissioningDate'
  | 'isLateRegistration'
  | 'nextDueOn'
  | 'nextDueMonth'
  | 'nextObligation'
  | 'nextDueTrack'
  | 'mustStop'
  | 'lastInspectedOn'
  | 'lastConclusion'
  | 'lastMaintainedOn'
  | 'version'
  | 'updatedAt'
>;

const listFields: ReadonlyArray<keyof DeviceListRecord> = [
  'id',
  'equipmentCode',
  'useRegistrationCertNo',
  'categoryCode',
  'kindCode',
  'varietyCode',
  'productName',
  'model',
  'factoryNo',
  'useUnitId',
  'maintenanceUnitId',
  'territoryOrgUnitId',
  'useAddress',
  'lon',
  'lat',
  'siteType',
  'status',
  'registeredOn',
  'commissioningDate',
  'isLateRegistration',
  'nextDueOn',
  'nextDueMonth',
  'nextObligation',
  'nextDueTrack',
  'mustStop',
  'lastInspectedOn',
  'lastConclusion',
  'lastMaintainedOn',
  'version',
  'updatedAt',
];
const columnByField = new Map(allColumns);
const listColumns = sql.raw(
  listFields
    .map((f) => {
      const column = `d.${columnByField.get(f) as string}`;
      if (f === 'updatedAt') return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "${f}"`;
      return dateFields.has(f) ? `${column}::text AS "${f}"` : `${column} AS "${f}"`;
    })
    .join(', '),
);

/** The row as selected (its columns are the list fields, plus the page's helper columns), coordinates as numbers. */
function toListRecord(r: Row): DeviceListRecord {
  r.lon = r.lon === null ? null : Number(r.lon);
  r.lat = r.lat === null ? null : Number(r.lat);
  return r as DeviceListRecord;
}

/**
 * One page of devices in two steps: the page's ids from the indexes (one ordered scan per org unit
 * of a territory restriction, each cut at offset + limit, merged — index-only when the filters are
 * on indexed columns), then the list columns of those ids only. With `totalSql` the total comes
 * back in the same statement (one round trip for a list page). Pages of the common shape are
 * prepared statements (see `isSteadyPage`).
 */
export async function selectDevices(
  db: Db,
  f: DeviceFilter,
  options: { sort: DeviceSortKey; limit: number; offset: number; totalSql?: SQL },
): Promise<{ rows: DeviceListRecord[]; total: number | null }> {
  const units = unitRestriction(f);
  const filters = rowFilters(f);
  const { column, desc } = sortKeys[options.sort];
  let page: SQL;
  if (units) {
    const inner = sql.join([sql`d.territory_org_unit_id = u.id`, ...filters], sql` AND `);
    page = sql`SELECT x.id, x.k FROM (${units}) u
      CROSS JOIN LATERAL (SELECT d.id, ${sql.raw(`d.${column}`)} AS k FROM equipment_devices d WHERE ${inner}
                          ORDER BY ${orderOn('d', column, desc)} LIMIT ${options.offset + options.limit}) x
      ORDER BY ${orderOn('x', 'k', desc)} LIMIT ${pageLimit(options.limit)} OFFSET ${options.offset}`;
  } else {
    const where = filters.length ? sql.join(filters, sql` AND `) : sql`true`;
    page = sql`SELECT d.id, ${sql.raw(`d.${column}`)} AS k FROM equipment_devices d WHERE ${where}
      ORDER BY ${orderOn('d', column, desc)} LIMIT ${pageLimit(options.limit)} OFFSET ${options.offset}`;
  }
  const rowsSql = sql`SELECT ${listColumns}, p.k AS "_k" FROM page p JOIN equipment_devices d ON d.id = p.id`;
  const run = isSteadyPage(f, options.sort) ? queryPreparedRows : queryRows;
  const order = sql.raw(`x."_k" ${desc ? 'DESC' : 'ASC'} NULLS LAST, x.id`);
  if (!options.totalSql) {
    const rows = await run<Row>(db, sql`WITH page AS (${page}) SELECT x.* FROM (${rowsSql}) x ORDER BY ${order}`);
    return { rows: rows.map(toListRecord), total: null };
  }
  const rows = await run<Row>(
    db,
    sql`WITH page AS (${page}), t AS (SELECT ${options.totalSql} AS n)
        SELECT t.n AS "_total", x.* FROM t LEFT JOIN (${rowsSql}) x ON true ORDER BY ${order}`,
  );
  const total = rows[0] ? Number(rows[0]._total) : 0;
  return { rows: rows.filter((r) => r.id !== null).map(toListRecord), total };
}

/**
 * The page size written into the statement rather than passed as a value: with it, a prepared
 * page statement costs PostgreSQL the same with or without the values at hand, so it keeps one
 * generic plan instead of planning every call (page sizes are few: one statement each).
 */
function pageLimit(limit: number): SQL {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new Error(`page limit must be a non-negative integer, got ${limit}`);
  return sql.raw(String(limit));
}

/**
 * Whether a page is run as a prepared statement (parsed once per connection, and PostgreSQL may
 * keep one plan for all values): filters on territory, category and due date in due-date order —
 * the list's default and most frequent shape — are ranges of the territory/category/due-date
 * indexes, so one plan fits every value. Pages whose best plan depends on the values (a rare
 * status, a small use unit, a rare search term, another order) stay planned per call.
 */
function isSteadyPage(f: DeviceFilter, sort: DeviceSortKey): boolean {
  return sort === 'nextDueOn' && canCountFromCounters(f, ['due']);
}

export async function countDevices(db: Db, f: DeviceFilter): Promise<number> {
  return (await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM equipment_devices d WHERE ${deviceWhere(f)}`))?.n ?? 0;
}

// ── due summary and map ──────────────────────────────────────────────────────────────────

export type TerritoryCounts = {
  territoryOrgUnitId: string;
  total: number;
  inUse: number;
  unregistered: number;
  stopped: number;
  retired: number;
  overdue: number;
  dueSoon: number;
  withDue: number;
  mustStop: number;
};

/** Counts per territory unit (the service rolls them up to townships). One pass, grouped by territory. */
export async function countByTerritory(db: Db, f: DeviceFilter, options: { today: string; windowEnd: string }): Promise<TerritoryCounts[]> {
  return queryRows<TerritoryCounts>(
    db,
    sql`SELECT d.territory_org_unit_id AS "territoryOrgUnitId",
               count(*)::int AS total,
               count(*) FILTER (WHERE d.status = 'in_use')::int AS "inUse",
               count(*) FILTER (WHERE d.status = 'unregistered')::int AS unregistered,
               count(*) FILTER (WHERE d.status = 'stopped')::int AS stopped,
               count(*) FILTER (WHERE d.status IN ('scrapped', 'deregistered'))::int AS retired,
               count(*) FILTER (WHERE d.next_due_on <= ${options.today})::int AS overdue,
               count(*) FILTER (WHERE d.next_due_on > ${options.today} AND d.next_due_on <= ${options.windowEnd})::int AS "dueSoon",
               count(d.next_due_on)::int AS "withDue",
               count(*) FILTER (WHERE d.must_stop)::int AS "mustStop"
        FROM equipment_devices d WHERE ${deviceWhere(f)} GROUP BY d.territory_org_unit_id`,
  );
}

/**
 * The same counts from the trigger-maintained equipment_device_counts (status and obligation
 * totals) plus a range scan of the devices due by the end of the warning window (overdue, due
 * soon). Valid for filters on territory and category only (the counts have no other dimension).
 */
export function canCountFromCounters(f: DeviceFilter, extra: readonly string[] = []): boolean {
  const allowed = new Set(['scope', 'territoryPath', 'category', ...extra]);
  return (f.scope.kind === 'all' || f.scope.kind === 'territory') && Object.entries(f).every(([k, v]) => v === undefined || allowed.has(k));
}

/**
 * A list total from the counters (filters on territory, category, status and due status only), as
 * a scalar SQL expression: the devices of the counters' groups, or — with a due-status range —
 * range counts over the next_due_on index (overdue and due soon are small ranges; "normal" is the
 * devices with a due date minus those due by the window's end).
 */
export function totalFromCountersSql(f: DeviceFilter): SQL {
  const units = unitRestriction(f);
  const counterWhere = sql.join(
    [units ? sql`territory_org_unit_id IN (${units})` : sql`true`, f.category ? sql`category_code = ${f.category}` : sql`true`, f.status ? sql`status = ${f.status}` : sql`true`],
    sql` AND `,
  );
  const deviceWhere = sql.join(
    [units ? sql`c.territory_org_unit_id IN (${units})` : sql`true`, f.category ? sql`c.category_code = ${f.category}` : sql`true`, f.status ? sql`c.status = ${f.status}` : sql`true`],
    sql` AND `,
  );
  const upTo = (day: string) => sql`(SELECT count(*) FROM equipment_devices c WHERE c.next_due_on <= ${day} AND ${deviceWhere})`;
  const due = f.due;
  if (!due) return sql`(SELECT coalesce(sum(devices), 0) FROM equipment_device_counts WHERE ${counterWhere})::int`;
  const low = due.after ? upTo(due.after) : sql`0`;
  const high = due.onOrBefore ? upTo(due.onOrBefore) : sql`(SELECT coalesce(sum(with_due), 0) FROM equipment_device_counts WHERE ${counterWhere})`;
  return sql`(${high} - ${low})::int`;
}

export async function countDevicesFromCounters(db: Db, f: DeviceFilter): Promise<number> {
  return (await queryOne<{ n: number }>(db, sql`SELECT ${totalFromCountersSql(f)} AS n`))?.n ?? 0;
}

export async function countByTerritoryFromCounters(db: Db, f: DeviceFilter, options: { today: string; windowEnd: string }): Promise<TerritoryCounts[]> {
  const units = unitRestriction(f);
  const unitOn = (column: SQL) => (units ? sql`${column} IN (${units})` : sql`true`);
  const category = (column: SQL) => (f.category ? sql`${column} = ${f.category}` : sql`true`);
  return queryRows<TerritoryCounts>(
    db,
    sql`WITH c AS (
          SELECT territory_org_unit_id AS t,
                 sum(devices)::int AS total,
                 coalesce(sum(devices) FILTER (WHERE status = 'in_use'), 0)::int AS in_use,
                 coalesce(sum(devices) FILTER (WHERE status = 'unregistered'), 0)::int AS unregistered,
                 coalesce(sum(devices) FILTER (WHERE status = 'stopped'), 0)::int AS stopped,
                 coalesce(sum(devices) FILTER (WHERE status IN ('scrapped', 'deregistered')), 0)::int AS retired,
                 sum(with_due)::int AS with_due,
                 sum(must_stop)::int AS must_stop
          FROM equipment_device_counts WHERE ${unitOn(sql`territory_org_unit_id`)} AND ${category(sql`category_code`)} GROUP BY 1
        ), due AS (
          SELECT d.territory_org_unit_id AS t,
                 count(*) FILTER (WHERE d.next_due_on <= ${options.today})::int AS overdue,
                 count(*) FILTER (WHERE d.next_due_on > ${options.today})::int AS due_soon
          FROM equipment_devices d
          WHERE d.next_due_on <= ${options.windowEnd} AND ${unitOn(sql`d.territory_org_unit_id`)} AND ${category(sql`d.category_code`)} GROUP BY 1
        )
        SELECT c.t AS "territoryOrgUnitId", c.total, c.in_use AS "inUse", c.unregistered, c.stopped, c.retired,
               coalesce(due.overdue, 0) AS overdue, coalesce(due.due_soon, 0) AS "dueSoon", c.with_due AS "withDue", c.must_stop AS "mustStop"
        FROM c LEFT JOIN due ON due.t = c.t WHERE c.total <> 0`,
  );
}

export type MapPointRow = { id: string; lon: number; lat: number; equipmentCode: string | null; productName: string; categoryCode: string; status: RegistrationStatus; nextDueOn: string | null; mustStop: boolean };
export type MapCellRow = { cx: number; cy: number; n: number; lon: number; lat: number; overdue: number; dueSoon: number; mustStop: number };

export async function countMapPoints(db: Db, f: DeviceFilter): Promise<{ located: number; total: number }> {
  const row = await queryOne<{ located: number; total: number }>(
    db,
    sql`SELECT count(d.lon)::int AS located, count(*)::int AS total FROM equipment_devices d WHERE ${deviceWhere({ ...f, withLocation: false })}`,
  );
  return row ?? { located: 0, total: 0 };
}

export async function selectMapPoints(db: Db, f: DeviceFilter, limit: number): Promise<MapPointRow[]> {
  const rows = await queryRows<MapPointRow>(
    db,
    sql`SELECT d.id, d.lon, d.lat, d.equipment_code AS "equipmentCode", d.product_name AS "productName", d.category_code AS "categoryCode",
               d.status, d.next_due_on::text AS "nextDueOn", d.must_stop AS "mustStop"
        FROM equipment_devices d WHERE ${deviceWhere({ ...f, withLocation: true })} ORDER BY d.next_due_on NULLS LAST, d.id LIMIT ${limit}`,
  );
  return rows.map((r) => ({ ...r, lon: Number(r.lon), lat: Number(r.lat) }));
}

export async function selectMapCells(
  db: Db,
  f: DeviceFilter,
  grid: { minLon: number; minLat: number; cellLon: number; cellLat: number },
  options: { today: string; windowEnd: string },
): Promise<MapCellRow[]> {
  const rows = await queryRows<MapCellRow>(
    db,
    sql`SELECT floor((d.lon - ${grid.minLon}) / ${grid.cellLon})::int AS cx, floor((d.lat - ${grid.minLat}) / ${grid.cellLat})::int AS cy,
               count(*)::int AS n, avg(d.lon) AS lon, avg(d.lat) AS lat,
               count(*) FILTER (WHERE d.next_due_on <= ${options.today})::int AS overdue,
               count(*) FILTER (WHERE d.next_due_on > ${options.today} AND d.next_due_on <= ${options.windowEnd})::int AS "dueSoon",
               count(*) FILTER (WHERE d.must_stop)::int AS "mustStop"
        FROM equipment_devices d WHERE ${deviceWhere({ ...f, withLocation: true })} GROUP BY 1, 2`,
  );
  return rows.map((r) => ({ ...r, lon: Number(r.lon), lat: Number(r.lat) }));
}

export async function selectLocationExtent(db: Db, f: DeviceFilter): Promise<{ minLon: number; minLat: number; maxLon: number; maxLat: number } | null> {
  const row = await queryOne<{ minLon: number | null; minLat: number | null; maxLon: number | null; maxLat: number | null }>(
    db,
    sql`SELECT min(d.lon) AS "minLon", min(d.lat) AS "minLat", max(d.lon) AS "maxLon", max(d.lat) AS "maxLat"
        FROM equipment_devices d WHERE ${deviceWhere({ ...f, withLocation: true })}`,
  );
  if (!row || row.minLon === null || row.minLat === null || row.maxLon === null || row.maxLat === null) return null;
  return { minLon: Number(row.minLon), minLat: Number(row.minLat), maxLon: Number(row.maxLon), maxLat: Number(row.maxLat) };
}

/** Device ids whose open obligations use one of the rules (or are re-inspections), for recomputation after a change. */
export async function selectDeviceIdsByRule(
  db: Db,
  target: { ruleIds: readonly string[]; reinspections?: boolean },
  options: { afterId: string | null; limit: number },
): Promise<string[]> {
  const which = target.reinspections ? sql`(o.rule_id = ANY(${toTextArray(target.ruleIds)}::text[]) OR o.obligation = 'reinspection')` : sql`o.rule_id = ANY(${toTextArray(target.ruleIds)}::text[])`;
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT DISTINCT o.device_id AS id FROM equipment_obligations o
        WHERE o.state = 'open' AND ${which} ${options.afterId ? sql`AND o.device_id > ${options.afterId}` : sql``}
        ORDER BY o.device_id LIMIT ${options.limit}`,
  );
  return rows.map((r) => r.id);
}

/** Obligated devices of categories a rule covers that have no open obligation (a new rule version may now cover them). */
export async function selectUncoveredDeviceIds(db: Db, categories: readonly string[], options: { afterId: string | null; limit: number }): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT d.id FROM equipment_devices d
        WHERE d.has_rule_gap AND d.category_code = ANY(${toTextArray(categories)}::text[]) ${options.afterId ? sql`AND d.id > ${options.afterId}` : sql``}
        ORDER BY d.id LIMIT ${options.limit}`,
  );
  return rows.map((r) => r.id);
}

export async function selectDeviceIdPage(db: Db, options: { afterId: string | null; limit: number }): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT d.id FROM equipment_devices d ${options.afterId ? sql`WHERE d.id > ${options.afterId}` : sql``} ORDER BY d.id LIMIT ${options.limit}`,
  );
  return rows.map((r) => r.id);
}
