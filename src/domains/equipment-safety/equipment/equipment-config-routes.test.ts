import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../../platform/clock';
import { queryOne, queryRows } from '../../../platform/db/types';
import { runPendingJobs } from '../../../platform/jobs/queue';
import { silentLogger } from '../../../platform/logger';
import { createTestApp, type TestApp, type TestClient } from '../../../../test/support/create-test-app';
import { jobHandlers } from '../../job-handlers';
import { addDays, addMonths } from './date-math';

/*
 * Configuration through the API: working-day calendar overrides, versions of the inspection-period
 * rules (and the recomputation they trigger), and the import of an inspection body's file.
 */
let t: TestApp;
let admin: TestClient;
let bureau: TestClient;
let town1: TestClient;
let office: TestClient;
const today = localDate(new Date(), 'Asia/Shanghai');
const runJobs = () => runPendingJobs({ db: t.database.db, clock: t.clock, config: t.config, logger: silentLogger, handlers: jobHandlers });

beforeAll(async () => {
  t = await createTestApp();
  [admin, bureau, town1, office] = await Promise.all([t.as('admin'), t.as('bureau'), t.as('town1'), t.as('office')]);
});
afterAll(async () => t.close());

describe('working-day calendar', () => {
  const plusWorkingDays = async (date: string, days: number) => (await town1.get(`/api/v1/calendar/working-days?date=${date}&days=${days}`)).body;

  it('counts working days through a year the administrator entered (holidays and an adjusted Saturday)', async () => {
    // 2030 is not in the shipped data: plain weekdays (2030-09-30 is a Monday).
    expect(await plusWorkingDays('2030-09-30', 1)).toMatchObject({ result: '2030-10-01', unknownYears: [2030] });
    expect((await plusWorkingDays('2030-09-30', 6)).result).toBe('2030-10-08');
    const days = ['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2030-10-${d}`, kind: 'holiday', name: '国庆节' }));
    const refused = await town1.request('PUT', '/api/v1/calendar/years/2030/overrides', { overrides: days });
    expect(refused.status).toBe(403);
    const saved = await admin.request('PUT', '/api/v1/calendar/years/2030/overrides', { overrides: [...days, { date: '2030-10-12', kind: 'workday', name: '国庆节调休上班' }] });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.items).toHaveLength(8);
    expect(await plusWorkingDays('2030-09-30', 1)).toMatchObject({ result: '2030-10-08', unknownYears: [] });
    expect((await plusWorkingDays('2030-09-30', 6)).result).toBe('2030-10-14'); // Sat 10-12 is a working day
    const month = (await town1.get('/api/v1/calendar?year=2030&month=10')).body;
    expect(month.isYearKnown).toBe(true);
    expect(month.days.find((d: { date: string }) => d.date === '2030-10-12')).toMatchObject({ kind: 'adjusted_workday', isWorkingDay: true, source: 'override' });
    expect(month.days.find((d: { date: string }) => d.date === '2030-10-03')).toMatchObject({ kind: 'holiday', name: '国庆节' });
    expect((await admin.del('/api/v1/calendar/overrides/2030-10-12')).status).toBe(200);
    expect((await plusWorkingDays('2030-09-30', 6)).result).toBe('2030-10-15');
    expect((await admin.post('/api/v1/calendar/overrides', { date: '2030-10-01', kind: 'holiday', name: '重复' })).status).toBe(409);
    expect((await admin.request('PUT', '/api/v1/calendar/years/2030/overrides', { overrides: [{ date: '2031-01-01', kind: 'holiday', name: '元旦' }] })).status).toBe(400);
  });

  it('refuses to count through an unknown year when asked to', async () => {
    const res = await town1.get('/api/v1/calendar/working-days?date=2031-03-02&days=3&requireKnownYears=true');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('calendar.unknown_year');
  });
});

