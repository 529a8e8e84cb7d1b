import { describe, expect, it } from 'vitest';
import { AQI_NA } from './aqi-core';
import {
  computeDailyAirValues, computeDailyAqi, computeDailyAqiScaled, computeWindowMean, createDailyAqiWorkspace,
  defaultAirValidityConfig, toHourlyBuffer, type HourlyAirRecord,
} from './air-validity-rules';
import { airPollutants, type AirPollutant } from './aqi-tables';
import { thrownCode } from './test-helpers';

type Values = Partial<Record<AirPollutant, number | null>>;

/** Hours 0..23 with the same values, overridden per hour by `at(h)`. */
function day(base: Values, at: (h: number) => Values = () => ({})): HourlyAirRecord[] {
  return Array.from({ length: 24 }, (_, hour) => ({ hour, ...base, ...at(hour) }));
}

/** Only O3, present at the listed hours. */
function o3Only(value: (h: number) => number, hours: number[]): HourlyAirRecord[] {
  return hours.map((hour) => ({ hour, O3: value(hour) }));
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('computeDailyAirValues: 日平均 validity (≥ 20 valid hours)', () => {
  it.each([
    [20, 10],
    [19, null],
  ])('%s valid hours of SO2 10 → %s', (validHours, expected) => {
    const values = computeDailyAirValues({ hours: day({ SO2: 10 }, (h) => (h >= validHours ? { SO2: null } : {})) });
    expect(values.concentrations.SO2_24H).toBe(expected);
    expect(values.validHours.SO2).toBe(validHours);
  });

  it.each([
    [10, 11, 10], // mean 10.5 → 10 (half-even)
    [11, 12, 12], // mean 11.5 → 12
  ])('rounds the mean half-even: 12 h of %s and 12 h of %s → %s', (a, b, expected) => {
    const values = computeDailyAirValues({ hours: day({}, (h) => ({ PM2_5: h < 12 ? a : b })) });
    expect(values.concentrations.PM2_5_24H).toBe(expected);
  });

  it('rounds CO means to 0.1 mg/m³ and each hourly value first', () => {
    // CO: 12 h of 0.4 and 12 h of 0.5 → 0.45 → 0.4. PM10: 12 h of 10.5 (→ 10) and 12 h of 10.6 (→ 11)
    // → mean of the rounded hours 10.5 → 10 (the raw mean 10.55 would give 11).
    const values = computeDailyAirValues({ hours: day({}, (h) => ({ CO: h < 12 ? 0.4 : 0.5, PM10: h < 12 ? 10.5 : 10.6 })) });
    expect(values.concentrations.CO_24H).toBe(0.4);
    expect(values.concentrations.PM10_24H).toBe(10);
  });
});

describe('computeDailyAirValues: O3 daily maximum 8-hour mean', () => {
  it('takes the largest of the windows ending 08:00 … 24:00', () => {
    // O3 = 10·h: the window [16, 24) has mean 10·19.5 = 195; the 1-h max is 230.
    const values = computeDailyAirValues({ hours: o3Only((h) => 10 * h, range(0, 23)) });
    expect(values.concentrations.O3_8H_MAX).toBe(195);
    expect(values.concentrations.O3_1H_MAX).toBe(230);
    expect(values.validO3Windows).toBe(17);
  });

  it.each([
    [103, 102], // four hours at 103 in a window of 100s → 101.5 → 102
    [101, 100], // → 100.5 → 100 (half-even)
  ])('rounds the window mean half-even (peak %s → %s)', (peak, expected) => {
    const values = computeDailyAirValues({ hours: o3Only((h) => (h >= 10 && h <= 13 ? peak : 100), range(0, 23)) });
    expect(values.concentrations.O3_8H_MAX).toBe(expected);
  });

  it.each([
    [range(0, 5), 1, 200], // 6 valid hours: window [0, 8) is valid; 200 > 160 so 1 window suffices
    [range(0, 4), 0, null], // 5 valid hours: no valid window
  ])('window validity: hours %j → %s windows, value %s', (hours, windows, expected) => {
    const values = computeDailyAirValues({ hours: o3Only(() => 200, hours) });
    expect(values.validO3Windows).toBe(windows);
    expect(values.concentrations.O3_8H_MAX).toBe(expected);
  });

  // Valid hours 0..k: window ending E is valid while E ≤ k + 3, so there are k − 4 windows.
  it.each([
    [18, 100, 14, 100], // 14 windows → valid
    [17, 100, 13, null], // 13 windows, 100 ≤ 160 → invalid
    [17, 170, 13, 170], // 13 windows, 170 > 160 → still valid
    [17, 160, 13, null], // exactly the limit is not an exceedance
  ])('hours 0..%s at %s → %s windows, value %s', (lastHour, value, windows, expected) => {
    const values = computeDailyAirValues({ hours: o3Only(() => value, range(0, lastHour)) });
    expect(values.validO3Windows).toBe(windows);
    expect(values.concentrations.O3_8H_MAX).toBe(expected);
  });

  it('uses the previous day only for windows that start in it (configurable first window)', () => {
    const hours = o3Only((h) => (h === 0 ? 300 : 100), range(0, 23));
    const previousDayHours = o3Only(() => 300, range(17, 23));
    // Default windows [0,8)…[16,24): max is [0,8) = (300 + 7·100)/8 = 125.
    expect(computeDailyAirValues({ hours, previousDayHours }).concentrations.O3_8H_MAX).toBe(125);
    // Windows from the one ending 01:00: [17 prev, 01) = 8 × 300 → 300.
    const config = { ...defaultAirValidityConfig, firstO3WindowEndHour: 1 };
    const values = computeDailyAirValues({ hours, previousDayHours }, config);
    expect(values.concentrations.O3_8H_MAX).toBe(300);
    expect(values.validO3Windows).toBe(24);
  });

  it.each([
    [range(0, 19), 150, 150], // 20 hours → valid 1-h max
    [range(0, 18), 150, null], // 19 hours, 150 ≤ 200 → invalid
    [range(0, 18), 210, 210], // 19 hours but above the 1-h limit → valid
  ])('O3 daily max 1-h (2012): hours %j at %s → %s', (hours, value, expected) => {
    expect(computeDailyAirValues({ hours: o3Only(() => value, hours) }).concentrations.O3_1H_MAX).toBe(expected);
  });
});

describe('computeDailyAqi', () => {
  const base = { SO2: 10, NO2: 30, CO: 0.8, O3: 120, PM10: 80, PM2_5: 50 };

  it('computes the 2026 daily report of a full day', () => {
    const { dailyValues, result } = computeDailyAqi({ date: '2026-06-01', hours: day(base) });
    expect(dailyValues.concentrations).toEqual({ SO2_24H: 10, NO2_24H: 30, CO_24H: 0.8, O3_8H_MAX: 120, PM10_24H: 80, PM2_5_24H: 50, O3_1H_MAX: 120 });
    // SO2 ceil(50·10/50)=10; NO2 ceil(37.5)=38; CO ceil(50·0.8/2)=20; O3 8h 50+ceil(50·20/60)=67;
    // PM10 50+ceil(50·30/70)=72; PM2.5 50+ceil(50·15/25)=80
    expect(result).toMatchObject({
      standard: 'HJ 633-2026', aqi: 80, primaryPollutants: ['PM2_5_24H'],
      iaqi: { SO2_24H: 10, NO2_24H: 38, CO_24H: 20, O3_8H_MAX: 67, PM10_24H: 72, PM2_5_24H: 80 },
    });
  });

  it('computes the 2012 daily report (with O3 daily max 1-h) for a date before 2026-03-01', () => {
    const { result } = computeDailyAqi({ date: '2025-06-01', hours: day(base) });
    // O3 1h ceil(50·120/160)=38; PM10 50+ceil(50·30/100)=65; PM2.5 50+ceil(50·15/40)=69
    expect(result).toMatchObject({ standard: 'HJ 633-2012', aqi: 69, primaryPollutants: ['PM2_5_24H'] });
    expect(result.iaqi.O3_1H_MAX).toBe(38);
  });

  it('makes the 2026 AQI NA when PM2.5 has only 19 valid hours and the rest is ≤ 100', () => {
    const { result } = computeDailyAqi({ date: '2026-06-01', hours: day(base, (h) => (h >= 19 ? { PM2_5: null } : {})) });
    expect(result).toMatchObject({ aqi: null, missing: ['PM2_5_24H'] });
  });

  it('gives the same AQI on the scaled hot path', () => {
    const ws = createDailyAqiWorkspace('HJ 633-2026');
    expect(computeDailyAqiScaled(ws, toHourlyBuffer(day(base)))).toBe(80);
    expect(computeDailyAqiScaled(ws, toHourlyBuffer(day(base, (h) => (h >= 19 ? { PM2_5: null } : {}))))).toBe(AQI_NA);
  });
});

describe('toHourlyBuffer', () => {
  it.each([
    [[{ hour: 3 }, { hour: 3 }], 'env.duplicate_hour'],
    [[{ hour: 24 }], 'env.invalid_hour'],
    [[{ hour: 1.5 }], 'env.invalid_hour'],
    [[{ hour: 1, SO2: -1 }], 'env.invalid_concentration'],
    [[{ hour: 1, PM10: Number.NaN }], 'env.invalid_concentration'],
  ])('%j → %s', (records, code) => {
    expect(thrownCode(() => toHourlyBuffer(records))).toBe(code);
  });

  it('lays values out pollutant-major, CO in 0.1 mg/m³, missing as -1', () => {
    const buffer = toHourlyBuffer([{ hour: 2, CO: 1.25, SO2: 7 }]);
    expect(buffer[airPollutants.indexOf('CO') * 24 + 2]).toBe(12); // 1.25 → 1.2
    expect(buffer[2]).toBe(7);
    expect(buffer[3]).toBe(-1);
  });
});

describe('computeWindowMean', () => {
  it.each([
    [[100, 110, 120, 130, 140, 150, null, null], 'O3', 125], // 6 valid: 750/6 = 125
    [[100, 100, 100, 101, 101, 101, null, null], 'O3', 100], // 603/6 = 100.5 → 100 (half-even)
    [[100, 100, 100, 103, 103, 103, null, null], 'O3', 102], // 609/6 = 101.5 → 102
    [[100, 110, 120, 130, 140, null, null, null], 'O3', null], // 5 valid < 6
    [[1.2, 1.3, 1.3, 1.2, 1.2, 1.3], 'CO', 1.2], // 7.5/6 = 1.25 → 1.2
  ] as [(number | null)[], AirPollutant, number | null][])('8-h sliding mean %j of %s → %s', (values, pollutant, expected) => {
    expect(computeWindowMean(values, pollutant, 6)).toBe(expected);
  });
});
