import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/create-test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('smoke', () => {
  it('answers health and lets office log in', async () => {
    const h = await t.anonymous.get('/api/v1/health');
    expect(h.status).toBe(200);
    expect(h.body).toMatchObject({ status: 'ok', db: 'pglite' });
    const office = await t.as('office');
    const tree = await office.get('/api/v1/org-units/tree');
    expect(tree.status).toBe(200);
    const me = await office.get('/api/v1/auth/me');
    expect(me.body.username).toBe('office');
    const town1 = await t.as('town1');
    const list = await town1.get('/api/v1/org-units?pageSize=100');
    expect(list.status).toBe(200);
    console.log(list.body.items.map((u: any) => u.name));
    const audit = await office.get('/api/v1/audit-log?pageSize=5');
    console.log(audit.status, audit.body.total);
    const doc = await t.anonymous.get('/api/v1/openapi.json');
    console.log(Object.keys(doc.body.paths));
  });
});
