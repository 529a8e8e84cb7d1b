import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../../platform/clock';
import { queryOne, queryRows } from '../../../platform/db/types';
import { createTestApp, type TestApp, type TestClient } from '../../../../test/support/create-test-app';
import { addDays, addMonths } from './date-math';

/*
 * The registry through the API: registration lifecycle, inspections moving due dates, elevator
 * maintenance gaps, certificate expiry, the due summary, and who sees what. Devices created here
 * use dates relative to today so that the statuses do not depend on the day the test runs.
 */
let t: TestApp;
let office: TestClient;
let bureau: TestClient;
let town1: TestClient;
let town2: TestClient;
let ent1: TestClient;
let org: Record<string, string>;
let changleUnit: string;
let yuelaiUnit: string;
let maintainer: string;
const today = localDate(new Date(), 'Asia/Shanghai');

beforeAll(async () => {
  t = await createTestApp();
  [office, bureau, town1, town2, ent1] = await Promise.all([t.as('office'), t.as('bureau'), t.as('town1'), t.as('town2'), t.as('ent1')]);
  const units = await queryRows<{ id: string; code: string }>(t.database.db, sql`SELECT id, code FROM org_units`);
  org = Object.fromEntries(units.map((u) => [u.code, u.id]));
  const pick = async (where: ReturnType<typeof sql>) => ((await queryOne<{ id: string }>(t.database.db, sql`SELECT id FROM enterprises WHERE ${where} ORDER BY name LIMIT 1`)) as { id: string }).id;
  changleUnit = await pick(sql`territory_org_unit_id = ${org['town-changle'] as string} AND id <> ${ent1.me.enterpriseId as string}`);
  yuelaiUnit = await pick(sql`territory_org_unit_id = ${org['town-yuelai'] as string}`);
  maintainer = await pick(sql`'电梯维保单位' = ANY(tags)`);
});
afterAll(async () => t.close());

type Body = Record<string, unknown>;
const elevator = (extra: Body = {}): Body => ({
  categoryCode: '3000',
  kindCode: '3100',
  varietyCode: '3110',
  productName: '乘客电梯',
  usingUnitId: changleUnit,
  maintenanceUnitId: maintainer,
  territoryOrgUnitId: org['town-changle'],
  useAddress: '海门区常乐镇测试路1号',
  location: { lon: 121.3, lat: 31.88 },
  ...extra,
});
const crane = (extra: Body = {}): Body => ({
  categoryCode: '4000',
  kindCode: '4100',
  varietyCode: '4110',
  productName: '通用桥式起重机',
  usingUnitId: changleUnit,
  territoryOrgUnitId: org['town-changle'],
  useAddress: '海门区常乐镇工业园8号',
  ...extra,
});
let certSerial = 0;
const registration = (registeredOn: string) => ({ registeredOn, useRegistrationCertNo: `起11苏F9${String((certSerial += 1)).padStart(4, '0')}(26)` });

async function create(client: TestClient, body: Body): Promise<Body & { id: string; version: number }> {
  const res = await client.post('/api/v1/equipment', body);
  expect(res.status, res.text).toBe(201);
  return res.body;
}

const act = (id: string, body: Body) => bureau.post(`/api/v1/equipment/${id}/registration`, body);
const inspect = (id: string, body: Body) => bureau.post(`/api/v1/equipment/${id}/inspections`, { kind: 'periodic', orgName: '江海特种设备检验检测中心', ...body });

