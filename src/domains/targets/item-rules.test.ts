import { describe, expect, it } from 'vitest';
import type { IndicatorActual, IndicatorDefinition } from './indicator-schema';
import {
  acceptedActualTypes,
  assertActualFits,
  chooseActual,
  describeActual,
  effectiveDefinition,
  expectsPeriodicReport,
  metricScopeFor,
  metricValueToActual,
  normaliseMetricDecimal,
  planEditMode,
  splitInteger,
  targetFigures,
} from './item-rules';
import { commonFields } from './test-fixtures';

const count: IndicatorDefinition = { ...commonFields, type: 'count_range', code: 'T01', weight: '5', lower: '20', upper: '30', shortfall: { mode: 'proportional' } };
const rate: IndicatorDefinition = { ...commonFields, type: 'rate_threshold', code: 'T21', unitOfMeasure: '%', weight: '5', threshold: '99', direction: 'higher_is_better', shortfall: { mode: 'slope', pointsPerPp: '0.5' } };
const deduction: IndicatorDefinition = { ...commonFields, type: 'deduction', code: 'D01', unitOfMeasure: '项', pointsPerOccurrence: '1', cap: '5' };
const bonusLevels: IndicatorDefinition = { ...commonFields, type: 'bonus', code: 'B01', unitOfMeasure: '项', pointsPerOccurrence: '0.5', cap: '3', levels: [{ code: 'national', name: '国家级', points: '2' }] };
const veto: IndicatorDefinition = { ...commonFields, type: 'veto', code: 'V01', unitOfMeasure: '起', condition: '发生重大事故' };
const checklist: IndicatorDefinition = { ...commonFields, type: 'checklist', code: 'T26', unitOfMeasure: '项', weight: '4', items: [{ code: 'a', name: '质量月' }, { code: 'b', name: '世界标准日' }], scoring: { mode: 'deduct_missing', pointsPerMissing: '1' } };
const rank: IndicatorDefinition = { ...commonFields, type: 'rank', code: 'T27', unitOfMeasure: '名', weight: '3', direction: 'higher_is_better', scoring: { mode: 'linear', stepPercent: '5', floorPercent: '0' } };

const num = (value: string): IndicatorActual => ({ type: 'number', value });

describe('chooseActual', () => {
  const candidates: Parameters<typeof chooseActual>[1] = { reviewAdjusted: num('9'), selfEvaluation: num('8'), metric: num('7'), progressReport: num('6') };

  it.each<[string, boolean, Partial<typeof candidates>, string | null, string | null]>([
    ['a review adjustment wins over everything', false, {}, '9', 'review'],
    ['a review adjustment wins over a metric too', true, {}, '9', 'review'],
    ['a metric-bound item takes the metric, not what the unit typed', true, { reviewAdjusted: null }, '7', 'metric'],
    ['a reported item takes the self-evaluation first', false, { reviewAdjusted: null }, '8', 'self_evaluation'],
    ['then the latest progress report', false, { reviewAdjusted: null, selfEvaluation: null }, '6', 'progress_report'],
    ['a metric-bound item without a metric value has none (reports do not stand in)', true, { reviewAdjusted: null, metric: null }, null, null],
    ['nothing at all', false, { reviewAdjusted: null, selfEvaluation: null, progressReport: null }, null, null],
  ])('%s', (_label, bound, override, value, source) => {
    const result = chooseActual(bound, { ...candidates, ...override });
    expect(result.actual ? (result.actual as { value: string }).value : null).toBe(value);
    expect(result.source).toBe(source);
  });
});

describe('metricValueToActual', () => {
  const cases: Array<[IndicatorDefinition, string | null, IndicatorActual | null]> = [
    [count, '23', num('23')],
    [rate, '98.456789', num('98.4568')],
    [rate, '99.50', num('99.5')],
    [deduction, '3', { type: 'occurrences', count: 3 }],
    [deduction, '2.6', { type: 'occurrences', count: 3 }],
    [veto, '0', { type: 'veto', triggered: false }],
    [veto, '1', { type: 'veto', triggered: true }],
    [rank, '12', num('12')],
    [count, null, null],
    [checklist, '2', null],
  ];
  it.each(cases.map(([def, value, expected]) => [`${def.type} ${def.code}: ${value} → ${JSON.stringify(expected)}`, def, value, expected] as const))('%s', (_label, def, value, expected) => {
    expect(metricValueToActual(def, value)).toEqual(expected);
  });

  it('drops values that cannot be exact decimals', () => {
    expect(normaliseMetricDecimal('NaN')).toBeNull();
    expect(normaliseMetricDecimal('1e15')).toBeNull();
    expect(normaliseMetricDecimal('1e3')).toBe('1000');
  });
});

