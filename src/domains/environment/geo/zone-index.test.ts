import { describe, expect, it } from 'vitest';
import { defaultControlRuleSet } from './control-rules';
import type { Position } from './geojson-schema';
import { buildZoneIndex, checkSitingBatch } from './zone-index';
import { parseZones } from './zone-import';

const rect = (x0: number, y0: number, x1: number, y1: number): Position[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

const zones = parseZones({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: '核心区', code: 'K', type: '自然保护地', tier: '一级管控区' }, geometry: { type: 'Polygon', coordinates: [rect(0, 0, 0.01, 0.01)] } },
    { type: 'Feature', properties: { name: '两片湿地', code: 'W', type: '湿地', tier: '二级管控区' }, geometry: { type: 'MultiPolygon', coordinates: [[rect(0.02, 0, 0.03, 0.01)], [rect(0.04, 0, 0.05, 0.01)]] } },
  ],
});
const index = buildZoneIndex(zones);

describe('buildZoneIndex', () => {
  it('indexes one entry per polygon part and keeps zone areas', () => {
    expect(index.parts.map((p) => p.zoneIndex)).toEqual([0, 1, 1]);
    // W has two parts of the same size as K (same latitude band, same width) → twice K's area
    expect(index.zoneAreasM2[1]! / index.zoneAreasM2[0]!).toBeCloseTo(2, 9);
  });

  it('has no tree for no zones', () => {
    expect(buildZoneIndex([]).tree).toBeNull();
  });
});

describe('checkSitingBatch', () => {
  it('checks each footprint with its own project type and counts verdicts', () => {
    const batch = checkSitingBatch(
      index,
      [
        { id: 'in-core', footprint: { type: 'Point', coordinates: [0.005, 0.005] }, projectType: 'industrial' },
        { id: 'in-wetland', footprint: { type: 'Point', coordinates: [0.045, 0.005] }, projectType: 'linear_infrastructure' },
        { id: 'research', footprint: { type: 'Point', coordinates: [0.025, 0.005] }, projectType: 'research_monitoring' },
        { id: 'outside', footprint: { type: 'Point', coordinates: [0.035, 0.005] }, projectType: 'industrial' },
      ],
      defaultControlRuleSet,
    );
    expect(batch.results.map((r) => [r.id, r.verdict, r.intersections.map((i) => i.code)])).toEqual([
      ['in-core', 'prohibited', ['K']],
      ['in-wetland', 'conditional', ['W']],
      ['research', 'allowed', ['W']],
      ['outside', 'allowed', []],
    ]);
    // (0.035, 0.005) is 0.005° of longitude from both wetland parts: 0.005 × 111,319.49 = 556.60 m
    expect(batch.results[3]!.nearest).toMatchObject({ zoneId: 'W' });
    expect(batch.results[3]!.nearest!.distanceM).toBeCloseTo(556.6, 1);
    expect(batch.summary).toEqual({ allowed: 2, conditional: 1, prohibited: 1, total: 4 });
  });

  it('names the position and id of an invalid footprint', () => {
    const bowTie: Position[] = [[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]];
    expect(() =>
      checkSitingBatch(index, [
        { id: 'ok', footprint: { type: 'Point', coordinates: [0, 0] }, projectType: 'industrial' },
        { id: 'P-2', footprint: { type: 'Polygon', coordinates: [bowTie] }, projectType: 'industrial' },
      ], defaultControlRuleSet),
    ).toThrow(expect.objectContaining({ code: 'geo.self_intersection', message: '要素 #2「P-2」外环自相交' }));
  });
});
