/**
 * Live safety metrics of the hazard loop (domain.md §2.6) for the metrics registry: computed by
 * `computeHazardMetrics` over the hazards of an org unit's subtree, with numerator, denominator, record
 * count and a link to the records behind the value (the list filters of `/safety/hazards`).
 * computeMany loads the hazards of all scopes once and computes each scope over its own subtree.
 */
import { sql, type SQL } from 'drizzle-orm';
import { localDate } from '../../../platform/clock';
import { scopeCondition } from '../../../platform/db/scope';
import { queryRows, type Db } from '../../../platform/db/types';
import { loadScopeMembers, rateString, scopeUnitsSql, type MetricDefinition, type MetricPeriod, type MetricScope, type MetricValue } from '../../../platform/metrics';
import type { HazardCloseReason, HazardGrade, HazardSource, HazardStatus } from './hazard-enums';
import { selectClosuresAndReopens } from './hazard-event-store';
import { computeHazardMetrics, countOverdueOpen, type HazardMetrics, type HazardMetricsRecord, type RateMetric } from './hazard-metrics-rules';

/** Metrics get no configuration (platform interface); "today" is taken in the product's default zone. */
const METRIC_TIME_ZONE = 'Asia/Shanghai';
const SOURCE = '隐患排查治理记录';

function subtree(scope: MetricScope): SQL {
  return scopeCondition({ kind: 'subtree', rootId: scope.orgUnitId, rootPath: scope.orgPath }, { orgColumn: sql`org_unit_id` });
}

type RecordRow = {
  id: string;
  org_unit_id: string;
  source: HazardSource;
  grade: HazardGrade | null;
  status: HazardStatus;
  created_on: string;
  confirmed_on: string | null;
  deadline: string | null;
};

type ScopedRecord = { orgUnitId: string; record: HazardMetricsRecord };

/** The metrics rules' input for every hazard matching `where`, with the hazard's org unit. */
async function loadRecordsWhere(db: Db, where: SQL): Promise<ScopedRecord[]> {
  const [rows, events] = await Promise.all([
    queryRows<RecordRow>(
      db,
      sql`SELECT id, org_unit_id, source, grade, status, created_on::text, confirmed_on::text, deadline::text FROM hazards WHERE ${where} ORDER BY id`,
    ),
    selectClosuresAndReopens(db, where),
  ]);
  const closures = new Map<string, Array<{ on: string; deadline: string | null; reason: HazardCloseReason }>>();
  const reopenings = new Map<string, string[]>();
  for (const e of events) {
    if (e.action === 'reopen') reopenings.set(e.hazard_id, [...(reopenings.get(e.hazard_id) ?? []), e.on_date]);
    else if (e.close_reason) closures.set(e.hazard_id, [...(closures.get(e.hazard_id) ?? []), { on: e.on_date, deadline: e.deadline, reason: e.close_reason }]);
  }
  return rows.map((r) => ({
    orgUnitId: r.org_unit_id,
    record: {
      id: r.id,
      source: r.source,
      grade: r.grade,
      status: r.status,
      createdOn: r.created_on,
      confirmedOn: r.confirmed_on,
      deadline: r.deadline,
      closures: closures.get(r.id) ?? [],
      reopenings: reopenings.get(r.id) ?? [],
    },
  }));
}

/** The metrics rules' input for every hazard in the scope's subtree. */
export async function loadHazardMetricsRecords(db: Db, scope: MetricScope): Promise<HazardMetricsRecord[]> {
  return (await loadRecordsWhere(db, subtree(scope))).map((r) => r.record);
}

type ScopeHazardMetrics = { metrics: HazardMetrics; records: number; overdueMajor: number };

function summarise(records: HazardMetricsRecord[], period: MetricPeriod, now: Date): ScopeHazardMetrics {
  const asOf = localDate(now, METRIC_TIME_ZONE);
  return { metrics: computeHazardMetrics(records, period, asOf), records: records.length, overdueMajor: countOverdueOpen(records, asOf, 'major') };
}

export async function computeScopeHazardMetrics(db: Db, scope: MetricScope, period: MetricPeriod, now: Date): Promise<ScopeHazardMetrics> {
  return summarise(await loadHazardMetricsRecords(db, scope), period, now);
}

