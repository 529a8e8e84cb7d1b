import { describe, expect, it } from 'vitest';
import { clipRingByConvexRing } from './footprint-relations';
import {
  classifySegments,
  flattenPositions,
  isConvexRing,
  locatePointInPolygon,
  planarRingArea2,
  type SegmentContact,
} from './planar-primitives';

describe('classifySegments', () => {
  it.each([
    ['crossing diagonals', [0, 0, 2, 2], [0, 2, 2, 0], 'proper'],
    ['T-junction', [0, 0, 2, 0], [1, 0, 1, 1], 'touch'],
    ['shared endpoint', [0, 0, 1, 0], [1, 0, 1, 1], 'touch'],
    ['collinear overlap', [0, 0, 2, 0], [1, 0, 3, 0], 'collinear'],
    ['collinear, end to end', [0, 0, 1, 0], [1, 0, 2, 0], 'touch'],
    ['collinear, apart', [0, 0, 1, 0], [2, 0, 3, 0], 'none'],
    ['parallel', [0, 0, 1, 0], [0, 1, 1, 1], 'none'],
    ['lines would cross beyond the segment', [0, 0, 1, 1], [3, 0, 2, 1], 'none'],
  ] as [string, number[], number[], SegmentContact][])('%s → %s', (_name, ab, cd, expected) => {
    const [ax, ay, bx, by] = ab as [number, number, number, number];
    const [cx, cy, dx, dy] = cd as [number, number, number, number];
    expect(classifySegments(ax, ay, bx, by, cx, cy, dx, dy)).toBe(expected);
    expect(classifySegments(cx, cy, dx, dy, ax, ay, bx, by)).toBe(expected);
  });
});

describe('locatePointInPolygon', () => {
  const rings = [
    flattenPositions([[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]),
    flattenPositions([[1, 1], [1, 3], [3, 3], [3, 1], [1, 1]]),
  ];
  it.each([
    ['in the ring', 0.5, 0.5, 1],
    ['in the hole', 2, 2, -1],
    ['on the shell edge', 4, 2, 0],
    ['on a shell vertex', 0, 0, 0],
    ['on the hole edge', 1, 2, 0],
    ['outside', 5, 2, -1],
    ['level with a vertex, outside', -1, 4, -1],
  ])('%s', (_name, x, y, expected) => {
    expect(locatePointInPolygon(x, y, rings)).toBe(expected);
  });
});

describe('isConvexRing and clipRingByConvexRing', () => {
  it('tells convex from concave rings', () => {
    expect(isConvexRing(flattenPositions([[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]))).toBe(true);
    expect(isConvexRing(flattenPositions([[0, 0], [2, 0], [2, 2], [1, 1], [0, 2], [0, 0]]))).toBe(false);
  });

  it('clips a concave ring by a square with the planar area expected by hand', () => {
    // U shape: [0,3]×[0,3] minus the notch [1,2]×[1,3]; area 9 − 2 = 7. Clip [0,3]×[0,2]:
    // bottom band [0,3]×[0,1] = 3 plus the two arms [0,1]×[1,2] and [2,3]×[1,2] = 2 → 5 (twice: 10).
    const u = flattenPositions([[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]);
    const clip = flattenPositions([[0, 0], [3, 0], [3, 2], [0, 2], [0, 0]]);
    expect(planarRingArea2(clipRingByConvexRing(u, clip))).toBeCloseTo(10, 12);
    // a clockwise clip ring gives the same result
    const clipCw = flattenPositions([[0, 0], [0, 2], [3, 2], [3, 0], [0, 0]]);
    expect(planarRingArea2(clipRingByConvexRing(u, clipCw))).toBeCloseTo(10, 12);
  });

  it('returns an empty ring when there is no overlap', () => {
    const a = flattenPositions([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
    const b = flattenPositions([[2, 2], [3, 2], [3, 3], [2, 3], [2, 2]]);
    expect(clipRingByConvexRing(a, b)).toHaveLength(0);
  });
});
