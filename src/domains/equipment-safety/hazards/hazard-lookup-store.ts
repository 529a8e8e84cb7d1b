/**
 * Small reads of the equipment registry (`equipment_devices`, 0004, part A of this domain) until its
 * index exports lookups: whether a device exists, and device codes for display.
 */
import { sql } from 'drizzle-orm';
import { queryOne, queryRows, type Db } from '../../../platform/db/types';

export async function equipmentExists(db: Db, id: string): Promise<boolean> {
  const row = await queryOne<{ ok: boolean }>(db, sql`SELECT EXISTS (SELECT 1 FROM equipment_devices WHERE id = ${id}) AS ok`);
  return row?.ok === true;
}

/** 设备代码 (or the product name when a device has no code yet) by id. */
export async function listEquipmentCodes(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await queryRows<{ id: string; label: string }>(
    db,
    sql`SELECT id, coalesce(equipment_code, product_name) AS label FROM equipment_devices
        WHERE id IN (${sql.join(unique.map((id) => sql`${id}`), sql`, `)})`,
  );
  return new Map(rows.map((r) => [r.id, r.label]));
}

/** Devices with their use unit and category (the demo seed links hazards to them). */
export async function listDevicesForDemo(db: Db, limit: number): Promise<Array<{ id: string; enterpriseId: string; categoryCode: string }>> {
  return queryRows<{ id: string; enterpriseId: string; categoryCode: string }>(
    db,
    sql`SELECT id, use_unit_id AS "enterpriseId", category_code AS "categoryCode" FROM equipment_devices ORDER BY id LIMIT ${limit}`,
  );
}
