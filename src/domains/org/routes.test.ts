import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/create-test-app';

let t: TestApp;
let office: TestClient;
let town1: TestClient;
let unitsByCode: Record<string, { id: string; version: number; name: string }>;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  town1 = await t.as('town1');
  const all = (await office.get('/api/v1/org-units?pageSize=500')).body.items as Array<{ id: string; code: string; version: number; name: string }>;
  unitsByCode = Object.fromEntries(all.map((u) => [u.code, u]));
});
afterAll(async () => t.close());

const u = (code: string) => unitsByCode[code] as { id: string; version: number; name: string };

describe('org-unit tree', () => {
  it('shows the whole 三级监管网络 to the office and only its own subtree to a township', async () => {
    const full = await office.get('/api/v1/org-units/tree');
    expect(full.body).toHaveLength(1);
    expect(full.body[0].kind).toBe('city');
    const kinds = new Set(full.body[0].children.map((c: { kind: string }) => c.kind));
    expect([...kinds].sort()).toEqual(['department', 'office', 'park', 'street', 'township']);
    const own = await town1.get('/api/v1/org-units/tree');
    expect(own.body.map((n: { name: string }) => n.name)).toEqual(['常乐镇']);
    expect(own.body[0].children.map((n: { name: string }) => n.name).sort()).toEqual(['兴和村', '石桥村'].sort());
  });

  it("hides another township's unit and history from town1 (404)", async () => {
    expect((await town1.get(`/api/v1/org-units/${u('town-yuelai').id}`)).status).toBe(404);
    expect((await town1.get(`/api/v1/org-units/${u('town-yuelai').id}/history`)).status).toBe(404);
  });
});

describe('creating, renaming, moving and deactivating units', () => {
  it('lets a township add a village under itself, with a valid region code, and records it', async () => {
    const res = await town1.post('/api/v1/org-units', { parentId: u('town-changle').id, kind: 'village', code: 'village-changle-new', name: '新建村', regionCode: '320684' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '新建村', kind: 'village', depth: 2, version: 1 });
    const history = await office.get(`/api/v1/org-units/${res.body.id}/history`);
    expect(history.body.items[0]).toMatchObject({ action: 'org_unit.create', actorUsername: 'town1' });
  });

  it("refuses town1 creating under or changing town2's unit", async () => {
    const create = await town1.post('/api/v1/org-units', { parentId: u('town-yuelai').id, kind: 'village', code: 'village-x', name: '越界村', regionCode: '320684' });
    expect(create.status).toBe(404);
    const rename = await town1.patch(`/api/v1/org-units/${u('town-yuelai').id}`, { version: u('town-yuelai').version, name: '改名镇' });
    expect(rename.status).toBe(404);
  });

  it('refuses a township renaming itself (it manages only the units below it)', async () => {
    const res = await town1.patch(`/api/v1/org-units/${u('town-changle').id}`, { version: u('town-changle').version, name: '常乐新镇' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('org_unit.outside_scope');
  });

  it('checks the kind of the parent and the region code of territorial units', async () => {
    const wrongParent = await office.post('/api/v1/org-units', { parentId: u('dept-sci').id, kind: 'village', code: 'v-wrong', name: '错位村', regionCode: '320684' });
    expect(wrongParent.body.error.code).toBe('org_unit.invalid_parent');
    const noCode = await office.post('/api/v1/org-units', { parentId: u('city').id, kind: 'township', code: 't-nocode', name: '无代码镇' });
    expect(noCode.body.error.code).toBe('org_unit.region_code_required');
    const badProvince = await office.post('/api/v1/org-units', { parentId: u('city').id, kind: 'township', code: 't-bad', name: '坏代码镇', regionCode: '990101' });
    expect(badProvince.status).toBe(400);
    const outside = await office.post('/api/v1/org-units', { parentId: u('city').id, kind: 'township', code: 't-out', name: '外省镇', regionCode: '110101' });
    expect(outside.body.error.code).toBe('org_unit.region_code_outside_parent');
    const deptWithCode = await office.post('/api/v1/org-units', { parentId: u('city').id, kind: 'department', code: 'dept-x', name: '某局', regionCode: '320684' });
    expect(deptWithCode.body.error.code).toBe('org_unit.region_code_not_allowed');
  });

  it('refuses duplicate codes and duplicate sibling names with 409', async () => {
    const dupCode = await office.post('/api/v1/org-units', { parentId: u('city').id, kind: 'department', code: 'dept-sci', name: '另一个局' });
    expect(dupCode.status).toBe(409);
    expect(dupCode.body.error.code).toBe('org_unit.duplicate_code');
    const dupName = await office.post('/api/v1/org-units', { parentId: u('city').id, kind: 'department', code: 'dept-sci-2', name: '海门市科学技术局' });
    expect(dupName.body.error.code).toBe('org_unit.duplicate_name');
  });

  it('renames with the version and answers a stale version with 409', async () => {
    const dept = u('dept-edu');
    const ok = await office.patch(`/api/v1/org-units/${dept.id}`, { version: dept.version, name: '海门市教育局' });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(dept.version + 1);
    const stale = await office.patch(`/api/v1/org-units/${dept.id}`, { version: dept.version, name: '海门市教育和体育局' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('org_unit.stale_version');
    const history = await office.get(`/api/v1/org-units/${dept.id}/history`);
    expect(history.body.items[0]).toMatchObject({ action: 'org_unit.rename', before: { name: '海门市教育体育局' }, after: { name: '海门市教育局' } });
  });

  it('moves a village to another township with its subtree, and refuses moving a unit under itself', async () => {
    const village = u('village-yuelai-yongjin');
    const moved = await office.post(`/api/v1/org-units/${village.id}/move`, { version: village.version, parentId: u('town-changle').id });
    expect(moved.status).toBe(200);
    expect(moved.body.parentId).toBe(u('town-changle').id);
    const tree = await town1.get('/api/v1/org-units/tree');
    expect(tree.body[0].children.map((n: { name: string }) => n.name)).toContain('永进村');
    const town = (await office.get(`/api/v1/org-units/${u('town-changle').id}`)).body;
    const intoOwnChild = await office.post(`/api/v1/org-units/${town.id}/move`, { version: town.version, parentId: u('village-changle-xinghe').id });
    expect(intoOwnChild.status).toBe(409);
  });

  it('refuses to deactivate a unit with active users or children, and deactivates an empty one', async () => {
    const changle = (await office.get(`/api/v1/org-units/${u('town-changle').id}`)).body;
    const busy = await office.post(`/api/v1/org-units/${changle.id}/activation`, { version: changle.version, active: false, reason: '撤并' });
    expect(busy.status).toBe(409);
    expect(['org_unit.has_active_children', 'org_unit.has_active_users']).toContain(busy.body.error.code);
    const village = (await office.get(`/api/v1/org-units/${u('village-changle-shiqiao').id}`)).body;
    const done = await office.post(`/api/v1/org-units/${village.id}/activation`, { version: village.version, active: false, reason: '村庄撤并' });
    expect(done.status).toBe(200);
    expect(done.body.isActive).toBe(false);
    const list = await office.get(`/api/v1/org-units?parentId=${changle.id}`);
    expect(list.body.items.map((x: { name: string }) => x.name)).not.toContain('石桥村');
    const withInactive = await office.get(`/api/v1/org-units?parentId=${changle.id}&includeInactive=true`);
    expect(withInactive.body.items.map((x: { name: string }) => x.name)).toContain('石桥村');
  });
});
