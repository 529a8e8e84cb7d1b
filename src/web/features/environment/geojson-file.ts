/**
 * Reading GeoJSON files picked by the user (zone import, siting footprint). Pure except
 * `readTextFile`. Messages are bilingual pairs; the server validates the geometry itself.
 */
export type Message = { zh: string; en: string };
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: Message };

export const footprintTypes = ['Point', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'] as const;
export type FootprintGeometry = { type: (typeof footprintTypes)[number]; coordinates: unknown };

export function parseJsonText(text: string): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    return { ok: false, error: { zh: `不是有效的 JSON：${(error as Error).message}`, en: `Not valid JSON: ${(error as Error).message}` } };
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Zone import needs a FeatureCollection or a Feature; returns the feature count. */
export function checkZoneFile(json: unknown): Parsed<{ json: unknown; features: number }> {
  if (isObject(json) && json.type === 'FeatureCollection' && Array.isArray(json.features)) return { ok: true, value: { json, features: json.features.length } };
  if (isObject(json) && json.type === 'Feature') return { ok: true, value: { json, features: 1 } };
  return { ok: false, error: { zh: '文件须为 GeoJSON FeatureCollection 或 Feature', en: 'The file must be a GeoJSON FeatureCollection or Feature' } };
}

/**
 * A project footprint from an uploaded file: a geometry, a Feature, or a FeatureCollection with
 * exactly one feature (several footprints go through the batch check). The feature's
 * `properties.name` becomes the suggested project name.
 */
export function extractFootprint(json: unknown): Parsed<{ geometry: FootprintGeometry; name: string | null }> {
  let geometry: unknown = json;
  let name: string | null = null;
  if (isObject(json) && json.type === 'FeatureCollection') {
    const features = Array.isArray(json.features) ? json.features : [];
    if (features.length !== 1) {
      return { ok: false, error: { zh: `文件含 ${features.length} 个要素；单个核查只接受 1 个项目范围`, en: `The file has ${features.length} features; a single check takes exactly one footprint` } };
    }
    json = features[0];
  }
  if (isObject(json) && json.type === 'Feature') {
    geometry = json.geometry;
    const props = isObject(json.properties) ? json.properties : {};
    name = typeof props.name === 'string' && props.name.trim() ? props.name.trim() : null;
  }
  if (!isObject(geometry) || !footprintTypes.includes(geometry.type as FootprintGeometry['type']) || !Array.isArray(geometry.coordinates)) {
    return {
      ok: false,
      error: { zh: '未找到项目范围：须为点、线或面（Point、LineString、Polygon 等）GeoJSON', en: 'No footprint found: expected a Point, LineString or Polygon GeoJSON' },
    };
  }
  return { ok: true, value: { geometry: { type: geometry.type as FootprintGeometry['type'], coordinates: geometry.coordinates }, name } };
}

/** A short description of a footprint: type and vertex count. */
export function describeFootprint(geometry: FootprintGeometry): { type: string; vertices: number } {
  const count = (c: unknown): number => (Array.isArray(c) ? (typeof c[0] === 'number' ? 1 : c.reduce((n: number, x) => n + count(x), 0)) : 0);
  return { type: geometry.type, vertices: count(geometry.coordinates) };
}

export function readTextFile(file: Blob): Promise<string> {
  return file.text();
}
