import { sql, type SQL } from 'drizzle-orm';
import { conflict } from '../../shared/errors';
import { queryOne, queryRows, toIsoTimestamp, type Db } from '../../platform/db/types';
import type { AssessmentStage } from './item-rules';
import type { ListPlansQuery, PlanChange, PlanConfig } from './plan-api-schema';
import type { PlanStatus } from './plan-schema';
import { jsonValue, planVisible, type Viewer } from './visibility';

export type PlanRecord = {
  id: string;
  year: number;
  planVersion: number;
  title: string;
  status: PlanStatus;
  stage: AssessmentStage;
  config: PlanConfig;
  revision: number;
  publishedAt: string | null;
  closedAt: string | null;
  scoredAt: string | null;
  publicityStartsOn: string | null;
  publicityEndsOn: string | null;
  finalPublishedAt: string | null;
  copiedFromPlanId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

type PlanRow = {
  id: string;
  year: number;
  plan_version: number;
  title: string;
  status: PlanStatus;
  stage: AssessmentStage;
  config: unknown;
  revision: number;
  published_at: string | null;
  closed_at: string | null;
  scored_at: string | null;
  publicity_starts_on: string | null;
  publicity_ends_on: string | null;
  final_published_at: string | null;
  copied_from_plan_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
};

const planColumns = sql`p.id, p.year, p.plan_version, p.title, p.status, p.stage, p.config, p.revision, p.published_at::text, p.closed_at::text,
  p.scored_at::text, p.publicity_starts_on::text, p.publicity_ends_on::text, p.final_published_at::text, p.copied_from_plan_id,
  p.version, p.created_at::text, p.updated_at::text`;

function toPlan(r: PlanRow): PlanRecord {
  return {
    id: r.id,
    year: r.year,
    planVersion: r.plan_version,
    title: r.title,
    status: r.status,
    stage: r.stage,
    config: jsonValue<PlanConfig>(r.config),
    revision: r.revision,
    publishedAt: toIsoTimestamp(r.published_at),
    closedAt: toIsoTimestamp(r.closed_at),
    scoredAt: toIsoTimestamp(r.scored_at),
    publicityStartsOn: r.publicity_starts_on,
    publicityEndsOn: r.publicity_ends_on,
    finalPublishedAt: toIsoTimestamp(r.final_published_at),
    copiedFromPlanId: r.copied_from_plan_id,
    version: r.version,
    createdAt: toIsoTimestamp(r.created_at),
    updatedAt: toIsoTimestamp(r.updated_at),
  };
}

export async function findPlan(db: Db, id: string, viewer?: Viewer): Promise<PlanRecord | null> {
  const row = await queryOne<PlanRow>(db, sql`SELECT ${planColumns} FROM targets_plans p WHERE p.id = ${id} AND ${viewer ? planVisible(viewer) : sql`true`}`);
  return row ? toPlan(row) : null;
}

/** Locks the plan row for the rest of the transaction (serialises writes to one plan). */
export async function lockPlan(db: Db, id: string): Promise<PlanRecord | null> {
  const row = await queryOne<PlanRow>(db, sql`SELECT ${planColumns} FROM targets_plans p WHERE p.id = ${id} FOR UPDATE`);
  return row ? toPlan(row) : null;
}

export async function maxPlanVersion(db: Db, year: number): Promise<number> {
  return (await queryOne<{ n: number | null }>(db, sql`SELECT max(plan_version)::int AS n FROM targets_plans WHERE year = ${year}`))?.n ?? 0;
}

export async function insertPlan(
  db: Db,
  plan: { id: string; year: number; planVersion: number; title: string; config: PlanConfig; copiedFromPlanId: string | null; createdBy: string | null },
): Promise<PlanRecord> {
  const row = await queryOne<PlanRow>(
    db,
    sql`INSERT INTO targets_plans AS p (id, year, plan_version, title, status, config, copied_from_plan_id, created_by)
        VALUES (${plan.id}, ${plan.year}, ${plan.planVersion}, ${plan.title}, 'draft', ${JSON.stringify(plan.config)}::jsonb, ${plan.copiedFromPlanId}, ${plan.createdBy})
        RETURNING ${planColumns}`,
  );
  return toPlan(row as PlanRow);
}

export type PlanPatch = Partial<{
  title: string;
  config: PlanConfig;
  status: PlanStatus;
  stage: AssessmentStage;
  publishedAt: Date;
  publishedBy: string | null;
  closedAt: Date;
  closedBy: string | null;
  scoredAt: Date;
  publicityStartsOn: string | null;
  publicityEndsOn: string | null;
  finalPublishedAt: Date;
  revision: number;
}>;

const patchColumn: Record<keyof PlanPatch, string> = {
  title: 'title',
  config: 'config',
  status: 'status',
  stage: 'stage',
  publishedAt: 'published_at',
  publishedBy: 'published_by',
  closedAt: 'closed_at',
  closedBy: 'closed_by',
  scoredAt: 'scored_at',
  publicityStartsOn: 'publicity_starts_on',
  publicityEndsOn: 'publicity_ends_on',
  finalPublishedAt: 'final_published_at',
  revision: 'revision',
};

/** Optimistic update; null when the version is stale. `version` null updates regardless (system steps under a row lock). */
export async function updatePlanRow(db: Db, id: string, version: number | null, patch: PlanPatch): Promise<PlanRecord | null> {
  const sets = (Object.keys(patch) as Array<keyof PlanPatch>)
    .filter((k) => patch[k] !== undefined)
    .map((k) => {
      const value = patch[k];
      if (k === 'config') return sql`config = ${JSON.stringify(value)}::jsonb`;
      if (value instanceof Date) return sql`${sql.identifier(patchColumn[k])} = ${value.toISOString()}`;
      return sql`${sql.identifier(patchColumn[k])} = ${value ?? null}`;
    });
  try {
    const row = await queryOne<PlanRow>(
      db,
      sql`UPDATE targets_plans AS p SET ${sql.join([...sets, sql`version = p.version + 1`, sql`updated_at = now()`], sql`, `)}
          WHERE p.id = ${id} ${version === null ? sql`` : sql`AND p.version = ${version}`} RETURNING ${planColumns}`,
    );
    return row ? toPlan(row) : null;
  } catch (error) {
    const e = error as { code?: string; cause?: { code?: string } };
    if ((e.code ?? e.cause?.code) === '23505') throw conflict('targets.plan_year_published', '该年度已有一个已发布的计划版本，请先关闭它');
    throw error;
  }
}

/** Bumps the plan's version (a child changed) so concurrent editors of the plan notice. */
export async function touchPlan(db: Db, id: string): Promise<void> {
  await db.execute(sql`UPDATE targets_plans SET version = version + 1, updated_at = now() WHERE id = ${id}`);
}

export async function deletePlanRow(db: Db, id: string, version: number): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(db, sql`DELETE FROM targets_plans WHERE id = ${id} AND version = ${version} AND status = 'draft' RETURNING id`);
  return rows.length > 0;
}

