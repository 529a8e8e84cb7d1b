import type { Actor } from '../../shared/actor';
import { conflict, forbidden, invalid, notFound } from '../../shared/errors';
import { localDate } from '../../platform/clock';
import type { Db } from '../../platform/db/types';
import { recordAudit } from '../audit';
import { findFiles } from '../files';
import type { IndicatorDefinition } from './indicator-schema';
import { planEditMode } from './item-rules';
import type { PlanChange, PlanSummary, PlanView } from './plan-api-schema';
import { countPlanContents, findPlan, insertPlanChange, lockPlan, updatePlanRow, type PlanCounts, type PlanRecord } from './plan-store';
import { viewerOf } from './visibility';

/** What every use case of this domain receives: who acts, the time, and the city's time zone. */
export type TargetsContext = { actor: Actor; now: Date; timeZone: string };

export const today = (ctx: Pick<TargetsContext, 'now' | 'timeZone'>) => localDate(ctx.now, ctx.timeZone);

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Local day (`YYYY-MM-DD`) of an ISO timestamp; one formatter per time zone (timeliness runs this per item × period). */
export function localDayOf(iso: string, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(new Date(iso));
}

export function toPlanView(plan: PlanRecord, counts: PlanCounts | undefined): PlanView {
  return {
    id: plan.id,
    year: plan.year,
    planVersion: plan.planVersion,
    title: plan.title,
    status: plan.status,
    stage: plan.stage,
    editMode: planEditMode(plan.status),
    revision: plan.revision,
    publishedAt: plan.publishedAt,
    closedAt: plan.closedAt,
    scoredAt: plan.scoredAt,
    publicityStartsOn: plan.publicityStartsOn,
    publicityEndsOn: plan.publicityEndsOn,
    finalPublishedAt: plan.finalPublishedAt,
    copiedFromPlanId: plan.copiedFromPlanId,
    counts: counts ?? { indicators: 0, units: 0, assignments: 0 },
    version: plan.version,
    createdAt: plan.createdAt,
    updatedAt: plan.updatedAt,
    config: plan.config,
  };
}

export function toPlanSummary(plan: PlanRecord, counts: PlanCounts | undefined): PlanSummary {
  const { config: _config, ...summary } = toPlanView(plan, counts);
  return summary;
}

export async function planViewOf(db: Db, plan: PlanRecord): Promise<PlanView> {
  return toPlanView(plan, (await countPlanContents(db, [plan.id])).get(plan.id));
}

/** The plan if the actor may see it, else 404 (out-of-scope records are simply not there). */
export async function getVisiblePlan(db: Db, actor: Actor, id: string): Promise<PlanRecord> {
  const plan = await findPlan(db, id, viewerOf(actor));
  if (!plan) throw notFound('targets.plan_not_found', '考核计划不存在或您无权查看');
  return plan;
}

/** Locks a plan for a structural change; closed plans refuse. */
export async function loadPlanForChange(tx: Db, id: string): Promise<PlanRecord> {
  const plan = await lockPlan(tx, id);
  if (!plan) throw notFound('targets.plan_not_found', '考核计划不存在');
  if (planEditMode(plan.status) === 'locked') throw conflict('targets.plan_closed', '计划已关闭，不能再修改');
  return plan;
}

export type ChangeInput = {
  entityType: PlanChange['entityType'];
  entityId: string | null;
  action: PlanChange['action'];
  summary: string;
  before?: unknown;
  after?: unknown;
  reason: string | undefined;
};

/**
 * Records a structural change of a plan: always in the audit log; for a published plan also in its
 * change log with a mandatory reason and a new revision number.
 */
export async function recordPlanChange(tx: Db, ctx: TargetsContext, plan: PlanRecord, change: ChangeInput): Promise<void> {
  const mode = planEditMode(plan.status);
  if (mode === 'locked') throw conflict('targets.plan_closed', '计划已关闭，不能再修改');
  if (mode === 'logged') {
    if (!change.reason) throw invalid('targets.change_reason_required', '计划已发布，修改须填写变更原因', { field: 'reason' });
    const revision = plan.revision + 1;
    await insertPlanChange(tx, {
      planId: plan.id,
      revision,
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      entityType: change.entityType,
      entityId: change.entityId,
      action: change.action,
      summary: change.summary,
      before: change.before,
      after: change.after,
      reason: change.reason,
      at: ctx.now,
    });
    const updated = await updatePlanRow(tx, plan.id, null, { revision });
    if (updated) Object.assign(plan, { revision: updated.revision, version: updated.version, updatedAt: updated.updatedAt });
  }
  await recordAudit(tx, ctx.actor, {
    action: `targets.${change.entityType}.${change.action}`,
    entityType: `targets_${change.entityType}`,
    entityId: change.entityId,
    summary: `${plan.year}年度计划：${change.summary}${change.reason ? `（原因：${change.reason}）` : ''}`,
    before: change.before,
    after: change.after,
  });
}