describe('registration lifecycle', () => {
  it('flags a registration later than 30 days after commissioning, and not one on day 30', async () => {
    const commissioned = addDays(today, -100);
    const late = await create(bureau, crane({ commissioningDate: commissioned, registration: registration(addDays(commissioned, 31)) }));
    expect(late).toMatchObject({ status: 'in_use', isLateRegistration: true });
    const onTime = await create(bureau, crane({ commissioningDate: commissioned, registration: registration(addDays(commissioned, 30)) }));
    expect(onTime.isLateRegistration).toBe(false);
    const timeline = await office.get(`/api/v1/equipment/${late.id}/timeline`);
    expect(timeline.body.items.map((i: { action: string }) => i.action)).toEqual(expect.arrayContaining(['create', 'register']));
    expect(timeline.body.items.find((i: { action: string }) => i.action === 'register').summary).toContain('逾期登记');
  });

  it('walks register → stop → restart → transfer → scrap → cancel, refusing invalid transitions with 409', async () => {
    const commissioned = addDays(today, -200);
    let d = await create(bureau, crane({ commissioningDate: commissioned }));
    expect(d).toMatchObject({ status: 'unregistered', dueStatus: 'normal', isRegistrationOverdue: true });
    expect((await act(d.id, { action: 'stop', version: d.version, stoppedOn: today, reason: '停产' })).body.error.code).toBe('equipment.invalid_transition');
    let res = await act(d.id, { action: 'register', version: d.version, registeredOn: addDays(commissioned, 10), useRegistrationCertNo: '起11苏F00001(26)' });
    expect(res.status, res.text).toBe(200);
    d = res.body;
    expect(d).toMatchObject({ status: 'in_use', isLateRegistration: false, useRegistrationCertNo: '起11苏F00001(26)' });
    const again = await act(d.id, { action: 'register', version: d.version, registeredOn: today, useRegistrationCertNo: 'X' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('equipment.invalid_transition');
    const stale = await act(d.id, { action: 'stop', version: d.version - 1, stoppedOn: today, reason: '停产' });
    expect(stale.body.error.code).toBe('equipment.stale_version');

    res = await act(d.id, { action: 'stop', version: d.version, stoppedOn: addDays(today, -1), reason: '生产线改造' });
    d = res.body;
    expect(d).toMatchObject({ status: 'stopped', dueStatus: 'exempt', nextDueOn: null, obligations: [] });
    res = await act(d.id, { action: 'restart', version: d.version, restartedOn: today });
    expect(res.status, res.text).toBe(200);
    d = res.body;
    expect(d.status).toBe('in_use');
    expect(d.nextDueOn).toBe(addMonths(commissioned, 24)); // bridge crane: 24 months from commissioning

    res = await act(d.id, { action: 'transfer', version: d.version, date: today, newUsingUnitId: yuelaiUnit });
    d = res.body;
    expect(d).toMatchObject({ status: 'in_use', useUnitId: yuelaiUnit });
    res = await act(d.id, { action: 'scrap', version: d.version, date: today, reason: '达到设计使用年限' });
    d = res.body;
    expect(d).toMatchObject({ status: 'scrapped', dueStatus: 'exempt' });
    expect((await act(d.id, { action: 'restart', version: d.version, restartedOn: today })).status).toBe(409);
    res = await act(d.id, { action: 'cancel', version: d.version, date: today });
    expect(res.body.status).toBe('deregistered');
    const history = await office.get(`/api/v1/equipment/${d.id}/timeline?kind=registration`);
    // In the order of the dates they happened on (the back-dated registration before the record's creation today).
    expect(history.body.items.map((i: { action: string }) => i.action).reverse()).toEqual(['register', 'stop', 'create', 'restart', 'transfer', 'scrap', 'cancel']);
  });

  it('refuses to restart a device whose periodic inspection lapsed while stopped, until it is inspected', async () => {
    const commissioned = addDays(today, -800); // 24-month inspection due 800 − 730 days ago
    let d = await create(bureau, crane({ commissioningDate: commissioned, registration: registration(commissioned) }));
    expect(d.dueStatus).toBe('overdue');
    d = (await act(d.id, { action: 'stop', version: d.version, stoppedOn: addDays(today, -10), reason: '停产' })).body;
    const refused = await act(d.id, { action: 'restart', version: d.version, restartedOn: today });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('equipment.restart_requires_inspection');
    expect((await office.get(`/api/v1/equipment/${d.id}`)).body.status).toBe('stopped'); // nothing half-done
    expect((await inspect(d.id, { reportNo: 'R-RESTART-1', inspectedOn: today, conclusion: 'pass' })).status).toBe(201);
    d = (await office.get(`/api/v1/equipment/${d.id}`)).body;
    const ok = await act(d.id, { action: 'restart', version: d.version, restartedOn: today });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.nextDueOn).toBe(addMonths(today, 24));
  });

  it('lets a township create an unregistered device in its territory but not register it or use another territory', async () => {
    const own = await create(town1, crane({ commissioningDate: addDays(today, -5) }));
    expect(own.status).toBe('unregistered');
    const registering = await town1.post('/api/v1/equipment', crane({ commissioningDate: addDays(today, -5), registration: registration(today) }));
    expect(registering.status).toBe(403);
    const elsewhere = await town1.post('/api/v1/equipment', crane({ territoryOrgUnitId: org['town-yuelai'], commissioningDate: today }));
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.code).toBe('equipment.territory_outside_scope');
    const certEdit = await town1.patch(`/api/v1/equipment/${own.id}`, { version: own.version, useRegistrationCertNo: '起11苏F77777(26)' });
    expect(certEdit.status).toBe(403);
    const addressEdit = await town1.patch(`/api/v1/equipment/${own.id}`, { version: own.version, useAddress: '海门区常乐镇新地址9号' });
    expect(addressEdit.status).toBe(200);
    expect(addressEdit.body).toMatchObject({ useAddress: '海门区常乐镇新地址9号', version: own.version + 1 });
  });
});

