import { describe, expect, it } from 'vitest';
import { computeNextDue } from './inspection-rules';
import { inspectionRuleSet } from './inspection-rule-set';
import { applyRuleOverrides, parseOverrideParams, SETTINGS_RULE_ID, type RuleOverride } from './rule-overrides';

const version = (ruleId: string, validFrom: string, params: Record<string, unknown>, extra: Partial<RuleOverride> = {}): RuleOverride => ({
  id: `${ruleId}@${validFrom}`,
  ruleId,
  validFrom,
  params,
  confidence: null,
  source: null,
  reason: '测试',
  ...extra,
});
const bridgeCrane = { category: '4000', kind: '4100', variety: '4110', commissionedOn: '2015-01-01' };
const due = (ruleSet: ReturnType<typeof applyRuleOverrides>, date: string) => computeNextDue({ device: bridgeCrane, lastInspection: { date, result: 'pass' }, ruleSet }).dueOn;

describe('applyRuleOverrides', () => {
  it('keeps the shipped rule set when there are no versions', () => {
    const rs = applyRuleOverrides(inspectionRuleSet, [], '2026-01-01');
    expect(rs.rules).toHaveLength(inspectionRuleSet.rules.length);
    expect(rs.rules.every((r) => r.overrideId === null)).toBe(true);
    expect(rs.version).toBe(inspectionRuleSet.version);
  });

  it('splits a rule at each version’s validFrom: the period in force on the inspection date decides', () => {
    const rs = applyRuleOverrides(inspectionRuleSet, [version('crane-bridge', '2025-01-01', { periodMonths: 12 }), version('crane-bridge', '2026-07-01', { periodMonths: 18 })], '2026-01-01');
    const versions = rs.rules.filter((r) => r.id === 'crane-bridge').map((r) => [r.validFrom, r.validTo, (r.params as { periodMonths: number }).periodMonths]);
    expect(versions).toEqual([
      ['2000-01-01', '2025-01-01', 24],
      ['2025-01-01', '2026-07-01', 12],
      ['2026-07-01', null, 18],
    ]);
    expect(due(rs, '2024-12-31')).toBe('2026-12-31');
    expect(due(rs, '2025-01-01')).toBe('2026-01-01');
    expect(due(rs, '2026-07-01')).toBe('2028-01-01');
  });

  it('takes the confidence and source of a verified version', () => {
    const rs = applyRuleOverrides(inspectionRuleSet, [version('field-vehicle', '2020-01-01', { periodMonths: 12 }, { confidence: 'P', source: 'TSG 81-2022 原文' })], '2026-01-01');
    const current = rs.rules.filter((r) => r.id === 'field-vehicle').at(-1);
    expect(current).toMatchObject({ confidence: 'P', source: 'TSG 81-2022 原文' });
    expect(rs.rules.filter((r) => r.id === 'field-vehicle')[0]).toMatchObject({ confidence: '?', validTo: '2020-01-01' });
  });

  it('never extends a rule past its own validTo (the old annual elevator rule ends in 2024)', () => {
    const rs = applyRuleOverrides(inspectionRuleSet, [version('elevator-annual-legacy', '2025-01-01', { periodMonths: 6 })], '2026-01-01');
    expect(rs.rules.filter((r) => r.id === 'elevator-annual-legacy').map((r) => r.validTo)).toEqual(['2024-04-02']);
  });

  it('applies the settings version in force today', () => {
    const overrides = [version(SETTINGS_RULE_ID, '2026-03-01', { warningDays: 60, reinspectionDays: 0, basicPassRectificationDays: 30 })];
    expect(applyRuleOverrides(inspectionRuleSet, overrides, '2026-02-28').settings.warningDays).toBe(30);
    expect(applyRuleOverrides(inspectionRuleSet, overrides, '2026-03-01').settings.warningDays).toBe(60);
  });
});

describe('parseOverrideParams', () => {
  it.each([
    ['crane-bridge', { periodMonths: 12 }, true],
    ['crane-bridge', { periodMonths: 0 }, false],
    ['crane-bridge', { periodMonths: 12, colour: 'red' }, false],
    ['vessel-fixed-grade-3', { minMonths: 36, maxMonths: 72, defaultMonths: 48 }, true],
    ['vessel-fixed-grade-3', { minMonths: 36, maxMonths: 72, defaultMonths: 80 }, false],
    ['elevator-t7001-2023', { inspectionYears: [1, 4, 7], everyYearAfter: 15, earlyMonths: 2, dueDay: 'next_month_start' }, true],
    [SETTINGS_RULE_ID, { warningDays: 45, reinspectionDays: 0, basicPassRectificationDays: 30 }, true],
    [SETTINGS_RULE_ID, { warningDays: -1, reinspectionDays: 0, basicPassRectificationDays: 30 }, false],
  ])('%s %j valid = %s', (ruleId, params, ok) => {
    const run = () => parseOverrideParams(inspectionRuleSet, ruleId, params);
    if (ok) expect(run()).toEqual(params);
    else expect(run).toThrow(expect.objectContaining({ code: 'equipment.invalid_rule_params' }));
  });

  it('refuses an unknown rule id', () => {
    expect(() => parseOverrideParams(inspectionRuleSet, 'no-such-rule', {})).toThrow(expect.objectContaining({ code: 'equipment.unknown_rule' }));
  });
});
