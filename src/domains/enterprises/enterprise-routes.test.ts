import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows } from '../../platform/db/types';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/create-test-app';
import { testCode } from '../../../test/support/enterprise-import';
import { checkUscc } from './uscc-rules';

let t: TestApp;
let office: TestClient;
let town1: TestClient;
let ent1: TestClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  [office, town1, ent1] = await Promise.all([t.as('office'), t.as('town1'), t.as('ent1')]);
  for (const code of ['town-changle', 'town-yuelai', 'village-changle-xinghe', 'park-etdz']) {
    ids[code] = (await queryOne<{ id: string }>(t.database.db, sql`SELECT id FROM org_units WHERE code = ${code}`))?.id as string;
  }
});
afterAll(async () => t.close());

const db = () => t.database.db;
const count = async (where: ReturnType<typeof sql>) => (await queryOne<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM enterprises e WHERE ${where}`))?.n ?? 0;
const town2Enterprise = async () => (await queryOne<{ id: string; version: number }>(db(), sql`SELECT id, version FROM enterprises WHERE name = '南通悦来某某家纺有限公司'`)) as { id: string; version: number };

describe('GET /enterprises', () => {
  it('answers the list contract and finds "海门某某机械有限公司" from "某某机械" (and from its former name)', async () => {
    const res = await office.get(`/api/v1/enterprises?q=${encodeURIComponent('某某机械')}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 20 });
    expect(res.body.items.map((e: { name: string }) => e.name)).toContain('海门某某机械有限公司');
    const item = res.body.items.find((e: { name: string }) => e.name === '海门某某机械有限公司');
    expect(item).toMatchObject({ territoryName: '常乐镇', industryCode: '3484', industryName: '机械零部件加工' });
    const former = await office.get(`/api/v1/enterprises?q=${encodeURIComponent('某某农机')}`);
    expect(former.body.items.map((e: { name: string }) => e.name)).toEqual(['海门某某机械有限公司']);
    const byCode = await office.get(`/api/v1/enterprises?q=${item.creditCode.slice(0, 12).toLowerCase()}`);
    expect(byCode.body.items.map((e: { id: string }) => e.id)).toContain(item.id);
  });

  it('filters by territory with sub-units, industry at any level, scale, status, high-tech and tag, and sorts', async () => {
    const changle = await office.get(`/api/v1/enterprises?territoryOrgUnitId=${ids['town-changle']}&pageSize=200`);
    expect(changle.body.total).toBe(await count(sql`territory_org_unit_id = ${ids['town-changle']}`));
    expect(new Set(changle.body.items.map((e: { territoryName: string }) => e.territoryName))).toEqual(new Set(['常乐镇']));
    const root = (await queryOne<{ id: string }>(db(), sql`SELECT id FROM org_units WHERE parent_id IS NULL`))?.id;
    expect((await office.get(`/api/v1/enterprises?territoryOrgUnitId=${root}&pageSize=1`)).body.total).toBe(await count(sql`true`));
    expect((await office.get(`/api/v1/enterprises?territoryOrgUnitId=${root}&includeSubunits=false`)).body.total).toBe(0);
    const section = await office.get('/api/v1/enterprises?industry=C&pageSize=1');
    const division = await office.get('/api/v1/enterprises?industry=c34&pageSize=1');
    expect(section.body.total).toBe(await count(sql`industry_code ~ '^(1[3-9]|[2-3][0-9]|4[0-3])'`));
    expect(division.body.total).toBe(await count(sql`industry_code LIKE '34%'`));
    const filtered = await office.get('/api/v1/enterprises?scaleClass=small&status=active&aboveDesignatedSize=true&pageSize=200');
    expect(filtered.body.total).toBe(await count(sql`scale_class = 'small' AND status = 'active' AND above_designated_size`));
    const highTech = await office.get('/api/v1/enterprises?highTech=true&pageSize=200');
    expect(highTech.body.total).toBeGreaterThan(0);
    expect(highTech.body.items.every((e: { isHighTech: boolean }) => e.isHighTech)).toBe(true);
    const tag = await office.get(`/api/v1/enterprises?tag=${encodeURIComponent('规上工业')}&pageSize=200`);
    expect(tag.body.total).toBe(await count(sql`'规上工业' = ANY (tags)`));
    const sorted = await office.get('/api/v1/enterprises?sort=-establishedOn&pageSize=50');
    const dates = sorted.body.items.map((e: { establishedOn: string }) => e.establishedOn);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('answers bad query input with 400 and an error code', async () => {
    for (const q of ['pageSize=500', 'sort=password', 'industry=3430', 'status=deleted', 'territoryOrgUnitId=town-changle', 'limit=5']) {
      const res = await office.get(`/api/v1/enterprises?${q}`);
      expect([res.status, res.body.error.code]).toEqual([400, 'request.invalid']);
    }
  });
});

