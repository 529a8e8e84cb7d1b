import { sql, type SQL } from 'drizzle-orm';
import { queryOne, queryPreparedRows, queryRows, type Db } from '../../../platform/db/types';
import type { DeviceScope } from './access-rules';
import { allColumns, dateFields, deviceScopeSql, toTextArray, type DeviceRecord, type Row } from './device-store';
import type { RegistrationStatus } from './enums';
import type { DeviceSortKey } from './schema';

/**
 * Device lists and counts over `equipment_devices`: the list filter and its conditions, list
 * pages and totals, and the due summary per territory (from the rows, or from the trigger-maintained
 * equipment_device_counts). Lists run one ordered index scan per org unit of the territory scope
 * (LATERAL), so a township's page costs O(page) whatever its size.
 */
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

// ── due summary ──────────────────────────────────────────────────────────────────────────

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
