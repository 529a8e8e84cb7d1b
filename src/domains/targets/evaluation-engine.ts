import type { Db } from '../../platform/db/types';
import type { MetricRegistry } from '../../platform/metrics';
import { HUNDRED, formatFixed, mul, type Ratio } from './decimal';
import { isDomainError } from '../../shared/errors';
import type { IndicatorActual, IndicatorDefinition } from './indicator-schema';
import { actualNumber, describeActual } from './item-rules';
import { selectPlanUnits, type PlanUnitRecord } from './indicator-store';
import { selectItems, type ItemRecord } from './item-store';
import { elapsedShare, expectedAtShare, paceStatus } from './pace-rules';
import type { PlanRecord } from './plan-store';
import type { PaceView } from './progress-schema';
import { rankPeerValues, rankUnits, type RankedUnit } from './ranking-rules';
import { scoreIndicator, type IndicatorScore } from './scoring-rules';
import { assessUnit, type UnitAssessment } from './total-rules';
import { loadItemInputs, resolveItems, type ResolvedItem, type ValueTimings } from './value-service';

/**
 * The assessment engine: resolves every item's value (live metrics included), ranks peers for
 * rank-type indicators, scores each item by its rule, totals each unit (caps, veto, grade) and ranks
 * the units within their peer groups. Read-only; `computeScores` stores what it returns.
 */
export type EvaluatedItem = ResolvedItem & { scoringActual: IndicatorActual | null; scoringText: string; score: IndicatorScore; pace: PaceView };
export type EvaluatedUnit = { unit: PlanUnitRecord; items: EvaluatedItem[]; assessment: UnitAssessment; submittedAt: string | null; ranked: RankedUnit | null };
export type Evaluation = { units: EvaluatedUnit[]; items: EvaluatedItem[]; timings: ValueTimings & { scoringMs: number } };

function yearBounds(plan: Pick<PlanRecord, 'year'>) {
  return { start: `${plan.year}-01-01`, end: `${plan.year}-12-31` };
}

function clampDay(day: string, start: string, end: string): string {
  return day < start ? start : day > end ? end : day;
}

export function yearShare(plan: PlanRecord, asOf: string): Ratio {
  const { start, end } = yearBounds(plan);
  return elapsedShare(start, end, clampDay(asOf, start, end), { basis: plan.config.pace.basis, curve: plan.config.pace.curve });
}

export function yearSharePercent(plan: PlanRecord, asOf: string): string {
  return formatFixed(mul(yearShare(plan, asOf), HUNDRED));
}

/**
 * 序时进度 of one item at `asOf` (`share` = elapsed share of the year, computed once per plan):
 * counts without a report count as 0 done; rates without a value have no light.
 */
export function paceOf(plan: PlanRecord, def: IndicatorDefinition, actual: IndicatorActual | null, asOf: string, share: Ratio = yearShare(plan, asOf)): PaceView {
  const sharePercent = formatFixed(mul(share, HUNDRED));
  const expectation = expectedAtShare(def, share);
  let number = actualNumber(actual);
  if (!expectation) return { status: null, expected: null, sharePercent, actual: number };
  if (number === null && (def.type === 'count_range' || def.type === 'count_target')) number = '0';
  if (number === null) return { status: null, expected: formatFixed(expectation.expected), sharePercent, actual: null };
  const status = paceStatus(number, expectation.expected, { greenAtPercent: plan.config.pace.greenAtPercent, yellowAtPercent: plan.config.pace.yellowAtPercent, direction: expectation.direction });
  return { status, expected: formatFixed(expectation.expected), sharePercent, actual: number };
}

