import { sql } from 'drizzle-orm';
import { queryOne, type Db } from '../../src/platform/db/types';
import { enterpriseScopeFixtures, prepareEnterpriseScopeFixtures } from '../support/enterprise-scope-fixtures';
import { environmentScopeFixtures, prepareEnvironmentScopeFixtures } from '../support/environment-scope-fixtures';

/**
 * Records that belong to town2 (悦来镇), one per route with an `{id}` parameter. The access-matrix
 * test calls each such route as town1 and ent1 with town2's record and expects 403/404, and as
 * office expecting success (proving the fixture is real). Every GET route with an id must have an
 * entry here (the test fails otherwise); write routes may add a valid body to test their scope too.
 *
 * Keys are `METHOD /api/v1/path/:id…` exactly as Hono lists the route.
 */
export type ScopeFixture = { id: string; body?: Record<string, unknown>; officeStatus?: number };
export type FixtureLoader = (db: Db) => Promise<ScopeFixture>;

const town2Unit = async (db: Db) => (await queryOne<{ id: string; version: number }>(db, sql`SELECT id, version FROM org_units WHERE code = 'town-yuelai'`)) as { id: string; version: number };
const town2User = async (db: Db) => (await queryOne<{ id: string; version: number }>(db, sql`SELECT id, version FROM users WHERE username = 'town2'`)) as { id: string; version: number };

export const scopeFixtures: Record<string, FixtureLoader> = {
  'GET /api/v1/org-units/:id': async (db) => ({ id: (await town2Unit(db)).id }),
  'GET /api/v1/org-units/:id/history': async (db) => ({ id: (await town2Unit(db)).id }),
  'PATCH /api/v1/org-units/:id': async (db) => {
    const u = await town2Unit(db);
    return { id: u.id, body: { version: u.version, contactPhone: '0513-1234567' } };
  },
  'GET /api/v1/users/:id': async (db) => ({ id: (await town2User(db)).id }),
  'PATCH /api/v1/users/:id': async (db) => {
    const u = await town2User(db);
    return { id: u.id, body: { version: u.version, phone: '13800000000' } };
  },
  'GET /api/v1/files/:id': async (db) => {
    const row = await queryOne<{ id: string }>(db, sql`SELECT id FROM files WHERE purpose = 'scope-fixture'`);
    return { id: (row as { id: string }).id };
  },
  // Hazards: a demo hazard in 悦来镇's subtree (the small demo always has some).
  'GET /api/v1/hazards/:id': async (db) => ({ id: (await town2Hazard(db)).id }),
  'PATCH /api/v1/hazards/:id': async (db) => {
    const h = await town2Hazard(db);
    return { id: h.id, body: { version: h.version, title: '越权修改' } };
  },
  'POST /api/v1/hazards/:id/actions': async (db) => {
    const h = await town2Hazard(db);
    return { id: h.id, body: { action: 'reject', version: h.version, disposition: 'invalid', reason: '越权处理' } };
  },
  // The matrix cannot fill the second parameter (:fileId → 'x'), so office gets 404 too; what this
  // proves is that town1/ent1 get 404 for town2's hazard (the route tests download real photos).
  'GET /api/v1/hazards/:id/files/:fileId': async (db) => ({ id: (await town2Hazard(db)).id, officeStatus: 404 }),
  // Special equipment: a demo device registered in 悦来镇 (and its operator certificate, added below).
  'GET /api/v1/equipment/:id': async (db) => ({ id: (await town2Device(db)).id }),
  'GET /api/v1/equipment/:id/timeline': async (db) => ({ id: (await town2Device(db)).id }),
  'GET /api/v1/equipment/:id/responsibility': async (db) => ({ id: (await town2Device(db)).id }),
  'GET /api/v1/equipment/:id/maintenance-gaps': async (db) => ({ id: (await town2Device(db)).id }),
  'PATCH /api/v1/equipment/:id': async (db) => {
    const d = await town2Device(db);
    return { id: d.id, body: { version: d.version, useAddress: '越权修改的地址' } };
  },
  'POST /api/v1/equipment/:id/registration': async (db) => {
    const d = await town2Device(db);
    return { id: d.id, body: { action: 'stop', version: d.version, stoppedOn: '2020-01-01', reason: '越权停用' } };
  },
  'POST /api/v1/equipment/:id/maintenance': async (db) => ({ id: (await town2Device(db)).id, body: { maintainedOn: '2020-01-01', kind: 'half_monthly', workers: [{ name: '越权' }] } }),
  'POST /api/v1/equipment/:id/certificates': async (db) => ({
    id: (await town2Device(db)).id,
    body: { personName: '越权', certificateNo: 'X-1', workItemCode: 'Q2', issuedOn: '2020-01-01', expiresOn: '2024-01-01' },
  }),
  'GET /api/v1/equipment/certificates/:id': async (db) => ({ id: (await town2Certificate(db)).id }),
  'PATCH /api/v1/equipment/certificates/:id': async (db) => {
    const c = await town2Certificate(db);
    return { id: c.id, body: { version: c.version, expiresOn: '2030-01-01' } };
  },
  // Targets: a 2099 plan in which only 悦来镇 is assessed (built by prepareTargetsFixture below).
  ...targetsScopeFixtures(),
  // Enterprises, import batches and jobs owned by 悦来镇.
  ...enterpriseScopeFixtures,
  // Environment stations, samples and siting checks of 悦来镇.
  ...environmentScopeFixtures,
};

