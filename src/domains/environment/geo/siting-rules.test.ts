import { describe, expect, it } from 'vitest';
import { defaultControlRuleSet, type ControlRuleSet } from './control-rules';
import type { FootprintGeometry, Position } from './geojson-schema';
import { checkSiting } from './siting-rules';
import { buildZoneIndex } from './zone-index';
import { parseZones } from './zone-import';

/*
 * Hand values used below (WGS84, a = 6,378,137 m, e² = 0.00669437999):
 * - 1° of longitude at the equator = a·π/180 = 111,319.4908 m (N(0) = a);
 * - 1° of latitude at the equator = a(1−e²)·π/180 = 110,574.2758 m (M(0)); at 0.005°–0.012° latitude the
 *   change of M and N is below 1e-8 relative, so these constants are used as they are.
 * Near the equator the model area of an axis-aligned rectangle is proportional to its longitude width
 * within one latitude band, so shares of such rectangles are exact ratios of widths.
 * A 0.001° × 0.001° cell at the equator: 111.3194908 m × 110.5742758 m = 12,309.07 m².
 */
const LON_M = 111_319.4908;
const LAT_M = 110_574.2758;

function rect(x0: number, y0: number, x1: number, y1: number): Position[] {
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
}

type ZoneSpec = { code: string; tier: string; type?: string; rings: Position[][][] };

function makeIndex(specs: ZoneSpec[]) {
  const zones = parseZones({
    type: 'FeatureCollection',
    features: specs.map((s) => ({
      type: 'Feature',
      properties: { name: `区${s.code}`, code: s.code, type: s.type ?? '生态保护红线', tier: s.tier },
      geometry: s.rings.length === 1 ? { type: 'Polygon', coordinates: s.rings[0] } : { type: 'MultiPolygon', coordinates: s.rings },
    })),
  });
  return buildZoneIndex(zones);
}

const T1 = '一级管控区';
const T2 = '二级管控区';

// Zone H: square 0.01° with a 0.002° hole in the middle. Zone M: two parts. Zone S: plain square.
const index = makeIndex([
  { code: 'H', tier: T1, rings: [[rect(0, 0, 0.01, 0.01), rect(0.004, 0.004, 0.006, 0.006)]] },
  { code: 'M', tier: T1, rings: [[rect(0.1, 0, 0.101, 0.001)], [rect(0.102, 0, 0.103, 0.001)]] },
  { code: 'S', tier: T2, rings: [[rect(0.2, 0, 0.21, 0.01)]] },
]);

const point = (x: number, y: number): FootprintGeometry => ({ type: 'Point', coordinates: [x, y] });
const poly = (ring: Position[]): FootprintGeometry => ({ type: 'Polygon', coordinates: [ring] });
const line = (...pts: Position[]): FootprintGeometry => ({ type: 'LineString', coordinates: pts });

