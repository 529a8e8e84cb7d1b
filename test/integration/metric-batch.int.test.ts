import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricRegistry } from '../../src/domains/metric-definitions';
import { createOrgUnit, findOrgUnitByCode } from '../../src/domains/org';
import { addDaysToDate, localDate } from '../../src/platform/clock';
import type { Database } from '../../src/platform/db/connect';
import type { MetricDefinition, MetricPeriod, MetricScope, MetricValue } from '../../src/platform/metrics';
import { systemActor } from '../../src/shared/actor';
import { createTestDb } from '../support/create-test-db';

/**
 * The batch path of the metrics registry (computeMany, used by the assessment recompute) answers
 * for every scope exactly what the per-scope compute answers — value and provenance — over the
 * small demo's real records: the city root, a township with records, a village inside it (nested
 * scopes in one batch), a park, and a township created here that has no records at all.
 */
const batched = [
  'enterprises.count',
  'enterprises.high_tech_count',
  'enterprises.above_size_count',
  'env.air_good_day_rate',
  'env.pm25_mean',
  'env.water_compliance_rate',
  'env.noise_compliance_rate',
  'env.protected_area_km2',
  'safety.rectification_rate',
  'safety.rectification_on_time_rate',
  'safety.overdue_unrectified',
  'safety.overdue_major_hazard_count',
  'safety.major_hazard_closure_rate',
  'safety.mean_rectification_days',
  'safety.rebound_rate',
  'safety.self_check_share',
  'safety.inspection_rate',
  'safety.overdue_devices',
];

let database: Database;
let scopes: Record<'city' | 'township' | 'village' | 'park' | 'empty', MetricScope>;
const now = new Date();
const today = localDate(now, 'Asia/Shanghai');
const periods: Record<string, MetricPeriod> = { 'the last year': { from: addDaysToDate(today, -365), to: today }, 'the last 90 days': { from: addDaysToDate(today, -90), to: today } };

async function scopeOf(code: string): Promise<MetricScope> {
  const unit = await findOrgUnitByCode(database.db, code);
  if (!unit) throw new Error(`no org unit ${code}`);
  return { orgUnitId: unit.id, orgPath: unit.path };
}

async function computeEach(metric: MetricDefinition, period: MetricPeriod): Promise<Map<string, MetricValue>> {
  const values = new Map<string, MetricValue>();
  for (const scope of Object.values(scopes)) values.set(scope.orgUnitId, await metric.compute(database.db, { scope, period, now }));
  return values;
}

beforeAll(async () => {
  database = await createTestDb();
  const city = await scopeOf('city');
  await createOrgUnit(database.db, { actor: systemActor('test'), input: { parentId: city.orgUnitId, kind: 'township', code: 'town-batch-empty', name: '无记录测试镇', regionCode: '320684' } });
  scopes = { city, township: await scopeOf('town-changle'), village: await scopeOf('village-changle-xinghe'), park: await scopeOf('park-etdz'), empty: await scopeOf('town-batch-empty') };
});
afterAll(async () => database.close());

describe('metric batch path (computeMany)', () => {
  it('is provided by every enterprise, environment, hazard and equipment metric', () => {
    const withBatch = metricRegistry.list().filter((m) => m.computeMany).map((m) => m.key);
    expect(withBatch).toEqual(expect.arrayContaining(batched));
  });

  describe.each(Object.entries(periods))('over %s', (_label, period) => {
    it.each(batched)('%s: computeMany over five scopes equals compute per scope, provenance included', async (key) => {
      const metric = metricRegistry.find(key) as MetricDefinition;
      const expected = await computeEach(metric, period);
      const many = await metric.computeMany?.(database.db, { scopes: Object.values(scopes), period, now });
      expect(many).toStrictEqual(expected);
    });
  });

  it('compares real data: the city root has records behind every metric and the new township none', async () => {
    const period = periods['the last year'] as MetricPeriod;
    for (const key of batched) {
      const many = await (metricRegistry.find(key) as MetricDefinition).computeMany?.(database.db, { scopes: Object.values(scopes), period, now });
      expect(many?.get(scopes.city.orgUnitId)?.provenance.recordCount, key).toBeGreaterThan(0);
      expect(many?.get(scopes.empty.orgUnitId)?.provenance.recordCount, key).toBe(0);
    }
  });
});
