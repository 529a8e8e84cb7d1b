import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/create-test-app';
import { buildPlan, countTarget, orgIds, rateThreshold, task } from './route-test-support';

let t: TestApp;
let office: TestClient;
let org: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  org = await orgIds(t);
});
afterAll(async () => t.close());

describe('plan lifecycle', () => {
  it('goes draft → published → closed; edits after publishing need a reason and are logged with before/after', async () => {
    const plan = await buildPlan(office, {
      year: 2040,
      publish: false,
      indicators: [countTarget('A1', org['dept-sci'] as string, '60', '10'), task('A2', org['office-quality'] as string, '40')],
      assignments: [
        { code: 'A1', orgUnitId: org['town-changle'] as string, target: '10' },
        { code: 'A2', orgUnitId: org['town-changle'] as string },
      ],
    });
    const draft = (await office.get(`/api/v1/targets/plans/${plan.planId}`)).body;
    expect(draft).toMatchObject({ status: 'draft', editMode: 'free', planVersion: 1, revision: 0, counts: { indicators: 2, units: 1, assignments: 2 } });

    // A draft is edited freely: no change log.
    const renamed = await office.patch(`/api/v1/targets/plans/${plan.planId}`, { version: draft.version, title: '2040年度质量强市目标（草案）' });
    expect(renamed.status).toBe(200);
    expect((await office.get(`/api/v1/targets/plans/${plan.planId}/changes`)).body.total).toBe(0);

    const published = await office.post(`/api/v1/targets/plans/${plan.planId}/transitions`, { action: 'publish', version: renamed.body.version });
    expect(published.status).toBe(200);
    expect(published.body.plan).toMatchObject({ status: 'published', editMode: 'logged' });

    // Published: a change without a reason is refused, with a reason it is logged.
    const indicator = (await office.get(`/api/v1/targets/indicators/${plan.indicatorIds.A1}`)).body;
    const noReason = await office.patch(`/api/v1/targets/indicators/${indicator.id}`, { version: indicator.version, definition: { ...indicator.definition, name: '新增高新技术企业' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe('targets.change_reason_required');
    const changed = await office.patch(`/api/v1/targets/indicators/${indicator.id}`, { version: indicator.version, definition: { ...indicator.definition, name: '新增高新技术企业' }, reason: '按市政府常务会议意见调整指标名称' });
    expect(changed.status).toBe(200);
    const assignment = (await office.get(`/api/v1/targets/assignments/${plan.assignmentIds[`A1@${org['town-changle']}`]}`)).body;
    const retarget = await office.patch(`/api/v1/targets/assignments/${assignment.id}`, { version: assignment.version, target: '12', reason: '常乐镇主动加压' });
    expect(retarget.status).toBe(200);
    expect(retarget.body.effective.target).toBe('12');

    const log = (await office.get(`/api/v1/targets/plans/${plan.planId}/changes`)).body;
    expect(log.total).toBe(2);
    expect(log.items[0]).toMatchObject({ revision: 2, entityType: 'assignment', action: 'update', reason: '常乐镇主动加压', actorName: '王质强（质强办）', before: { target: '10' }, after: { target: '12' } });
    expect(log.items[1]).toMatchObject({ revision: 1, entityType: 'indicator', reason: '按市政府常务会议意见调整指标名称' });
    expect((log.items[1].after as { name: string }).name).toBe('新增高新技术企业');
    const current = (await office.get(`/api/v1/targets/plans/${plan.planId}`)).body;
    expect(current.revision).toBe(2);

    const closed = await office.post(`/api/v1/targets/plans/${plan.planId}/transitions`, { action: 'close', version: current.version });
    expect(closed.status).toBe(200);
    expect(closed.body.plan.status).toBe('closed');
    const late = await office.patch(`/api/v1/targets/plans/${plan.planId}`, { version: closed.body.plan.version, title: '改不了', reason: '试图修改已关闭的计划' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('targets.plan_closed');
    const reopen = await office.post(`/api/v1/targets/plans/${plan.planId}/transitions`, { action: 'publish', version: closed.body.plan.version });
    expect(reopen.status).toBe(409);
  });

  it('lets only the office publish: the bureau, a department and a township get 403', async () => {
    const plan = await buildPlan(office, {
      year: 2041,
      publish: false,
      indicators: [task('P1', org['office-quality'] as string, '100')],
      assignments: [{ code: 'P1', orgUnitId: org['town-yuelai'] as string }],
    });
    for (const username of ['bureau', 'sci', 'town1', 'town2']) {
      const client = await t.as(username);
      const res = await client.post(`/api/v1/targets/plans/${plan.planId}/transitions`, { action: 'publish', version: plan.version });
      expect(res.status, username).toBe(403);
    }
    expect((await office.get(`/api/v1/targets/plans/${plan.planId}`)).body.status).toBe('draft');
    const ok = await office.post(`/api/v1/targets/plans/${plan.planId}/transitions`, { action: 'publish', version: plan.version });
    expect(ok.status).toBe(200);
  });

  it('keeps drafts from everyone but the office and refuses a stale version with 409', async () => {
    const plan = await buildPlan(office, { year: 2042, publish: false, indicators: [task('S1', org['office-quality'] as string, '100')], assignments: [{ code: 'S1', orgUnitId: org['town-changle'] as string }] });
    const town1 = await t.as('town1');
    expect((await town1.get(`/api/v1/targets/plans/${plan.planId}`)).status).toBe(404);
    const first = await office.patch(`/api/v1/targets/plans/${plan.planId}`, { version: plan.version, title: '2042年度计划（一稿）' });
    expect(first.status).toBe(200);
    const second = await office.patch(`/api/v1/targets/plans/${plan.planId}`, { version: plan.version, title: '2042年度计划（另一稿）' });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('targets.stale_version');
  });
});

describe('reporting periods', () => {
  it('derives deadlines from the work calendar for a working-day rule and lets the office move one deadline', async () => {
    const plan = await buildPlan(office, {
      year: 2047,
      publish: false,
      config: { reporting: { frequency: 'monthly', deadlineRule: { kind: 'working_days_after_end', days: 3 }, reminderDaysBefore: [2] } },
      indicators: [task('K1', org['office-quality'] as string, '100')],
      assignments: [{ code: 'K1', orgUnitId: org['town-changle'] as string }],
    });
    const periods = (await office.get(`/api/v1/targets/plans/${plan.planId}/periods`)).body as Array<{ id: string; key: string; deadline: string; reminderDates: string[]; version: number }>;
    expect(periods).toHaveLength(12);
    const january = periods[0] as { id: string; key: string; deadline: string; reminderDates: string[]; version: number };
    // 31 Jan 2047 is a Thursday: Fri 1, Mon 4, Tue 5 February.
    expect(january).toMatchObject({ key: '2047-M01', deadline: '2047-02-05', reminderDates: ['2047-02-03'] });
    const moved = await office.patch(`/api/v1/targets/periods/${january.id}`, { version: january.version, deadline: '2047-02-10' });
    expect(moved.status).toBe(200);
    expect(moved.body.deadline).toBe('2047-02-10');
    const tooEarly = await office.patch(`/api/v1/targets/periods/${january.id}`, { version: moved.body.version, deadline: '2047-01-20' });
    expect(tooEarly.body.error.code).toBe('targets.deadline_before_period_end');
  });
});

describe('decomposition', () => {
  it("warns when the units' targets do not add up to the city's and when a unit's weights are not 100", async () => {
    const plan = await buildPlan(office, {
      year: 2043,
      publish: false,
      indicators: [countTarget('C1', org['dept-sci'] as string, '50', '20'), rateThreshold('C2', org['dept-amr'] as string, '40', '99')],
      assignments: [
        { code: 'C1', orgUnitId: org['town-changle'] as string, target: '8' },
        { code: 'C1', orgUnitId: org['town-yuelai'] as string, target: '9' },
        { code: 'C2', orgUnitId: org['town-changle'] as string },
        { code: 'C2', orgUnitId: org['town-yuelai'] as string, weight: '50' },
      ],
    });
    const res = await office.get(`/api/v1/targets/plans/${plan.planId}/decomposition`);
    expect(res.status).toBe(200);
    const codes = (res.body.warnings as Array<{ code: string; message: string }>).map((w) => w.code);
    expect(codes).toContain('targets.decomposition_below_city');
    expect(codes.filter((c) => c === 'targets.unit_weights_not_total')).toHaveLength(1);
    const weights = res.body.warnings.find((w: { code: string }) => w.code === 'targets.unit_weights_not_total');
    expect(weights.message).toContain('常乐镇');
    expect(weights.details).toMatchObject({ total: '90', expected: '100' });
    const units = Object.fromEntries((res.body.units as Array<{ name: string; weightTotal: string }>).map((u) => [u.name, u.weightTotal]));
    expect(units).toEqual({ 常乐镇: '90', 悦来镇: '100' });

    const fixed = await office.post(`/api/v1/targets/plans/${plan.planId}/assignments/bulk`, {
      items: [
        { indicatorId: plan.indicatorIds.C1, orgUnitId: org['town-changle'], target: '11', weight: '60' },
        { indicatorId: plan.indicatorIds.C1, orgUnitId: org['town-yuelai'], target: '9' },
      ],
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(fixed.body.warnings.filter((w: { severity: string }) => w.severity === 'warning')).toEqual([]);
  });

  it('refuses to assign an indicator to a unit that is not assessed (a village) and a mismatched override', async () => {
    const plan = await buildPlan(office, { year: 2044, publish: false, indicators: [rateThreshold('R1', org['dept-amr'] as string, '100', '98')], assignments: [{ code: 'R1', orgUnitId: org['park-etdz'] as string }] });
    const village = await office.post(`/api/v1/targets/plans/${plan.planId}/assignments`, { indicatorId: plan.indicatorIds.R1, orgUnitId: org['village-changle-xinghe'] });
    expect(village.status).toBe(400);
    expect(village.body.error.code).toBe('targets.unit_not_assessable');
    const lowerOnRate = await office.post(`/api/v1/targets/plans/${plan.planId}/assignments`, { indicatorId: plan.indicatorIds.R1, orgUnitId: org['town-sijia'], lower: '3' });
    expect(lowerOnRate.status).toBe(400);
    expect(lowerOnRate.body.error.code).toBe('targets.assignment_override_mismatch');
  });
});

describe('indicator library', () => {
  it('returns the rule in words with every indicator and previews an unsaved definition', async () => {
    const plan = await buildPlan(office, { year: 2045, publish: false, indicators: [rateThreshold('E1', org['dept-amr'] as string, '4', '98')], assignments: [{ code: 'E1', orgUnitId: org['town-changle'] as string }] });
    const list = await office.get(`/api/v1/targets/plans/${plan.planId}/indicators`);
    expect(list.body.items[0].explanation.zh).toBe('比率指标E1不低于98%（标准分4分）：达到得满分；未达到的每差1个百分点扣0.5分，扣完为止。');
    const preview = await office.get(`/api/v1/targets/indicators/explain?definition=${encodeURIComponent(JSON.stringify(countTarget('X', org['dept-sci'] as string, '5', '40')))}`);
    expect(preview.status).toBe(200);
    expect(preview.body.explanation.zh).toContain('目标40家（标准分5分）');
    const bad = await office.get(`/api/v1/targets/indicators/explain?definition=${encodeURIComponent(JSON.stringify({ type: 'count_range', lower: '30', upper: '20' }))}`);
    expect(bad.status).toBe(400);
    const types = await office.get('/api/v1/targets/indicator-types');
    expect(types.body).toHaveLength(10);
  });

  it('binds to a registered metric and refuses an unknown metric, metric parameters and a lead that is not a department', async () => {
    const plan = await buildPlan(office, { year: 2046, publish: false, indicators: [task('M0', org['office-quality'] as string, '100')], assignments: [{ code: 'M0', orgUnitId: org['town-changle'] as string }] });
    const unknown = await office.post(`/api/v1/targets/plans/${plan.planId}/indicators`, { definition: rateThreshold('M1', org['dept-amr'] as string, '5', '99', { dataSource: { kind: 'metric', metricKey: 'nothing.like_this' } }) });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('targets.unknown_metric');
    const withParams = await office.post(`/api/v1/targets/plans/${plan.planId}/indicators`, { definition: countTarget('M3', org['dept-sci'] as string, '5', '20', { dataSource: { kind: 'metric', metricKey: 'enterprises.count', params: { scope: 'new_in_year' } } }) });
    expect(withParams.status).toBe(400);
    expect(withParams.body.error.code).toBe('targets.metric_params_unsupported');
    const bound = await office.post(`/api/v1/targets/plans/${plan.planId}/indicators`, { definition: countTarget('M4', org['dept-sci'] as string, '5', '20', { dataSource: { kind: 'metric', metricKey: 'enterprises.count' } }) });
    expect(bound.status).toBe(201);
    expect(bound.body).toMatchObject({ sourceKind: 'metric', metricKey: 'enterprises.count', metricName: expect.any(String) });
    const townLead = await office.post(`/api/v1/targets/plans/${plan.planId}/indicators`, { definition: rateThreshold('M2', org['town-changle'] as string, '5', '99') });
    expect(townLead.status).toBe(400);
    expect(townLead.body.error.code).toBe('targets.lead_not_department');
  });
});

describe('plan settings', () => {
  it('validates the settings field by field, regenerates the periods for a new deadline rule and logs peer-group changes once published', async () => {
    const plan = await buildPlan(office, { year: 2048, publish: false, indicators: [task('G1', org['office-quality'] as string, '100')], assignments: [{ code: 'G1', orgUnitId: org['town-changle'] as string }] });
    const draft = (await office.get(`/api/v1/targets/plans/${plan.planId}`)).body;
    const bands = [{ grade: 'A', min: '90' }, { grade: 'B', min: '95' }, { grade: 'C', min: '6x' }];
    const bad = await office.patch(`/api/v1/targets/plans/${plan.planId}`, { version: draft.version, config: { grades: { ...draft.config.grades, bands }, publicityDays: 0 } });
    expect(bad.status).toBe(400);
    const paths = (bad.body.error.details.issues as Array<{ path: string; message: string }>).map((i) => `${i.path}: ${i.message}`);
    expect(paths).toContain('config.grades.bands.2.min: 须为十进制数字字符串（最多4位小数）');
    expect(paths).toContain('config.grades.bands: 等次下限须从高到低严格递减');
    expect(paths.some((p) => p.startsWith('config.publicityDays'))).toBe(true);

    const quarterly = { frequency: 'quarterly', deadlineRule: { kind: 'days_after_end', days: 10 }, reminderDaysBefore: [2] };
    const grades = { ...draft.config.grades, bands: [{ grade: 'A', min: '92' }, { grade: 'B', min: '80' }, { grade: 'C', min: '60' }] };
    const saved = await office.patch(`/api/v1/targets/plans/${plan.planId}`, { version: draft.version, config: { reporting: quarterly, grades } });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.config).toMatchObject({ reporting: quarterly, grades: { bands: [{ grade: 'A', min: '92' }, {}, {}] } });
    const periods = (await office.get(`/api/v1/targets/plans/${plan.planId}/periods`)).body as Array<{ key: string; deadline: string; reminderDates: string[] }>;
    expect(periods.map((p) => p.key)).toEqual(['2048-Q1', '2048-Q2', '2048-Q3', '2048-Q4']);
    expect(periods[0]).toMatchObject({ deadline: '2048-04-10', reminderDates: ['2048-04-08'] });

    const published = await office.post(`/api/v1/targets/plans/${plan.planId}/transitions`, { action: 'publish', version: saved.body.version });
    expect(published.status).toBe(200);
    const unit = ((await office.get(`/api/v1/targets/plans/${plan.planId}/units`)).body as Array<{ id: string; version: number; peerGroup: string }>)[0] as { id: string; version: number; peerGroup: string };
    expect(unit.peerGroup).toBe('townships');
    const noReason = await office.patch(`/api/v1/targets/units/${unit.id}`, { version: unit.version, peerGroup: 'parks' });
    expect(noReason.body.error.code).toBe('targets.change_reason_required');
    const moved = await office.patch(`/api/v1/targets/units/${unit.id}`, { version: unit.version, peerGroup: 'parks', reason: '常乐镇并入园区组排名' });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({ peerGroup: 'parks', peerGroupLabel: '园区' });
    const log = (await office.get(`/api/v1/targets/plans/${plan.planId}/changes`)).body;
    expect(log.items[0]).toMatchObject({ entityType: 'unit', reason: '常乐镇并入园区组排名', before: { peerGroup: 'townships' }, after: { peerGroup: 'parks' } });
  });
});
