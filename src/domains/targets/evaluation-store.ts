import { sql, type SQL } from 'drizzle-orm';
import { conflict } from '../../shared/errors';
import type { MetricProvenance } from '../../platform/metrics';
import { queryOne, queryRows, toIsoTimestamp, type Db } from '../../platform/db/types';
import type { IndicatorActual } from './indicator-schema';
import type { ReportStatus } from './workflow-rules';
import { itemVisible, jsonValue, type Viewer } from './visibility';

export type ReviewRecord = {
  id: string;
  selfEvaluationId: string;
  assignmentId: string;
  decision: 'accept' | 'adjust' | 'return';
  adjustedActual: IndicatorActual | null;
  comment: string | null;
  reviewerOrgUnitId: string | null;
  reviewerName: string;
  reviewedAt: string;
};

export type SelfEvaluationRecord = {
  id: string;
  planId: string;
  assignmentId: string;
  indicatorId: string;
  indicatorCode: string;
  indicatorName: string;
  orgUnitId: string;
  orgUnitName: string;
  actual: IndicatorActual | null;
  selfScore: string | null;
  note: string | null;
  evidenceFileIds: string[];
  status: ReportStatus;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

type EvalRow = {
  id: string;
  plan_id: string;
  assignment_id: string;
  indicator_id: string;
  indicator_code: string;
  indicator_name: string;
  org_unit_id: string;
  org_name: string;
  actual: unknown;
  self_score: string | null;
  note: string | null;
  evidence_file_ids: unknown;
  status: ReportStatus;
  first_submitted_at: string | null;
  submitted_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
};

const evalColumns = sql`r.id, r.plan_id, r.assignment_id, r.indicator_id, i.code AS indicator_code, i.name AS indicator_name, r.org_unit_id, o.name AS org_name,
  r.actual, r.self_score, r.note, r.evidence_file_ids, r.status, r.first_submitted_at::text, r.submitted_at::text, r.version, r.created_at::text, r.updated_at::text`;
const evalFrom = sql`targets_self_evaluations r
  JOIN targets_assignments a ON a.id = r.assignment_id
  JOIN targets_indicators i ON i.id = r.indicator_id
  JOIN targets_plans p ON p.id = r.plan_id
  JOIN org_units o ON o.id = r.org_unit_id`;

function toEvaluation(r: EvalRow): SelfEvaluationRecord {
  return {
    id: r.id,
    planId: r.plan_id,
    assignmentId: r.assignment_id,
    indicatorId: r.indicator_id,
    indicatorCode: r.indicator_code,
    indicatorName: r.indicator_name,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_name,
    actual: r.actual === null ? null : jsonValue<IndicatorActual>(r.actual),
    selfScore: r.self_score,
    note: r.note,
    evidenceFileIds: jsonValue<string[]>(r.evidence_file_ids),
    status: r.status,
    firstSubmittedAt: toIsoTimestamp(r.first_submitted_at),
    submittedAt: toIsoTimestamp(r.submitted_at),
    version: r.version,
    createdAt: toIsoTimestamp(r.created_at),
    updatedAt: toIsoTimestamp(r.updated_at),
  };
}

export async function findSelfEvaluation(db: Db, id: string, viewer?: Viewer): Promise<SelfEvaluationRecord | null> {
  const row = await queryOne<EvalRow>(db, sql`SELECT ${evalColumns} FROM ${evalFrom} WHERE r.id = ${id} AND ${viewer ? itemVisible(viewer) : sql`true`}`);
  return row ? toEvaluation(row) : null;
}

export function evaluationListFilters(planId: string, filters: { orgUnitId?: string; indicatorId?: string; status?: ReportStatus; reviewableBy?: SQL }, viewer: Viewer | null): SQL {
  const parts: SQL[] = [sql`r.plan_id = ${planId}`, viewer ? itemVisible(viewer) : sql`true`];
  if (filters.orgUnitId) parts.push(sql`r.org_unit_id = ${filters.orgUnitId}`);
  if (filters.indicatorId) parts.push(sql`r.indicator_id = ${filters.indicatorId}`);
  if (filters.status) parts.push(sql`r.status = ${filters.status}`);
  if (filters.reviewableBy) parts.push(filters.reviewableBy);
  return sql.join(parts, sql` AND `);
}

export async function selectSelfEvaluations(db: Db, where: SQL, options: { limit: number; offset: number }): Promise<SelfEvaluationRecord[]> {
  const rows = await queryRows<EvalRow>(db, sql`SELECT ${evalColumns} FROM ${evalFrom} WHERE ${where} ORDER BY i.sort_order, i.code, o.name LIMIT ${options.limit} OFFSET ${options.offset}`);
  return rows.map(toEvaluation);
}

export async function countSelfEvaluations(db: Db, where: SQL): Promise<number> {
  return (await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${evalFrom} WHERE ${where}`))?.n ?? 0;
}

export async function insertSelfEvaluation(
  db: Db,
  e: { id: string; planId: string; assignmentId: string; indicatorId: string; orgUnitId: string; actual: IndicatorActual | null; selfScore: string | null; note: string | null; evidenceFileIds: string[]; status: ReportStatus; submittedAt: Date | null; submittedBy: string | null; createdBy: string | null },
): Promise<void> {
  const at = e.submittedAt?.toISOString() ?? null;
  try {
    await db.execute(
      sql`INSERT INTO targets_self_evaluations (id, plan_id, assignment_id, indicator_id, org_unit_id, actual, self_score, note, evidence_file_ids, status,
            first_submitted_at, submitted_at, submitted_by, created_by)
          VALUES (${e.id}, ${e.planId}, ${e.assignmentId}, ${e.indicatorId}, ${e.orgUnitId}, ${e.actual === null ? null : JSON.stringify(e.actual)}::jsonb, ${e.selfScore}, ${e.note},
                  ${JSON.stringify(e.evidenceFileIds)}::jsonb, ${e.status}, ${at}::timestamptz, ${at}::timestamptz, ${e.submittedBy}::uuid, ${e.createdBy}::uuid)`,
    );
  } catch (error) {
    const err = error as { code?: string; cause?: { code?: string } };
    if ((err.code ?? err.cause?.code) === '23505') throw conflict('targets.self_evaluation_exists', '该事项已有自评记录，请修改原记录');
    throw error;
  }
}

export async function updateSelfEvaluationRow(
  db: Db,
  id: string,
  version: number,
  patch: { actual: IndicatorActual | null; selfScore: string | null; note: string | null; evidenceFileIds: string[]; status: ReportStatus; submittedAt: Date | null; submittedBy: string | null },
): Promise<boolean> {
  const at = patch.submittedAt?.toISOString() ?? null;
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE targets_self_evaluations SET actual = ${patch.actual === null ? null : JSON.stringify(patch.actual)}::jsonb, self_score = ${patch.selfScore}, note = ${patch.note},
          evidence_file_ids = ${JSON.stringify(patch.evidenceFileIds)}::jsonb, status = ${patch.status},
          submitted_at = COALESCE(${at}::timestamptz, submitted_at), submitted_by = COALESCE(${patch.submittedBy}::uuid, submitted_by),
          first_submitted_at = COALESCE(first_submitted_at, ${at}::timestamptz), version = version + 1, updated_at = now()
        WHERE id = ${id} AND version = ${version} RETURNING id`,
  );
  return rows.length > 0;
}

export async function setSelfEvaluationStatus(db: Db, id: string, version: number, status: ReportStatus): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(db, sql`UPDATE targets_self_evaluations SET status = ${status}, version = version + 1, updated_at = now() WHERE id = ${id} AND version = ${version} RETURNING id`);
  return rows.length > 0;
}

