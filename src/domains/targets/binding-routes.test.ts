import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixedClock, type TestApp, type TestClient } from '../../../test/support/create-test-app';
import { queryOne, type Db } from '../../platform/db/types';
import { scopeCondition } from '../../platform/db/scope';
import { createMetricRegistry, type MetricDefinition } from '../../platform/metrics';
import { metricDefinitions } from '../metric-definitions';
import { buildPlan, occurrences, orgIds, task, type BuiltPlan } from './route-test-support';

/**
 * Indicators bound to live metrics: a tiny test metric counts the open records of a table the test
 * owns (standing in for a module's hazards). Closing a record changes the bound item's value and its
 * provenance on the next read, while a score already computed keeps the snapshot it was computed from.
 */
const openHazards: MetricDefinition = {
  key: 'test.open_hazards',
  name: { zh: '未整改隐患数（测试）', en: 'Open hazards (test)' },
  unit: '项',
  description: '测试用：辖区内未整改的隐患数',
  direction: 'lower_is_better',
  async compute(db: Db, { scope, period, now }) {
    const inScope = scopeCondition({ kind: 'subtree', rootId: scope.orgUnitId, rootPath: scope.orgPath }, { orgColumn: sql`org_unit_id` });
    const row = await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM test_hazards WHERE status = 'open' AND ${inScope} AND found_on <= ${period.to}::date`);
    const n = row?.n ?? 0;
    return { value: String(n), unit: '项', provenance: { source: '隐患排查治理记录（测试）', computedAt: now.toISOString(), recordCount: n, link: `/safety/hazards?status=open&orgUnitId=${scope.orgUnitId}` } };
  },
};

const clock = fixedClock('2036-06-15T02:00:00Z');
let t: TestApp;
let office: TestClient;
let town1: TestClient;
let org: Record<string, string>;
let plan: BuiltPlan;
const item = () => plan.assignmentIds[`H1@${org['town-changle']}`] as string;
const values = async (client: TestClient) => (await client.get(`/api/v1/targets/assignments/${item()}/values`)).body;

beforeAll(async () => {
  t = await createTestApp({ clock, metrics: createMetricRegistry([...metricDefinitions, openHazards]) });
  [office, town1] = await Promise.all([t.as('office'), t.as('town1')]);
  org = await orgIds(t);
  await t.database.db.execute(sql`CREATE TABLE test_hazards (id serial PRIMARY KEY, org_unit_id uuid NOT NULL, status text NOT NULL, found_on date NOT NULL)`);
  await t.database.db.execute(sql`INSERT INTO test_hazards (org_unit_id, status, found_on) VALUES
    (${org['town-changle']}, 'open', '2036-03-01'), (${org['town-changle']}, 'open', '2036-04-01'), (${org['village-changle-xinghe']}, 'open', '2036-05-01'),
    (${org['town-changle']}, 'closed', '2036-02-01'), (${org['town-yuelai']}, 'open', '2036-03-01')`);
  plan = await buildPlan(office, {
    year: 2036,
    indicators: [
      task('H0', org['office-quality'] as string, '100'),
      occurrences('deduction', 'H1', org['dept-amr'] as string, '1', '5', { name: '隐患逾期未整改', dataSource: { kind: 'metric', metricKey: 'test.open_hazards' } }),
    ],
    assignments: [
      { code: 'H0', orgUnitId: org['town-changle'] as string },
      { code: 'H1', orgUnitId: org['town-changle'] as string },
    ],
  });
});
afterAll(async () => t.close());

describe('an indicator bound to a live metric', () => {
  it("computes the value through the registry over the unit's territory, with provenance", async () => {
    const body = await values(town1);
    expect(body.current).toMatchObject({ actual: { type: 'occurrences', count: 3 }, text: '3项', source: 'metric', live: true });
    expect(body.current.provenance).toMatchObject({
      kind: 'metric',
      source: '隐患排查治理记录（测试）',
      producedBy: 'test.open_hazards',
      producedAt: '2036-06-15T02:00:00.000Z',
      recordCount: 3,
      link: `/safety/hazards?status=open&orgUnitId=${org['town-changle']}`,
      scopeOrgUnitId: org['town-changle'],
      period: { from: '2036-01-01', to: '2036-06-15' },
    });
  });

  it('changes value and provenance on the next read after a record of the bound module changes', async () => {
    clock.set('2036-06-15T03:30:00Z');
    [office, town1] = await Promise.all([t.as('office'), t.as('town1')]);
    await t.database.db.execute(sql`UPDATE test_hazards SET status = 'closed' WHERE org_unit_id = ${org['town-changle']} AND found_on = '2036-03-01'`);
    const body = await values(town1);
    expect(body.current).toMatchObject({ actual: { type: 'occurrences', count: 2 }, text: '2项' });
    expect(body.current.provenance).toMatchObject({ recordCount: 2, producedAt: '2036-06-15T03:30:00.000Z' });
    const card = (await town1.get(`/api/v1/targets/units/${(await office.get(`/api/v1/targets/plans/${plan.planId}/units`)).body[0].id}/scorecard`)).body;
    const h1 = card.items.find((i: { indicator: { code: string } }) => i.indicator.code === 'H1');
    expect(h1.score).toMatchObject({ effect: 'deduction', score: '2.00' });
    expect(h1.value.provenance.recordCount).toBe(2);
    expect(h1.rule.zh).toContain('（数值由平台自动采集）');
  });

  it('keeps the value a score was computed from (snapshot with provenance) while the live value moves on', async () => {
    expect((await office.post(`/api/v1/targets/plans/${plan.planId}/scores`, {})).status).toBe(200);
    await t.database.db.execute(sql`UPDATE test_hazards SET status = 'closed' WHERE org_unit_id = ${org['village-changle-xinghe']}`);
    const score = (await office.get(`/api/v1/targets/plans/${plan.planId}/scores?withItems=true`)).body[0];
    const h1 = score.items.find((i: { code: string }) => i.code === 'H1');
    expect(h1).toMatchObject({ score: '2.00', actualText: '2项', provenance: { kind: 'metric', recordCount: 2 } });
    expect(h1.provenance.snapshotId).toEqual(expect.any(String));
    const body = await values(office);
    expect(body.current.actual).toEqual({ type: 'occurrences', count: 1 });
    expect(body.snapshots).toHaveLength(1);
    expect(body.snapshots[0]).toMatchObject({ id: h1.provenance.snapshotId, value: '2', purpose: 'scoring', changedSince: true, provenance: { recordCount: 2 } });
  });

  it('refuses a progress report for a metric-bound item (the platform already knows the value)', async () => {
    const res = await town1.post('/api/v1/targets/progress-reports', { assignmentId: item(), periodKey: '2036-M05', actual: { type: 'occurrences', count: 0 } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('targets.metric_bound');
  });
});
