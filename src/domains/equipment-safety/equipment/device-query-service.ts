import type { Actor } from '../../../shared/actor';
import type { Db } from '../../../platform/db/types';
import { searchEnterpriseIds } from '../../enterprises';
import { addDays } from './date-math';
import { readCachedTotal, storeCachedTotal } from './count-cache';
import { deviceTerritoryKinds, loadEnterpriseNames, loadOrgIndex, type OrgIndex } from './directory';
import { canCountFromCounters, countByTerritory, countByTerritoryFromCounters, countDevices, totalFromCountersSql, selectDevices, type DeviceFilter, type TerritoryCounts } from './device-list-store';
import { countMapPoints, selectLocationExtent, selectMapCells, selectMapPoints } from './device-map-store';
import { scopeOf, type Options } from './device-service';
import { toListItem } from './device-view';
import { classifyDeviceDue, deviceDueColors, dueDateRange } from './obligation-rules';
import { loadWarningDays } from './rule-service';
import type { DeviceListQuery } from './schema';
import type { DeviceGeoJson, DeviceListItem, DevicePage, DueSummary, DueSummaryQuery, SummaryCounts } from './view-schema';

/**
 * Reads over many devices: the list (and its export), the per-township due summary and the map
 * feed. None evaluates rules: the due status is next_due_on compared with today and the window.
 */
type ListFilterQuery = Omit<DeviceListQuery, 'page' | 'pageSize' | 'sort'>;

async function buildFilter(db: Db, actor: Actor, query: ListFilterQuery, today: string, warningDays: number, org: OrgIndex): Promise<DeviceFilter> {
  const territoryPath = query.territoryOrgUnitId ? (org.get(query.territoryOrgUnitId)?.path ?? `/${query.territoryOrgUnitId}/`) : undefined;
  const search = query.q ? { text: query.q, useUnitIds: await searchEnterpriseIds(db, query.q, 50) } : undefined;
  return {
    scope: scopeOf(actor),
    ...(territoryPath ? { territoryPath } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.variety ? { variety: query.variety } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.dueStatus ? { due: dueDateRange(query.dueStatus, today, warningDays) } : {}),
    ...(query.usingUnitId ? { usingUnitId: query.usingUnitId } : {}),
    ...(query.maintenanceUnitId ? { maintenanceUnitId: query.maintenanceUnitId } : {}),
    ...(query.mustStop ? { mustStop: query.mustStop === 'true' } : {}),
    ...(query.lateRegistration ? { lateRegistration: query.lateRegistration === 'true' } : {}),
    ...(query.siteType ? { siteType: query.siteType } : {}),
    ...(search ? { search } : {}),
  };
}

async function labelled(db: Db, rows: Awaited<ReturnType<typeof selectDevices>>['rows'], org: OrgIndex, today: string, warningDays: number): Promise<DeviceListItem[]> {
  const enterprises = await loadEnterpriseNames(db, rows.flatMap((r) => [r.useUnitId, r.maintenanceUnitId]));
  return rows.map((r) => toListItem(r, { org, enterprises, today, warningDays }));
}

export async function listDevices(db: Db, options: Options & { query: DeviceListQuery }): Promise<DevicePage> {
  const { actor, query, today } = options;
  const [org, warningDays] = await Promise.all([loadOrgIndex(db), loadWarningDays(db, today)]);
  const { page, pageSize, sort, ...filters } = query;
  const filter = await buildFilter(db, actor, filters, today, warningDays, org);
  const window = { sort, limit: pageSize, offset: (page - 1) * pageSize };
  let rows: Awaited<ReturnType<typeof selectDevices>>['rows'];
  let total: number;
  if (canCountFromCounters(filter, ['status', 'due'])) {
    // Exact total from the maintained counts, in the same statement as the page (and cached briefly like any total).
    const key = JSON.stringify([filter, today]);
    const cached = readCachedTotal(key);
    const result = await selectDevices(db, filter, cached === null ? { ...window, totalSql: totalFromCountersSql(filter) } : window);
    rows = result.rows;
    total = cached ?? result.total ?? 0;
    if (cached === null) storeCachedTotal(key, total);
  } else {
    [total, rows] = await Promise.all([countTotal(db, filter, today), selectDevices(db, filter, window).then((r) => r.rows)]);
  }
  return { items: await labelled(db, rows, org, today, warningDays), total, page, pageSize };
}

/** A total the counters cannot give (text search, unit or site filters…): counted, and cached briefly (count-cache.ts). */
async function countTotal(db: Db, filter: DeviceFilter, today: string): Promise<number> {
  const key = JSON.stringify([filter, today]);
  const cached = readCachedTotal(key);
  if (cached !== null) return cached;
  const total = await countDevices(db, filter);
  storeCachedTotal(key, total);
  return total;
}

/** Every matching device in list order (Excel export). */
export async function* iterateDevices(db: Db, options: Options & { query: DeviceListQuery }): AsyncGenerator<DeviceListItem> {
  const { actor, query, today } = options;
  const [org, warningDays] = await Promise.all([loadOrgIndex(db), loadWarningDays(db, today)]);
  const filter = await buildFilter(db, actor, query, today, warningDays, org);
  for (let offset = 0; ; offset += 2000) {
    const { rows } = await selectDevices(db, filter, { sort: query.sort, limit: 2000, offset });
    yield* await labelled(db, rows, org, today, warningDays);
    if (rows.length < 2000) return;
  }
}

// ── due summary per township ─────────────────────────────────────────────────────────────

