import { sql } from 'drizzle-orm';
import { isOrgPathInScope, type Actor } from '../../shared/actor';
import { conflict, forbidden, notFound } from '../../shared/errors';
import type { Db } from '../../platform/db/types';
import type { MetricRegistry } from '../../platform/metrics';
import { recordAudit } from '../audit';
import type { ComputeScoresResult, Ranking, ScoreItem, Scorecard, UnitScore } from './assessment-schema';
import { insertMetricValues, selectMetricValuesByIds, type NewMetricValue } from './evaluation-store';
import { evaluatePlan, yearSharePercent, type EvaluatedItem } from './evaluation-engine';
import { explanationOf } from './indicator-service';
import { findPlanUnit } from './indicator-store';
import { canComputeScores, expectsPeriodicReport, isRankingPublic, peerGroupLabels, targetFigures } from './item-rules';
import type { PeerGroup } from './plan-schema';
import { lockPlan, selectPeriods, updatePlanRow, type PeriodRecord, type PlanRecord } from './plan-store';
import { selectSubmissionTimes } from './progress-store';
import { classifyReportTimeliness } from './reporting-rules';
import { findUnitScore, replaceUnitScores, selectPublications, selectUnitScores } from './score-store';
import { assertManager, getVisiblePlan, today, type TargetsContext, localDayOf } from './service-support';
import { snapshotOf, snapshotProvenance } from './value-service';
import { unitVisible, viewerOf } from './visibility';
import { toReviewView } from './evaluation-service';

/** Default day scores are computed for: today, but never past the plan year's last day. */
export function defaultAsOf(plan: PlanRecord, day: string): string {
  const end = `${plan.year}-12-31`;
  return day > end ? end : day;
}

/** Stored score items keep only the snapshot id of a metric value; its provenance lives once in the snapshot. */
function toScoreItem(e: EvaluatedItem, snapshotId: string | null): ScoreItem {
  return {
    assignmentId: e.item.id,
    indicatorId: e.item.indicatorId,
    code: e.def.code,
    name: e.def.name,
    type: e.def.type,
    effect: e.score.effect,
    status: e.score.status,
    weight: 'weight' in e.def ? e.def.weight : null,
    score: e.score.score,
    maxScore: e.score.maxScore,
    vetoTriggered: e.score.vetoTriggered,
    explanation: e.score.explanation,
    actual: e.scoringActual,
    actualText: e.scoringText,
    source: e.value.source,
    provenance: e.value.source === 'metric' ? null : e.value.provenance,
    snapshotId,
    reviewed: e.review !== null && e.review.decision !== 'return',
  };
}

/**
 * Year-end scoring (domain.md §4.3): every unit's items scored by their rules, Σ + capped bonuses −
 * capped deductions, veto ⇒ lowest grade, ranks within peer groups. Metric values are computed live
 * and stored with their provenance, so each score can be traced after the source records change.
 */
export async function computeScores(db: Db, ctx: TargetsContext & { planId: string; registry: MetricRegistry; asOf?: string }): Promise<ComputeScoresResult> {
  assertManager(ctx.actor);
  const plan = await getVisiblePlan(db, ctx.actor, ctx.planId);
  if (!canComputeScores(plan.status, plan.stage)) throw conflict('targets.scoring_closed', plan.status !== 'published' ? '只能对已发布的计划计分' : '考核结果已正式发布，不能重新计分');
  const asOf = defaultAsOf(plan, ctx.asOf ?? today(ctx));
  const evaluation = await evaluatePlan(db, { plan, registry: ctx.registry, asOf, now: ctx.now, withPace: false });
  const t0 = performance.now();
  const snapshots = new Map<string, NewMetricValue>();
  const scores = evaluation.units.map((u) => {
    const items = u.items.map((e) => {
      if (!e.metric) return toScoreItem(e, null);
      const key = e.metric.request.key;
      let snapshot = snapshots.get(key);
      if (!snapshot) {
        snapshot = snapshotOf(e.metric, { planId: plan.id, purpose: 'scoring', now: ctx.now, createdBy: ctx.actor.userId });
        snapshots.set(key, snapshot);
      }
      snapshot.assignmentIds.push(e.item.id);
      return toScoreItem(e, snapshot.id);
    });
    return {
      planUnitId: u.unit.id,
      planId: plan.id,
      orgUnitId: u.unit.orgUnitId,
      peerGroup: u.unit.peerGroup,
      items,
      ...u.assessment,
      rank: u.ranked?.rank ?? 0,
      isTied: u.ranked?.isTied ?? false,
      submittedAt: u.submittedAt,
    };
  });
  const t1 = performance.now();
  await db.transaction(async (tx) => {
    const locked = await lockPlan(tx, plan.id);
    if (!locked || !canComputeScores(locked.status, locked.stage)) throw conflict('targets.scoring_closed', '计划状态已变化，不能计分');
    await insertMetricValues(tx, [...snapshots.values()]);
    await replaceUnitScores(tx, plan.id, scores, ctx.now, ctx.actor.userId);
    await updatePlanRow(tx, plan.id, null, { stage: locked.stage === 'in_progress' ? 'scored' : locked.stage, scoredAt: ctx.now });
    await recordAudit(tx, ctx.actor, {
      action: 'targets.scores.compute',
      entityType: 'targets_plan',
      entityId: plan.id,
      summary: `${plan.year}年度考核计分：${scores.length} 个单位，${evaluation.items.length} 个事项，保存平台指标值 ${snapshots.size} 条（截至 ${asOf}）`,
      after: { asOf, units: scores.length, results: scores.map((s) => ({ orgUnitId: s.orgUnitId, total: s.total, grade: s.grade, rank: s.rank })) },
    });
  });
  const t2 = performance.now();
  return {
    planId: plan.id,
    units: scores.length,
    items: evaluation.items.length,
    metricValues: snapshots.size,
    computedAt: ctx.now.toISOString(),
    timings: { loadMs: evaluation.timings.loadMs, metricsMs: evaluation.timings.metricsMs, scoringMs: evaluation.timings.scoringMs + (t1 - t0), saveMs: t2 - t1 },
  };
}

