import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixedClock, type TestApp, type TestClient } from '../../../test/support/create-test-app';
import { metricRegistry } from '../metric-definitions';
import { findOrgUnit } from '../org';
import { createStationVia, loginEnvUser, orgIdOf } from './env-test-support';

let t: TestApp;
let env: TestClient;
let sijia: string;
const sections: Record<string, string> = {};
const points: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-11-26T04:00:00Z') });
  env = await loginEnvUser(t);
  sijia = await orgIdOf(t, 'town-sijia');
  const section = (code: string, riverName: string, targetClass: number, waterbody = 'river') =>
    createStationVia(env, { kind: 'water', code, name: `${riverName}${code}`, territoryOrgUnitId: sijia, lon: 121.33, lat: 32.02, waterbody, riverName, targetClass });
  for (const [code, river, target] of [['W1', '测试河', 3], ['W2', '测试河', 3], ['W3', '测试河', 2], ['W4', '测试河', 3], ['W5', '测试河', 3]] as const) {
    sections[code] = (await section(code, river, target)).id;
  }
  sections.L1 = (await section('L1', '测试湖', 3, 'lake')).id;
  for (const [code, zone] of [['N1', '1'], ['N2', '4a'], ['N3', '4b']] as const) {
    points[code] = (await createStationVia(env, { kind: 'noise', code, name: `测点 ${code}`, territoryOrgUnitId: sijia, lon: 121.33, lat: 32.02, noiseZone: zone })).id;
  }
});
afterAll(async () => t.close());

const good = { pH: 7.5, DO: 7, CODMn: 3.5, COD: 14, BOD5: 2.5, NH3N: 0.4, TP: 0.08 };

describe('surface water through the API', () => {
  it('evaluates a sample: class, grade, main indicators with multiples, target compliance', async () => {
    const res = await env.post('/api/v1/environment/water/samples', {
      stationId: sections.W1, sampledOn: '2026-10-10', measurements: { ...good, NH3N: 2.3, TP: 0.32, COD: 24, TN: 3.1 },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      sectionClass: 6, sectionClassLabel: '劣Ⅴ', qualitative: '重度污染', mainPollutionIndicators: ['NH3N', 'TP', 'COD'], targetClass: 3, meetsTarget: false,
    });
    expect(res.body.evaluation.exceedanceMultiples).toMatchObject({ NH3N: 1.3, TP: 0.6, COD: 0.2 });
    expect(res.body.evaluation.factorClasses.TN).toBeNull(); // rivers: TN has no Table 1 row
    const dup = await env.post('/api/v1/environment/water/samples', { stationId: sections.W1, sampledOn: '2026-10-10', measurements: good });
    expect(dup.status).toBe(409);
  });

  it('refuses unknown factors, negative values, future dates, non-water stations and non-data-entry users', async () => {
    expect((await env.post('/api/v1/environment/water/samples', { stationId: sections.W2, sampledOn: '2026-10-10', measurements: { Arsenic: 1 } })).status).toBe(400);
    expect((await env.post('/api/v1/environment/water/samples', { stationId: sections.W2, sampledOn: '2026-10-10', measurements: { TP: -1 } })).status).toBe(400);
    const future = await env.post('/api/v1/environment/water/samples', { stationId: sections.W2, sampledOn: '2026-12-01', measurements: good });
    expect(future.body.error.code).toBe('env.future_date');
    const notWater = await env.post('/api/v1/environment/water/samples', { stationId: points.N1, sampledOn: '2026-10-10', measurements: good });
    expect(notWater.body.error.code).toBe('env.not_water_section');
    const town1 = await t.as('town1');
    expect((await town1.post('/api/v1/environment/water/samples', { stationId: sections.W2, sampledOn: '2026-10-10', measurements: good })).status).toBe(403);
  });

  it('re-evaluates on update (with version) and computes 水质达标率 from period means', async () => {
    const first = await env.post('/api/v1/environment/water/samples', { stationId: sections.W2, sampledOn: '2026-10-11', measurements: good });
    const fixed = await env.patch(`/api/v1/environment/water/samples/${first.body.id}`, { version: 1, measurements: { ...good, NH3N: 1.2 } });
    expect(fixed.body).toMatchObject({ sectionClass: 4, meetsTarget: false, version: 2 });
    // W2's second sample brings the October mean NH3N to (1.2 + 0.4) / 2 = 0.8 → Ⅲ → meets its target.
    await env.post('/api/v1/environment/water/samples', { stationId: sections.W2, sampledOn: '2026-10-20', measurements: good });
    await env.post('/api/v1/environment/water/samples', { stationId: sections.W3, sampledOn: '2026-10-12', measurements: good });
    const res = await env.get(`/api/v1/environment/water/compliance?groupBy=month&from=2026-10-01&to=2026-10-31&orgUnitId=${sijia}`);
    expect(res.status).toBe(200);
    const [october] = res.body.rows;
    const byCode = Object.fromEntries(october.results.map((r: { code: string }) => [r.code, r]));
    expect(byCode.W2).toMatchObject({ sampleCount: 2, sectionClass: 3, meetsTarget: true, meanMeasurements: expect.objectContaining({ NH3N: 0.8 }) });
    // W3 (target Ⅱ): TP 0.08 is Ⅱ, NH3N 0.4 is Ⅱ, COD 14 is Ⅰ, DO 7 is Ⅱ → Ⅱ → meets.
    expect(byCode.W3).toMatchObject({ sectionClass: 2, meetsTarget: true });
    expect(october).toMatchObject({ sections: 3, withTarget: 3, meetingTarget: 2, compliancePercent: 66.7 });
    const unit = await findOrgUnit(t.database.db, sijia);
    const metric = await metricRegistry.find('env.water_compliance_rate')?.compute(t.database.db, {
      scope: { orgUnitId: sijia, orgPath: unit?.path as string }, period: { from: '2026-10-01', to: '2026-10-31' }, now: new Date(),
    });
    expect(metric).toMatchObject({ value: '66.7', provenance: { numerator: 2, denominator: 3, recordCount: 4 } });
  });

  it('evaluates rivers: the proportion method with 5 sections, the mean method for a lake', async () => {
    for (const code of ['W4', 'W5']) await env.post('/api/v1/environment/water/samples', { stationId: sections[code], sampledOn: '2026-10-15', measurements: good });
    await env.post('/api/v1/environment/water/samples', { stationId: sections.L1, sampledOn: '2026-10-15', measurements: { ...good, TP: 0.08 } });
    const res = await env.get(`/api/v1/environment/water/rivers?from=2026-10-01&to=2026-10-31&orgUnitId=${sijia}`);
    const river = res.body.rivers.find((r: { riverName: string }) => r.riverName === '测试河');
    // Sections: W1 劣Ⅴ, W2 Ⅲ, W3 Ⅱ, W4 Ⅱ, W5 Ⅱ → Ⅰ–Ⅲ 80 % → 良好.
    expect(river).toMatchObject({ method: 'proportion', sectionCount: 5, qualitative: '良好', goodPercent: 80, worstPercent: 20 });
    const lake = res.body.rivers.find((r: { riverName: string }) => r.riverName === '测试湖');
    expect(lake).toMatchObject({ method: 'mean', waterbody: 'lake', riverClass: 4, riverClassLabel: 'Ⅳ', mainPollutionIndicators: ['TP'] });
  });
});

