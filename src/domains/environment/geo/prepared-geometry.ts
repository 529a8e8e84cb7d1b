/**
 * Geometry prepared once for fast tests: flat Float64Array rings, bounding boxes, geodesic area or
 * length, and whether a polygon is a single convex ring (which allows exact clipping without turf).
 */
import type { FootprintGeometry, Position } from './geojson-schema';
import { validatePolygonRings, type FeatureRef } from './geometry-validation';
import { polygonRingsAreaM2 } from './geodesic-area';
import { computeLineLengthM } from './geodesic-distance';
import { flattenPositions, isConvexRing, mergeBbox, ringBbox, type Bbox } from './planar-primitives';

export type PreparedPolygon = {
  /** [shell, ...holes], flat lon/lat, closed. */
  rings: Float64Array[];
  bbox: Bbox;
  areaM2: number;
  /** A single convex ring without holes. */
  isConvex: boolean;
  /** The GeoJSON rings, for turf clipping. */
  coordinates: Position[][];
};

export type PreparedFootprint =
  | { kind: 'point'; x: number; y: number; bbox: Bbox }
  | { kind: 'line'; lines: Float64Array[]; bbox: Bbox; lengthM: number }
  | { kind: 'polygon'; polygons: PreparedPolygon[]; bbox: Bbox; areaM2: number };

/** Prepare one validated polygon (rings already cleaned by `validatePolygonRings`). */
export function preparePolygon(coordinates: Position[][]): PreparedPolygon {
  const rings = coordinates.map((r) => flattenPositions(r));
  const shell = rings[0]!;
  return {
    rings,
    bbox: ringBbox(shell),
    areaM2: polygonRingsAreaM2(rings),
    isConvex: rings.length === 1 && isConvexRing(shell),
    coordinates,
  };
}

/** Validate (polygons) and prepare a footprint. Throws `geo.*` errors naming `ref` (default "项目范围"). */
export function prepareFootprint(geometry: FootprintGeometry, ref: FeatureRef = { index: null }): PreparedFootprint {
  switch (geometry.type) {
    case 'Point': {
      const [x, y] = geometry.coordinates;
      return { kind: 'point', x, y, bbox: [x, y, x, y] };
    }
    case 'LineString':
    case 'MultiLineString': {
      const parts = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
      const lines = parts.map((l) => flattenPositions(l));
      const bbox = lines.map((l) => ringBbox(l)).reduce(mergeBbox);
      return { kind: 'line', lines, bbox, lengthM: lines.reduce((sum, l) => sum + computeLineLengthM(l), 0) };
    }
    case 'Polygon':
    case 'MultiPolygon': {
      const raw = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
      const polygons = validatePolygonRings(raw, ref).map(preparePolygon);
      const bbox = polygons.map((p) => p.bbox).reduce(mergeBbox);
      return { kind: 'polygon', polygons, bbox, areaM2: polygons.reduce((sum, p) => sum + p.areaM2, 0) };
    }
  }
}
