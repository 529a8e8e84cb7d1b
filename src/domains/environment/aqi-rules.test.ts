import { describe, expect, it } from 'vitest';
import { AQI_NA, computeAqiScaled, computePrimaryMask, getAqiReportSpec, IAQI_MISSING } from './aqi-core';
import {
  classifyAqi, computeAqi, computeIaqi, isAboveAqiScale, listAboveAqiScale, resolveAqiStandard, roundAqiConcentration,
} from './aqi-rules';
import type { AqiCode, AqiStandard } from './aqi-tables';
import { thrownCode } from './test-helpers';

const S12: AqiStandard = 'HJ 633-2012';
const S26: AqiStandard = 'HJ 633-2026';

describe('resolveAqiStandard', () => {
  it.each([
    [{ date: '2026-02-28' }, S12],
    [{ date: '2026-03-01' }, S26],
    [{ date: '2013-01-01' }, S12],
    [{}, S26],
    [{ date: '2026-02-28', standard: S26 }, S26],
    [{ date: '2027-01-01', standard: S12 }, S12],
  ] as const)('%j → %s', (input, expected) => {
    expect(resolveAqiStandard(input)).toBe(expected);
  });

  it('rejects a malformed date', () => {
    expect(thrownCode(() => resolveAqiStandard({ date: '2026/03/01' }))).toBe('env.invalid_date');
  });
});

describe('computeIaqi float traps and rounding', () => {
  it.each([
    // standards.md §1.3: exact 55 (float 55.00000000000001 → 56) and 218 (float → 219).
    ['CO_24H', 2.2, S12, 55], // 50+ceil(50*(2.2-2)/2) = 50+5
    ['CO_24H', 2.2, S26, 55],
    ['CO_1H', 65.4, S12, 218], // 200+ceil(100*5.4/30) = 200+18
    ['CO_1H', 65.4, S26, 218],
    ['CO_1H', 66.9, S26, 223], // 200+ceil(100*6.9/30) = 200+23
    ['CO_1H', 69.9, S12, 233], // 200+ceil(100*9.9/30) = 200+33
    ['CO_1H', 75.9, S26, 253], // 200+ceil(100*15.9/30) = 200+53
    // aqi-hub's wrong SO2 24-h table (standards.md §1.10): 150 → 100 (not 50), 8 → 8 (not 3).
    ['SO2_24H', 150, S26, 100],
    ['SO2_24H', 8, S12, 8], // ceil(50*8/50) = 8
    // HJ 633-2026 rounds inputs half-even first (GB/T 8170); HJ 633-2012 uses the value as given.
    ['PM2_5_24H', 60.5, S26, 100], // 60.5 → 60 (0 even) → 100
    ['PM2_5_24H', 60.5, S12, 82], // 50+ceil(50*25.5/40) = 50+ceil(31.875)
    ['PM2_5_24H', 35.5, S26, 52], // 35.5 → 36 (5 odd) → 50+ceil(50*1/25) = 52
    ['PM2_5_24H', 35.5, S12, 51], // 50+ceil(50*0.5/40) = 50+ceil(0.625)
    ['CO_24H', 2.25, S26, 55], // 2.25 → 2.2 → 55
    ['CO_24H', 2.25, S12, 57], // 50+ceil(50*0.25/2) = 50+ceil(6.25)
    ['CO_24H', 2.35, S26, 60], // 2.35 → 2.4 → 50+ceil(50*0.4/2) = 60
    ['CO_24H', 2.35, S12, 59], // 50+ceil(50*0.35/2) = 50+ceil(8.75)
    ['CO_1H', 65.45, S26, 218], // 65.45 → 65.4
    ['CO_1H', 65.45, S12, 219], // 200+ceil(100*5.45/30) = 200+ceil(18.17)
    ['PM10_24H', 50.5, S26, 50], // 50.5 → 50
    ['PM10_24H', 51.5, S26, 52], // 51.5 → 52 → 50+ceil(50*2/70) = 50+ceil(1.43)
    ['PM10_24H', 60.49, S26, 58], // → 60 → 50+ceil(50*10/70) = 50+ceil(7.14)
    ['SO2_1H', 800.4, S26, 200], // → 800 → 200
    ['SO2_1H', 800.4, S12, null], // > 800: not computed in 2012
    ['SO2_1H', 5000, S26, 200],
    ['O3_8H_MAX', 801, S26, 300],
    ['O3_8H_MAX', 801, S12, null],
    ['PM2_5_24H', 0.4, S26, 0], // → 0
    ['PM2_5_24H', 0, S12, 0],
    ['PM2_5_24H', 1e12, S26, 500],
  ] as [AqiCode, number, AqiStandard, number | null][])('%s %s under %s → %s', (code, c, standard, expected) => {
    expect(computeIaqi(code, c, standard)).toBe(expected);
  });

  it('rejects a code that is not an indicator of the standard', () => {
    expect(thrownCode(() => computeIaqi('PM10_1H', 50, S12))).toBe('env.unknown_pollutant');
    expect(thrownCode(() => computeIaqi('O3_8H', 50, S26))).toBe('env.unknown_pollutant');
  });
});

