import type { Actor } from '../../shared/actor';
import { invalid, notFound } from '../../shared/errors';
import { newId } from '../../platform/ids';
import type { Db } from '../../platform/db/types';
import { recordAudit } from '../audit';
import { findOrgUnitByCode, listOrgUnitOptions } from '../org';
import { requireDataEntry } from './access-service';
import { loadControlRuleSet } from './control-rule-service';
import { computeGeodesicAreaM2 } from './geo/geodesic-area';
import { flattenPositions, mergeBbox, ringBbox } from './geo/planar-primitives';
import { sumProtectedArea, type AreaGroupBy } from './geo/protected-area';
import { buildZoneIndex, type ZoneIndex } from './geo/zone-index';
import { parseZones, type Zone } from './geo/zone-import';
import type { AreaTotals, ImportZonesOptions, ImportZonesResult, ListZonesQuery, ZoneDetail, ZoneView } from './redline-schema';
import type { FeatureCollectionOut } from './station-schema';
import {
  countZones, deactivateZonesExcept, findZone, selectZones, selectZonesFingerprint, selectZonesWithGeometry, upsertZones, zoneFilters,
  type ZoneWithGeometry, type ZoneWrite,
} from './redline-store';

/** Red-line zones are city planning layers: every user with environment read access sees all of them. */
export async function listZones(db: Db, options: { query: ListZonesQuery }) {
  const { query } = options;
  const where = zoneFilters(query);
  const [total, items] = await Promise.all([
    countZones(db, where),
    selectZones(db, where, { sort: query.sort, limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
  ]);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export async function* iterateZones(db: Db, options: { query: Omit<ListZonesQuery, 'page' | 'pageSize'> }): AsyncGenerator<ZoneView> {
  const where = zoneFilters(options.query);
  for (let offset = 0; ; offset += 1000) {
    const rows = await selectZones(db, where, { sort: options.query.sort, limit: 1000, offset });
    yield* rows;
    if (rows.length < 1000) return;
  }
}

export async function getZone(db: Db, options: { id: string }): Promise<ZoneDetail> {
  const zone = await findZone(db, options.id);
  if (!zone) throw notFound('env.zone_not_found', '红线区不存在');
  return zone;
}

function zoneBbox(zone: Zone): [number, number, number, number] {
  const polygons = zone.geometry.type === 'Polygon' ? [zone.geometry.coordinates] : zone.geometry.coordinates;
  return polygons.map((p) => ringBbox(flattenPositions(p[0] ?? []))).reduce(mergeBbox);
}

const reservedProperties = new Set(['name', 'code', 'type', 'tier', 'territoryCode', 'territory']);

/**
 * Import zones from GeoJSON (validated by `parseZones`: every error names the feature). Properties:
 * name, code, type, tier (a configured tier), optional territoryCode (GB/T 2260) and territory (org
 * unit code, e.g. town-changle). Zones are matched by code; `replace` also deactivates zones missing
 * from the file.
 */
export async function importZones(db: Db, options: { actor: Actor; geojson: unknown; options: ImportZonesOptions }): Promise<ImportZonesResult> {
  const { actor } = options;
  await requireDataEntry(db, actor);
  const { set } = await loadControlRuleSet(db);
  const zones = parseZones(options.geojson, { tiers: set.tiers });
  const rawFeatures = readRawProperties(options.geojson);
  const writes: ZoneWrite[] = [];
  for (const [i, zone] of zones.entries()) {
    const props = rawFeatures[i] ?? {};
    const territory = typeof props.territory === 'string' && props.territory.trim() ? props.territory.trim() : null;
    const unit = territory ? await findOrgUnitByCode(db, territory) : null;
    if (territory && !unit) {
      throw invalid('env.unknown_territory', `要素 #${i + 1}「${zone.name}」的所属辖区「${territory}」不存在`, { feature: i + 1, featureIndex: i, territory });
    }
    writes.push({
      id: newId(), code: zone.code, name: zone.name, zoneType: zone.type, tier: zone.tier, territoryOrgUnitId: unit?.id ?? null,
      territoryCode: zone.territoryCode, geometry: zone.geometry, areaM2: computeGeodesicAreaM2(zone.geometry), bbox: zoneBbox(zone),
      properties: Object.fromEntries(Object.entries(props).filter(([k]) => !reservedProperties.has(k))),
    });
  }
  const base = { features: zones.length, dryRun: options.options.dryRun, totalAreaKm2: writes.reduce((s, w) => s + w.areaM2, 0) / 1e6 };
  const describe = (existing: Set<string>) =>
    writes.map((w) => ({ code: w.code, name: w.name, tier: w.tier, areaKm2: w.areaM2 / 1e6, action: existing.has(w.code) ? ('update' as const) : ('create' as const) }));
  if (options.options.dryRun) {
    const existing = new Set((await selectZonesWithGeometry(db, { includeInactive: true })).map((z) => z.code));
    const list = describe(existing);
    const result = { ...base, created: list.filter((z) => z.action === 'create').length, updated: list.filter((z) => z.action === 'update').length, deactivated: 0, zones: list };
    // A dry run changes nothing but is recorded like the import engine's validations.
    await db.transaction(async (tx) => {
      await recordAudit(tx, actor, { action: 'env.redline.validate', entityType: 'env_redline_zone', summary: `试导入（仅校验）生态红线区 ${zones.length} 个`, after: { codes: writes.map((w) => w.code) } });
    });
    return result;
  }
  return db.transaction(async (tx) => {
    const existing = await upsertZones(tx, writes);
    const deactivated = options.options.mode === 'replace' ? await deactivateZonesExcept(tx, writes.map((w) => w.code)) : [];
    const list = describe(existing);
    const result = { ...base, created: list.filter((z) => z.action === 'create').length, updated: list.filter((z) => z.action === 'update').length, deactivated: deactivated.length, zones: list };
    await recordAudit(tx, actor, {
      action: 'env.redline.import', entityType: 'env_redline_zone',
      summary: `导入生态红线区 ${zones.length} 个（新增 ${result.created}，更新 ${result.updated}，停用 ${deactivated.length}），面积合计 ${base.totalAreaKm2.toFixed(2)} km²`,
      after: { mode: options.options.mode, codes: writes.map((w) => w.code), deactivated },
    });
    return result;
  });
}

function readRawProperties(input: unknown): Record<string, unknown>[] {
  const value = typeof input === 'string' ? (JSON.parse(input) as unknown) : input;
  const v = value as { type?: string; features?: { properties?: Record<string, unknown> | null }[]; properties?: Record<string, unknown> | null };
  if (v.type === 'Feature') return [v.properties ?? {}];
  return (v.features ?? []).map((f) => f.properties ?? {});
}

export function toEngineZone(z: ZoneWithGeometry, territoryKey: 'code' | 'orgUnit' = 'code'): Zone {
  return {
    id: z.id, name: z.name, code: z.code, type: z.zoneType, tier: z.tier,
    territoryCode: territoryKey === 'orgUnit' ? (z.territoryOrgUnitId ?? z.territoryCode) : z.territoryCode,
    geometry: z.geometry,
  };
}

type CachedIndex = { fingerprint: string; index: ZoneIndex };
const indexCache = new WeakMap<Db, CachedIndex>();

/** The spatial index of the active zones, rebuilt only when the zones change (per database handle). */
export async function loadZoneIndex(db: Db): Promise<ZoneIndex> {
  const fingerprint = await selectZonesFingerprint(db);
  const cached = indexCache.get(db);
  if (cached && cached.fingerprint === fingerprint) return cached.index;
  const index = buildZoneIndex((await selectZonesWithGeometry(db)).map((z) => toEngineZone(z)));
  indexCache.set(db, { fingerprint, index });
  return index;
}

/** Protected area (km², geodesic, overlaps counted once) by tier, territory (org unit) or zone type. */
export async function computeAreaTotals(db: Db, options: { groupBy: AreaGroupBy; orgPath?: string }): Promise<AreaTotals> {
  const zones = await selectZonesWithGeometry(db, options.orgPath ? { orgPath: options.orgPath } : {});
  const names = new Map((await listOrgUnitOptions(db, { includeInactive: true })).map((o) => [o.id, o.name]));
  const totals = sumProtectedArea(zones.map((z) => toEngineZone(z, 'orgUnit')), options.groupBy);
  return {
    groupBy: options.groupBy,
    groups: totals.groups.map((g) => ({ ...g, label: g.key === null ? '未指定' : options.groupBy === 'territory' ? (names.get(g.key) ?? g.key) : g.key })),
    totalUnionKm2: totals.totalUnionKm2,
    totalSumKm2: totals.totalSumKm2,
    zoneCount: zones.length,
  };
}

/** Active zones as a GeoJSON FeatureCollection for the map (properties for the popup and styling). */
export async function buildZonesGeoJson(db: Db): Promise<FeatureCollectionOut> {
  const zones = await selectZonesWithGeometry(db);
  return {
    type: 'FeatureCollection',
    features: zones.map((z) => ({
      type: 'Feature',
      id: z.id,
      geometry: z.geometry,
      properties: { id: z.id, code: z.code, name: z.name, zoneType: z.zoneType, tier: z.tier, territoryName: z.territoryName, areaKm2: z.areaKm2 },
    })),
  };
}