function emptyCounts(): SummaryCounts {
  return { total: 0, inUse: 0, unregistered: 0, stopped: 0, retired: 0, obligated: 0, overdue: 0, dueSoon: 0, normal: 0, mustStop: 0 };
}

function add(into: SummaryCounts, c: TerritoryCounts): void {
  into.total += c.total;
  into.inUse += c.inUse;
  into.unregistered += c.unregistered;
  into.stopped += c.stopped;
  into.retired += c.retired;
  into.obligated += c.inUse + c.unregistered;
  into.overdue += c.overdue;
  into.dueSoon += c.dueSoon;
  into.normal += c.withDue - c.overdue - c.dueSoon;
  into.mustStop += c.mustStop;
}

/**
 * Due/overdue counts per unit one level below `parentOrgUnitId` (default: the actor's own unit, or
 * the city for roles that see everything), each unit including its sub-units. One grouped scan.
 */
export async function getDueSummary(db: Db, options: Options & { query: DueSummaryQuery }): Promise<DueSummary> {
  const { actor, query, today } = options;
  const [org, warningDays] = await Promise.all([loadOrgIndex(db), loadWarningDays(db, today)]);
  const root = org.all().find((n) => n.parentId === null);
  const parentId = query.parentOrgUnitId ?? (actor.scope.kind === 'subtree' && actor.role !== 'department' && actor.role !== 'inspector' ? actor.scope.rootId : (root?.id ?? ''));
  const parent = org.get(parentId);
  const filter: DeviceFilter = { scope: scopeOf(actor), ...(query.category ? { category: query.category } : {}), ...(parent && parent.parentId !== null ? { territoryPath: parent.path } : {}) };
  const window = { today, windowEnd: addDays(today, warningDays) };
  const counts = canCountFromCounters(filter) ? await countByTerritoryFromCounters(db, filter, window) : await countByTerritory(db, filter, window);
  const rows = new Map<string, SummaryCounts>();
  for (const child of org.children(parentId)) if (deviceTerritoryKinds.includes(child.kind)) rows.set(child.id, emptyCounts());
  const totals = emptyCounts();
  for (const c of counts) {
    add(totals, c);
    const unit = c.territoryOrgUnitId === parentId ? org.get(parentId) : org.childOnPathTo(parentId, c.territoryOrgUnitId);
    if (!unit) continue;
    const row = rows.get(unit.id) ?? emptyCounts();
    add(row, c);
    rows.set(unit.id, row);
  }
  return {
    asOf: today,
    warningDays,
    rows: [...rows].map(([id, c]) => ({ orgUnitId: id, name: org.nameOf(id), kind: org.get(id)?.kind ?? 'township', ...c })),
    totals,
  };
}

// ── map feed ─────────────────────────────────────────────────────────────────────────────

export type MapQuery = Omit<DeviceListQuery, 'page' | 'pageSize' | 'sort'> & { bbox?: string; limit: number; grid: number };

export async function getDeviceMap(db: Db, options: Options & { query: MapQuery }): Promise<DeviceGeoJson> {
  const { actor, today } = options;
  const { bbox, limit, grid, ...list } = options.query;
  const [org, warningDays] = await Promise.all([loadOrgIndex(db), loadWarningDays(db, today)]);
  const base = await buildFilter(db, actor, list, today, warningDays, org);
  const box = bbox ? bbox.split(',').map(Number) : null;
  const filter: DeviceFilter = box ? { ...base, bbox: { minLon: box[0] as number, minLat: box[1] as number, maxLon: box[2] as number, maxLat: box[3] as number } } : base;
  const { located, total } = await countMapPoints(db, filter);
  const meta = { total: located, limit, withoutLocation: total - located };
  if (located <= limit) {
    const points = await selectMapPoints(db, filter, limit);
    return {
      type: 'FeatureCollection',
      features: points.map((p) => {
        const dueStatus = classifyDeviceDue(p.status, p.nextDueOn, today, warningDays);
        return {
          type: 'Feature' as const,
          id: p.id,
          geometry: { type: 'Point' as const, coordinates: [p.lon, p.lat] as [number, number] },
          properties: { id: p.id, equipmentCode: p.equipmentCode, productName: p.productName, categoryCode: p.categoryCode, status: p.status, nextDueOn: p.nextDueOn, mustStop: p.mustStop, dueStatus, color: deviceDueColors[dueStatus] },
        };
      }),
      meta: { ...meta, clustered: false },
    };
  }
  const extent = filter.bbox ?? (await selectLocationExtent(db, filter));
  if (!extent) return { type: 'FeatureCollection', features: [], meta: { ...meta, clustered: true } };
  const cellLon = Math.max((extent.maxLon - extent.minLon) / grid, 1e-6);
  const cellLat = Math.max((extent.maxLat - extent.minLat) / grid, 1e-6);
  const cells = await selectMapCells(db, filter, { minLon: extent.minLon, minLat: extent.minLat, cellLon, cellLat }, { today, windowEnd: addDays(today, warningDays) });
  return {
    type: 'FeatureCollection',
    features: cells.map((c) => {
      const worst = c.overdue > 0 ? 'overdue' : c.dueSoon > 0 ? 'due_soon' : 'normal';
      return {
        type: 'Feature' as const,
        id: `cell-${c.cx}-${c.cy}`,
        geometry: { type: 'Point' as const, coordinates: [c.lon, c.lat] as [number, number] },
        properties: { cluster: true, count: c.n, overdue: c.overdue, dueSoon: c.dueSoon, mustStop: c.mustStop, dueStatus: worst, color: deviceDueColors[worst] },
      };
    }),
    meta: { ...meta, clustered: true },
  };
}