describe('roundAqiConcentration (GB/T 8170 half-even)', () => {
  it.each([
    ['PM2_5_24H', 60.5, 60],
    ['PM2_5_24H', 35.5, 36],
    ['PM2_5_24H', 60.49, 60],
    ['PM2_5_24H', 60.51, 61],
    ['CO_24H', 2.25, 2.2],
    ['CO_24H', 0.35, 0.4], // the decimal 0.35 (double 0.34999…) rounds as written
    ['CO_24H', 0.05, 0],
    ['CO_24H', 1.05, 1],
    ['CO_24H', 1.15, 1.2],
  ] as [AqiCode, number, number][])('%s %s → %s', (code, value, expected) => {
    expect(roundAqiConcentration(code, value)).toBe(expected);
  });
});

describe('computeAqi', () => {
  it('computes a 2026 real-time report', () => {
    const result = computeAqi({ date: '2026-05-01', report: 'hourly', concentrations: { SO2_1H: 10, NO2_1H: 45, CO_1H: 0.8, O3_1H: 180, PM10_1H: 80, PM2_5_1H: 50 } });
    expect(result).toEqual({
      standard: S26,
      report: 'hourly',
      aqi: 80,
      // SO2 ceil(50*10/150)=4; NO2 ceil(50*45/100)=23; CO ceil(50*0.8/5)=8; O3 50+ceil(50*20/40)=75;
      // PM10 (daily column) 50+ceil(50*30/70)=72; PM2.5 (daily column) 50+ceil(50*15/25)=80
      iaqi: { SO2_1H: 4, NO2_1H: 23, CO_1H: 8, O3_1H: 75, PM10_1H: 72, PM2_5_1H: 80 },
      level: 2,
      category: '良',
      color: '#FFFF00',
      primaryPollutants: ['PM2_5_1H'],
      exceedingPollutants: null,
      missing: [],
    });
  });

  it('computes a 2012 real-time report with O3 8-h and PM 24-h sliding means', () => {
    const result = computeAqi({ date: '2025-07-01', report: 'hourly', concentrations: { SO2_1H: 10, NO2_1H: 45, CO_1H: 0.8, O3_1H: 180, O3_8H: 150, PM10_24H: 80, PM2_5_24H: 50 } });
    // O3_8H 50+ceil(50*50/60)=92; PM10 50+ceil(50*30/100)=65; PM2.5 50+ceil(50*15/40)=69
    expect(result.iaqi).toEqual({ SO2_1H: 4, NO2_1H: 23, CO_1H: 8, O3_1H: 75, O3_8H: 92, PM10_24H: 65, PM2_5_24H: 69 });
    expect(result).toMatchObject({ standard: S12, aqi: 92, level: 2, primaryPollutants: ['O3_8H'], exceedingPollutants: [], missing: [] });
  });

  const daily = { SO2_24H: 8, NO2_24H: 30, CO_24H: 0.9, O3_8H_MAX: 170, PM10_24H: 160, PM2_5_24H: 110 };

  it('computes a 2012 daily report with O3 daily max 1-h and exceeding pollutants', () => {
    const result = computeAqi({ date: '2025-01-10', report: 'daily', concentrations: { ...daily, O3_1H_MAX: 210 } });
    // NO2 ceil(37.5)=38; CO ceil(22.5)=23; O3 1h 100+ceil(50*10/100)=105; O3 8h 100+ceil(50*10/55)=110;
    // PM10 100+ceil(50*10/100)=105; PM2.5 100+ceil(50*35/40)=144
    expect(result.iaqi).toEqual({ SO2_24H: 8, NO2_24H: 38, CO_24H: 23, O3_1H_MAX: 105, O3_8H_MAX: 110, PM10_24H: 105, PM2_5_24H: 144 });
    expect(result).toMatchObject({
      aqi: 144, level: 3, category: '轻度污染', color: '#FF7E00', primaryPollutants: ['PM2_5_24H'],
      exceedingPollutants: ['O3_1H_MAX', 'O3_8H_MAX', 'PM10_24H', 'PM2_5_24H'],
    });
  });

  it('computes the same day under 2026 with the new PM breakpoints and no exceeding pollutants', () => {
    const result = computeAqi({ date: '2026-03-01', report: 'daily', concentrations: daily });
    // PM10 100+ceil(50*40/130)=116; PM2.5 100+ceil(50*50/55)=146
    expect(result.iaqi).toEqual({ SO2_24H: 8, NO2_24H: 38, CO_24H: 23, O3_8H_MAX: 110, PM10_24H: 116, PM2_5_24H: 146 });
    expect(result).toMatchObject({ aqi: 146, level: 3, primaryPollutants: ['PM2_5_24H'], exceedingPollutants: null });
  });

  const low = { SO2_24H: 5, NO2_24H: 10, CO_24H: 0.4, O3_8H_MAX: 40 }; // IAQI 5, 13, 10, 20

  it.each([
    [{ ...low, PM10_24H: 40, PM2_5_24H: 35 }, 50, []], // PM2.5 35 → 50: AQI 50 has no primary pollutant
    [{ ...low, PM10_24H: 51, PM2_5_24H: 20 }, 51, ['PM10_24H']], // PM10 50+ceil(50/70) = 51
    [{ ...low, PM10_24H: 120, PM2_5_24H: 60 }, 100, ['PM10_24H', 'PM2_5_24H']], // tie at 100: both primary
  ] as [Record<string, number>, number, AqiCode[]][])('primary pollutants only above 50 (%j)', (concentrations, aqi, primary) => {
    const result = computeAqi({ standard: S26, report: 'daily', concentrations });
    expect(result.aqi).toBe(aqi);
    expect(result.primaryPollutants).toEqual(primary);
  });

  it('lists 2012 exceeding pollutants above 100 only', () => {
    // PM10 150 → 100 (not exceeding); PM2.5 76 → 100+ceil(50/40) = 102 (exceeding)
    const result = computeAqi({ standard: S12, report: 'daily', concentrations: { ...low, O3_1H_MAX: 50, PM10_24H: 150, PM2_5_24H: 76 } });
    expect(result.exceedingPollutants).toEqual(['PM2_5_24H']);
    expect(result.aqi).toBe(102);
  });

  it.each([
    [S12, 0, 1, '优'], // 2012: AQI 0–500
    [S26, 1, 1, '优'], // 2026: AQI 1–500 (一级 = 1～50)
  ] as const)('all concentrations 0 under %s → AQI %s', (standard, aqi, level, category) => {
    const concentrations = standard === S12
      ? { SO2_24H: 0, NO2_24H: 0, CO_24H: 0, O3_1H_MAX: 0, O3_8H_MAX: 0, PM10_24H: 0, PM2_5_24H: 0 }
      : { SO2_24H: 0, NO2_24H: 0, CO_24H: 0.04, O3_8H_MAX: 0.4, PM10_24H: 0, PM2_5_24H: 0 };
    const result = computeAqi({ standard, report: 'daily', concentrations });
    expect(result).toMatchObject({ aqi, level, category, primaryPollutants: [] });
    expect(Object.values(result.iaqi)).toEqual(standard === S12 ? [0, 0, 0, 0, 0, 0, 0] : [0, 0, 0, 0, 0, 0]);
  });
});

