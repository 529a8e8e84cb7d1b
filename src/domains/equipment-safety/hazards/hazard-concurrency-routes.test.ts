import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../../test/support/create-test-app';
import { act, loadDemoIds, report, step, uploadPhoto, type DemoIds } from './hazard-route-test-support';

let t: TestApp;
let ids: DemoIds;
let bureau: TestClient;
let town1: TestClient;
let ent1: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  ids = await loadDemoIds(t);
  [bureau, town1, ent1] = await Promise.all([t.as('bureau'), t.as('town1'), t.as('ent1')]);
});
afterAll(async () => t.close());

const statuses = (responses: Array<{ status: number }>) => responses.map((r) => r.status).sort((a, b) => a - b);

describe('twenty concurrent identical actions on one hazard', () => {
  it('lets exactly one confirmation through; the other nineteen get 409 and nothing is recorded twice', async () => {
    const created = await report(town1, { source: 'patrol', orgUnitId: ids.xinghe, enterpriseId: ids.ent1Enterprise, submit: true });
    const body = { action: 'confirm', version: created.version, grade: 'general' };
    const responses = await Promise.all(Array.from({ length: 20 }, () => act(bureau, created.id, body)));
    expect(statuses(responses)).toEqual([200, ...Array.from({ length: 19 }, () => 409)]);
    expect(new Set(responses.filter((r) => r.status === 409).map((r) => r.body.error.code))).toEqual(new Set(['hazard.stale_version']));
    const after = (await bureau.get(`/api/v1/hazards/${created.id}`)).body;
    expect(after).toMatchObject({ status: 'confirmed', version: created.version + 1 });
    expect(after.history.filter((e: { action: string }) => e.action === 'confirm')).toHaveLength(1);
  });

  it('lets exactly one of twenty rectification submissions by the responsible unit through', async () => {
    const created = await report(town1, { source: 'patrol', orgUnitId: ids.xinghe, enterpriseId: ids.ent1Enterprise, submit: true });
    await step(bureau, created.id, { action: 'confirm', grade: 'general' });
    const noticed = await step(bureau, created.id, { action: 'issue_notice', note: '限期整改' });
    const photo = await uploadPhoto(t, ent1);
    const body = { action: 'submit_rectification', version: noticed.version, note: '已整改', afterPhotos: [photo] };
    const responses = await Promise.all(Array.from({ length: 20 }, () => act(ent1, created.id, body)));
    expect(statuses(responses)).toEqual([200, ...Array.from({ length: 19 }, () => 409)]);
    const after = (await ent1.get(`/api/v1/hazards/${created.id}`)).body;
    expect(after.history.filter((e: { action: string }) => e.action === 'submit_rectification')).toHaveLength(1);
    expect(after.version).toBe(noticed.version + 1);
  });
});
