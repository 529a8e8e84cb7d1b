import { describe, expect, it } from 'vitest';
import { authalicRadiusM, computeGeodesicAreaM2 } from './geodesic-area';
import { computeDistanceM, computeLineLengthM, metresPerDegreeLat, metresPerDegreeLon } from './geodesic-distance';
import type { Position } from './geojson-schema';
import { flattenPositions } from './planar-primitives';

const cell = (x0: number, y0: number, x1: number, y1: number): Position[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

/*
 * Expected cell areas come from the closed form for the area on the ellipsoid between the equator and
 * latitude φ per radian of longitude (e.g. Snyder 1987, eq. 3-12 integrated; b = a(1−f)):
 *   S(φ) = (b²/2)·[sin φ/(1 − e² sin²φ) + (1/(2e))·ln((1 + e sin φ)/(1 − e sin φ))]
 * WGS84: a = 6,378,137, f = 1/298.257223563, e² = 0.00669437999014.
 *   1°×1° at the equator: S(1°)·π/180 = 12,308.4639 km² (cross-check: a·π/180 × a(1−e²)·π/180 =
 *   111,319.49 m × 110,574.28 m = 12,309.07 km², the flat approximation, 0.005 % higher).
 *   1°×1° at 30–31°N: (S(31°) − S(30°))·π/180 = 10,642.39 km².
 * For comparison a sphere of R = 6,371,008.8 m (turf) gives R²·(π/180)·sin 1° = 12,363.72 km² for the
 * equatorial cell: we do not expect that value.
 */
const EQUATOR_CELL_KM2 = 12_308.4639;

describe('computeGeodesicAreaM2', () => {
  it.each([
    ['1°×1° at the equator', cell(0, 0, 1, 1), EQUATOR_CELL_KM2],
    ['1°×1° at 30–31°N (lon 118–119)', cell(118, 30, 119, 31), 10_642.39],
    ['1°×1° south of the equator (symmetry)', cell(0, -1, 1, 0), EQUATOR_CELL_KM2],
  ])('%s', (_name, ring, km2) => {
    expect(computeGeodesicAreaM2({ type: 'Polygon', coordinates: [ring] }) / 1e6).toBeCloseTo(km2, 2);
  });

  it('integrates a diagonal edge (straight in lon/lat) accurately', () => {
    // Triangle (118,30)–(119,30)–(118,31): at latitude φ its longitude width is 1° − (φ − 30°), so
    // A = ∫ (L − (φ − φ0))·M(φ)·N(φ)·cos φ dφ over 30°–31° (L = 1° in radians) = 5,330.133 km²
    // (midpoint rule with 200,000 steps, an independent integration). The same triangle at the equator
    // gives 6,154.384 km², not half the cell (6,154.232 km²), because area per degree falls with latitude.
    const at30 = computeGeodesicAreaM2({ type: 'Polygon', coordinates: [[[118, 30], [119, 30], [118, 31], [118, 30]]] });
    expect(at30 / 1e6).toBeCloseTo(5_330.133, 2);
    const atEquator = computeGeodesicAreaM2({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 1], [0, 0]]] });
    expect(atEquator / 1e6).toBeCloseTo(6_154.384, 2);
  });

  it('does not depend on ring orientation', () => {
    const ring = cell(118, 30, 119, 31);
    expect(computeGeodesicAreaM2({ type: 'Polygon', coordinates: [[...ring].reverse()] })).toBeCloseTo(
      computeGeodesicAreaM2({ type: 'Polygon', coordinates: [ring] }),
      3,
    );
  });

  it('subtracts holes and adds multipolygon parts', () => {
    // shell 1°×1° at the equator minus the hole [0.25,0.75]×[0,1]: half a cell in the same latitude band.
    const withHole = computeGeodesicAreaM2({ type: 'Polygon', coordinates: [cell(0, 0, 1, 1), cell(0.25, 0, 0.75, 1).reverse()] });
    expect(withHole / 1e6).toBeCloseTo(EQUATOR_CELL_KM2 / 2, 2);
    const twoParts = computeGeodesicAreaM2({ type: 'MultiPolygon', coordinates: [[cell(0, 0, 1, 1)], [cell(5, 0, 6, 1)]] });
    expect(twoParts / 1e6).toBeCloseTo(2 * EQUATOR_CELL_KM2, 2);
  });

  it('uses the authalic radius of WGS84 (6,371,007.18 m)', () => {
    expect(authalicRadiusM).toBeCloseTo(6_371_007.18, 2);
  });
});

/*
 * Tabulated lengths (WGS84): 1° of longitude at the equator = a·π/180 = 111,319.49 m;
 * the meridian arc from 0° to 1° = 110,574.39 m (numerical integral of M(φ) over 0–1°);
 * at 30°N, 1° of longitude = N(30°)·cos 30°·π/180 = 96,486.28 m.
 */
describe('geodesic distance', () => {
  it.each([
    ['1° of longitude at the equator', [0, 0, 1, 0], 111_319.49],
    ['1° of latitude from the equator', [0, 0, 0, 1], 110_574.39],
  ] as [string, [number, number, number, number], number][])('%s', (_name, [x1, y1, x2, y2], metres) => {
    expect(computeDistanceM(x1, y1, x2, y2)).toBeCloseTo(metres, 0);
  });

  it('gives metres per degree of longitude at 30°N', () => {
    expect(metresPerDegreeLon(30)).toBeCloseTo(96_486.28, 1);
    expect(metresPerDegreeLat(0)).toBeCloseTo(110_574.28, 1);
  });

  it('sums segment lengths of a line', () => {
    const line = flattenPositions([[0, 0], [0.5, 0], [1, 0]]);
    expect(computeLineLengthM(line)).toBeCloseTo(111_319.49, 0);
  });
});