describe('computeAqi special rules', () => {
  const hourly12 = { NO2_1H: 45, CO_1H: 0.8, O3_1H: 180, O3_8H: 150, PM10_24H: 80, PM2_5_24H: 50 }; // max IAQI 92

  it('2012: SO2 1-h > 800 is replaced by the SO2 24-h IAQI', () => {
    const result = computeAqi({ standard: S12, report: 'hourly', concentrations: { ...hourly12, SO2_1H: 900, SO2_24H: 500 } });
    // SO2_24H 150+ceil(50*25/325) = 150+ceil(3.85) = 154
    expect(result.iaqi.SO2_24H).toBe(154);
    expect(result.iaqi.SO2_1H).toBeUndefined();
    expect(result).toMatchObject({ aqi: 154, level: 4, category: '中度污染', primaryPollutants: ['SO2_24H'], exceedingPollutants: ['SO2_24H'], missing: [] });
  });

  it('2012: SO2 1-h of exactly 800 is rated (200) and SO2 24-h is not used', () => {
    const result = computeAqi({ standard: S12, report: 'hourly', concentrations: { ...hourly12, SO2_1H: 800, SO2_24H: 500 } });
    expect(result.iaqi.SO2_1H).toBe(200);
    expect(result.iaqi.SO2_24H).toBeUndefined();
    expect(result.primaryPollutants).toEqual(['SO2_1H']);
  });

  it('2012: SO2 1-h > 800 without a 24-h value reports SO2 as missing but still publishes', () => {
    const result = computeAqi({ standard: S12, report: 'hourly', concentrations: { ...hourly12, SO2_1H: 900 } });
    expect(result).toMatchObject({ aqi: 92, missing: ['SO2_24H'], primaryPollutants: ['O3_8H'] });
    expect(result.iaqi.SO2_1H).toBeUndefined();
  });

  it('2026: SO2 1-h > 800 is IAQI 200 flat', () => {
    const result = computeAqi({ standard: S26, report: 'hourly', concentrations: { SO2_1H: 900, NO2_1H: 45, CO_1H: 0.8, O3_1H: 180, PM10_1H: 80, PM2_5_1H: 50 } });
    expect(result).toMatchObject({ aqi: 200, level: 4, primaryPollutants: ['SO2_1H'] });
  });

  it('2012 daily: O3 8-h > 800 is replaced by the O3 1-h maximum', () => {
    const result = computeAqi({ standard: S12, report: 'daily', concentrations: { ...lowDaily(), O3_8H_MAX: 850, O3_1H_MAX: 900 } });
    // O3_1H_MAX 300+ceil(100*100/200) = 350
    expect(result.iaqi.O3_8H_MAX).toBeUndefined();
    expect(result).toMatchObject({ aqi: 350, level: 6, category: '严重污染', color: '#7E0023', primaryPollutants: ['O3_1H_MAX'] });
  });

  it('2012 hourly: O3 8-h > 800 is replaced by the O3 1-h value', () => {
    const result = computeAqi({ standard: S12, report: 'hourly', concentrations: { ...hourly12, SO2_1H: 10, O3_8H: 850, O3_1H: 900 } });
    expect(result.iaqi.O3_8H).toBeUndefined();
    expect(result).toMatchObject({ aqi: 350, primaryPollutants: ['O3_1H'] });
  });

  it('2026 daily: O3 8-h > 800 is IAQI 300 flat', () => {
    const result = computeAqi({ standard: S26, report: 'daily', concentrations: { SO2_24H: 5, NO2_24H: 10, CO_24H: 0.4, O3_8H_MAX: 850, PM10_24H: 40, PM2_5_24H: 20 } });
    expect(result).toMatchObject({ aqi: 300, level: 5, category: '重度污染', color: '#99004C', primaryPollutants: ['O3_8H_MAX'] });
  });

  it('caps IAQI at 500 above the top breakpoint and flags it', () => {
    const input = { standard: S26, report: 'daily', concentrations: { SO2_24H: 5, NO2_24H: 10, CO_24H: 0.4, O3_8H_MAX: 40, PM10_24H: 40, PM2_5_24H: 600 } } as const;
    expect(computeAqi(input)).toMatchObject({ aqi: 500, level: 6 });
    expect(listAboveAqiScale(input)).toEqual(['PM2_5_24H']);
    expect(isAboveAqiScale('PM2_5_24H', 500, S26)).toBe(false);
    expect(isAboveAqiScale('SO2_1H', 900, S26)).toBe(false); // flat rule, not a cap
  });
});

