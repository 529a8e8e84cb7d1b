import { sql, type SQL } from 'drizzle-orm';
import { conflict } from '../../shared/errors';
import { queryOne, queryRows, toIsoTimestamp, type Db } from '../../platform/db/types';
import type { ZoneGeometry } from './geo/geojson-schema';
import type { SitingOutcome } from './geo/control-rules';
import type { ControlRuleView, ListZonesQuery, ZoneDetail, ZoneView } from './redline-schema';

type ZoneRow = {
  id: string; code: string; name: string; zone_type: string; tier: string; territory_org_unit_id: string | null; territory_name: string | null;
  territory_code: string | null; area_m2: number; min_lon: number; min_lat: number; max_lon: number; max_lat: number;
  properties: Record<string, unknown>; is_active: boolean; version: number; created_at: string; updated_at: string; geometry?: ZoneGeometry;
};

const zoneColumns = sql`z.id, z.code, z.name, z.zone_type, z.tier, z.territory_org_unit_id, o.name AS territory_name, z.territory_code, z.area_m2,
  z.min_lon, z.min_lat, z.max_lon, z.max_lat, z.properties, z.is_active, z.version, z.created_at::text, z.updated_at::text`;
const zoneFrom = sql`env_redline_zones z LEFT JOIN org_units o ON o.id = z.territory_org_unit_id`;

function toZone(r: ZoneRow): ZoneView {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    zoneType: r.zone_type,
    tier: r.tier,
    territoryOrgUnitId: r.territory_org_unit_id,
    territoryName: r.territory_name,
    territoryCode: r.territory_code,
    areaM2: Number(r.area_m2),
    areaKm2: Number(r.area_m2) / 1e6,
    bbox: [Number(r.min_lon), Number(r.min_lat), Number(r.max_lon), Number(r.max_lat)],
    properties: r.properties,
    isActive: r.is_active,
    version: r.version,
    createdAt: toIsoTimestamp(r.created_at),
    updatedAt: toIsoTimestamp(r.updated_at),
  };
}

export async function findZone(db: Db, id: string): Promise<ZoneDetail | null> {
  const row = await queryOne<ZoneRow>(db, sql`SELECT ${zoneColumns}, z.geometry FROM ${zoneFrom} WHERE z.id = ${id}`);
  return row ? { ...toZone(row), geometry: row.geometry as unknown as Record<string, unknown> } : null;
}

export type ZoneWithGeometry = ZoneView & { geometry: ZoneGeometry };

/** Active zones (or the given ids) with their geometry (index building, area totals, map). */
export async function selectZonesWithGeometry(db: Db, options: { ids?: readonly string[]; includeInactive?: boolean; orgPath?: string } = {}): Promise<ZoneWithGeometry[]> {
  let where = options.ids ? sql`z.id = ANY(${sql.param([...options.ids])}::uuid[])` : options.includeInactive ? sql`true` : sql`z.is_active`;
  if (options.orgPath) where = sql`${where} AND o.path LIKE ${`${options.orgPath}%`}`;
  const rows = await queryRows<ZoneRow>(db, sql`SELECT ${zoneColumns}, z.geometry FROM ${zoneFrom} WHERE ${where} ORDER BY z.code`);
  return rows.map((r) => ({ ...toZone(r), geometry: r.geometry as ZoneGeometry }));
}

/** A cheap fingerprint of the active zones: changes whenever a zone is added, changed or (de)activated. */
export async function selectZonesFingerprint(db: Db): Promise<string> {
  const row = await queryOne<{ n: number; v: number; t: string | null }>(
    db,
    sql`SELECT count(*)::int AS n, coalesce(sum(version), 0)::int AS v, max(updated_at)::text AS t FROM env_redline_zones WHERE is_active`,
  );
  return `${row?.n ?? 0}:${row?.v ?? 0}:${row?.t ?? ''}`;
}

export type ZoneWrite = {
  id: string; code: string; name: string; zoneType: string; tier: string; territoryOrgUnitId: string | null; territoryCode: string | null;
  geometry: ZoneGeometry; areaM2: number; bbox: [number, number, number, number]; properties: Record<string, unknown>;
};

/** Insert new zones or update existing ones by code (reactivating them); returns the codes that existed. */
export async function upsertZones(db: Db, zones: readonly ZoneWrite[]): Promise<Set<string>> {
  if (zones.length === 0) return new Set();
  const existing = await queryRows<{ code: string }>(db, sql`SELECT code FROM env_redline_zones WHERE code = ANY(${sql.param(zones.map((z) => z.code))}::text[])`);
  for (let start = 0; start < zones.length; start += 500) {
    const chunk = zones.slice(start, start + 500);
    const col = <T>(f: (z: ZoneWrite) => T) => sql.param(chunk.map(f));
    await db.execute(sql`INSERT INTO env_redline_zones (id, code, name, zone_type, tier, territory_org_unit_id, territory_code, geometry, area_m2,
                            min_lon, min_lat, max_lon, max_lat, properties)
      SELECT id, code, name, zt, tier, terr, tc, g::jsonb, a, x0, y0, x1, y1, p::jsonb
      FROM unnest(${col((z) => z.id)}::uuid[], ${col((z) => z.code)}::text[], ${col((z) => z.name)}::text[], ${col((z) => z.zoneType)}::text[],
                  ${col((z) => z.tier)}::text[], ${col((z) => z.territoryOrgUnitId)}::uuid[], ${col((z) => z.territoryCode)}::text[],
                  ${col((z) => JSON.stringify(z.geometry))}::text[], ${col((z) => z.areaM2)}::float8[], ${col((z) => z.bbox[0])}::float8[],
                  ${col((z) => z.bbox[1])}::float8[], ${col((z) => z.bbox[2])}::float8[], ${col((z) => z.bbox[3])}::float8[],
                  ${col((z) => JSON.stringify(z.properties))}::text[])
        AS t(id, code, name, zt, tier, terr, tc, g, a, x0, y0, x1, y1, p)
      ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, zone_type = EXCLUDED.zone_type, tier = EXCLUDED.tier,
        territory_org_unit_id = EXCLUDED.territory_org_unit_id, territory_code = EXCLUDED.territory_code, geometry = EXCLUDED.geometry,
        area_m2 = EXCLUDED.area_m2, min_lon = EXCLUDED.min_lon, min_lat = EXCLUDED.min_lat, max_lon = EXCLUDED.max_lon, max_lat = EXCLUDED.max_lat,
        properties = EXCLUDED.properties, is_active = true, version = env_redline_zones.version + 1, updated_at = now()`);
  }
  return new Set(existing.map((r) => r.code));
}

