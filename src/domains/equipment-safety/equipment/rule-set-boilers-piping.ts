/**
 * Boiler, gas-cylinder and pressure-piping inspection rules (domain.md §1.4.2).
 */
import { fixed, grades, inspectorSet, noUse, on, type RuleMeta } from './rule-builders';
import type { InspectionRule } from './inspection-rule-types';

const BOILER: RuleMeta = { source: 'domain.md §1.4.2; TSG 11-2020 (src 5, 11, 12)', confidence: 'S' };
const CYLINDER: RuleMeta = {
  source: 'domain.md §1.4.2 气瓶 older table (src 13, 45); TSG 23-2021 not verified',
  confidence: '?',
  note: 'Base = manufacture date (pass it as commissionedOn).',
};
const PIPE: RuleMeta = { source: 'domain.md §1.4.2 压力管道 (src 45)', confidence: 'S' };
const FALLBACK_NOTE = 'Period after an inspection that recorded no safety grade is a conservative placeholder [D].';

export const boilerCylinderPipingRules: readonly InspectionRule[] = [
  // 锅炉 1000
  fixed({ id: 'boiler-external', nameZh: '锅炉外部检验', appliesTo: on('1000') }, { periodMonths: 12 }, { ...BOILER, track: 'external' }),
  fixed(
    { id: 'boiler-internal', nameZh: '锅炉内部检验', appliesTo: on('1000') },
    { periodMonths: 24, firstPeriodMonths: 12 },
    { ...BOILER, track: 'internal' },
  ),
  inspectorSet({ id: 'boiler-utility-internal', nameZh: '电站锅炉内部检验（结合大修）', appliesTo: on('1000', { attributes: { utilityBoiler: true } }) }, 36, 72, {
    ...BOILER,
    track: 'internal',
    note: 'Default 36 when the inspector set none [D]; one filed postponement is not modelled. Hydro test not modelled: sources disagree (domain.md §10.2).',
  }),

  // 气瓶 2300 (periods not verified against TSG 23-2021)
  fixed({ id: 'cylinder-general', nameZh: '气瓶定期检验（一般气体）', appliesTo: on('2000', { kind: '2300' }) }, { periodMonths: 36 }, CYLINDER),
  fixed(
    {
      id: 'cylinder-corrosive',
      nameZh: '气瓶定期检验（腐蚀性气体）',
      appliesTo: on('2000', { kind: '2300', attributes: { cylinderMedium: 'corrosive' } }),
    },
    { periodMonths: 24 },
    CYLINDER,
  ),
  fixed(
    {
      id: 'cylinder-inert',
      nameZh: '气瓶定期检验（惰性气体）',
      appliesTo: on('2000', { kind: '2300', attributes: { cylinderMedium: 'inert' } }),
    },
    { periodMonths: 60 },
    CYLINDER,
  ),
  fixed({ id: 'cylinder-lpg-small', nameZh: '液化石油气钢瓶 YSP-0.5～15', appliesTo: on('2000', { kind: '2300', attributes: { cylinderMedium: 'lpg_small' } }) }, {
    periodMonths: 48,
    later: { afterInspections: 3, periodMonths: 36 },
  }, { ...CYLINDER, note: 'Unknown inspection count → 36 (conservative) [D]. Base = manufacture date.' }),
  fixed(
    {
      id: 'cylinder-lpg-50',
      nameZh: '液化石油气钢瓶 YSP-50',
      appliesTo: on('2000', { kind: '2300', attributes: { cylinderMedium: 'lpg_50' } }),
    },
    { periodMonths: 36 },
    CYLINDER,
  ),
  fixed(
    {
      id: 'cylinder-vehicle-lpg',
      nameZh: '车用液化石油气气瓶',
      appliesTo: on('2000', { kind: '2300', attributes: { cylinderMedium: 'vehicle_lpg' } }),
    },
    { periodMonths: 60 },
    CYLINDER,
  ),

  // 压力管道 8000
  fixed(
    { id: 'pipe-public-annual-check', nameZh: '公用管道年度检查', appliesTo: on('8000', { kind: '8200' }) },
    { periodMonths: 12 },
    { ...PIPE, track: 'annual_check', note: 'Not required in a year with a full inspection (not modelled).' },
  ),
  fixed(
    { id: 'pipe-public-full', nameZh: '公用管道全面检验（GB1-IV、中压燃气、GB2）', appliesTo: on('8000', { kind: '8200' }) },
    { periodMonths: 144 },
    PIPE,
  ),
  fixed(
    {
      id: 'pipe-public-gb1-iii',
      nameZh: '公用管道全面检验（GB1-III 次高压燃气）',
      appliesTo: on('8000', { kind: '8200', attributes: { publicPipelineClass: 'GB1_III' } }),
    },
    { periodMonths: 96 },
    { ...PIPE, priority: 1, note: 'Wins over the PE/cast-iron rule when both apply (shorter) [D].' },
  ),
  fixed(
    {
      id: 'pipe-public-pe-cast-iron',
      nameZh: '公用管道全面检验（PE管、铸铁管）',
      appliesTo: on('8000', { kind: '8200', attributes: { pipeMaterial: 'pe_or_cast_iron' } }),
    },
    { periodMonths: 180 },
    PIPE,
  ),
  fixed({ id: 'pipe-industrial-first', nameZh: '工业管道首次定期检验', appliesTo: on('8000', { kind: '8300' }) }, { periodMonths: 36, firstPeriodMonths: 36 }, {
    ...PIPE,
    confidence: '?',
    note: 'domain.md gives no first-inspection period for industrial pipelines; 36 is a placeholder. ' + FALLBACK_NOTE,
  }),
  fixed(
    {
      id: 'pipe-industrial-grade-1-2',
      nameZh: '工业管道（1–2级，GC1/GC2）',
      appliesTo: on('8000', { kind: '8300', safetyGrades: grades(1, 2) }),
    },
    { periodMonths: 72 },
    { ...PIPE, note: 'RBI-based extension to 108 is not modelled.' },
  ),
  fixed(
    {
      id: 'pipe-industrial-gc3-grade-1-2',
      nameZh: '工业管道（1–2级，GC3）',
      appliesTo: on('8000', { kind: '8300', safetyGrades: grades(1, 2), attributes: { pipelineClass: 'GC3' } }),
    },
    { periodMonths: 108 },
    PIPE,
  ),
  fixed(
    {
      id: 'pipe-industrial-grade-3',
      nameZh: '工业管道（3级）',
      appliesTo: on('8000', { kind: '8300', safetyGrades: grades(3) }),
    },
    { periodMonths: 36 },
    PIPE,
  ),
  noUse({ id: 'pipe-industrial-grade-4', nameZh: '工业管道（4级，判废）', appliesTo: on('8000', { kind: '8300', safetyGrades: grades(4) }) }, PIPE),
  fixed(
    { id: 'pipe-industrial-annual-check', nameZh: '工业管道年度检查', appliesTo: on('8000', { kind: '8300' }) },
    { periodMonths: 12 },
    { ...PIPE, confidence: '?', track: 'annual_check' },
  ),
];