export function planListFilters(query: Pick<ListPlansQuery, 'q' | 'year' | 'status'>, viewer: Viewer): SQL {
  const parts: SQL[] = [planVisible(viewer)];
  if (query.year !== undefined) parts.push(sql`p.year = ${query.year}`);
  if (query.status) parts.push(sql`p.status = ${query.status}`);
  if (query.q) parts.push(sql`p.title ILIKE ${`%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`}`);
  return sql.join(parts, sql` AND `);
}

const planSort: Record<ListPlansQuery['sort'], SQL> = {
  '-year': sql`p.year DESC, p.plan_version DESC`,
  year: sql`p.year, p.plan_version`,
  title: sql`p.title, p.id`,
  '-updatedAt': sql`p.updated_at DESC, p.id`,
};

export async function selectPlans(db: Db, where: SQL, options: { sort: ListPlansQuery['sort']; limit: number; offset: number }): Promise<PlanRecord[]> {
  const rows = await queryRows<PlanRow>(db, sql`SELECT ${planColumns} FROM targets_plans p WHERE ${where} ORDER BY ${planSort[options.sort]} LIMIT ${options.limit} OFFSET ${options.offset}`);
  return rows.map(toPlan);
}

export async function countPlans(db: Db, where: SQL): Promise<number> {
  return (await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM targets_plans p WHERE ${where}`))?.n ?? 0;
}

export type PlanCounts = { indicators: number; units: number; assignments: number };

export async function countPlanContents(db: Db, planIds: string[]): Promise<Map<string, PlanCounts>> {
  const result = new Map<string, PlanCounts>();
  if (planIds.length === 0) return result;
  const ids = sql.join(planIds.map((id) => sql`${id}`), sql`, `);
  const rows = await queryRows<{ plan_id: string; indicators: number; units: number; assignments: number }>(
    db,
    sql`SELECT p.id AS plan_id,
          (SELECT count(*)::int FROM targets_indicators WHERE plan_id = p.id) AS indicators,
          (SELECT count(*)::int FROM targets_plan_units WHERE plan_id = p.id) AS units,
          (SELECT count(*)::int FROM targets_assignments WHERE plan_id = p.id) AS assignments
        FROM targets_plans p WHERE p.id IN (${ids})`,
  );
  for (const r of rows) result.set(r.plan_id, { indicators: r.indicators, units: r.units, assignments: r.assignments });
  return result;
}

// ---- change log ----

export async function insertPlanChange(
  db: Db,
  change: { planId: string; revision: number; actorUserId: string | null; actorName: string; entityType: PlanChange['entityType']; entityId: string | null; action: PlanChange['action']; summary: string; before: unknown; after: unknown; reason: string; at: Date },
): Promise<void> {
  await db.execute(
    sql`INSERT INTO targets_plan_changes (plan_id, revision, at, actor_user_id, actor_name, entity_type, entity_id, action, summary, before, after, reason)
        VALUES (${change.planId}, ${change.revision}, ${change.at.toISOString()}, ${change.actorUserId}, ${change.actorName}, ${change.entityType}, ${change.entityId},
                ${change.action}, ${change.summary}, ${change.before === undefined ? null : JSON.stringify(change.before)}::jsonb,
                ${change.after === undefined ? null : JSON.stringify(change.after)}::jsonb, ${change.reason})`,
  );
}

type ChangeRow = { id: string; revision: number; at: string; actor_name: string; entity_type: PlanChange['entityType']; entity_id: string | null; action: PlanChange['action']; summary: string; before: unknown; after: unknown; reason: string };

export async function selectPlanChanges(db: Db, planId: string, options: { limit: number; offset: number }): Promise<{ items: PlanChange[]; total: number }> {
  const [rows, total] = await Promise.all([
    queryRows<ChangeRow>(
      db,
      sql`SELECT id::text, revision, at::text, actor_name, entity_type, entity_id, action, summary, before, after, reason
          FROM targets_plan_changes WHERE plan_id = ${planId} ORDER BY id DESC LIMIT ${options.limit} OFFSET ${options.offset}`,
    ),
    queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM targets_plan_changes WHERE plan_id = ${planId}`),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      revision: r.revision,
      at: toIsoTimestamp(r.at),
      actorName: r.actor_name,
      entityType: r.entity_type,
      entityId: r.entity_id,
      action: r.action,
      summary: r.summary,
      before: r.before === null ? null : jsonValue<unknown>(r.before),
      after: r.after === null ? null : jsonValue<unknown>(r.after),
      reason: r.reason,
    })),
    total: total?.n ?? 0,
  };
}

