import type { Db } from '../../platform/db/types';
import { computeMetricForScopes, type MetricDefinition, type MetricPeriod, type MetricRegistry, type MetricScope, type MetricValue } from '../../platform/metrics';
import { findRoot } from '../org';
import type { IndicatorActual, IndicatorDefinition } from './indicator-schema';
import { chooseActual, describeActual, effectiveDefinition, metricScopeFor, metricValueToActual, type ValueSource } from './item-rules';
import type { ItemRecord } from './item-store';
import { toDayNumber } from './local-date';
import type { ItemValue, ValueProvenance } from './progress-schema';
import { selectLatestReports, type ProgressReportRecord } from './progress-store';
import { selectLatestReviews, selectPlanSelfEvaluations, type MetricValueRecord, type NewMetricValue, type ReviewRecord, type SelfEvaluationRecord } from './evaluation-store';
import { newId } from '../../platform/ids';
import type { PlanRecord } from './plan-store';

/**
 * Values of assessed items. A metric-bound item is computed through the metrics registry at the
 * moment of reading (so a change in the bound module shows on the next read) and carries the
 * registry's provenance; a reported item carries the report, self-evaluation or review it came from.
 * Identical metric requests (same metric, scope and period) are computed once, and the scopes of
 * one metric and period in one batch where the metric has a batch path (computeMany).
 */
export type MetricRequest = { key: string; metricKey: string; scopeOrgUnitId: string; scopePath: string; period: MetricPeriod };
export type MetricOutcome = { request: MetricRequest; value: MetricValue | null; error: string | null };

export type ResolvedItem = {
  item: ItemRecord;
  def: IndicatorDefinition;
  value: ItemValue;
  metric: MetricOutcome | null;
  selfEvaluation: SelfEvaluationRecord | null;
  review: ReviewRecord | null;
  latestReport: ProgressReportRecord | null;
};

export type ValueTimings = { loadMs: number; metricsMs: number };

/** Period a metric is computed over: the plan year up to `asOf` (never past the year's end). */
export function metricPeriodFor(plan: Pick<PlanRecord, 'year'>, asOf: string): MetricPeriod {
  const from = `${plan.year}-01-01`;
  const end = `${plan.year}-12-31`;
  const to = toDayNumber(asOf) < toDayNumber(from) ? from : toDayNumber(asOf) > toDayNumber(end) ? end : asOf;
  return { from, to };
}

/**
 * Computes every distinct request once. The requests of one metric and period that has a batch
 * path (computeMany) go to the registry together, one batch per group; if a batch fails, its
 * requests are computed one by one so that each carries its own error. Other requests are
 * computed one by one. Batches and single requests run `concurrency` at a time.
 */
export async function computeMetricRequests(db: Db, registry: MetricRegistry, requests: MetricRequest[], now: Date, concurrency = 4): Promise<Map<string, MetricOutcome>> {
  const unique = [...new Map(requests.map((r) => [r.key, r])).values()];
  const outcomes = new Map<string, MetricOutcome>();
  const computeOne = async (metric: MetricDefinition | null, request: MetricRequest) => {
    if (!metric) {
      outcomes.set(request.key, { request, value: null, error: `平台指标 ${request.metricKey} 未注册` });
      return;
    }
    try {
      const value = await metric.compute(db, { scope: scopeOf(request), period: request.period, now });
      outcomes.set(request.key, { request, value, error: null });
    } catch (error) {
      outcomes.set(request.key, { request, value: null, error: `计算失败：${(error as Error).message}` });
    }
  };
  const computeBatch = async (metric: MetricDefinition, group: MetricRequest[], period: MetricPeriod) => {
    let values: Map<string, MetricValue>;
    try {
      values = await computeMetricForScopes(metric, db, { scopes: group.map(scopeOf), period, now });
    } catch {
      for (const request of group) await computeOne(metric, request);
      return;
    }
    for (const request of group) outcomes.set(request.key, { request, value: values.get(request.scopeOrgUnitId) ?? null, error: null });
  };

  const tasks: Array<() => Promise<void>> = [];
  const batches = new Map<string, { metric: MetricDefinition; period: MetricPeriod; group: MetricRequest[] }>();
  for (const request of unique) {
    const metric = registry.find(request.metricKey);
    if (!metric?.computeMany) {
      tasks.push(() => computeOne(metric, request));
      continue;
    }
    const key = `${request.metricKey}|${request.period.from}|${request.period.to}`;
    const batch = batches.get(key);
    if (batch) batch.group.push(request);
    else batches.set(key, { metric, period: request.period, group: [request] });
  }
  for (const b of batches.values()) tasks.push(() => computeBatch(b.metric, b.group, b.period));
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await (tasks[next++] as () => Promise<void>)();
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
  return outcomes;
}

