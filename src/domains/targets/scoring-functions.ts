/**
 * The per-type scoring functions of domain.md §4.3 (exact rationals; rounding happens in
 * `scoreIndicator`). Each returns the unrounded score, the maximum, a Chinese explanation with the
 * unit's own numbers, and details. Use `scoreIndicator` (scoring-rules.ts) rather than these directly.
 */
import { invalid } from '../../shared/errors';
import {
  HUNDRED,
  ZERO,
  add,
  clamp,
  compare,
  div,
  formatFixed,
  formatTrimmed,
  fromInteger,
  isNegative,
  maxRatio,
  minRatio,
  mul,
  parseDecimal,
  sub,
  sum,
  type Ratio,
} from './decimal';
import type {
  BaseSlopeIndicator,
  BonusIndicator,
  ChecklistIndicator,
  CountRangeIndicator,
  CountTargetIndicator,
  DeductionIndicator,
  IndicatorActual,
  IndicatorDefinition,
  RankIndicator,
  RateThresholdIndicator,
  TaskStatus,
} from './indicator-schema';

export type ScoreDetails = Record<string, string | number | boolean | null>;
export type PartialScore = { score: Ratio; maxScore: Ratio; explanation: string; details: ScoreDetails };
/** `peerCount`: number of units ranked (rank type only; a rank above it is rejected). */
export type ScoreContext = { peerCount?: number };

const t = (value: Ratio) => formatTrimmed(value);
const f2 = (value: Ratio) => formatFixed(value, 2);

function requireNonNegative(def: IndicatorDefinition, value: Ratio): void {
  if (isNegative(value)) throw invalid('targets.negative_actual', `指标 ${def.code} 的实际值不能为负数`, { code: def.code });
}

/** Count with a range (L–U) or a single target (L = U = T). */
export function scoreCount(
  def: CountRangeIndicator | CountTargetIndicator,
  lower: Ratio,
  upper: Ratio,
  actual: Ratio,
): PartialScore {
  requireNonNegative(def, actual);
  const weight = parseDecimal(def.weight);
  const unit = def.unitOfMeasure;
  const isRange = compare(lower, upper) !== 0;
  const floorLabel = isRange ? '确保目标' : '目标';
  let base: Ratio;
  let text: string;
  if (compare(actual, lower) >= 0) {
    base = weight;
    text = `实际完成${t(actual)}${unit}，达到${floorLabel}${t(lower)}${unit}，得标准分${t(weight)}分`;
  } else if (def.shortfall.mode === 'proportional') {
    base = div(mul(weight, actual), lower);
    text = `实际完成${t(actual)}${unit}，未达${floorLabel}${t(lower)}${unit}，按完成比例计分：${t(weight)}×${t(actual)}÷${t(lower)}=${f2(base)}分`;
  } else {
    const per = parseDecimal(def.shortfall.pointsPerUnit);
    const gap = sub(lower, actual);
    base = maxRatio(ZERO, sub(weight, mul(per, gap)));
    text = `实际完成${t(actual)}${unit}，比${floorLabel}${t(lower)}${unit}少${t(gap)}${unit}，每少1${unit}扣${t(per)}分：${t(weight)}−${t(per)}×${t(gap)}=${f2(base)}分（最低0分）`;
  }
  let bonus = ZERO;
  let maxScore = weight;
  if (def.bonus) {
    const per = parseDecimal(def.bonus.pointsPerUnit);
    const cap = parseDecimal(def.bonus.cap);
    maxScore = add(weight, cap);
    if (compare(actual, upper) > 0) {
      const excess = sub(actual, upper);
      bonus = minRatio(mul(per, excess), cap);
      const upperLabel = isRange ? '力争目标' : '目标';
      text += `；超过${upperLabel}${t(upper)}${unit}共${t(excess)}${unit}，每${unit}加${t(per)}分，加分${f2(bonus)}分（加分上限${t(cap)}分）`;
    }
  }
  const score = add(base, bonus);
  if (compare(bonus, ZERO) > 0) text += `，合计${f2(score)}分`;
  return { score, maxScore, explanation: `${text}。`, details: { base: f2(base), bonus: f2(bonus), lower: t(lower), upper: t(upper) } };
}

