import { sql, type SQL } from 'drizzle-orm';
import { scopeCondition } from '../../platform/db/scope';
import { queryOne, type Db } from '../../platform/db/types';
import type { MetricDefinition, MetricPeriod, MetricScope } from '../../platform/metrics';
import { highTechOnSql } from './store-query';

/**
 * Live metrics of the enterprise registry (assessment indicators bind to them). "As of the
 * period end": an enterprise counts when it was established by then (or has no date) and was
 * active on that day — active now, or deregistered/moved out only after the period end.
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

function provenance(source: string, n: number, link: string, period: MetricPeriod, now: Date, note: string) {
  return { source, computedAt: now.toISOString(), recordCount: n, link, note: `${note}（截至 ${period.to}）` };
}

export const enterpriseMetricDefinitions: MetricDefinition[] = [
  {
    key: 'enterprises.count',
    name: { zh: '存续企业数', en: 'Active enterprises' },
    unit: '家',
    description: '期末（所选期间最后一天）存续的企业数，按属地统计（含下级单位）。',
    direction: 'higher_is_better',
    async compute(db, { scope, period, now }) {
      const n = await countWhere(db, sql`${inSubtree(scope)} AND ${activeOn(period.to)}`);
      return {
        value: String(n),
        unit: '家',
        provenance: provenance('企业名录', n, `/enterprises?territoryOrgUnitId=${scope.orgUnitId}&status=active`, period, now, '成立日期不晚于期末且期末处于存续状态的企业'),
      };
    },
  },
  {
    key: 'enterprises.high_tech_count',
    name: { zh: '有效高新技术企业数', en: 'High-tech enterprises with a valid certificate' },
    unit: '家',
    description: '期末存续、且高新技术企业证书在期末当天有效（发证日 ≤ 期末 ≤ 有效期至）的企业数，按属地统计（含下级单位）。',
    direction: 'higher_is_better',
    async compute(db, { scope, period, now }) {
      const n = await countWhere(db, sql`${inSubtree(scope)} AND ${activeOn(period.to)} AND ${highTechOnSql(period.to)}`);
      return {
        value: String(n),
        unit: '家',
        provenance: provenance('企业名录（高新技术企业证书）', n, `/enterprises?territoryOrgUnitId=${scope.orgUnitId}&highTech=true&status=active`, period, now, '期末存续且持有有效高新技术企业证书的企业'),
      };
    },
  },
  {
    key: 'enterprises.above_size_count',
    name: { zh: '规上企业数', en: 'Enterprises above designated size' },
    unit: '家',
    description: '期末存续的规模以上企业数，按属地统计（含下级单位）。规上标记取当前值。',
    direction: 'higher_is_better',
    async compute(db, { scope, period, now }) {
      const n = await countWhere(db, sql`${inSubtree(scope)} AND ${activeOn(period.to)} AND above_designated_size`);
      return {
        value: String(n),
        unit: '家',
        provenance: provenance('企业名录', n, `/enterprises?territoryOrgUnitId=${scope.orgUnitId}&aboveDesignatedSize=true&status=active`, period, now, '期末存续的规上企业（规上标记为当前值）'),
      };
    },
  },
];
