/**
 * Distance from a footprint that meets no zone to the nearest zone boundary (metres, see
 * `geodesic-distance.ts`). The spatial index is searched in a box grown from the footprint's box
 * (500 m, ×4 each round) until a zone is found; its distance D then bounds the search: any zone
 * closer than D has its box within D of the footprint's box, converted to degrees with the smallest
 * metres-per-degree in that latitude band, so no zone is missed.
 *
 * Speed: candidate parts are visited in order of the distance between their box and the
 * footprint's box (a lower bound of the true distance), and a part whose bound exceeds the best
 * distance so far is skipped, and so is a zone segment whose box is farther from the footprint's
 * box than the best pair so far. Inside a part the closest segment pair is chosen with squared
 * distances in one local plane (no square roots); only that pair is then measured with
 * `computePointSegmentDistanceM`, so the reported distance has the module's usual accuracy.
 */
import type { PreparedFootprint, PreparedPolygon } from './prepared-geometry';
import type { ZoneIndex } from './zone-index';
import { computePointSegmentDistanceM, metresPerDegreeLat, metresPerDegreeLon, minMetresPerDegreeLat } from './geodesic-distance';

export type NearestZone = { zoneIndex: number; distanceM: number };

const FIRST_RADIUS_M = 500;
const MAX_RADIUS_M = 2.1e7;

type Scales = { kx: number; ky: number };
/** The closest point–segment pair found: p = (px, py) against segment (ax, ay)–(bx, by). */
type Pair = { d2: number; px: number; py: number; ax: number; ay: number; bx: number; by: number };

function planarDistance2(px: number, py: number, ax: number, ay: number, bx: number, by: number, kx: number, ky: number): number {
  const ux = (bx - ax) * kx;
  const uy = (by - ay) * ky;
  const wx = (px - ax) * kx;
  const wy = (py - ay) * ky;
  const len2 = ux * ux + uy * uy;
  let t = len2 === 0 ? 0 : (wx * ux + wy * uy) / len2;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const dx = wx - t * ux;
  const dy = wy - t * uy;
  return dx * dx + dy * dy;
}

function consider(best: Pair, px: number, py: number, ax: number, ay: number, bx: number, by: number, k: Scales): void {
  const d2 = planarDistance2(px, py, ax, ay, bx, by, k.kx, k.ky);
  if (d2 < best.d2) {
    best.d2 = d2;
    best.px = px;
    best.py = py;
    best.ax = ax;
    best.ay = ay;
    best.bx = bx;
    best.by = by;
  }
}

/** Closest pair between the footprint and a polygon part's rings (they do not cross). */
function closestPair(fp: PreparedFootprint, z: PreparedPolygon, k: Scales): Pair {
  const best: Pair = { d2: Infinity, px: 0, py: 0, ax: 0, ay: 0, bx: 0, by: 0 };
  const lines = fp.kind === 'point' ? null : fp.kind === 'line' ? fp.lines : fp.polygons.flatMap((p) => p.rings);
  const [fMinX, fMinY, fMaxX, fMaxY] = fp.bbox;
  for (const ring of z.rings) {
    for (let j = 0; j < ring.length - 2; j += 2) {
      const cx = ring[j]!;
      const cy = ring[j + 1]!;
      const dx = ring[j + 2]!;
      const dy = ring[j + 3]!;
      // The gap between the segment's box and the footprint's box (same plane) bounds every pair
      // below; a segment that cannot beat the best pair so far is skipped (ties never replace it).
      const gx = Math.max(0, Math.min(cx, dx) - fMaxX, fMinX - Math.max(cx, dx)) * k.kx;
      const gy = Math.max(0, Math.min(cy, dy) - fMaxY, fMinY - Math.max(cy, dy)) * k.ky;
      if (gx * gx + gy * gy >= best.d2) continue;
      if (!lines) {
        consider(best, (fp as { x: number }).x, (fp as { y: number }).y, cx, cy, dx, dy, k);
        continue;
      }
      for (const line of lines) {
        for (let i = 0; i < line.length; i += 2) {
          const ax = line[i]!;
          const ay = line[i + 1]!;
          consider(best, ax, ay, cx, cy, dx, dy, k);
          if (i + 3 < line.length) {
            const bx = line[i + 2]!;
            const by = line[i + 3]!;
            consider(best, cx, cy, ax, ay, bx, by, k);
            consider(best, dx, dy, ax, ay, bx, by, k);
          }
        }
      }
    }
  }
  return best;
}

/** Lower bound (m) of the distance between two boxes, in the local plane. */
function boxGapM(a: readonly number[], b: readonly number[], k: Scales): number {
  const gx = Math.max(0, (b[0] as number) - (a[2] as number), (a[0] as number) - (b[2] as number)) * k.kx;
  const gy = Math.max(0, (b[1] as number) - (a[3] as number), (a[1] as number) - (b[3] as number)) * k.ky;
  return Math.sqrt(gx * gx + gy * gy);
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
  const candidates = partIds
    .map((id) => ({ id, gap: boxGapM(fp.bbox, index.parts[id]!.polygon.bbox, k) }))
    .sort((a, b) => a.gap - b.gap || a.id - b.id);
  // Planar distances at one reference latitude differ from the measured ones by far less than this
  // margin over a few hundred km, so pruning by it never drops the true nearest part.
  const margin = 1.001;
  let best: { zoneIndex: number; pair: Pair; planarM: number } | null = null;
  for (const { id, gap } of candidates) {
    if (best && gap > best.planarM * margin) break;
    const part = index.parts[id]!;
    const pair = closestPair(fp, part.polygon, k);
    const planarM = Math.sqrt(pair.d2);
    if (!best || planarM < best.planarM || (planarM === best.planarM && part.zoneIndex < best.zoneIndex)) {
      best = { zoneIndex: part.zoneIndex, pair, planarM };
    }
  }
  if (!best) return null;
  const { px, py, ax, ay, bx, by } = best.pair;
  return { zoneIndex: best.zoneIndex, distanceM: computePointSegmentDistanceM(px, py, ax, ay, bx, by, k.kx, k.ky) };
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
    return measure(index, fp, searchParts(index, fp, first.distanceM * 1.001), k);
  }
  return null;
}