/** Daily values with IAQI 5, 13, 10, 28, 29 (2012) — well below any O3 IAQI used with them. */
function lowDaily() {
  return { SO2_24H: 5, NO2_24H: 10, CO_24H: 0.4, PM10_24H: 40, PM2_5_24H: 20 };
}

describe('computeAqi missing pollutants', () => {
  const rest = { SO2_24H: 5, NO2_24H: 10, CO_24H: 0.4, O3_8H_MAX: 40 };

  it.each([
    [120, null], // PM10 → 100: AQI of the rest ≤ 100 → NA
    [121, 101], // PM10 100+ceil(50/130) = 101 > 100 → published
  ])('2026: PM2.5 missing, PM10 %s → AQI %s', (pm10, aqi) => {
    const result = computeAqi({ standard: S26, report: 'daily', concentrations: { ...rest, PM10_24H: pm10, PM2_5_24H: null } });
    expect(result.aqi).toBe(aqi);
    expect(result.missing).toEqual(['PM2_5_24H']);
    expect(result.iaqi.PM10_24H).toBe(aqi ?? 100);
    if (aqi === null) expect(result).toMatchObject({ level: null, category: null, color: null, primaryPollutants: [] });
    else expect(result).toMatchObject({ level: 3, category: '轻度污染', primaryPollutants: ['PM10_24H'] });
  });

  it('2012 publishes the AQI of the available pollutants and lists the missing ones', () => {
    const result = computeAqi({ standard: S12, report: 'daily', concentrations: { ...rest, PM10_24H: 120 } });
    // PM10 (2012) 50+ceil(50*70/100) = 85
    expect(result).toMatchObject({ aqi: 85, level: 2, primaryPollutants: ['PM10_24H'], missing: ['O3_1H_MAX', 'PM2_5_24H'], exceedingPollutants: [] });
  });

  it.each([S12, S26])('%s: nothing measured → AQI null, everything missing', (standard) => {
    const result = computeAqi({ standard, report: 'daily', concentrations: {} });
    expect(result.aqi).toBeNull();
    expect(result.level).toBeNull();
    expect(result.missing).toEqual(standard === S12
      ? ['SO2_24H', 'NO2_24H', 'CO_24H', 'O3_1H_MAX', 'O3_8H_MAX', 'PM10_24H', 'PM2_5_24H']
      : ['SO2_24H', 'NO2_24H', 'CO_24H', 'O3_8H_MAX', 'PM10_24H', 'PM2_5_24H']);
  });

  it('2026 5.3.2: a pollutant outside the monitoring plan does not make the AQI NA', () => {
    const result = computeAqi({ standard: S26, report: 'daily', concentrations: { ...rest, PM10_24H: 60 } }, { notMonitored: ['PM2_5_24H'] });
    expect(result).toMatchObject({ aqi: 58, missing: [] }); // PM10 50+ceil(50*10/70) = 58
  });
});

