import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixedClock, type TestApp, type TestClient } from '../../../test/support/create-test-app';
import { metricRegistry } from '../metric-definitions';
import { findOrgUnit } from '../org';
import { createStationVia, loginEnvUser, orgIdOf } from './env-test-support';

let t: TestApp;
let env: TestClient;
let changle: string;
let sijia: string;
let stationC: string;
let stationA: string;
let stationB: string;

/** Hour h (0–23) of local day `date` (Asia/Shanghai, UTC+8) as an ISO instant with offset. */
const hourOf = (date: string, h: number) => `${date}T${String(h).padStart(2, '0')}:00:00+08:00`;
const day = (code: string, date: string, values: Record<string, number>, hours = 24) =>
  Array.from({ length: hours }, (_, h) => ({ stationCode: code, hourStart: hourOf(date, h), ...values }));
const normal = { SO2: 10, NO2: 30, CO: 0.8, O3: 100, PM10: 70, PM2_5: 50 };

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-11-26T04:00:00Z') });
  env = await loginEnvUser(t);
  changle = await orgIdOf(t, 'town-changle');
  // 四甲镇 has no demo station, so its aggregates come from these two stations only.
  sijia = await orgIdOf(t, 'town-sijia');
  stationA = (await createStationVia(env, { kind: 'air', code: 'AQ-A', name: '四甲测试站甲', territoryOrgUnitId: sijia, lon: 121.33, lat: 32.02 })).id;
  stationB = (await createStationVia(env, { kind: 'air', code: 'AQ-B', name: '四甲测试站乙', territoryOrgUnitId: sijia, lon: 121.34, lat: 32.03 })).id;
  stationC = (await createStationVia(env, { kind: 'air', code: 'AQ-C', name: '常乐测试站', territoryOrgUnitId: changle, lon: 121.24, lat: 31.92 })).id;
});
afterAll(async () => t.close());

async function daily(stationId: string, from = '2026-11-01', to = '2026-11-30') {
  const res = await env.get(`/api/v1/environment/air/stations/${stationId}/daily?from=${from}&to=${to}`);
  expect(res.status).toBe(200);
  return res.body.items as { date: string; aqi: number | null; category: string | null; primaryPollutants: string[]; values: Record<string, number | null>; validHours: Record<string, number> }[];
}