/** Self-evaluations of a plan by assignment (scoring input). */
export async function selectPlanSelfEvaluations(db: Db, planId: string): Promise<Map<string, SelfEvaluationRecord>> {
  const rows = await queryRows<EvalRow>(db, sql`SELECT ${evalColumns} FROM ${evalFrom} WHERE r.plan_id = ${planId}`);
  return new Map(rows.map((r) => [r.assignment_id, toEvaluation(r)]));
}

// ---- reviews ----

type ReviewRow = { id: string; self_evaluation_id: string; assignment_id: string; decision: ReviewRecord['decision']; adjusted_actual: unknown; comment: string | null; reviewer_org_unit_id: string | null; reviewer_name: string; reviewed_at: string };
const toReview = (r: ReviewRow): ReviewRecord => ({
  id: r.id,
  selfEvaluationId: r.self_evaluation_id,
  assignmentId: r.assignment_id,
  decision: r.decision,
  adjustedActual: r.adjusted_actual === null ? null : jsonValue<IndicatorActual>(r.adjusted_actual),
  comment: r.comment,
  reviewerOrgUnitId: r.reviewer_org_unit_id,
  reviewerName: r.reviewer_name,
  reviewedAt: toIsoTimestamp(r.reviewed_at),
});
const reviewColumns = sql`id, self_evaluation_id, assignment_id, decision, adjusted_actual, comment, reviewer_org_unit_id, reviewer_name, reviewed_at::text`;

export async function insertReview(
  db: Db,
  r: { id: string; planId: string; selfEvaluationId: string; assignmentId: string; decision: ReviewRecord['decision']; adjustedActual: IndicatorActual | null; comment: string | null; reviewerOrgUnitId: string | null; reviewedBy: string | null; reviewerName: string; at: Date },
): Promise<void> {
  await db.execute(
    sql`INSERT INTO targets_reviews (id, plan_id, self_evaluation_id, assignment_id, decision, adjusted_actual, comment, reviewer_org_unit_id, reviewed_by, reviewer_name, reviewed_at)
        VALUES (${r.id}, ${r.planId}, ${r.selfEvaluationId}, ${r.assignmentId}, ${r.decision}, ${r.adjustedActual === null ? null : JSON.stringify(r.adjustedActual)}::jsonb,
                ${r.comment}, ${r.reviewerOrgUnitId}, ${r.reviewedBy}, ${r.reviewerName}, ${r.at.toISOString()})`,
  );
}