/** Puts the provenance of each metric value back into stored score items (from their snapshots). */
async function withSnapshotProvenance(db: Db, scores: UnitScore[]): Promise<UnitScore[]> {
  const ids = [...new Set(scores.flatMap((s) => (s.items ?? []).flatMap((i) => (i.snapshotId ? [i.snapshotId] : []))))];
  const snapshots = await selectMetricValuesByIds(db, ids);
  return scores.map((s) => ({
    ...s,
    items: s.items?.map((i) => {
      const snapshot = i.snapshotId ? snapshots.get(i.snapshotId) : undefined;
      return snapshot && !i.provenance ? { ...i, provenance: snapshotProvenance(snapshot) } : i;
    }) ?? null,
  }));
}

export async function listScores(db: Db, options: { actor: Actor; planId: string; peerGroup?: PeerGroup; withItems: boolean }): Promise<UnitScore[]> {
  const plan = await getVisiblePlan(db, options.actor, options.planId);
  const scores = await selectUnitScores(db, plan.id, unitVisible(viewerOf(options.actor), sql`s.org_unit_id`), { withItems: options.withItems, ...(options.peerGroup ? { peerGroup: options.peerGroup } : {}) });
  return options.withItems ? withSnapshotProvenance(db, scores) : scores;
}

export function buildRanking(plan: PlanRecord, scores: UnitScore[], publication: Ranking['publication']): Ranking {
  const groups = new Map<PeerGroup, UnitScore[]>();
  for (const s of scores) groups.set(s.peerGroup, [...(groups.get(s.peerGroup) ?? []), s]);
  const order: PeerGroup[] = ['townships', 'departments', 'parks'];
  return {
    planId: plan.id,
    year: plan.year,
    title: plan.title,
    stage: plan.stage,
    computedAt: plan.scoredAt,
    tieBreak: plan.config.ranking.tieBreak,
    publication,
    groups: order
      .filter((g) => groups.has(g))
      .map((peerGroup) => {
        const rows = [...(groups.get(peerGroup) ?? [])].sort((a, b) => a.rank - b.rank || a.orgUnitName.localeCompare(b.orgUnitName, 'zh'));
        const gradeCounts: Record<string, number> = {};
        for (const r of rows) gradeCounts[r.grade] = (gradeCounts[r.grade] ?? 0) + 1;
        return {
          peerGroup,
          label: peerGroupLabels[peerGroup].zh,
          rows: rows.map((r) => ({
            rank: r.rank,
            isTied: r.isTied,
            planUnitId: r.planUnitId,
            orgUnitId: r.orgUnitId,
            orgUnitName: r.orgUnitName,
            raw: r.raw,
            bonusApplied: r.bonusApplied,
            deductionApplied: r.deductionApplied,
            total: r.total,
            grade: r.grade,
            vetoed: r.vetoed,
            vetoCodes: r.vetoCodes,
          })),
          chart: {
            categories: rows.map((r) => r.orgUnitName),
            series: [
              { key: 'raw' as const, name: '指标得分', data: rows.map((r) => Number(r.raw)) },
              { key: 'bonus' as const, name: '加分', data: rows.map((r) => Number(r.bonusApplied)) },
              { key: 'deduction' as const, name: '扣分', data: rows.map((r) => -Number(r.deductionApplied)) },
              { key: 'total' as const, name: '总分', data: rows.map((r) => Number(r.total)) },
            ],
            gradeCounts,
          },
        };
      }),
  };
}

/**
 * The ranking table with chart data. The office (all-reach roles) sees the current scores at any
 * time; others only once results are put up for publicity, and then as published.
 */
