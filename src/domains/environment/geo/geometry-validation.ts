/**
 * Polygon validity for imported zones and footprints (OGC simple-feature rules, planar in lon/lat):
 * rings have ≥ 4 positions and are closed; a ring does not touch or cross itself; rings of one polygon
 * do not cross or share an edge (touching at a single point is allowed, as OGC allows); every hole
 * lies inside its shell and not inside another hole; parts of a MultiPolygon do not overlap or share
 * an edge. Consecutive duplicate positions are dropped. Rings are rewound to the RFC 7946 right-hand
 * rule (shell counter-clockwise, holes clockwise).
 *
 * Errors name the feature: `要素 #3「某某湿地」外环自相交`, details `{feature: 3, featureIndex: 2, at: [lon, lat]}`
 * (`feature` is 1-based, as in the message).
 */
import Flatbush from 'flatbush';
import { invalid } from '../../../shared/errors';
import type { Position, ZoneGeometry } from './geojson-schema';
import {
  classifySegments,
  contactPoint,
  flattenPositions,
  locatePointInPolygon,
  locatePointInRing,
  planarRingArea2,
  ringBbox,
  bboxesOverlap,
} from './planar-primitives';

/** Which feature is being validated; `index` is 0-based (null for a single footprint). */
export type FeatureRef = { index: number | null; name?: string | null; code?: string | null };

export function describeFeature(ref: FeatureRef): string {
  if (ref.index === null) return '项目范围';
  const label = ref.name ?? ref.code;
  return `要素 #${ref.index + 1}${label ? `「${label}」` : ''}`;
}

function describeRing(partCount: number, part: number, ring: number): string {
  const partText = partCount > 1 ? `第 ${part + 1} 部分` : '';
  return partText + (ring === 0 ? '外环' : `第 ${ring} 个内环`);
}

function fail(code: string, ref: FeatureRef, what: string, extra: Record<string, unknown>): never {
  throw invalid(code, `${describeFeature(ref)}${what}`, {
    feature: ref.index === null ? null : ref.index + 1,
    featureIndex: ref.index,
    name: ref.name ?? null,
    code: ref.code ?? null,
    ...extra,
  });
}

function samePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

function cleanRing(ring: Position[], ref: FeatureRef, where: string, at: Record<string, number>): Position[] {
  if (ring.length < 4) fail('geo.ring_too_short', ref, `${where}坐标点不足（至少 4 个且首尾相同）`, { ...at, count: ring.length });
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  if (!samePosition(first, last)) fail('geo.ring_not_closed', ref, `${where}未闭合（首尾坐标不一致）`, { ...at, at: first });
  const out: Position[] = [first];
  for (let i = 1; i < ring.length; i += 1) {
    const p = ring[i]!;
    if (!samePosition(p, out[out.length - 1]!)) out.push([p[0], p[1]]);
  }
  if (out.length < 4) fail('geo.ring_too_short', ref, `${where}去除重复点后坐标点不足`, { ...at, count: out.length });
  return out;
}

type SegmentTable = { part: Int32Array; ring: Int32Array; seg: Int32Array; last: Int32Array; xy: Float64Array };

function collectSegments(polygons: Position[][][]): SegmentTable {
  let n = 0;
  for (const poly of polygons) for (const ring of poly) n += ring.length - 1;
  const table: SegmentTable = {
    part: new Int32Array(n), ring: new Int32Array(n), seg: new Int32Array(n), last: new Int32Array(n), xy: new Float64Array(n * 4),
  };
  let k = 0;
  polygons.forEach((poly, p) => {
    poly.forEach((ring, r) => {
      for (let i = 0; i < ring.length - 1; i += 1) {
        const a = ring[i]!;
        const b = ring[i + 1]!;
        table.part[k] = p;
        table.ring[k] = r;
        table.seg[k] = i;
        table.last[k] = ring.length - 2;
        table.xy.set([a[0], a[1], b[0], b[1]], k * 4);
        k += 1;
      }
    });
  });
  return table;
}

function checkSegmentPair(t: SegmentTable, i: number, j: number, partCount: number, ref: FeatureRef): void {
  const xy = t.xy;
  const ax = xy[i * 4]!, ay = xy[i * 4 + 1]!, bx = xy[i * 4 + 2]!, by = xy[i * 4 + 3]!;
  const cx = xy[j * 4]!, cy = xy[j * 4 + 1]!, dx = xy[j * 4 + 2]!, dy = xy[j * 4 + 3]!;
  const contact = classifySegments(ax, ay, bx, by, cx, cy, dx, dy);
  if (contact === 'none') return;
  const at = contactPoint(ax, ay, bx, by, cx, cy, dx, dy);
  const partI = t.part[i]!;
  const partJ = t.part[j]!;
  const ringI = t.ring[i]!;
  const ringJ = t.ring[j]!;
  if (partI === partJ && ringI === ringJ) {
    const si = t.seg[i]!;
    const sj = t.seg[j]!;
    const isAdjacent = Math.abs(si - sj) === 1 || (Math.min(si, sj) === 0 && Math.max(si, sj) === t.last[i]!);
    if (isAdjacent && contact !== 'collinear') return;
    fail('geo.self_intersection', ref, `${describeRing(partCount, partI, ringI)}自相交`, { part: partI, ring: ringI, at });
  }
  if (contact === 'touch') return;
  if (partI === partJ) {
    fail('geo.ring_crossing', ref, `${describeRing(partCount, partI, ringI)}与${describeRing(partCount, partJ, ringJ)}相交`, {
      part: partI, ring: ringI, otherRing: ringJ, at,
    });
  }
  fail('geo.overlapping_parts', ref, `第 ${partI + 1} 部分与第 ${partJ + 1} 部分边界重叠或交叉`, { part: partI, otherPart: partJ, at });
}

