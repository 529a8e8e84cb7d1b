import { describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/types';
import { createMetricRegistry, type MetricDefinition, type MetricPeriod, type MetricScope, type MetricValue } from '../../platform/metrics';
import { computeMetricRequests, type MetricRequest } from './value-service';

/**
 * Live values of metric-bound items: requests of one metric and period go to the registry as one
 * batch when the metric has a batch path, and a failing batch still gives each item its own value
 * or error. The test metrics touch no database.
 */
const db = {} as Db;
const now = new Date('2026-07-01T00:00:00Z');
const year: MetricPeriod = { from: '2026-01-01', to: '2026-06-30' };
const firstQuarter: MetricPeriod = { from: '2026-01-01', to: '2026-03-31' };

const valueOf = (scope: MetricScope, period: MetricPeriod, via: string): MetricValue => ({
  value: `${scope.orgUnitId}@${period.to}`,
  unit: '个',
  provenance: { source: via, computedAt: now.toISOString(), recordCount: 1, link: null },
});

function testMetric(key: string, calls: string[], options: { batch: boolean; failBatch?: boolean; failScope?: string }): MetricDefinition {
  return {
    key,
    name: { zh: key, en: key },
    unit: '个',
    description: '',
    direction: 'higher_is_better',
    async compute(_db, { scope, period }) {
      calls.push(`${key} compute ${scope.orgUnitId} ${period.to}`);
      if (scope.orgUnitId === options.failScope) throw new Error('数据异常');
      return valueOf(scope, period, 'compute');
    },
    ...(options.batch
      ? {
          async computeMany(_db: Db, { scopes, period }: { scopes: readonly MetricScope[]; period: MetricPeriod }) {
            calls.push(`${key} computeMany ${scopes.map((s) => s.orgUnitId).join(',')} ${period.to}`);
            if (options.failBatch) throw new Error('批量计算失败');
            return new Map(scopes.map((s) => [s.orgUnitId, valueOf(s, period, 'computeMany')]));
          },
        }
      : {}),
  };
}

function request(metricKey: string, orgUnitId: string, period: MetricPeriod): MetricRequest {
  return { key: `${metricKey}|${orgUnitId}|${period.from}|${period.to}`, metricKey, scopeOrgUnitId: orgUnitId, scopePath: `/root/${orgUnitId}/`, period };
}

describe('computeMetricRequests', () => {
  it('computes a batch-capable metric once per period for all its scopes, and the others per request', async () => {
    const calls: string[] = [];
    const registry = createMetricRegistry([testMetric('m.batch', calls, { batch: true }), testMetric('m.single', calls, { batch: false })]);
    const requests = [
      request('m.batch', 'a', year),
      request('m.batch', 'b', year),
      request('m.batch', 'a', year),
      request('m.batch', 'a', firstQuarter),
      request('m.single', 'a', year),
      request('m.single', 'b', year),
      request('m.missing', 'a', year),
    ];
    const outcomes = await computeMetricRequests(db, registry, requests, now);
    expect(calls.sort()).toEqual(['m.batch computeMany a 2026-03-31', 'm.batch computeMany a,b 2026-06-30', 'm.single compute a 2026-06-30', 'm.single compute b 2026-06-30']);
    expect(outcomes.size).toBe(6);
    expect(outcomes.get('m.batch|b|2026-01-01|2026-06-30')).toMatchObject({ value: { value: 'b@2026-06-30', provenance: { source: 'computeMany' } }, error: null });
    expect(outcomes.get('m.batch|a|2026-01-01|2026-03-31')?.value?.value).toBe('a@2026-03-31');
    expect(outcomes.get('m.single|b|2026-01-01|2026-06-30')?.value?.value).toBe('b@2026-06-30');
    expect(outcomes.get('m.missing|a|2026-01-01|2026-06-30')).toMatchObject({ value: null, error: '平台指标 m.missing 未注册' });
  });

  it('when a batch fails, computes its requests one by one so that only the failing scope carries an error', async () => {
    const calls: string[] = [];
    const registry = createMetricRegistry([testMetric('m.batch', calls, { batch: true, failBatch: true, failScope: 'b' })]);
    const outcomes = await computeMetricRequests(db, registry, [request('m.batch', 'a', year), request('m.batch', 'b', year)], now);
    expect(calls).toEqual(['m.batch computeMany a,b 2026-06-30', 'm.batch compute a 2026-06-30', 'm.batch compute b 2026-06-30']);
    expect(outcomes.get('m.batch|a|2026-01-01|2026-06-30')).toMatchObject({ value: { value: 'a@2026-06-30', provenance: { source: 'compute' } }, error: null });
    expect(outcomes.get('m.batch|b|2026-01-01|2026-06-30')).toMatchObject({ value: null, error: '计算失败：数据异常' });
  });
});