/** computeScopeHazardMetrics for many scopes: the hazards of all of them in one load, split by subtree. */
async function computeScopesHazardMetrics(
  db: Db,
  scopes: readonly MetricScope[],
  period: MetricPeriod,
  now: Date,
): Promise<Array<{ scope: MetricScope; figures: ScopeHazardMetrics }>> {
  const [members, loaded] = await Promise.all([
    loadScopeMembers(db, scopes),
    loadRecordsWhere(db, sql`org_unit_id IN (SELECT org_unit_id FROM ${scopeUnitsSql(scopes)} su)`),
  ]);
  return scopes.map((scope) => {
    const units = members.get(scope.orgUnitId) ?? new Set<string>();
    return { scope, figures: summarise(loaded.filter((r) => units.has(r.orgUnitId)).map((r) => r.record), period, now) };
  });
}

/** `numerator / denominator` as an exact decimal string with `digits` decimals (half-up). */
export function quotientString(numerator: number, denominator: number, digits = 2): string | null {
  if (denominator === 0) return null;
  const scale = 10n ** BigInt(digits);
  const q = (BigInt(numerator) * scale * 2n + BigInt(denominator)) / (2n * BigInt(denominator));
  const whole = q / scale;
  return digits > 0 ? `${whole}.${(q % scale).toString().padStart(digits, '0')}` : `${whole}`;
}

function link(scope: MetricScope, params: Record<string, string>): string {
  const query = new URLSearchParams({ orgUnitId: scope.orgUnitId, ...params });
  return `/safety/hazards?${query.toString()}`;
}

function rateValue(r: RateMetric, linkTo: string, now: Date, note: string): MetricValue {
  return {
    value: rateString(r.numerator, r.denominator),
    unit: '%',
    provenance: { source: SOURCE, computedAt: now.toISOString(), recordCount: r.denominator, link: linkTo, numerator: r.numerator, denominator: r.denominator, note },
  };
}

const confirmedIn = (p: MetricPeriod) => ({ confirmedFrom: p.from, confirmedTo: p.to });

type HazardMetric = Omit<MetricDefinition, 'compute' | 'computeMany'> & {
  /** The metric's value from the scope's hazard figures. */
  value(m: ScopeHazardMetrics, context: { scope: MetricScope; period: MetricPeriod; now: Date }): MetricValue;
};

function hazardMetric(m: HazardMetric): MetricDefinition {
  const { value, ...definition } = m;
  return {
    ...definition,
    async compute(db, { scope, period, now }) {
      return value(await computeScopeHazardMetrics(db, scope, period, now), { scope, period, now });
    },
    async computeMany(db, { scopes, period, now }) {
      const computed = await computeScopesHazardMetrics(db, scopes, period, now);
      return new Map(computed.map(({ scope, figures }) => [scope.orgUnitId, value(figures, { scope, period, now })]));
    },
  };
}

