import { describe, expect, it } from 'vitest';
import type { BonusIndicator, ChecklistIndicator, DeductionIndicator, RankIndicator, TaskIndicator, VetoIndicator } from './indicator-schema';
import { scoreIndicator } from './scoring-rules';
import { commonFields } from './test-fixtures';

describe('scoreIndicator: yes/no task', () => {
  const plan: TaskIndicator = { ...commonFields, type: 'task', code: 'T25', weight: '1', partialPercent: '50' };
  it.each([
    [plan, 'done', '1.00'], // §11.2
    [plan, 'partial', '0.50'], // §11.2
    [plan, 'not_done', '0.00'], // §11.2
    [{ ...plan, weight: '3', partialPercent: '40' }, 'partial', '1.20'],
  ] as const)('%#: %s scores %s', (def, status, expected) => {
    expect(scoreIndicator(def, { type: 'task', status }).score).toBe(expected);
  });
});

describe('scoreIndicator: checklist', () => {
  // Nantong: 1 point, −0.1 per missing policy area, six areas
  const policies: ChecklistIndicator = {
    ...commonFields,
    type: 'checklist',
    code: 'N01',
    weight: '1',
    items: ['industry', 'environment', 'technology', 'finance', 'tax', 'talent'].map((code) => ({ code, name: code })),
    scoring: { mode: 'deduct_missing', pointsPerMissing: '0.1' },
  };
  const withPoints: ChecklistIndicator = {
    ...policies,
    weight: '4',
    items: [
      { code: 'a', name: '甲', points: '2' },
      { code: 'b', name: '乙', points: '1' },
      { code: 'c', name: '丙', points: '1' },
    ],
    scoring: { mode: 'sum_done' },
  };
  it.each([
    [policies, ['industry', 'environment', 'technology', 'finance'], '0.80'], // 2 missing
    [policies, [], '0.40'], // 1 − 0.6
    [policies, ['industry', 'environment', 'technology', 'finance', 'tax', 'talent'], '1.00'],
    [policies, ['tax', 'tax'], '0.50'], // duplicates count once: 5 missing
    [{ ...policies, weight: '4', scoring: { mode: 'deduct_missing' as const, pointsPerMissing: '1.5' } }, ['tax', 'talent', 'finance'], '0.00'], // 4 − 4.5 → 0
    [withPoints, ['a', 'c'], '3.00'],
  ])('%#: done %j scores %s', (def, done, expected) => {
    expect(scoreIndicator(def, { type: 'checklist', doneItemCodes: done }).score).toBe(expected);
  });

  it('rejects an unknown item code', () => {
    expect(() => scoreIndicator(policies, { type: 'checklist', doneItemCodes: ['x'] })).toThrow(
      expect.objectContaining({ code: 'targets.unknown_checklist_item' }),
    );
  });
});

describe('scoreIndicator: rank among peers', () => {
  // §11.2: W = 10, five towns → 10.0, 9.5, 9.0, 8.5, 8.0 (src 97: −5 % per rank)
  const linear: RankIndicator = {
    ...commonFields,
    type: 'rank',
    code: 'T27',
    weight: '10',
    direction: 'higher_is_better',
    scoring: { mode: 'linear', stepPercent: '5', floorPercent: '0' },
  };
  it.each([
    [1, '10.00'],
    [2, '9.50'],
    [3, '9.00'],
    [4, '8.50'],
    [5, '8.00'],
  ])('linear: rank %i of 5 scores %s', (rank, expected) => {
    expect(scoreIndicator(linear, { type: 'rank', rank }, { peerCount: 5 }).score).toBe(expected);
  });

  it.each([
    [linear, 25, '0.00'], // 100 − 120 % floored at 0 %
    [{ ...linear, scoring: { mode: 'linear' as const, stepPercent: '5', floorPercent: '50' } }, 15, '5.00'], // 30 % < floor 50 %
    [{ ...linear, weight: '5', scoring: { mode: 'table' as const, points: ['5', '4', '3'], otherPoints: '1' } }, 2, '4.00'],
    [{ ...linear, weight: '5', scoring: { mode: 'table' as const, points: ['5', '4', '3'], otherPoints: '1' } }, 4, '1.00'],
  ])('%#: rank %i scores %s', (def, rank, expected) => {
    expect(scoreIndicator(def, { type: 'rank', rank }).score).toBe(expected);
  });

  it('rejects a rank beyond the number of peers', () => {
    expect(() => scoreIndicator(linear, { type: 'rank', rank: 6 }, { peerCount: 5 })).toThrow(expect.objectContaining({ code: 'targets.rank_out_of_range' }));
  });
});

describe('scoreIndicator: deduction and bonus items', () => {
  const overdue: DeductionIndicator = { ...commonFields, type: 'deduction', code: 'D01', pointsPerOccurrence: '0.5', cap: '3' };
  it.each([
    [0, '0.00'],
    [4, '2.00'],
    [6, '3.00'], // exactly the cap
    [10, '3.00'], // 5 → capped at 3
  ])('deduction 0.5 per occurrence capped at 3: %i occurrences deduct %s', (count, expected) => {
    const result = scoreIndicator(overdue, { type: 'occurrences', count });
    expect(result.score).toBe(expected);
    expect(result.effect).toBe('deduction');
  });

  const honours: BonusIndicator = {
    ...commonFields,
    type: 'bonus',
    code: 'B01',
    pointsPerOccurrence: '0.5',
    cap: '3',
    levels: [
      { code: 'national', name: '国家级', points: '2' },
      { code: 'provincial', name: '省级', points: '1' },
      { code: 'city', name: '市级', points: '0.5' },
    ],
  };
  it.each([
    [{ national: 1, city: 1 }, '2.50'],
    [{ provincial: 2 }, '2.00'],
    [{ national: 2 }, '3.00'], // 4 → cap 3
    [{}, '0.00'],
  ])('bonus by level %j adds %s', (byLevel, expected) => {
    expect(scoreIndicator(honours, { type: 'occurrences', byLevel }).score).toBe(expected);
  });

  it('rejects an unknown level', () => {
    expect(() => scoreIndicator(honours, { type: 'occurrences', byLevel: { world: 1 } })).toThrow(expect.objectContaining({ code: 'targets.unknown_level' }));
  });

  it('counts a missing report as no occurrence', () => {
    expect(scoreIndicator(overdue, null)).toMatchObject({ score: '0.00', status: 'missing', effect: 'deduction' });
  });
});

describe('scoreIndicator: veto', () => {
  const accident: VetoIndicator = { ...commonFields, type: 'veto', code: 'V01', condition: '发生区域性质量安全事件' };
  it.each([
    [true, true],
    [false, false],
  ])('triggered = %s gives vetoTriggered = %s and no points', (triggered, expected) => {
    const result = scoreIndicator(accident, { type: 'veto', triggered });
    expect(result).toMatchObject({ vetoTriggered: expected, effect: 'veto', score: '0.00', maxScore: '0.00' });
  });
});
