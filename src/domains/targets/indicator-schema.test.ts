import { describe, expect, it } from 'vitest';
import { indicatorActualSchema, indicatorDefinitionSchema } from './indicator-schema';
import { gradeConfigSchema, monthlyCurveSchema, objectionInputSchema, reviewInputSchema } from './plan-schema';
import { commonFields } from './test-fixtures';

const range = { ...commonFields, type: 'count_range', code: 'T01', weight: '5', lower: '20', upper: '30', shortfall: { mode: 'proportional' } };

describe('indicatorDefinitionSchema', () => {
  it.each<[string, unknown, boolean]>([
    ['a valid count range', range, true],
    ['L = U', { ...range, upper: '20' }, true],
    ['U below L', { ...range, upper: '19' }, false],
    ['five decimals', { ...range, weight: '5.00001' }, false],
    ['a number instead of a decimal string', { ...range, lower: 20 }, false],
    ['a negative floor', { ...range, lower: '-1' }, false],
    ['a zero weight', { ...range, weight: '0' }, false],
    ['an unknown type', { ...range, type: 'star_rating' }, false],
    ['a bad metric key', { ...range, dataSource: { kind: 'metric', metricKey: 'Inspection Rate' } }, false],
    ['a good metric key with params', { ...range, dataSource: { kind: 'metric', metricKey: 'safety.inspection_rate', params: { year: 2025 } } }, true],
    ['checklist points not adding up to W', { ...commonFields, type: 'checklist', code: 'C1', weight: '4', items: [{ code: 'a', name: 'a', points: '2' }, { code: 'b', name: 'b', points: '1' }], scoring: { mode: 'sum_done' } }, false],
    ['checklist points adding up to W', { ...commonFields, type: 'checklist', code: 'C1', weight: '3', items: [{ code: 'a', name: 'a', points: '2' }, { code: 'b', name: 'b', points: '1' }], scoring: { mode: 'sum_done' } }, true],
    ['checklist item without points in sum mode', { ...commonFields, type: 'checklist', code: 'C1', weight: '3', items: [{ code: 'a', name: 'a' }], scoring: { mode: 'sum_done' } }, false],
    ['duplicate checklist codes', { ...commonFields, type: 'checklist', code: 'C1', weight: '1', items: [{ code: 'a', name: 'a' }, { code: 'a', name: 'b' }], scoring: { mode: 'deduct_missing', pointsPerMissing: '0.1' } }, false],
    ['rank table rising', { ...commonFields, type: 'rank', code: 'R1', weight: '5', direction: 'higher_is_better', scoring: { mode: 'table', points: ['4', '5'], otherPoints: '0' } }, false],
    ['rank table above W', { ...commonFields, type: 'rank', code: 'R1', weight: '5', direction: 'higher_is_better', scoring: { mode: 'table', points: ['6'], otherPoints: '0' } }, false],
    ['base-slope cap below base', { ...commonFields, type: 'base_slope', code: 'S1', weight: '4', target: '5', direction: 'higher_is_better', basePercent: '80', pointsPerPp: '0.5', capPercent: '70' }, false],
    ['veto', { ...commonFields, type: 'veto', code: 'V1', condition: '重大事故' }, true],
    ['garbage in a refined field', { ...range, lower: 'abc', upper: '1e3' }, false],
    ['garbage in checklist points', { ...commonFields, type: 'checklist', code: 'C1', weight: '3', items: [{ code: 'a', name: 'a', points: 'x' }], scoring: { mode: 'sum_done' } }, false],
  ])('%s → %s', (_label, input, ok) => {
    expect(indicatorDefinitionSchema.safeParse(input).success).toBe(ok);
  });
});

describe('indicatorActualSchema', () => {
  it.each<[unknown, boolean]>([
    [{ type: 'number', value: '96.5' }, true],
    [{ type: 'number', value: 96.5 }, false],
    [{ type: 'task', status: 'partial' }, true],
    [{ type: 'task', status: 'maybe' }, false],
    [{ type: 'rank', rank: 0 }, false],
    [{ type: 'occurrences', count: -1 }, false],
    [{ type: 'veto', triggered: true }, true],
  ])('%j → %s', (input, ok) => {
    expect(indicatorActualSchema.safeParse(input).success).toBe(ok);
  });
});

describe('plan configuration schemas', () => {
  it.each<[unknown, boolean]>([
    [{ bands: [{ grade: 'A', min: '90' }, { grade: 'B', min: '80' }], lowestGrade: 'D', vetoGrade: 'D' }, true],
    [{ bands: [{ grade: 'A', min: '80' }, { grade: 'B', min: '90' }], lowestGrade: 'D', vetoGrade: 'D' }, false],
    [{ bands: [{ grade: 'A', min: 'ninety' }, { grade: 'B', min: '80' }], lowestGrade: 'D', vetoGrade: 'D' }, false],
  ])('grade config %j → %s', (input, ok) => {
    expect(gradeConfigSchema.safeParse(input).success).toBe(ok);
  });

  it.each<[string[], boolean]>([
    [['5', '10', '20', '30', '40', '50', '60', '70', '80', '88', '95', '100'], true],
    [['5', '10', '20', '30', '40', '50', '60', '70', '80', '88', '95', '99'], false], // does not end at 100
    [['5', '4', '20', '30', '40', '50', '60', '70', '80', '88', '95', '100'], false], // decreasing
    [['100'], false],
    [['5', 'x', '20', '30', '40', '50', '60', '70', '80', '88', '95', '100'], false], // not a decimal: an issue, not a crash
  ])('monthly curve %j → %s', (curve, ok) => {
    expect(monthlyCurveSchema.safeParse(curve).success).toBe(ok);
  });

  it.each<[unknown, boolean]>([
    [{ decision: 'accept' }, true],
    [{ decision: 'return' }, false], // needs a comment
    [{ decision: 'adjust', comment: '核减2家' }, false], // needs the adjusted value
    [{ decision: 'adjust', comment: '核减2家', adjustedActual: { type: 'number', value: '18' } }, true],
  ])('review %j → %s', (input, ok) => {
    expect(reviewInputSchema.safeParse(input).success).toBe(ok);
  });

  it('requires a reason for an objection', () => {
    expect(objectionInputSchema.safeParse({ orgUnitId: 'x', reason: '  ', evidenceFileIds: [] }).success).toBe(false);
    expect(objectionInputSchema.safeParse({ orgUnitId: 'x', reason: '核定数据有误，实际完成22家', evidenceFileIds: ['f1'] }).success).toBe(true);
  });
});
