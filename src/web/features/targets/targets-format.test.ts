import { describe, expect, it } from 'vitest';
import { actualToDraft, draftToActual } from './actual-draft';
import { definitionIssueField, defaultFormValues, fromDefinition, toDefinition, type IndicatorFormValues } from './indicator-form';
import { cellText, gradeColor, isUnitBehind, previousDay, rankText, targetText, weightTotalOk } from './targets-format';
import { indicatorDefinitionSchema, type IndicatorDefinition } from '../../../domains/targets/indicator-schema';

const t = (zh: string) => zh;
const lead = '00000000-0000-4000-8000-000000000001';
const none = { weight: null, lower: null, upper: null, target: null, threshold: null };

describe('targets-format', () => {
  it('says the decomposed target in words', () => {
    expect(targetText({ ...none, weight: '5', lower: '20', upper: '30' }, '家')).toBe('确保 20 家，力争 30 家');
    expect(targetText({ ...none, lower: '3', upper: '3' }, '项')).toBe('确保 3 项');
    expect(targetText({ ...none, target: '40' }, '个')).toBe('目标 40 个');
    expect(targetText({ ...none, threshold: '99' }, '%')).toBe('门槛 99%');
    expect(targetText(none, '项')).toBe('—');
  });

  it('shortens a grid cell and checks weight totals', () => {
    expect(cellText({ ...none, weight: '12.5', lower: '2', upper: '3' })).toBe('2–3 · 12.5分');
    expect(cellText({ ...none, weight: '6', target: '40' })).toBe('T 40 · 6分');
    expect(cellText(none)).toBe('✓');
    expect(weightTotalOk('100')).toBe(true);
    expect(weightTotalOk('99.5')).toBe(false);
  });

  it('colours grades, words ranks, flags units behind and steps back a day', () => {
    expect(gradeColor('A')).toBe('green');
    expect(gradeColor('D')).toBe('red');
    expect(gradeColor('优秀')).toBe('default');
    expect(rankText(2, true, t)).toBe('第 2 名（并列）');
    expect(rankText(0, false, t)).toBe('—');
    expect(isUnitBehind({ red: 0, missing: 1 })).toBe(true);
    expect(isUnitBehind({ red: 0, missing: 0 })).toBe(false);
    expect(previousDay('2031-03-01')).toBe('2031-02-28');
    expect(previousDay('2026-01-01')).toBe('2025-12-31');
  });
});

