import { describe, expect, it } from 'vitest';
import { computeStationDailyRows, listAffectedDays, type HourlyValues } from './air-daily-rules';
import { defaultAirValidityConfig } from './air-validity-rules';
import { createLocalTimeResolver, parseDayNumber } from './local-time';

const resolver = createLocalTimeResolver('Asia/Shanghai');
const base = { so2: 10, no2: 30, co: 0.8, o3: 100, pm10: 70, pm2_5: 50, isValid: true };
/** 24 hours of the local day `date` (UTC+8). */
const localDay = (date: string, values: Partial<HourlyValues> = {}): HourlyValues[] =>
  Array.from({ length: 24 }, (_, h) => ({ ...base, ...values, hourStartMs: Date.parse(`${date}T00:00:00+08:00`) + h * 3_600_000 }));

describe('computeStationDailyRows', () => {
  it('assigns hours to local days (16:00 UTC starts the next day) and computes the daily AQI', () => {
    const rows = computeStationDailyRows(localDay('2026-11-20'), { resolver });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ day: '2026-11-20', standard: 'HJ 633-2026', aqi: 80, category: '良', primaryPollutants: ['PM2_5_24H'] });
    expect(rows[0]?.validHours).toEqual([24, 24, 24, 24, 24, 24]);
  });

  it('selects the standard by the local date (PM2.5 70 µg/m³: IAQI 94 under 2012, 110 under 2026)', () => {
    const rows = computeStationDailyRows([...localDay('2026-02-28', { pm2_5: 70 }), ...localDay('2026-03-01', { pm2_5: 70 })], { resolver });
    expect(rows.map((r) => [r.day, r.standard, r.iaqi.PM2_5_24H])).toEqual([
      ['2026-02-28', 'HJ 633-2012', 94],
      ['2026-03-01', 'HJ 633-2026', 110],
    ]);
  });

  it('leaves invalid hours out: with 19 valid hours no daily mean and no AQI', () => {
    const hours = localDay('2026-11-20').map((h, i) => (i < 5 ? { ...h, isValid: false } : h));
    const [row] = computeStationDailyRows(hours, { resolver });
    expect(row?.validHours[5]).toBe(19);
    expect(row?.values.PM2_5_24H).toBeNull();
    expect(row?.aqi).toBeNull();
  });

  it('computes only the requested days', () => {
    const rows = computeStationDailyRows([...localDay('2026-11-20'), ...localDay('2026-11-21')], { resolver, days: new Set([parseDayNumber('2026-11-21')]) });
    expect(rows.map((r) => r.day)).toEqual(['2026-11-21']);
  });
});

describe('listAffectedDays', () => {
  const late = Date.parse('2026-11-20T21:00:00+08:00');
  it('is the hour’s own local day with the default O3 windows', () => {
    expect([...listAffectedDays([late], resolver)]).toEqual([parseDayNumber('2026-11-20')]);
  });
  it('adds the next day when O3 windows reach into the previous day', () => {
    const config = { ...defaultAirValidityConfig, firstO3WindowEndHour: 1 };
    expect([...listAffectedDays([late], resolver, config)].sort()).toEqual([parseDayNumber('2026-11-20'), parseDayNumber('2026-11-21')]);
    expect([...listAffectedDays([Date.parse('2026-11-20T16:00:00+08:00')], resolver, config)]).toEqual([parseDayNumber('2026-11-20')]);
  });
});
