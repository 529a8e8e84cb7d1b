import { describe, expect, it } from 'vitest';
import { computeNoiseCompliance, percentOf } from './noise-statistics-rules';

describe('功能区声环境达标率', () => {
  it('counts day and night separately per zone class and overall', () => {
    const { byZone, all } = computeNoiseCompliance([
      { zone: '1', dayCompliant: true, nightCompliant: false },
      { zone: '1', dayCompliant: true, nightCompliant: true },
      { zone: '4a', dayCompliant: false, nightCompliant: null },
    ]);
    expect(byZone.map((z) => z.zone)).toEqual(['1', '4a']);
    expect(byZone[0]).toMatchObject({ day: { measured: 2, compliant: 2, percent: 100 }, night: { measured: 2, compliant: 1, percent: 50 } });
    expect(byZone[1]?.night).toEqual({ measured: 0, compliant: 0, percent: null });
    expect(all.overall).toEqual({ measured: 5, compliant: 3, percent: 60 });
  });

  it('is undefined (null), not 0, without measurements, and rounds to 0.1 half-even', () => {
    expect(computeNoiseCompliance([]).all.overall.percent).toBeNull();
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(1, 16)).toBe(6.2);
  });
});