describe('inspections move the due date', () => {
  it('computes the next due date from the result: pass → period, fail → must stop and re-inspect at once', async () => {
    const commissioned = addDays(today, -400);
    const d = await create(bureau, crane({ commissioningDate: commissioned, registration: registration(commissioned) }));
    expect(d.nextDueOn).toBe(addMonths(commissioned, 24));
    const passedOn = addDays(today, -30);
    let res = await inspect(d.id, { reportNo: 'R-1', inspectedOn: passedOn, conclusion: 'pass' });
    expect(res.status, res.text).toBe(201);
    expect(res.body.device).toMatchObject({ nextDueOn: addMonths(passedOn, 24), dueStatus: 'normal', mustStop: false, lastConclusion: 'pass' });
    expect(res.body.inspection).toMatchObject({ computedNextDueOn: addMonths(passedOn, 24), wasLate: false });
    expect(res.body.device.obligations[0]).toMatchObject({ ruleId: 'crane-bridge', confidence: 'S', isUnverified: false });

    res = await inspect(d.id, { reportNo: 'R-2', inspectedOn: today, conclusion: 'fail', issues: [{ description: '制动器失效' }] });
    expect(res.body.device).toMatchObject({ mustStop: true, nextObligation: 'reinspection', nextDueOn: today, dueStatus: 'overdue' });
    const listed = await office.get(`/api/v1/equipment?mustStop=true&usingUnitId=${changleUnit}&pageSize=100`);
    expect(listed.body.items.map((x: { id: string }) => x.id)).toContain(d.id);

    res = await bureau.post(`/api/v1/equipment/${d.id}/inspections`, { kind: 'reinspection', orgName: '江海特种设备检验检测中心', reportNo: 'R-3', inspectedOn: today, conclusion: 'pass_after_reinspection' });
    expect(res.body.device).toMatchObject({ mustStop: false, nextDueOn: addMonths(today, 24), dueStatus: 'normal' });
    expect((await inspect(d.id, { reportNo: 'R-3', inspectedOn: today, conclusion: 'pass' })).body.error.code).toBe('equipment.duplicate_report');
    const inspections = (await office.get(`/api/v1/equipment/${d.id}/timeline?kind=inspection`)).body.items as Array<{ summary: string }>;
    expect(inspections.map((i) => i.summary)).toEqual(expect.arrayContaining([expect.stringContaining('报告 R-2，结论 不合格'), expect.stringContaining('报告 R-3，结论 复检合格')]));
  });

  it('uses the safety grade of a vessel inspection (grade 2 → 72 months) and flags [?] periods as unverified', async () => {
    const commissioned = addDays(today, -300);
    const vessel = await create(bureau, { ...crane({ commissioningDate: commissioned, registration: registration(commissioned) }), categoryCode: '2000', kindCode: '2100', varietyCode: '2150', productName: '储气罐' });
    expect(vessel.obligations as unknown[]).toHaveLength(2); // periodic + annual check
    const res = await inspect(vessel.id, { reportNo: 'V-1', inspectedOn: today, conclusion: 'pass', safetyGrade: 2 });
    expect(res.body.device).toMatchObject({ safetyGrade: 2 });
    const periodic = res.body.device.obligations.find((o: { track: string }) => o.track === 'periodic');
    expect(periodic).toMatchObject({ dueOn: addMonths(today, 72), ruleId: 'vessel-fixed-grade-1-2' });
    const forklift: Record<string, unknown> = await create(bureau, { ...crane({ commissioningDate: commissioned, registration: registration(commissioned) }), categoryCode: '5000', kindCode: '5100', varietyCode: '5110', productName: '叉车' });
    expect((forklift.obligations as unknown[])[0]).toMatchObject({ confidence: '?', isUnverified: true, confidenceNote: '周期为配置值，未经核实' });
  });

  it('lets inspectors record but not townships, and refuses future dates', async () => {
    const d = await create(bureau, crane({ commissioningDate: addDays(today, -10), registration: registration(today) }));
    expect((await town1.post(`/api/v1/equipment/${d.id}/inspections`, { kind: 'periodic', orgName: 'x', reportNo: 'T-1', inspectedOn: today, conclusion: 'pass' })).status).toBe(403);
    const future = await inspect(d.id, { reportNo: 'F-1', inspectedOn: addDays(today, 1), conclusion: 'pass' });
    expect(future.status).toBe(400);
  });
});

