/**
 * Target decomposition (目标分解, domain.md §4.4 step 1): per-unit targets and weights, checked
 * against the city's plan. Problems come back as warnings (code + Chinese message); nothing throws
 * except `applyAssignment` on an override that cannot apply to the indicator's type.
 *
 * Only counts are additive (Σ unit targets should equal the city target). Rates are not: a city
 * rate is a weighted average of the units' rates, so their targets are not summed; instead a unit
 * whose rate target is less ambitious than the city's is flagged.
 */
import { invalid } from '../../shared/errors';
import { compare, formatTrimmed, parseDecimal, sum, type Ratio } from './decimal';
import { isWeightedIndicator, type IndicatorDefinition } from './indicator-schema';
import type { Assignment, Plan } from './plan-schema';

export type PlanWarning = {
  code: string;
  severity: 'warning' | 'info';
  message: string;
  details: Record<string, string | number>;
};

const t = formatTrimmed;

export function isAdditiveIndicator(def: IndicatorDefinition): boolean {
  return def.type === 'count_range' || def.type === 'count_target';
}

/** The indicator as it applies to one unit: overrides from the assignment replace the plan's values. */
export function applyAssignment(def: IndicatorDefinition, assignment: Assignment): IndicatorDefinition {
  const reject = (field: string) => {
    throw invalid('targets.assignment_override_mismatch', `指标 ${def.code}（${def.type}）不能分解字段 ${field}`, { code: def.code, field });
  };
  if (assignment.indicatorCode !== def.code) reject('indicatorCode');
  if (assignment.weight !== undefined && !isWeightedIndicator(def)) reject('weight');
  const weight = assignment.weight !== undefined ? { weight: assignment.weight } : {};
  switch (def.type) {
    case 'count_range': {
      if (assignment.target !== undefined) reject('target');
      const lower = assignment.lower ?? def.lower;
      const upper = assignment.upper ?? def.upper;
      if (compare(parseDecimal(lower), parseDecimal(upper)) > 0) {
        throw invalid('targets.assignment_range_inverted', `单位 ${assignment.orgUnitId} 的力争值小于确保值`, { code: def.code });
      }
      return { ...def, ...weight, lower, upper };
    }
    case 'count_target':
    case 'base_slope':
    case 'rate_threshold': {
      if (assignment.lower !== undefined) reject('lower');
      if (assignment.upper !== undefined) reject('upper');
      if (assignment.target !== undefined && def.type !== 'base_slope' && assignment.target.startsWith('-')) reject('target');
      if (def.type === 'rate_threshold') return { ...def, ...weight, threshold: assignment.target ?? def.threshold };
      return { ...def, ...weight, target: assignment.target ?? def.target };
    }
    default:
      if (assignment.lower !== undefined) reject('lower');
      if (assignment.upper !== undefined) reject('upper');
      if (assignment.target !== undefined) reject('target');
      return { ...def, ...weight } as IndicatorDefinition;
  }
}

function compareSum(def: IndicatorDefinition, label: string, field: string, unitSum: Ratio, city: Ratio, units: number): PlanWarning[] {
  const order = compare(unitSum, city);
  if (order === 0) return [];
  const u = def.unitOfMeasure;
  return [
    {
      code: order < 0 ? 'targets.decomposition_below_city' : 'targets.decomposition_above_city',
      severity: 'warning',
      message: `指标“${def.name}”：${units}个单位的${label}合计${t(unitSum)}${u}，${order < 0 ? '低于' : '高于'}全市${label}${t(city)}${u}`,
      details: { indicatorCode: def.code, field, unitSum: t(unitSum), cityValue: t(city) },
    },
  ];
}