export function scoreRate(def: RateThresholdIndicator, actual: Ratio): PartialScore {
  requireNonNegative(def, actual);
  const weight = parseDecimal(def.weight);
  const threshold = parseDecimal(def.threshold);
  const unit = def.unitOfMeasure;
  const higher = def.direction === 'higher_is_better';
  const meets = higher ? compare(actual, threshold) >= 0 : compare(actual, threshold) <= 0;
  const bound = higher ? '不低于' : '不高于';
  if (meets) {
    const explanation = `实际值${t(actual)}${unit}，达到目标（${bound}${t(threshold)}${unit}），得标准分${t(weight)}分。`;
    return { score: weight, maxScore: weight, explanation, details: { gap: '0' } };
  }
  const gap = higher ? sub(threshold, actual) : sub(actual, threshold);
  let score: Ratio;
  let formula: string;
  if (def.shortfall.mode === 'slope') {
    const per = parseDecimal(def.shortfall.pointsPerPp);
    score = maxRatio(ZERO, sub(weight, mul(per, gap)));
    formula = `每差1个百分点扣${t(per)}分：${t(weight)}−${t(per)}×${t(gap)}=${f2(score)}分（最低0分）`;
  } else if (higher) {
    score = div(mul(weight, actual), threshold);
    formula = `按完成比例计分：${t(weight)}×${t(actual)}÷${t(threshold)}=${f2(score)}分`;
  } else {
    score = div(mul(weight, threshold), actual);
    formula = `按目标值与实际值之比计分：${t(weight)}×${t(threshold)}÷${t(actual)}=${f2(score)}分`;
  }
  const explanation = `实际值${t(actual)}${unit}，未达到目标（${bound}${t(threshold)}${unit}），相差${t(gap)}个百分点，${formula}。`;
  return { score, maxScore: weight, explanation, details: { gap: t(gap) } };
}

export function scoreBaseSlope(def: BaseSlopeIndicator, actual: Ratio): PartialScore {
  const weight = parseDecimal(def.weight);
  const target = parseDecimal(def.target);
  const base = div(mul(weight, parseDecimal(def.basePercent)), HUNDRED);
  const cap = div(mul(weight, parseDecimal(def.capPercent)), HUNDRED);
  const per = parseDecimal(def.pointsPerPp);
  const delta = def.direction === 'higher_is_better' ? sub(actual, target) : sub(target, actual);
  const raw = add(base, mul(per, delta));
  const score = clamp(raw, ZERO, cap);
  const side = isNegative(delta) ? '差' : '优于目标';
  const magnitude = isNegative(delta) ? sub(ZERO, delta) : delta;
  const explanation =
    `实际值${t(actual)}${def.unitOfMeasure}，目标${t(target)}${def.unitOfMeasure}，${side}${t(magnitude)}个百分点；` +
    `达到目标得基本分${t(base)}分，每个百分点增减${t(per)}分：${t(base)}${isNegative(delta) ? '−' : '+'}${t(per)}×${t(magnitude)}，` +
    `得${f2(score)}分（0至${t(cap)}分之间）。`;
  return { score, maxScore: cap, explanation, details: { base: t(base), delta: t(delta), unclamped: f2(raw) } };
}

const taskLabels: Record<TaskStatus, string> = { done: '已完成', partial: '部分完成', not_done: '未完成' };

export function scoreTask(weight: Ratio, partialPercent: Ratio, status: TaskStatus): PartialScore {
  const score = status === 'done' ? weight : status === 'partial' ? div(mul(weight, partialPercent), HUNDRED) : ZERO;
  return { score, maxScore: weight, explanation: `任务${taskLabels[status]}，得${f2(score)}分（标准分${t(weight)}分）。`, details: { status } };
}

