/**
 * Totals of protected area (km², geodesic on WGS84, see `geodesic-area.ts`) grouped by tier,
 * territory or zone type.
 *
 * Overlaps: zones may overlap (a 湿地 inside a 自然保护地, say). Each group's `unionKm2` counts the
 * ground once (area of the union of the group's zones); `sumKm2` is the plain sum and `overlapKm2` the
 * difference. `totalUnionKm2` is the union of all zones, so the group unions can add up to more than the
 * total when zones of different groups overlap; that is intended ("protected area" means ground,
 * a per-tier figure means ground under that tier). Unions are only computed for clusters of zones whose
 * boxes overlap (turf `union`); isolated zones use their own area.
 */
import Flatbush from 'flatbush';
import { featureCollection, multiPolygon, union } from '@turf/turf';
import { computeGeodesicAreaM2 } from './geodesic-area';
import { bboxesOverlap, flattenPositions, mergeBbox, ringBbox, type Bbox } from './planar-primitives';
import type { Zone } from './zone-import';

export type AreaGroupBy = 'tier' | 'territory' | 'type';

export type ProtectedAreaGroup = {
  /** Tier, territory code or zone type; null for zones without a territory code. */
  key: string | null;
  zoneCount: number;
  unionKm2: number;
  sumKm2: number;
  overlapKm2: number;
};

export type ProtectedAreaTotals = {
  groupBy: AreaGroupBy;
  groups: ProtectedAreaGroup[];
  totalUnionKm2: number;
  totalSumKm2: number;
};

function zoneBbox(zone: Zone): Bbox {
  const polygons = zone.geometry.type === 'Polygon' ? [zone.geometry.coordinates] : zone.geometry.coordinates;
  return polygons.map((p) => ringBbox(flattenPositions(p[0]!))).reduce(mergeBbox);
}

function asMultiPolygonCoordinates(zone: Zone) {
  return zone.geometry.type === 'Polygon' ? [zone.geometry.coordinates] : zone.geometry.coordinates;
}

/** Clusters of zones connected by overlapping boxes (union–find over flatbush hits). */
function clusterByBbox(boxes: readonly Bbox[]): number[][] {
  const parent = boxes.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    parent[i] = r;
    return r;
  };
  if (boxes.length > 1) {
    const tree = new Flatbush(boxes.length);
    for (const b of boxes) tree.add(b[0], b[1], b[2], b[3]);
    tree.finish();
    boxes.forEach((b, i) => {
      for (const j of tree.search(b[0], b[1], b[2], b[3])) {
        if (j !== i && bboxesOverlap(b, boxes[j]!)) parent[find(j)] = find(i);
      }
    });
  }
  const clusters = new Map<number, number[]>();
  boxes.forEach((_, i) => {
    const root = find(i);
    clusters.set(root, [...(clusters.get(root) ?? []), i]);
  });
  return [...clusters.values()];
}

/** Area (m²) of the union of zones, given their individual areas. */
function computeUnionAreaM2(zones: readonly Zone[], areas: readonly number[]): number {
  let total = 0;
  for (const cluster of clusterByBbox(zones.map(zoneBbox))) {
    if (cluster.length === 1) {
      total += areas[cluster[0]!]!;
      continue;
    }
    const merged = union(featureCollection(cluster.map((i) => multiPolygon(asMultiPolygonCoordinates(zones[i]!)))));
    total += merged ? computeGeodesicAreaM2(merged.geometry) : 0;
  }
  return total;
}

function groupKey(zone: Zone, groupBy: AreaGroupBy): string | null {
  if (groupBy === 'tier') return zone.tier;
  if (groupBy === 'type') return zone.type;
  return zone.territoryCode;
}

/** Protected area by tier, territory or zone type, with union-based (no double counting) and plain sums. */
export function sumProtectedArea(zones: readonly Zone[], groupBy: AreaGroupBy): ProtectedAreaTotals {
  const areas = zones.map((z) => computeGeodesicAreaM2(z.geometry));
  const groups = new Map<string | null, number[]>();
  zones.forEach((zone, i) => {
    const key = groupKey(zone, groupBy);
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const out: ProtectedAreaGroup[] = [...groups.entries()].map(([key, members]) => {
    const sum = members.reduce((s, i) => s + areas[i]!, 0);
    const unionArea = Math.min(sum, computeUnionAreaM2(members.map((i) => zones[i]!), members.map((i) => areas[i]!)));
    return { key, zoneCount: members.length, unionKm2: unionArea / 1e6, sumKm2: sum / 1e6, overlapKm2: (sum - unionArea) / 1e6 };
  });
  out.sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const totalSum = areas.reduce((s, a) => s + a, 0);
  return {
    groupBy,
    groups: out,
    totalUnionKm2: Math.min(totalSum, computeUnionAreaM2(zones, areas)) / 1e6,
    totalSumKm2: totalSum / 1e6,
  };
}
