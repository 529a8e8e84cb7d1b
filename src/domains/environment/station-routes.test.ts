import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/create-test-app';
import { createStationVia, loginEnvUser, orgIdOf } from './env-test-support';

let t: TestApp;
let office: TestClient;
let env: TestClient;
let changle: string;
let yuelai: string;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  env = await loginEnvUser(t);
  changle = await orgIdOf(t, 'town-changle');
  yuelai = await orgIdOf(t, 'town-yuelai');
});
afterAll(async () => t.close());

const air = (code: string, territoryOrgUnitId: string) => ({ kind: 'air', code, name: `测试站 ${code}`, territoryOrgUnitId, lon: 121.2, lat: 31.9, airStationLevel: '乡镇' });

describe('environment stations', () => {
  it('lets the environment department create, read and update a water section (with version)', async () => {
    const created = await createStationVia(env, {
      kind: 'water', code: 'WQ-T-01', name: '测试河测试断面', territoryOrgUnitId: changle, lon: 121.25, lat: 31.93, waterbody: 'river', riverName: '测试河', targetClass: 3,
    });
    expect(created).toMatchObject({ kind: 'water', waterbody: 'river', targetClass: 3, territoryName: '常乐镇', version: 1, isActive: true });
    const patched = await env.patch(`/api/v1/environment/stations/${created.id}`, { version: 1, targetClass: 2, name: '测试河新断面' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ targetClass: 2, name: '测试河新断面', version: 2 });
    const stale = await env.patch(`/api/v1/environment/stations/${created.id}`, { version: 1, targetClass: 4 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('env.stale_version');
    const history = await office.get(`/api/v1/audit-log?entityType=env_station&entityId=${created.id}`);
    expect(history.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['env.station.create', 'env.station.update']);
  });

  it('refuses fields that do not fit the kind, duplicate codes and non-territorial units', async () => {
    const noWaterbody = await office.post('/api/v1/environment/stations', { kind: 'water', code: 'WQ-T-02', name: '缺水体', territoryOrgUnitId: changle, lon: 121, lat: 31 });
    expect(noWaterbody.status).toBe(400);
    const noiseOnAir = await office.post('/api/v1/environment/stations', { ...air('AQ-T-09', changle), noiseZone: '2' });
    expect(noiseOnAir.status).toBe(400);
    await createStationVia(office, air('AQ-T-01', changle));
    const dup = await office.post('/api/v1/environment/stations', air('aq-t-01', yuelai));
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('env.duplicate_station_code');
    const dept = await office.post('/api/v1/environment/stations', air('AQ-T-08', await orgIdOf(t, 'dept-sci')));
    expect(dept.status).toBe(400);
    expect(dept.body.error.code).toBe('env.not_a_territory');
  });

  it('forbids data entry to townships and to departments other than the environment department', async () => {
    const town1 = await t.as('town1');
    expect((await town1.post('/api/v1/environment/stations', air('AQ-T-03', changle))).status).toBe(403);
    const sci = await t.as('sci');
    const res = await sci.post('/api/v1/environment/stations', air('AQ-T-04', changle));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('env.data_entry_forbidden');
  });

  it('shows a township only the stations of its territory; others answer 404', async () => {
    const own = await createStationVia(office, air('AQ-T-05', changle));
    const other = await createStationVia(office, air('AQ-T-06', yuelai));
    const town1 = await t.as('town1');
    const list = await town1.get('/api/v1/environment/stations?pageSize=500');
    expect(list.status).toBe(200);
    const codes = list.body.items.map((s: { code: string }) => s.code);
    expect(codes).toContain('AQ-T-05');
    expect(codes).not.toContain('AQ-T-06');
    expect(list.body.items.every((s: { territoryName: string }) => s.territoryName === '常乐镇')).toBe(true);
    expect((await town1.get(`/api/v1/environment/stations/${own.id}`)).status).toBe(200);
    expect((await town1.get(`/api/v1/environment/stations/${other.id}`)).status).toBe(404);
    const town2 = await t.as('town2');
    expect((await town2.get(`/api/v1/environment/stations/${own.id}`)).status).toBe(404);
    expect((await town2.get(`/api/v1/environment/stations/${other.id}`)).status).toBe(200);
    // The environment department sees the whole city.
    const all = await env.get('/api/v1/environment/stations?pageSize=500&q=AQ-T-0');
    expect(all.body.items.map((s: { code: string }) => s.code)).toEqual(expect.arrayContaining(['AQ-T-05', 'AQ-T-06']));
  });

  it('filters by kind and territory, exports the same list as xlsx, and maps stations as GeoJSON', async () => {
    const filtered = await office.get(`/api/v1/environment/stations?kind=air&territoryOrgUnitId=${yuelai}&pageSize=500`);
    expect(filtered.body.items.length).toBeGreaterThan(0);
    expect(filtered.body.items.every((s: { kind: string; territoryName: string }) => s.kind === 'air' && s.territoryName === '悦来镇')).toBe(true);
    const xlsx = await office.request('GET', `/api/v1/environment/stations/export.xlsx?kind=air&territoryOrgUnitId=${yuelai}`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const map = await office.get('/api/v1/environment/stations.geojson?kind=air');
    expect(map.body.type).toBe('FeatureCollection');
    const feature = map.body.features.find((f: { properties: { code: string } }) => f.properties.code === 'AQ-T-06');
    expect(feature.geometry).toEqual({ type: 'Point', coordinates: [121.2, 31.9] });
  });

  it('deactivates a station (it leaves the default list but keeps its record)', async () => {
    const s = await createStationVia(office, air('AQ-T-07', changle));
    const res = await office.patch(`/api/v1/environment/stations/${s.id}`, { version: 1, isActive: false });
    expect(res.body.isActive).toBe(false);
    const list = await office.get('/api/v1/environment/stations?q=AQ-T-07');
    expect(list.body.total).toBe(0);
    const withInactive = await office.get('/api/v1/environment/stations?q=AQ-T-07&includeInactive=true');
    expect(withInactive.body.total).toBe(1);
  });

  it.each([
    ['POST', '/api/v1/environment/stations', { kind: 'air', code: "x'; DROP TABLE env_stations; --", name: '<script>alert(1)</script>', territoryOrgUnitId: '00000000-0000-4000-8000-000000000000', lon: 1e308, lat: 31 }],
    ['POST', '/api/v1/environment/air/hourly', [{ stationCode: 'AQ-T-01', hourStart: '2026-13-40T99:00:00+08:00', PM2_5: 1 }]],
    ['POST', '/api/v1/environment/air/hourly', [{ stationCode: 'AQ-T-01', hourStart: '2026-11-20T08:00:00+08:00', PM2_5: 1e300 }]],
    ['GET', '/api/v1/environment/air/statistics?level=galaxy', undefined],
    ['GET', '/api/v1/environment/air/statistics?from=2026-12-01&to=2026-01-01', undefined],
    ['GET', '/api/v1/environment/air/statistics?from=2000-01-01&to=2026-01-01', undefined],
    ['POST', '/api/v1/environment/red-lines/zones/import', [1, 2, 3]],
    ['POST', '/api/v1/environment/siting-checks', { projectType: 'industrial', footprint: [[['a', 'b']]] }],
    ['POST', '/api/v1/environment/siting-checks/batch', { footprints: { type: 'FeatureCollection', features: [] } }],
    ['DELETE', '/api/v1/environment/red-lines/control-rules/00000000-0000-4000-8000-000000000000?version=abc', undefined],
  ])('answers hostile input %s %s with a 4xx and an error code', async (method, path, body) => {
    const res = await office.request(method, path, body);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.error.code).toMatch(/^[a-z_]+\.[a-z_]+$/);
  });
});

