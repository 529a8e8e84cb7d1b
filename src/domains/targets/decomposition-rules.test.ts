import { describe, expect, it } from 'vitest';
import { applyAssignment, checkDecomposition, checkPlan, checkUnitWeights, isAdditiveIndicator } from './decomposition-rules';
import type { BonusIndicator, CountRangeIndicator, CountTargetIndicator, RateThresholdIndicator } from './indicator-schema';
import type { Assignment } from './plan-schema';
import { commonFields } from './test-fixtures';

const highTech: CountRangeIndicator = { ...commonFields, type: 'count_range', code: 'T01', name: '新增高新技术企业', weight: '5', lower: '20', upper: '30', shortfall: { mode: 'proportional' } };
const officers: CountTargetIndicator = { ...commonFields, type: 'count_target', code: 'T10', name: '首席质量官', unitOfMeasure: '个', weight: '4', target: '40', shortfall: { mode: 'proportional' } };
const coverage: RateThresholdIndicator = { ...commonFields, type: 'rate_threshold', code: 'T12', name: '企业标准覆盖率', unitOfMeasure: '%', weight: '5', threshold: '99', direction: 'higher_is_better', shortfall: { mode: 'proportional' } };
const honours: BonusIndicator = { ...commonFields, type: 'bonus', code: 'B01', pointsPerOccurrence: '1', cap: '3' };
const a = (indicatorCode: string, orgUnitId: string, extra: Partial<Assignment> = {}): Assignment => ({ indicatorCode, orgUnitId, ...extra });
const codes = (warnings: { code: string }[]) => warnings.map((w) => w.code);

describe('checkDecomposition', () => {
  it.each<[string, Assignment[], string[]]>([
    ['8–12 + 7–10 + 5–8 adds up to 20–30', [a('T01', 'x', { lower: '8', upper: '12' }), a('T01', 'y', { lower: '7', upper: '10' }), a('T01', 'z', { lower: '5', upper: '8' })], []],
    ['floors add to 18 < 20', [a('T01', 'x', { lower: '8', upper: '12' }), a('T01', 'y', { lower: '7', upper: '10' }), a('T01', 'z', { lower: '3', upper: '8' })], ['targets.decomposition_below_city']],
    ['21–32 exceeds 20–30 on both bounds', [a('T01', 'x', { lower: '8', upper: '12' }), a('T01', 'y', { lower: '7', upper: '10' }), a('T01', 'z', { lower: '6', upper: '10' })],
      ['targets.decomposition_above_city', 'targets.decomposition_above_city']],
    // y keeps the city's 20–30: 8 + 20 = 28 and 12 + 30 = 42
    ['a unit without its own target', [a('T01', 'x', { lower: '8', upper: '12' }), a('T01', 'y')],
      ['targets.unit_target_missing', 'targets.decomposition_above_city', 'targets.decomposition_above_city']],
    ['no assignment at all', [], ['targets.indicator_unassigned']],
  ])('count range: %s', (_label, assignments, expected) => {
    expect(codes(checkDecomposition(highTech, assignments))).toEqual(expected);
  });

  it('says which sum is short, with the numbers', () => {
    const [warning] = checkDecomposition(highTech, [a('T01', 'x', { lower: '8', upper: '15' }), a('T01', 'y', { lower: '10', upper: '15' })]);
    expect(warning?.message).toBe('指标“新增高新技术企业”：2个单位的确保目标合计18家，低于全市确保目标20家');
    expect(warning?.details).toMatchObject({ field: 'lower', unitSum: '18', cityValue: '20' });
  });

  it.each<[Assignment[], string[]]>([
    [[a('T10', 'x', { target: '15' }), a('T10', 'y', { target: '15' }), a('T10', 'z', { target: '10' })], []],
    [[a('T10', 'x', { target: '15' }), a('T10', 'y', { target: '15' })], ['targets.decomposition_below_city']],
  ])('count target: %j → %j', (assignments, expected) => {
    expect(codes(checkDecomposition(officers, assignments))).toEqual(expected);
  });

  it('does not add up rates, and flags a unit target weaker than the city', () => {
    const warnings = checkDecomposition(coverage, [a('T12', 'x', { target: '98' }), a('T12', 'y', { target: '99.5' }), a('T12', 'z')]);
    expect(codes(warnings)).toEqual(['targets.not_additive', 'targets.unit_rate_below_city']);
    expect(warnings[0]?.severity).toBe('info');
    expect(warnings[1]?.details).toMatchObject({ orgUnitId: 'x', unitTarget: '98', cityTarget: '99' });
  });

  it('inverts "weaker" for lower-is-better rates', () => {
    const lower = { ...coverage, threshold: '2', direction: 'lower_is_better' as const };
    expect(codes(checkDecomposition(lower, [a('T12', 'x', { target: '3' }), a('T12', 'y', { target: '1.5' })]))).toEqual([
      'targets.not_additive',
      'targets.unit_rate_below_city',
    ]);
  });

  it.each([
    [highTech, true],
    [officers, true],
    [coverage, false],
    [honours, false],
  ])('isAdditiveIndicator(%#) = %s', (def, expected) => {
    expect(isAdditiveIndicator(def)).toBe(expected);
  });
});

