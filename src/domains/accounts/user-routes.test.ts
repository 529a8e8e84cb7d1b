import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/create-test-app';

let t: TestApp;
let office: TestClient;
let town1: TestClient;
let orgId: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  town1 = await t.as('town1');
  const all = (await office.get('/api/v1/org-units?pageSize=500')).body.items as Array<{ id: string; code: string }>;
  orgId = Object.fromEntries(all.map((u) => [u.code, u.id]));
});
afterAll(async () => t.close());

describe('user management', () => {
  it('creates an account with a temporary password that must be changed at first login', async () => {
    const res = await office.post('/api/v1/users', { username: 'zhou.env', displayName: '周环境', role: 'department', orgUnitId: orgId['dept-env'] });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ username: 'zhou.env', role: 'department', mustChangePassword: true, orgUnitName: '南通市海门生态环境局' });
    const client = await t.as('zhou.env', res.body.temporaryPassword);
    expect(client.me.mustChangePassword).toBe(true);
  });

  it('refuses a duplicate username regardless of case', async () => {
    const res = await office.post('/api/v1/users', { username: 'OFFICE', displayName: 'x', role: 'bureau', orgUnitId: orgId['dept-amr'], password: 'Good#Pass2026' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('user.duplicate_username');
  });

  it('lets a township create township staff in its own territory only', async () => {
    const ok = await town1.post('/api/v1/users', {
      username: 'changle.coord',
      displayName: '常乐协管员',
      role: 'township',
      flags: ['safetyCoordinator'],
      orgUnitId: orgId['village-changle-xinghe'],
      password: 'Coord#2026x',
    });
    expect(ok.status).toBe(201);
    const elsewhere = await town1.post('/api/v1/users', { username: 'yuelai.x', displayName: 'x', role: 'township', orgUnitId: orgId['town-yuelai'], password: 'Coord#2026x' });
    expect(elsewhere.status).toBe(404);
    const higherRole = await town1.post('/api/v1/users', { username: 'boss', displayName: 'x', role: 'office', orgUnitId: orgId['town-changle'], password: 'Coord#2026x' });
    expect(higherRole.status).toBe(403);
    expect(higherRole.body.error.code).toBe('user.role_not_assignable');
  });

  it('keeps duty flags for township staff only', async () => {
    const res = await office.post('/api/v1/users', { username: 'flagged', displayName: 'x', role: 'bureau', flags: ['qualityManager'], orgUnitId: orgId['dept-amr'], password: 'Good#Pass2026' });
    expect(res.body.error.code).toBe('user.flags_not_allowed');
  });

  it("shows town1 only its territory's accounts and hides town2's (404)", async () => {
    const list = await town1.get('/api/v1/users?pageSize=100');
    expect(list.body.items.map((x: { username: string }) => x.username)).not.toContain('town2');
    expect(list.body.items.map((x: { username: string }) => x.username)).toContain('town1');
    const town2 = (await office.get('/api/v1/users?q=town2')).body.items[0];
    expect((await town1.get(`/api/v1/users/${town2.id}`)).status).toBe(404);
    expect((await town1.patch(`/api/v1/users/${town2.id}`, { version: town2.version, displayName: 'x' })).status).toBe(404);
  });

  it('deactivating an account ends its sessions', async () => {
    const bureauClient = await t.as('bureau');
    const bureau = (await office.get('/api/v1/users?q=bureau')).body.items[0];
    const res = await office.patch(`/api/v1/users/${bureau.id}`, { version: bureau.version, isActive: false });
    expect(res.status).toBe(200);
    expect((await bureauClient.get('/api/v1/auth/me')).status).toBe(401);
    expect((await t.anonymous.post('/api/v1/auth/login', { username: 'bureau', password: 'Demo#2026' })).status).toBe(401);
  });
});

describe('audit log', () => {
  it('lists the writes made above with before and after, filterable by action', async () => {
    const res = await office.get('/api/v1/audit-log?action=user&pageSize=50');
    expect(res.status).toBe(200);
    const update = res.body.items.find((e: { action: string; after: { isActive?: boolean } }) => e.action === 'user.update' && e.after?.isActive === false);
    expect(update).toMatchObject({ actorUsername: 'office', before: { isActive: true }, after: { isActive: false } });
    expect(res.body.items.some((e: { action: string }) => e.action === 'user.create')).toBe(true);
  });

  it('exports the filtered log to Excel', async () => {
    const res = await t.app.request('/api/v1/audit-log/export.xlsx?action=user.create', { headers: { cookie: office.cookie as string } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0];
    const header = sheet?.getRow(1).values as unknown[];
    expect(header).toContain('动作');
    const actions = new Set<string>();
    sheet?.eachRow((row, n) => {
      if (n > 1) actions.add(String(row.getCell(5).value));
    });
    expect([...actions]).toEqual(['user.create']);
  });

  it('is readable by the office and the administrator only', async () => {
    expect((await town1.get('/api/v1/audit-log')).status).toBe(403);
    expect((await (await t.as('sci')).get('/api/v1/audit-log')).status).toBe(403);
  });

  it('cannot be changed: the database refuses UPDATE and DELETE on audit_log', async () => {
    await expect(t.database.execScript(`UPDATE audit_log SET summary = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.database.execScript(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });
});

describe('audit log order', () => {
  it('lists entries newest first across more than ten entries, and oldest first on request', async () => {
    const newest = (await office.get('/api/v1/audit-log?pageSize=200')).body.items.map((e: { id: string }) => Number(e.id));
    expect(newest.length).toBeGreaterThan(20);
    expect(newest).toEqual([...newest].sort((a, b) => b - a));
    const oldest = (await office.get('/api/v1/audit-log?pageSize=200&sort=at')).body.items.map((e: { id: string }) => Number(e.id));
    expect(oldest).toEqual([...oldest].sort((a, b) => a - b));
  });
});
