import { describe, expect, it } from 'vitest';
import { explainIndicator } from './explain-rules';
import type { IndicatorDefinition } from './indicator-schema';
import { commonFields } from './test-fixtures';

const highTech: IndicatorDefinition = {
  ...commonFields,
  type: 'count_range',
  code: 'T01',
  name: '新增高新技术企业',
  weight: '5',
  lower: '20',
  upper: '30',
  shortfall: { mode: 'proportional' },
  bonus: { pointsPerUnit: '0.5', cap: '2' },
};

describe('explainIndicator (zh)', () => {
  it('states a count range with its floor, aim, formula and capped bonus', () => {
    expect(explainIndicator(highTech)).toBe(
      '确保新增高新技术企业20家、力争30家（标准分5分）：完成20家及以上得满分5分；未达20家的按完成比例计分（得分=5×实际数÷20）；超过30家的部分每家加0.5分，加分最多2分。',
    );
  });

  it('states a rate threshold with its slope', () => {
    const def: IndicatorDefinition = { ...commonFields, type: 'rate_threshold', code: 'T12', name: '企业标准覆盖率', unitOfMeasure: '%', weight: '5', threshold: '99', direction: 'higher_is_better', shortfall: { mode: 'slope', pointsPerPp: '0.5' } };
    expect(explainIndicator(def)).toBe('企业标准覆盖率不低于99%（标准分5分）：达到得满分；未达到的每差1个百分点扣0.5分，扣完为止。');
  });

  it.each<[string, IndicatorDefinition, string[]]>([
    ['count target, per-unit', { ...commonFields, type: 'count_target', code: 'T10', name: '新设立首席质量官', unitOfMeasure: '个', weight: '6', target: '40', shortfall: { mode: 'per_unit', pointsPerUnit: '0.5' } },
      ['新设立首席质量官目标40个', '标准分6分', '每少1个扣0.5分']],
    ['zero floor', { ...highTech, lower: '0', upper: '2', bonus: undefined }, ['不设确保数', '力争2家']],
    ['lower-is-better proportional', { ...commonFields, type: 'rate_threshold', code: 'R2', name: '不合格率', unitOfMeasure: '%', weight: '4', threshold: '2', direction: 'lower_is_better', shortfall: { mode: 'proportional' } },
      ['不合格率不高于2%', '按2÷实际值的比例计分']],
    // base 80 % of 4 = 3.2, cap 120 % of 4 = 4.8
    ['base and slope', { ...commonFields, type: 'base_slope', code: 'T16', name: '名牌经济占比', unitOfMeasure: '%', weight: '4', target: '12', direction: 'higher_is_better', basePercent: '80', pointsPerPp: '0.5', capPercent: '120' },
      ['目标12%', '基本分3.2分', '加0.5分', '0至4.8分']],
    ['task', { ...commonFields, type: 'task', code: 'T25', name: '印发年度计划', weight: '1', partialPercent: '50' }, ['完成得1分', '部分完成得0.5分', '未完成得0分']],
    ['checklist', { ...commonFields, type: 'checklist', code: 'N01', name: '配套政策', weight: '1', items: [{ code: 'a', name: '产业' }, { code: 'b', name: '财政' }], scoring: { mode: 'deduct_missing', pointsPerMissing: '0.1' } },
      ['共2项（产业、财政）', '每缺1项扣0.1分']],
    // 5 % of 10 = 0.5 per rank
    ['rank linear', { ...commonFields, type: 'rank', code: 'T27', name: '争先进位', weight: '10', direction: 'higher_is_better', scoring: { mode: 'linear', stepPercent: '5', floorPercent: '0' } },
      ['第1名得10分', '减0.5分', '最低0分']],
    ['rank table', { ...commonFields, type: 'rank', code: 'T28', name: '排名', weight: '5', direction: 'higher_is_better', scoring: { mode: 'table', points: ['5', '4'], otherPoints: '1' } },
      ['第1名5分、第2名4分', '其余名次1分']],
    ['deduction', { ...commonFields, type: 'deduction', code: 'D01', name: '重大隐患逾期未整改', pointsPerOccurrence: '0.5', cap: '3' }, ['每发生1次扣0.5分', '本项最多扣3分']],
    ['bonus by level', { ...commonFields, type: 'bonus', code: 'B01', name: '质量荣誉', pointsPerOccurrence: '0.5', cap: '3', levels: [{ code: 'n', name: '国家级', points: '2' }] },
      ['国家级每项加2分', '本项最多加3分']],
    ['veto', { ...commonFields, type: 'veto', code: 'V01', name: '质量安全事件', condition: '发生区域性质量安全事件' }, ['一票否决', '发生区域性质量安全事件', '最低等次']],
    ['metric-bound', { ...highTech, dataSource: { kind: 'metric', metricKey: 'enterprises.high_tech_count' } }, ['（数值由平台自动采集）']],
  ])('%s mentions its numbers', (_label, def, fragments) => {
    const text = explainIndicator(def);
    for (const fragment of fragments) expect(text).toContain(fragment);
  });
});

describe('explainIndicator (en)', () => {
  it.each<[IndicatorDefinition, string[]]>([
    [highTech, ['at least 20', 'aiming for 30', '5 points', '5 × actual ÷ 20', 'adds 0.5 points', 'at most 2 bonus points']],
    [{ ...commonFields, type: 'veto', code: 'V01', name: 'Incident', condition: 'a regional incident occurs' }, ['veto', 'a regional incident occurs']],
  ])('%#', (def, fragments) => {
    const text = explainIndicator(def, 'en');
    for (const fragment of fragments) expect(text).toContain(fragment);
  });
});