/** Deactivate active zones whose code is not in `keep`; returns their codes. */
export async function deactivateZonesExcept(db: Db, keep: readonly string[]): Promise<string[]> {
  const rows = await queryRows<{ code: string }>(db, sql`UPDATE env_redline_zones SET is_active = false, version = version + 1, updated_at = now()
    WHERE is_active AND NOT (code = ANY(${sql.param([...keep])}::text[])) RETURNING code`);
  return rows.map((r) => r.code);
}

export function zoneFilters(query: Partial<ListZonesQuery>): SQL {
  const parts: SQL[] = [];
  if (!query.includeInactive) parts.push(sql`z.is_active`);
  if (query.tier) parts.push(sql`z.tier = ${query.tier}`);
  if (query.zoneType) parts.push(sql`z.zone_type = ${query.zoneType}`);
  if (query.territoryOrgUnitId) parts.push(sql`o.path LIKE (SELECT path FROM org_units WHERE id = ${query.territoryOrgUnitId}) || '%'`);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    parts.push(sql`(z.name ILIKE ${like} OR z.code ILIKE ${like})`);
  }
  return parts.length ? sql.join(parts, sql` AND `) : sql`true`;
}

const zoneSort: Record<ListZonesQuery['sort'], SQL> = { code: sql`z.code`, name: sql`z.name, z.code`, '-area': sql`z.area_m2 DESC, z.code`, tier: sql`z.tier, z.code` };

export async function selectZones(db: Db, where: SQL, options: { sort: ListZonesQuery['sort']; limit: number; offset: number }): Promise<ZoneView[]> {
  const rows = await queryRows<ZoneRow>(db, sql`SELECT ${zoneColumns} FROM ${zoneFrom} WHERE ${where} ORDER BY ${zoneSort[options.sort]} LIMIT ${options.limit} OFFSET ${options.offset}`);
  return rows.map(toZone);
}

export async function countZones(db: Db, where: SQL): Promise<number> {
  return (await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${zoneFrom} WHERE ${where}`))?.n ?? 0;
}

// ---- control rules ----

type RuleRow = { id: string; tier: string; project_type: string; zone_type: string | null; outcome: SitingOutcome; rule_text: string; version: number };

const toRule = (r: RuleRow): ControlRuleView => ({
  id: r.id, tier: r.tier, projectType: r.project_type, zoneType: r.zone_type, outcome: r.outcome, text: r.rule_text, version: r.version,
});

export async function selectControlRules(db: Db): Promise<ControlRuleView[]> {
  const rows = await queryRows<RuleRow>(db, sql`SELECT id, tier, project_type, zone_type, outcome, rule_text, version FROM env_control_rules ORDER BY tier, project_type, zone_type NULLS FIRST`);
  return rows.map(toRule);
}

export async function findControlRule(db: Db, id: string): Promise<ControlRuleView | null> {
  const row = await queryOne<RuleRow>(db, sql`SELECT id, tier, project_type, zone_type, outcome, rule_text, version FROM env_control_rules WHERE id = ${id}`);
  return row ? toRule(row) : null;
}

export async function insertControlRules(db: Db, rules: readonly { id: string; tier: string; projectType: string; zoneType: string | null; outcome: SitingOutcome; text: string }[]): Promise<void> {
  for (const r of rules) {
    try {
      await db.execute(sql`INSERT INTO env_control_rules (id, tier, project_type, zone_type, outcome, rule_text)
        VALUES (${r.id}, ${r.tier}, ${r.projectType}, ${r.zoneType}, ${r.outcome}, ${r.text})`);
    } catch (error) {
      const e = error as { code?: string; cause?: { code?: string } };
      if ((e.code ?? e.cause?.code) === '23505') {
        throw conflict('env.duplicate_control_rule', `已有相同的管控规则：${r.tier} × ${r.projectType}${r.zoneType ? ` × ${r.zoneType}` : ''}`);
      }
      throw error;
    }
  }
}

export async function updateControlRuleRow(db: Db, id: string, version: number, patch: { outcome?: SitingOutcome | undefined; text?: string | undefined }): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(db, sql`UPDATE env_control_rules SET outcome = coalesce(${patch.outcome ?? null}, outcome),
      rule_text = coalesce(${patch.text ?? null}, rule_text), version = version + 1, updated_at = now()
    WHERE id = ${id} AND version = ${version} RETURNING id`);
  return rows.length === 1;
}

export async function deleteControlRuleRow(db: Db, id: string, version: number): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(db, sql`DELETE FROM env_control_rules WHERE id = ${id} AND version = ${version} RETURNING id`);
  return rows.length === 1;
}

export async function countControlRules(db: Db): Promise<number> {
  return (await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM env_control_rules`))?.n ?? 0;
}
