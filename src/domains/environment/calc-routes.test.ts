import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/create-test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('POST /api/v1/calc/aqi (public)', () => {
  it('answers the daily report with every contract field, without login', async () => {
    const res = await t.anonymous.post('/api/v1/calc/aqi', {
      date: '2026-11-20',
      report: 'daily',
      concentrations: { SO2_24H: 10, NO2_24H: 30, CO_24H: 2.2, O3_8H_MAX: 100, PM10_24H: 70, PM2_5_24H: 50 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      standard: 'HJ 633-2026',
      report: 'daily',
      aqi: 80,
      iaqi: { SO2_24H: 10, NO2_24H: 38, CO_24H: 55, O3_8H_MAX: 50, PM10_24H: 65, PM2_5_24H: 80 },
      level: 2,
      category: '良',
      color: '#FFFF00',
      primaryPollutants: ['PM2_5_24H'],
      exceedingPollutants: null,
      missing: [],
    });
  });

  it('selects HJ 633-2012 by date, with exceeding pollutants and the 2012 O3 1-h daily indicator', async () => {
    const res = await t.anonymous.post('/api/v1/calc/aqi', { date: '2026-02-28', report: 'daily', concentrations: { PM2_5_24H: 120, O3_1H_MAX: 210 } });
    expect(res.status).toBe(200);
    expect(res.body.standard).toBe('HJ 633-2012');
    expect(res.body.aqi).toBe(158);
    expect(res.body.primaryPollutants).toEqual(['PM2_5_24H']);
    expect(res.body.exceedingPollutants).toEqual(['O3_1H_MAX', 'PM2_5_24H']);
    expect(res.body.missing).toEqual(['SO2_24H', 'NO2_24H', 'CO_24H', 'O3_8H_MAX', 'PM10_24H']);
  });

  it('publishes NA under the 2026 missing-data rule when the partial AQI is ≤ 100', async () => {
    const res = await t.anonymous.post('/api/v1/calc/aqi', { report: 'hourly', concentrations: { PM2_5_1H: 50, O3_1H: null } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ aqi: null, level: null, category: null, color: null, iaqi: { PM2_5_1H: 80 } });
    expect(res.body.missing).toContain('O3_1H');
  });

  it.each([
    [{ report: 'daily', concentrations: { FOO: 5 } }, 'env.unknown_pollutant'],
    [{ date: '2026-03-01', report: 'daily', concentrations: { O3_1H_MAX: 5 } }, 'env.unknown_pollutant'],
    [{ report: 'daily', concentrations: { PM2_5_24H: -1 } }, 'env.invalid_concentration'],
    [{ report: 'daily', concentrations: { PM2_5_24H: 'forty' } }, 'env.invalid_concentration'],
    [{ report: 'weekly', concentrations: {} }, 'request.invalid'],
    [{ report: 'daily', concentrations: {}, extra: true }, 'request.invalid'],
  ])('refuses %j with %s', async (body, code) => {
    const res = await t.anonymous.post('/api/v1/calc/aqi', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
  });

  it('refuses malformed JSON with a 4xx and an error code', async () => {
    const res = await t.anonymous.raw('POST', '/api/v1/calc/aqi', '{"report": "daily", ');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toMatch(/^request\./);
  });
});

describe('POST /api/v1/calc/water-quality (public)', () => {
  it('classifies a river section with main pollution indicators and target compliance', async () => {
    const res = await t.anonymous.post('/api/v1/calc/water-quality', {
      waterbody: 'river',
      measurements: { pH: 7.4, DO: 6.2, NH3N: 2.3, TP: 0.32, COD: 24 },
      targetClass: 3,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      factorClasses: { pH: 1, DO: 2, NH3N: 6, TP: 5, COD: 4 },
      sectionClass: 6,
      sectionClassLabel: '劣Ⅴ',
      qualitative: '重度污染',
      mainPollutionIndicators: ['NH3N', 'TP', 'COD'],
      meetsTarget: false,
    });
  });

  it('uses the lake TP limits for lakes', async () => {
    const river = await t.anonymous.post('/api/v1/calc/water-quality', { waterbody: 'river', measurements: { TP: 0.08 } });
    const lake = await t.anonymous.post('/api/v1/calc/water-quality', { waterbody: 'lake', measurements: { TP: 0.08 } });
    expect(river.body.sectionClass).toBe(2);
    expect(lake.body.sectionClass).toBe(4);
    expect(lake.body.meetsTarget).toBeNull();
  });

  it.each([
    [{ waterbody: 'river', measurements: { Arsenic: 0.01 } }, 'env.unknown_water_factor'],
    [{ waterbody: 'river', measurements: { TP: -0.1 } }, 'env.invalid_measurement'],
    [{ waterbody: 'sea', measurements: { TP: 0.1 } }, 'request.invalid'],
  ])('refuses %j with %s', async (body, code) => {
    const res = await t.anonymous.post('/api/v1/calc/water-quality', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
  });
});

describe('POST /api/v1/calc/noise (public)', () => {
  it.each([
    ['05:59', 'night', 45, 10.3],
    ['06:00', 'day', 55, 0.3],
    ['21:59', 'day', 55, 0.3],
    ['22:00', 'night', 45, 10.3],
  ])('at %s decides the %s period (limit %d, exceedance %d dB)', async (time, period, limitDbA, exceedanceDb) => {
    const res = await t.anonymous.post('/api/v1/calc/noise', { zone: '1', leqDbA: 55.3, time });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ period, limitDbA, compliant: false, exceedanceDb });
  });

  it('distinguishes 4a and 4b at night', async () => {
    const a = await t.anonymous.post('/api/v1/calc/noise', { zone: '4a', leqDbA: 58, period: 'night' });
    const b = await t.anonymous.post('/api/v1/calc/noise', { zone: '4b', leqDbA: 58, period: 'night' });
    expect(a.body).toEqual({ period: 'night', limitDbA: 55, compliant: false, exceedanceDb: 3 });
    expect(b.body).toEqual({ period: 'night', limitDbA: 60, compliant: true, exceedanceDb: 0 });
  });

  it.each([
    [{ zone: '5', leqDbA: 50, period: 'day' }, 'request.invalid'],
    [{ zone: '1', leqDbA: -3, period: 'day' }, 'env.invalid_noise_level'],
    [{ zone: '1', leqDbA: 50 }, 'request.invalid'],
  ])('refuses %j with %s', async (body, code) => {
    const res = await t.anonymous.post('/api/v1/calc/noise', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
  });
});