export async function getRanking(db: Db, options: { actor: Actor; planId: string; peerGroup?: PeerGroup }): Promise<Ranking> {
  const plan = await getVisiblePlan(db, options.actor, options.planId);
  const viewer = viewerOf(options.actor);
  const publications = await selectPublications(db, plan.id);
  const latest = publications.find((p) => p.kind === 'final') ?? publications[0] ?? null;
  const publication = latest ? { kind: latest.kind, startsOn: latest.startsOn, endsOn: latest.endsOn, publishedAt: latest.publishedAt } : null;
  let ranking: Ranking;
  if (viewer.scope.kind === 'all') {
    ranking = buildRanking(plan, await selectUnitScores(db, plan.id, sql`true`, { withItems: false }), publication);
  } else {
    if (!isRankingPublic(plan.stage) || !latest) throw forbidden('targets.ranking_not_public', '考核结果尚未公示');
    ranking = { ...(latest.snapshot as Ranking), publication };
  }
  return options.peerGroup ? { ...ranking, groups: ranking.groups.filter((g) => g.peerGroup === options.peerGroup) } : ranking;
}

function reportingOf(e: EvaluatedItem, periods: PeriodRecord[], submissions: Map<string, string | null>, day: string, timeZone: string) {
  const counts = { dueReports: 0, onTime: 0, late: 0, missing: 0 };
  if (expectsPeriodicReport(e.def)) {
    for (const period of periods) {
      if (period.startsOn > day) continue;
      const submitted = submissions.get(`${e.item.id}:${period.id}`) ?? null;
      const status = classifyReportTimeliness(submitted ? localDayOf(submitted, timeZone) : null, period.deadline, day);
      if (status === 'not_due') continue;
      counts.dueReports += 1;
      if (status === 'on_time') counts.onTime += 1;
      else if (status === 'late') counts.late += 1;
      else counts.missing += 1;
    }
  }
  return { latestPeriodKey: e.latestReport?.periodKey ?? null, latestStatus: e.latestReport?.status ?? null, ...counts };
}

/** A unit's scorecard: each item's rule in words, live value with provenance, pace light, reviews and the score so far. */
export async function getScorecard(db: Db, ctx: TargetsContext & { planUnitId: string; registry: MetricRegistry; asOf?: string }): Promise<Scorecard> {
  const unit = await findPlanUnit(db, ctx.planUnitId);
  if (!unit || !isOrgPathInScope(ctx.actor.scope, unit.orgPath)) throw notFound('targets.unit_not_found', '被考核单位不存在或您无权查看');
  const plan = await getVisiblePlan(db, ctx.actor, unit.planId);
  const day = today(ctx);
  const asOf = ctx.asOf ?? defaultAsOf(plan, day);
  const [evaluation, periods, submissions, stored] = await Promise.all([
    evaluatePlan(db, { plan, registry: ctx.registry, asOf, now: ctx.now, onlyPlanUnitId: unit.id }),
    selectPeriods(db, plan.id),
    selectSubmissionTimes(db, plan.id),
    findUnitScore(db, unit.id).then(async (score) => (score ? ((await withSnapshotProvenance(db, [score]))[0] ?? null) : null)),
  ]);
  const result = evaluation.units[0];
  const items = (result?.items ?? []).map((e) => ({
    assignmentId: e.item.id,
    indicator: {
      id: e.item.indicatorId,
      code: e.def.code,
      name: e.def.name,
      type: e.def.type,
      category: e.def.category ?? null,
      unitOfMeasure: e.def.unitOfMeasure,
      sourceKind: e.def.dataSource.kind,
      metricKey: e.def.dataSource.kind === 'metric' ? e.def.dataSource.metricKey : null,
    },
    targets: targetFigures(e.def),
    leadOrgUnitId: e.item.leadOrgUnitId,
    leadOrgUnitName: e.item.leadOrgUnitName,
    rule: explanationOf(e.def),
    value: e.value,
    pace: e.pace,
    reporting: reportingOf(e, periods, submissions, day, ctx.timeZone),
    selfEvaluation: e.selfEvaluation ? { id: e.selfEvaluation.id, status: e.selfEvaluation.status, selfScore: e.selfEvaluation.selfScore } : null,
    review: e.review ? toReviewView(e.def, e.review) : null,
    score: { effect: e.score.effect, status: e.score.status, score: e.score.score, maxScore: e.score.maxScore, vetoTriggered: e.score.vetoTriggered, explanation: e.score.explanation },
  }));
  const count = (status: 'green' | 'yellow' | 'red' | null) => items.filter((i) => i.pace.status === status).length;
  const a = result?.assessment;
  return {
    plan: { id: plan.id, year: plan.year, title: plan.title, status: plan.status, stage: plan.stage },
    unit: { planUnitId: unit.id, orgUnitId: unit.orgUnitId, name: unit.orgUnitName, kind: unit.orgUnitKind, peerGroup: unit.peerGroup },
    asOf,
    sharePercent: yearSharePercent(plan, asOf),
    items,
    paceSummary: { green: count('green'), yellow: count('yellow'), red: count('red'), none: count(null) },
    preview: { raw: a?.raw ?? '0.00', bonusApplied: a?.bonusApplied ?? '0.00', deductionApplied: a?.deductionApplied ?? '0.00', total: a?.total ?? '0.00', vetoed: a?.vetoed ?? false, grade: a?.grade ?? plan.config.grades.lowestGrade },
    stored,
  };
}