export function scoreChecklist(def: ChecklistIndicator, doneCodes: readonly string[]): PartialScore {
  const known = new Set(def.items.map((item) => item.code));
  const unknown = doneCodes.filter((code) => !known.has(code));
  if (unknown.length > 0) throw invalid('targets.unknown_checklist_item', `未知的清单项：${unknown.join('、')}`, { unknown });
  const done = new Set(doneCodes);
  const weight = parseDecimal(def.weight);
  const missing = def.items.filter((item) => !done.has(item.code));
  const missingNames = missing.map((item) => item.name).join('、') || '无';
  let score: Ratio;
  let formula: string;
  if (def.scoring.mode === 'deduct_missing') {
    const per = parseDecimal(def.scoring.pointsPerMissing);
    score = maxRatio(ZERO, sub(weight, mul(per, fromInteger(missing.length))));
    formula = `每缺1项扣${t(per)}分：${t(weight)}−${t(per)}×${missing.length}=${f2(score)}分（最低0分）`;
  } else {
    score = sum(def.items.filter((item) => done.has(item.code)).map((item) => parseDecimal(item.points ?? '0')));
    formula = `按已完成项分值相加得${f2(score)}分`;
  }
  const explanation = `共${def.items.length}项，完成${def.items.length - missing.length}项，缺${missing.length}项（${missingNames}），${formula}。`;
  return { score, maxScore: weight, explanation, details: { done: def.items.length - missing.length, missing: missing.length } };
}

/** Points for a rank under the indicator's rank table (ties share a rank, so share its points). */
export function pointsForRank(def: RankIndicator, rank: number): Ratio {
  const weight = parseDecimal(def.weight);
  if (def.scoring.mode === 'table') return parseDecimal(def.scoring.points[rank - 1] ?? def.scoring.otherPoints);
  const step = parseDecimal(def.scoring.stepPercent);
  const share = maxRatio(parseDecimal(def.scoring.floorPercent), sub(HUNDRED, mul(step, fromInteger(rank - 1))));
  return minRatio(weight, div(mul(weight, share), HUNDRED));
}

export function scoreRank(def: RankIndicator, rank: number, context: ScoreContext): PartialScore {
  if (context.peerCount !== undefined && rank > context.peerCount) {
    throw invalid('targets.rank_out_of_range', `名次${rank}超过参评单位数${context.peerCount}`, { rank, peerCount: context.peerCount });
  }
  const weight = parseDecimal(def.weight);
  const score = pointsForRank(def, rank);
  const peers = context.peerCount === undefined ? '' : `（共${context.peerCount}个单位）`;
  return { score, maxScore: weight, explanation: `在同类单位中排名第${rank}${peers}，得${f2(score)}分（标准分${t(weight)}分）。`, details: { rank } };
}

export function scoreOccurrences(def: DeductionIndicator | BonusIndicator, actual: Extract<IndicatorActual, { type: 'occurrences' }>): PartialScore {
  const verb = def.type === 'deduction' ? '扣' : '加';
  const cap = parseDecimal(def.cap);
  let raw: Ratio;
  let count: number;
  let parts: string;
  if (def.levels) {
    const byLevel = actual.byLevel ?? {};
    const known = new Set(def.levels.map((level) => level.code));
    const unknown = Object.keys(byLevel).filter((code) => !known.has(code));
    if (unknown.length > 0) throw invalid('targets.unknown_level', `未知的级别：${unknown.join('、')}`, { unknown });
    const used = def.levels.map((level) => ({ level, n: byLevel[level.code] ?? 0 }));
    raw = sum(used.map(({ level, n }) => mul(parseDecimal(level.points), fromInteger(n))));
    count = used.reduce((acc, { n }) => acc + n, 0);
    parts = used.filter(({ n }) => n > 0).map(({ level, n }) => `${level.name}${n}项×${t(parseDecimal(level.points))}分`).join('，') || '无';
  } else {
    count = actual.count ?? 0;
    const per = parseDecimal(def.pointsPerOccurrence);
    raw = mul(per, fromInteger(count));
    parts = `${count}次×${t(per)}分`;
  }
  const score = minRatio(raw, cap);
  const explanation = `共${count}项（${parts}），合计${t(raw)}分，本项最多${verb}${t(cap)}分，${verb}${f2(score)}分。`;
  return { score, maxScore: cap, explanation, details: { occurrences: count, uncapped: f2(raw) } };
}

