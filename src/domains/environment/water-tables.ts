/**
 * GB 3838-2002 Table 1 basic items (standards.md §2.1) and the labels of §2.2. Limits are the
 * class Ⅰ…Ⅴ values in mg/L (pH dimensionless, fecal coliform 个/L).
 */

export const waterFactors = [
  'pH', 'DO', 'CODMn', 'COD', 'BOD5', 'NH3N', 'TP', 'TN', 'Cu', 'Zn', 'F', 'Se', 'As', 'Hg', 'Cd', 'Cr6', 'Pb', 'CN',
  'VPhenol', 'Petroleum', 'LAS', 'Sulfide', 'FecalColiform',
] as const;
export type WaterFactor = (typeof waterFactors)[number];

export const waterbodies = ['river', 'lake'] as const;
/** `lake` covers lakes and reservoirs (湖、库). */
export type Waterbody = (typeof waterbodies)[number];

/** 1..5 = Ⅰ..Ⅴ, 6 = 劣Ⅴ. */
export type WaterClass = 1 | 2 | 3 | 4 | 5 | 6;
export type TargetWaterClass = 1 | 2 | 3 | 4 | 5;

type Limits = readonly [number, number, number, number, number];

export type WaterFactorDefinition = {
  readonly name: string;
  readonly unit: string;
  /** `max`: value ≤ limit meets the class; `min`: value ≥ limit (DO); `range`: pH 6–9 for every class. */
  readonly direction: 'max' | 'min' | 'range';
  /** Class Ⅰ..Ⅴ limits per waterbody; absent = no Table 1 row for that waterbody (TN for rivers). */
  readonly limits: Readonly<Partial<Record<Waterbody, Limits>>>;
  /**
   * 环办〔2011〕22号: evaluation indicators are the 21 items other than 水温, 总氮 and 粪大肠菌群;
   * TN and fecal coliform are reference indicators (classified, not counted in the section class).
   */
  readonly isEvaluated: boolean;
};

const both = (limits: Limits) => ({ river: limits, lake: limits });
const def = (name: string, unit: string, direction: WaterFactorDefinition['direction'], limits: WaterFactorDefinition['limits'], isEvaluated = true): WaterFactorDefinition =>
  ({ name, unit, direction, limits, isEvaluated });

export const waterFactorDefinitions: Record<WaterFactor, WaterFactorDefinition> = {
  pH: def('pH', '无量纲', 'range', both([6, 6, 6, 6, 6])),
  // Class Ⅰ: 饱和率 90 % (或 7.5 mg/L); saturation is not an input, so 7.5 mg/L (standards.md §2.2).
  DO: def('溶解氧', 'mg/L', 'min', both([7.5, 6, 5, 3, 2])),
  CODMn: def('高锰酸盐指数', 'mg/L', 'max', both([2, 4, 6, 10, 15])),
  COD: def('化学需氧量', 'mg/L', 'max', both([15, 15, 20, 30, 40])),
  BOD5: def('五日生化需氧量', 'mg/L', 'max', both([3, 3, 4, 6, 10])),
  NH3N: def('氨氮', 'mg/L', 'max', both([0.15, 0.5, 1.0, 1.5, 2.0])),
  TP: def('总磷', 'mg/L', 'max', { river: [0.02, 0.1, 0.2, 0.3, 0.4], lake: [0.01, 0.025, 0.05, 0.1, 0.2] }),
  TN: def('总氮', 'mg/L', 'max', { lake: [0.2, 0.5, 1.0, 1.5, 2.0] }, false),
  Cu: def('铜', 'mg/L', 'max', both([0.01, 1.0, 1.0, 1.0, 1.0])),
  Zn: def('锌', 'mg/L', 'max', both([0.05, 1.0, 1.0, 2.0, 2.0])),
  F: def('氟化物', 'mg/L', 'max', both([1.0, 1.0, 1.0, 1.5, 1.5])),
  Se: def('硒', 'mg/L', 'max', both([0.01, 0.01, 0.01, 0.02, 0.02])),
  As: def('砷', 'mg/L', 'max', both([0.05, 0.05, 0.05, 0.1, 0.1])),
  Hg: def('汞', 'mg/L', 'max', both([0.00005, 0.00005, 0.0001, 0.001, 0.001])),
  Cd: def('镉', 'mg/L', 'max', both([0.001, 0.005, 0.005, 0.005, 0.01])),
  Cr6: def('铬（六价）', 'mg/L', 'max', both([0.01, 0.05, 0.05, 0.05, 0.1])),
  Pb: def('铅', 'mg/L', 'max', both([0.01, 0.01, 0.05, 0.05, 0.1])),
  CN: def('氰化物', 'mg/L', 'max', both([0.005, 0.05, 0.2, 0.2, 0.2])),
  VPhenol: def('挥发酚', 'mg/L', 'max', both([0.002, 0.002, 0.005, 0.01, 0.1])),
  Petroleum: def('石油类', 'mg/L', 'max', both([0.05, 0.05, 0.05, 0.5, 1.0])),
  LAS: def('阴离子表面活性剂', 'mg/L', 'max', both([0.2, 0.2, 0.2, 0.3, 0.3])),
  Sulfide: def('硫化物', 'mg/L', 'max', both([0.05, 0.1, 0.2, 0.5, 1.0])),
  FecalColiform: def('粪大肠菌群', '个/L', 'max', both([200, 2000, 10000, 20000, 40000]), false),
};

/** pH range of every class (GB 3838-2002 Table 1 item 2); outside → 劣Ⅴ (standards.md §2.2 convention). */
export const PH_RANGE = { min: 6, max: 9 } as const;

export const waterClassLabelValues = ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ', '劣Ⅴ'] as const;
export type WaterClassLabel = (typeof waterClassLabelValues)[number];
export const waterClassLabels: Record<WaterClass, WaterClassLabel> = { 1: 'Ⅰ', 2: 'Ⅱ', 3: 'Ⅲ', 4: 'Ⅳ', 5: 'Ⅴ', 6: '劣Ⅴ' };

export const waterQualitativeGrades = ['优', '良好', '轻度污染', '中度污染', '重度污染'] as const;
export type WaterQualitativeGrade = (typeof waterQualitativeGrades)[number];

/** Qualitative level and its colour name per class (环办〔2011〕22号; standards.md §2.2). */
export const waterQualitative: Record<WaterClass, { grade: WaterQualitativeGrade; colorName: string }> = {
  1: { grade: '优', colorName: '蓝' },
  2: { grade: '优', colorName: '蓝' },
  3: { grade: '良好', colorName: '绿' },
  4: { grade: '轻度污染', colorName: '黄' },
  5: { grade: '中度污染', colorName: '橙' },
  6: { grade: '重度污染', colorName: '红' },
};

/** Class functions (GB 3838-2002 §3). */
export const waterClassFunctions: Record<TargetWaterClass, string> = {
  1: '源头水、国家自然保护区',
  2: '集中式生活饮用水地表水源地一级保护区、珍稀水生生物栖息地、鱼虾类产卵场、仔稚幼鱼的索饵场等',
  3: '集中式生活饮用水地表水源地二级保护区、鱼虾类越冬场、洄游通道、水产养殖区等渔业水域及游泳区',
  4: '一般工业用水区及人体非直接接触的娱乐用水区',
  5: '农业用水区及一般景观要求水域',
};