async function town2Device(db: Db): Promise<{ id: string; version: number }> {
  const row = await queryOne<{ id: string; version: number }>(
    db,
    sql`SELECT d.id, d.version FROM equipment_devices d JOIN org_units o ON o.id = d.territory_org_unit_id
        WHERE o.path LIKE (SELECT path FROM org_units WHERE code = 'town-yuelai') || '%' AND d.status = 'in_use' ORDER BY d.equipment_code LIMIT 1`,
  );
  if (!row) throw new Error('the small demo has no device in 悦来镇');
  return row;
}

async function town2Certificate(db: Db): Promise<{ id: string; version: number }> {
  const device = await town2Device(db);
  const row = await queryOne<{ id: string; version: number }>(db, sql`SELECT id, version FROM equipment_operator_certificates WHERE device_id = ${device.id} AND certificate_no = 'SCOPE-FIXTURE'`);
  if (!row) throw new Error('prepareScopeFixtures did not add the certificate');
  return row;
}

async function town2Hazard(db: Db): Promise<{ id: string; version: number }> {
  const row = await queryOne<{ id: string; version: number }>(
    db,
    sql`SELECT h.id, h.version FROM hazards h JOIN org_units o ON o.id = h.org_unit_id
        WHERE o.path LIKE (SELECT path FROM org_units WHERE code = 'town-yuelai') || '%' ORDER BY h.hazard_no LIMIT 1`,
  );
  if (!row) throw new Error('the small demo has no hazard in 悦来镇');
  return row;
}

/** Data some fixtures need that the demo seed does not create. */
export async function prepareScopeFixtures(db: Db): Promise<void> {
  const unit = await town2Unit(db);
  const user = await town2User(db);
  await db.execute(sql`INSERT INTO files (id, purpose, file_name, content_type, size_bytes, sha256, content, org_unit_id, created_by)
    VALUES (gen_random_uuid(), 'scope-fixture', 'town2.png', 'image/png', 1, 'x', '\\x00'::bytea, ${unit.id}, ${user.id})`);
  const device = await town2Device(db);
  await db.execute(sql`INSERT INTO equipment_operator_certificates (id, device_id, person_name, certificate_no, work_item_code, issued_on, expires_on)
    VALUES (gen_random_uuid(), ${device.id}, '悦来镇作业人员', 'SCOPE-FIXTURE', 'Q2', '2022-01-01', '2030-01-01')`);
  await prepareTargetsFixture(db);
  await prepareEnterpriseScopeFixtures(db);
  await prepareEnvironmentScopeFixtures(db);
}