describe('checkSiting: geometry cases', () => {
  it.each([
    // [case, footprint, zone codes met, contact of first, share]
    ['point inside the ring of a holed zone', point(0.002, 0.002), ['H'], 'interior', 1],
    ['point inside the hole', point(0.005, 0.005), [], null, null],
    ['point on the outer boundary', point(0, 0.005), ['H'], 'boundary', 0],
    ['point on the hole boundary', point(0.004, 0.005), ['H'], 'boundary', 0],
    ['polygon inside the hole', poly(rect(0.0045, 0.0045, 0.0055, 0.0055)), [], null, null],
    ['polygon inside the ring', poly(rect(0.001, 0.001, 0.002, 0.002)), ['H'], 'interior', 1],
    // [0.003,0.005]×[0.0045,0.0055]: x in [0.003,0.004] is in the ring, [0.004,0.005] in the hole → ½
    ['polygon half over the hole', poly(rect(0.003, 0.0045, 0.005, 0.0055)), ['H'], 'interior', 0.5],
    // the same latitude band [0,0.001]: x overlap [0.0005,0.001] + [0.002,0.0025] = 0.001 of width 0.002 → ½
    ['polygon across both parts of a multipolygon', poly(rect(0.1005, 0, 0.1025, 0.001)), ['M'], 'interior', 0.5],
    ['polygon sharing an edge (touching)', poly(rect(0.01, 0, 0.02, 0.01)), ['H'], 'boundary', 0],
    ['polygon touching at a corner', poly(rect(0.01, 0.01, 0.02, 0.02)), ['H'], 'boundary', 0],
    ['polygon between the parts of a multipolygon', poly(rect(0.1012, 0.0002, 0.1018, 0.0008)), [], null, null],
    // x in [0.205,0.215] of which [0.205,0.21] inside S → ½ (same latitude band)
    ['polygon partly inside', poly(rect(0.205, 0.002, 0.215, 0.004)), ['S'], 'interior', 0.5],
  ])('%s', (_name, footprint, codes, contact, share) => {
    const result = checkSiting(index, footprint, 'industrial', defaultControlRuleSet);
    expect(result.intersections.map((i) => i.code)).toEqual(codes);
    if (contact !== null) {
      expect(result.intersections[0]!.contact).toBe(contact);
      expect(result.intersections[0]!.shareOfFootprint).toBeCloseTo(share!, 9);
    }
  });

  it('reports the overlap area of a partly inside rectangle in m² (12,309.07 m² for 0.001°×0.001° at the equator)', () => {
    // footprint [0.209,0.211]×[0,0.001]: inside part [0.209,0.21]×[0,0.001] = one 0.001° cell.
    const result = checkSiting(index, poly(rect(0.209, 0, 0.211, 0.001)), 'industrial', defaultControlRuleSet);
    const hit = result.intersections[0]!;
    // Tolerance 1e-4 relative: the hand value treats M and N as constant across the cell (error < 1e-8).
    expect(hit.overlapAreaM2).toBeCloseTo(12_309.07, 0);
    expect(result.footprint.areaM2).toBeCloseTo(2 * 12_309.07, 0);
    expect(hit.shareOfFootprint).toBeCloseTo(0.5, 9);
  });

  it('clips a non-convex (L-shaped) footprint exactly', () => {
    // L = [0.205,0.215]×[0.002,0.003] ∪ [0.205,0.206]×[0.003,0.004]; inside S (x ≤ 0.21):
    // [0.205,0.21]×[0.002,0.003] + [0.205,0.206]×[0.003,0.004] = 5 + 1 = 6 cells of 0.001°, of 11 cells.
    const lShape: Position[] = [[0.205, 0.002], [0.215, 0.002], [0.215, 0.003], [0.206, 0.003], [0.206, 0.004], [0.205, 0.004], [0.205, 0.002]];
    const hit = checkSiting(index, poly(lShape), 'industrial', defaultControlRuleSet).intersections[0]!;
    expect(hit.shareOfFootprint).toBeCloseTo(6 / 11, 6);
    expect(hit.overlapAreaM2 / 12_309.07).toBeCloseTo(6, 3);
  });

  it('clips a non-convex footprint against a non-convex zone (triangulated path)', () => {
    // Zone U = [0.3,0.33]×[0,0.03] minus the notch [0.31,0.32]×[0.01,0.03] (open at the top).
    // Footprint L = [0.305,0.325]×[0.005,0.015] ∪ [0.305,0.31]×[0.015,0.02], in 0.001° cells: 200 + 25 = 225.
    // Inside U: the band y < 0.01 (20×5 = 100), both arms for 0.01 ≤ y < 0.015 (5×5 + 5×5 = 50),
    // the left arm for y ≥ 0.015 (25) → 175 cells → share 175/225 = 7/9. (Cell areas differ by < 1e-7
    // between 0° and 0.03° latitude, hence the 1e-6 tolerance.)
    const uIndex = makeIndex([{ code: 'U', tier: T2, rings: [[[[0.3, 0], [0.33, 0], [0.33, 0.03], [0.32, 0.03], [0.32, 0.01], [0.31, 0.01], [0.31, 0.03], [0.3, 0.03], [0.3, 0]]]] }]);
    const lShape: Position[] = [[0.305, 0.005], [0.325, 0.005], [0.325, 0.015], [0.31, 0.015], [0.31, 0.02], [0.305, 0.02], [0.305, 0.005]];
    const hit = checkSiting(uIndex, poly(lShape), 'industrial', defaultControlRuleSet).intersections[0]!;
    expect(hit.shareOfFootprint).toBeCloseTo(7 / 9, 6);
    expect(hit.overlapAreaM2 / 12_309.07).toBeCloseTo(175, 1);
    // The same L with every edge split into 100 collinear pieces (600 vertices) goes through turf
    // `intersect` instead of triangles, and must give the same share.
    const dense: Position[] = lShape.slice(0, -1).flatMap(([x0, y0], i) => {
      const [x1, y1] = lShape[i + 1]!;
      return Array.from({ length: 100 }, (_, k): Position => [x0 + ((x1 - x0) * k) / 100, y0 + ((y1 - y0) * k) / 100]);
    });
    dense.push(dense[0]!);
    const denseHit = checkSiting(uIndex, poly(dense), 'industrial', defaultControlRuleSet).intersections[0]!;
    expect(denseHit.shareOfFootprint).toBeCloseTo(7 / 9, 6);
  });

  it('measures a line crossing a zone: length inside and share of length', () => {
    // from x = 0.099 to 0.1015 at y = 0.0005: crosses M's first part [0.1, 0.101] only → 0.001° inside of 0.0025°.
    const result = checkSiting(index, line([0.099, 0.0005], [0.1015, 0.0005]), 'industrial', defaultControlRuleSet);
    const hit = result.intersections[0]!;
    expect(hit.code).toBe('M');
    expect(hit.lengthM!).toBeCloseTo(0.001 * LON_M, 2); // 111.32 m inside
    expect(hit.shareOfFootprint).toBeCloseTo(0.001 / 0.0025, 6);
    expect(result.footprint.lengthM).toBeCloseTo(0.0025 * LON_M, 2);
  });

  it.each([
    ['a line along the boundary touches', line([0.2, 0], [0.21, 0]), 'boundary'],
    ['a line ending on the boundary touches', line([0.19, 0.005], [0.2, 0.005]), 'boundary'],
  ])('%s', (_name, footprint, contact) => {
    const hit = checkSiting(index, footprint, 'industrial', defaultControlRuleSet).intersections[0]!;
    expect(hit.contact).toBe(contact);
    expect(hit.lengthM).toBe(0);
  });

  it('treats a zero-length line (one repeated position) inside a zone as meeting it', () => {
    const hit = checkSiting(index, line([0.205, 0.005], [0.205, 0.005]), 'industrial', defaultControlRuleSet).intersections[0]!;
    expect([hit.code, hit.contact, hit.lengthM, hit.shareOfFootprint]).toEqual(['S', 'interior', 0, 0]);
  });

  it('gives no intersection for a line inside a hole', () => {
    expect(checkSiting(index, line([0.0045, 0.005], [0.0055, 0.005]), 'industrial', defaultControlRuleSet).intersections).toEqual([]);
  });
});

