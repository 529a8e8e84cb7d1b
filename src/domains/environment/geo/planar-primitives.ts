/**
 * Exact planar predicates in lon/lat degrees. Edges are straight lines in lon/lat, as RFC 7946 §3.1.1
 * and PostGIS `geometry` treat them; all tests use the raw floating-point coordinates with no snapping
 * tolerance (a footprint that shares vertices or edges with a zone is detected as touching; a vertex
 * that lies "almost" on a diagonal edge is classified by the sign of the exact cross product).
 *
 * Rings are stored flat: `[x0, y0, x1, y1, …, xn, yn]` with the closing position repeated.
 */

export type Bbox = [minX: number, minY: number, maxX: number, maxY: number];

/** Where two segments meet: not at all, crossing at one interior point, touching at one point, or overlapping collinearly. */
export type SegmentContact = 'none' | 'proper' | 'touch' | 'collinear';

/** Twice the signed area of triangle abc: > 0 when c is left of a→b. */
export function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** Whether c (known to be collinear with a→b) lies within the closed segment. */
export function isWithinSegmentBox(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
  return (
    cx >= Math.min(ax, bx) && cx <= Math.max(ax, bx) && cy >= Math.min(ay, by) && cy <= Math.max(ay, by)
  );
}

export function isOnSegment(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
  return orient(ax, ay, bx, by, cx, cy) === 0 && isWithinSegmentBox(ax, ay, bx, by, cx, cy);
}

/** Classify the contact between closed segments ab and cd. */
export function classifySegments(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, dx: number, dy: number,
): SegmentContact {
  if (Math.max(ax, bx) < Math.min(cx, dx) || Math.max(cx, dx) < Math.min(ax, bx)) return 'none';
  if (Math.max(ay, by) < Math.min(cy, dy) || Math.max(cy, dy) < Math.min(ay, by)) return 'none';
  const d1 = orient(cx, cy, dx, dy, ax, ay);
  const d2 = orient(cx, cy, dx, dy, bx, by);
  const d3 = orient(ax, ay, bx, by, cx, cy);
  const d4 = orient(ax, ay, bx, by, dx, dy);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return 'proper';
  if (d1 === 0 && d2 === 0 && d3 === 0 && d4 === 0) {
    const [lo, hi] = collinearOverlap(ax, ay, bx, by, cx, cy, dx, dy);
    if (lo > hi) return 'none';
    return lo === hi ? 'touch' : 'collinear';
  }
  if (d1 === 0 && isWithinSegmentBox(cx, cy, dx, dy, ax, ay)) return 'touch';
  if (d2 === 0 && isWithinSegmentBox(cx, cy, dx, dy, bx, by)) return 'touch';
  if (d3 === 0 && isWithinSegmentBox(ax, ay, bx, by, cx, cy)) return 'touch';
  if (d4 === 0 && isWithinSegmentBox(ax, ay, bx, by, dx, dy)) return 'touch';
  return 'none';
}

/**
 * Parameters [lo, hi] along a→b (0..1) of the overlap of two collinear segments; lo > hi when they
 * do not overlap. Projects on the dominant axis of a→b.
 */
export function collinearOverlap(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, dx: number, dy: number,
): [number, number] {
  const useX = Math.abs(bx - ax) >= Math.abs(by - ay);
  const a = useX ? ax : ay;
  const len = (useX ? bx : by) - a;
  if (len === 0) return [1, 0];
  const tc = ((useX ? cx : cy) - a) / len;
  const td = ((useX ? dx : dy) - a) / len;
  return [Math.max(0, Math.min(tc, td)), Math.min(1, Math.max(tc, td))];
}

/** Parameter t along a→b of its crossing with the line through c→d (segments known to cross or touch). */
export function crossingParameter(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, dx: number, dy: number,
): number {
  const d1 = orient(cx, cy, dx, dy, ax, ay);
  const d2 = orient(cx, cy, dx, dy, bx, by);
  if (d1 === d2) return 0;
  return Math.min(1, Math.max(0, d1 / (d1 - d2)));
}