// ---- targets (目标考核) ----

const targetsYear = 2099;
const targetsRow = async (db: Db, query: ReturnType<typeof sql>) => {
  const row = await queryOne<{ id: string; version: number }>(db, query);
  if (!row) throw new Error('prepareTargetsFixture did not create the targets fixture');
  return row;
};
const targetsPlan = (db: Db) => targetsRow(db, sql`SELECT id, version FROM targets_plans WHERE year = ${targetsYear}`);
const targetsItem = (db: Db) => targetsRow(db, sql`SELECT a.id, a.version FROM targets_assignments a JOIN targets_plans p ON p.id = a.plan_id WHERE p.year = ${targetsYear}`);

function targetsScopeFixtures(): Record<string, FixtureLoader> {
  const plan = async (db: Db) => ({ id: (await targetsPlan(db)).id });
  const planRoutes = ['', '/changes', '/decomposition', '/periods', '/indicators', '/indicators/export.xlsx', '/units', '/assignments', '/assignments/export.xlsx',
    '/progress-reports', '/progress-reports/export.xlsx', '/reporting-rates', '/reporting-rates/export.xlsx', '/progress-board', '/notices', '/self-evaluations',
    '/scores', '/scores/export.xlsx', '/ranking', '/ranking/export.xlsx', '/publications', '/objections'];
  const report = (db: Db) => targetsRow(db, sql`SELECT r.id, r.version FROM targets_progress_reports r JOIN targets_plans p ON p.id = r.plan_id WHERE p.year = ${targetsYear}`);
  const evaluation = (db: Db) => targetsRow(db, sql`SELECT r.id, r.version FROM targets_self_evaluations r JOIN targets_plans p ON p.id = r.plan_id WHERE p.year = ${targetsYear}`);
  return {
    ...Object.fromEntries(planRoutes.map((suffix) => [`GET /api/v1/targets/plans/:id${suffix}`, plan])),
    'GET /api/v1/targets/indicators/:id': async (db) => ({ id: (await targetsRow(db, sql`SELECT i.id, i.version FROM targets_indicators i JOIN targets_plans p ON p.id = i.plan_id WHERE p.year = ${targetsYear}`)).id }),
    'GET /api/v1/targets/assignments/:id': async (db) => ({ id: (await targetsItem(db)).id }),
    'GET /api/v1/targets/assignments/:id/values': async (db) => ({ id: (await targetsItem(db)).id }),
    'GET /api/v1/targets/units/:id/scorecard': async (db) => ({ id: (await targetsRow(db, sql`SELECT u.id, u.version FROM targets_plan_units u JOIN targets_plans p ON p.id = u.plan_id WHERE p.year = ${targetsYear}`)).id }),
    'GET /api/v1/targets/progress-reports/:id': async (db) => ({ id: (await report(db)).id }),
    'PATCH /api/v1/targets/progress-reports/:id': async (db) => {
      const r = await report(db);
      return { id: r.id, body: { version: r.version, actual: { type: 'number', value: '1' }, submit: true } };
    },
    'GET /api/v1/targets/self-evaluations/:id': async (db) => ({ id: (await evaluation(db)).id }),
    'PATCH /api/v1/targets/self-evaluations/:id': async (db) => {
      const e = await evaluation(db);
      return { id: e.id, body: { version: e.version, note: '越权修改' } };
    },
    'GET /api/v1/targets/objections/:id': async (db) => ({ id: (await targetsRow(db, sql`SELECT b.id, b.version FROM targets_objections b JOIN targets_plans p ON p.id = b.plan_id WHERE p.year = ${targetsYear}`)).id }),
    'GET /api/v1/targets/evidence/:id': async (db) => ({ id: (await targetsRow(db, sql`SELECT id, 1 AS version FROM files WHERE purpose = 'evidence' AND file_name = 'targets-scope-fixture.png'`)).id }),
  };
}

