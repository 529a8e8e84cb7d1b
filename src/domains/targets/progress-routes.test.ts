import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixedClock, type TestApp, type TestClient } from '../../../test/support/create-test-app';
import { queryOne, queryRows } from '../../platform/db/types';
import { silentLogger } from '../../platform/logger';
import { runScheduledJob } from '../../platform/jobs/scheduler';
import { scheduledJobs } from '../scheduled';
import { buildPlan, countTarget, orgIds, rateThreshold, uploadEvidence, type BuiltPlan } from './route-test-support';

/**
 * Progress pushing on a 2031 plan: 常乐镇 (town1) and 悦来镇 (town2) each carry A (count, lead 科技局)
 * and B (rate, lead 市场监管局); monthly reports due by the 5th, reminders 3 and 1 days before.
 */
const clock = fixedClock('2031-02-03T02:00:00Z');
let t: TestApp;
let office: TestClient;
let town1: TestClient;
let town2: TestClient;
let sci: TestClient;
let bureau: TestClient;
let org: Record<string, string>;
let plan: BuiltPlan;
const item = (code: string, unit: string) => plan.assignmentIds[`${code}@${org[unit]}`] as string;

/** Moves the clock (days later, so sessions have expired) and logs everyone in again. */
async function travelTo(iso: string): Promise<void> {
  clock.set(iso);
  [office, town1, town2, sci, bureau] = await Promise.all([t.as('office'), t.as('town1'), t.as('town2'), t.as('sci'), t.as('bureau')]);
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  [office, town1, town2, sci, bureau] = await Promise.all([t.as('office'), t.as('town1'), t.as('town2'), t.as('sci'), t.as('bureau')]);
  org = await orgIds(t);
  plan = await buildPlan(office, {
    year: 2031,
    indicators: [countTarget('A', org['dept-sci'] as string, '50', '12', { evidence: { description: '认定文件', fileKinds: ['image'], maxFiles: 2 } }), rateThreshold('B', org['dept-amr'] as string, '50', '99')],
    assignments: ['town-changle', 'town-yuelai'].flatMap((unit) => [
      { code: 'A', orgUnitId: org[unit] as string, target: '6' },
      { code: 'B', orgUnitId: org[unit] as string },
    ]),
  });
});
afterAll(async () => t.close());

describe('a township sees and reports only its own items', () => {
  it("lists only town1's items for town1 and answers 404 for town2's item", async () => {
    const list = await town1.get(`/api/v1/targets/plans/${plan.planId}/assignments`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    expect(new Set(list.body.items.map((a: { orgUnitId: string }) => a.orgUnitId))).toEqual(new Set([org['town-changle']]));
    expect((await town1.get(`/api/v1/targets/assignments/${item('A', 'town-yuelai')}`)).status).toBe(404);
    expect((await town1.get(`/api/v1/targets/assignments/${item('A', 'town-changle')}/values`)).status).toBe(200);
  });

  it("refuses town1's report on town2's item (404) and a lead department's report on a township's item (403)", async () => {
    const foreign = await town1.post('/api/v1/targets/progress-reports', { assignmentId: item('A', 'town-yuelai'), periodKey: '2031-M01', actual: { type: 'number', value: '1' }, submit: true });
    expect(foreign.status).toBe(404);
    const lead = await sci.post('/api/v1/targets/progress-reports', { assignmentId: item('A', 'town-changle'), periodKey: '2031-M01', actual: { type: 'number', value: '1' }, submit: true });
    expect(lead.status).toBe(403);
    expect(lead.body.error.code).toBe('targets.not_own_item');
    const noPermission = await office.post('/api/v1/targets/progress-reports', { assignmentId: item('A', 'town-changle'), periodKey: '2031-M01', actual: { type: 'number', value: '1' } });
    expect(noPermission.status).toBe(403);
  });

  it('hides a plan in which the township is not assessed', async () => {
    const other = await buildPlan(office, { year: 2032, indicators: [rateThreshold('Z', org['dept-amr'] as string, '100', '99')], assignments: [{ code: 'Z', orgUnitId: org['town-yuelai'] as string }] });
    expect((await town1.get(`/api/v1/targets/plans/${other.planId}`)).status).toBe(404);
    expect((await town2.get(`/api/v1/targets/plans/${other.planId}`)).status).toBe(200);
    const plans = (await town1.get('/api/v1/targets/plans?year=2032')).body;
    expect(plans.total).toBe(0);
  });

  it('reports with evidence within the cap, refuses a wrong value type, a future period and too many files', async () => {
    const files = await Promise.all([uploadEvidence(town1, 'a.png'), uploadEvidence(town1, 'b.png'), uploadEvidence(town1, 'c.png')]);
    const tooMany = await town1.post('/api/v1/targets/progress-reports', { assignmentId: item('A', 'town-changle'), periodKey: '2031-M01', actual: { type: 'number', value: '1' }, evidenceFileIds: files });
    expect(tooMany.body.error.code).toBe('targets.evidence_too_many');
    const wrongType = await town1.post('/api/v1/targets/progress-reports', { assignmentId: item('A', 'town-changle'), periodKey: '2031-M01', actual: { type: 'task', status: 'done' } });
    expect(wrongType.body.error.code).toBe('targets.actual_type_mismatch');
    const future = await town1.post('/api/v1/targets/progress-reports', { assignmentId: item('A', 'town-changle'), periodKey: '2031-M06', actual: { type: 'number', value: '1' } });
    expect(future.body.error.code).toBe('targets.period_not_started');
    const ok = await town1.post('/api/v1/targets/progress-reports', { assignmentId: item('A', 'town-changle'), periodKey: '2031-M01', actual: { type: 'number', value: '1' }, evidenceFileIds: files.slice(0, 2), submit: true });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body).toMatchObject({ status: 'submitted', timeliness: 'on_time', actualText: '1家', evidence: [{ fileName: 'a.png' }, { fileName: 'b.png' }] });
    // The lead department opens the township's evidence through the item, town2 cannot.
    expect((await sci.get(`/api/v1/targets/evidence/${files[0]}`)).status).toBe(200);
    expect((await town2.get(`/api/v1/targets/evidence/${files[0]}`)).status).toBe(404);
  });
});

