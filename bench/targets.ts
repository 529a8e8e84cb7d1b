import { sql } from 'drizzle-orm';
import { seedDemo } from '../src/demo/seed';
import { metricRegistry } from '../src/domains/metric-definitions';
import { createOrgUnit, findOrgUnitByCode, findRoot } from '../src/domains/org';
import { computeScores, createIndicator, createPlan, saveAssignments, transitionPlan } from '../src/domains/targets';
import { localDate } from '../src/platform/clock';
import { connect } from '../src/platform/db/connect';
import { migrate } from '../src/platform/db/migrate';
import { queryRows, type Db } from '../src/platform/db/types';
import { computeMetricForScopes, createMetricRegistry, type MetricDefinition, type MetricRegistry } from '../src/platform/metrics';
import { systemActor } from '../src/shared/actor';
import { percentile, withPeakRss, type BenchWorkload } from './harness';

/**
 * Assessment recompute (product.md §5: 30 units × 60 indicators with live bindings ≤ 1 s).
 *
 * Dataset (PGlite, built before timing): migrations + the small demo (enterprises, environment,
 * hazards… so the real metrics compute over real rows), 30 assessed territorial units (the demo's
 * townships, streets and parks plus extra townships), and a published plan of 60 indicators, every
 * one bound to a metric of the real registry (round-robin; rates become rate thresholds, the rest
 * count targets), assigned to all 30 units: 1,800 live items. Each unit is computed over its own
 * territory, so the distinct metric computations are (metrics used) × 30.
 *
 * Measured: `computeScores` end to end (load, live metrics through the registry, scoring, ranking,
 * storing 1,800 metric snapshots with provenance and 30 score rows, audit). Anchor: the same distinct
 * metric computations called directly, one `compute` per (metric, unit) — the floor of computing the
 * values scope by scope. The recompute goes through the registry's batch path instead (one
 * `computeMany` per metric for all 30 units), so it can now beat the anchor (ratio < 1); the notes
 * also give the batch path's own floor (the same batches called directly).
 */
const UNITS = 30;
const INDICATORS = 60;

