import { sql, type SQL } from 'drizzle-orm';
import { scopeCondition } from '../../platform/db/scope';
import { queryOne, queryRows, type Db } from '../../platform/db/types';
import { scopeUnitsSql, type MetricDefinition, type MetricPeriod, type MetricScope, type MetricValue } from '../../platform/metrics';
import { highTechOnSql } from './store-query';

/**
 * Live metrics of the enterprise registry (assessment indicators bind to them). "As of the
 * period end": an enterprise counts when it was established by then (or has no date) and was
 * active on that day — active now, or deregistered/moved out only after the period end.
 * Each metric also counts many territories in one query (computeMany, grouped by scope).
 */
function inSubtree(scope: MetricScope): SQL {
  return scopeCondition({ kind: 'subtree', rootId: scope.orgUnitId, rootPath: scope.orgPath }, { orgColumn: sql`territory_org_unit_id` });
}

function activeOn(day: string): SQL {
  return sql`(established_on IS NULL OR established_on <= ${day}::date)
    AND (status = 'active' OR (status_changed_on IS NOT NULL AND status_changed_on > ${day}::date))`;
}

async function countWhere(db: Db, where: SQL): Promise<number> {
  return (await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM enterprises WHERE ${where}`))?.n ?? 0;
}

/** The same count for every scope's subtree, one query; scopes without enterprises count 0. */
async function countWhereByScope(db: Db, scopes: readonly MetricScope[], where: SQL): Promise<Map<string, number>> {
  const rows = await queryRows<{ scope_id: string; n: number }>(
    db,
    sql`SELECT su.scope_id, count(*)::int AS n
        FROM ${scopeUnitsSql(scopes)} su JOIN enterprises ON enterprises.territory_org_unit_id = su.org_unit_id
        WHERE ${where} GROUP BY su.scope_id`,
  );
  const counts = new Map(rows.map((r) => [r.scope_id, r.n]));
  return new Map(scopes.map((s) => [s.orgUnitId, counts.get(s.orgUnitId) ?? 0]));
}

function provenance(source: string, n: number, link: string, period: MetricPeriod, now: Date, note: string) {
  return { source, computedAt: now.toISOString(), recordCount: n, link, note: `${note}（截至 ${period.to}）` };
}

type CountMetric = Omit<MetricDefinition, 'unit' | 'direction' | 'compute' | 'computeMany'> & {
  /** Which active enterprises count, beyond the territory. */
  where(period: MetricPeriod): SQL;
  source: string;
  /** List filters of the link, after the territory. */
  linkFilters: string;
  note: string;
};

function countMetric(m: CountMetric): MetricDefinition {
  const value = (scope: MetricScope, n: number, period: MetricPeriod, now: Date): MetricValue => ({
    value: String(n),
    unit: '家',
    provenance: provenance(m.source, n, `/enterprises?territoryOrgUnitId=${scope.orgUnitId}&${m.linkFilters}`, period, now, m.note),
  });
  return {
    key: m.key,
    name: m.name,
    unit: '家',
    description: m.description,
    direction: 'higher_is_better',
    async compute(db, { scope, period, now }) {
      return value(scope, await countWhere(db, sql`${inSubtree(scope)} AND ${m.where(period)}`), period, now);
    },
    async computeMany(db, { scopes, period, now }) {
      const counts = await countWhereByScope(db, scopes, m.where(period));
      return new Map(scopes.map((s) => [s.orgUnitId, value(s, counts.get(s.orgUnitId) ?? 0, period, now)]));
    },
  };
}

export const enterpriseMetricDefinitions: MetricDefinition[] = [
  countMetric({
    key: 'enterprises.count',
    name: { zh: '存续企业数', en: 'Active enterprises' },
    description: '期末（所选期间最后一天）存续的企业数，按属地统计（含下级单位）。',
    where: (period) => activeOn(period.to),
    source: '企业名录',
    linkFilters: 'status=active',
    note: '成立日期不晚于期末且期末处于存续状态的企业',
  }),
  countMetric({
    key: 'enterprises.high_tech_count',
    name: { zh: '有效高新技术企业数', en: 'High-tech enterprises with a valid certificate' },
    description: '期末存续、且高新技术企业证书在期末当天有效（发证日 ≤ 期末 ≤ 有效期至）的企业数，按属地统计（含下级单位）。',
    where: (period) => sql`${activeOn(period.to)} AND ${highTechOnSql(period.to)}`,
    source: '企业名录（高新技术企业证书）',
    linkFilters: 'highTech=true&status=active',
    note: '期末存续且持有有效高新技术企业证书的企业',
  }),
  countMetric({
    key: 'enterprises.above_size_count',
    name: { zh: '规上企业数', en: 'Enterprises above designated size' },
    description: '期末存续的规模以上企业数，按属地统计（含下级单位）。规上标记取当前值。',
    where: (period) => sql`${activeOn(period.to)} AND above_designated_size`,
    source: '企业名录',
    linkFilters: 'aboveDesignatedSize=true&status=active',
    note: '期末存续的规上企业（规上标记为当前值）',
  }),
];
