import { sql, type SQL } from 'drizzle-orm';
import { conflict } from '../../shared/errors';
import { queryOne, queryRows, toIsoTimestamp, type Db } from '../../platform/db/types';
import type { IndicatorActual } from './indicator-schema';
import type { ReportStatus } from './workflow-rules';
import { itemVisible, jsonValue, type Viewer } from './visibility';

export type ProgressReportRecord = {
  id: string;
  planId: string;
  periodId: string;
  periodKey: string;
  periodLabel: string;
  periodEndsOn: string;
  deadline: string;
  assignmentId: string;
  indicatorId: string;
  indicatorCode: string;
  indicatorName: string;
  orgUnitId: string;
  orgUnitName: string;
  actual: IndicatorActual;
  note: string | null;
  evidenceFileIds: string[];
  status: ReportStatus;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  submittedByName: string | null;
  reviewedAt: string | null;
  reviewedByName: string | null;
  reviewComment: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

type ReportRow = {
  id: string;
  plan_id: string;
  period_id: string;
  period_key: string;
  period_label: string;
  period_ends_on: string;
  deadline: string;
  assignment_id: string;
  indicator_id: string;
  indicator_code: string;
  indicator_name: string;
  org_unit_id: string;
  org_name: string;
  actual: unknown;
  note: string | null;
  evidence_file_ids: unknown;
  status: ReportStatus;
  first_submitted_at: string | null;
  submitted_at: string | null;
  submitted_by_name: string | null;
  reviewed_at: string | null;
  reviewed_by_name: string | null;
  review_comment: string | null;
  version: number;
  created_at: string;
  updated_at: string;
};

const reportColumns = sql`r.id, r.plan_id, r.period_id, pe.period_key, pe.label AS period_label, pe.ends_on::text AS period_ends_on, pe.deadline::text,
  r.assignment_id, r.indicator_id, i.code AS indicator_code, i.name AS indicator_name, r.org_unit_id, o.name AS org_name, r.actual, r.note,
  r.evidence_file_ids, r.status, r.first_submitted_at::text, r.submitted_at::text, su.display_name AS submitted_by_name, r.reviewed_at::text,
  ru.display_name AS reviewed_by_name, r.review_comment, r.version, r.created_at::text, r.updated_at::text`;
const reportFrom = sql`targets_progress_reports r
  JOIN targets_periods pe ON pe.id = r.period_id
  JOIN targets_assignments a ON a.id = r.assignment_id
  JOIN targets_indicators i ON i.id = r.indicator_id
  JOIN targets_plans p ON p.id = r.plan_id
  JOIN org_units o ON o.id = r.org_unit_id
  LEFT JOIN users su ON su.id = r.submitted_by
  LEFT JOIN users ru ON ru.id = r.reviewed_by`;

function toReport(r: ReportRow): ProgressReportRecord {
  return {
    id: r.id,
    planId: r.plan_id,
    periodId: r.period_id,
    periodKey: r.period_key,
    periodLabel: r.period_label,
    periodEndsOn: r.period_ends_on,
    deadline: r.deadline,
    assignmentId: r.assignment_id,
    indicatorId: r.indicator_id,
    indicatorCode: r.indicator_code,
    indicatorName: r.indicator_name,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_name,
    actual: jsonValue<IndicatorActual>(r.actual),
    note: r.note,
    evidenceFileIds: jsonValue<string[]>(r.evidence_file_ids),
    status: r.status,
    firstSubmittedAt: toIsoTimestamp(r.first_submitted_at),
    submittedAt: toIsoTimestamp(r.submitted_at),
    submittedByName: r.submitted_by_name,
    reviewedAt: toIsoTimestamp(r.reviewed_at),
    reviewedByName: r.reviewed_by_name,
    reviewComment: r.review_comment,
    version: r.version,
    createdAt: toIsoTimestamp(r.created_at),
    updatedAt: toIsoTimestamp(r.updated_at),
  };
}

export async function findProgressReport(db: Db, id: string, viewer?: Viewer): Promise<ProgressReportRecord | null> {
  const row = await queryOne<ReportRow>(db, sql`SELECT ${reportColumns} FROM ${reportFrom} WHERE r.id = ${id} AND ${viewer ? itemVisible(viewer) : sql`true`}`);
  return row ? toReport(row) : null;
}

export type ReportFilters = { periodKey?: string; orgUnitId?: string; indicatorId?: string; status?: ReportStatus; assignmentId?: string };

export function reportListFilters(planId: string, filters: ReportFilters, viewer: Viewer | null): SQL {
  const parts: SQL[] = [sql`r.plan_id = ${planId}`, viewer ? itemVisible(viewer) : sql`true`];
  if (filters.periodKey) parts.push(sql`pe.period_key = ${filters.periodKey}`);
  if (filters.orgUnitId) parts.push(sql`r.org_unit_id = ${filters.orgUnitId}`);
  if (filters.indicatorId) parts.push(sql`r.indicator_id = ${filters.indicatorId}`);
  if (filters.status) parts.push(sql`r.status = ${filters.status}`);
  if (filters.assignmentId) parts.push(sql`r.assignment_id = ${filters.assignmentId}`);
  return sql.join(parts, sql` AND `);
}

export async function selectProgressReports(db: Db, where: SQL, options: { limit: number; offset: number }): Promise<ProgressReportRecord[]> {
  const rows = await queryRows<ReportRow>(
    db,
    sql`SELECT ${reportColumns} FROM ${reportFrom} WHERE ${where} ORDER BY pe.starts_on DESC, i.sort_order, i.code, o.name LIMIT ${options.limit} OFFSET ${options.offset}`,
  );
  return rows.map(toReport);
}

export async function countProgressReports(db: Db, where: SQL): Promise<number> {
  return (await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${reportFrom} WHERE ${where}`))?.n ?? 0;
}

export type NewReport = {
  id: string;
  planId: string;
  periodId: string;
  assignmentId: string;
  indicatorId: string;
  orgUnitId: string;
  actual: IndicatorActual;
  note: string | null;
  evidenceFileIds: string[];
  status: ReportStatus;
  submittedAt: Date | null;
  submittedBy: string | null;
  createdBy: string | null;
};

/** Bulk insert through one jsonb parameter (fast on both drivers, no parameter limit). */
export async function insertProgressReports(db: Db, reports: NewReport[]): Promise<void> {
  if (reports.length === 0) return;
  const rows = reports.map((r) => ({
    id: r.id,
    plan_id: r.planId,
    period_id: r.periodId,
    assignment_id: r.assignmentId,
    indicator_id: r.indicatorId,
    org_unit_id: r.orgUnitId,
    actual: r.actual,
    note: r.note,
    evidence_file_ids: r.evidenceFileIds,
    status: r.status,
    submitted_at: r.submittedAt?.toISOString() ?? null,
    submitted_by: r.submittedBy,
    created_by: r.createdBy,
  }));
  try {
    await db.execute(
      sql`INSERT INTO targets_progress_reports (id, plan_id, period_id, assignment_id, indicator_id, org_unit_id, actual, note, evidence_file_ids, status,
            first_submitted_at, submitted_at, submitted_by, created_by)
          SELECT x.id, x.plan_id, x.period_id, x.assignment_id, x.indicator_id, x.org_unit_id, x.actual, x.note, x.evidence_file_ids, x.status,
                 x.submitted_at, x.submitted_at, x.submitted_by, x.created_by
          FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id uuid, plan_id uuid, period_id uuid, assignment_id uuid, indicator_id uuid, org_unit_id uuid,
               actual jsonb, note text, evidence_file_ids jsonb, status text, submitted_at timestamptz, submitted_by uuid, created_by uuid)`,
    );
  } catch (error) {
    const e = error as { code?: string; cause?: { code?: string } };
    if ((e.code ?? e.cause?.code) === '23505') throw conflict('targets.report_exists', '该事项本期已有报送记录，请修改原记录');
    throw error;
  }
}

export type ReportPatch = { actual: IndicatorActual; note: string | null; evidenceFileIds: string[]; status: ReportStatus; submittedAt: Date | null; submittedBy: string | null };

export async function updateProgressReportRow(db: Db, id: string, version: number, patch: ReportPatch): Promise<boolean> {
  const at = patch.submittedAt?.toISOString() ?? null;
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE targets_progress_reports SET actual = ${JSON.stringify(patch.actual)}::jsonb, note = ${patch.note}, evidence_file_ids = ${JSON.stringify(patch.evidenceFileIds)}::jsonb,
          status = ${patch.status}, submitted_at = COALESCE(${at}::timestamptz, submitted_at), submitted_by = COALESCE(${patch.submittedBy}::uuid, submitted_by),
          first_submitted_at = COALESCE(first_submitted_at, ${at}::timestamptz), version = version + 1, updated_at = now()
        WHERE id = ${id} AND version = ${version} RETURNING id`,
  );
  return rows.length > 0;
}

