import { describe, expect, it } from 'vitest';
import type {
  BaseSlopeIndicator,
  CountRangeIndicator,
  CountTargetIndicator,
  IndicatorActual,
  RateThresholdIndicator,
} from './indicator-schema';
import { scoreIndicator } from './scoring-rules';
import { commonFields } from './test-fixtures';

const num = (value: string): IndicatorActual => ({ type: 'number', value });

// domain.md §11.2: L = 20, U = 30, W = 5, proportional below L, bonus 0.2 per unit above U capped at 1.
const highTech: CountRangeIndicator = {
  ...commonFields,
  type: 'count_range',
  code: 'T01',
  name: '新增高新技术企业',
  weight: '5',
  lower: '20',
  upper: '30',
  shortfall: { mode: 'proportional' },
  bonus: { pointsPerUnit: '0.2', cap: '1' },
};

describe('scoreIndicator: count with a range', () => {
  it.each([
    ['18', '4.50'], // §11.2: 5 × 18/20
    ['25', '5.00'], // §11.2: between L and U
    ['32', '5.40'], // §11.2: 5.00 + 0.2 × 2
    ['20', '5.00'], // at L
    ['30', '5.00'], // at U: no bonus yet
    ['40', '6.00'], // 0.2 × 10 = 2 → bonus cap 1
    ['7', '1.75'], // 5 × 7/20
    ['0', '0.00'],
  ])('a = %s scores %s', (actual, expected) => {
    const result = scoreIndicator(highTech, num(actual));
    expect(result.score).toBe(expected);
    expect(result.maxScore).toBe('6.00');
    expect(result.effect).toBe('score');
  });

  it('rounds half-up once at the end: W = 5, L = 8, a = 1 → 0.625 → 0.63', () => {
    expect(scoreIndicator({ ...highTech, lower: '8', upper: '8', bonus: undefined }, num('1')).score).toBe('0.63');
  });

  it.each([
    ['1', '1.33'], // 4/3
    ['2', '2.67'], // 8/3
  ])('W = 4, L = 3: a = %s scores %s', (actual, expected) => {
    expect(scoreIndicator({ ...highTech, weight: '4', lower: '3', upper: '3', bonus: undefined }, num(actual)).score).toBe(expected);
  });

  // L = U = 10, W = 4, bonus 0.5 per unit capped at 1.5
  const equalBounds: CountRangeIndicator = { ...highTech, weight: '4', lower: '10', upper: '10', bonus: { pointsPerUnit: '0.5', cap: '1.5' } };
  it.each([
    ['10', '4.00'],
    ['11', '4.50'], // 4 + 0.5
    ['14', '5.50'], // 4 + min(2, 1.5)
    ['5', '2.00'], // 4 × 5/10
  ])('L = U: a = %s scores %s', (actual, expected) => {
    expect(scoreIndicator(equalBounds, num(actual)).score).toBe(expected);
  });

  it.each([
    ['0', '2.00'],
    ['3', '3.00'], // 2 + min(1 × 1, 1)
  ])('zero floor L = 0, U = 2: a = %s scores %s (no division by zero)', (actual, expected) => {
    const def: CountRangeIndicator = { ...highTech, weight: '2', lower: '0', upper: '2', bonus: { pointsPerUnit: '1', cap: '1' } };
    expect(scoreIndicator(def, num(actual)).score).toBe(expected);
  });

  it('explains the score with the numbers used', () => {
    expect(scoreIndicator(highTech, num('18')).explanation).toBe('实际完成18家，未达确保目标20家，按完成比例计分：5×18÷20=4.50分。');
    expect(scoreIndicator(highTech, num('32')).explanation).toContain('超过力争目标30家共2家，每家加0.2分，加分0.40分（加分上限1分），合计5.40分');
  });

  it('rejects a negative actual', () => {
    expect(() => scoreIndicator(highTech, num('-1'))).toThrow(expect.objectContaining({ code: 'targets.negative_actual' }));
  });

  it('scores 0 with status missing when nothing was reported', () => {
    expect(scoreIndicator(highTech, null)).toMatchObject({ score: '0.00', status: 'missing', maxScore: '6.00' });
  });

  it('rejects an actual of the wrong shape', () => {
    expect(() => scoreIndicator(highTech, { type: 'task', status: 'done' })).toThrow(expect.objectContaining({ code: 'targets.actual_type_mismatch' }));
  });
});

