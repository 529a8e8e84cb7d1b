import { sql } from 'drizzle-orm';
import { isOrgPathInScope, withScope, type Actor } from '../../shared/actor';
import { conflict, forbidden, invalid, notFound } from '../../shared/errors';
import type { Db } from '../../platform/db/types';
import { newId } from '../../platform/ids';
import { recordAudit } from '../audit';
import { getFileContent } from '../files';
import type { CreateObjectionInput, OpenPublicityInput, Ranking, ResolveObjectionInput } from './assessment-schema';
import { findPlanUnitByOrg } from './indicator-store';
import { findItemByKeys } from './item-store';
import { addDays, toDayNumber } from './local-date';
import { lockPlan, updatePlanRow } from './plan-store';
import { isEvidenceVisible } from './progress-store';
import { buildRanking } from './scoring-service';
import {
  countOpenObjections,
  findObjection,
  insertObjection,
  insertPublication,
  resolveObjectionRow,
  selectObjections,
  selectPublications,
  selectUnitScores,
  type ObjectionRecord,
  type PublicationRecord,
} from './score-store';
import { assertEvidence, assertManager, getVisiblePlan, isOwn, staleVersion, today, type TargetsContext } from './service-support';
import { unitVisible, viewerOf } from './visibility';
import { isObjectionWindowOpen } from './workflow-rules';

/** 公示: freezes the current ranking and opens the objection window (configured days, start day included). */
export async function openPublicity(db: Db, ctx: TargetsContext & { planId: string; input: OpenPublicityInput }): Promise<PublicationRecord> {
  assertManager(ctx.actor);
  const visible = await getVisiblePlan(db, ctx.actor, ctx.planId);
  return db.transaction(async (tx) => {
    const plan = await lockPlan(tx, visible.id);
    if (!plan) throw notFound('targets.plan_not_found', '考核计划不存在');
    if (plan.version !== ctx.input.version) staleVersion('计划');
    if (plan.status !== 'published' || (plan.stage !== 'scored' && plan.stage !== 'publicity')) throw conflict('targets.not_scored', '请先完成计分再公示');
    const scores = await selectUnitScores(tx, plan.id, sql`true`, { withItems: false });
    if (scores.length === 0) throw conflict('targets.not_scored', '请先完成计分再公示');
    const startsOn = ctx.input.startsOn ?? today(ctx);
    const days = ctx.input.days ?? plan.config.publicityDays;
    const endsOn = addDays(startsOn, days - 1);
    const updated = await updatePlanRow(tx, plan.id, ctx.input.version, { stage: 'publicity', publicityStartsOn: startsOn, publicityEndsOn: endsOn });
    if (!updated) staleVersion('计划');
    const ranking = buildRanking(updated, scores, { kind: 'publicity', startsOn, endsOn, publishedAt: ctx.now.toISOString() });
    const id = newId();
    await insertPublication(tx, { id, planId: plan.id, kind: 'publicity', startsOn, endsOn, snapshot: ranking, at: ctx.now, by: ctx.actor.userId });
    await recordAudit(tx, ctx.actor, {
      action: 'targets.results.publicity',
      entityType: 'targets_plan',
      entityId: plan.id,
      summary: `${plan.year}年度考核结果公示 ${startsOn} 至 ${endsOn}（${scores.length} 个单位）`,
      after: { startsOn, endsOn, units: scores.length },
    });
    return { id, planId: plan.id, kind: 'publicity', startsOn, endsOn, snapshot: ranking, publishedAt: ctx.now.toISOString() };
  });
}

/** 正式发布: after the window has closed and every objection is answered; scores are frozen from then on. */
export async function publishResults(db: Db, ctx: TargetsContext & { planId: string; version: number }): Promise<PublicationRecord> {
  assertManager(ctx.actor);
  const visible = await getVisiblePlan(db, ctx.actor, ctx.planId);
  return db.transaction(async (tx) => {
    const plan = await lockPlan(tx, visible.id);
    if (!plan) throw notFound('targets.plan_not_found', '考核计划不存在');
    if (plan.version !== ctx.version) staleVersion('计划');
    if (plan.stage !== 'publicity' || !plan.publicityStartsOn || !plan.publicityEndsOn) throw conflict('targets.not_in_publicity', '须先公示考核结果');
    const day = today(ctx);
    if (toDayNumber(day) <= toDayNumber(plan.publicityEndsOn)) throw conflict('targets.publicity_not_over', `公示期至 ${plan.publicityEndsOn} 结束，结束后才能正式发布`);
    const open = await countOpenObjections(tx, plan.id);
    if (open > 0) throw conflict('targets.objections_open', `还有 ${open} 件异议未处理`);
    const updated = await updatePlanRow(tx, plan.id, ctx.version, { stage: 'final', finalPublishedAt: ctx.now });
    if (!updated) staleVersion('计划');
    const scores = await selectUnitScores(tx, plan.id, sql`true`, { withItems: false });
    const ranking = buildRanking(updated, scores, { kind: 'final', startsOn: day, endsOn: null, publishedAt: ctx.now.toISOString() });
    const id = newId();
    await insertPublication(tx, { id, planId: plan.id, kind: 'final', startsOn: day, endsOn: null, snapshot: ranking, at: ctx.now, by: ctx.actor.userId });
    await recordAudit(tx, ctx.actor, { action: 'targets.results.publish', entityType: 'targets_plan', entityId: plan.id, summary: `正式发布${plan.year}年度考核结果（${scores.length} 个单位）`, after: { units: scores.length } });
    return { id, planId: plan.id, kind: 'final', startsOn: day, endsOn: null, snapshot: ranking, publishedAt: ctx.now.toISOString() };
  });
}