describe('inspection-rule versions', () => {
  it('lists the rule set with unverified periods and recomputes due dates after a new version', async () => {
    const rules = (await town1.get('/api/v1/equipment/inspection-rules')).body;
    expect(rules.settings.warningDays).toBe(30);
    expect(rules.rules.find((r: { id: string }) => r.id === 'field-vehicle')).toMatchObject({ confidence: '?', isUnverified: true });
    expect(rules.rules.find((r: { id: string }) => r.id === 'crane-bridge')).toMatchObject({ isUnverified: false, params: { periodMonths: 24 } });

    const unit = (await queryOne<{ id: string }>(t.database.db, sql`SELECT e.id FROM enterprises e JOIN org_units o ON o.id = e.territory_org_unit_id WHERE o.code = 'town-changle' ORDER BY e.name LIMIT 1`)) as { id: string };
    const territory = (await queryOne<{ id: string }>(t.database.db, sql`SELECT id FROM org_units WHERE code = 'town-changle'`)) as { id: string };
    const inspectedOn = addDays(today, -20);
    const crane = (
      await bureau.post('/api/v1/equipment', {
        categoryCode: '4000',
        kindCode: '4100',
        varietyCode: '4110',
        productName: '通用桥式起重机',
        usingUnitId: unit.id,
        territoryOrgUnitId: territory.id,
        useAddress: '海门区常乐镇规则测试路1号',
        commissioningDate: addDays(today, -100),
        registration: { registeredOn: addDays(today, -100), useRegistrationCertNo: '起11苏FRULE1(26)' },
      })
    ).body;
    await bureau.post(`/api/v1/equipment/${crane.id}/inspections`, { kind: 'periodic', orgName: '江海特种设备检验检测中心', reportNo: 'RULE-1', inspectedOn, conclusion: 'pass' });
    expect((await office.get(`/api/v1/equipment/${crane.id}`)).body.nextDueOn).toBe(addMonths(inspectedOn, 24));

    expect((await town1.post('/api/v1/equipment/inspection-rules/overrides', { ruleId: 'crane-bridge', validFrom: '2020-01-01', params: { periodMonths: 12 }, reason: 'x' })).status).toBe(403);
    const bad = await bureau.post('/api/v1/equipment/inspection-rules/overrides', { ruleId: 'crane-bridge', validFrom: '2020-01-01', params: { periodMonths: 0 }, reason: '核实' });
    expect(bad.body.error.code).toBe('equipment.invalid_rule_params');
    const created = await bureau.post('/api/v1/equipment/inspection-rules/overrides', { ruleId: 'crane-bridge', validFrom: '2020-01-01', params: { periodMonths: 12 }, confidence: 'P', source: 'TSG 51-2023 原文', reason: '按新规核实' });
    expect(created.status, created.text).toBe(201);
    expect(created.body.recomputeJobId).toEqual(expect.any(String));
    await runJobs();
    expect((await office.get(`/api/v1/equipment/${crane.id}`)).body).toMatchObject({ nextDueOn: addMonths(inspectedOn, 12), obligations: [{ ruleId: 'crane-bridge', confidence: 'P' }] });
    const versions = (await town1.get('/api/v1/equipment/inspection-rules')).body.rules.filter((r: { id: string }) => r.id === 'crane-bridge');
    expect(versions.map((v: { validFrom: string; validTo: string | null; params: { periodMonths: number } }) => [v.validFrom, v.validTo, v.params.periodMonths])).toEqual([
      ['2000-01-01', '2020-01-01', 24],
      ['2020-01-01', null, 12],
    ]);
    expect((await bureau.post('/api/v1/equipment/inspection-rules/overrides', { ruleId: 'crane-bridge', validFrom: '2020-01-01', params: { periodMonths: 18 }, reason: '重复' })).status).toBe(409);

    expect((await bureau.del(`/api/v1/equipment/inspection-rules/overrides/${created.body.override.id}`)).status).toBe(200);
    await runJobs();
    expect((await office.get(`/api/v1/equipment/${crane.id}`)).body.nextDueOn).toBe(addMonths(inspectedOn, 24));
  });

  it('lets the administrator change the 临期 window, which changes the due statuses at once', async () => {
    const before = (await office.get('/api/v1/equipment/due-summary')).body.totals;
    const res = await bureau.post('/api/v1/equipment/inspection-rules/overrides', { ruleId: 'settings', validFrom: '2000-01-01', params: { warningDays: 60, reinspectionDays: 0, basicPassRectificationDays: 30 }, reason: '提前60天提醒' });
    expect(res.status, res.text).toBe(201);
    const after = (await office.get('/api/v1/equipment/due-summary')).body;
    expect(after.warningDays).toBe(60);
    expect(after.totals.dueSoon).toBeGreaterThan(before.dueSoon);
    expect(after.totals.dueSoon + after.totals.normal).toBe(before.dueSoon + before.normal);
  });
});