describe('scoreIndicator: count with a single target', () => {
  // T = 40, W = 6, −0.5 per unit short (per-unit mode, src 96 shape)
  const officers: CountTargetIndicator = {
    ...commonFields,
    type: 'count_target',
    code: 'T10',
    unitOfMeasure: '个',
    weight: '6',
    target: '40',
    shortfall: { mode: 'per_unit', pointsPerUnit: '0.5' },
  };
  it.each([
    ['40', '6.00'],
    ['45', '6.00'], // no bonus configured
    ['38', '5.00'], // 6 − 0.5 × 2
    ['20', '0.00'], // 6 − 10 floored at 0
  ])('a = %s scores %s', (actual, expected) => {
    expect(scoreIndicator(officers, num(actual)).score).toBe(expected);
  });

  it.each(['0', '5'])('a zero target gives full points (a = %s)', (actual) => {
    expect(scoreIndicator({ ...officers, weight: '3', target: '0' }, num(actual)).score).toBe('3.00');
  });
});

describe('scoreIndicator: rate with a threshold', () => {
  // §11.2: T = 98 %, W = 4, 0.5 points per percentage point below target
  const coverage: RateThresholdIndicator = {
    ...commonFields,
    type: 'rate_threshold',
    code: 'T12',
    unitOfMeasure: '%',
    weight: '4',
    threshold: '98',
    direction: 'higher_is_better',
    shortfall: { mode: 'slope', pointsPerPp: '0.5' },
  };
  it.each([
    ['96.5', '3.25'], // §11.2: 4 − 0.75
    ['99', '4.00'], // §11.2
    ['98', '4.00'], // at the threshold
    ['97.99', '4.00'], // 4 − 0.005 = 3.995 → half-up 4.00
    ['90', '0.00'], // 4 − 4
    ['80', '0.00'], // 4 − 9 floored at 0
  ])('higher is better, slope: a = %s scores %s', (actual, expected) => {
    expect(scoreIndicator(coverage, num(actual)).score).toBe(expected);
  });

  it.each([
    ['99', '90', '5', '4.55'], // 5 × 90/99 = 4.5454…
    ['99', '0', '5', '0.00'],
    ['0', '0', '5', '5.00'], // zero threshold is always met
  ])('higher is better, proportional: T = %s, a = %s, W = %s → %s', (threshold, actual, weight, expected) => {
    const def: RateThresholdIndicator = { ...coverage, threshold, weight, shortfall: { mode: 'proportional' } };
    expect(scoreIndicator(def, num(actual)).score).toBe(expected);
  });

  const unqualified: RateThresholdIndicator = { ...coverage, threshold: '2', direction: 'lower_is_better', shortfall: { mode: 'slope', pointsPerPp: '1' } };
  it.each([
    ['1.5', '4.00'],
    ['2', '4.00'],
    ['3.5', '2.50'], // 4 − 1 × 1.5
    ['9', '0.00'], // 4 − 7 floored
  ])('lower is better, slope (T = 2): a = %s scores %s', (actual, expected) => {
    expect(scoreIndicator(unqualified, num(actual)).score).toBe(expected);
  });

  it.each([
    ['2', '5', '1.60'], // 4 × 2/5
    ['0', '1', '0.00'], // T = 0 and a > 0
  ])('lower is better, proportional: T = %s, a = %s → %s', (threshold, actual, expected) => {
    expect(scoreIndicator({ ...unqualified, threshold, shortfall: { mode: 'proportional' } }, num(actual)).score).toBe(expected);
  });

  it('explains the slope', () => {
    expect(scoreIndicator(coverage, num('96.5')).explanation).toBe(
      '实际值96.5%，未达到目标（不低于98%），相差1.5个百分点，每差1个百分点扣0.5分：4−0.5×1.5=3.25分（最低0分）。',
    );
  });
});

describe('scoreIndicator: base and slope', () => {
  // W = 4, base 80 % (3.2), ±0.5 per pp, cap 120 % (4.8), floor 0
  const share: BaseSlopeIndicator = {
    ...commonFields,
    type: 'base_slope',
    code: 'T16',
    unitOfMeasure: '%',
    weight: '4',
    target: '12',
    direction: 'higher_is_better',
    basePercent: '80',
    pointsPerPp: '0.5',
    capPercent: '120',
  };
  it.each([
    [share, '12', '3.20'],
    [share, '14', '4.20'], // 3.2 + 0.5 × 2
    [share, '20', '4.80'], // 3.2 + 4 = 7.2 → cap 4.8
    [share, '10', '2.20'], // 3.2 − 1
    [share, '4', '0.00'], // 3.2 − 4 → floor 0
    [{ ...share, target: '5' }, '-1', '0.20'], // growth −1 % vs 5 %: 3.2 − 3
    [{ ...share, target: '5', direction: 'lower_is_better' as const }, '3', '4.20'], // 2 pp better: 3.2 + 1
  ])('%#: a = %s scores %s', (def, actual, expected) => {
    const result = scoreIndicator(def, num(actual));
    expect(result.score).toBe(expected);
    expect(result.maxScore).toBe('4.80');
  });
});
