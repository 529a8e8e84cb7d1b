/**
 * Rules about one assessed item (an indicator assigned to a unit) that the services and the web
 * app share: which values an item accepts, how a live metric value becomes an actual, which value
 * counts when several exist, how a plan may be edited in each status, and the assessment stages.
 * Pure and isomorphic.
 */
import { invalid } from '../../shared/errors';
import type { OrgUnitKind } from '../../shared/roles';
import { DECIMAL_PATTERN, formatTrimmed, parseDecimal, trimDecimal } from './decimal';
import { applyAssignment } from './decomposition-rules';
import type { IndicatorActual, IndicatorDefinition, IndicatorType } from './indicator-schema';
import type { PeerGroup, PlanStatus } from './plan-schema';

export const indicatorTypeLabels: Record<IndicatorType, { zh: string; en: string }> = {
  count_range: { zh: '数量区间（确保–力争）', en: 'Count with a range' },
  count_target: { zh: '数量目标', en: 'Count with a target' },
  rate_threshold: { zh: '比率门槛', en: 'Rate with a threshold' },
  base_slope: { zh: '基数加斜率', en: 'Base and slope' },
  task: { zh: '定性任务', en: 'Yes/no task' },
  checklist: { zh: '清单任务', en: 'Checklist' },
  rank: { zh: '争先进位（排名）', en: 'Rank among peers' },
  deduction: { zh: '扣分项', en: 'Deduction item' },
  bonus: { zh: '加分项', en: 'Bonus item' },
  veto: { zh: '一票否决', en: 'Veto' },
};

export const peerGroupLabels: Record<PeerGroup, { zh: string; en: string }> = {
  departments: { zh: '市级部门', en: 'Departments' },
  townships: { zh: '镇（街道）', en: 'Townships and streets' },
  parks: { zh: '园区', en: 'Parks' },
};

/** Types whose value can come from a live metric (a number, a count of occurrences, or a veto count). */
export function supportsMetricBinding(type: IndicatorType): boolean {
  return type !== 'task' && type !== 'checklist';
}

/** Shapes of actual value an item accepts; rank items also take the number the peers are ranked by. */
export function acceptedActualTypes(def: IndicatorDefinition): IndicatorActual['type'][] {
  switch (def.type) {
    case 'count_range':
    case 'count_target':
    case 'rate_threshold':
    case 'base_slope':
      return ['number'];
    case 'task':
      return ['task'];
    case 'checklist':
      return ['checklist'];
    case 'rank':
      return ['number', 'rank'];
    case 'deduction':
    case 'bonus':
      return ['occurrences'];
    case 'veto':
      return ['veto'];
  }
}

/** Throws `targets.actual_type_mismatch` (400) when the value does not fit the indicator. */
export function assertActualFits(def: IndicatorDefinition, actual: IndicatorActual): void {
  const accepted = acceptedActualTypes(def);
  if (!accepted.includes(actual.type)) {
    throw invalid('targets.actual_type_mismatch', `指标 ${def.code} 需要 ${accepted.join(' 或 ')} 类型的数值，收到 ${actual.type}`, { code: def.code, accepted, received: actual.type });
  }
  if (actual.type === 'number' && def.type !== 'base_slope' && actual.value.startsWith('-')) {
    throw invalid('targets.negative_actual', `指标 ${def.code} 的实际值不能为负数`, { code: def.code });
  }
  if (actual.type === 'checklist' && def.type === 'checklist') {
    const known = new Set(def.items.map((item) => item.code));
    const unknown = actual.doneItemCodes.filter((code) => !known.has(code));
    if (unknown.length > 0) throw invalid('targets.unknown_checklist_item', `未知的清单项：${unknown.join('、')}`, { unknown });
  }
  if (actual.type === 'occurrences' && (def.type === 'bonus' || def.type === 'deduction')) {
    if (def.levels && actual.count !== undefined) throw invalid('targets.levels_required', `指标 ${def.code} 按级别计，请按级别填写数量`);
    const known = new Set((def.levels ?? []).map((level) => level.code));
    const unknown = Object.keys(actual.byLevel ?? {}).filter((code) => !known.has(code));
    if (unknown.length > 0) throw invalid('targets.unknown_level', `未知的级别：${unknown.join('、')}`, { unknown });
  }
}