describe('indicator form values', () => {
  const base = (type: IndicatorFormValues['type']): IndicatorFormValues => ({
    ...(defaultFormValues(type) as IndicatorFormValues),
    code: 'E1',
    name: '新增高新技术企业',
    unitOfMeasure: '家',
    leadOrgUnitId: lead,
  });

  it('builds a valid count-range definition with a bonus, and reads it back', () => {
    const values = { ...base('count_range'), weight: '5', lower: '20', upper: '30', bonusEnabled: true, bonusPointsPerUnit: '0.2', bonusCap: '1' };
    const def = toDefinition(values);
    expect(indicatorDefinitionSchema.safeParse(def).success).toBe(true);
    expect(def).toMatchObject({ type: 'count_range', lower: '20', upper: '30', shortfall: { mode: 'proportional' }, bonus: { pointsPerUnit: '0.2', cap: '1' } });
    expect(fromDefinition(def)).toMatchObject({ type: 'count_range', weight: '5', lower: '20', upper: '30', bonusEnabled: true, bonusCap: '1' });
  });

  it('builds every type so that the shared schema accepts it', () => {
    const cases: IndicatorFormValues[] = [
      { ...base('count_target'), weight: '4', target: '40', countShortfall: 'per_unit', pointsPerUnit: '0.5' },
      { ...base('rate_threshold'), weight: '5', threshold: '99', unitOfMeasure: '%' },
      { ...base('base_slope'), weight: '4', target: '12' },
      { ...base('task'), weight: '2' },
      { ...base('checklist'), weight: '4', checklistItems: [{ code: 'a', name: '质量月' }, { code: 'b', name: '标准日' }] },
      { ...base('rank'), weight: '3', rankMode: 'table', rankPoints: '3, 2.5，2', otherPoints: '1' },
      { ...base('bonus'), cap: '3', levels: [{ code: 'national', name: '国家级', points: '2' }, { code: 'city', name: '市级', points: '0.5' }] },
      { ...base('deduction'), pointsPerOccurrence: '1', cap: '5', sourceKind: 'metric', metricKey: 'safety.overdue_major_hazard_count' },
      { ...base('veto'), condition: '发生区域性质量安全事件' },
    ];
    for (const values of cases) {
      const def = toDefinition(values);
      const parsed = indicatorDefinitionSchema.safeParse(def);
      expect(parsed.success, `${values.type}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      expect(toDefinition(fromDefinition(def))).toEqual(def);
    }
  });

  it('maps API issue paths to form fields', () => {
    expect(definitionIssueField('definition.weight')).toBe('weight');
    expect(definitionIssueField('definition.shortfall.pointsPerUnit')).toBe('pointsPerUnit');
    expect(definitionIssueField('definition.bonus.cap')).toBe('bonusCap');
    expect(definitionIssueField('definition.items.1.name')).toBe('checklistItems.1.name');
    expect(definitionIssueField('definition.scoring.points')).toBe('rankPoints');
    expect(definitionIssueField('definition.dataSource.metricKey')).toBe('metricKey');
    expect(definitionIssueField('definition.evidence.maxFiles')).toBe('evidenceMaxFiles');
    expect(definitionIssueField('definition')).toBe('');
  });
});

describe('actual drafts', () => {
  const def = (extra: Partial<IndicatorDefinition> & { type: IndicatorDefinition['type'] }) =>
    ({ code: 'X', name: 'x', unitOfMeasure: '项', leadOrgUnitId: lead, evidence: { description: 'd', fileKinds: [], maxFiles: 0 }, dataSource: { kind: 'reported' }, ...extra }) as IndicatorDefinition;

  it('turns what was typed into the value the API expects, per type', () => {
    expect(draftToActual(def({ type: 'count_target' }), { number: ' 18 ' })).toEqual({ type: 'number', value: '18' });
    expect(draftToActual(def({ type: 'count_target' }), { number: '' })).toBeNull();
    expect(draftToActual(def({ type: 'task' }), { task: 'partial' })).toEqual({ type: 'task', status: 'partial' });
    const checklist = def({ type: 'checklist', items: [{ code: 'a', name: 'A' }, { code: 'b', name: 'B' }] } as Partial<IndicatorDefinition> & { type: 'checklist' });
    expect(draftToActual(checklist, { done: ['b', 'zz'] })).toEqual({ type: 'checklist', doneItemCodes: ['b'] });
    const levelled = def({ type: 'bonus', levels: [{ code: 'n', name: '国家级', points: '2' }, { code: 'c', name: '市级', points: '1' }] } as Partial<IndicatorDefinition> & { type: 'bonus' });
    expect(draftToActual(levelled, { byLevel: { n: 1, c: 0 } })).toEqual({ type: 'occurrences', byLevel: { n: 1 } });
    expect(draftToActual(def({ type: 'deduction' }), { count: 2 })).toEqual({ type: 'occurrences', count: 2 });
    expect(draftToActual(def({ type: 'veto' }), {})).toEqual({ type: 'veto', triggered: false });
  });

  it('reads a stored value back into a draft', () => {
    expect(actualToDraft({ type: 'number', value: '96.5' })).toEqual({ number: '96.5' });
    expect(actualToDraft({ type: 'occurrences', count: 3 })).toEqual({ count: 3 });
    expect(actualToDraft({ type: 'veto', triggered: true })).toEqual({ triggered: true });
    expect(actualToDraft(null)).toEqual({});
  });
});
