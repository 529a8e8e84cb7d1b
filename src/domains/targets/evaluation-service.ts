import type { Actor } from '../../shared/actor';
import { conflict, forbidden, invalid, notFound } from '../../shared/errors';
import type { Db } from '../../platform/db/types';
import { newId } from '../../platform/ids';
import { recordAudit } from '../audit';
import type { CreateSelfEvaluationInput, ListSelfEvaluationsQuery, ReviewSelfEvaluationInput, ReviewView, SelfEvaluationView, UpdateSelfEvaluationInput } from './assessment-schema';
import { compare, parseDecimal } from './decimal';
import type { IndicatorActual, IndicatorDefinition } from './indicator-schema';
import { assertActualFits, describeActual, effectiveDefinition } from './item-rules';
import { findItem, type ItemRecord } from './item-store';
import { getVisibleItem } from './assignment-service';
import {
  countSelfEvaluations,
  evaluationListFilters,
  findSelfEvaluation,
  insertReview,
  insertSelfEvaluation,
  selectReviews,
  selectSelfEvaluations,
  setSelfEvaluationStatus,
  updateSelfEvaluationRow,
  type ReviewRecord,
  type SelfEvaluationRecord,
} from './evaluation-store';
import { lockPlan } from './plan-store';
import { scoreIndicator } from './scoring-rules';
import { assertEvidence, describeEvidence, getVisiblePlan, isOwn, staleVersion, type TargetsContext } from './service-support';
import { inSubtree, leadColumn, viewerOf } from './visibility';
import { nextReportStatus, type ReportStatus } from './workflow-rules';

export function toReviewView(def: IndicatorDefinition, review: ReviewRecord): ReviewView {
  return {
    id: review.id,
    decision: review.decision,
    adjustedActual: review.adjustedActual,
    adjustedText: review.adjustedActual ? describeActual(def, review.adjustedActual) : null,
    comment: review.comment,
    reviewerOrgUnitId: review.reviewerOrgUnitId,
    reviewerName: review.reviewerName,
    reviewedAt: review.reviewedAt,
  };
}

/** The lead department (考核牵头部门) of the item, in the user's own org subtree, with the review permission. */
export function canReviewItem(actor: Actor, item: ItemRecord): boolean {
  return viewerOf(actor).isReviewer && isOwn(actor, item.leadPath);
}

export function assertOwnItem(actor: Actor, item: ItemRecord): void {
  if (!isOwn(actor, item.orgPath)) throw forbidden('targets.not_own_item', '只能报送本单位的考核事项');
}

export function assertReviewer(actor: Actor, item: ItemRecord): void {
  if (!canReviewItem(actor, item)) throw forbidden('targets.not_lead_department', `只有考核牵头部门（${item.leadOrgUnitName}）可以审核此事项`);
}

