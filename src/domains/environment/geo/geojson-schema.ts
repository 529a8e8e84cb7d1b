/**
 * GeoJSON input (RFC 7946) for zone import and siting footprints. Coordinates are WGS84 / CGCS2000
 * lon/lat in degrees, treated as the same datum. Positions may carry an altitude, which is dropped.
 * Structural problems throw `geo.invalid_geojson`; ring-level problems (too short, open, crossing)
 * are reported by `geometry-validation.ts`, which can name the feature.
 */
import { z } from 'zod';
import { invalid } from '../../../shared/errors';

const lonSchema = z.number().min(-180, '经度须在 -180~180 之间').max(180, '经度须在 -180~180 之间');
const latSchema = z.number().min(-90, '纬度须在 -90~90 之间').max(90, '纬度须在 -90~90 之间');

/** [lon, lat] or [lon, lat, altitude]. */
export const positionSchema = z.tuple([lonSchema, latSchema], z.number());

const bboxSchema = z.array(z.number()).optional();

export const pointSchema = z.object({ type: z.literal('Point'), coordinates: positionSchema, bbox: bboxSchema });
export const lineStringSchema = z.object({
  type: z.literal('LineString'),
  coordinates: z.array(positionSchema).min(2, '线至少需要 2 个坐标'),
  bbox: bboxSchema,
});
export const multiLineStringSchema = z.object({
  type: z.literal('MultiLineString'),
  coordinates: z.array(z.array(positionSchema).min(2, '线至少需要 2 个坐标')).min(1),
  bbox: bboxSchema,
});
/** Ring length and closure are checked later so that the error can name the feature. */
export const polygonSchema = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(positionSchema)).min(1, '面至少需要一个外环'),
  bbox: bboxSchema,
});
export const multiPolygonSchema = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(z.array(positionSchema)).min(1, '面至少需要一个外环')).min(1),
  bbox: bboxSchema,
});

export const geometrySchema = z.discriminatedUnion('type', [
  pointSchema,
  lineStringSchema,
  multiLineStringSchema,
  polygonSchema,
  multiPolygonSchema,
]);
export type GeometryInput = z.infer<typeof geometrySchema>;

export const featureSchema = z.object({
  type: z.literal('Feature'),
  id: z.union([z.string(), z.number()]).optional(),
  geometry: geometrySchema.nullable(),
  properties: z.record(z.string(), z.unknown()).nullable(),
  bbox: bboxSchema,
});
export type FeatureInput = z.infer<typeof featureSchema>;

export const featureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(featureSchema),
  bbox: bboxSchema,
});
export type FeatureCollectionInput = z.infer<typeof featureCollectionSchema>;

export const geoJsonSchema = z.discriminatedUnion('type', [
  featureCollectionSchema,
  featureSchema,
  pointSchema,
  lineStringSchema,
  multiLineStringSchema,
  polygonSchema,
  multiPolygonSchema,
]);
export type GeoJsonInput = z.infer<typeof geoJsonSchema>;

/** Properties of a zone feature on import. `tier` is checked against the configured tiers by `parseZones`. */
export const zonePropertiesSchema = z.object({
  name: z.string().trim().min(1, '缺少名称 name').max(200),
  code: z.string().trim().min(1, '缺少编码 code').max(64),
  type: z.string().trim().min(1, '缺少类型 type').max(64),
  tier: z.string().trim().min(1, '缺少管控级别 tier').max(64),
  territoryCode: z
    .string()
    .regex(/^\d{2,12}$/, '行政区划代码须为 2–12 位数字')
    .nullable()
    .optional(),
});
export type ZoneProperties = z.infer<typeof zonePropertiesSchema>;

/** Zone types named in the issue; zones may use other types (the field is free text). */
export const knownZoneTypes = ['生态保护红线', '饮用水水源保护区', '湿地', '自然保护地', '森林公园', '风景名胜区'] as const;

// ---- Normalised (2-D, validated) geometry types used by the rules ----

export type Position = [lon: number, lat: number];
export type PointGeometry = { type: 'Point'; coordinates: Position };
export type LineStringGeometry = { type: 'LineString'; coordinates: Position[] };
export type MultiLineStringGeometry = { type: 'MultiLineString'; coordinates: Position[][] };
export type PolygonGeometry = { type: 'Polygon'; coordinates: Position[][] };
export type MultiPolygonGeometry = { type: 'MultiPolygon'; coordinates: Position[][][] };
export type ZoneGeometry = PolygonGeometry | MultiPolygonGeometry;
export type FootprintGeometry =
  | PointGeometry
  | LineStringGeometry
  | MultiLineStringGeometry
  | PolygonGeometry
  | MultiPolygonGeometry;

type Issue = { path: string; message: string };

function describeIssues(error: z.ZodError): Issue[] {
  return error.issues.slice(0, 10).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** Parse a JSON string if needed; throw `geo.invalid_geojson` when it is not JSON. */
function decodeInput(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  try {
    return JSON.parse(input) as unknown;
  } catch {
    throw invalid('geo.invalid_geojson', '不是有效的 JSON 文本', { reason: 'not_json' });
  }
}

/** Validate any GeoJSON object (or its JSON text); throw `geo.invalid_geojson` naming the first problem. */
export function parseGeoJson(input: unknown): GeoJsonInput {
  const value = decodeInput(input);
  if (typeof value !== 'object' || value === null || typeof (value as { type?: unknown }).type !== 'string') {
    throw invalid('geo.invalid_geojson', '不是 GeoJSON 对象（缺少 type 字段）', { reason: 'not_geojson' });
  }
  const parsed = geoJsonSchema.safeParse(value);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    const first = issues[0];
    const where = first && first.path ? `（${first.path}）` : '';
    throw invalid('geo.invalid_geojson', `GeoJSON 格式无效${where}：${first?.message ?? '未知错误'}`, { issues });
  }
  return parsed.data;
}

export function toPosition(p: readonly number[]): Position {
  return [p[0]!, p[1]!];
}

/** Drop altitudes (and nothing else) from a parsed geometry. */
export function toFootprintGeometry(g: GeometryInput): FootprintGeometry {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: toPosition(g.coordinates) };
    case 'LineString':
      return { type: 'LineString', coordinates: g.coordinates.map(toPosition) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: g.coordinates.map((l) => l.map(toPosition)) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(toPosition)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(toPosition))) };
  }
}
