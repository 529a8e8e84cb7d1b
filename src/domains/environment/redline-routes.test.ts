import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/create-test-app';
import { computeGeodesicAreaM2 } from './geo/geodesic-area';
import { loginEnvUser } from './env-test-support';

let t: TestApp;
let env: TestClient;
let office: TestClient;

// Test zones near (120.0, 31.0), far from the demo zones around 海门.
const square = (x0: number, y0: number, x1: number, y1: number) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
const wetland = { type: 'Polygon', coordinates: [square(120, 31, 120.02, 31.02), square(120.008, 31.008, 120.012, 31.012)] };
const source = { type: 'MultiPolygon', coordinates: [[square(120.05, 31, 120.06, 31.01)], [square(120.07, 31, 120.08, 31.01)]] };
const feature = (geometry: unknown, properties: Record<string, unknown>) => ({ type: 'Feature', geometry, properties });
const zones = {
  type: 'FeatureCollection',
  features: [
    feature(wetland, { name: '测试湿地', code: 'T-Z1', type: '湿地', tier: '一级管控区', territory: 'town-changle', note: '有岛' }),
    feature(source, { name: '测试水源地', code: 'T-Z2', type: '饮用水水源保护区', tier: '二级管控区', territoryCode: '320684' }),
  ],
};

beforeAll(async () => {
  t = await createTestApp();
  env = await loginEnvUser(t);
  office = await t.as('office');
});
afterAll(async () => t.close());

async function zoneCount(): Promise<number> {
  return (await env.get('/api/v1/environment/red-lines/zones?q=T-Z&includeInactive=true')).body.total;
}

describe('red-line zone import', () => {
  it.each([
    ['not GeoJSON', { foo: 1 }, 'geo.invalid_geojson', ''],
    ['an open ring in feature #2', { type: 'FeatureCollection', features: [zones.features[0], feature({ type: 'Polygon', coordinates: [[[120, 31], [120.1, 31], [120.1, 31.1], [120, 31.1]]] }, { name: '坏区', code: 'T-BAD', type: '湿地', tier: '二级管控区' })] }, 'geo.ring_not_closed', '要素 #2「坏区」'],
    ['a self-intersecting ring', feature({ type: 'Polygon', coordinates: [[[120, 31], [120.1, 31.1], [120.1, 31], [120, 31.1], [120, 31]]] }, { name: '蝴蝶', code: 'T-BOW', type: '湿地', tier: '二级管控区' }), 'geo.self_intersection', '要素 #1「蝴蝶」'],
    ['an unknown tier', feature(wetland, { name: '三级区', code: 'T-T3', type: '湿地', tier: '三级管控区' }), 'geo.unknown_tier', '要素 #1「三级区」'],
    ['an unknown territory', feature(wetland, { name: '无主区', code: 'T-T4', type: '湿地', tier: '二级管控区', territory: 'town-nowhere' }), 'env.unknown_territory', '要素 #1「无主区」'],
    ['a point zone', feature({ type: 'Point', coordinates: [120, 31] }, { name: '点区', code: 'T-P', type: '湿地', tier: '二级管控区' }), 'geo.zone_not_polygon', '要素 #1「点区」'],
  ])('refuses %s with an error naming the feature, writing nothing', async (_what, body, code, names) => {
    const res = await env.post('/api/v1/environment/red-lines/zones/import', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toContain(names);
    expect(await zoneCount()).toBe(0);
  });

  it('imports valid zones with geodesic areas (holes subtracted) and lists them', async () => {
    const dry = await env.post('/api/v1/environment/red-lines/zones/import?dryRun=true', zones);
    expect(dry.body).toMatchObject({ dryRun: true, created: 2 });
    expect(await zoneCount()).toBe(0);
    const res = await env.post('/api/v1/environment/red-lines/zones/import', zones);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ features: 2, created: 2, updated: 0 });
    const list = await env.get('/api/v1/environment/red-lines/zones?q=T-Z&sort=code');
    const [z1, z2] = list.body.items;
    expect(z1).toMatchObject({ code: 'T-Z1', tier: '一级管控区', territoryName: '常乐镇', properties: { note: '有岛' } });
    expect(z1.areaM2).toBeCloseTo(computeGeodesicAreaM2(wetland as never), 3);
    expect(z2).toMatchObject({ code: 'T-Z2', zoneType: '饮用水水源保护区', territoryCode: '320684' });
    const again = await env.post('/api/v1/environment/red-lines/zones/import', zones);
    expect(again.body).toMatchObject({ created: 0, updated: 2 });
    const detail = await env.get(`/api/v1/environment/red-lines/zones/${z1.id}`);
    expect(detail.body.geometry.coordinates).toHaveLength(2);
    const totals = await env.get('/api/v1/environment/red-lines/area-totals?groupBy=tier');
    expect(totals.body.groups.map((g: { key: string }) => g.key)).toEqual(['一级管控区', '二级管控区']);
    expect(totals.body.totalUnionKm2).toBeGreaterThan((z1.areaM2 + z2.areaM2) / 1e6);
    const town1 = await t.as('town1');
    expect((await town1.post('/api/v1/environment/red-lines/zones/import', zones)).status).toBe(403);
    expect((await town1.get('/api/v1/environment/red-lines/zones.geojson')).body.features.length).toBeGreaterThanOrEqual(2);
  });
});

