/**
 * Electromechanical inspection rules: elevators, cranes, ropeways, amusement devices, field vehicles,
 * plus safety-valve calibration (domain.md §1.4.1, §1.4.2).
 */
import { fixed, meta, on, type RuleMeta } from './rule-builders';
import type { InspectionRule } from './inspection-rule-types';

/**
 * TSG T7001-2023 was announced 2023-04-02 with a 1-year transition (domain.md §1.4.1). The switch
 * from the annual rule is set at the end of the transition, 2024-04-02: the stricter annual rule
 * stays in force through the transition year, the conservative reading [D]. Edit validFrom/validTo
 * to move it.
 */
export const ELEVATOR_T7001_2023_IN_FORCE = '2024-04-02';

const CRANE: RuleMeta = {
  source: 'domain.md §1.4.2; TSG Q7015-2016 (src 46)',
  confidence: 'S',
  note: 'TSG 51-2023 supersedes Q7015; its periods are not verified [?]. Shortening to ≥ 6 months by the inspection org is not modelled.',
};

export const electromechanicalRules: readonly InspectionRule[] = [
  // 电梯 3000
  fixed({ id: 'elevator-annual-legacy', nameZh: '电梯定期检验（每年一次，旧规则）', appliesTo: on('3000') }, { periodMonths: 12 }, {
    source: 'domain.md §1.4.1 old rule (src 10)',
    confidence: 'S',
    validTo: ELEVATOR_T7001_2023_IN_FORCE,
  }),
  {
    id: 'elevator-t7001-2023',
    nameZh: '电梯定期检验与自行检测（TSG T7001-2023）',
    appliesTo: on('3000'),
    kind: 'elevator_t7001_2023',
    params: { inspectionYears: [1, 4, 7, 9, 11, 13, 15], everyYearAfter: 15, earlyMonths: 2, dueDay: 'month_start' },
    ...meta({
      source: 'domain.md §1.4.1; TSG T7001-2023 / TSG T7008-2023 (src 6–8)',
      confidence: '?',
      validFrom: ELEVATOR_T7001_2023_IN_FORCE,
      note: 'Years 1,4,7,9,11,13,15 [S]; > 15 yearly [S]; self-test in other years [?]; "第1年" = first anniversary [?].',
    }),
  },

  // 起重机械 4000
  fixed({ id: 'crane-bridge', nameZh: '桥式起重机', appliesTo: on('4000', { kind: '4100' }) }, { periodMonths: 24 }, CRANE),
  fixed({ id: 'crane-gantry', nameZh: '门式起重机', appliesTo: on('4000', { kind: '4200' }) }, { periodMonths: 24 }, CRANE),
  fixed({ id: 'crane-tower', nameZh: '塔式起重机', appliesTo: on('4000', { kind: '4300' }) }, { periodMonths: 12 }, CRANE),
  fixed({ id: 'crane-mobile', nameZh: '流动式起重机', appliesTo: on('4000', { kind: '4400' }) }, { periodMonths: 12 }, CRANE),
  fixed({ id: 'crane-railway', nameZh: '铁路起重机', appliesTo: on('4000', { kind: '4400', variety: '4450' }) }, { periodMonths: 24 }, CRANE),
  fixed({ id: 'crane-portal', nameZh: '门座式起重机', appliesTo: on('4000', { kind: '4700' }) }, { periodMonths: 24 }, CRANE),
  fixed({ id: 'crane-hoist', nameZh: '升降机', appliesTo: on('4000', { kind: '4800' }) }, { periodMonths: 12 }, CRANE),
  fixed({ id: 'crane-cable', nameZh: '缆索式起重机', appliesTo: on('4000', { kind: '4900' }) }, { periodMonths: 24 }, CRANE),
  fixed({ id: 'crane-mast', nameZh: '桅杆式起重机', appliesTo: on('4000', { kind: '4A00' }) }, { periodMonths: 24 }, CRANE),
  fixed({ id: 'crane-parking', nameZh: '机械式停车设备', appliesTo: on('4000', { kind: '4D00' }) }, { periodMonths: 24 }, CRANE),
  fixed(
    {
      id: 'crane-molten-metal',
      nameZh: '吊运熔融金属的起重机',
      appliesTo: on('4000', { attributes: { liftsMoltenMetal: true } }),
    },
    { periodMonths: 12 },
    CRANE,
  ),

  // 客运索道 9000, 大型游乐设施 6000, 场（厂）内专用机动车辆 5000: widely reported yearly, not verified
  fixed(
    { id: 'ropeway', nameZh: '客运索道定期检验', appliesTo: on('9000') },
    { periodMonths: 12 },
    { source: 'domain.md §1.4.2 (TSG S7001-2013)', confidence: '?' },
  ),
  fixed(
    { id: 'amusement-device', nameZh: '大型游乐设施定期检验', appliesTo: on('6000') },
    { periodMonths: 12 },
    { source: 'domain.md §1.4.2 (TSG 71-2023)', confidence: '?' },
  ),
  fixed(
    { id: 'field-vehicle', nameZh: '场（厂）内专用机动车辆定期检验', appliesTo: on('5000') },
    { periodMonths: 12 },
    { source: 'domain.md §1.4.2 (TSG N0001-2017 → TSG 81-2022, src 47)', confidence: '?' },
  ),

  // 安全附件 F000: 安全阀 7310
  fixed({ id: 'safety-valve', nameZh: '安全阀校验', appliesTo: on('F000', { variety: '7310' }) }, { periodMonths: 12 }, {
    source: 'domain.md §1.4.2 安全阀 (src 48)',
    confidence: 'S',
    note: 'Extensions (vessels to 36/60, pipelines to 36 under conditions) are not modelled.',
  }),
];