/** Metric values may carry more decimals than scoring accepts: keep 4, half-up. Null stays null. */
export function normaliseMetricDecimal(value: string | null): string | null {
  if (value === null) return null;
  if (DECIMAL_PATTERN.test(value)) return trimDecimal(value);
  const n = Number(value);
  if (!Number.isFinite(n) || Math.abs(n) >= 1e12) return null;
  const fixed = n.toFixed(4);
  return DECIMAL_PATTERN.test(fixed) ? trimDecimal(fixed) : null;
}

/**
 * The actual of a metric-bound item: numbers for count/rate/rank types, the (rounded) count of
 * occurrences for bonus/deduction items, and "triggered when > 0" for a veto. Null without a value.
 */
export function metricValueToActual(def: IndicatorDefinition, value: string | null): IndicatorActual | null {
  const text = normaliseMetricDecimal(value);
  if (text === null) return null;
  switch (def.type) {
    case 'bonus':
    case 'deduction': {
      const count = Math.max(0, Math.round(Number(text)));
      return { type: 'occurrences', count };
    }
    case 'veto':
      return { type: 'veto', triggered: parseDecimal(text).num > 0n };
    case 'task':
    case 'checklist':
      return null;
    default:
      return { type: 'number', value: text };
  }
}

/** The number behind an actual (for pace and charts), or null. */
export function actualNumber(actual: IndicatorActual | null): string | null {
  if (!actual) return null;
  if (actual.type === 'number') return actual.value;
  if (actual.type === 'occurrences') return String(actual.count ?? Object.values(actual.byLevel ?? {}).reduce((a, b) => a + b, 0));
  return null;
}

const taskText = { done: '已完成', partial: '部分完成', not_done: '未完成' } as const;

/** A short Chinese text of a value, for tables and the score sheet. */
export function describeActual(def: IndicatorDefinition, actual: IndicatorActual | null): string {
  if (!actual) return '—';
  switch (actual.type) {
    case 'number':
      return `${formatTrimmed(parseDecimal(actual.value))}${def.unitOfMeasure}`;
    case 'task':
      return taskText[actual.status];
    case 'checklist':
      return def.type === 'checklist' ? `完成${actual.doneItemCodes.length}/${def.items.length}项` : `完成${actual.doneItemCodes.length}项`;
    case 'rank':
      return `第${actual.rank}名`;
    case 'occurrences': {
      if (actual.byLevel && (def.type === 'bonus' || def.type === 'deduction') && def.levels) {
        const parts = def.levels.filter((l) => (actual.byLevel?.[l.code] ?? 0) > 0).map((l) => `${l.name}${actual.byLevel?.[l.code]}`);
        return parts.length > 0 ? parts.join('，') : '0项';
      }
      return `${actual.count ?? 0}${def.unitOfMeasure}`;
    }
    case 'veto':
      return actual.triggered ? '已触发' : '未触发';
  }
}

/**
 * Items the unit must report every period (anti-burden §4.5: metric-bound items never are; bonus,
 * deduction and veto items are reported when they occur and at year-end).
 */
export function expectsPeriodicReport(def: IndicatorDefinition): boolean {
  if (def.dataSource.kind !== 'reported') return false;
  return !['bonus', 'deduction', 'veto'].includes(def.type);
}

/**
 * Departments and the office answer for the whole city, so a metric-bound item of theirs is computed
 * over the city; territorial units (townships, streets, parks) over their own territory.
 */
export function metricScopeFor(kind: OrgUnitKind): 'own' | 'city' {
  return kind === 'township' || kind === 'street' || kind === 'park' || kind === 'village' || kind === 'city' ? 'own' : 'city';
}

export type EditMode = 'free' | 'logged' | 'locked';

/** Draft: edited freely; published: every change needs a reason and goes into the change log; closed: read-only. */
export function planEditMode(status: PlanStatus): EditMode {
  return status === 'draft' ? 'free' : status === 'published' ? 'logged' : 'locked';
}

export const valueSources = ['review', 'self_evaluation', 'metric', 'progress_report'] as const;
export type ValueSource = (typeof valueSources)[number];

