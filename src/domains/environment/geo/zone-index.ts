/**
 * In-memory spatial index over zones: one flatbush entry per polygon part (the bbox of its shell),
 * built once; each part is prepared (flat rings, area, convexity) for the siting check. Batch checks
 * reuse the index for many footprints.
 */
import Flatbush from 'flatbush';
import type { ControlRuleSet, SitingOutcome } from './control-rules';
import type { FootprintGeometry } from './geojson-schema';
import { prepareFootprint, preparePolygon, type PreparedPolygon } from './prepared-geometry';
import { checkPreparedSiting, type SitingOptions, type SitingResult } from './siting-rules';
import type { Zone } from './zone-import';

export type ZonePart = { zoneIndex: number; polygon: PreparedPolygon };

export type ZoneIndex = {
  zones: readonly Zone[];
  parts: readonly ZonePart[];
  /** Null when there are no zones (flatbush needs at least one item). */
  tree: Flatbush | null;
  /** Geodesic area (m²) of each zone, by zone position. */
  zoneAreasM2: readonly number[];
};

/** Build the index once over validated zones (from `parseZones`). */
export function buildZoneIndex(zones: readonly Zone[]): ZoneIndex {
  const parts: ZonePart[] = [];
  const zoneAreasM2 = zones.map((zone, zoneIndex) => {
    const polygons = zone.geometry.type === 'Polygon' ? [zone.geometry.coordinates] : zone.geometry.coordinates;
    let area = 0;
    for (const coordinates of polygons) {
      const polygon = preparePolygon(coordinates);
      parts.push({ zoneIndex, polygon });
      area += polygon.areaM2;
    }
    return area;
  });
  if (parts.length === 0) return { zones, parts, tree: null, zoneAreasM2 };
  const tree = new Flatbush(parts.length);
  for (const part of parts) {
    const [minX, minY, maxX, maxY] = part.polygon.bbox;
    tree.add(minX, minY, maxX, maxY);
  }
  tree.finish();
  return { zones, parts, tree, zoneAreasM2 };
}

export type SitingBatchItem = { id: string; footprint: FootprintGeometry; projectType: string };
export type SitingBatchResult = {
  results: (SitingResult & { id: string; projectType: string })[];
  summary: Record<SitingOutcome, number> & { total: number };
};

/** Check many footprints against one index. An invalid footprint throws, naming its position and id. */
export function checkSitingBatch(
  index: ZoneIndex,
  items: readonly SitingBatchItem[],
  rules: ControlRuleSet,
  options: SitingOptions = {},
): SitingBatchResult {
  const summary = { allowed: 0, conditional: 0, prohibited: 0, total: items.length };
  const results = items.map((item, i) => {
    const prepared = prepareFootprint(item.footprint, { index: i, name: item.id });
    const result = checkPreparedSiting(index, prepared, item.projectType, rules, options);
    summary[result.verdict] += 1;
    return { id: item.id, projectType: item.projectType, ...result };
  });
  return { results, summary };
}