describe('hourly air data → daily AQI', () => {
  it('upserts a day of hours and computes the daily values and AQI of that local day', async () => {
    const res = await env.post('/api/v1/environment/air/hourly', day('AQ-A', '2026-11-20', normal));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ received: 24, inserted: 24, updated: 0, stations: 1, recomputedDays: 1 });
    const [d] = await daily(stationA);
    expect(d).toMatchObject({ date: '2026-11-20', aqi: 80, category: '良', primaryPollutants: ['PM2_5_24H'] });
    expect(d?.values).toMatchObject({ PM2_5_24H: 50, PM10_24H: 70, CO_24H: 0.8, O3_8H_MAX: 100 });
    expect(d?.validHours.PM2_5).toBe(24);
  });

  it('recomputes the day when late data arrives (updated hours change the daily AQI)', async () => {
    const late = day('AQ-A', '2026-11-20', { ...normal, PM2_5: 200 }, 6);
    const res = await env.post('/api/v1/environment/air/hourly', late);
    expect(res.body).toMatchObject({ inserted: 0, updated: 6, recomputedDays: 1 });
    const [d] = await daily(stationA);
    // (6 × 200 + 18 × 50) / 24 = 87.5 → 88 (half-even) → IAQI 126
    expect(d).toMatchObject({ aqi: 126, category: '轻度污染', values: expect.objectContaining({ PM2_5_24H: 88 }) });
  });

  it('keeps a day without enough valid hours as a day without AQI (and marked-invalid hours do not count)', async () => {
    await env.post('/api/v1/environment/air/hourly', day('AQ-B', '2026-11-21', normal, 19));
    const [d] = await daily(stationB);
    expect(d).toMatchObject({ date: '2026-11-21', aqi: null, category: null });
    expect(d?.values.PM2_5_24H).toBeNull();
    // 24 hours, but 5 of them flagged invalid → 19 valid hours → still no daily mean.
    const flagged = day('AQ-B', '2026-11-22', normal).map((r, h) => (h < 5 ? { ...r, valid: false, flag: 'C' } : r));
    await env.post('/api/v1/environment/air/hourly', flagged);
    const d22 = (await daily(stationB)).find((x) => x.date === '2026-11-22');
    expect(d22?.validHours.PM2_5).toBe(19);
    expect(d22?.aqi).toBeNull();
  });

  it('answers a good-day rate of null (not 0) when a station has no valid day, and counts valid days otherwise', async () => {
    const stats = await env.get(`/api/v1/environment/air/statistics?level=station&groupBy=month&from=2026-11-01&to=2026-11-30&stationId=${stationB}`);
    expect(stats.status).toBe(200);
    expect(stats.body.rows).toHaveLength(1);
    expect(stats.body.rows[0]).toMatchObject({ totalDays: 2, validDays: 0, goodDays: 0, goodDayPercent: null });
    const a = await env.get(`/api/v1/environment/air/statistics?level=station&groupBy=year&from=2026-11-01&to=2026-11-30&stationId=${stationA}`);
    expect(a.body.rows[0]).toMatchObject({ validDays: 1, goodDays: 0, goodDayPercent: 0, pollutedDays: 1 });
    expect(a.body.rows[0].primaryPollutantPollutedDays.PM2_5).toBe(1);
  });

  it('aggregates a township from the mean concentrations of its stations', async () => {
    await env.post('/api/v1/environment/air/hourly', [...day('AQ-A', '2026-11-23', { ...normal, PM2_5: 40 }), ...day('AQ-B', '2026-11-23', { ...normal, PM2_5: 70 })]);
    const res = await env.get(`/api/v1/environment/air/statistics?level=township&groupBy=month&from=2026-11-23&to=2026-11-23&orgUnitId=${sijia}`);
    expect(res.body.rows).toHaveLength(1);
    expect(res.body.rows[0]).toMatchObject({ unit: { kind: 'township', name: '四甲镇' }, validDays: 1, goodDays: 1 });
    // mean PM2.5 of the two stations (40, 70) = 55 → IAQI 90
    expect(res.body.rows[0].means.PM2_5_24H).toBe(55);
    const cal = await env.get(`/api/v1/environment/air/calendar?year=2026&orgUnitId=${sijia}`);
    expect(cal.body.days.find((d: { date: string }) => d.date === '2026-11-23')).toMatchObject({ aqi: 90, category: '良', color: '#FFFF00' });
  });

  it('refuses bad batches with the row named, writing nothing', async () => {
    const dup = await env.post('/api/v1/environment/air/hourly', [...day('AQ-A', '2026-11-24', normal, 2), ...day('AQ-A', '2026-11-24', normal, 1)]);
    expect(dup.status).toBe(400);
    expect(dup.body.error.code).toBe('env.invalid_hourly_data');
    expect(dup.body.error.message).toContain('第 3 条');
    const unknown = await env.post('/api/v1/environment/air/hourly', day('NOPE', '2026-11-24', normal, 1));
    expect(unknown.body.error.code).toBe('env.invalid_hourly_data');
    const future = await env.post('/api/v1/environment/air/hourly', [{ stationCode: 'AQ-A', hourStart: '2026-11-27T08:00:00+08:00', PM2_5: 3 }]);
    expect(future.status).toBe(400);
    const halfHour = await env.post('/api/v1/environment/air/hourly', [{ stationCode: 'AQ-A', hourStart: '2026-11-24T08:30:00+08:00', PM2_5: 3 }]);
    expect(halfHour.status).toBe(400);
    const negative = await env.post('/api/v1/environment/air/hourly', [{ stationCode: 'AQ-A', hourStart: hourOf('2026-11-24', 1), PM2_5: -3 }]);
    expect(negative.status).toBe(400);
    const notArray = await env.post('/api/v1/environment/air/hourly', { stationCode: 'AQ-A' });
    expect(notArray.status).toBe(400);
    expect((await daily(stationA)).some((d) => d.date === '2026-11-24')).toBe(false);
  });

  it('keeps hourly data entry and other territories out of reach of townships', async () => {
    const town1 = await t.as('town1');
    expect((await town1.post('/api/v1/environment/air/hourly', day('AQ-C', '2026-11-25', normal, 1))).status).toBe(403);
    expect((await town1.get(`/api/v1/environment/air/stations/${stationC}/daily?from=2026-11-01&to=2026-11-30`)).status).toBe(200);
    expect((await town1.get(`/api/v1/environment/air/stations/${stationA}/daily`)).status).toBe(404);
    const town2 = await t.as('town2');
    expect((await town2.get(`/api/v1/environment/air/stations/${stationC}/daily`)).status).toBe(404);
    expect((await town2.get(`/api/v1/environment/air/stations/${stationC}/hourly`)).status).toBe(404);
  });

  it('serves the dashboard and the station overview', async () => {
    const dash = await env.get('/api/v1/environment/dashboard');
    expect(dash.status).toBe(200);
    const a = dash.body.air.stations.find((s: { code: string }) => s.code === 'AQ-A');
    expect(a.latestHour).toMatchObject({ hourStart: '2026-11-23T15:00:00.000Z', standard: 'HJ 633-2026' });
    expect(a.latestDay).toMatchObject({ date: '2026-11-23' });
    expect(dash.body.air.months).toHaveLength(11);
    const overview = await env.get(`/api/v1/environment/stations/${stationA}/overview`);
    expect(overview.body.air.recentDays.map((d: { date: string }) => d.date)).toEqual(['2026-11-20', '2026-11-23']);
  });

  it('feeds the assessment metrics (good-day rate and PM2.5 mean of a territory)', async () => {
    const unit = await findOrgUnit(t.database.db, sijia);
    const scope = { orgUnitId: sijia, orgPath: unit?.path as string };
    const period = { from: '2026-11-20', to: '2026-11-23' };
    const now = new Date('2026-11-26T04:00:00Z');
    // Township days: 11-20 (A only: 126), 11-21/22 (B only: no AQI), 11-23 (mean: 90) → 1 good of 2 valid.
    const rate = await metricRegistry.find('env.air_good_day_rate')?.compute(t.database.db, { scope, period, now });
    expect(rate).toMatchObject({ value: '50.0', unit: '%', provenance: { numerator: 1, denominator: 2 } });
    const pm = await metricRegistry.find('env.pm25_mean')?.compute(t.database.db, { scope, period: { from: '2026-11-23', to: '2026-11-23' }, now });
    expect(pm?.value).toBe('55.0');
    const none = await metricRegistry.find('env.air_good_day_rate')?.compute(t.database.db, { scope, period: { from: '2026-11-21', to: '2026-11-22' }, now });
    expect(none?.value).toBeNull();
  });
});
