import { describe, expect, it } from 'vitest';
import { computeGoodDayRate } from './air-statistics-rules';
import { thrownCode } from './test-helpers';

describe('computeGoodDayRate', () => {
  it('is null, not 0, without a valid day', () => {
    const stats = computeGoodDayRate([{ aqi: null }, { aqi: null }]);
    expect(stats).toMatchObject({ totalDays: 2, validDays: 0, goodDays: 0, rate: null, percent: null });
    expect(computeGoodDayRate([]).rate).toBeNull();
  });

  it('counts AQI 100 as good and 101 as not, excluding days without a valid AQI', () => {
    const stats = computeGoodDayRate([{ aqi: 50 }, { aqi: 100 }, { aqi: 101 }, { aqi: null }, { aqi: 201 }, { aqi: 301 }]);
    expect(stats).toMatchObject({
      totalDays: 6, validDays: 5, goodDays: 2, rate: 0.4, percent: 40,
      excellentDays: 1, pollutedDays: 3, heavyPollutedDays: 2, severePollutedDays: 1,
      daysByCategory: { 优: 1, 良: 1, 轻度污染: 1, 中度污染: 0, 重度污染: 1, 严重污染: 1 },
    });
  });

  it.each([
    [2, 3, 66.7], // 66.666… → 66.7
    [1, 8, 12.5],
    [1, 16, 6.2], // 6.25 → 6.2 (half-even)
    [3, 16, 18.8], // 18.75 → 18.8
    [3, 3, 100],
  ])('%s good of %s valid → %s %%', (good, valid, percent) => {
    const days = Array.from({ length: valid }, (_, i) => ({ aqi: i < good ? 80 : 120 }));
    expect(computeGoodDayRate(days).percent).toBe(percent);
  });

  it('counts primary pollutants per pollutant (O3 once a day) on days with AQI > 50', () => {
    const stats = computeGoodDayRate([
      { aqi: 120, primaryPollutants: ['O3_1H_MAX', 'O3_8H_MAX'] },
      { aqi: 80, primaryPollutants: ['PM2_5_24H', 'PM10_24H'] },
      { aqi: 140, primaryPollutants: ['PM2_5_24H'] },
      { aqi: 40, primaryPollutants: ['SO2_24H'] }, // ≤ 50: no primary pollutant by definition
    ]);
    expect(stats.primaryPollutantDays).toEqual({ SO2: 0, NO2: 0, CO: 0, O3: 1, PM10: 1, PM2_5: 2 });
    expect(stats.primaryPollutantPollutedDays).toEqual({ SO2: 0, NO2: 0, CO: 0, O3: 1, PM10: 0, PM2_5: 1 });
  });

  it.each([501, -1, 1.5])('rejects AQI %s', (aqi) => {
    expect(thrownCode(() => computeGoodDayRate([{ aqi }]))).toBe('env.invalid_aqi');
  });
});