async function toView(db: Db, actor: Actor, record: SelfEvaluationRecord): Promise<SelfEvaluationView> {
  const item = (await findItem(db, record.assignmentId)) as ItemRecord;
  const def = effectiveDefinition(item.definition, item.orgUnitId, item.overrides);
  const [reviews, evidence] = await Promise.all([selectReviews(db, record.id), describeEvidence(db, actor, record.evidenceFileIds)]);
  return {
    id: record.id,
    planId: record.planId,
    assignmentId: record.assignmentId,
    indicatorId: record.indicatorId,
    indicatorCode: record.indicatorCode,
    indicatorName: record.indicatorName,
    orgUnitId: record.orgUnitId,
    orgUnitName: record.orgUnitName,
    leadOrgUnitId: item.leadOrgUnitId,
    leadOrgUnitName: item.leadOrgUnitName,
    actual: record.actual,
    actualText: describeActual(def, record.actual),
    selfScore: record.selfScore,
    note: record.note,
    evidence: record.evidenceFileIds.map((id) => evidence.get(id) ?? { id, fileName: null, sizeBytes: null }),
    status: record.status,
    firstSubmittedAt: record.firstSubmittedAt,
    submittedAt: record.submittedAt,
    reviews: reviews.map((r) => toReviewView(def, r)),
    canReview: canReviewItem(actor, item),
    version: record.version,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

export async function listSelfEvaluations(db: Db, options: { actor: Actor; planId: string; query: ListSelfEvaluationsQuery }): Promise<{ items: SelfEvaluationView[]; total: number; page: number; pageSize: number }> {
  const { actor, query } = options;
  await getVisiblePlan(db, actor, options.planId);
  const viewer = viewerOf(actor);
  const reviewableBy = query.reviewQueue === 'true' ? (viewer.isReviewer ? inSubtree(leadColumn, actor.kind === 'system' ? '/' : actor.orgPath) : undefined) : undefined;
  if (query.reviewQueue === 'true' && !reviewableBy) throw forbidden('targets.not_reviewer', '您没有审核权限');
  const where = evaluationListFilters(options.planId, { ...query, ...(reviewableBy ? { reviewableBy } : {}) }, viewer);
  const [total, records] = await Promise.all([countSelfEvaluations(db, where), selectSelfEvaluations(db, where, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize })]);
  const items: SelfEvaluationView[] = [];
  for (const record of records) items.push(await toView(db, actor, record));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export async function getSelfEvaluation(db: Db, options: { actor: Actor; id: string }): Promise<SelfEvaluationView> {
  const record = await findSelfEvaluation(db, options.id, viewerOf(options.actor));
  if (!record) throw notFound('targets.self_evaluation_not_found', '自评记录不存在或您无权查看');
  return toView(db, options.actor, record);
}

async function assertEvaluationOpen(tx: Db, planId: string): Promise<void> {
  const plan = await lockPlan(tx, planId);
  if (!plan || plan.status !== 'published') throw conflict('targets.plan_not_published', '计划未发布或已关闭，不能自评或审核');
  if (plan.stage === 'publicity' || plan.stage === 'final') throw conflict('targets.evaluation_closed', '考核结果已公示，自评与审核已结束');
}

function assertSelfScore(def: IndicatorDefinition, selfScore: string | null): void {
  if (selfScore === null) return;
  const max = scoreIndicator(def, null).maxScore;
  if (compare(parseDecimal(selfScore), parseDecimal(max)) > 0) throw invalid('targets.self_score_too_high', `自评分不能超过本项最高分 ${max}`, { maxScore: max });
}

function assertSubmittable(def: IndicatorDefinition, actual: IndicatorActual | null, evidence: string[]): void {
  if (def.dataSource.kind === 'metric') return;
  if (actual === null) throw invalid('targets.actual_required', '报送自评须填写年终实际值');
  if (def.evidence.maxFiles > 0 && evidence.length === 0) throw invalid('targets.evidence_required', `请上传佐证材料：${def.evidence.description}`);
}

export async function createSelfEvaluation(db: Db, ctx: TargetsContext & { input: CreateSelfEvaluationInput }): Promise<SelfEvaluationView> {
  const { actor, input } = ctx;
  const item = await getVisibleItem(db, actor, input.assignmentId);
  assertOwnItem(actor, item);
  const def = effectiveDefinition(item.definition, item.orgUnitId, item.overrides);
  const actual = input.actual ?? null;
  if (actual) assertActualFits(def, actual);
  assertSelfScore(def, input.selfScore ?? null);
  await assertEvidence(db, actor, def, input.evidenceFileIds);
  if (input.submit) assertSubmittable(def, actual, input.evidenceFileIds);
  const id = newId();
  return db.transaction(async (tx) => {
    await assertEvaluationOpen(tx, item.planId);
    const status: ReportStatus = input.submit ? 'submitted' : 'draft';
    await insertSelfEvaluation(tx, {
      id,
      planId: item.planId,
      assignmentId: item.id,
      indicatorId: item.indicatorId,
      orgUnitId: item.orgUnitId,
      actual,
      selfScore: input.selfScore ?? null,
      note: input.note ?? null,
      evidenceFileIds: input.evidenceFileIds,
      status,
      submittedAt: input.submit ? ctx.now : null,
      submittedBy: input.submit ? actor.userId : null,
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: input.submit ? 'targets.self_evaluation.submit' : 'targets.self_evaluation.create',
      entityType: 'targets_self_evaluation',
      entityId: id,
      orgUnitId: item.orgUnitId,
      summary: `「${item.orgUnitName}」${input.submit ? '报送' : '保存'}指标 ${def.code} 年终自评：${describeActual(def, actual)}`,
      after: { actual, selfScore: input.selfScore ?? null, evidenceFileIds: input.evidenceFileIds, status },
    });
    return toView(tx, actor, (await findSelfEvaluation(tx, id)) as SelfEvaluationRecord);
  });
}

export async function updateSelfEvaluation(db: Db, ctx: TargetsContext & { id: string; input: UpdateSelfEvaluationInput }): Promise<SelfEvaluationView> {
  const { actor, input } = ctx;
  const record = await findSelfEvaluation(db, ctx.id, viewerOf(actor));
  if (!record) throw notFound('targets.self_evaluation_not_found', '自评记录不存在或您无权查看');
  const item = (await findItem(db, record.assignmentId)) as ItemRecord;
  assertOwnItem(actor, item);
  if (record.status !== 'draft' && record.status !== 'returned') throw conflict('targets.self_evaluation_locked', '自评已报送，待审核期间不能修改');
  const def = effectiveDefinition(item.definition, item.orgUnitId, item.overrides);
  const actual = input.actual === undefined ? record.actual : input.actual;
  if (actual) assertActualFits(def, actual);
  const selfScore = input.selfScore === undefined ? record.selfScore : input.selfScore;
  assertSelfScore(def, selfScore);
  const evidence = input.evidenceFileIds ?? record.evidenceFileIds;
  if (input.evidenceFileIds) await assertEvidence(db, actor, def, evidence);
  if (input.submit) assertSubmittable(def, actual, evidence);
  const status = input.submit ? nextReportStatus(record.status, 'submit') : record.status;
  return db.transaction(async (tx) => {
    await assertEvaluationOpen(tx, item.planId);
    const ok = await updateSelfEvaluationRow(tx, record.id, input.version, {
      actual,
      selfScore,
      note: input.note === undefined ? record.note : input.note,
      evidenceFileIds: evidence,
      status,
      submittedAt: input.submit ? ctx.now : null,
      submittedBy: input.submit ? actor.userId : null,
    });
    if (!ok) staleVersion('自评记录');
    await recordAudit(tx, actor, {
      action: input.submit ? 'targets.self_evaluation.submit' : 'targets.self_evaluation.update',
      entityType: 'targets_self_evaluation',
      entityId: record.id,
      orgUnitId: item.orgUnitId,
      summary: `「${item.orgUnitName}」${input.submit ? '报送' : '修改'}指标 ${def.code} 年终自评：${describeActual(def, actual)}`,
      before: { actual: record.actual, selfScore: record.selfScore, status: record.status },
      after: { actual, selfScore, status },
    });
    return toView(tx, actor, (await findSelfEvaluation(tx, record.id)) as SelfEvaluationRecord);
  });
}

/** 部门初审: only the item's lead department accepts, adjusts the value (with a comment) or returns it. */
export async function reviewSelfEvaluation(db: Db, ctx: TargetsContext & { id: string; input: ReviewSelfEvaluationInput }): Promise<SelfEvaluationView> {
  const { actor, input } = ctx;
  const record = await findSelfEvaluation(db, ctx.id, viewerOf(actor));
  if (!record) throw notFound('targets.self_evaluation_not_found', '自评记录不存在或您无权查看');
  const item = (await findItem(db, record.assignmentId)) as ItemRecord;
  assertReviewer(actor, item);
  const def = effectiveDefinition(item.definition, item.orgUnitId, item.overrides);
  if (input.adjustedActual) assertActualFits(def, input.adjustedActual);
  const status = nextReportStatus(record.status, input.decision === 'return' ? 'return' : 'accept');
  return db.transaction(async (tx) => {
    await assertEvaluationOpen(tx, item.planId);
    if (!(await setSelfEvaluationStatus(tx, record.id, input.version, status))) staleVersion('自评记录');
    const adjusted = input.decision === 'adjust' ? (input.adjustedActual ?? null) : null;
    await insertReview(tx, {
      id: newId(),
      planId: item.planId,
      selfEvaluationId: record.id,
      assignmentId: item.id,
      decision: input.decision,
      adjustedActual: adjusted,
      comment: input.comment ?? null,
      reviewerOrgUnitId: actor.orgUnitId,
      reviewedBy: actor.userId,
      reviewerName: actor.displayName,
      at: ctx.now,
    });
    const verb = input.decision === 'accept' ? '审核通过' : input.decision === 'adjust' ? `审核调整为 ${describeActual(def, adjusted)}` : '退回';
    await recordAudit(tx, actor, {
      action: `targets.self_evaluation.${input.decision}`,
      entityType: 'targets_self_evaluation',
      entityId: record.id,
      orgUnitId: item.orgUnitId,
      summary: `${verb}「${item.orgUnitName}」指标 ${def.code} 的自评${input.comment ? `：${input.comment}` : ''}`,
      before: { status: record.status, actual: record.actual },
      after: { status, adjustedActual: adjusted, comment: input.comment ?? null },
    });
    return toView(tx, actor, (await findSelfEvaluation(tx, record.id)) as SelfEvaluationRecord);
  });
}
