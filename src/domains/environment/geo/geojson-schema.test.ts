import { describe, expect, it } from 'vitest';
import { parseFootprint, parseFootprintCollection } from './footprint-input';
import { parseGeoJson } from './geojson-schema';

describe('parseGeoJson: bad input gets geo.invalid_geojson', () => {
  it.each([
    ['JSON text that does not parse', '{"type": "Feature",', 'not_json'],
    ['a number', 42, 'not_geojson'],
    ['null', null, 'not_geojson'],
    ['an object without type', { features: [] }, 'not_geojson'],
    ['an array', [[1, 2]], 'not_geojson'],
  ])('rejects %s', (_name, input, reason) => {
    expect(() => parseGeoJson(input)).toThrow(expect.objectContaining({ kind: 'invalid', code: 'geo.invalid_geojson', details: { reason } }));
  });

  it.each([
    ['an unknown type', { type: 'Circle', center: [0, 0] }],
    ['GeometryCollection (not supported)', { type: 'GeometryCollection', geometries: [] }],
    ['longitude out of range', { type: 'Point', coordinates: [181, 30] }],
    ['latitude out of range', { type: 'Point', coordinates: [120, -91] }],
    ['a position with one number', { type: 'Point', coordinates: [120] }],
    ['a string coordinate', { type: 'Point', coordinates: ['120', 30] }],
    ['a LineString with one position', { type: 'LineString', coordinates: [[120, 30]] }],
    ['a Polygon without rings', { type: 'Polygon', coordinates: [] }],
    ['a Feature without properties key', { type: 'Feature', geometry: { type: 'Point', coordinates: [120, 30] } }],
    ['a FeatureCollection with a bad feature', { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null, properties: null }, { type: 'Feature' }] }],
  ])('rejects %s with the issue path', (_name, input) => {
    expect(() => parseGeoJson(input)).toThrow(
      expect.objectContaining({ code: 'geo.invalid_geojson', details: { issues: expect.arrayContaining([expect.objectContaining({ message: expect.any(String) })]) } }),
    );
  });

  it('accepts JSON text and drops nothing but what the schema does not know', () => {
    const parsed = parseGeoJson('{"type":"Feature","id":7,"geometry":{"type":"Point","coordinates":[118.8,32.05,12]},"properties":{"a":1}}');
    expect(parsed).toMatchObject({ type: 'Feature', id: 7, geometry: { coordinates: [118.8, 32.05, 12] }, properties: { a: 1 } });
  });
});

describe('parseFootprint', () => {
  it.each([
    ['bare [lon, lat]', [118.8, 32.05], { type: 'Point', coordinates: [118.8, 32.05] }],
    ['a list of positions → LineString', [[118.8, 32.05], [118.81, 32.06]], { type: 'LineString', coordinates: [[118.8, 32.05], [118.81, 32.06]] }],
    ['rings → Polygon', [[[0, 0], [1, 0], [1, 1], [0, 0]]], { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }],
    ['a Feature (altitude dropped)', { type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2, 3] }, properties: null }, { type: 'Point', coordinates: [1, 2] }],
    ['a MultiLineString geometry', { type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]]] }, { type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]]] }],
  ])('accepts %s', (_name, input, expected) => {
    expect(parseFootprint(input)).toEqual(expected);
  });

  it.each([
    ['coordinates out of range', [200, 0], 'geo.invalid_geojson'],
    ['a single position as a line', [[1, 2]], 'geo.invalid_geojson'],
    ['four-deep nesting', [[[[0, 0]]]], 'geo.invalid_geojson'],
    ['a FeatureCollection', { type: 'FeatureCollection', features: [] }, 'geo.invalid_footprint'],
    ['a Feature without geometry', { type: 'Feature', geometry: null, properties: {} }, 'geo.invalid_footprint'],
    ['an open polygon ring', [[[0, 0], [1, 0], [1, 1], [0, 1]]], 'geo.ring_not_closed'],
    ['a bow-tie polygon', { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] }, 'geo.self_intersection'],
  ])('rejects %s', (_name, input, code) => {
    expect(() => parseFootprint(input)).toThrow(expect.objectContaining({ code }));
  });
});

describe('parseFootprintCollection', () => {
  const feature = (id: string | undefined, props: Record<string, unknown>, coordinates: number[]) => ({
    type: 'Feature', ...(id === undefined ? {} : { id }), properties: props, geometry: { type: 'Point', coordinates },
  });

  it('reads ids and project types, defaulting the id to the feature number', () => {
    const items = parseFootprintCollection({
      type: 'FeatureCollection',
      features: [feature('P-1', { projectType: 'industrial' }, [1, 1]), feature(undefined, {}, [2, 2])],
    });
    expect(items).toEqual([
      { id: 'P-1', projectType: 'industrial', geometry: { type: 'Point', coordinates: [1, 1] } },
      { id: '2', projectType: null, geometry: { type: 'Point', coordinates: [2, 2] } },
    ]);
  });

  it('names the feature of an invalid polygon and rejects duplicate ids', () => {
    const bowTie = { type: 'Feature', properties: { name: '拟建厂房' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] } };
    expect(() => parseFootprintCollection({ type: 'FeatureCollection', features: [feature('a', {}, [0, 0]), bowTie] })).toThrow(
      expect.objectContaining({ code: 'geo.self_intersection', message: '要素 #2「拟建厂房」外环自相交' }),
    );
    expect(() => parseFootprintCollection({ type: 'FeatureCollection', features: [feature('a', {}, [0, 0]), feature('a', {}, [1, 1])] })).toThrow(
      expect.objectContaining({ code: 'geo.duplicate_footprint_id' }),
    );
  });
});
