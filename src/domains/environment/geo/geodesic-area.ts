/**
 * Area on the WGS84 ellipsoid (CGCS2000 differs only in the flattening, 1/298.257222101 vs
 * 1/298.257223563: the area difference is below 1e-9 relative, so both are treated the same).
 *
 * Method: the ellipsoid is mapped to the authalic sphere (radius R_q, latitude β), an equal-area
 * mapping, so the area of a region equals the spherical area of its image:
 *   A = R_q² · |∮ sin β dλ|.
 * The integral is taken edge by edge with Simpson's rule on the edge's lon/lat midpoint, i.e. edges
 * are straight in lon/lat, the same edge model as the planar predicates (RFC 7946 §3.1.1).
 * The result is exact for cells bounded by meridians and parallels (a 1°×1° cell at the equator:
 * 12,308.46 km²). Simpson's rule on such short edges adds no error worth naming; the edge model does:
 * a straight lon/lat edge of length L at latitude φ departs from the geodesic (PostGIS `geography`)
 * by about L²·tanφ/(8R), i.e. 0.34 m for a 5 km east–west edge at 35°N. Real zone boundaries have
 * edges of tens to hundreds of metres, so the difference is far below 1e-6 of the area.
 * `@turf/area` uses a sphere of R = 6,371,008.8 m instead: it overstates the equatorial cell by 0.45 %
 * (12,363.72 km²), is close to exact near 35°N and understates by up to 0.9 % near the poles (the
 * local scale M·N of the ellipsoid versus R²). We do not use it.
 */
import type { ZoneGeometry } from './geojson-schema';
import { flattenPositions } from './planar-primitives';

export const wgs84 = {
  a: 6378137,
  f: 1 / 298.257223563,
} as const;

const e2 = wgs84.f * (2 - wgs84.f);
const e = Math.sqrt(e2);
const DEG = Math.PI / 180;

/** q(φ) of the authalic latitude (Snyder, Map Projections — A Working Manual, eq. 3-12). */
function authalicQ(sinPhi: number): number {
  const es = e * sinPhi;
  return (1 - e2) * (sinPhi / (1 - e2 * sinPhi * sinPhi) - (1 / (2 * e)) * Math.log((1 - es) / (1 + es)));
}

const qPolar = authalicQ(1);

/** Authalic radius R_q = a·√(q_p / 2) ≈ 6,371,007.18 m. */
export const authalicRadiusM = wgs84.a * Math.sqrt(qPolar / 2);

const authalicRadius2 = authalicRadiusM * authalicRadiusM;

/** sin β (authalic latitude) for a geodetic latitude in degrees. */
export function sinAuthalicLatitude(latDeg: number): number {
  return authalicQ(Math.sin(latDeg * DEG)) / qPolar;
}

/** Signed area (m²) of a flat lon/lat ring: > 0 counter-clockwise. */
export function ringSignedAreaM2(ring: Float64Array): number {
  const n = ring.length;
  if (n < 8) return 0;
  let sum = 0;
  let s1 = sinAuthalicLatitude(ring[1]!);
  for (let i = 0; i < n - 2; i += 2) {
    const x1 = ring[i]!;
    const y1 = ring[i + 1]!;
    const x2 = ring[i + 2]!;
    const y2 = ring[i + 3]!;
    const s2 = sinAuthalicLatitude(y2);
    const dx = x2 - x1;
    if (dx !== 0) {
      const sm = y1 === y2 ? s1 : sinAuthalicLatitude((y1 + y2) / 2);
      sum += dx * (s1 + 4 * sm + s2);
    }
    s1 = s2;
  }
  // ∮ sin β dλ is negative for a counter-clockwise ring (Green's theorem), hence the minus sign.
  return (-sum / 6) * DEG * authalicRadius2;
}

/** Area (m²) of a polygon given as flat rings [shell, ...holes] (holes inside the shell). */
export function polygonRingsAreaM2(rings: readonly Float64Array[]): number {
  let area = 0;
  rings.forEach((ring, i) => {
    const a = Math.abs(ringSignedAreaM2(ring));
    area += i === 0 ? a : -a;
  });
  return Math.max(0, area);
}

type Rings = readonly (readonly (readonly number[])[])[];

/** Any Polygon / MultiPolygon, including turf's clipping output (positions as number[]). */
export type PolygonalGeometry =
  | ZoneGeometry
  | { type: 'Polygon'; coordinates: Rings }
  | { type: 'MultiPolygon'; coordinates: readonly Rings[] };

/** Geodesic area (m²) of a validated Polygon or MultiPolygon (parts do not overlap). */
export function computeGeodesicAreaM2(geometry: PolygonalGeometry): number {
  const polygons: readonly Rings[] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let area = 0;
  for (const poly of polygons) area += polygonRingsAreaM2(poly.map((r) => flattenPositions(r)));
  return area;
}