describe('computeAqi input checks', () => {
  it.each([
    [{ standard: S26, report: 'daily', concentrations: { O3_1H_MAX: 10 } }, 'env.unknown_pollutant'], // 2012 only
    [{ date: '2025-06-01', report: 'hourly', concentrations: { PM10_1H: 10 } }, 'env.unknown_pollutant'],
    [{ report: 'hourly', concentrations: { SO2_24H: 10 } }, 'env.unknown_pollutant'],
    [{ report: 'daily', concentrations: { FOO: 10 } }, 'env.unknown_pollutant'],
    [{ report: 'daily', concentrations: { SO2_24H: -1 } }, 'env.invalid_concentration'],
    [{ report: 'daily', concentrations: { SO2_24H: Number.NaN } }, 'env.invalid_concentration'],
    [{ report: 'daily', concentrations: { SO2_24H: Number.POSITIVE_INFINITY } }, 'env.invalid_concentration'],
    [{ report: 'daily', concentrations: { SO2_24H: '5' } }, 'env.invalid_concentration'],
  ])('%j → %s', (input, code) => {
    expect(thrownCode(() => computeAqi(input as Parameters<typeof computeAqi>[0]))).toBe(code);
  });

  it('accepts O3_1H_MAX in a daily report dated before 2026-03-01', () => {
    expect(computeAqi({ date: '2025-12-31', report: 'daily', concentrations: { O3_1H_MAX: 210 } }).iaqi).toEqual({ O3_1H_MAX: 105 });
  });
});