describe('siting checks', () => {
  const check = (client: TestClient, body: Record<string, unknown>) => client.post('/api/v1/environment/siting-checks', body);

  it('prohibits an industrial plot inside a first-tier zone and reports the overlap', async () => {
    const plot = { type: 'Polygon', coordinates: [square(120.002, 31.002, 120.004, 31.004)] };
    const res = await check(env, { projectName: '化工厂', projectType: 'industrial', footprint: plot });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ verdict: 'prohibited', verdictLabel: '禁止', projectTypeLabel: '工业项目', nearest: null, ruleSetSource: 'default' });
    expect(res.body.intersections).toHaveLength(1);
    const [hit] = res.body.intersections;
    expect(hit).toMatchObject({ code: 'T-Z1', contact: 'interior', ruleOutcome: 'prohibited', ruleSource: 'tier_default' });
    expect(hit.overlapAreaM2).toBeCloseTo(computeGeodesicAreaM2(plot as never), 0);
    expect(hit.shareOfFootprint).toBeCloseTo(1, 6);
    expect(res.body.traceText.at(-1)).toContain('结论：禁止');
  });

  it('allows a plot inside the hole and gives the distance to the nearest zone', async () => {
    const res = await check(env, { projectType: 'industrial', footprint: { type: 'Polygon', coordinates: [square(120.009, 31.009, 120.011, 31.011)] } });
    expect(res.body).toMatchObject({ verdict: 'allowed', intersections: [], nearest: { name: '测试湿地' } });
    // 0.001° of longitude at 31°N ≈ 95 m to the hole's ring
    expect(res.body.nearest.distanceM).toBeGreaterThan(90);
    expect(res.body.nearest.distanceM).toBeLessThan(100);
  });

  it('accepts bare coordinates for a point outside all zones', async () => {
    const res = await check(env, { projectType: 'industrial', footprint: [120.03, 31.01] });
    expect(res.body.footprint.kind).toBe('point');
    expect(res.body.nearest.name).toBe('测试湿地');
    expect(res.body.nearest.distanceM).toBeGreaterThan(940);
    expect(res.body.nearest.distanceM).toBeLessThan(970);
  });

  it('gives a line through both parts of a MultiPolygon its length inside and the conditional rule', async () => {
    const res = await check(env, { projectType: 'linear_infrastructure', footprint: { type: 'LineString', coordinates: [[120.045, 31.005], [120.085, 31.005]] } });
    expect(res.body.verdict).toBe('conditional');
    const [hit] = res.body.intersections;
    expect(hit).toMatchObject({ code: 'T-Z2', ruleSource: 'rule' });
    expect(hit.shareOfFootprint).toBeCloseTo(0.5, 6);
  });

  it('refuses unknown project types and footprints that are not GeoJSON', async () => {
    const type = await check(env, { projectType: 'casino', footprint: [120, 31] });
    expect(type.body.error.code).toBe('env.unknown_project_type');
    const geo = await check(env, { projectType: 'industrial', footprint: { type: 'Circle', radius: 3 } });
    expect(geo.status).toBe(400);
    expect(geo.body.error.code).toBe('geo.invalid_geojson');
  });

  it('checks a batch of footprints in one request', async () => {
    const res = await env.post('/api/v1/environment/siting-checks/batch', {
      projectType: 'industrial',
      footprints: {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', id: 'p1', geometry: { type: 'Point', coordinates: [120.001, 31.001] }, properties: { name: '甲' } },
          { type: 'Feature', id: 'p2', geometry: { type: 'Point', coordinates: [120.3, 31.3] }, properties: { name: '乙' } },
          { type: 'Feature', id: 'p3', geometry: { type: 'Point', coordinates: [120.055, 31.005] }, properties: { projectType: 'research_monitoring' } },
        ],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.summary).toEqual({ allowed: 2, conditional: 0, prohibited: 1, total: 3 });
    expect(res.body.results.map((r: { id: string; verdict: string }) => [r.id, r.verdict])).toEqual([['p1', 'prohibited'], ['p2', 'allowed'], ['p3', 'allowed']]);
    const stored = await env.get(`/api/v1/environment/siting-checks/${res.body.id}/batch`);
    expect(stored.body.summary.total).toBe(3);
  });

  it('produces the print view and a valid Word report', async () => {
    const res = await check(env, { projectName: '测试厂房', projectType: 'industrial', footprint: { type: 'Polygon', coordinates: [square(120.015, 31.015, 120.025, 31.025)] } });
    const print = await env.get(`/api/v1/environment/siting-checks/${res.body.id}/print`);
    expect(print.status).toBe(200);
    expect(print.body.map.features.map((f: { properties: { role: string } }) => f.properties.role)).toEqual(['footprint', 'zone']);
    const doc = await t.app.request(`/api/v1/environment/siting-checks/${res.body.id}/report.docx`, { headers: { cookie: env.cookie as string } });
    expect(doc.status).toBe(200);
    expect(doc.headers.get('content-type')).toContain('wordprocessingml');
    const bytes = Buffer.from(await doc.arrayBuffer());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
  });

  it('keeps each township’s checks to itself', async () => {
    const town1 = await t.as('town1');
    const mine = await check(town1, { projectType: 'industrial', footprint: [120.5, 31.5] });
    expect(mine.status).toBe(201);
    const town2 = await t.as('town2');
    expect((await town2.get(`/api/v1/environment/siting-checks/${mine.body.id}`)).status).toBe(404);
    expect((await town1.get(`/api/v1/environment/siting-checks/${mine.body.id}`)).status).toBe(200);
    const list = await town2.get('/api/v1/environment/siting-checks');
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(mine.body.id);
    expect((await office.get(`/api/v1/environment/siting-checks/${mine.body.id}`)).status).toBe(200);
    expect((await (await t.as('ent1')).post('/api/v1/environment/siting-checks', { projectType: 'industrial', footprint: [120, 31] })).status).toBe(403);
  });
});