// ---- reporting periods ----

export type PeriodRecord = { id: string; planId: string; key: string; label: string; startsOn: string; endsOn: string; deadline: string; version: number };

type PeriodRow = { id: string; plan_id: string; period_key: string; label: string; starts_on: string; ends_on: string; deadline: string; version: number };
const periodColumns = sql`id, plan_id, period_key, label, starts_on::text, ends_on::text, deadline::text, version`;
const toPeriod = (r: PeriodRow): PeriodRecord => ({ id: r.id, planId: r.plan_id, key: r.period_key, label: r.label, startsOn: r.starts_on, endsOn: r.ends_on, deadline: r.deadline, version: r.version });

export async function replacePeriods(db: Db, planId: string, periods: Array<{ id: string; key: string; label: string; start: string; end: string; deadline: string }>): Promise<void> {
  await db.execute(sql`DELETE FROM targets_periods WHERE plan_id = ${planId}`);
  if (periods.length === 0) return;
  const values = periods.map((p) => sql`(${p.id}, ${planId}, ${p.key}, ${p.label}, ${p.start}::date, ${p.end}::date, ${p.deadline}::date)`);
  await db.execute(sql`INSERT INTO targets_periods (id, plan_id, period_key, label, starts_on, ends_on, deadline) VALUES ${sql.join(values, sql`, `)}`);
}

export async function selectPeriods(db: Db, planId: string): Promise<PeriodRecord[]> {
  return (await queryRows<PeriodRow>(db, sql`SELECT ${periodColumns} FROM targets_periods WHERE plan_id = ${planId} ORDER BY starts_on`)).map(toPeriod);
}

export async function findPeriod(db: Db, id: string): Promise<PeriodRecord | null> {
  const row = await queryOne<PeriodRow>(db, sql`SELECT ${periodColumns} FROM targets_periods WHERE id = ${id}`);
  return row ? toPeriod(row) : null;
}

export async function findPeriodByKey(db: Db, planId: string, key: string): Promise<PeriodRecord | null> {
  const row = await queryOne<PeriodRow>(db, sql`SELECT ${periodColumns} FROM targets_periods WHERE plan_id = ${planId} AND period_key = ${key}`);
  return row ? toPeriod(row) : null;
}

export async function updatePeriodDeadline(db: Db, id: string, version: number, deadline: string): Promise<PeriodRecord | null> {
  const row = await queryOne<PeriodRow>(
    db,
    sql`UPDATE targets_periods SET deadline = ${deadline}::date, version = version + 1, updated_at = now() WHERE id = ${id} AND version = ${version} RETURNING ${periodColumns}`,
  );
  return row ? toPeriod(row) : null;
}

export async function countPlanReports(db: Db, planId: string): Promise<number> {
  return (await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM targets_progress_reports WHERE plan_id = ${planId}`))?.n ?? 0;
}
