/**
 * How a footprint meets one polygon part of a zone: no contact, boundary-only contact, or interior
 * overlap, with the overlap area (polygons) or the length inside (lines).
 *
 * Order of work (cheap first): bbox → exact segment tests and point-in-polygon → only when the
 * footprint and the part may share area without one containing the other, clipping. Clipping is
 * Sutherland–Hodgman against a convex ring: directly when either side is a single convex ring (most
 * footprints: rectangles, plots), otherwise against each triangle of the footprint (turf `tesselate`,
 * i.e. earcut; the triangles partition the footprint, which is checked by area). Only when that check
 * fails or the footprint has more than 512 vertices is turf `intersect` (polyclip-ts) used; it is about
 * 50× slower. Areas of the clipped rings are geodesic (`geodesic-area.ts`).
 *
 * Definitions: a point on a zone's boundary, a line running along or ending on it, and a polygon
 * sharing only edges or vertices with it are in `boundary` contact (overlap 0). A footprint in a hole
 * of the zone has no contact unless it touches the hole's ring.
 */
import { featureCollection, intersect, polygon, tesselate } from '@turf/turf';
import { computeGeodesicAreaM2, ringSignedAreaM2 } from './geodesic-area';
import { computeDistanceM } from './geodesic-distance';
import type { PreparedFootprint, PreparedPolygon } from './prepared-geometry';
import {
  bboxesOverlap,
  classifySegments,
  collinearOverlap,
  crossingParameter,
  flattenPositions,
  locatePointInPolygon,
  orient,
  planarRingArea2,
  type Bbox,
} from './planar-primitives';

export type ContactKind = 'none' | 'boundary' | 'interior';
export type PartRelation = { contact: ContactKind; overlapAreaM2: number; insideLengthM: number };

const noContact: PartRelation = { contact: 'none', overlapAreaM2: 0, insideLengthM: 0 };

/** Overlaps below this share of the smaller area are floating-point noise of a boundary contact. */
const AREA_NOISE = 1e-9;

function segmentMissesBox(ax: number, ay: number, bx: number, by: number, box: Bbox): boolean {
  return (ax < bx ? bx : ax) < box[0] || (ax < bx ? ax : bx) > box[2] || (ay < by ? by : ay) < box[1] || (ay < by ? ay : by) > box[3];
}

// ---- lines ----

function relateLines(lines: readonly Float64Array[], z: PreparedPolygon): PartRelation {
  let touched = false;
  let hasInteriorPoint = false;
  let inside = 0;
  for (const line of lines) {
    for (let i = 0; i < line.length - 2; i += 2) {
      const ax = line[i]!, ay = line[i + 1]!, bx = line[i + 2]!, by = line[i + 3]!;
      if (segmentMissesBox(ax, ay, bx, by, z.bbox)) continue;
      if (ax === bx && ay === by) {
        // a zero-length segment (repeated position) counts as a point
        const where = locatePointInPolygon(ax, ay, z.rings);
        if (where === 1) hasInteriorPoint = true;
        else if (where === 0) touched = true;
        continue;
      }
      const ts = [0, 1];
      for (const ring of z.rings) {
        for (let j = 0; j < ring.length - 2; j += 2) {
          const cx = ring[j]!, cy = ring[j + 1]!, dx = ring[j + 2]!, dy = ring[j + 3]!;
          const contact = classifySegments(ax, ay, bx, by, cx, cy, dx, dy);
          if (contact === 'none') continue;
          touched = true;
          if (orient(ax, ay, bx, by, cx, cy) === 0 && orient(ax, ay, bx, by, dx, dy) === 0) {
            ts.push(...collinearOverlap(ax, ay, bx, by, cx, cy, dx, dy));
          } else {
            ts.push(crossingParameter(ax, ay, bx, by, cx, cy, dx, dy));
          }
        }
      }
      ts.sort((p, q) => p - q);
      for (let k = 0; k < ts.length - 1; k += 1) {
        const t0 = ts[k]!;
        const t1 = ts[k + 1]!;
        if (t1 <= t0) continue;
        const tm = (t0 + t1) / 2;
        if (locatePointInPolygon(ax + tm * (bx - ax), ay + tm * (by - ay), z.rings) !== 1) continue;
        inside += computeDistanceM(ax + t0 * (bx - ax), ay + t0 * (by - ay), ax + t1 * (bx - ax), ay + t1 * (by - ay));
      }
    }
  }
  if (inside > 0 || hasInteriorPoint) return { contact: 'interior', overlapAreaM2: 0, insideLengthM: inside };
  return touched ? { contact: 'boundary', overlapAreaM2: 0, insideLengthM: 0 } : noContact;
}

