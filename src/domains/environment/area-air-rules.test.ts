import { describe, expect, it } from 'vitest';
import { computeAreaDailyAqi, computeAreaMean, computePeriodMean } from './area-air-rules';

describe('area daily values', () => {
  it('averages stations half-even to the reporting precision and ignores missing stations', () => {
    expect(computeAreaMean('PM2_5_24H', [40, 41])).toBe(40);
    expect(computeAreaMean('PM2_5_24H', [41, 42])).toBe(42);
    expect(computeAreaMean('PM2_5_24H', [40, null, 70])).toBe(55);
    expect(computeAreaMean('CO_24H', [0.8, 0.9])).toBe(0.8);
    expect(computeAreaMean('CO_24H', [0.7, 0.8])).toBe(0.8);
    expect(computeAreaMean('PM10_24H', [null, undefined])).toBeNull();
  });

  it('computes the area AQI from the mean concentrations (not the mean of AQIs)', () => {
    const day = computeAreaDailyAqi('2026-11-23', [
      { PM2_5_24H: 40, PM10_24H: 60, SO2_24H: 8, NO2_24H: 20, CO_24H: 0.6, O3_8H_MAX: 80 },
      { PM2_5_24H: 70, PM10_24H: 80, SO2_24H: 8, NO2_24H: 20, CO_24H: 0.6, O3_8H_MAX: 80 },
    ]);
    // AQIs alone would be 58 and 110 (mean 84); the mean PM2.5 55 gives 90.
    expect(day.result).toMatchObject({ aqi: 90, primaryPollutants: ['PM2_5_24H'] });
    expect(day.values.PM2_5_24H).toBe(55);
  });

  it('uses the 2012 daily indicators before 2026-03-01', () => {
    const day = computeAreaDailyAqi('2026-01-10', [{ PM2_5_24H: 70, O3_1H_MAX: 120 }]);
    expect(day.result.standard).toBe('HJ 633-2012');
    expect(day.values).toHaveProperty('O3_1H_MAX', 120);
  });
});

describe('computePeriodMean', () => {
  it('averages daily values exactly to the given decimals', () => {
    expect(computePeriodMean('PM2_5_24H', [30, 31, 31], 1)).toEqual({ mean: 30.7, count: 3 });
    expect(computePeriodMean('CO_24H', [0.7, 0.8], 2)).toEqual({ mean: 0.75, count: 2 });
    expect(computePeriodMean('PM10_24H', [null], 1)).toEqual({ mean: null, count: 0 });
  });
});