describe('checkSiting: nearest zone when outside', () => {
  it.each([
    // point east of S by 0.01° of longitude at the equator: 0.01 × 111,319.49 = 1,113.19 m
    ['east of a square', point(0.22, 0.005), 'S', 0.01 * LON_M],
    // inside H's hole: the hole's edge is 0.001° away in both axes; latitude is shorter: 110.57 m
    ['inside a hole', point(0.005, 0.005), 'H', 0.001 * LAT_M],
    // to the corner (0.21, 0.01) of S: √((0.003·111,319.49)² + (0.004·110,574.28)²) = √(333.958² + 442.297²) = 554.22 m
    ['diagonal to a corner', point(0.213, 0.014), 'S', 554.216],
  ])('%s', (_name, footprint, code, distance) => {
    const result = checkSiting(index, footprint, 'industrial', defaultControlRuleSet);
    expect(result.verdict).toBe('allowed');
    expect(result.nearest?.zoneId).toBe(code);
    expect(result.nearest!.distanceM).toBeCloseTo(distance, 1);
  });

  it('finds a zone far beyond the first search radius (≈ 33 km)', () => {
    const result = checkSiting(index, point(0.51, 0.005), 'industrial', defaultControlRuleSet);
    expect(result.nearest?.zoneId).toBe('S');
    expect(result.nearest!.distanceM).toBeCloseTo(0.3 * LON_M, 0);
  });

  it('measures from a polygon footprint to the nearest zone edge', () => {
    // rectangle [0.212,0.214]×[0.004,0.006]: its west edge is 0.002° east of S → 222.64 m
    const result = checkSiting(index, poly(rect(0.212, 0.004, 0.214, 0.006)), 'industrial', defaultControlRuleSet);
    expect(result.nearest!.distanceM).toBeCloseTo(0.002 * LON_M, 1);
  });

  it('has no nearest zone when there are no zones, and skips the search when asked', () => {
    expect(checkSiting(buildZoneIndex([]), point(1, 1), 'industrial', defaultControlRuleSet).nearest).toBeNull();
    expect(checkSiting(index, point(0.22, 0.005), 'industrial', defaultControlRuleSet, { withNearest: false }).nearest).toBeNull();
  });
});