// ---- polygons ----

/** Sutherland–Hodgman: clip a closed flat ring by a convex closed flat ring; returns a closed flat ring. */
export function clipRingByConvexRing(subject: Float64Array, clip: Float64Array): Float64Array {
  const sign = planarRingArea2(clip) > 0 ? 1 : -1;
  let input: number[] = [];
  for (let i = 0; i < subject.length - 2; i += 1) input.push(subject[i]!);
  for (let k = 0; k < clip.length - 2 && input.length > 0; k += 2) {
    const cx = clip[k]!, cy = clip[k + 1]!, dx = clip[k + 2]!, dy = clip[k + 3]!;
    const output: number[] = [];
    const n = input.length;
    for (let i = 0; i < n; i += 2) {
      const px = input[(i + n - 2) % n]!;
      const py = input[(i + n - 1) % n]!;
      const qx = input[i]!;
      const qy = input[i + 1]!;
      const op = orient(cx, cy, dx, dy, px, py) * sign;
      const oq = orient(cx, cy, dx, dy, qx, qy) * sign;
      if (oq >= 0) {
        if (op < 0) {
          const t = op / (op - oq);
          output.push(px + t * (qx - px), py + t * (qy - py));
        }
        output.push(qx, qy);
      } else if (op >= 0) {
        const t = op / (op - oq);
        output.push(px + t * (qx - px), py + t * (qy - py));
      }
    }
    input = output;
  }
  if (input.length < 6) return new Float64Array(0);
  input.push(input[0]!, input[1]!);
  return Float64Array.from(input);
}

/** Area (m²) of (polygon ∩ convex ring): shell clipped minus holes clipped (winding is preserved by clipping). */
function clipAreaByConvex(p: PreparedPolygon, convexRing: Float64Array): number {
  let area = 0;
  p.rings.forEach((ring, i) => {
    const a = Math.abs(ringSignedAreaM2(clipRingByConvexRing(ring, convexRing)));
    area += i === 0 ? a : -a;
  });
  return Math.max(0, area);
}

const MAX_TRIANGULATED_VERTICES = 512;
const triangleCache = new WeakMap<PreparedPolygon, Float64Array[] | null>();

/** Triangles of a polygon (closed flat rings), or null when earcut's triangles do not partition it. */
function triangulate(p: PreparedPolygon): Float64Array[] | null {
  const cached = triangleCache.get(p);
  if (cached !== undefined) return cached;
  let result: Float64Array[] | null = null;
  const vertexCount = p.rings.reduce((n, r) => n + r.length / 2, 0);
  if (vertexCount <= MAX_TRIANGULATED_VERTICES) {
    const triangles = tesselate(polygon(p.coordinates))
      .features.map((t) => flattenPositions(t.geometry.coordinates[0]!))
      .filter((t) => planarRingArea2(t) !== 0);
    const polygonArea2 = p.rings.reduce((sum, r, i) => sum + (i === 0 ? 1 : -1) * Math.abs(planarRingArea2(r)), 0);
    const triangleArea2 = triangles.reduce((sum, t) => sum + Math.abs(planarRingArea2(t)), 0);
    if (Math.abs(triangleArea2 - polygonArea2) <= 1e-9 * polygonArea2) result = triangles;
  }
  triangleCache.set(p, result);
  return result;
}

