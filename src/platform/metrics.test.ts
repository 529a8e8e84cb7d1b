import { describe, expect, it } from 'vitest';
import type { Db } from './db/types';
import { commonScopePath, computeMetricForScopes, createMetricRegistry, rateString, type MetricDefinition, type MetricScope, type MetricValue } from './metrics';

describe('rateString', () => {
  it.each([
    [1, 3, 2, '33.33'],
    [2, 3, 2, '66.67'],
    [1, 8, 2, '12.50'],
    [1, 800, 2, '0.13'],
    [5, 5, 1, '100.0'],
    [0, 7, 0, '0'],
    [0, 0, 2, null],
  ])('%i / %i with %i decimals → %s', (n, d, digits, expected) => {
    expect(rateString(n, d, digits)).toBe(expected);
  });
});

describe('createMetricRegistry', () => {
  it('refuses two metrics with one key', () => {
    const m = { key: 'a', name: { zh: 'a', en: 'a' }, unit: '%', description: '', direction: 'higher_is_better' as const, compute: async () => ({ value: null, unit: '%', provenance: { source: '', computedAt: '', recordCount: 0, link: null } }) };
    expect(() => createMetricRegistry([m, m])).toThrow(/twice/);
    expect(createMetricRegistry([m]).find('a')).toBe(m);
    expect(createMetricRegistry([m]).find('b')).toBeNull();
  });
});

describe('computeMetricForScopes', () => {
  const db = {} as Db;
  const period = { from: '2026-01-01', to: '2026-06-30' };
  const now = new Date('2026-07-01T00:00:00Z');
  const scopes: MetricScope[] = [
    { orgUnitId: 'a', orgPath: '/r/a/' },
    { orgUnitId: 'b', orgPath: '/r/b/' },
    { orgUnitId: 'a', orgPath: '/r/a/' },
  ];
  const valueOf = (scope: MetricScope, via: string): MetricValue => ({ value: `${scope.orgUnitId}:${via}`, unit: '个', provenance: { source: via, computedAt: now.toISOString(), recordCount: 1, link: null } });
  const metric = (calls: string[], batch?: (scopes: readonly MetricScope[]) => Map<string, MetricValue>): MetricDefinition => ({
    key: 'test.metric',
    name: { zh: '测试', en: 'Test' },
    unit: '个',
    description: '',
    direction: 'higher_is_better',
    compute: async (_db, { scope }) => {
      calls.push(`compute ${scope.orgUnitId}`);
      return valueOf(scope, 'compute');
    },
    ...(batch
      ? {
          computeMany: async (_db: Db, options: { scopes: readonly MetricScope[] }) => {
            calls.push(`computeMany ${options.scopes.map((s) => s.orgUnitId).join(',')}`);
            return batch(options.scopes);
          },
        }
      : {}),
  });

  it('computes every distinct scope in one computeMany call when the metric has one', async () => {
    const calls: string[] = [];
    const values = await computeMetricForScopes(metric(calls, (ss) => new Map(ss.map((s) => [s.orgUnitId, valueOf(s, 'many')]))), db, { scopes, period, now });
    expect(calls).toEqual(['computeMany a,b']);
    expect([...values.values()].map((v) => v.value)).toEqual(['a:many', 'b:many']);
  });

  it('falls back to one compute per distinct scope without computeMany', async () => {
    const calls: string[] = [];
    const values = await computeMetricForScopes(metric(calls), db, { scopes, period, now });
    expect(calls).toEqual(['compute a', 'compute b']);
    expect(values.get('b')?.value).toBe('b:compute');
  });

  it('refuses a batch that leaves a scope without a value', async () => {
    const m = metric([], (ss) => new Map(ss.slice(0, 1).map((s) => [s.orgUnitId, valueOf(s, 'many')])));
    await expect(computeMetricForScopes(m, db, { scopes, period, now })).rejects.toThrow(/no value for org unit b/);
  });
});

describe('commonScopePath', () => {
  it.each([
    [['/r/a/x/', '/r/a/y/'], '/r/a/'],
    [['/r/a/', '/r/a/x/'], '/r/a/'],
    [['/r/a/', '/r/b/', '/r/'], '/r/'],
    [['/r/ab/', '/r/a/'], '/r/'],
    [['/r/a/'], '/r/a/'],
    [[], '/'],
  ])('%j → %s', (paths, expected) => {
    expect(commonScopePath(paths.map((orgPath, i) => ({ orgUnitId: String(i), orgPath })))).toBe(expected);
  });
});