describe('importing an inspection body’s file', () => {
  async function upload(client: TestClient, csv: string, mode = 'valid_only') {
    const form = new FormData();
    form.set('file', new File([new TextEncoder().encode(csv)], '检验结果.csv'));
    form.set('mode', mode);
    const res = await t.app.request('/api/v1/imports/equipment-inspections', { method: 'POST', body: form, headers: { cookie: client.cookie as string, 'x-csrf-token': client.csrf as string } });
    return { status: res.status, body: (await res.json()) as { batch: { id: string; version: number } } };
  }

  it('imports the good rows, reports the bad ones, moves due dates, and undoes the batch', async () => {
    const [device] = await queryRows<{ id: string; code: string; next: string }>(
      t.database.db,
      sql`SELECT id, equipment_code AS code, next_due_on::text AS next FROM equipment_devices WHERE status = 'in_use' AND category_code = '5000' AND NOT must_stop ORDER BY equipment_code LIMIT 1`,
    );
    if (!device) throw new Error('demo has no forklift');
    const inspectedOn = addDays(today, -3);
    const csv = [
      '设备代码,检验类别,检验机构,报告编号,检验日期,检验结论',
      `${device.code},定期检验,江海特种设备检验检测中心,IMP-1,${inspectedOn},合格`,
      `NO-SUCH-CODE,定期检验,江海特种设备检验检测中心,IMP-2,${inspectedOn},合格`,
      `${device.code},定期检验,江海特种设备检验检测中心,IMP-3,2025-13-01,合格`,
      `${device.code},定期检验,江海特种设备检验检测中心,IMP-4,${inspectedOn},还行`,
      `${device.code},定期检验,江海特种设备检验检测中心,IMP-5,${addDays(today, 5)},合格`,
    ].join('\n');
    expect((await upload(town1, csv)).status).toBe(403);
    const up = await upload(bureau, csv);
    expect(up.status).toBe(202);
    await runJobs();
    const batch = (await bureau.get(`/api/v1/imports/${up.body.batch.id}`)).body;
    expect(batch).toMatchObject({ status: 'succeeded', insertedCount: 1, failedCount: 4 });
    const detail = (await office.get(`/api/v1/equipment/${device.id}`)).body;
    expect(detail).toMatchObject({ lastInspectedOn: inspectedOn, nextDueOn: addMonths(inspectedOn, 12) });
    const report = await t.app.request(`/api/v1/imports/${batch.id}/errors.xlsx`, { headers: { cookie: bureau.cookie as string } });
    expect(report.status).toBe(200);

    const undo = await bureau.post(`/api/v1/imports/${batch.id}/undo`, { version: batch.version });
    expect(undo.status, undo.text).toBe(200);
    const restored = (await office.get(`/api/v1/equipment/${device.id}`)).body;
    expect(restored.nextDueOn).toBe(device.next);
    expect((await office.get(`/api/v1/equipment/inspections?deviceId=${device.id}&q=IMP-1`)).body.total).toBe(0);
  });

  it('rejects the whole file in all-or-nothing mode when one row is bad', async () => {
    const csv = ['设备代码,检验类别,检验机构,报告编号,检验日期,检验结论', `NO-SUCH-CODE,定期检验,江海特种设备检验检测中心,IMP-9,${today},合格`].join('\n');
    const up = await upload(bureau, csv, 'all_or_nothing');
    await runJobs();
    expect((await bureau.get(`/api/v1/imports/${up.body.batch.id}`)).body).toMatchObject({ status: 'rejected', insertedCount: 0, failedCount: 1 });
  });
});
