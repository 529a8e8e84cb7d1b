import { describe, expect, it } from 'vitest';
import {
  defaultControlRuleSet,
  parseControlRuleSet,
  pickStricterOutcome,
  resolveControlRule,
  type ControlRuleSet,
  type SitingOutcome,
} from './control-rules';

describe('pickStricterOutcome: prohibited > conditional > allowed', () => {
  it.each([
    ['allowed', 'conditional', 'conditional'],
    ['conditional', 'allowed', 'conditional'],
    ['prohibited', 'conditional', 'prohibited'],
    ['allowed', 'prohibited', 'prohibited'],
    ['allowed', 'allowed', 'allowed'],
  ] as [SitingOutcome, SitingOutcome, SitingOutcome][])('%s vs %s → %s', (a, b, expected) => {
    expect(pickStricterOutcome(a, b)).toBe(expected);
  });
});

describe('resolveControlRule', () => {
  it.each([
    // [tier, zone type, project type, outcome, source]
    ['一级管控区', '湿地', 'industrial', 'prohibited', 'tier_default'],
    ['一级管控区', '湿地', 'research_monitoring', 'conditional', 'rule'],
    ['一级管控区', '饮用水水源保护区', 'water_facility', 'conditional', 'zone_type_rule'],
    ['一级管控区', '湿地', 'water_facility', 'prohibited', 'tier_default'],
    ['二级管控区', '湿地', 'industrial', 'prohibited', 'rule'],
    ['二级管控区', '湿地', 'linear_infrastructure', 'conditional', 'rule'],
    ['二级管控区', '湿地', 'ecological_restoration', 'allowed', 'rule'],
    ['二级管控区', '湿地', 'not_a_type', 'conditional', 'tier_default'],
    ['三级管控区', '湿地', 'industrial', 'conditional', 'fallback'],
  ])('%s × %s × %s → %s (%s)', (tier, zoneType, projectType, outcome, source) => {
    expect(resolveControlRule(defaultControlRuleSet, tier, zoneType, projectType)).toMatchObject({ outcome, source });
  });

  it('prefers a zone-type rule over a generic rule for the same tier and project type', () => {
    const set: ControlRuleSet = {
      ...defaultControlRuleSet,
      rules: [
        { tier: '二级管控区', projectType: 'industrial', outcome: 'conditional', text: '通用' },
        { tier: '二级管控区', projectType: 'industrial', zoneType: '湿地', outcome: 'prohibited', text: '湿地专用' },
      ],
    };
    expect(resolveControlRule(set, '二级管控区', '湿地', 'industrial')).toEqual({ outcome: 'prohibited', text: '湿地专用', source: 'zone_type_rule' });
    expect(resolveControlRule(set, '二级管控区', '森林公园', 'industrial')).toEqual({ outcome: 'conditional', text: '通用', source: 'rule' });
  });
});

describe('parseControlRuleSet', () => {
  it('accepts the default rule set unchanged', () => {
    expect(parseControlRuleSet(defaultControlRuleSet)).toEqual(defaultControlRuleSet);
  });

  it.each([
    ['a duplicate rule', { rules: [...defaultControlRuleSet.rules, defaultControlRuleSet.rules[0]!] }, 'geo.duplicate_control_rule'],
    ['a rule for an unknown tier', { rules: [{ tier: '三级', projectType: 'x', outcome: 'allowed', text: 't' }] }, 'geo.unknown_tier'],
    ['two defaults for one tier', { tierDefaults: [...defaultControlRuleSet.tierDefaults, defaultControlRuleSet.tierDefaults[0]!] }, 'geo.duplicate_control_rule'],
    ['an unknown outcome', { fallback: { outcome: 'maybe', text: 't' } }, 'geo.invalid_rule_set'],
    ['no tiers', { tiers: [] }, 'geo.invalid_rule_set'],
  ])('rejects %s', (_name, patch, code) => {
    expect(() => parseControlRuleSet({ ...defaultControlRuleSet, ...patch })).toThrow(expect.objectContaining({ code }));
  });
});