/** A published 2099 plan assessing only 悦来镇, with a report, a self-evaluation, scores, publicity and an objection. */
async function prepareTargetsFixture(db: Db): Promise<void> {
  const targets = await import('../../src/domains/targets');
  const { metricRegistry } = await import('../../src/domains/metric-definitions');
  const { systemActor } = await import('../../src/shared/actor');
  const unit = await queryOne<{ id: string; path: string }>(db, sql`SELECT id, path FROM org_units WHERE code = 'town-yuelai'`);
  const lead = await queryOne<{ id: string }>(db, sql`SELECT id FROM org_units WHERE code = 'office-quality'`);
  const user = await town2User(db);
  if (!unit || !lead) throw new Error('demo org units missing');
  const office = { actor: systemActor('scope-fixture'), timeZone: 'Asia/Shanghai' };
  const town2 = {
    actor: { ...systemActor('town2'), kind: 'user' as const, userId: user.id, username: 'town2', displayName: '陈协管（悦来镇）', role: 'township' as const, orgUnitId: unit.id, orgPath: unit.path, scope: { kind: 'subtree' as const, rootId: unit.id, rootPath: unit.path } },
    timeZone: 'Asia/Shanghai',
  };
  const at = (iso: string) => new Date(iso);
  const plan = await targets.createPlan(db, { ...office, now: at('2099-01-02T01:00:00Z'), input: { year: targetsYear, title: '越权检查用计划' } });
  const evidence = { description: '证明材料', fileKinds: ['image' as const], maxFiles: 2 };
  const indicator = await targets.createIndicator(db, {
    ...office,
    now: at('2099-01-02T01:00:00Z'),
    planId: plan.id,
    registry: metricRegistry,
    input: { definition: { type: 'count_target', code: 'FX1', name: '越权检查指标', unitOfMeasure: '家', leadOrgUnitId: lead.id, evidence, dataSource: { kind: 'reported' }, weight: '100', target: '10', shortfall: { mode: 'proportional' } } },
  });
  await targets.saveAssignments(db, { ...office, now: at('2099-01-02T01:00:00Z'), planId: plan.id, input: { items: [{ indicatorId: indicator.id, orgUnitId: unit.id }] } });
  await targets.transitionPlan(db, { ...office, now: at('2099-01-02T01:00:00Z'), id: plan.id, input: { action: 'publish', version: plan.version } });
  const assignment = await targetsItem(db);
  const file = await queryOne<{ id: string }>(
    db,
    sql`INSERT INTO files (id, purpose, file_name, content_type, size_bytes, sha256, content, org_unit_id, created_by)
        VALUES (gen_random_uuid(), 'evidence', 'targets-scope-fixture.png', 'image/png', 1, 'x', '\\x00'::bytea, ${unit.id}, ${user.id}) RETURNING id`,
  );
  await targets.createProgressReport(db, { ...town2, now: at('2099-02-03T01:00:00Z'), input: { assignmentId: assignment.id, periodKey: '2099-M01', actual: { type: 'number', value: '1' }, evidenceFileIds: [file?.id as string], submit: true } });
  await targets.createSelfEvaluation(db, { ...town2, now: at('2099-12-10T01:00:00Z'), input: { assignmentId: assignment.id, actual: { type: 'number', value: '9' }, evidenceFileIds: [file?.id as string], submit: true } });
  await targets.computeScores(db, { ...office, now: at('2099-12-20T01:00:00Z'), planId: plan.id, registry: metricRegistry });
  const scored = await targetsPlan(db);
  await targets.openPublicity(db, { ...office, now: at('2099-12-20T01:00:00Z'), planId: plan.id, input: { version: scored.version } });
  await targets.createObjection(db, { ...town2, now: at('2099-12-21T01:00:00Z'), planId: plan.id, input: { reason: '越权检查用异议', evidenceFileIds: [] } });
}