describe('checkSiting: verdict and rules', () => {
  // Two overlapping zones of different tiers around the point (0.305, 0.005).
  const tiered = makeIndex([
    { code: 'A1', tier: T1, rings: [[rect(0.3, 0, 0.31, 0.01)]] },
    { code: 'B2', tier: T2, rings: [[rect(0.3, 0, 0.32, 0.01)]] },
    { code: 'W1', tier: T1, type: '饮用水水源保护区', rings: [[rect(0.4, 0, 0.41, 0.01)]] },
    { code: 'X3', tier: '三级管控区', rings: [[rect(0.5, 0, 0.51, 0.01)]] },
  ]);

  it.each([
    // [case, x, projectType, verdict, outcomes by zone]
    ['tier-1 prohibits industry, strictest wins', 0.305, 'industrial', 'prohibited', { A1: 'prohibited', B2: 'prohibited' }],
    ['research: 一级 conditional + 二级 allowed → conditional', 0.305, 'research_monitoring', 'conditional', { A1: 'conditional', B2: 'allowed' }],
    ['research only in the 二级 zone → allowed', 0.315, 'research_monitoring', 'allowed', { B2: 'allowed' }],
    ['linear infrastructure only in 二级 → conditional', 0.315, 'linear_infrastructure', 'conditional', { B2: 'conditional' }],
    ['unknown project type → tier defaults', 0.305, 'space_port', 'prohibited', { A1: 'prohibited', B2: 'conditional' }],
    ['zone-type rule: water facility in a 水源 一级 zone', 0.405, 'water_facility', 'conditional', { W1: 'conditional' }],
    ['without a zone-type rule the 一级 default applies', 0.305, 'water_facility', 'prohibited', { A1: 'prohibited', B2: 'conditional' }],
    ['tier not configured → fallback', 0.505, 'industrial', 'conditional', { X3: 'conditional' }],
  ])('%s', (_name, x, projectType, verdict, outcomes) => {
    const result = checkSiting(tiered, point(x, 0.005), projectType, defaultControlRuleSet);
    expect(result.verdict).toBe(verdict);
    expect(Object.fromEntries(result.intersections.map((i) => [i.code, i.ruleOutcome]))).toEqual(outcomes);
    expect(result.trace.at(-1)!.outcome).toBe(verdict);
  });

  it('names the rule source for a default rule', () => {
    const result = checkSiting(tiered, point(0.315, 0.005), 'space_port', defaultControlRuleSet);
    expect(result.intersections[0]!.ruleSource).toBe('tier_default');
    expect(result.intersections[0]!.ruleText).toBe(defaultControlRuleSet.tierDefaults[1]!.text);
    expect(result.trace[0]).toEqual({ step: 'zone', zoneId: 'B2', contact: 'interior', ruleSource: 'tier_default', matchedOutcome: 'conditional', outcome: 'conditional' });
  });

  it('caps a boundary-only contact at conditional by default, and explains it', () => {
    const result = checkSiting(tiered, poly(rect(0.29, 0, 0.3, 0.01)), 'industrial', defaultControlRuleSet);
    expect(result.intersections.map((i) => [i.code, i.contact, i.ruleOutcome])).toEqual([
      ['A1', 'boundary', 'conditional'],
      ['B2', 'boundary', 'conditional'],
    ]);
    expect(result.verdict).toBe('conditional');
    expect(result.trace).toEqual([
      { step: 'zone', zoneId: 'A1', contact: 'boundary', ruleSource: 'tier_default', matchedOutcome: 'prohibited', outcome: 'conditional' },
      { step: 'zone', zoneId: 'B2', contact: 'boundary', ruleSource: 'rule', matchedOutcome: 'prohibited', outcome: 'conditional' },
      { step: 'verdict', zoneId: 'A1', outcome: 'conditional', zoneCount: 2 },
    ]);
  });

  it('keeps an allowed rule allowed on boundary contact, and honours a stricter cap', () => {
    const touching = poly(rect(0.32, 0, 0.33, 0.01)); // touches B2 only
    expect(checkSiting(tiered, touching, 'research_monitoring', defaultControlRuleSet).verdict).toBe('allowed');
    const strict: ControlRuleSet = { ...defaultControlRuleSet, boundaryContactCap: 'prohibited' };
    expect(checkSiting(tiered, touching, 'industrial', strict).verdict).toBe('prohibited');
  });

  it('says so in the trace when the footprint is outside all zones', () => {
    const result = checkSiting(tiered, point(0.35, 0.005), 'industrial', defaultControlRuleSet);
    expect(result).toMatchObject({ verdict: 'allowed', intersections: [] });
    expect(result.trace).toEqual([{ step: 'outside', zoneId: null, outcome: 'allowed' }]);
  });

  it('rejects an invalid footprint polygon, naming the footprint', () => {
    const bowTie = poly([[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]);
    expect(() => checkSiting(tiered, bowTie, 'industrial', defaultControlRuleSet)).toThrow(
      expect.objectContaining({ code: 'geo.self_intersection', message: '项目范围外环自相交' }),
    );
  });
});
