import { describe, expect, it } from 'vitest';
import type { CountRangeIndicator, DeductionIndicator, TaskIndicator, VetoIndicator } from './indicator-schema';
import { defaultUnitCaps, type GradeConfig, type UnitCaps } from './plan-schema';
import { scoreIndicator } from './scoring-rules';
import { commonFields } from './test-fixtures';
import { assessUnit, gradeFor, groupScores, scoreUnit, type UnitScoreInput } from './total-rules';

const items = (...scores: string[]) => scores.map((score, i) => ({ code: `I${i}`, score }));
const noVeto = [{ code: 'V1', triggered: false }];

describe('scoreUnit', () => {
  const caps: UnitCaps = { bonusCap: '3', deductionCap: '5', vetoTotal: 'keep', floorTotalAtZero: true };
  it.each<[string, UnitScoreInput, UnitCaps, Record<string, string | boolean>]>([
    // raw 30.5 + 40 + 19.25 = 89.75; bonus 2 + 1.5 = 3.5 → cap 3; deduction 4 + 3 = 7 → cap 5; 89.75 + 3 − 5 = 87.75
    ['both caps bind', { items: items('30.5', '40', '19.25'), bonuses: items('2', '1.5'), deductions: items('4', '3'), vetoes: noVeto }, caps,
      { raw: '89.75', bonusSum: '3.50', bonusApplied: '3.00', deductionSum: '7.00', deductionApplied: '5.00', total: '87.75', vetoed: false }],
    // uncapped: 89.75 + 3.5 − 7 = 86.25
    ['no caps', { items: items('30.5', '40', '19.25'), bonuses: items('2', '1.5'), deductions: items('4', '3'), vetoes: [] }, { ...caps, bonusCap: null, deductionCap: null },
      { bonusApplied: '3.50', deductionApplied: '7.00', total: '86.25' }],
    // bonus below its cap is applied in full: 88 + 2 = 90
    ['bonus under the cap', { items: items('88'), bonuses: items('2'), deductions: [], vetoes: [] }, caps, { bonusApplied: '2.00', total: '90.00' }],
    // 2 − 5 = −3 → shown as 0
    ['floor at zero', { items: items('2'), bonuses: [], deductions: items('5'), vetoes: [] }, caps, { computedTotal: '0.00', total: '0.00' }],
    ['no floor', { items: items('2'), bonuses: [], deductions: items('5'), vetoes: [] }, { ...caps, floorTotalAtZero: false }, { total: '-3.00' }],
    // veto: the numeric total 95 is kept (default policy) but the unit is vetoed
    ['veto keeps the total', { items: items('95'), bonuses: [], deductions: [], vetoes: [{ code: 'V1', triggered: true }] }, caps,
      { computedTotal: '95.00', total: '95.00', vetoed: true }],
    ['veto zeroes the total', { items: items('95'), bonuses: [], deductions: [], vetoes: [{ code: 'V1', triggered: true }] }, { ...caps, vetoTotal: 'zero' },
      { computedTotal: '95.00', total: '0.00', vetoed: true }],
  ])('%s', (_label, input, unitCaps, expected) => {
    expect(scoreUnit(input, unitCaps)).toMatchObject(expected);
  });

  it('lists the vetoes that fired', () => {
    const result = scoreUnit({ items: [], bonuses: [], deductions: [], vetoes: [{ code: 'V1', triggered: false }, { code: 'V2', triggered: true }] });
    expect(result.vetoCodes).toEqual(['V2']);
  });

  it('rejects a negative bonus', () => {
    expect(() => scoreUnit({ items: [], bonuses: items('-1'), deductions: [], vetoes: [] })).toThrow(expect.objectContaining({ code: 'targets.negative_item_score' }));
  });

  it('uses the default caps [D] 5 / 10 when none are given', () => {
    // 90 + min(6, 5) − min(12, 10) = 85
    expect(scoreUnit({ items: items('90'), bonuses: items('6'), deductions: items('12'), vetoes: [] }).total).toBe('85.00');
    expect(defaultUnitCaps.vetoTotal).toBe('keep');
  });
});

describe('gradeFor', () => {
  it.each([
    ['91.2', false, 'A'], // §11.2
    ['88', false, 'B'], // §11.2
    ['59.5', false, 'D'], // §11.2
    ['90', false, 'A'],
    ['89.99', false, 'B'],
    ['80', false, 'B'],
    ['79.99', false, 'C'],
    ['60', false, 'C'],
    ['59.99', false, 'D'],
    ['0', false, 'D'],
    ['100', true, 'D'], // veto precedence over a high total (§4.1 Art. 5)
  ])('total %s, vetoed %s → %s', (total, vetoed, expected) => {
    expect(gradeFor(total, vetoed)).toBe(expected);
  });

  const gansu: GradeConfig = {
    bands: [
      { grade: '优秀', min: '90' },
      { grade: '良好', min: '75' },
      { grade: '合格', min: '60' },
    ],
    lowestGrade: '不合格',
    vetoGrade: '不合格',
  };
  it.each([
    ['76', false, '良好'],
    ['74.99', false, '合格'],
    ['40', false, '不合格'],
    ['95', true, '不合格'],
  ])('configurable bands: %s, vetoed %s → %s', (total, vetoed, expected) => {
    expect(gradeFor(total, vetoed, gansu)).toBe(expected);
  });
});

describe('assessUnit (end to end from indicator scores)', () => {
  const count: CountRangeIndicator = { ...commonFields, type: 'count_range', code: 'T01', weight: '60', lower: '20', upper: '30', shortfall: { mode: 'proportional' } };
  const task: TaskIndicator = { ...commonFields, type: 'task', code: 'T02', weight: '40', partialPercent: '50' };
  const deduction: DeductionIndicator = { ...commonFields, type: 'deduction', code: 'D01', pointsPerOccurrence: '1', cap: '2' };
  const veto: VetoIndicator = { ...commonFields, type: 'veto', code: 'V01', condition: '重大事故' };

  it('sums, caps, grades', () => {
    const scores = [
      scoreIndicator(count, { type: 'number', value: '18' }), // 60 × 18/20 = 54
      scoreIndicator(task, { type: 'task', status: 'done' }), // 40
      scoreIndicator(deduction, { type: 'occurrences', count: 5 }), // 5 → item cap 2
      scoreIndicator(veto, { type: 'veto', triggered: false }),
    ];
    expect(groupScores(scores).deductions).toEqual([{ code: 'D01', score: '2.00' }]);
    // 54 + 40 − 2 = 92 → A
    expect(assessUnit(scores)).toMatchObject({ raw: '94.00', total: '92.00', grade: 'A', vetoed: false });
  });

  it('a triggered veto gives D although the total is 100', () => {
    const scores = [
      scoreIndicator(count, { type: 'number', value: '30' }),
      scoreIndicator(task, { type: 'task', status: 'done' }),
      scoreIndicator(veto, { type: 'veto', triggered: true }),
    ];
    expect(assessUnit(scores)).toMatchObject({ total: '100.00', grade: 'D', vetoed: true, vetoCodes: ['V01'] });
  });
});