export async function listPublications(db: Db, options: { actor: Actor; planId: string }): Promise<Array<{ id: string; planId: string; kind: 'publicity' | 'final'; startsOn: string; endsOn: string | null; publishedAt: string; ranking: Ranking }>> {
  const plan = await getVisiblePlan(db, options.actor, options.planId);
  return (await selectPublications(db, plan.id)).map((p) => ({ id: p.id, planId: p.planId, kind: p.kind, startsOn: p.startsOn, endsOn: p.endsOn, publishedAt: p.publishedAt, ranking: p.snapshot as Ranking }));
}

// ---- objections ----

/** 公示期异议: a unit objects to its own result while the window is open. */
export async function createObjection(db: Db, ctx: TargetsContext & { planId: string; input: CreateObjectionInput }): Promise<ObjectionRecord> {
  const { actor, input } = ctx;
  const plan = await getVisiblePlan(db, actor, ctx.planId);
  const orgUnitId = input.orgUnitId ?? actor.orgUnitId;
  if (!orgUnitId) throw invalid('targets.org_unit_required', '请指定提出异议的单位');
  const unit = await findPlanUnitByOrg(db, plan.id, orgUnitId);
  if (!unit || !isOrgPathInScope(actor.scope, unit.orgPath)) throw notFound('targets.unit_not_found', '被考核单位不存在或您无权查看');
  if (!isOwn(actor, unit.orgPath)) throw forbidden('targets.not_own_unit', '只能对本单位的考核结果提出异议');
  if (input.indicatorId && !(await findItemByKeys(db, input.indicatorId, orgUnitId))) throw invalid('targets.indicator_not_assigned', '该指标不是本单位的考核事项');
  await assertEvidence(db, actor, null, input.evidenceFileIds);
  const publication = (await selectPublications(db, plan.id)).find((p) => p.kind === 'publicity');
  if (plan.stage !== 'publicity' || !publication || !plan.publicityStartsOn || !plan.publicityEndsOn) throw conflict('targets.not_in_publicity', '考核结果不在公示期');
  const window = toDayNumber(plan.publicityEndsOn) - toDayNumber(plan.publicityStartsOn) + 1;
  if (!isObjectionWindowOpen(plan.publicityStartsOn, today(ctx), window)) throw conflict('targets.objection_window_closed', `异议受理期为 ${plan.publicityStartsOn} 至 ${plan.publicityEndsOn}`);
  const id = newId();
  return db.transaction(async (tx) => {
    await insertObjection(tx, { id, planId: plan.id, publicationId: publication.id, orgUnitId, indicatorId: input.indicatorId ?? null, reason: input.reason, evidenceFileIds: input.evidenceFileIds, raisedBy: actor.userId, at: ctx.now });
    await recordAudit(tx, actor, { action: 'targets.objection.create', entityType: 'targets_objection', entityId: id, orgUnitId, summary: `「${unit.orgUnitName}」对${plan.year}年度考核结果提出异议：${input.reason}`, after: input });
    return (await findObjection(tx, id)) as ObjectionRecord;
  });
}

export async function listObjections(db: Db, options: { actor: Actor; planId: string }): Promise<ObjectionRecord[]> {
  const plan = await getVisiblePlan(db, options.actor, options.planId);
  return selectObjections(db, plan.id, unitVisible(viewerOf(options.actor), sql`b.org_unit_id`));
}

export async function getObjection(db: Db, options: { actor: Actor; id: string }): Promise<ObjectionRecord> {
  const objection = await findObjection(db, options.id, unitVisible(viewerOf(options.actor), sql`b.org_unit_id`));
  if (!objection) throw notFound('targets.objection_not_found', '异议不存在或您无权查看');
  await getVisiblePlan(db, options.actor, objection.planId);
  return objection;
}

/** The office answers an objection (upheld: correct the value through review and recompute before publishing). */
export async function resolveObjection(db: Db, ctx: TargetsContext & { id: string; input: ResolveObjectionInput }): Promise<ObjectionRecord> {
  assertManager(ctx.actor);
  const objection = await getObjection(db, { actor: ctx.actor, id: ctx.id });
  if (objection.status !== 'open') throw conflict('targets.objection_resolved', '该异议已处理');
  return db.transaction(async (tx) => {
    if (!(await resolveObjectionRow(tx, objection.id, ctx.input.version, { status: ctx.input.decision, response: ctx.input.response, by: ctx.actor.userId, at: ctx.now }))) staleVersion('异议');
    await recordAudit(tx, ctx.actor, {
      action: `targets.objection.${ctx.input.decision}`,
      entityType: 'targets_objection',
      entityId: objection.id,
      orgUnitId: objection.orgUnitId,
      summary: `${ctx.input.decision === 'upheld' ? '采纳' : '不予采纳'}「${objection.orgUnitName}」的异议：${ctx.input.response}`,
      before: { status: objection.status },
      after: { status: ctx.input.decision, response: ctx.input.response },
    });
    return (await findObjection(tx, objection.id)) as ObjectionRecord;
  });
}

/** Evidence of an item the actor can see (a lead department opens a township's evidence this way). */
export async function getEvidenceFile(db: Db, options: { actor: Actor; id: string }) {
  if (!(await isEvidenceVisible(db, options.id, viewerOf(options.actor)))) throw notFound('file.not_found', '文件不存在或无权查看');
  return getFileContent(db, { actor: withScope(options.actor, { kind: 'all' }), id: options.id });
}