function scopeOf(request: MetricRequest): MetricScope {
  return { orgUnitId: request.scopeOrgUnitId, orgPath: request.scopePath };
}

export function metricRequestFor(item: ItemRecord, root: { id: string; path: string }, period: MetricPeriod): MetricRequest | null {
  if (item.definition.dataSource.kind !== 'metric') return null;
  const own = metricScopeFor(item.orgUnitKind) === 'own';
  const scopeOrgUnitId = own ? item.orgUnitId : root.id;
  const metricKey = item.definition.dataSource.metricKey;
  return { key: `${metricKey}|${scopeOrgUnitId}|${period.from}|${period.to}`, metricKey, scopeOrgUnitId, scopePath: own ? item.orgPath : root.path, period };
}

export function metricProvenance(outcome: MetricOutcome, snapshotId: string | null = null): ValueProvenance {
  const p = outcome.value?.provenance;
  return {
    kind: 'metric',
    source: p?.source ?? '平台指标',
    producedBy: outcome.request.metricKey,
    producedAt: p?.computedAt ?? null,
    recordCount: p?.recordCount ?? null,
    link: p?.link ?? null,
    numerator: p?.numerator ?? null,
    denominator: p?.denominator ?? null,
    note: outcome.error ?? p?.note ?? null,
    metricKey: outcome.request.metricKey,
    period: outcome.request.period,
    scopeOrgUnitId: outcome.request.scopeOrgUnitId,
    snapshotId,
    recordId: null,
    evidenceFileIds: [],
  };
}

/** A stored value of one distinct computation; the caller appends the assignments that use it. */
export function snapshotOf(outcome: MetricOutcome, options: { planId: string; purpose: 'scoring' | 'snapshot'; now: Date; createdBy: string | null }): NewMetricValue {
  return {
    id: newId(),
    planId: options.planId,
    assignmentIds: [],
    metricKey: outcome.request.metricKey,
    scopeOrgUnitId: outcome.request.scopeOrgUnitId,
    periodFrom: outcome.request.period.from,
    periodTo: outcome.request.period.to,
    value: outcome.value?.value ?? null,
    unit: outcome.value?.unit ?? null,
    provenance: outcome.value?.provenance ?? { source: '平台指标', computedAt: options.now.toISOString(), recordCount: 0, link: null, note: outcome.error },
    purpose: options.purpose,
    computedAt: options.now,
    createdBy: options.createdBy,
  };
}

/** Provenance of a stored value, as it was when computed. */
export function snapshotProvenance(s: MetricValueRecord): ValueProvenance {
  return metricProvenance(
    { request: { key: '', metricKey: s.metricKey, scopeOrgUnitId: s.scopeOrgUnitId, scopePath: '', period: { from: s.periodFrom, to: s.periodTo } }, value: { value: s.value, unit: s.unit ?? '', provenance: s.provenance }, error: null },
    s.id,
  );
}

function recordProvenance(kind: Exclude<ValueSource, 'metric'>, source: string, by: string | null, at: string | null, recordId: string, evidence: string[], note: string | null): ValueProvenance {
  return { kind, source, producedBy: by, producedAt: at, recordCount: 1, link: null, numerator: null, denominator: null, note, metricKey: null, period: null, scopeOrgUnitId: null, snapshotId: null, recordId, evidenceFileIds: evidence };
}