describe('classifyAqi', () => {
  it.each([
    [0, 1, '优', '#00E400'], [50, 1, '优', '#00E400'], [51, 2, '良', '#FFFF00'], [100, 2, '良', '#FFFF00'],
    [101, 3, '轻度污染', '#FF7E00'], [150, 3, '轻度污染', '#FF7E00'], [151, 4, '中度污染', '#FF0000'], [200, 4, '中度污染', '#FF0000'],
    [201, 5, '重度污染', '#99004C'], [300, 5, '重度污染', '#99004C'], [301, 6, '严重污染', '#7E0023'], [500, 6, '严重污染', '#7E0023'],
  ])('AQI %s → level %s %s %s', (aqi, level, category, color) => {
    expect(classifyAqi(aqi)).toMatchObject({ level, category, color });
  });
});

describe('computeAqiScaled (hot path)', () => {
  const spec = getAqiReportSpec(S26, 'hourly');

  it('gives the same AQI and IAQI as computeAqi from scaled integers (CO in 0.1 mg/m³), at an offset', () => {
    const values = Int32Array.from([999, 10, 45, 8, 180, 80, 50]);
    const iaqi = new Int32Array(6);
    const aqi = computeAqiScaled(spec, values, iaqi, 1);
    expect(aqi).toBe(80);
    expect(Array.from(iaqi)).toEqual([4, 23, 8, 75, 72, 80]);
    expect(computePrimaryMask(spec, iaqi, aqi)).toBe(1 << 5);
  });

  it('returns AQI_NA under the 2026 missing-data rule', () => {
    const iaqi = new Int32Array(6);
    expect(computeAqiScaled(spec, [10, 45, 8, 180, 80, -1], iaqi)).toBe(AQI_NA);
    expect(iaqi[5]).toBe(IAQI_MISSING);
  });
});