export type ValueCandidates = {
  /** Value set by the lead department's latest "adjust" review. */
  reviewAdjusted: IndicatorActual | null;
  /** Self-evaluation value when the self-evaluation is submitted or accepted. */
  selfEvaluation: IndicatorActual | null;
  /** Metric value (metric-bound items only). */
  metric: IndicatorActual | null;
  /** Latest submitted or accepted progress report. */
  progressReport: IndicatorActual | null;
};

/**
 * Which value counts [D]: a reviewer's adjustment wins; a metric-bound item then takes the platform's
 * value (the unit cannot type over data the platform knows); a reported item its self-evaluation,
 * then its latest progress report. Null when none exists (scored as "not reported").
 */
export function chooseActual(isMetricBound: boolean, candidates: ValueCandidates): { actual: IndicatorActual | null; source: ValueSource | null } {
  if (candidates.reviewAdjusted) return { actual: candidates.reviewAdjusted, source: 'review' };
  const order: ValueSource[] = isMetricBound ? ['metric'] : ['self_evaluation', 'progress_report'];
  for (const source of order) {
    const actual = source === 'metric' ? candidates.metric : source === 'self_evaluation' ? candidates.selfEvaluation : candidates.progressReport;
    if (actual) return { actual, source };
  }
  return { actual: null, source: null };
}

export const assessmentStages = ['in_progress', 'scored', 'publicity', 'final'] as const;
export type AssessmentStage = (typeof assessmentStages)[number];

export const assessmentStageLabels: Record<AssessmentStage, string> = {
  in_progress: '年度推进中',
  scored: '已计分',
  publicity: '公示中',
  final: '已发布',
};

/** Scores may be (re)computed on a published plan until the final publication. */
export function canComputeScores(status: PlanStatus, stage: AssessmentStage): boolean {
  return status === 'published' && stage !== 'final';
}

/** Ranking is visible to every unit once it has been put up for publicity. */
export function isRankingPublic(stage: AssessmentStage): boolean {
  return stage === 'publicity' || stage === 'final';
}

/** Splits an integer total over units by shares (largest remainder); used to decompose city targets. */
export function splitInteger(total: number, shares: readonly number[]): number[] {
  const sumShares = shares.reduce((a, b) => a + b, 0);
  if (!Number.isInteger(total) || total < 0 || sumShares <= 0) throw invalid('targets.invalid_split', '无法按份额分解目标');
  const exact = shares.map((s) => (total * s) / sumShares);
  const result = exact.map(Math.floor);
  let left = total - result.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    result[i] = (result[i] ?? 0) + 1;
    left -= 1;
  }
  return result;
}

export type ItemOverrides = { weight: string | null; lower: string | null; upper: string | null; target: string | null; leadOrgUnitId: string | null };

/** The indicator as it applies to one unit: decomposed targets, the unit's weight and lead department. */
export function effectiveDefinition(def: IndicatorDefinition, orgUnitId: string, overrides: ItemOverrides): IndicatorDefinition {
  const applied = applyAssignment(def, {
    indicatorCode: def.code,
    orgUnitId,
    ...(overrides.weight !== null ? { weight: overrides.weight } : {}),
    ...(overrides.lower !== null ? { lower: overrides.lower } : {}),
    ...(overrides.upper !== null ? { upper: overrides.upper } : {}),
    ...(overrides.target !== null ? { target: overrides.target } : {}),
  });
  return overrides.leadOrgUnitId ? { ...applied, leadOrgUnitId: overrides.leadOrgUnitId } : applied;
}

export type TargetFigures = { weight: string | null; lower: string | null; upper: string | null; target: string | null; threshold: string | null };

/** The figures a table shows for an indicator (trailing zeros removed). */
export function targetFigures(def: IndicatorDefinition): TargetFigures {
  const t = (v: string | undefined) => (v === undefined ? null : trimDecimal(v));
  return {
    weight: 'weight' in def ? t(def.weight) : null,
    lower: def.type === 'count_range' ? t(def.lower) : null,
    upper: def.type === 'count_range' ? t(def.upper) : null,
    target: def.type === 'count_target' || def.type === 'base_slope' ? t(def.target) : null,
    threshold: def.type === 'rate_threshold' ? t(def.threshold) : null,
  };
}