/** Ranks of rank-type items among the units of the same peer group that have a value. */
function rankActuals(resolved: ResolvedItem[]): Map<string, { actual: IndicatorActual | null; peerCount: number }> {
  const groups = new Map<string, ResolvedItem[]>();
  for (const r of resolved) {
    if (r.def.type !== 'rank') continue;
    const key = `${r.item.indicatorId}:${r.item.peerGroup}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const result = new Map<string, { actual: IndicatorActual | null; peerCount: number }>();
  for (const members of groups.values()) {
    const direction = members[0]?.def.type === 'rank' ? members[0].def.direction : 'higher_is_better';
    const entries = members.map((m) => ({ unitId: m.item.id, value: m.value.actual?.type === 'number' ? m.value.actual.value : null }));
    const ranks = new Map(rankPeerValues(entries, direction).map((r) => [r.unitId, r.rank]));
    const peerCount = members.filter((m) => m.value.actual !== null).length;
    for (const m of members) {
      if (m.value.actual?.type === 'rank') result.set(m.item.id, { actual: m.value.actual, peerCount: Math.max(peerCount, m.value.actual.rank) });
      else {
        const rank = ranks.get(m.item.id) ?? null;
        result.set(m.item.id, { actual: rank === null ? null : { type: 'rank', rank }, peerCount });
      }
    }
  }
  return result;
}

function scoreSafely(def: IndicatorDefinition, actual: IndicatorActual | null, peerCount: number | undefined): IndicatorScore {
  try {
    return scoreIndicator(def, actual, peerCount === undefined ? {} : { peerCount });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const missing = scoreIndicator(def, null);
    return { ...missing, explanation: `数值无法计分（${error.message}），按未报送计。` };
  }
}

export async function evaluatePlan(
  db: Db,
  options: { plan: PlanRecord; registry: MetricRegistry; asOf: string; now: Date; onlyPlanUnitId?: string; withPace?: boolean },
): Promise<Evaluation> {
  const { plan } = options;
  const loadStart = performance.now();
  const [units, allItems, inputs] = await Promise.all([selectPlanUnits(db, plan.id), selectItems(db, plan.id), loadItemInputs(db, plan.id)]);
  let items: ItemRecord[] = allItems;
  if (options.onlyPlanUnitId) {
    const own = allItems.filter((i) => i.planUnitId === options.onlyPlanUnitId);
    const rankIndicators = new Set(own.filter((i) => i.definition.type === 'rank').map((i) => i.indicatorId));
    const peerGroup = own[0]?.peerGroup;
    items = allItems.filter((i) => i.planUnitId === options.onlyPlanUnitId || (rankIndicators.has(i.indicatorId) && i.peerGroup === peerGroup));
  }
  const loadMs = performance.now() - loadStart;
  const { resolved, timings } = await resolveItems(db, { plan, items, registry: options.registry, asOf: options.asOf, now: options.now, inputs });
  const t0 = performance.now();
  const ranks = rankActuals(resolved);
  const share = yearShare(plan, options.asOf);
  const noPace: PaceView = { status: null, expected: null, sharePercent: formatFixed(mul(share, HUNDRED)), actual: null };
  const evaluated: EvaluatedItem[] = resolved.map((r) => {
    const ranked = ranks.get(r.item.id);
    const scoringActual = ranked ? ranked.actual : r.value.actual;
    const scoringText = ranked && scoringActual ? `${describeActual(r.def, scoringActual)}（${r.value.text}）` : r.value.text;
    return { ...r, scoringActual, scoringText, score: scoreSafely(r.def, scoringActual, ranked?.peerCount), pace: options.withPace === false ? noPace : paceOf(plan, r.def, r.value.actual, options.asOf, share) };
  });
  const byUnit = new Map<string, EvaluatedItem[]>();
  for (const e of evaluated) byUnit.set(e.item.planUnitId, [...(byUnit.get(e.item.planUnitId) ?? []), e]);
  const unitResults = units
    .filter((u) => !options.onlyPlanUnitId || u.id === options.onlyPlanUnitId)
    .map((unit) => {
      const own = byUnit.get(unit.id) ?? [];
      const assessment = assessUnit(own.map((e) => e.score), plan.config.caps, plan.config.grades);
      const times = own.map((e) => e.selfEvaluation?.submittedAt ?? null);
      const submittedAt = own.length > 0 && times.every((t) => t !== null) ? (times as string[]).sort().at(-1) ?? null : null;
      return { unit, items: own, assessment, submittedAt };
    });
  const ranked = options.onlyPlanUnitId
    ? []
    : rankUnits(
        unitResults.map((u) => ({
          unitId: u.unit.id,
          peerGroup: u.unit.peerGroup,
          total: u.assessment.total,
          raw: u.assessment.raw,
          bonusApplied: u.assessment.bonusApplied,
          deductionApplied: u.assessment.deductionApplied,
          submittedAt: u.submittedAt,
          vetoed: u.assessment.vetoed,
        })),
        plan.config.ranking,
      );
  const rankByUnit = new Map(ranked.map((r) => [r.unitId, r]));
  return {
    units: unitResults.map((u) => ({ ...u, ranked: rankByUnit.get(u.unit.id) ?? null })),
    items: evaluated,
    timings: { loadMs: loadMs + timings.loadMs, metricsMs: timings.metricsMs, scoringMs: performance.now() - t0 },
  };
}
