import { describe, expect, it } from 'vitest';
import { computeStationDailyRows } from './air-daily-rules';
import { generateStationHours, generateWeather } from './demo-air';
import { buildDemoZones } from './demo-zones';
import { sumProtectedArea } from './geo/protected-area';
import { parseZones } from './geo/zone-import';
import { createLocalTimeResolver } from './local-time';

describe('demo red-line zones', () => {
  const zones = parseZones(buildDemoZones({ count: 30, targetKm2: 198.6 }), { tiers: ['一级管控区', '二级管控区'] });

  it('are 30 valid zones around 海门 totalling close to 200 km², without overlaps', () => {
    expect(zones).toHaveLength(30);
    const totals = sumProtectedArea(zones, 'tier');
    expect(totals.totalSumKm2).toBeGreaterThan(195);
    expect(totals.totalSumKm2).toBeLessThan(200);
    expect(totals.totalSumKm2 - totals.totalUnionKm2).toBeLessThan(1e-6);
    for (const z of zones) {
      const coords = (z.geometry.type === 'Polygon' ? [z.geometry.coordinates] : z.geometry.coordinates).flat(2);
      expect(coords.every(([lon, lat]) => lon! >= 121.1 && lon! <= 121.6 && lat! >= 31.8 && lat! <= 32.1)).toBe(true);
    }
  });

  it('include a zone with a hole and a MultiPolygon', () => {
    expect(zones.some((z) => z.geometry.type === 'Polygon' && z.geometry.coordinates.length === 2)).toBe(true);
    expect(zones.some((z) => z.geometry.type === 'MultiPolygon')).toBe(true);
  });
});

describe('demo hourly air data', () => {
  it('has PM higher in winter and O3 higher in summer, with gaps', () => {
    const resolver = createLocalTimeResolver('Asia/Shanghai');
    const startMs = Date.parse('2026-01-01T00:00:00+08:00');
    const records = generateStationHours({ code: 'X', pmFactor: 1, no2Factor: 1, o3Factor: 1 }, { startMs, hours: 365 * 24, offsetHours: 0 }, generateWeather(366, 7), { seed: 1, dayOfYear0: 0 });
    expect(records.length).toBeLessThan(365 * 24);
    expect(records.length).toBeGreaterThan(365 * 24 * 0.95);
    const days = computeStationDailyRows(records.map((r) => ({
      hourStartMs: Date.parse(r.hourStart), so2: r.SO2 ?? null, no2: r.NO2 ?? null, co: r.CO ?? null, o3: r.O3 ?? null, pm10: r.PM10 ?? null, pm2_5: r.PM2_5 ?? null, isValid: true,
    })), { resolver });
    const mean = (month: string, code: 'PM2_5_24H' | 'O3_8H_MAX') => {
      const values = days.filter((d) => d.day.slice(5, 7) === month).map((d) => d.values[code]).filter((v): v is number => v !== null);
      return values.reduce((s, v) => s + v, 0) / values.length;
    };
    expect(mean('01', 'PM2_5_24H')).toBeGreaterThan(1.5 * mean('07', 'PM2_5_24H'));
    expect(mean('07', 'O3_8H_MAX')).toBeGreaterThan(1.5 * mean('01', 'O3_8H_MAX'));
  });
});