/** Every pair of segments whose boxes overlap is classified; a segment index keeps this near O(n log n). */
function checkSegments(polygons: Position[][][], ref: FeatureRef): void {
  const t = collectSegments(polygons);
  const n = t.part.length;
  const xy = t.xy;
  if (n <= 32) {
    for (let i = 0; i < n; i += 1) for (let j = i + 1; j < n; j += 1) checkSegmentPair(t, i, j, polygons.length, ref);
    return;
  }
  const tree = new Flatbush(n);
  for (let k = 0; k < n; k += 1) {
    const ax = xy[k * 4]!, ay = xy[k * 4 + 1]!, bx = xy[k * 4 + 2]!, by = xy[k * 4 + 3]!;
    tree.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
  }
  tree.finish();
  for (let i = 0; i < n; i += 1) {
    const ax = xy[i * 4]!, ay = xy[i * 4 + 1]!, bx = xy[i * 4 + 2]!, by = xy[i * 4 + 3]!;
    const hits = tree.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by), (j) => j > i);
    hits.sort((a, b) => a - b);
    for (const j of hits) checkSegmentPair(t, i, j, polygons.length, ref);
  }
}

/** Location of a ring (its first vertex not on `rings`' boundary) relative to a polygon; 0 if every vertex is on it. */
function locateRing(ring: Float64Array, rings: readonly Float64Array[]): -1 | 0 | 1 {
  for (let i = 0; i < ring.length - 2; i += 2) {
    const where = locatePointInPolygon(ring[i]!, ring[i + 1]!, rings);
    if (where !== 0) return where;
  }
  return 0;
}

function checkHoles(poly: Position[][], part: number, partCount: number, ref: FeatureRef): void {
  const flat = poly.map((r) => flattenPositions(r));
  const shell = flat[0]!;
  for (let h = 1; h < flat.length; h += 1) {
    const hole = flat[h]!;
    if (locateRing(hole, [shell]) === -1) {
      fail('geo.hole_outside_shell', ref, `${describeRing(partCount, part, h)}不在外环内`, { part, ring: h, at: poly[h]![0] });
    }
    for (let o = 1; o < flat.length; o += 1) {
      if (o === h) continue;
      for (let i = 0; i < hole.length - 2; i += 2) {
        const where = locatePointInRing(hole[i]!, hole[i + 1]!, flat[o]!);
        if (where === 0) continue;
        if (where === 1) {
          fail('geo.nested_holes', ref, `${describeRing(partCount, part, h)}位于${describeRing(partCount, part, o)}内`, {
            part, ring: h, otherRing: o, at: poly[h]![0],
          });
        }
        break;
      }
    }
  }
}

function checkPartsDisjoint(polygons: Position[][][], ref: FeatureRef): void {
  const flat = polygons.map((poly) => poly.map((r) => flattenPositions(r)));
  const boxes = flat.map((poly) => ringBbox(poly[0]!));
  for (let a = 0; a < flat.length; a += 1) {
    for (let b = 0; b < flat.length; b += 1) {
      if (a === b || !bboxesOverlap(boxes[a]!, boxes[b]!)) continue;
      if (locateRing(flat[a]![0]!, flat[b]!) === 1) {
        fail('geo.overlapping_parts', ref, `第 ${a + 1} 部分与第 ${b + 1} 部分重叠`, {
          part: a, otherPart: b, at: polygons[a]![0]![0],
        });
      }
    }
  }
}

function orientRing(ring: Position[], counterClockwise: boolean): Position[] {
  const isCcw = planarRingArea2(flattenPositions(ring)) > 0;
  return isCcw === counterClockwise ? ring : [...ring].reverse();
}

/** Validate polygon rings of one feature; return them cleaned and rewound (shell CCW, holes CW). */
export function validatePolygonRings(polygons: Position[][][], ref: FeatureRef): Position[][][] {
  const partCount = polygons.length;
  const cleaned = polygons.map((poly, p) =>
    poly.map((ring, r) => cleanRing(ring, ref, describeRing(partCount, p, r), { part: p, ring: r })),
  );
  checkSegments(cleaned, ref);
  cleaned.forEach((poly, p) => checkHoles(poly, p, partCount, ref));
  if (partCount > 1) checkPartsDisjoint(cleaned, ref);
  return cleaned.map((poly) => poly.map((ring, r) => orientRing(ring, r === 0)));
}

/** Validate a Polygon or MultiPolygon geometry; return a cleaned copy of the same type. */
export function validateZoneGeometry<G extends ZoneGeometry>(geometry: G, ref: FeatureRef): G {
  if (geometry.type === 'Polygon') {
    const [poly] = validatePolygonRings([geometry.coordinates], ref);
    return { ...geometry, coordinates: poly! };
  }
  return { ...geometry, coordinates: validatePolygonRings(geometry.coordinates, ref) };
}
