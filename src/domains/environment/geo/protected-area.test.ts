import { describe, expect, it } from 'vitest';
import type { Position } from './geojson-schema';
import { sumProtectedArea } from './protected-area';
import { parseZones } from './zone-import';

/*
 * All zones are rectangles in the latitude band 0–1°N, so each area is (longitude width) × the area
 * of a 1°×1° equatorial cell, 12,308.4639 km² (closed form, see geodesic-area.test.ts).
 *   A  [0, 1]      一级, 320102   → 1 cell
 *   D  [0.25, 0.75] 一级, 320102  → 0.5 cell, inside A
 *   B  [0.5, 1.5]  二级, 320104   → 1 cell, overlaps A on [0.5, 1]
 *   C  [3, 4]      二级, no code  → 1 cell
 * Union of all: [0, 1.5] ∪ [3, 4] = 2.5 cells. Sum: 3.5 cells.
 * 一级: union 1 (D inside A), sum 1.5, overlap 0.5. 二级: union 2, sum 2.
 * 一级 + 二级 unions = 3 cells > the 2.5-cell total, because A and B overlap across tiers.
 */
const CELL = 12_308.4639;
const rect = (x0: number, x1: number): Position[] => [[x0, 0], [x1, 0], [x1, 1], [x0, 1], [x0, 0]];
const zone = (code: string, tier: string, x0: number, x1: number, territoryCode?: string) => ({
  type: 'Feature',
  properties: { name: code, code, type: '生态保护红线', tier, ...(territoryCode ? { territoryCode } : {}) },
  geometry: { type: 'Polygon', coordinates: [rect(x0, x1)] },
});
const zones = parseZones({
  type: 'FeatureCollection',
  features: [
    zone('A', '一级管控区', 0, 1, '320102'),
    zone('D', '一级管控区', 0.25, 0.75, '320102'),
    zone('B', '二级管控区', 0.5, 1.5, '320104'),
    zone('C', '二级管控区', 3, 4),
  ],
});

describe('sumProtectedArea', () => {
  it('totals by tier without double counting inside a tier', () => {
    const totals = sumProtectedArea(zones, 'tier');
    const rows = totals.groups.map((g) => [g.key, g.zoneCount, g.unionKm2 / CELL, g.sumKm2 / CELL, g.overlapKm2 / CELL]);
    const expected = [
      ['一级管控区', 2, 1, 1.5, 0.5],
      ['二级管控区', 2, 2, 2, 0],
    ];
    rows.forEach((row, i) => {
      expect(row.slice(0, 2)).toEqual(expected[i]!.slice(0, 2));
      row.slice(2).forEach((v, k) => expect(v as number).toBeCloseTo(expected[i]![k + 2] as number, 6));
    });
    expect(totals.totalUnionKm2 / CELL).toBeCloseTo(2.5, 6);
    expect(totals.totalSumKm2 / CELL).toBeCloseTo(3.5, 6);
  });

  it('totals by territory, with zones lacking a code under null (listed last)', () => {
    const totals = sumProtectedArea(zones, 'territory');
    expect(totals.groups.map((g) => g.key)).toEqual(['320102', '320104', null]);
    expect(totals.groups.map((g) => Number((g.unionKm2 / CELL).toFixed(6)))).toEqual([1, 1, 1]);
  });

  it('returns zero totals for no zones', () => {
    expect(sumProtectedArea([], 'type')).toEqual({ groupBy: 'type', groups: [], totalUnionKm2: 0, totalSumKm2: 0 });
  });
});