function computeOverlapAreaM2(f: PreparedPolygon, z: PreparedPolygon): number {
  if (f.isConvex) return clipAreaByConvex(z, f.rings[0]!);
  if (z.isConvex) return clipAreaByConvex(f, z.rings[0]!);
  const triangles = triangulate(f);
  if (triangles) return triangles.reduce((sum, t) => sum + clipAreaByConvex(z, t), 0);
  const clipped = intersect(featureCollection([polygon(f.coordinates), polygon(z.coordinates)]));
  return clipped ? computeGeodesicAreaM2(clipped.geometry) : 0;
}

/** Whether the first vertex of any ring of `a` lies strictly inside `b` (only the shell when `shellOnly`). */
function hasRingStartInside(a: PreparedPolygon, b: PreparedPolygon, shellOnly: boolean): boolean {
  const rings = shellOnly ? a.rings.slice(0, 1) : a.rings;
  return rings.some((r) => locatePointInPolygon(r[0]!, r[1]!, b.rings) === 1);
}

function scanEdges(f: PreparedPolygon, z: PreparedPolygon): { hasContact: boolean; hasCrossing: boolean } {
  let hasContact = false;
  for (const zr of z.rings) {
    for (let j = 0; j < zr.length - 2; j += 2) {
      const cx = zr[j]!, cy = zr[j + 1]!, dx = zr[j + 2]!, dy = zr[j + 3]!;
      if (segmentMissesBox(cx, cy, dx, dy, f.bbox)) continue;
      for (const fr of f.rings) {
        for (let i = 0; i < fr.length - 2; i += 2) {
          const contact = classifySegments(fr[i]!, fr[i + 1]!, fr[i + 2]!, fr[i + 3]!, cx, cy, dx, dy);
          if (contact === 'proper') return { hasContact: true, hasCrossing: true };
          if (contact !== 'none') hasContact = true;
        }
      }
    }
  }
  return { hasContact, hasCrossing: false };
}

function relatePolygon(f: PreparedPolygon, z: PreparedPolygon): PartRelation {
  if (!bboxesOverlap(f.bbox, z.bbox)) return noContact;
  const { hasContact, hasCrossing } = scanEdges(f, z);
  if (!hasContact) {
    // Without boundary contact every ring lies wholly inside or outside the other polygon,
    // so one vertex per ring decides (see the containment argument in the report).
    const fAnyIn = hasRingStartInside(f, z, false);
    const zAnyIn = hasRingStartInside(z, f, false);
    if (!fAnyIn && !zAnyIn) return noContact;
    if (!zAnyIn && hasRingStartInside(f, z, true)) return { contact: 'interior', overlapAreaM2: f.areaM2, insideLengthM: 0 };
    if (!fAnyIn && hasRingStartInside(z, f, true)) return { contact: 'interior', overlapAreaM2: z.areaM2, insideLengthM: 0 };
  }
  const area = computeOverlapAreaM2(f, z);
  if (!hasCrossing && area <= AREA_NOISE * Math.min(f.areaM2, z.areaM2)) {
    return hasContact ? { contact: 'boundary', overlapAreaM2: 0, insideLengthM: 0 } : noContact;
  }
  return { contact: 'interior', overlapAreaM2: area, insideLengthM: 0 };
}

const contactRank: Record<ContactKind, number> = { none: 0, boundary: 1, interior: 2 };

/** Relate a prepared footprint to one prepared zone part. */
export function relateFootprintToPart(fp: PreparedFootprint, z: PreparedPolygon): PartRelation {
  if (!bboxesOverlap(fp.bbox, z.bbox)) return noContact;
  if (fp.kind === 'point') {
    const where = locatePointInPolygon(fp.x, fp.y, z.rings);
    if (where === 1) return { contact: 'interior', overlapAreaM2: 0, insideLengthM: 0 };
    return where === 0 ? { contact: 'boundary', overlapAreaM2: 0, insideLengthM: 0 } : noContact;
  }
  if (fp.kind === 'line') return relateLines(fp.lines, z);
  let result = noContact;
  for (const f of fp.polygons) {
    const r = relatePolygon(f, z);
    result = {
      contact: contactRank[r.contact] > contactRank[result.contact] ? r.contact : result.contact,
      overlapAreaM2: result.overlapAreaM2 + r.overlapAreaM2,
      insideLengthM: 0,
    };
  }
  return result;
}
