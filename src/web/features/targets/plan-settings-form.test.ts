import { describe, expect, it } from 'vitest';
import { defaultPlanConfig, planConfigSchema, type PlanConfig } from '../../../domains/targets/plan-api-schema';
import { configPatch, deadlineRuleText, fromConfig, gradesSummary, issuesOnFields, linearCurve, regeneratesPeriods, reminderDaysProblem, reportingSummary, settingsIssueField, toConfig } from './plan-settings-form';

describe('plan settings form', () => {
  it('round-trips the default config and sends nothing when nothing changed', () => {
    const values = fromConfig(defaultPlanConfig);
    expect(values.reporting).toEqual({ frequency: 'monthly', deadlineKind: 'day_of_next_month', deadlineValue: 5, reminderDaysBefore: ['3', '1'] });
    expect(values.pace.mode).toBe('months');
    expect(toConfig(values)).toEqual(defaultPlanConfig);
    expect(configPatch(defaultPlanConfig, toConfig(values))).toEqual({});
  });

  it('sends only the changed sections, whatever the key order of the stored config', () => {
    const stored: PlanConfig = { ...defaultPlanConfig, reporting: { reminderDaysBefore: [3, 1], deadlineRule: { day: 5, kind: 'day_of_next_month' }, frequency: 'monthly' } };
    const values = fromConfig(stored);
    values.grades.bands[0] = { grade: 'A', min: ' 92 ' };
    const patch = configPatch(stored, toConfig(values));
    expect(patch).toEqual({ grades: { bands: [{ grade: 'A', min: '92' }, { grade: 'B', min: '80' }, { grade: 'C', min: '60' }], lowestGrade: 'D', vetoGrade: 'D' } });
    expect(regeneratesPeriods(stored, patch)).toBe(false);
  });

  it('builds the deadline rule for its kind and tells when the periods are regenerated', () => {
    const values = fromConfig(defaultPlanConfig);
    values.reporting = { frequency: 'quarterly', deadlineKind: 'days_after_end', deadlineValue: 10, reminderDaysBefore: ['2', '2', '5'] };
    const config = toConfig(values);
    expect(config.reporting).toEqual({ frequency: 'quarterly', deadlineRule: { kind: 'days_after_end', days: 10 }, reminderDaysBefore: [2, 5] });
    expect(regeneratesPeriods(defaultPlanConfig, configPatch(defaultPlanConfig, config))).toBe(true);
    const remindersOnly = fromConfig(defaultPlanConfig);
    remindersOnly.reporting.reminderDaysBefore = ['7'];
    expect(regeneratesPeriods(defaultPlanConfig, configPatch(defaultPlanConfig, toConfig(remindersOnly)))).toBe(false);
  });

  it('keeps the monthly curve only in curve mode, and the linear curve is valid for the API', () => {
    expect(linearCurve()).toEqual(['8.3333', '16.6667', '25', '33.3333', '41.6667', '50', '58.3333', '66.6667', '75', '83.3333', '91.6667', '100']);
    const values = fromConfig(defaultPlanConfig);
    values.pace.mode = 'curve';
    const config = toConfig(values);
    expect(config.pace).toEqual({ basis: 'months', curve: linearCurve(), greenAtPercent: '100', yellowAtPercent: '80' });
    expect(planConfigSchema.safeParse(config).success).toBe(true);
    values.pace.mode = 'days';
    expect(toConfig(values).pace).toEqual({ basis: 'days', greenAtPercent: '100', yellowAtPercent: '80' });
    expect(fromConfig(config).pace.mode).toBe('curve');
  });

  it('maps empty caps to uncapped', () => {
    const values = fromConfig(defaultPlanConfig);
    values.caps.bonusCap = ' ';
    expect(toConfig(values).caps).toEqual({ bonusCap: null, deductionCap: '10', vetoTotal: 'keep', floorTotalAtZero: true });
    expect(fromConfig(toConfig(values)).caps.bonusCap).toBe('');
  });

  it('maps API issue paths to form fields', () => {
    expect(settingsIssueField('config.grades.bands.1.min')).toBe('grades.bands.1.min');
    expect(settingsIssueField('config.grades.bands')).toBe('grades.bands');
    expect(settingsIssueField('config.reporting.deadlineRule.day')).toBe('reporting.deadlineValue');
    expect(settingsIssueField('config.reporting.deadlineRule.days')).toBe('reporting.deadlineValue');
    expect(settingsIssueField('config.reporting.deadlineRule.kind')).toBe('reporting.deadlineKind');
    expect(settingsIssueField('config.pace.curve.11')).toBe('pace.curve.11');
    expect(settingsIssueField('config.pace.basis')).toBe('pace.mode');
    expect(settingsIssueField('reason')).toBe('reason');
  });

  it('describes the settings in words and checks reminder days', () => {
    expect(reportingSummary(defaultPlanConfig.reporting).zh).toBe('按月报送，次月5日前，截止前3天、1天提醒');
    expect(reportingSummary({ frequency: 'quarterly', deadlineRule: { kind: 'working_days_after_end', days: 3 }, reminderDaysBefore: [] }).zh).toBe('按季报送，期末后3个工作日内，不提醒');
    expect(deadlineRuleText({ kind: 'days_after_end', days: 10 }).zh).toBe('期末后10天内');
    expect(gradesSummary(defaultPlanConfig.grades)).toBe('A ≥ 90，B ≥ 80，C ≥ 60，其余 D');
    expect(reminderDaysProblem(['3', '1'])).toBeNull();
    expect(reminderDaysProblem(['0'])?.zh).toBe('提醒天数须为 1–60 的整数');
    expect(reminderDaysProblem(['x'])).not.toBeNull();
    expect(reminderDaysProblem(['1', '2', '3', '4', '5', '6'])?.zh).toBe('最多设置 5 个提醒日');
  });

  it('puts API issues on the registered fields, list indexes kept as numbers', () => {
    const registered = [['grades', 'bands'], ['grades', 'bands', 2, 'min'], ['reporting', 'deadlineValue'], ['reason']];
    const issues = [
      { path: 'config.grades.bands.2.min', message: '须为十进制数字字符串（最多4位小数）' },
      { path: 'config.grades.bands', message: '等次下限须从高到低严格递减' },
      { path: 'config.reporting.deadlineRule.day', message: 'Too big' },
      { path: 'config.publicityDays', message: 'Too small' },
    ];
    expect(issuesOnFields(issues, registered)).toEqual({
      fields: [
        { name: ['grades', 'bands', 2, 'min'], errors: ['须为十进制数字字符串（最多4位小数）'] },
        { name: ['grades', 'bands'], errors: ['等次下限须从高到低严格递减'] },
        { name: ['reporting', 'deadlineValue'], errors: ['Too big'] },
      ],
      unmatched: [{ path: 'config.publicityDays', message: 'Too small' }],
    });
  });
});