describe('noise through the API', () => {
  it('judges day and night Leq against the point’s zone (4a vs 4b at night)', async () => {
    const a = await env.post('/api/v1/environment/noise/measurements', { stationId: points.N2, measuredOn: '2026-11-15', dayLeq: 68.2, nightLeq: 58 });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ zone: '4a', dayLimit: 70, dayCompliant: true, nightLimit: 55, nightCompliant: false, nightExceedance: 3 });
    const b = await env.post('/api/v1/environment/noise/measurements', { stationId: points.N3, measuredOn: '2026-11-15', dayLeq: 68.2, nightLeq: 58 });
    expect(b.body).toMatchObject({ zone: '4b', nightLimit: 60, nightCompliant: true, nightExceedance: 0 });
    const c = await env.post('/api/v1/environment/noise/measurements', { stationId: points.N1, measuredOn: '2026-11-15', dayLeq: 55.3, nightLeq: 44.9, nightLmax: 61 });
    expect(c.body).toMatchObject({ dayCompliant: false, dayExceedance: 0.3, nightCompliant: true, nightBurstCompliant: false });
  });

  it('refuses bad levels and values with more than 0.1 dB precision', async () => {
    expect((await env.post('/api/v1/environment/noise/measurements', { stationId: points.N1, measuredOn: '2026-11-16', dayLeq: -1 })).status).toBe(400);
    expect((await env.post('/api/v1/environment/noise/measurements', { stationId: points.N1, measuredOn: '2026-11-16', dayLeq: 55.25 })).status).toBe(400);
    expect((await env.post('/api/v1/environment/noise/measurements', { stationId: points.N1, measuredOn: '2026-11-16' })).status).toBe(400);
  });

  it('computes 达标率 by zone class and period, and the metric', async () => {
    const res = await env.get(`/api/v1/environment/noise/compliance?groupBy=quarter&from=2026-10-01&to=2026-12-31&orgUnitId=${sijia}`);
    const [q4] = res.body.rows;
    expect(q4.period).toBe('2026-Q4');
    const byZone = Object.fromEntries(q4.byZone.map((z: { zone: string }) => [z.zone, z]));
    expect(byZone['4a'].night).toEqual({ measured: 1, compliant: 0, percent: 0 });
    expect(byZone['1'].day).toEqual({ measured: 1, compliant: 0, percent: 0 });
    expect(q4.all.overall).toEqual({ measured: 6, compliant: 4, percent: 66.7 });
    const unit = await findOrgUnit(t.database.db, sijia);
    const metric = await metricRegistry.find('env.noise_compliance_rate')?.compute(t.database.db, {
      scope: { orgUnitId: sijia, orgPath: unit?.path as string }, period: { from: '2026-10-01', to: '2026-12-31' }, now: new Date(),
    });
    expect(metric?.value).toBe('66.7');
    const list = await env.get(`/api/v1/environment/noise/measurements?compliant=false&stationId=${points.N2}`);
    expect(list.body.total).toBe(1);
  });
});