export async function selectReviews(db: Db, selfEvaluationId: string): Promise<ReviewRecord[]> {
  return (await queryRows<ReviewRow>(db, sql`SELECT ${reviewColumns} FROM targets_reviews WHERE self_evaluation_id = ${selfEvaluationId} ORDER BY reviewed_at, id`)).map(toReview);
}

/** Latest review per assignment of a plan. */
export async function selectLatestReviews(db: Db, planId: string): Promise<Map<string, ReviewRecord>> {
  const rows = await queryRows<ReviewRow>(
    db,
    sql`SELECT DISTINCT ON (assignment_id) ${reviewColumns} FROM targets_reviews WHERE plan_id = ${planId} ORDER BY assignment_id, reviewed_at DESC, id DESC`,
  );
  return new Map(rows.map((r) => [r.assignment_id, toReview(r)]));
}

// ---- stored metric values ----

export type MetricValueRecord = {
  id: string;
  assignmentIds: string[];
  metricKey: string;
  scopeOrgUnitId: string;
  periodFrom: string;
  periodTo: string;
  value: string | null;
  unit: string | null;
  provenance: MetricProvenance;
  purpose: 'scoring' | 'snapshot';
  computedAt: string;
};

export type NewMetricValue = Omit<MetricValueRecord, 'computedAt'> & { planId: string; computedAt: Date; createdBy: string | null };

/** Bulk insert through one jsonb parameter. */
export async function insertMetricValues(db: Db, values: NewMetricValue[]): Promise<void> {
  if (values.length === 0) return;
  const rows = values.map((v) => ({
    id: v.id,
    plan_id: v.planId,
    assignment_ids: v.assignmentIds,
    metric_key: v.metricKey,
    scope_org_unit_id: v.scopeOrgUnitId,
    period_from: v.periodFrom,
    period_to: v.periodTo,
    value: v.value,
    unit: v.unit,
    provenance: v.provenance,
    purpose: v.purpose,
    computed_at: v.computedAt.toISOString(),
    created_by: v.createdBy,
  }));
  await db.execute(
    sql`INSERT INTO targets_metric_values (id, plan_id, assignment_ids, metric_key, scope_org_unit_id, period_from, period_to, value, unit, provenance, purpose, computed_at, created_by)
        SELECT x.id, x.plan_id, x.assignment_ids, x.metric_key, x.scope_org_unit_id, x.period_from, x.period_to, x.value, x.unit, x.provenance, x.purpose, x.computed_at, x.created_by
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id uuid, plan_id uuid, assignment_ids jsonb, metric_key text, scope_org_unit_id uuid, period_from date,
             period_to date, value text, unit text, provenance jsonb, purpose text, computed_at timestamptz, created_by uuid)`,
  );
}

type MetricValueRow = { id: string; assignment_ids: unknown; metric_key: string; scope_org_unit_id: string; period_from: string; period_to: string; value: string | null; unit: string | null; provenance: unknown; purpose: 'scoring' | 'snapshot'; computed_at: string };
const toMetricValue = (r: MetricValueRow): MetricValueRecord => ({
  id: r.id,
  assignmentIds: jsonValue<string[]>(r.assignment_ids),
  metricKey: r.metric_key,
  scopeOrgUnitId: r.scope_org_unit_id,
  periodFrom: r.period_from,
  periodTo: r.period_to,
  value: r.value,
  unit: r.unit,
  provenance: jsonValue<MetricProvenance>(r.provenance),
  purpose: r.purpose,
  computedAt: toIsoTimestamp(r.computed_at),
});
const metricValueColumns = sql`id, assignment_ids, metric_key, scope_org_unit_id, period_from::text, period_to::text, value, unit, provenance, purpose, computed_at::text`;

/** Stored values an item was computed from, newest first. */
export async function selectMetricValues(db: Db, assignmentId: string, limit: number): Promise<MetricValueRecord[]> {
  return (
    await queryRows<MetricValueRow>(
      db,
      sql`SELECT ${metricValueColumns} FROM targets_metric_values WHERE assignment_ids @> ${JSON.stringify([assignmentId])}::jsonb ORDER BY computed_at DESC, id LIMIT ${limit}`,
    )
  ).map(toMetricValue);
}

export async function selectMetricValuesByIds(db: Db, ids: string[]): Promise<Map<string, MetricValueRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<MetricValueRow>(db, sql`SELECT ${metricValueColumns} FROM targets_metric_values WHERE id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
  return new Map(rows.map((r) => [r.id, toMetricValue(r)]));
}