describe('assertActualFits', () => {
  it('accepts a number or a rank for rank indicators and only the matching shape otherwise', () => {
    expect(acceptedActualTypes(rank)).toEqual(['number', 'rank']);
    expect(() => assertActualFits(rank, { type: 'rank', rank: 2 })).not.toThrow();
    expect(() => assertActualFits(count, { type: 'task', status: 'done' })).toThrow(expect.objectContaining({ code: 'targets.actual_type_mismatch' }));
  });

  it('refuses negative counts, unknown checklist items and counts without levels where levels apply', () => {
    expect(() => assertActualFits(count, num('-1'))).toThrow(expect.objectContaining({ code: 'targets.negative_actual' }));
    expect(() => assertActualFits(checklist, { type: 'checklist', doneItemCodes: ['a', 'zz'] })).toThrow(expect.objectContaining({ code: 'targets.unknown_checklist_item' }));
    expect(() => assertActualFits(bonusLevels, { type: 'occurrences', count: 2 })).toThrow(expect.objectContaining({ code: 'targets.levels_required' }));
    expect(() => assertActualFits(bonusLevels, { type: 'occurrences', byLevel: { city: 1 } })).toThrow(expect.objectContaining({ code: 'targets.unknown_level' }));
  });
});

describe('describeActual', () => {
  const cases: Array<[IndicatorDefinition, IndicatorActual | null, string]> = [
    [count, num('23.50'), '23.5家'],
    [rate, num('99'), '99%'],
    [checklist, { type: 'checklist', doneItemCodes: ['a'] }, '完成1/2项'],
    [bonusLevels, { type: 'occurrences', byLevel: { national: 2 } }, '国家级2'],
    [veto, { type: 'veto', triggered: true }, '已触发'],
    [count, null, '—'],
  ];
  it.each(cases.map(([def, actual, text]) => [`${def.code} shows ${text}`, def, actual, text] as const))('%s', (_label, def, actual, text) => {
    expect(describeActual(def, actual)).toBe(text);
  });
});

describe('item configuration', () => {
  it('applies a unit override of targets, weight and lead department', () => {
    const def = effectiveDefinition(count, 'town', { weight: '12.5', lower: '3', upper: '4', target: null, leadOrgUnitId: 'dept-x' });
    expect(targetFigures(def)).toEqual({ weight: '12.5', lower: '3', upper: '4', target: null, threshold: null });
    expect(def.leadOrgUnitId).toBe('dept-x');
    expect(targetFigures(effectiveDefinition(rate, 'town', { weight: null, lower: null, upper: null, target: '98', leadOrgUnitId: null })).threshold).toBe('98');
  });

  it('expects periodic reports only for reported items that are not bonus, deduction or veto', () => {
    expect(expectsPeriodicReport(count)).toBe(true);
    expect(expectsPeriodicReport({ ...count, dataSource: { kind: 'metric', metricKey: 'enterprises.count' } })).toBe(false);
    expect(expectsPeriodicReport(deduction)).toBe(false);
    expect(expectsPeriodicReport(veto)).toBe(false);
  });

  it('computes a department’s metric over the city and a township’s over its territory', () => {
    expect(metricScopeFor('department')).toBe('city');
    expect(metricScopeFor('office')).toBe('city');
    expect(metricScopeFor('township')).toBe('own');
    expect(metricScopeFor('park')).toBe('own');
  });

  it('edits drafts freely, logs changes of published plans and locks closed ones', () => {
    expect([planEditMode('draft'), planEditMode('published'), planEditMode('closed')]).toEqual(['free', 'logged', 'locked']);
  });
});

describe('splitInteger', () => {
  it.each<[number, number[], number[]]>([
    [20, [1, 1, 1, 1], [5, 5, 5, 5]],
    [10, [3, 2, 2], [4, 3, 3]],
    [1, [1, 1, 1], [1, 0, 0]],
    [0, [1, 2], [0, 0]],
    [40, [3, 2, 2, 3, 2, 2, 2, 2, 1, 1, 4, 2, 3], [4, 3, 3, 4, 3, 3, 3, 3, 1, 1, 5, 3, 4]],
  ])('splits %i by %j', (total, shares, expected) => {
    const parts = splitInteger(total, shares);
    expect(parts).toEqual(expected);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
  });
});