export const hazardMetricDefinitions: MetricDefinition[] = [
  hazardMetric({
    key: 'safety.rectification_rate',
    name: { zh: '隐患整改率', en: 'Hazard rectification rate' },
    unit: '%',
    description: '期间内核定的隐患中，期末已销号（含核销）的比例：已销号数 ÷ 已核定数（移交他处的不计）。',
    direction: 'higher_is_better',
    value({ metrics }, { scope, period, now }) {
      return rateValue(metrics.rectificationRate, link(scope, confirmedIn(period)), now, `核定日期 ${period.from} 至 ${period.to}，截至 ${period.to} 的销号情况`);
    },
  }),
  hazardMetric({
    key: 'safety.rectification_on_time_rate',
    name: { zh: '隐患按期整改率', en: 'On-time rectification rate' },
    unit: '%',
    description: '期间内核定且期末已销号的隐患中，销号日期不晚于当时整改期限的比例（当场整改、无期限的计为按期）。',
    direction: 'higher_is_better',
    value({ metrics }, { scope, period, now }) {
      return rateValue(metrics.onTimeRectificationRate, link(scope, { ...confirmedIn(period), status: 'closed' }), now, '按期销号数 ÷ 销号数');
    },
  }),
  hazardMetric({
    key: 'safety.overdue_unrectified',
    name: { zh: '逾期未改隐患数', en: 'Overdue unrectified hazards' },
    unit: '项',
    description: '当前仍应整改（已核定、整改中）且已超过整改期限的隐患数（存量，按计算当日）。',
    direction: 'lower_is_better',
    value({ metrics, records }, { scope, now }) {
      const n = metrics.overdueOpenCount;
      return {
        value: String(n),
        unit: '项',
        provenance: { source: SOURCE, computedAt: now.toISOString(), recordCount: records, link: link(scope, { overdue: 'true' }), numerator: n, denominator: null, note: '计算当日的逾期未改存量' },
      };
    },
  }),
  hazardMetric({
    key: 'safety.overdue_major_hazard_count',
    name: { zh: '重大隐患逾期未整改数', en: 'Overdue unrectified major hazards' },
    unit: '项',
    description: '当前仍应整改且已超过整改期限的重大隐患数（存量，按计算当日；考核扣分项）。',
    direction: 'lower_is_better',
    value({ overdueMajor, records }, { scope, now }) {
      return {
        value: String(overdueMajor),
        unit: '项',
        provenance: {
          source: SOURCE,
          computedAt: now.toISOString(),
          recordCount: records,
          link: link(scope, { overdue: 'true', grade: 'major' }),
          numerator: overdueMajor,
          denominator: null,
          note: '计算当日的重大隐患逾期未改存量',
        },
      };
    },
  }),
  hazardMetric({
    key: 'safety.major_hazard_closure_rate',
    name: { zh: '重大隐患销号率', en: 'Major-hazard closure rate' },
    unit: '%',
    description: '期间内核定的重大隐患中，期末已销号的比例。',
    direction: 'higher_is_better',
    value({ metrics }, { scope, period, now }) {
      return rateValue(metrics.majorClosureRate, link(scope, { ...confirmedIn(period), grade: 'major' }), now, '重大隐患销号数 ÷ 重大隐患核定数');
    },
  }),
  hazardMetric({
    key: 'safety.mean_rectification_days',
    name: { zh: '平均整改时长', en: 'Mean rectification time' },
    unit: '天',
    description: '期间内核定且期末已销号的隐患，从核定到销号的平均自然日数。',
    direction: 'lower_is_better',
    value({ metrics }, { scope, period, now }) {
      const m = metrics.averageRectificationDays;
      return {
        value: quotientString(m.totalDays, m.count, 1),
        unit: '天',
        provenance: {
          source: SOURCE,
          computedAt: now.toISOString(),
          recordCount: m.count,
          link: link(scope, { ...confirmedIn(period), status: 'closed' }),
          numerator: m.totalDays,
          denominator: m.count,
          note: '整改总天数 ÷ 销号隐患数（保留一位小数）',
        },
      };
    },
  }),
  hazardMetric({
    key: 'safety.rebound_rate',
    name: { zh: '隐患反弹率', en: 'Hazard rebound rate' },
    unit: '%',
    description: '期间内的销号中，后来又被重新打开（回头看未改、重复投诉）的比例。',
    direction: 'lower_is_better',
    value({ metrics }, { scope, period, now }) {
      return rateValue(metrics.reboundRate, link(scope, { reopened: 'true' }), now, `销号日期 ${period.from} 至 ${period.to} 的销号中被重新打开的次数 ÷ 销号次数`);
    },
  }),
  hazardMetric({
    key: 'safety.self_check_share',
    name: { zh: '企业自查隐患占比', en: 'Self-check share' },
    unit: '%',
    description: '期间内登记并上报的隐患中，来源为企业自查的比例（反映企业主动报告隐患的程度）。',
    direction: 'higher_is_better',
    value({ metrics }, { scope, period, now }) {
      return rateValue(metrics.selfCheckShare, link(scope, { createdFrom: period.from, createdTo: period.to, source: 'self_check' }), now, '企业自查隐患数 ÷ 上报隐患总数（不含草稿）');
    },
  }),
];
