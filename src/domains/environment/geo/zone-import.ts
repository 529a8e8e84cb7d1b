/**
 * Import of ecological red-line zones from GeoJSON: a FeatureCollection (or one Feature) whose
 * features are Polygon / MultiPolygon with properties {name, code, type, tier, territoryCode?}.
 * Every problem names the feature (1-based number and name).
 */
import { invalid } from '../../../shared/errors';
import {
  parseGeoJson,
  toPosition,
  zonePropertiesSchema,
  type FeatureInput,
  type ZoneGeometry,
} from './geojson-schema';
import { describeFeature, validateZoneGeometry, type FeatureRef } from './geometry-validation';

export type Zone = {
  /** The feature's `id` when present, else its code. */
  id: string;
  name: string;
  code: string;
  type: string;
  tier: string;
  territoryCode: string | null;
  /** Validated, RFC 7946-oriented lon/lat geometry. */
  geometry: ZoneGeometry;
};

export type ParseZonesOptions = {
  /** Allowed control tiers (e.g. a rule set's `tiers`); any tier is accepted when omitted. */
  tiers?: readonly string[];
};

function readRef(feature: FeatureInput, index: number): FeatureRef {
  const props = feature.properties ?? {};
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
  return { index, name: text(props.name), code: text(props.code) };
}

function toZoneGeometry(feature: FeatureInput, ref: FeatureRef): ZoneGeometry {
  const g = feature.geometry;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
    throw invalid('geo.zone_not_polygon', `${describeFeature(ref)}的几何类型须为 Polygon 或 MultiPolygon（实际为 ${g?.type ?? 'null'}）`, {
      feature: ref.index === null ? null : ref.index + 1, featureIndex: ref.index, geometryType: g?.type ?? null,
    });
  }
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(toPosition)) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(toPosition))) };
}

function parseZoneFeature(feature: FeatureInput, index: number, options: ParseZonesOptions): Zone {
  const ref = readRef(feature, index);
  const props = zonePropertiesSchema.safeParse(feature.properties ?? {});
  if (!props.success) {
    const first = props.error.issues[0];
    throw invalid('geo.invalid_zone_properties', `${describeFeature(ref)}属性无效：${first?.message ?? ''}`, {
      feature: index + 1, featureIndex: index, field: first?.path.map(String).join('.') ?? null,
    });
  }
  const p = props.data;
  if (options.tiers && !options.tiers.includes(p.tier)) {
    throw invalid('geo.unknown_tier', `${describeFeature(ref)}的管控级别「${p.tier}」未配置（可选：${options.tiers.join('、')}）`, {
      feature: index + 1, featureIndex: index, tier: p.tier,
    });
  }
  const geometry = validateZoneGeometry(toZoneGeometry(feature, ref), ref);
  return {
    id: feature.id === undefined ? p.code : String(feature.id),
    name: p.name,
    code: p.code,
    type: p.type,
    tier: p.tier,
    territoryCode: p.territoryCode ?? null,
    geometry,
  };
}

/** Parse, validate and normalise zones; throws `geo.*` errors. Zone ids and codes must be unique. */
export function parseZones(input: unknown, options: ParseZonesOptions = {}): Zone[] {
  const geo = parseGeoJson(input);
  if (geo.type !== 'FeatureCollection' && geo.type !== 'Feature') {
    throw invalid('geo.invalid_geojson', '红线区须以 Feature 或 FeatureCollection 导入', { reason: 'not_feature', type: geo.type });
  }
  const features = geo.type === 'Feature' ? [geo] : geo.features;
  const zones = features.map((f, i) => parseZoneFeature(f, i, options));
  const codes = new Map<string, number>();
  const ids = new Map<string, number>();
  zones.forEach((zone, i) => {
    const earlier = codes.get(zone.code) ?? ids.get(zone.id);
    if (earlier !== undefined) {
      throw invalid('geo.duplicate_zone_code', `要素 #${i + 1}「${zone.name}」的编码或 id 与要素 #${earlier + 1} 重复`, {
        feature: i + 1, featureIndex: i, otherFeature: earlier + 1, code: zone.code, id: zone.id,
      });
    }
    codes.set(zone.code, i);
    ids.set(zone.id, i);
  });
  return zones;
}
