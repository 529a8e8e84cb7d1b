/**
 * Pressure-vessel inspection rules (固定式 2100 metal and non-metal, 移动式 2200; domain.md §1.4.2).
 * Selection precedence (inspection-rules.ts `selectRule`): a grade rule beats attributes, attributes
 * beat classification depth. Grade 4/5 rules at category level cover vessels without their own.
 */
import { fixed, grades, inspectorSet, monitored, noUse, on, type RuleMeta } from './rule-builders';
import type { InspectionRule } from './inspection-rule-types';

const VESSEL: RuleMeta = { source: 'domain.md §1.4.2; TSG 21-2016 (src 4, 13, 42, 43)', confidence: 'S' };
const NONMETAL: RuleMeta = { source: 'domain.md §1.4.2 非金属压力容器 (src 44)', confidence: 'S' };
const MOBILE: RuleMeta = { source: 'domain.md §1.4.2 移动式压力容器 (src 13)', confidence: 'S' };
const FALLBACK_NOTE = 'Period after an inspection that recorded no safety grade is a conservative placeholder [D].';

export const vesselRules: readonly InspectionRule[] = [
  // 固定式压力容器 2100 (metal)
  fixed(
    { id: 'vessel-fixed-first', nameZh: '固定式压力容器首次定期检验', appliesTo: on('2000', { kind: '2100' }) },
    { periodMonths: 36, firstPeriodMonths: 36 },
    { ...VESSEL, note: FALLBACK_NOTE },
  ),
  fixed(
    {
      id: 'vessel-fixed-grade-1-2',
      nameZh: '固定式压力容器（安全状况等级1–2级）',
      appliesTo: on('2000', { kind: '2100', safetyGrades: grades(1, 2) }),
    },
    { periodMonths: 72 },
    VESSEL,
  ),
  inspectorSet(
    {
      id: 'vessel-fixed-grade-3',
      nameZh: '固定式压力容器（3级）',
      appliesTo: on('2000', { kind: '2100', safetyGrades: grades(3) }),
    },
    36,
    72,
    { ...VESSEL, note: 'Inspector sets 36–72; default 36 [D].' },
  ),
  monitored(
    {
      id: 'vessel-fixed-grade-4',
      nameZh: '固定式压力容器（4级，监控使用）',
      appliesTo: on('2000', { kind: '2100', safetyGrades: grades(4) }),
    },
    36,
    VESSEL,
  ),
  noUse(
    {
      id: 'vessel-fixed-grade-5',
      nameZh: '固定式压力容器（5级，不得使用）',
      appliesTo: on('2000', { kind: '2100', safetyGrades: grades(5) }),
    },
    VESSEL,
  ),
  fixed(
    { id: 'vessel-fixed-annual-check', nameZh: '固定式压力容器年度检查', appliesTo: on('2000', { kind: '2100' }) },
    { periodMonths: 12 },
    { ...VESSEL, track: 'annual_check' },
  ),

  // 固定式压力容器 2100, non-metal
  fixed(
    {
      id: 'vessel-nonmetal-first',
      nameZh: '非金属压力容器首次定期检验',
      appliesTo: on('2000', { kind: '2100', attributes: { material: 'non_metal' } }),
    },
    { periodMonths: 12, firstPeriodMonths: 12 },
    { ...NONMETAL, note: FALLBACK_NOTE },
  ),
  fixed(
    {
      id: 'vessel-nonmetal-grade-1',
      nameZh: '非金属压力容器（1级）',
      appliesTo: on('2000', { kind: '2100', safetyGrades: grades(1), attributes: { material: 'non_metal' } }),
    },
    { periodMonths: 36 },
    NONMETAL,
  ),
  fixed(
    {
      id: 'vessel-nonmetal-grade-2',
      nameZh: '非金属压力容器（2级）',
      appliesTo: on('2000', { kind: '2100', safetyGrades: grades(2), attributes: { material: 'non_metal' } }),
    },
    { periodMonths: 24 },
    NONMETAL,
  ),
  monitored(
    {
      id: 'vessel-nonmetal-grade-3',
      nameZh: '非金属压力容器（3级，监控使用）',
      appliesTo: on('2000', { kind: '2100', safetyGrades: grades(3), attributes: { material: 'non_metal' } }),
    },
    12,
    NONMETAL,
  ),
  monitored({ id: 'vessel-nonmetal-grade-4', nameZh: '非金属压力容器（4级，仅可改换介质监控使用）', appliesTo: on('2000', { kind: '2100', safetyGrades: grades(4), attributes: { material: 'non_metal' } }) }, 12, {
    ...NONMETAL,
    note: 'Not allowed in the current medium; in another medium monitored ≤ 12. The medium change is not checked here.',
  }),
  noUse(
    {
      id: 'vessel-nonmetal-grade-5',
      nameZh: '非金属压力容器（5级，不得使用）',
      appliesTo: on('2000', { kind: '2100', safetyGrades: grades(5), attributes: { material: 'non_metal' } }),
    },
    NONMETAL,
  ),

  // 移动式压力容器 2200
  fixed(
    { id: 'vessel-mobile-annual-check', nameZh: '移动式压力容器年度检验', appliesTo: on('2000', { kind: '2200' }) },
    { periodMonths: 12 },
    { ...MOBILE, track: 'annual_check' },
  ),
  fixed(
    { id: 'vessel-mobile-pressure-test', nameZh: '移动式压力容器耐压试验', appliesTo: on('2000', { kind: '2200' }) },
    { periodMonths: 72 },
    { ...MOBILE, track: 'pressure_test' },
  ),
  fixed(
    { id: 'vessel-road-tank-first', nameZh: '汽车罐车首次全面检验', appliesTo: on('2000', { kind: '2200', variety: '2220' }) },
    { periodMonths: 36, firstPeriodMonths: 12 },
    { ...MOBILE, note: FALLBACK_NOTE },
  ),
  fixed(
    {
      id: 'vessel-road-tank-grade-1-2',
      nameZh: '汽车罐车全面检验（1–2级）',
      appliesTo: on('2000', { kind: '2200', variety: '2220', safetyGrades: grades(1, 2) }),
    },
    { periodMonths: 60 },
    MOBILE,
  ),
  fixed(
    {
      id: 'vessel-road-tank-grade-3',
      nameZh: '汽车罐车全面检验（3级）',
      appliesTo: on('2000', { kind: '2200', variety: '2220', safetyGrades: grades(3) }),
    },
    { periodMonths: 36 },
    MOBILE,
  ),
  fixed(
    { id: 'vessel-rail-tank-first', nameZh: '铁路罐车首次全面检验', appliesTo: on('2000', { kind: '2200', variety: '2210' }) },
    { periodMonths: 24, firstPeriodMonths: 12 },
    { ...MOBILE, note: FALLBACK_NOTE },
  ),
  fixed(
    {
      id: 'vessel-rail-tank-grade-1-2',
      nameZh: '铁路罐车全面检验（1–2级）',
      appliesTo: on('2000', { kind: '2200', variety: '2210', safetyGrades: grades(1, 2) }),
    },
    { periodMonths: 48 },
    MOBILE,
  ),
  fixed(
    {
      id: 'vessel-rail-tank-grade-3',
      nameZh: '铁路罐车全面检验（3级）',
      appliesTo: on('2000', { kind: '2200', variety: '2210', safetyGrades: grades(3) }),
    },
    { periodMonths: 24 },
    MOBILE,
  ),
  fixed(
    {
      id: 'vessel-tank-container-first',
      nameZh: '罐式集装箱首次全面检验',
      appliesTo: on('2000', { kind: '2200', variety: '2240' }),
    },
    { periodMonths: 30, firstPeriodMonths: 12 },
    { ...MOBILE, note: FALLBACK_NOTE },
  ),
  fixed(
    {
      id: 'vessel-tank-container-grade-1-2',
      nameZh: '罐式集装箱全面检验（1–2级）',
      appliesTo: on('2000', { kind: '2200', variety: '2240', safetyGrades: grades(1, 2) }),
    },
    { periodMonths: 60 },
    MOBILE,
  ),
  fixed(
    {
      id: 'vessel-tank-container-grade-3',
      nameZh: '罐式集装箱全面检验（3级）',
      appliesTo: on('2000', { kind: '2200', variety: '2240', safetyGrades: grades(3) }),
    },
    { periodMonths: 30 },
    MOBILE,
  ),
  fixed(
    {
      id: 'vessel-tube-trailer',
      nameZh: '长管拖车定期检验（介质类别未登记）',
      appliesTo: on('2000', { kind: '2200', variety: '2230' }),
    },
    { periodMonths: 60, firstPeriodMonths: 36 },
    { ...MOBILE, confidence: 'D', note: 'Media class unknown: class A values, the shorter ones [D].' },
  ),
  fixed(
    {
      id: 'vessel-tube-trailer-a',
      nameZh: '长管拖车定期检验（A类介质）',
      appliesTo: on('2000', { kind: '2200', variety: '2230', attributes: { mediaClass: 'A' } }),
    },
    { periodMonths: 60, firstPeriodMonths: 36 },
    MOBILE,
  ),
  fixed(
    {
      id: 'vessel-tube-trailer-b',
      nameZh: '长管拖车定期检验（B类介质）',
      appliesTo: on('2000', { kind: '2200', variety: '2230', attributes: { mediaClass: 'B' } }),
    },
    { periodMonths: 72, firstPeriodMonths: 48 },
    MOBILE,
  ),
  monitored({ id: 'vessel-grade-4', nameZh: '压力容器（4级，监控使用）', appliesTo: on('2000', { safetyGrades: grades(4) }) }, 12, {
    source: 'domain.md §1.4.2 (grade 4 given for fixed vessels only)',
    confidence: 'D',
    note: 'Placeholder for vessels without a grade-4 period in the doc (mobile vessels) [D].',
  }),
  noUse({ id: 'vessel-grade-5', nameZh: '压力容器（5级，不得使用）', appliesTo: on('2000', { safetyGrades: grades(5) }) }, {
    source: 'domain.md §1.4.2 (grade 5: no use, fixed and non-metal vessels)',
    confidence: 'D',
  }),
];