export type ItemInputs = {
  reviews: Map<string, ReviewRecord>;
  evaluations: Map<string, SelfEvaluationRecord>;
  reports: Map<string, ProgressReportRecord>;
};

export async function loadItemInputs(db: Db, planId: string, asOf?: string): Promise<ItemInputs> {
  const [reviews, evaluations, reports] = await Promise.all([selectLatestReviews(db, planId), selectPlanSelfEvaluations(db, planId), selectLatestReports(db, planId, asOf ? { asOf } : {})]);
  return { reviews, evaluations, reports };
}

/** The value that counts for one item and where it comes from. */
export function resolveItem(item: ItemRecord, inputs: ItemInputs, metric: MetricOutcome | null): ResolvedItem {
  const def = effectiveDefinition(item.definition, item.orgUnitId, item.overrides);
  const review = inputs.reviews.get(item.id) ?? null;
  const evaluation = inputs.evaluations.get(item.id) ?? null;
  const report = inputs.reports.get(item.id) ?? null;
  const metricActual = metric ? metricValueToActual(def, metric.value?.value ?? null) : null;
  const evaluationCounts = evaluation && (evaluation.status === 'submitted' || evaluation.status === 'accepted') ? evaluation.actual : null;
  const { actual, source } = chooseActual(def.dataSource.kind === 'metric', {
    reviewAdjusted: review?.decision === 'adjust' ? review.adjustedActual : null,
    selfEvaluation: evaluationCounts,
    metric: metricActual,
    progressReport: report?.actual ?? null,
  });
  let provenance: ValueProvenance | null = null;
  if (source === 'review' && review) {
    provenance = recordProvenance('review', `${review.reviewerName} 审核调整`, review.reviewerName, review.reviewedAt, review.id, [], review.comment);
  } else if (source === 'self_evaluation' && evaluation) {
    provenance = recordProvenance('self_evaluation', `${evaluation.orgUnitName} 年终自评`, evaluation.orgUnitName, evaluation.submittedAt, evaluation.id, evaluation.evidenceFileIds, evaluation.note);
  } else if (source === 'progress_report' && report) {
    provenance = recordProvenance('progress_report', `${report.orgUnitName} ${report.periodLabel}进度报送`, report.submittedByName, report.submittedAt, report.id, report.evidenceFileIds, report.note);
  } else if (source === 'metric' && metric) {
    provenance = metricProvenance(metric);
  } else if (metric) {
    provenance = metricProvenance(metric);
  }
  return {
    item,
    def,
    value: { actual, text: describeActual(def, actual), source, live: source === 'metric', provenance },
    metric,
    selfEvaluation: evaluation,
    review,
    latestReport: report,
  };
}

/** Resolves the values of many items; metric-bound ones are computed live through the registry. */
export async function resolveItems(
  db: Db,
  options: { plan: PlanRecord; items: ItemRecord[]; registry: MetricRegistry; asOf: string; now: Date; inputs?: ItemInputs },
): Promise<{ resolved: ResolvedItem[]; timings: ValueTimings }> {
  const t0 = performance.now();
  const inputs = options.inputs ?? (await loadItemInputs(db, options.plan.id));
  const root = await findRoot(db);
  const t1 = performance.now();
  const period = metricPeriodFor(options.plan, options.asOf);
  const requests = new Map<string, MetricRequest>();
  if (root) {
    for (const item of options.items) {
      const request = metricRequestFor(item, { id: root.id, path: root.path }, period);
      if (request) requests.set(item.id, request);
    }
  }
  const outcomes = await computeMetricRequests(db, options.registry, [...requests.values()], options.now);
  const t2 = performance.now();
  const resolved = options.items.map((item) => {
    const request = requests.get(item.id);
    return resolveItem(item, inputs, request ? (outcomes.get(request.key) ?? null) : null);
  });
  return { resolved, timings: { loadMs: t1 - t0, metricsMs: t2 - t1 } };
}

export type { IndicatorActual };