/** A representative contact position of two segments that meet (for error messages). */
export function contactPoint(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, dx: number, dy: number,
): [number, number] {
  const contact = classifySegments(ax, ay, bx, by, cx, cy, dx, dy);
  const isCollinear = contact === 'collinear' || (contact === 'touch' && orient(ax, ay, bx, by, cx, cy) === 0 && orient(ax, ay, bx, by, dx, dy) === 0);
  const t = isCollinear ? collinearOverlap(ax, ay, bx, by, cx, cy, dx, dy)[0] : crossingParameter(ax, ay, bx, by, cx, cy, dx, dy);
  return [ax + t * (bx - ax), ay + t * (by - ay)];
}

/** 1 strictly inside, 0 on the ring, -1 outside (even–odd crossing test with an exact boundary check). */
export function locatePointInRing(x: number, y: number, ring: Float64Array): -1 | 0 | 1 {
  let inside = false;
  const n = ring.length - 2;
  for (let i = 0; i < n; i += 2) {
    const xi = ring[i]!;
    const yi = ring[i + 1]!;
    const xj = ring[i + 2]!;
    const yj = ring[i + 3]!;
    if (
      y >= (yi < yj ? yi : yj) && y <= (yi < yj ? yj : yi) &&
      x >= (xi < xj ? xi : xj) && x <= (xi < xj ? xj : xi) &&
      orient(xi, yi, xj, yj, x, y) === 0
    ) {
      return 0;
    }
    if (yi > y !== yj > y) {
      const xCross = ((xj - xi) * (y - yi)) / (yj - yi) + xi;
      if (x < xCross) inside = !inside;
    }
  }
  return inside ? 1 : -1;
}

/** Locate a point in a polygon given as [shell, ...holes]: 1 interior, 0 boundary, -1 exterior (including holes). */
export function locatePointInPolygon(x: number, y: number, rings: readonly Float64Array[]): -1 | 0 | 1 {
  const shell = rings[0];
  if (!shell) return -1;
  const inShell = locatePointInRing(x, y, shell);
  if (inShell <= 0) return inShell;
  for (let h = 1; h < rings.length; h += 1) {
    const inHole = locatePointInRing(x, y, rings[h]!);
    if (inHole === 0) return 0;
    if (inHole === 1) return -1;
  }
  return 1;
}

/** Twice the signed planar (lon/lat) area of a flat ring: > 0 counter-clockwise. */
export function planarRingArea2(ring: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 2; i += 2) {
    sum += ring[i]! * ring[i + 3]! - ring[i + 2]! * ring[i + 1]!;
  }
  return sum;
}

/** Whether a simple flat ring is convex (every turn has the same sign; collinear turns ignored). */
export function isConvexRing(ring: Float64Array): boolean {
  const n = ring.length / 2 - 1;
  if (n < 3) return false;
  let sign = 0;
  for (let i = 0; i < n; i += 1) {
    const a = i * 2;
    const b = ((i + 1) % n) * 2;
    const c = ((i + 2) % n) * 2;
    const o = orient(ring[a]!, ring[a + 1]!, ring[b]!, ring[b + 1]!, ring[c]!, ring[c + 1]!);
    if (o === 0) continue;
    const s = o > 0 ? 1 : -1;
    if (sign === 0) sign = s;
    else if (s !== sign) return false;
  }
  return sign !== 0;
}

export function ringBbox(ring: Float64Array): Bbox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < ring.length; i += 2) {
    const x = ring[i]!;
    const y = ring[i + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

export function mergeBbox(a: Bbox, b: Bbox): Bbox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

export function bboxesOverlap(a: Bbox, b: Bbox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** Flatten GeoJSON positions to a Float64Array (only lon and lat are kept). */
export function flattenPositions(positions: readonly (readonly number[])[]): Float64Array {
  const out = new Float64Array(positions.length * 2);
  positions.forEach((p, i) => {
    out[i * 2] = p[0]!;
    out[i * 2 + 1] = p[1]!;
  });
  return out;
}