export async function reviewProgressReportRow(db: Db, id: string, version: number, review: { status: ReportStatus; at: Date; by: string | null; comment: string | null }): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE targets_progress_reports SET status = ${review.status}, reviewed_at = ${review.at.toISOString()}, reviewed_by = ${review.by}, review_comment = ${review.comment},
          version = version + 1, updated_at = now()
        WHERE id = ${id} AND version = ${version} RETURNING id`,
  );
  return rows.length > 0;
}

/** Latest submitted or accepted report per assignment (cumulative value to date), for the given assignments. */
export async function selectLatestReports(db: Db, planId: string, options: { asOf?: string } = {}): Promise<Map<string, ProgressReportRecord>> {
  const rows = await queryRows<ReportRow>(
    db,
    sql`SELECT DISTINCT ON (r.assignment_id) ${reportColumns} FROM ${reportFrom}
        WHERE r.plan_id = ${planId} AND r.status IN ('submitted', 'accepted') ${options.asOf ? sql`AND pe.ends_on <= ${options.asOf}::date` : sql``}
        ORDER BY r.assignment_id, pe.starts_on DESC`,
  );
  return new Map(rows.map((r) => [r.assignment_id, toReport(r)]));
}

/** (assignment, period) → first submission time, for timeliness over a plan. */
export async function selectSubmissionTimes(db: Db, planId: string): Promise<Map<string, string | null>> {
  const rows = await queryRows<{ assignment_id: string; period_id: string; first_submitted_at: string | null }>(
    db,
    sql`SELECT assignment_id, period_id, first_submitted_at::text FROM targets_progress_reports WHERE plan_id = ${planId}`,
  );
  return new Map(rows.map((r) => [`${r.assignment_id}:${r.period_id}`, toIsoTimestamp(r.first_submitted_at)]));
}

/** Evidence file ids of reports, self-evaluations and objections visible to the viewer (for evidence downloads). */
export async function isEvidenceVisible(db: Db, fileId: string, viewer: Viewer): Promise<boolean> {
  const id = JSON.stringify([fileId]);
  const row = await queryOne<{ ok: boolean }>(
    db,
    sql`SELECT (EXISTS (SELECT 1 FROM targets_progress_reports r JOIN targets_assignments a ON a.id = r.assignment_id JOIN targets_indicators i ON i.id = a.indicator_id
                        JOIN targets_plans p ON p.id = r.plan_id WHERE r.evidence_file_ids @> ${id}::jsonb AND ${itemVisible(viewer)})
         OR EXISTS (SELECT 1 FROM targets_self_evaluations r JOIN targets_assignments a ON a.id = r.assignment_id JOIN targets_indicators i ON i.id = a.indicator_id
                        JOIN targets_plans p ON p.id = r.plan_id WHERE r.evidence_file_ids @> ${id}::jsonb AND ${itemVisible(viewer)})) AS ok`,
  );
  return row?.ok ?? false;
}
