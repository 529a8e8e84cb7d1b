import { describe, expect, it } from 'vitest';
import { formatFixed, parseDecimal } from './decimal';
import type { CountRangeIndicator, RateThresholdIndicator, TaskIndicator } from './indicator-schema';
import { classifyIndicatorPace, expectedProgress, paceStatus } from './pace-rules';
import { commonFields } from './test-fixtures';

const year = ['2025-01-01', '2025-12-31'] as const;
const curve = ['5', '10', '20', '30', '40', '50', '60', '70', '80', '88', '95', '100'];

describe('expectedProgress', () => {
  it.each([
    // months basis (§4.3: T · monthsElapsed/12); a month counts once its last day is reached
    ['30', year[0], year[1], '2025-03-31', { basis: 'months' as const }, '7.50'], // 30 × 3/12
    ['30', year[0], year[1], '2025-03-30', { basis: 'months' as const }, '5.00'], // 30 × 2/12
    ['30', year[0], year[1], '2024-12-31', { basis: 'months' as const }, '0.00'], // before the period
    ['30', year[0], year[1], '2026-01-15', { basis: 'months' as const }, '30.00'], // after the period
    ['40', year[0], year[1], '2025-06-30', {}, '20.00'], // default basis = months
    // days basis, inclusive: 1 Jan – 2 Jul 2025 = 31+28+31+30+31+30+2 = 183 of 365 days; 73 × 183/365 = 36.6
    ['73', year[0], year[1], '2025-07-02', { basis: 'days' as const }, '36.60'],
    // leap year: 1 Jan – 29 Feb 2024 = 60 of 366 days
    ['366', '2024-01-01', '2024-12-31', '2024-02-29', { basis: 'days' as const }, '60.00'],
    ['366', '2024-01-01', '2024-12-31', '2023-12-31', { basis: 'days' as const }, '0.00'],
    // configured curve: cumulative 30 % by the end of April, 20 % by the end of March
    ['40', year[0], year[1], '2025-04-30', { curve }, '12.00'],
    ['40', year[0], year[1], '2025-04-29', { curve }, '8.00'],
    ['40', year[0], year[1], '2025-01-30', { curve }, '0.00'],
  ])('T = %s, %s…%s as of %s %j → %s', (target, start, end, asOf, options, expected) => {
    expect(expectedProgress(target, start, end, asOf, options).expectedText).toBe(expected);
  });

  it('keeps the exact share: 1 of 3 days is one third, not 0.33', () => {
    const result = expectedProgress('3', '2025-01-01', '2025-01-03', '2025-01-01', { basis: 'days' });
    expect(result.expected).toEqual(parseDecimal('1'));
    expect(result.sharePercentText).toBe('33.33');
  });

  it('rejects a curve whose length is not the number of months', () => {
    expect(() => expectedProgress('10', '2025-01-01', '2025-06-30', '2025-03-31', { curve })).toThrow(
      expect.objectContaining({ code: 'targets.curve_length_mismatch' }),
    );
  });

  it('rejects a period that ends before it starts, and invalid dates', () => {
    expect(() => expectedProgress('10', '2025-12-31', '2025-01-01', '2025-03-31')).toThrow(expect.objectContaining({ code: 'targets.invalid_period' }));
    expect(() => expectedProgress('10', '2025-02-30', '2025-12-31', '2025-03-31')).toThrow(expect.objectContaining({ code: 'targets.invalid_date' }));
  });
});

describe('paceStatus', () => {
  it.each([
    // higher is better, defaults green ≥ 100 %, yellow ≥ 80 % of expected 10
    ['10', '10', {}, 'green'],
    ['12', '10', {}, 'green'],
    ['9.99', '10', {}, 'yellow'],
    ['8', '10', {}, 'yellow'], // exactly 80 %
    ['7.99', '10', {}, 'red'],
    ['0', '0', {}, 'green'], // nothing expected yet
    ['9', '10', { greenAtPercent: '90', yellowAtPercent: '70' }, 'green'],
    ['6.99', '10', { greenAtPercent: '90', yellowAtPercent: '70' }, 'red'],
    // lower is better (expected 2): judged by expected/actual
    ['2', '2', { direction: 'lower_is_better' as const }, 'green'],
    ['1', '2', { direction: 'lower_is_better' as const }, 'green'],
    ['2.5', '2', { direction: 'lower_is_better' as const }, 'yellow'], // 2/2.5 = exactly 80 %
    ['2.51', '2', { direction: 'lower_is_better' as const }, 'red'],
    ['0', '2', { direction: 'lower_is_better' as const }, 'green'],
    ['1', '0', { direction: 'lower_is_better' as const }, 'red'],
  ])('actual %s vs expected %s %j → %s', (actual, expected, options, status) => {
    expect(paceStatus(actual, expected, options)).toBe(status);
  });

  it('compares against the exact expectation, not its rounded text', () => {
    // expected = 10 × 1/3 = 3.333…; 80 % of it is 2.666…; actual 2.67 is yellow, 2.66 red
    const { expected } = expectedProgress('10', '2025-01-01', '2025-01-03', '2025-01-01', { basis: 'days' });
    expect(formatFixed(expected)).toBe('3.33');
    expect(paceStatus('2.67', expected)).toBe('yellow');
    expect(paceStatus('2.66', expected)).toBe('red');
  });
});

describe('classifyIndicatorPace', () => {
  const count: CountRangeIndicator = { ...commonFields, type: 'count_range', code: 'T01', weight: '5', lower: '20', upper: '30', shortfall: { mode: 'proportional' } };
  const rate: RateThresholdIndicator = { ...commonFields, type: 'rate_threshold', code: 'T12', weight: '5', threshold: '99', direction: 'higher_is_better', shortfall: { mode: 'proportional' } };
  const task: TaskIndicator = { ...commonFields, type: 'task', code: 'T25', weight: '2', partialPercent: '50' };
  const period = { start: year[0], end: year[1], asOf: '2025-06-30' };

  it.each([
    [count, '10', 'green'], // expected = L × 6/12 = 10
    [count, '9', 'yellow'], // 90 %
    [count, '7', 'red'], // 70 %
    [rate, '99.5', 'green'], // rates are levels: expected = 99 at any time
    [rate, '98', 'yellow'],
    [task, '1', null], // no pace for tasks
  ] as const)('%#: actual %s → %s', (def, actual, expected) => {
    expect(classifyIndicatorPace(def, actual, period)).toBe(expected);
  });
});
