import { sql } from 'drizzle-orm';
import { queryOne, queryRows, type Db } from '../../../platform/db/types';
import { deviceWhere, type DeviceFilter } from './device-list-store';
import { toTextArray } from './device-store';
import type { RegistrationStatus } from './enums';

/**
 * Device map queries (located points, grid cells and the location extent, under a list filter)
 * and the id pages that recomputation walks: devices by rule (through their open obligations),
 * devices a rule may newly cover, and all devices.
 */
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
