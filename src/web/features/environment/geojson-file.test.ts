import { describe, expect, it } from 'vitest';
import { checkZoneFile, describeFootprint, extractFootprint, parseJsonText } from './geojson-file';

const square = { type: 'Polygon', coordinates: [[[121, 31], [121.01, 31], [121.01, 31.01], [121, 31.01], [121, 31]]] };

describe('parseJsonText', () => {
  it('reads JSON with a byte-order mark and reports broken JSON', () => {
    expect(parseJsonText('\uFEFF{"type":"Point"}')).toEqual({ ok: true, value: { type: 'Point' } });
    const bad = parseJsonText('{"type":');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.zh).toContain('不是有效的 JSON');
  });
});

describe('extractFootprint', () => {
  it('accepts a bare geometry, a Feature (name from properties) and a one-feature collection', () => {
    expect(extractFootprint(square)).toEqual({ ok: true, value: { geometry: square, name: null } });
    expect(extractFootprint({ type: 'Feature', geometry: square, properties: { name: ' 物流园 ' } })).toEqual({ ok: true, value: { geometry: square, name: '物流园' } });
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [121, 31] }, properties: null }] };
    expect(extractFootprint(fc)).toMatchObject({ ok: true, value: { geometry: { type: 'Point' } } });
  });

  it('refuses several features, unsupported geometry types and non-GeoJSON', () => {
    const two = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: square }, { type: 'Feature', geometry: square }] };
    const several = extractFootprint(two);
    expect(several.ok).toBe(false);
    if (!several.ok) expect(several.error.zh).toContain('2 个要素');
    expect(extractFootprint({ type: 'GeometryCollection', geometries: [] }).ok).toBe(false);
    expect(extractFootprint({ hello: 'world' }).ok).toBe(false);
    expect(extractFootprint([121, 31]).ok).toBe(false);
  });
});

describe('checkZoneFile', () => {
  it('counts the features of a collection and refuses a bare geometry', () => {
    expect(checkZoneFile({ type: 'FeatureCollection', features: [{}, {}, {}] })).toMatchObject({ ok: true, value: { features: 3 } });
    expect(checkZoneFile({ type: 'Feature', geometry: square })).toMatchObject({ ok: true, value: { features: 1 } });
    expect(checkZoneFile(square).ok).toBe(false);
  });
});

describe('describeFootprint', () => {
  it('counts vertices at any nesting depth', () => {
    expect(describeFootprint({ type: 'Point', coordinates: [121, 31] })).toEqual({ type: 'Point', vertices: 1 });
    expect(describeFootprint(square as never)).toEqual({ type: 'Polygon', vertices: 5 });
    expect(describeFootprint({ type: 'MultiPolygon', coordinates: [square.coordinates, square.coordinates] })).toEqual({ type: 'MultiPolygon', vertices: 10 });
  });
});
