import { describe, expect, it } from 'vitest';
import { defaultControlRuleSet } from '../../../../domains/environment/geo/control-rules';
import type { ControlRuleSetView } from '../../../../domains/environment/redline-schema';
import { buildRuleMatrix, resolveTierRules, zoneTypeRules } from './rule-matrix';

const view: ControlRuleSetView = {
  ...defaultControlRuleSet,
  source: 'default',
  version: 0,
  rules: defaultControlRuleSet.rules.map((r, i) => ({ ...r, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, zoneType: r.zoneType ?? null, version: 1 })),
};

describe('resolveTierRules', () => {
  it('uses the stored tier rule when there is one and the tier default otherwise', () => {
    const rows = resolveTierRules(view, '二级管控区');
    const industrial = rows.find((r) => r.projectType === 'industrial');
    expect(industrial).toMatchObject({ outcome: 'prohibited', source: 'rule' });
    expect(industrial?.rule?.projectType).toBe('industrial');
    const first = resolveTierRules(view, '一级管控区').find((r) => r.projectType === 'industrial');
    expect(first).toMatchObject({ outcome: 'prohibited', source: 'tier_default', rule: null });
  });

  it('prefers a rule for the zone type of the zone', () => {
    const water = resolveTierRules(view, '一级管控区', '饮用水水源保护区').find((r) => r.projectType === 'water_facility');
    expect(water).toMatchObject({ outcome: 'conditional', source: 'zone_type_rule' });
    expect(water?.rule?.zoneType).toBe('饮用水水源保护区');
    const wetland = resolveTierRules(view, '一级管控区', '湿地').find((r) => r.projectType === 'water_facility');
    expect(wetland).toMatchObject({ outcome: 'prohibited', source: 'tier_default' });
  });

  it('falls back for a tier that is not configured', () => {
    expect(resolveTierRules(view, '三级管控区')[0]).toMatchObject({ outcome: 'conditional', source: 'fallback' });
  });
});

describe('buildRuleMatrix', () => {
  it('has one row per project type and one cell per tier, and lists zone-type rules apart', () => {
    const matrix = buildRuleMatrix(view);
    expect(matrix).toHaveLength(view.projectTypes.length);
    expect(Object.keys(matrix[0]?.cells ?? {})).toEqual(view.tiers);
    const research = matrix.find((r) => r.projectType === 'research_monitoring');
    expect(research?.cells['一级管控区']?.outcome).toBe('conditional');
    expect(research?.cells['二级管控区']?.outcome).toBe('allowed');
    expect(zoneTypeRules(view).map((r) => r.zoneType)).toEqual(['饮用水水源保护区']);
  });
});