describe('a lead department reviews only its indicators', () => {
  it('lets 科技局 accept the report on its indicator; the bureau (all-reach, other indicators) and a township get 403', async () => {
    const report = (await town1.get(`/api/v1/targets/plans/${plan.planId}/progress-reports?periodKey=2031-M01`)).body.items[0];
    const sciList = (await sci.get(`/api/v1/targets/plans/${plan.planId}/assignments`)).body.items as Array<{ indicatorCode: string }>;
    expect(sciList.map((a) => a.indicatorCode)).toEqual(['A', 'A']);
    const byBureau = await bureau.post(`/api/v1/targets/progress-reports/${report.id}/reviews`, { version: report.version, decision: 'accept' });
    expect(byBureau.status).toBe(403);
    expect(byBureau.body.error.code).toBe('targets.not_lead_department');
    const byTown = await town1.post(`/api/v1/targets/progress-reports/${report.id}/reviews`, { version: report.version, decision: 'accept' });
    expect(byTown.status).toBe(403);
    const returned = await sci.post(`/api/v1/targets/progress-reports/${report.id}/reviews`, { version: report.version, decision: 'return' });
    expect(returned.status).toBe(400);
    const accepted = await sci.post(`/api/v1/targets/progress-reports/${report.id}/reviews`, { version: report.version, decision: 'accept' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', reviewedByName: '刘科技（科技局）' });
  });

  it("lets the bureau review its own indicator B and not 科技局's", async () => {
    const created = await town2.post('/api/v1/targets/progress-reports', { assignmentId: item('B', 'town-yuelai'), periodKey: '2031-M01', actual: { type: 'number', value: '97.5' }, submit: true });
    expect(created.status).toBe(201);
    expect((await sci.post(`/api/v1/targets/progress-reports/${created.body.id}/reviews`, { version: created.body.version, decision: 'accept' })).status).toBe(404);
    const returned = await bureau.post(`/api/v1/targets/progress-reports/${created.body.id}/reviews`, { version: created.body.version, decision: 'return', comment: '请附抽查记录' });
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('returned');
    const resubmitted = await town2.patch(`/api/v1/targets/progress-reports/${created.body.id}`, { version: returned.body.version, actual: { type: 'number', value: '98' }, submit: true });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body).toMatchObject({ status: 'submitted', actualText: '98%' });
  });
});

describe('reporting rate and timeliness', () => {
  it('counts on-time, late and missing reports per unit', async () => {
    // town2 reports A for January after the deadline (5 Feb).
    await travelTo('2031-02-08T02:00:00Z');
    const late = await town2.post('/api/v1/targets/progress-reports', { assignmentId: item('A', 'town-yuelai'), periodKey: '2031-M01', actual: { type: 'number', value: '0' }, submit: true });
    expect(late.body.timeliness).toBe('late');
    // By 7 March February is due too; nobody reported it.
    await travelTo('2031-03-07T02:00:00Z');
    const rates = (await office.get(`/api/v1/targets/plans/${plan.planId}/reporting-rates`)).body;
    const byName = Object.fromEntries((rates.units as Array<{ orgUnitName: string }>).map((u) => [u.orgUnitName, u]));
    // Two items × two due months per unit. town1: A-Jan on time; town2: B-Jan on time (first submission), A-Jan late.
    expect(byName['常乐镇']).toMatchObject({ expected: 4, submitted: 1, onTime: 1, late: 0, missing: 3, ratePercent: '25.00', onTimeRatePercent: '25.00' });
    expect(byName['悦来镇']).toMatchObject({ expected: 4, submitted: 2, onTime: 1, late: 1, missing: 2, ratePercent: '50.00', onTimeRatePercent: '25.00' });
    expect(rates.overall).toMatchObject({ expected: 8, submitted: 3, onTime: 2, late: 1, missing: 5 });
    // Per period: January 3 of 4 reported (one late), February none, March not due yet (no rate).
    expect(rates.periods).toMatchObject([
      { periodKey: '2031-M01', deadline: '2031-02-05', expected: 4, submitted: 3, onTime: 2, late: 1, missing: 1, ratePercent: '75.00', onTimeRatePercent: '50.00' },
      { periodKey: '2031-M02', expected: 4, submitted: 0, missing: 4, ratePercent: '0.00' },
      { periodKey: '2031-M03', expected: 0, notDue: 4, ratePercent: null },
    ]);
    const january = (await office.get(`/api/v1/targets/plans/${plan.planId}/reporting-rates?periodKey=2031-M01`)).body;
    expect(january.periods).toHaveLength(1);
    expect(january.overall).toMatchObject({ expected: 4, submitted: 3 });
    const town1Rates = (await town1.get(`/api/v1/targets/plans/${plan.planId}/reporting-rates`)).body;
    expect(town1Rates.units.map((u: { orgUnitName: string }) => u.orgUnitName)).toEqual(['常乐镇']);
    const exported = await office.get(`/api/v1/targets/plans/${plan.planId}/reporting-rates/export.xlsx`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('spreadsheetml');
  });

  it('shows the pace light per unit × indicator on the progress board', async () => {
    // By 7 March two of twelve months are complete: A expects 6 × 2/12 = 1; town1 reported 1 (green), town2 0 (red).
    const board = (await office.get(`/api/v1/targets/plans/${plan.planId}/progress-board`)).body;
    const cell = (code: string, unit: string) => board.cells.find((c: { assignmentId: string }) => c.assignmentId === item(code, unit));
    expect(board.sharePercent).toBe('16.67');
    expect(cell('A', 'town-changle').pace).toMatchObject({ status: 'green', expected: '1.00', actual: '1' });
    expect(cell('A', 'town-yuelai').pace).toMatchObject({ status: 'red', actual: '0' });
    expect(cell('B', 'town-yuelai').pace.status).toBe('yellow'); // 98 % against 99 %: ≥ 80 % of expected
    expect(cell('B', 'town-changle').pace.status).toBeNull(); // a rate without a value has no light
  });
});

describe('reminders and urging notices', () => {
  const job = scheduledJobs.find((j) => j.name === 'targets.reporting_reminders');
  const notices = async (kind: string) =>
    queryRows<{ org_unit_id: string; dedupe_key: string; recipients: number }>(t.database.db, sql`SELECT org_unit_id, dedupe_key, recipients FROM targets_notices WHERE plan_id = ${plan.planId} AND kind = ${kind} ORDER BY dedupe_key`);
  const inbox = async (username: string) =>
    (await queryOne<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = ${username} AND n.kind LIKE 'targets.%'`))?.n ?? 0;

  it('reminds units with unreported items before the deadline, once however often the job runs', async () => {
    expect(job).toBeDefined();
    // 3 April: the March deadline (5 April) is 2 days away, the 3-day reminder date (2 April) has passed.
    await travelTo('2031-04-03T01:00:00Z');
    const deps = { db: t.database.db, clock, config: t.config, logger: silentLogger, force: true };
    const first = await runScheduledJob(job as NonNullable<typeof job>, deps);
    expect(first.status).toBe('ran');
    const reminders = await notices('reminder');
    expect(reminders.map((n) => n.org_unit_id).sort()).toEqual([org['town-changle'], org['town-yuelai']].sort());
    expect(reminders.every((n) => n.dedupe_key.endsWith(':2031-04-02') && n.recipients === 1)).toBe(true);
    const before = await inbox('town1');
    expect(before).toBeGreaterThan(0);
    const second = await runScheduledJob(job as NonNullable<typeof job>, deps);
    expect(second.status).toBe('ran');
    expect(await notices('reminder')).toHaveLength(2);
    expect(await inbox('town1')).toBe(before);
  });

  it('sends 督办 to units whose reports are missing after the deadline, once per period', async () => {
    await travelTo('2031-04-07T01:00:00Z');
    const deps = { db: t.database.db, clock, config: t.config, logger: silentLogger, force: true };
    await runScheduledJob(job as NonNullable<typeof job>, deps);
    await runScheduledJob(job as NonNullable<typeof job>, deps);
    const urgings = await notices('urging');
    // Feb and March are overdue within the 31-day look-back for both towns (January is older than that).
    expect(urgings.map((n) => n.dedupe_key.split(':')[2])).toHaveLength(4);
    expect(new Set(urgings.map((n) => n.dedupe_key)).size).toBe(4);
    const listed = (await town1.get(`/api/v1/targets/plans/${plan.planId}/notices?kind=urging`)).body;
    expect(listed.total).toBe(2);
    expect(listed.items[0].title).toContain('督办');
  });

  it('lets the office send a manual 督办 to a unit that is behind, once a day', async () => {
    const body = { orgUnitIds: [org['town-yuelai']], periodKey: '2031-M03', message: '悦来镇目标进度滞后，请于本周内报送并说明原因。' };
    const first = await office.post(`/api/v1/targets/plans/${plan.planId}/urgings`, body);
    expect(first.body).toEqual({ sent: 1, skipped: 0 });
    const again = await office.post(`/api/v1/targets/plans/${plan.planId}/urgings`, body);
    expect(again.body).toEqual({ sent: 0, skipped: 1 });
    expect((await town1.post(`/api/v1/targets/plans/${plan.planId}/urgings`, body)).status).toBe(403);
  });
});

describe('changing the reporting settings once units have reported', () => {
  it('allows new reminder days (logged, periods and moved deadlines kept) and refuses a new deadline rule', async () => {
    const periods = (await office.get(`/api/v1/targets/plans/${plan.planId}/periods`)).body as Array<{ id: string; key: string; deadline: string; version: number }>;
    const june = periods.find((p) => p.key === '2031-M06') as { id: string; deadline: string; version: number };
    const moved = await office.patch(`/api/v1/targets/periods/${june.id}`, { version: june.version, deadline: '2031-07-08', reason: '端午节顺延' });
    expect(moved.status, moved.text).toBe(200);
    const current = (await office.get(`/api/v1/targets/plans/${plan.planId}`)).body;
    const reporting = { ...current.config.reporting, reminderDaysBefore: [5, 2] };
    const changed = await office.patch(`/api/v1/targets/plans/${plan.planId}`, { version: current.version, config: { reporting, grades: current.config.grades }, reason: '提前提醒' });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.config.reporting.reminderDaysBefore).toEqual([5, 2]);
    const after = (await office.get(`/api/v1/targets/plans/${plan.planId}/periods`)).body as Array<{ id: string; key: string; deadline: string; reminderDates: string[] }>;
    expect(after.find((p) => p.key === '2031-M06')).toMatchObject({ id: june.id, deadline: '2031-07-08', reminderDates: ['2031-07-03', '2031-07-06'] });
    // Only the section that really changed is named in the change log (grades were sent unchanged).
    const log = (await office.get(`/api/v1/targets/plans/${plan.planId}/changes`)).body;
    expect(log.items[0]).toMatchObject({ entityType: 'plan', summary: '修改计划配置（报送周期与提醒）', reason: '提前提醒' });

    const rule = await office.patch(`/api/v1/targets/plans/${plan.planId}`, {
      version: changed.body.version,
      config: { reporting: { ...reporting, deadlineRule: { kind: 'days_after_end', days: 10 } } },
      reason: '改为期末后10天',
    });
    expect(rule.status).toBe(409);
    expect(rule.body.error.code).toBe('targets.reporting_in_use');
  });
});