describe('checkUnitWeights', () => {
  const defs = [highTech, officers, honours];
  it.each<[string, Assignment[], string | null]>([
    ['60 + 40 = 100', [a('T01', 'x', { weight: '60' }), a('T10', 'x', { weight: '40' }), a('B01', 'x')], null],
    ['60 + default 4 = 64', [a('T01', 'x', { weight: '60' }), a('T10', 'x')], '单位 x 的指标权重合计64分，应为100分'],
    ['other units are ignored', [a('T01', 'x', { weight: '100' }), a('T10', 'y', { weight: '3' })], null],
  ])('%s', (_label, assignments, message) => {
    const warnings = checkUnitWeights('x', defs, assignments);
    expect(warnings.map((w) => w.message)).toEqual(message === null ? [] : [message]);
  });

  it('uses the configured total', () => {
    expect(checkUnitWeights('x', defs, [a('T01', 'x', { weight: '30' }), a('T10', 'x', { weight: '20' })], '50')).toEqual([]);
  });
});

describe('checkPlan', () => {
  it('reports unknown and duplicate assignments besides sums and weights', () => {
    const warnings = checkPlan({
      indicators: [highTech],
      assignments: [a('T01', 'x', { weight: '100', lower: '20', upper: '30' }), a('T01', 'x', { weight: '100', lower: '0', upper: '0' }), a('T99', 'x')],
    });
    expect(codes(warnings)).toEqual(['targets.assignment_duplicate', 'targets.assignment_unknown_indicator', 'targets.unit_weights_not_total']);
  });
});

describe('applyAssignment', () => {
  it('replaces targets and weight for the unit', () => {
    expect(applyAssignment(highTech, a('T01', 'x', { lower: '5', upper: '8', weight: '10' }))).toMatchObject({ lower: '5', upper: '8', weight: '10' });
    expect(applyAssignment(coverage, a('T12', 'x', { target: '98' }))).toMatchObject({ threshold: '98' });
    expect(applyAssignment(officers, a('T10', 'x', { target: '12' }))).toMatchObject({ target: '12' });
  });

  it.each([
    [coverage, a('T12', 'x', { lower: '1' }), 'targets.assignment_override_mismatch'],
    [honours, a('B01', 'x', { weight: '2' }), 'targets.assignment_override_mismatch'],
    [highTech, a('T10', 'x'), 'targets.assignment_override_mismatch'],
    [highTech, a('T01', 'x', { lower: '9', upper: '8' }), 'targets.assignment_range_inverted'],
  ])('%#: rejects %j with %s', (def, assignment, code) => {
    expect(() => applyAssignment(def, assignment)).toThrow(expect.objectContaining({ code }));
  });
});