describe('scope', () => {
  it('town1 sees only 常乐镇’s enterprises, ent1 only its own, office and departments all', async () => {
    const all = await count(sql`true`);
    const mine = await town1.get('/api/v1/enterprises?pageSize=200');
    expect(mine.body.total).toBe(await count(sql`territory_org_unit_id = ${ids['town-changle']}`));
    expect(mine.body.items.every((e: { territoryName: string }) => e.territoryName === '常乐镇')).toBe(true);
    const own = await ent1.get('/api/v1/enterprises');
    expect(own.body.total).toBe(1);
    expect(own.body.items[0].name).toBe('海门某某机械有限公司');
    expect((await office.get('/api/v1/enterprises?pageSize=1')).body.total).toBe(all);
    expect((await (await t.as('sci')).get('/api/v1/enterprises?pageSize=1')).body.total).toBe(all);
  });

  it('town1 and ent1 cannot read or edit town2’s enterprise (404); office can read it', async () => {
    const other = await town2Enterprise();
    for (const client of [town1, ent1]) {
      expect((await client.get(`/api/v1/enterprises/${other.id}`)).status).toBe(404);
      expect((await client.get(`/api/v1/enterprises/${other.id}/history`)).status).toBe(404);
    }
    expect((await town1.patch(`/api/v1/enterprises/${other.id}`, { version: other.version, tags: ['x'] })).status).toBe(404);
    expect((await ent1.request('PUT', `/api/v1/enterprises/${other.id}/contacts`, { version: other.version, contacts: [] })).status).toBe(404);
    expect((await office.get(`/api/v1/enterprises/${other.id}`)).status).toBe(200);
  });

  it('ent1 edits its own contacts but nothing else', async () => {
    const own = (await ent1.get('/api/v1/enterprises')).body.items[0];
    const res = await ent1.request('PUT', `/api/v1/enterprises/${own.id}/contacts`, {
      version: own.version,
      contacts: [{ name: '赵企业', role: '质量负责人', phone: '13800138000', isPrimary: true }],
    });
    expect(res.status).toBe(200);
    expect(res.body.contacts).toEqual([{ name: '赵企业', role: '质量负责人', phone: '13800138000', email: null, isPrimary: true }]);
    expect(res.body.permissions).toEqual({ edit: false, editRegistry: false, editContacts: true });
    expect((await ent1.patch(`/api/v1/enterprises/${own.id}`, { version: res.body.version, tags: ['x'] })).status).toBe(403);
  });
});

