/**
 * Distance from a footprint that meets no zone to the nearest zone boundary (geodesic metres, see
 * `geodesic-distance.ts`). The spatial index is searched in a box grown from the footprint's box
 * (500 m, ×4 each round) until a zone is found; its distance D then bounds the search: any zone
 * closer than D has its box within D of the footprint's box, converted to degrees with the smallest
 * metres-per-degree in that latitude band, so no zone is missed and few are measured.
 */
import type { PreparedFootprint, PreparedPolygon } from './prepared-geometry';
import type { ZoneIndex } from './zone-index';
import {
  computePointSegmentDistanceM,
  metresPerDegreeLat,
  metresPerDegreeLon,
  minMetresPerDegreeLat,
} from './geodesic-distance';

export type NearestZone = { zoneIndex: number; distanceM: number };

const FIRST_RADIUS_M = 500;
const MAX_RADIUS_M = 2.1e7;

type Scales = { kx: number; ky: number };

/** Minimum distance between the segments of flat lines `a` and the rings of `z` (they do not cross). */
function distanceLinesToRings(lines: readonly Float64Array[], z: PreparedPolygon, k: Scales, best: number): number {
  let min = best;
  for (const ring of z.rings) {
    for (let j = 0; j < ring.length - 2; j += 2) {
      const cx = ring[j]!, cy = ring[j + 1]!, dx = ring[j + 2]!, dy = ring[j + 3]!;
      for (const line of lines) {
        for (let i = 0; i < line.length; i += 2) {
          const ax = line[i]!;
          const ay = line[i + 1]!;
          const d = computePointSegmentDistanceM(ax, ay, cx, cy, dx, dy, k.kx, k.ky);
          if (d < min) min = d;
          if (i + 3 < line.length) {
            const bx = line[i + 2]!;
            const by = line[i + 3]!;
            const d1 = computePointSegmentDistanceM(cx, cy, ax, ay, bx, by, k.kx, k.ky);
            const d2 = computePointSegmentDistanceM(dx, dy, ax, ay, bx, by, k.kx, k.ky);
            if (d1 < min) min = d1;
            if (d2 < min) min = d2;
          }
        }
      }
    }
  }
  return min;
}

function distanceToPart(fp: PreparedFootprint, z: PreparedPolygon, k: Scales): number {
  if (fp.kind === 'point') {
    let min = Infinity;
    for (const ring of z.rings) {
      for (let j = 0; j < ring.length - 2; j += 2) {
        const d = computePointSegmentDistanceM(fp.x, fp.y, ring[j]!, ring[j + 1]!, ring[j + 2]!, ring[j + 3]!, k.kx, k.ky);
        if (d < min) min = d;
      }
    }
    return min;
  }
  const lines = fp.kind === 'line' ? fp.lines : fp.polygons.flatMap((p) => p.rings);
  return distanceLinesToRings(lines, z, k, Infinity);
}

function searchParts(index: ZoneIndex, fp: PreparedFootprint, radiusM: number): number[] {
  if (!index.tree) return [];
  const [minX, minY, maxX, maxY] = fp.bbox;
  const latPad = radiusM / minMetresPerDegreeLat;
  const maxAbsLat = Math.min(89.9999, Math.max(Math.abs(minY), Math.abs(maxY)) + latPad);
  const lonPad = Math.min(360, radiusM / metresPerDegreeLon(maxAbsLat));
  return index.tree.search(minX - lonPad, minY - latPad, maxX + lonPad, maxY + latPad);
}

function measure(index: ZoneIndex, fp: PreparedFootprint, partIds: readonly number[], k: Scales): NearestZone | null {
  let best: NearestZone | null = null;
  for (const id of partIds) {
    const part = index.parts[id]!;
    const d = distanceToPart(fp, part.polygon, k);
    if (!best || d < best.distanceM || (d === best.distanceM && part.zoneIndex < best.zoneIndex)) {
      best = { zoneIndex: part.zoneIndex, distanceM: d };
    }
  }
  return best;
}

/** The nearest zone to a footprint that meets none; null when the index is empty. */
export function findNearestZone(index: ZoneIndex, fp: PreparedFootprint): NearestZone | null {
  if (!index.tree) return null;
  const refLat = (fp.bbox[1] + fp.bbox[3]) / 2;
  const k: Scales = { kx: metresPerDegreeLon(refLat), ky: metresPerDegreeLat(refLat) };
  for (let radius = FIRST_RADIUS_M; radius <= MAX_RADIUS_M * 4; radius *= 4) {
    const hits = searchParts(index, fp, radius);
    if (hits.length === 0) continue;
    const first = measure(index, fp, hits, k);
    if (!first || first.distanceM <= radius) return first;
    return measure(index, fp, searchParts(index, fp, first.distanceM), k);
  }
  return null;
}
