import { describe, expect, it } from 'vitest';
import { parseZones } from './zone-import';

const square = [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]]; // clockwise on purpose
const props = (over: Record<string, unknown> = {}) => ({ name: '玄武湖湿地', code: 'HS-01', type: '湿地', tier: '二级管控区', ...over });
const feature = (p: Record<string, unknown> | null, geometry: unknown, id?: string | number) => ({
  type: 'Feature', ...(id === undefined ? {} : { id }), properties: p, geometry,
});
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

describe('parseZones', () => {
  it('imports a zone with its properties and a rewound geometry', () => {
    const [zone] = parseZones(fc(feature(props({ territoryCode: '320102' }), { type: 'Polygon', coordinates: square })));
    expect(zone).toEqual({
      id: 'HS-01', name: '玄武湖湿地', code: 'HS-01', type: '湿地', tier: '二级管控区', territoryCode: '320102',
      geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] },
    });
  });

  it('uses the feature id when present and accepts a single Feature and MultiPolygons', () => {
    const zones = parseZones(feature(props(), { type: 'MultiPolygon', coordinates: [square] }, 17));
    expect(zones.map((z) => [z.id, z.geometry.type, z.territoryCode])).toEqual([['17', 'MultiPolygon', null]]);
  });

  it.each([
    ['a geometry', { type: 'Point', coordinates: [0, 0] }, 'geo.invalid_geojson'],
    ['a point feature', fc(feature(props(), { type: 'Point', coordinates: [0, 0] })), 'geo.zone_not_polygon'],
    ['a feature without geometry', fc(feature(props(), null)), 'geo.zone_not_polygon'],
    ['a missing name', fc(feature(props({ name: '' }), { type: 'Polygon', coordinates: square })), 'geo.invalid_zone_properties'],
    ['a bad territory code', fc(feature(props({ territoryCode: '南京' }), { type: 'Polygon', coordinates: square })), 'geo.invalid_zone_properties'],
    ['null properties', fc(feature(null, { type: 'Polygon', coordinates: square })), 'geo.invalid_zone_properties'],
  ])('rejects %s', (_name, input, code) => {
    expect(() => parseZones(input)).toThrow(expect.objectContaining({ code }));
  });

  it('names the feature in geometry errors', () => {
    const ok = feature(props(), { type: 'Polygon', coordinates: square });
    const bowTie = feature(props({ name: '某某湿地', code: 'HS-02' }), { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] });
    expect(() => parseZones(fc(ok, bowTie))).toThrow(
      expect.objectContaining({ code: 'geo.self_intersection', message: '要素 #2「某某湿地」外环自相交', details: expect.objectContaining({ feature: 2 }) }),
    );
  });

  it('checks tiers against the configured list', () => {
    const input = fc(feature(props({ tier: '三级管控区' }), { type: 'Polygon', coordinates: square }));
    expect(() => parseZones(input, { tiers: ['一级管控区', '二级管控区'] })).toThrow(
      expect.objectContaining({ code: 'geo.unknown_tier', details: expect.objectContaining({ feature: 1, tier: '三级管控区' }) }),
    );
    expect(parseZones(input)).toHaveLength(1);
  });

  it('rejects duplicate codes, naming both features', () => {
    const input = fc(feature(props(), { type: 'Polygon', coordinates: square }), feature(props({ name: '另一区' }), { type: 'Polygon', coordinates: square }));
    expect(() => parseZones(input)).toThrow(
      expect.objectContaining({ code: 'geo.duplicate_zone_code', details: expect.objectContaining({ feature: 2, otherFeature: 1 }) }),
    );
  });
});