describe('elevator maintenance and operator certificates', () => {
  it('flags maintenance intervals longer than 15 days', async () => {
    const commissioned = addDays(today, -120);
    const d = await create(bureau, elevator({ commissioningDate: commissioned, installSupervisionDate: addDays(commissioned, -5), registration: registration(commissioned) }));
    for (const days of [60, 46, 26, 12]) {
      const res = await ent1.post(`/api/v1/equipment/${d.id}/maintenance`, { maintainedOn: addDays(today, -days), kind: 'half_monthly', workers: [{ name: '张师傅' }] });
      expect(res.status).toBe(404); // ent1 is not this elevator's use or maintenance unit
      const ok = await bureau.post(`/api/v1/equipment/${d.id}/maintenance`, { maintainedOn: addDays(today, -days), kind: 'half_monthly', workers: [{ name: '张师傅' }] });
      expect(ok.status, ok.text).toBe(201);
    }
    const list = await office.get(`/api/v1/equipment/maintenance?deviceId=${d.id}`);
    expect(list.body.items.map((m: { daysSincePrevious: number | null; isGap: boolean }) => [m.daysSincePrevious, m.isGap])).toEqual([
      [14, false],
      [20, true],
      [14, false],
      [null, false],
    ]);
    const gaps = await office.get(`/api/v1/equipment/${d.id}/maintenance-gaps?from=${addDays(today, -60)}&to=${today}`);
    expect(gaps.body).toMatchObject({ applies: true, maxGapDays: 15 });
    expect(gaps.body.gaps.map((g: { startOn: string; days: number }) => [g.startOn, g.days])).toEqual([[addDays(today, -46), 20]]);
    expect((await office.get(`/api/v1/equipment/maintenance?deviceId=${d.id}&gapsOnly=true`)).body.total).toBe(1);
  });

  it('classifies certificates as valid, expiring or expired and renews them with the version', async () => {
    const d = await create(bureau, crane({ commissioningDate: addDays(today, -50), registration: registration(addDays(today, -45)) }));
    const add = (certificateNo: string, expiresOn: string) =>
      bureau.post(`/api/v1/equipment/${d.id}/certificates`, { personName: '李四', idNumber: '320684199001011234', certificateNo, workItemCode: 'Q2', issuedOn: addDays(today, -1000), expiresOn });
    const expiring = (await add('C-1', addDays(today, 10))).body;
    expect(expiring).toMatchObject({ status: 'expiring', daysToExpiry: 10, idNumberMasked: '**************1234' });
    expect((await add('C-2', addDays(today, -1))).body.status).toBe('expired');
    expect((await add('C-3', addDays(today, 400))).body.status).toBe('valid');
    expect((await add('C-3', addDays(today, 400))).status).toBe(409);
    const expired = await office.get(`/api/v1/equipment/certificates?deviceId=${d.id}&status=expired`);
    expect(expired.body.items.map((c: { certificateNo: string }) => c.certificateNo)).toEqual(['C-2']);
    const renewed = await bureau.patch(`/api/v1/equipment/certificates/${expiring.id}`, { version: expiring.version, expiresOn: addDays(today, 1460) });
    expect(renewed.body).toMatchObject({ status: 'valid', version: expiring.version + 1 });
    expect((await bureau.patch(`/api/v1/equipment/certificates/${expiring.id}`, { version: expiring.version, isActive: false })).status).toBe(409);
  });
});