describe('detail, create, edit, status, history', () => {
  it('shows the territory and industry paths', async () => {
    const own = (await ent1.get('/api/v1/enterprises')).body.items[0];
    const res = await office.get(`/api/v1/enterprises/${own.id}`);
    expect(res.body.territoryPath.map((n: { name: string }) => n.name)).toEqual(['海门市人民政府', '常乐镇']);
    expect(res.body.industryPath.map((n: { code: string }) => n.code)).toEqual(['C', '34', '348', '3484']);
    expect(res.body.provenance.source).toBe('seed');
    expect(res.body.permissions).toEqual({ edit: true, editRegistry: false, editContacts: true });
  });

  it('creates with validation, refuses duplicates and territories outside the township', async () => {
    const input = { creditCode: ` ${testCode(500).toLowerCase()} `, name: '海门新建机械有限公司', territoryOrgUnitId: ids['town-changle'], industryCode: 'C3484', registeredCapital: '5000000' };
    const created = await town1.post('/api/v1/enterprises', input);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ creditCode: testCode(500), territoryName: '常乐镇', registeredCapital: '5000000.00', version: 1, provenance: { source: 'manual' } });
    expect((await office.post('/api/v1/enterprises', input)).body.error.code).toBe('enterprise.duplicate_credit_code');
    const elsewhere = await town1.post('/api/v1/enterprises', { ...input, creditCode: testCode(501), territoryOrgUnitId: ids['town-yuelai'] });
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([403, 'enterprise.territory_outside_scope']);
    const village = await office.post('/api/v1/enterprises', { ...input, creditCode: testCode(502), territoryOrgUnitId: ids['village-changle-xinghe'] });
    expect(village.body.error.code).toBe('enterprise.bad_territory');
    const badCode = await office.post('/api/v1/enterprises', { ...input, creditCode: '91320684MA1T050099' });
    expect(badCode.status).toBe(400);
    expect(badCode.body.error.details.issues[0]).toMatchObject({ path: 'creditCode' });
    expect((await ent1.post('/api/v1/enterprises', input)).status).toBe(403);
  });

  it('edits with versions: stale → 409, registry fields bureau-only, and keeps the history', async () => {
    const created = (await office.get(`/api/v1/enterprises?code=${testCode(500)}`)).body.items[0];
    const stale = await town1.patch(`/api/v1/enterprises/${created.id}`, { version: created.version + 5, tags: ['a'] });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'enterprise.stale_version']);
    const rename = await town1.patch(`/api/v1/enterprises/${created.id}`, { version: created.version, name: '海门改名机械有限公司' });
    expect([rename.status, rename.body.error.code]).toEqual([403, 'enterprise.registry_field_forbidden']);
    const tags = await town1.patch(`/api/v1/enterprises/${created.id}`, { version: created.version, tags: ['专精特新'], scaleClass: 'small' });
    expect(tags.status).toBe(200);
    const bureau = await t.as('bureau');
    const renamed = await bureau.patch(`/api/v1/enterprises/${created.id}`, { version: tags.body.version, name: '海门改名机械有限公司', formerNames: ['海门新建机械有限公司'] });
    expect(renamed.body).toMatchObject({ name: '海门改名机械有限公司', version: created.version + 2 });
    const status = await bureau.post(`/api/v1/enterprises/${created.id}/status`, { version: renamed.body.version, status: 'moved_out', reason: '迁往南通市区' });
    expect(status.body).toMatchObject({ status: 'moved_out', statusChangedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect((await office.post(`/api/v1/enterprises/${created.id}/status`, { version: status.body.version, status: 'active', reason: '迁回' })).status).toBe(403);
    const history = await town1.get(`/api/v1/enterprises/${created.id}/history`);
    expect(history.body.items.map((h: { action: string }) => h.action)).toEqual(['enterprise.status', 'enterprise.rename', 'enterprise.update', 'enterprise.create']);
    expect(history.body.items[1].before.name).toBe('海门新建机械有限公司');
    expect((await office.get(`/api/v1/enterprises?q=${encodeURIComponent('新建机械')}`)).body.items.map((e: { id: string }) => e.id)).toEqual([created.id]);
  });
});

describe('POST /calc/uscc', () => {
  it('checks a code without login with the registry’s rule, answering the product.md fields', async () => {
    const ok = await t.anonymous.post('/api/v1/calc/uscc', { code: '９１３５０９００５８７５２７７８３ｐ' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ valid: true, checksumOk: true, expectedCheckChar: 'P', orgCodeCheckOk: true, parsed: { registrationDeptCode: '9', categoryCode: '1', regionCode: '350900', orgCode: '58752778' + '3' } });
    const wrong = await t.anonymous.post('/api/v1/calc/uscc', { code: '91350900587527783Q' });
    expect(wrong.body).toEqual(checkUscc('91350900587527783Q'));
    expect(wrong.body).toMatchObject({ valid: false, checksumOk: false, expectedCheckChar: 'P' });
    for (const body of [{ code: 91350900 }, { code: 'x', extra: 1 }, {}]) {
      const res = await t.anonymous.post('/api/v1/calc/uscc', body);
      expect([res.status, res.body.error.code]).toEqual([400, 'request.invalid']);
    }
  });
});

describe('GET /enterprises/export.xlsx', () => {
  it('streams an xlsx with the filtered rows under the import template’s headers', async () => {
    const res = await t.app.request(`/api/v1/enterprises/export.xlsx?territoryOrgUnitId=${ids['town-changle']}&status=active`, { headers: { cookie: office.cookie as string } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 6)).toEqual(['统一社会信用代码', '企业名称', '曾用名', '法定代表人', '注册地址', '属地']);
    const expected = await queryRows<{ credit_code: string }>(db(), sql`SELECT credit_code FROM enterprises WHERE territory_org_unit_id = ${ids['town-changle']} AND status = 'active' ORDER BY name, id`);
    const codes: unknown[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) codes.push(row.getCell(1).value);
    });
    expect(codes).toEqual(expected.map((r) => r.credit_code));
    expect(codes.length).toBeGreaterThan(1);
  });
});
