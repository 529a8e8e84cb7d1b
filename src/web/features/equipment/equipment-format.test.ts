import { describe, expect, it } from 'vitest';
import {
  catalogueFilterOf,
  catalogueOptions,
  cataloguePathOf,
  classificationOf,
  daysBetween,
  describeApplicability,
  describeRuleParams,
  dueCountdown,
  localToday,
  territoryPath,
} from './equipment-format';

const entries = [
  { code: '3000', name: '电梯', level: 'category', parent: null },
  { code: '3100', name: '曳引与强制驱动电梯', level: 'kind', parent: '3000' },
  { code: '3110', name: '曳引驱动乘客电梯', level: 'variety', parent: '3100' },
  { code: '1000', name: '锅炉', level: 'category', parent: null },
  { code: '7000', name: '压力管道元件', level: 'category', parent: null },
] as const;

describe('dueCountdown', () => {
  it('words the days to the due date', () => {
    expect(dueCountdown(5)).toBe('还有 5 天');
    expect(dueCountdown(0)).toBe('今天到期');
    expect(dueCountdown(-12)).toBe('超期 12 天');
    expect(dueCountdown(null)).toBe('');
  });
});

describe('dates', () => {
  it('gives today in the platform time zone and whole days between dates', () => {
    expect(localToday(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-02-27')).toBe(-2);
  });
});

describe('catalogue cascader', () => {
  it('builds the tree in catalogue order and can keep only some categories', () => {
    const tree = catalogueOptions(entries);
    expect(tree.map((o) => o.value)).toEqual(['3000', '1000', '7000']);
    expect(tree[0]?.children?.[0]?.children?.[0]).toEqual({ value: '3110', label: '曳引驱动乘客电梯（3110）' });
    expect(tree[1]?.children).toBeUndefined();
    expect(catalogueOptions(entries, ['1000', '3000']).map((o) => o.value)).toEqual(['3000', '1000']);
  });

  it('maps a path to the codes (null below where it stops) and back to filters', () => {
    expect(classificationOf(['3000', '3100', '3110'])).toEqual({ categoryCode: '3000', kindCode: '3100', varietyCode: '3110' });
    expect(classificationOf(['1000'])).toEqual({ categoryCode: '1000', kindCode: null, varietyCode: null });
    expect(classificationOf([])).toBeNull();
    expect(catalogueFilterOf(['3000', '3100'])).toEqual({ category: '3000', kind: '3100', variety: undefined });
    expect(catalogueFilterOf(undefined)).toEqual({ category: undefined, kind: undefined, variety: undefined });
    expect(cataloguePathOf({ category: '3000', kind: '3100' })).toEqual(['3000', '3100']);
    expect(cataloguePathOf({ kind: '3100' })).toEqual([]);
  });
});

describe('rule descriptions', () => {
  it('describes each kind of rule parameters in Chinese', () => {
    expect(describeRuleParams('fixed_interval', { periodMonths: 24, firstPeriodMonths: 12 })).toBe('每 24 个月；首次 12 个月');
    expect(describeRuleParams('fixed_interval', { periodMonths: 48, later: { afterInspections: 3, periodMonths: 36 } })).toBe('每 48 个月；第 3 次检验后每 36 个月');
    expect(describeRuleParams('inspector_set', { minMonths: 36, maxMonths: 72, defaultMonths: 36 })).toContain('36～72');
    expect(describeRuleParams('no_use', {})).toBe('不得使用');
    expect(describeRuleParams('elevator_t7001_2023', { inspectionYears: [1, 4, 7], everyYearAfter: 15, earlyMonths: 2, dueDay: 'month_start' })).toContain('第 1、4、7 年定期检验');
    expect(describeRuleParams('settings', { warningDays: 30, reinspectionDays: 0, basicPassRectificationDays: 30 })).toContain('临期 30 天');
  });

  it('describes what a rule applies to', () => {
    const names: Record<string, string> = { '2000': '压力容器', '2100': '固定式压力容器' };
    expect(describeApplicability({ category: '2000', kind: '2100', safetyGrades: [1, 2], attributes: { material: 'non_metal' } }, (c) => names[c] ?? c)).toBe(
      '压力容器 › 固定式压力容器；安全状况等级 1、2；material=non_metal',
    );
  });
});

describe('territoryPath', () => {
  it('names the territory under its township and leaves the city out', () => {
    const nodes = [
      { id: 'c', parentId: null, kind: 'city', name: '海门市' },
      { id: 't', parentId: 'c', kind: 'township', name: '常乐镇' },
      { id: 'v', parentId: 't', kind: 'village', name: '兴和村' },
    ];
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(territoryPath('v', byId, '兴和村')).toBe('常乐镇 / 兴和村');
    expect(territoryPath('t', byId, '常乐镇')).toBe('常乐镇');
    expect(territoryPath('unknown', byId, '某村')).toBe('某村');
  });
});
