import { describe, expect, it } from 'vitest';
import { computeRealtimeAqi, type RealtimeHour } from './realtime-aqi-rules';

const hour = (values: Partial<RealtimeHour>): RealtimeHour => ({ so2: 8, no2: 20, co: 0.5, o3: 60, pm10: 40, pm2_5: 30, ...values });

describe('computeRealtimeAqi', () => {
  it('rates the six 1-hour values under HJ 633-2026 (PM on the daily columns)', () => {
    const result = computeRealtimeAqi([hour({ pm2_5: 50 })], '2026-11-20');
    expect(result).toMatchObject({ standard: 'HJ 633-2026', aqi: 80, primaryPollutants: ['PM2_5_1H'] });
  });

  it('uses the 8-hour O3 and 24-hour PM sliding means under HJ 633-2012', () => {
    const hours = Array.from({ length: 24 }, (_, i) => hour({ pm2_5: i < 12 ? 100 : 50, o3: i >= 16 ? 170 : 60 }));
    const result = computeRealtimeAqi(hours, '2026-02-10');
    expect(result.standard).toBe('HJ 633-2012');
    // PM2.5 24-h mean = 75 → IAQI 100; O3 8-h mean = 170 → IAQI 110 (O3 1-h 170 → 63).
    expect(result.iaqi).toMatchObject({ PM2_5_24H: 100, O3_8H: 110, O3_1H: 63 });
    expect(result.aqi).toBe(110);
  });

  it('treats the 24-hour PM mean as missing with fewer than 20 valid hours', () => {
    const hours: (RealtimeHour | null)[] = Array.from({ length: 24 }, (_, i) => (i < 10 ? null : hour({})));
    const result = computeRealtimeAqi(hours, '2026-02-10');
    expect(result.missing).toEqual(expect.arrayContaining(['PM10_24H', 'PM2_5_24H']));
  });
});