describe('due summary, lists and scope', () => {
  it('counts per township what the list shows with the same filters', async () => {
    const summary = (await office.get('/api/v1/equipment/due-summary')).body;
    const changle = summary.rows.find((r: { orgUnitId: string }) => r.orgUnitId === org['town-changle']);
    for (const [status, field] of [
      ['overdue', 'overdue'],
      ['due_soon', 'dueSoon'],
      ['normal', 'normal'],
    ] as const) {
      const all = await office.get(`/api/v1/equipment?dueStatus=${status}&pageSize=1`);
      expect(all.body.total).toBe(summary.totals[field]);
      const town = await office.get(`/api/v1/equipment?dueStatus=${status}&territoryOrgUnitId=${org['town-changle']}&pageSize=1`);
      expect(town.body.total).toBe(changle[field]);
    }
    expect(summary.totals.overdue).toBeGreaterThan(0);
    expect(summary.totals.dueSoon).toBeGreaterThan(0);
    const own = (await town1.get('/api/v1/equipment/due-summary')).body;
    expect(own.totals.total).toBe((await town1.get('/api/v1/equipment?pageSize=1')).body.total);
    expect(own.totals.total).toBe(changle.total);
    expect(own.rows.map((r: { name: string }) => r.name).sort()).toEqual(['兴和村', '常乐镇', '石桥村'].sort());
    // The totals (from the maintained counts) match the rows the list actually returns.
    for (const status of ['overdue', 'due_soon', 'normal']) {
      const page = (await town1.get(`/api/v1/equipment?dueStatus=${status}&pageSize=100`)).body;
      expect(page.total).toBeLessThan(100);
      expect(page.items).toHaveLength(page.total);
      expect(page.items.every((d: { dueStatus: string }) => d.dueStatus === status)).toBe(true);
    }
    const stopped = (await office.get('/api/v1/equipment?status=stopped&category=4000&pageSize=100')).body;
    expect(stopped.items).toHaveLength(stopped.total);
  });

  it("keeps town1 out of town2's devices and ent1 to its own enterprise's", async () => {
    const town2Device = (await town2.get('/api/v1/equipment?pageSize=1')).body.items[0];
    expect(town2Device).toBeDefined();
    for (const path of ['', '/timeline', '/responsibility', '/maintenance-gaps']) expect((await town1.get(`/api/v1/equipment/${town2Device.id}${path}`)).status).toBe(404);
    expect((await town1.patch(`/api/v1/equipment/${town2Device.id}`, { version: town2Device.version, useAddress: '越界地址' })).status).toBe(404);
    const mine = (await town1.get('/api/v1/equipment?pageSize=100')).body;
    const allowed = new Set([org['town-changle'], org['village-changle-xinghe'], org['village-changle-shiqiao']]);
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((d: { territoryOrgUnitId: string }) => allowed.has(d.territoryOrgUnitId))).toBe(true);

    const own = (await ent1.get('/api/v1/equipment?pageSize=100')).body;
    expect(own.total).toBeGreaterThanOrEqual(6);
    expect(own.items.every((d: { useUnitId: string; maintenanceUnitId: string | null }) => d.useUnitId === ent1.me.enterpriseId || d.maintenanceUnitId === ent1.me.enterpriseId)).toBe(true);
    expect((await ent1.get(`/api/v1/equipment/${town2Device.id}`)).status).toBe(404);
    const one = own.items[0];
    const detail = (await ent1.get(`/api/v1/equipment/${one.id}`)).body;
    expect(detail.abilities).toMatchObject({ edit: false, editRegistry: false, recordMaintenance: true, manageOperators: true, registrationActions: [] });
    const responsibility = (await ent1.get(`/api/v1/equipment/${one.id}/responsibility`)).body;
    expect(responsibility.parties[0]).toMatchObject({ role: 'use_unit', enterpriseId: ent1.me.enterpriseId });
    expect(responsibility.safetyCoordinators.map((c: { displayName: string }) => c.displayName)).toContain('张协管（常乐镇）');
  });

  it('serves the map as GeoJSON points, clustered above the limit, and the list as an xlsx export', async () => {
    const points = (await office.get(`/api/v1/equipment/map.geojson?territoryOrgUnitId=${org['town-yuelai']}`)).body;
    expect(points.type).toBe('FeatureCollection');
    expect(points.meta.clustered).toBe(false);
    expect(points.features.length).toBe(points.meta.total);
    expect(points.features[0].properties).toHaveProperty('color');
    const clustered = (await office.get('/api/v1/equipment/map.geojson?limit=5&grid=4')).body;
    expect(clustered.meta.clustered).toBe(true);
    expect(clustered.features.reduce((s: number, f: { properties: { count: number } }) => s + f.properties.count, 0)).toBe(clustered.meta.total);
    const res = await t.app.request('/api/v1/equipment/export.xlsx?dueStatus=overdue', { headers: { cookie: office.cookie as string } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
  });
});