/**
 * Many changes of one plan at once (a saved decomposition matrix): one change-log row each once
 * published (consecutive revisions), one audit entry for the whole save.
 */
export async function recordPlanChanges(tx: Db, ctx: TargetsContext, plan: PlanRecord, changes: Omit<ChangeInput, 'reason'>[], reason: string | undefined, summary: string): Promise<void> {
  if (changes.length === 0) return;
  const mode = planEditMode(plan.status);
  if (mode === 'locked') throw conflict('targets.plan_closed', '计划已关闭，不能再修改');
  if (mode === 'logged') {
    if (!reason) throw invalid('targets.change_reason_required', '计划已发布，修改须填写变更原因', { field: 'reason' });
    let revision = plan.revision;
    for (const change of changes) {
      revision += 1;
      await insertPlanChange(tx, { planId: plan.id, revision, actorUserId: ctx.actor.userId, actorName: ctx.actor.displayName, ...change, before: change.before, after: change.after, reason, at: ctx.now });
    }
    const updated = await updatePlanRow(tx, plan.id, null, { revision });
    if (updated) Object.assign(plan, { revision: updated.revision, version: updated.version, updatedAt: updated.updatedAt });
  }
  await recordAudit(tx, ctx.actor, {
    action: 'targets.assignment.save',
    entityType: 'targets_plan',
    entityId: plan.id,
    summary: `${plan.year}年度计划：${summary}${reason ? `（原因：${reason}）` : ''}`,
    after: changes.map((c) => ({ action: c.action, entityId: c.entityId, summary: c.summary })),
  });
}

export function assertManager(actor: Actor): void {
  if (!viewerOf(actor).isManager) throw forbidden('targets.manage_required', '只有质强办可以执行此操作');
}

/** The actor's own org subtree covers the path (own unit's items, or own department as lead). */
export function isOwn(actor: Actor, path: string): boolean {
  if (actor.kind === 'system') return true;
  return actor.orgPath !== null && path.startsWith(actor.orgPath);
}

/**
 * Evidence must be uploaded files (purpose 'evidence') the actor can read, at most the indicator's
 * `maxFiles` (anti-burden cap, domain.md §4.5).
 */
export async function assertEvidence(db: Db, actor: Actor, def: IndicatorDefinition | null, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length !== ids.length) throw invalid('targets.evidence_duplicate', '佐证材料重复');
  if (def && unique.length > def.evidence.maxFiles) {
    throw invalid('targets.evidence_too_many', `此项最多上传 ${def.evidence.maxFiles} 份佐证材料`, { maxFiles: def.evidence.maxFiles });
  }
  if (unique.length === 0) return;
  const files = await findFiles(db, { actor, ids: unique });
  const usable = new Set(files.filter((f) => f.purpose === 'evidence').map((f) => f.id));
  const missing = unique.filter((id) => !usable.has(id));
  if (missing.length > 0) throw invalid('targets.evidence_not_found', '佐证材料不存在、无权使用或不是以佐证材料用途上传的', { missing });
}

export type EvidenceView = { id: string; fileName: string | null; sizeBytes: number | null };

/** Names of evidence files for display (reviewers may not own them, so the lookup is not scoped). */
export async function describeEvidence(db: Db, actor: Actor, ids: string[]): Promise<Map<string, EvidenceView>> {
  const files = await findFiles(db, { actor: { ...actor, scope: { kind: 'all' } }, ids: [...new Set(ids)] });
  const byId = new Map(files.map((f) => [f.id, { id: f.id, fileName: f.fileName, sizeBytes: f.sizeBytes }]));
  return new Map(ids.map((id) => [id, byId.get(id) ?? { id, fileName: null, sizeBytes: null }]));
}

export function staleVersion(what: string): never {
  throw conflict('targets.stale_version', `该${what}已被他人修改，请刷新后重试`);
}