describe('control rules', () => {
  it('edits a default rule (materialising the defaults) and the siting verdict follows', async () => {
    const rules = await env.get('/api/v1/environment/red-lines/control-rules');
    expect(rules.body.source).toBe('default');
    const rule = rules.body.rules.find((r: { tier: string; projectType: string }) => r.tier === '二级管控区' && r.projectType === 'industrial');
    const before = await env.post('/api/v1/environment/siting-checks', { projectType: 'industrial', footprint: [120.055, 31.005] });
    expect(before.body.verdict).toBe('prohibited');
    const patched = await env.patch(`/api/v1/environment/red-lines/control-rules/${rule.id}`, { version: 1, outcome: 'conditional', text: '试点：经论证可有条件建设。' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ outcome: 'conditional', version: 2 });
    const after = await env.post('/api/v1/environment/siting-checks', { projectType: 'industrial', footprint: [120.055, 31.005] });
    expect(after.body).toMatchObject({ verdict: 'conditional', ruleSetSource: 'configured' });
    expect(after.body.intersections[0].ruleText).toBe('试点：经论证可有条件建设。');
    const dup = await env.post('/api/v1/environment/red-lines/control-rules', { tier: '二级管控区', projectType: 'industrial', outcome: 'allowed', text: '重复' });
    expect(dup.status).toBe(409);
    const unknownTier = await env.post('/api/v1/environment/red-lines/control-rules', { tier: '三级管控区', projectType: 'industrial', outcome: 'allowed', text: '无此级别' });
    expect(unknownTier.status).toBe(400);
    const stale = await env.request('DELETE', `/api/v1/environment/red-lines/control-rules/${rule.id}?version=1`);
    expect(stale.status).toBe(409);
    const sci = await t.as('sci');
    expect((await sci.patch(`/api/v1/environment/red-lines/control-rules/${rule.id}`, { version: 2, outcome: 'allowed' })).status).toBe(403);
  });

  it('refuses to drop a tier that zones still use', async () => {
    const rules = (await env.get('/api/v1/environment/red-lines/control-rules')).body;
    const res = await env.request('PUT', '/api/v1/environment/red-lines/control-rules/config', {
      version: rules.version, tiers: ['二级管控区'], projectTypes: rules.projectTypes, tierDefaults: rules.tierDefaults.filter((d: { tier: string }) => d.tier === '二级管控区'),
      fallback: rules.fallback, boundaryContactCap: rules.boundaryContactCap,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('env.tier_in_use');
  });
});
