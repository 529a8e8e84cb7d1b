import { describe, expect, it } from 'vitest';
import type { Position } from './geojson-schema';
import { validatePolygonRings, validateZoneGeometry } from './geometry-validation';
import { planarRingArea2, flattenPositions } from './planar-primitives';

const ref = { index: 2, name: '某某湿地', code: 'SD-03' };
const square: Position[] = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
const hole: Position[] = [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]];

describe('validatePolygonRings: invalid rings name the feature', () => {
  it.each([
    ['an open ring', [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 1]]], 'geo.ring_not_closed', '要素 #3「某某湿地」外环未闭合（首尾坐标不一致）'],
    ['too few positions', [[[0, 0], [4, 0], [0, 0]]], 'geo.ring_too_short', '要素 #3「某某湿地」外环坐标点不足（至少 4 个且首尾相同）'],
    ['too few after dropping repeats', [[[0, 0], [4, 0], [4, 0], [0, 0]]], 'geo.ring_too_short', '要素 #3「某某湿地」外环去除重复点后坐标点不足'],
    ['a bow-tie', [[[0, 0], [4, 4], [4, 0], [0, 4], [0, 0]]], 'geo.self_intersection', '要素 #3「某某湿地」外环自相交'],
    ['a ring touching itself at a vertex', [[[0, 0], [4, 0], [2, 2], [4, 4], [0, 4], [2, 2], [0, 0]]], 'geo.self_intersection', '要素 #3「某某湿地」外环自相交'],
    ['a spike (edge doubling back)', [[[0, 0], [4, 0], [4, 4], [4, 2], [0, 4], [0, 0]]], 'geo.self_intersection', '要素 #3「某某湿地」外环自相交'],
    ['a hole outside the shell', [square, [[5, 5], [5, 6], [6, 6], [6, 5], [5, 5]]], 'geo.hole_outside_shell', '要素 #3「某某湿地」第 1 个内环不在外环内'],
    ['a hole crossing the shell', [square, [[3, 1], [3, 2], [5, 2], [5, 1], [3, 1]]], 'geo.ring_crossing', '要素 #3「某某湿地」外环与第 1 个内环相交'],
    ['a bow-tie hole', [square, [[1, 1], [2, 2], [2, 1], [1, 2], [1, 1]]], 'geo.self_intersection', '要素 #3「某某湿地」第 1 个内环自相交'],
    ['a hole inside another hole', [square, [[0.5, 0.5], [0.5, 3], [3, 3], [3, 0.5], [0.5, 0.5]], hole], 'geo.nested_holes', '要素 #3「某某湿地」第 2 个内环位于第 1 个内环内'],
  ] as [string, Position[][], string, string][])('rejects %s', (_name, rings, code, message) => {
    expect(() => validatePolygonRings([rings], ref)).toThrow(expect.objectContaining({ code, message }));
  });

  it('reports where a bow-tie crosses itself and which feature it is', () => {
    try {
      validatePolygonRings([[[[0, 0], [4, 4], [4, 0], [0, 4], [0, 0]]]], ref);
      expect.unreachable();
    } catch (error) {
      // the diagonals (0,0)→(4,4) and (4,0)→(0,4) cross at (2,2)
      expect(error).toMatchObject({ kind: 'invalid', details: { feature: 3, featureIndex: 2, name: '某某湿地', code: 'SD-03', at: [2, 2] } });
    }
  });

  it.each([
    ['overlapping parts', [[square], [[[2, 2], [6, 2], [6, 6], [2, 6], [2, 2]]]], 'geo.overlapping_parts'],
    ['parts sharing an edge', [[square], [[[4, 0], [8, 0], [8, 4], [4, 4], [4, 0]]]], 'geo.overlapping_parts'],
    ['one part inside another', [[square], [[[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]]]], 'geo.overlapping_parts'],
  ] as [string, Position[][][], string][])('rejects a multipolygon with %s', (_name, polygons, code) => {
    expect(() => validatePolygonRings(polygons, ref)).toThrow(expect.objectContaining({ code, message: expect.stringMatching(/第 [12] 部分与第 [12] 部分/) }));
  });

  it('names a footprint "项目范围" and a multipolygon part by number', () => {
    expect(() => validatePolygonRings([[square], [[[5, 0], [5, 1], [5, 0], [5, 0]]]], { index: null })).toThrow(
      expect.objectContaining({ code: 'geo.ring_too_short', message: expect.stringMatching(/^项目范围第 2 部分外环/) }),
    );
  });
});

describe('validatePolygonRings: valid shapes', () => {
  it.each([
    ['a square with a hole', [[square, hole]]],
    ['a hole touching the shell at one point', [[square, [[0, 2], [1, 3], [1, 1], [0, 2]]]]],
    ['parts touching at one corner', [[square], [[[4, 4], [5, 4], [5, 5], [4, 5], [4, 4]]]]],
    ['an island inside the hole of another part', [[square, hole], [[[1.2, 1.2], [1.8, 1.2], [1.8, 1.8], [1.2, 1.8], [1.2, 1.2]]]]],
  ] as [string, Position[][][]][])('accepts %s', (_name, polygons) => {
    expect(() => validatePolygonRings(polygons, ref)).not.toThrow();
  });

  it('drops repeated positions and rewinds to shell counter-clockwise, holes clockwise', () => {
    const clockwiseShell: Position[] = [[0, 0], [0, 4], [0, 4], [4, 4], [4, 0], [0, 0]];
    const counterClockwiseHole: Position[] = [[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]];
    const result = validateZoneGeometry({ type: 'Polygon', coordinates: [clockwiseShell, counterClockwiseHole] }, ref);
    const [shell, h] = result.coordinates;
    expect(shell).toHaveLength(5);
    expect(planarRingArea2(flattenPositions(shell!))).toBeGreaterThan(0);
    expect(planarRingArea2(flattenPositions(h!))).toBeLessThan(0);
  });

  it('handles rings large enough to use the segment index (> 32 segments)', () => {
    const circle: Position[] = Array.from({ length: 100 }, (_, i) => [Math.cos((i * Math.PI) / 50), Math.sin((i * Math.PI) / 50)] as Position);
    circle.push(circle[0]!);
    expect(() => validatePolygonRings([[circle]], ref)).not.toThrow();
    const crossed = [...circle];
    crossed[50] = [1.5, 0]; // vertex 50 (was (−1,0)) moved across the circle: its edges cross the ring
    expect(() => validatePolygonRings([[crossed]], ref)).toThrow(expect.objectContaining({ code: 'geo.self_intersection' }));
  });
});
