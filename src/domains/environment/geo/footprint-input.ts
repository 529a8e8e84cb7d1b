/**
 * Project footprints for the siting check: a GeoJSON geometry or Feature (Point, LineString,
 * MultiLineString, Polygon, MultiPolygon), or bare coordinates nested as in GeoJSON:
 * `[lon, lat]` → Point, `[[lon, lat], …]` → LineString, `[[[lon, lat], …], …]` → Polygon (rings).
 * A FeatureCollection is a batch (`parseFootprintCollection`).
 */
import { z } from 'zod';
import { invalid } from '../../../shared/errors';
import {
  parseGeoJson,
  positionSchema,
  toFootprintGeometry,
  type FootprintGeometry,
  type GeometryInput,
} from './geojson-schema';
import { validatePolygonRings, type FeatureRef } from './geometry-validation';

export type FootprintItem = { id: string; geometry: FootprintGeometry; projectType: string | null };

const lineCoordinatesSchema = z.array(positionSchema).min(2, '线至少需要 2 个坐标');
const polygonCoordinatesSchema = z.array(z.array(positionSchema)).min(1, '面至少需要一个外环');

function arrayDepth(value: unknown): number {
  let depth = 0;
  let cur: unknown = value;
  while (Array.isArray(cur)) {
    depth += 1;
    cur = cur[0];
  }
  return depth;
}

function parseCoordinates(input: unknown[]): GeometryInput {
  const depth = arrayDepth(input);
  if (depth === 1) {
    const r = positionSchema.safeParse(input);
    if (r.success) return { type: 'Point', coordinates: r.data };
  } else if (depth === 2) {
    const r = lineCoordinatesSchema.safeParse(input);
    if (r.success) return { type: 'LineString', coordinates: r.data };
  } else if (depth === 3) {
    const r = polygonCoordinatesSchema.safeParse(input);
    if (r.success) return { type: 'Polygon', coordinates: r.data };
  }
  throw invalid('geo.invalid_geojson', '坐标格式无效：应为 [经度, 纬度]、点串或环数组，且经纬度在有效范围内', {
    reason: 'bad_coordinates',
    depth,
  });
}

/** Validate polygon rings (naming `ref`) and return the cleaned footprint geometry. */
function validateFootprint(geometry: FootprintGeometry, ref: FeatureRef): FootprintGeometry {
  if (geometry.type === 'Polygon') {
    return { type: 'Polygon', coordinates: validatePolygonRings([geometry.coordinates], ref)[0]! };
  }
  if (geometry.type === 'MultiPolygon') {
    return { type: 'MultiPolygon', coordinates: validatePolygonRings(geometry.coordinates, ref) };
  }
  return geometry;
}

/** Parse one footprint (GeoJSON geometry / Feature / JSON text / bare coordinates); throws `geo.*`. */
export function parseFootprint(input: unknown): FootprintGeometry {
  if (Array.isArray(input)) return validateFootprint(toFootprintGeometry(parseCoordinates(input)), { index: null });
  const geo = parseGeoJson(input);
  if (geo.type === 'FeatureCollection') {
    throw invalid('geo.invalid_footprint', '单个项目范围不能是 FeatureCollection（批量请逐个要素提交）', { type: geo.type });
  }
  const geometry = geo.type === 'Feature' ? geo.geometry : geo;
  if (!geometry) throw invalid('geo.invalid_footprint', '项目范围缺少几何（geometry 为 null）', { type: null });
  return validateFootprint(toFootprintGeometry(geometry), { index: null });
}

/**
 * Parse a batch: a FeatureCollection whose features carry `id` (or `properties.id`) and optionally
 * `properties.projectType`. Ids default to the 1-based feature number. Errors name the feature.
 */
export function parseFootprintCollection(input: unknown): FootprintItem[] {
  const geo = parseGeoJson(input);
  if (geo.type !== 'FeatureCollection') {
    throw invalid('geo.invalid_footprint', '批量选址须提交 FeatureCollection', { type: geo.type });
  }
  const seen = new Set<string>();
  return geo.features.map((feature, index) => {
    const props = feature.properties ?? {};
    const name = typeof props.name === 'string' ? props.name : null;
    const ref: FeatureRef = { index, name };
    if (!feature.geometry) {
      throw invalid('geo.invalid_footprint', `要素 #${index + 1} 缺少几何（geometry 为 null）`, { feature: index + 1, featureIndex: index });
    }
    const rawId = feature.id ?? (typeof props.id === 'string' || typeof props.id === 'number' ? props.id : index + 1);
    const id = String(rawId);
    if (seen.has(id)) {
      throw invalid('geo.duplicate_footprint_id', `要素 #${index + 1} 的 id「${id}」重复`, { feature: index + 1, featureIndex: index, id });
    }
    seen.add(id);
    return {
      id,
      geometry: validateFootprint(toFootprintGeometry(feature.geometry), ref),
      projectType: typeof props.projectType === 'string' && props.projectType.trim() !== '' ? props.projectType.trim() : null,
    };
  });
}