/** Checks one indicator's decomposition over its assignments. */
export function checkDecomposition(def: IndicatorDefinition, assignments: readonly Assignment[]): PlanWarning[] {
  const own = assignments.filter((a) => a.indicatorCode === def.code);
  if (own.length === 0) {
    return [{ code: 'targets.indicator_unassigned', severity: 'warning', message: `指标“${def.name}”未分解到任何单位`, details: { indicatorCode: def.code } }];
  }
  const warnings: PlanWarning[] = [];
  if (def.type === 'count_range' || def.type === 'count_target') {
    const hasOwnTarget = (a: Assignment) => (def.type === 'count_range' ? a.lower !== undefined || a.upper !== undefined : a.target !== undefined);
    const withTargets = own.filter(hasOwnTarget);
    for (const a of own.filter((x) => !hasOwnTarget(x))) {
      warnings.push({
        code: 'targets.unit_target_missing',
        severity: 'warning',
        message: `指标“${def.name}”：单位 ${a.orgUnitId} 未分解具体目标，按全市目标计`,
        details: { indicatorCode: def.code, orgUnitId: a.orgUnitId },
      });
    }
    if (withTargets.length === 0) return warnings;
    const units = own.map((a) => applyAssignment(def, a));
    if (def.type === 'count_range') {
      const lowers = sum(units.map((u) => parseDecimal(u.type === 'count_range' ? u.lower : '0')));
      const uppers = sum(units.map((u) => parseDecimal(u.type === 'count_range' ? u.upper : '0')));
      warnings.push(...compareSum(def, '确保目标', 'lower', lowers, parseDecimal(def.lower), own.length));
      warnings.push(...compareSum(def, '力争目标', 'upper', uppers, parseDecimal(def.upper), own.length));
    } else {
      const targets = sum(units.map((u) => parseDecimal(u.type === 'count_target' ? u.target : '0')));
      warnings.push(...compareSum(def, '目标', 'target', targets, parseDecimal(def.target), own.length));
    }
    return warnings;
  }
  if (def.type === 'rate_threshold' || def.type === 'base_slope') {
    const city = parseDecimal(def.type === 'rate_threshold' ? def.threshold : def.target);
    warnings.push({
      code: 'targets.not_additive',
      severity: 'info',
      message: `指标“${def.name}”为比率类指标，各单位目标不能相加，不检查合计`,
      details: { indicatorCode: def.code },
    });
    for (const a of own) {
      if (a.target === undefined) continue;
      const unit = parseDecimal(a.target);
      const weaker = def.direction === 'higher_is_better' ? compare(unit, city) < 0 : compare(unit, city) > 0;
      if (!weaker) continue;
      warnings.push({
        code: 'targets.unit_rate_below_city',
        severity: 'warning',
        message: `指标“${def.name}”：单位 ${a.orgUnitId} 的目标${t(unit)}${def.unitOfMeasure}不如全市目标${t(city)}${def.unitOfMeasure}`,
        details: { indicatorCode: def.code, orgUnitId: a.orgUnitId, unitTarget: t(unit), cityTarget: t(city) },
      });
    }
  }
  return warnings;
}

/** Σ of one unit's weights (overrides first) over the weighted indicators assigned to it. */
export function checkUnitWeights(
  orgUnitId: string,
  defs: readonly IndicatorDefinition[],
  assignments: readonly Assignment[],
  expectedTotal = '100',
): PlanWarning[] {
  const byCode = new Map(defs.map((d) => [d.code, d]));
  const weights = assignments
    .filter((a) => a.orgUnitId === orgUnitId)
    .flatMap((a) => {
      const def = byCode.get(a.indicatorCode);
      return def && isWeightedIndicator(def) ? [parseDecimal(a.weight ?? def.weight)] : [];
    });
  const total = sum(weights);
  const expected = parseDecimal(expectedTotal);
  if (compare(total, expected) === 0) return [];
  return [
    {
      code: 'targets.unit_weights_not_total',
      severity: 'warning',
      message: `单位 ${orgUnitId} 的指标权重合计${t(total)}分，应为${t(expected)}分`,
      details: { orgUnitId, total: t(total), expected: t(expected), indicators: weights.length },
    },
  ];
}

/** All decomposition checks of a plan: unknown or duplicate assignments, per-indicator sums, per-unit weights. */
export function checkPlan(plan: Pick<Plan, 'indicators' | 'assignments'>, expectedWeightTotal = '100'): PlanWarning[] {
  const codes = new Set(plan.indicators.map((d) => d.code));
  const warnings: PlanWarning[] = [];
  const seen = new Set<string>();
  for (const a of plan.assignments) {
    const key = `${a.indicatorCode}\u0000${a.orgUnitId}`;
    if (!codes.has(a.indicatorCode)) {
      warnings.push({ code: 'targets.assignment_unknown_indicator', severity: 'warning', message: `分解记录引用了不存在的指标 ${a.indicatorCode}`, details: { indicatorCode: a.indicatorCode, orgUnitId: a.orgUnitId } });
    } else if (seen.has(key)) {
      warnings.push({ code: 'targets.assignment_duplicate', severity: 'warning', message: `指标 ${a.indicatorCode} 对单位 ${a.orgUnitId} 重复分解`, details: { indicatorCode: a.indicatorCode, orgUnitId: a.orgUnitId } });
    }
    seen.add(key);
  }
  for (const def of plan.indicators) warnings.push(...checkDecomposition(def, plan.assignments));
  const units = [...new Set(plan.assignments.map((a) => a.orgUnitId))];
  for (const unit of units) warnings.push(...checkUnitWeights(unit, plan.indicators, plan.assignments, expectedWeightTotal));
  return warnings;
}