const fallbackMetric: MetricDefinition = {
  key: 'bench.org_units',
  name: { zh: '下级单位数', en: 'Org units' },
  unit: '个',
  description: 'bench fallback when no metric is registered',
  direction: 'higher_is_better',
  async compute(db, { scope, now }) {
    const rows = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM org_units WHERE path LIKE ${`${scope.orgPath}%`}`);
    const n = rows[0]?.n ?? 0;
    return { value: String(n), unit: '个', provenance: { source: '组织机构', computedAt: now.toISOString(), recordCount: n, link: null } };
  },
};

export type Dataset = { db: Db; close(): Promise<void>; planId: string; registry: MetricRegistry; metricKeys: string[]; now: Date; units: Array<{ id: string; path: string }>; period: { from: string; to: string } };

export async function buildDataset(): Promise<Dataset> {
  const database = await connect({ url: null, dataDir: '', memory: {} });
  await migrate(database);
  const db = database.db;
  await seedDemo(db, { size: 'small' });
  const actor = systemActor('bench');
  const timeZone = 'Asia/Shanghai';
  const now = new Date();
  const today = localDate(now, timeZone);
  const year = Number(today.slice(0, 4));
  const registry = metricRegistry.list().length > 0 ? metricRegistry : createMetricRegistry([fallbackMetric]);
  const metrics = registry.list();

  // The demo's current plan occupies this year; close it so the bench plan can be published.
  const [demoPlan] = await queryRows<{ id: string; version: number }>(db, sql`SELECT id, version FROM targets_plans WHERE year = ${year} AND status = 'published'`);
  if (demoPlan) await transitionPlan(db, { actor, now, timeZone, id: demoPlan.id, input: { action: 'close', version: demoPlan.version } });

  const root = await findRoot(db);
  if (!root) throw new Error('no org root');
  const territorial = await queryRows<{ id: string; path: string }>(db, sql`SELECT id, path FROM org_units WHERE kind IN ('township', 'street', 'park') ORDER BY code`);
  for (let i = territorial.length; i < UNITS; i += 1) {
    const code = `town-bench-${String(i).padStart(2, '0')}`;
    await createOrgUnit(db, { actor, input: { parentId: root.id, kind: 'township', code, name: `基准测试镇${i}`, regionCode: root.regionCode } });
    const unit = await findOrgUnitByCode(db, code);
    if (unit) territorial.push({ id: unit.id, path: unit.path });
  }
  const units = territorial.slice(0, UNITS);
  const lead = (await findOrgUnitByCode(db, 'dept-amr')) ?? root;

  const plan = await createPlan(db, { actor, now, timeZone, input: { year, title: `${year}年度考核基准计划` } });
  const indicatorIds: string[] = [];
  const metricKeys = new Set<string>();
  for (let i = 0; i < INDICATORS; i += 1) {
    const metric = metrics[i % metrics.length] as MetricDefinition;
    metricKeys.add(metric.key);
    const weight = i < 40 ? '2' : '1';
    const common = {
      code: `B${String(i + 1).padStart(2, '0')}`,
      name: `${metric.name.zh}（基准${i + 1}）`,
      unitOfMeasure: metric.unit.slice(0, 20),
      leadOrgUnitId: lead.id,
      evidence: { description: '平台数据', fileKinds: [], maxFiles: 0 },
      dataSource: { kind: 'metric' as const, metricKey: metric.key },
      weight,
    };
    const definition =
      metric.unit === '%'
        ? { ...common, type: 'rate_threshold' as const, threshold: '90', direction: metric.direction, shortfall: { mode: 'slope' as const, pointsPerPp: '0.1' } }
        : { ...common, type: 'count_target' as const, target: '10', shortfall: { mode: 'proportional' as const } };
    const created = await createIndicator(db, { actor, now, timeZone, planId: plan.id, registry, input: { definition, sortOrder: i } });
    indicatorIds.push(created.id);
  }
  await saveAssignments(db, { actor, now, timeZone, planId: plan.id, input: { items: units.flatMap((u) => indicatorIds.map((indicatorId) => ({ indicatorId, orgUnitId: u.id }))) } });
  await transitionPlan(db, { actor, now, timeZone, id: plan.id, input: { action: 'publish', version: plan.version } });
  return { db, close: () => database.close(), planId: plan.id, registry, metricKeys: [...metricKeys], now, units, period: { from: `${year}-01-01`, to: today } };
}

/** The anchor: every distinct (metric, unit) computation, called directly. */
async function computeMetricsDirectly(ds: Dataset): Promise<number> {
  const start = performance.now();
  for (const key of ds.metricKeys) {
    const metric = ds.registry.find(key) as MetricDefinition;
    for (const unit of ds.units) await metric.compute(ds.db, { scope: { orgUnitId: unit.id, orgPath: unit.path }, period: ds.period, now: ds.now });
  }
  return performance.now() - start;
}

/** The batch path's floor: one computeMetricForScopes per metric over all units, called directly. */
async function computeMetricsBatched(ds: Dataset): Promise<number> {
  const start = performance.now();
  const scopes = ds.units.map((u) => ({ orgUnitId: u.id, orgPath: u.path }));
  for (const key of ds.metricKeys) await computeMetricForScopes(ds.registry.find(key) as MetricDefinition, ds.db, { scopes, period: ds.period, now: ds.now });
  return performance.now() - start;
}

export const workloads: BenchWorkload[] = [
  {
    name: 'targets: assessment recompute with live metric bindings (PGlite)',
    size: `${UNITS} units × ${INDICATORS} indicators (${UNITS * INDICATORS} items)`,
    run: async () => {
      const ds = await buildDataset();
      try {
        const actor = systemActor('bench');
        const recompute = () => computeScores(ds.db, { actor, now: ds.now, timeZone: 'Asia/Shanghai', planId: ds.planId, registry: ds.registry });
        await recompute(); // warm-up: query plans, JIT
        const runs: Array<Awaited<ReturnType<typeof recompute>> & { ms: number }> = [];
        const { peakRssMb } = await withPeakRss(async () => {
          for (let i = 0; i < 3; i += 1) {
            const start = performance.now();
            const result = await recompute();
            runs.push({ ...result, ms: performance.now() - start });
          }
        });
        const anchorMs = await computeMetricsDirectly(ds);
        const batchedMs = await computeMetricsBatched(ds);
        const batched = ds.metricKeys.filter((key) => ds.registry.find(key)?.computeMany).length;
        const ms = percentile(runs.map((r) => r.ms), 50);
        const median = runs.find((r) => r.ms === ms) ?? runs[0];
        const t = median?.timings;
        const distinct = ds.metricKeys.length * ds.units.length;
        return {
          ms,
          rate: { value: ((UNITS * INDICATORS) / ms) * 1000, unit: 'items/s' },
          anchor: { name: `${distinct} distinct metric computations, direct`, ms: anchorMs },
          ratio: ms / anchorMs,
          target: '≤ 1,000 ms (median of 3 runs)',
          ok: ms <= 1000,
          peakRssMb,
          notes: t
            ? `load ${Math.round(t.loadMs)} ms, live metrics ${Math.round(t.metricsMs)} ms (${ds.metricKeys.length} metrics × ${ds.units.length} units, ${batched} metrics batched; batches called directly ${Math.round(batchedMs)} ms), scoring+ranking ${Math.round(t.scoringMs)} ms, save ${Math.round(t.saveMs)} ms (${median?.metricValues} snapshots); runs ${runs.map((r) => Math.round(r.ms)).join('/')} ms`
            : undefined,
        };
      } finally {
        await ds.close();
      }
    },
  },
];
