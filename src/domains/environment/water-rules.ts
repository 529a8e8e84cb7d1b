/**
 * Surface-water single-factor evaluation per GB 3838-2002 §5.1 and 环办〔2011〕22号
 * (standards.md §2.2). `computeWaterQuality` has exactly the JSON shapes of
 * `POST /api/v1/calc/water-quality` (product.md §4); `assessWaterSection` adds the details.
 *
 * Comparisons and 超标倍数 are exact on the decimals given (no binary rounding): a value equal to
 * a limit meets that class; 2.3 mg/L NH3-N against Ⅲ 1.0 is exactly 1.3 times over.
 */
import { invalid } from '../../shared/errors';
import { compareDecimal, divideDecimalHalfEven, multiplyDecimal, parseDecimal, subtractDecimal, type Decimal } from './decimal';
import {
  PH_RANGE, waterClassLabels, waterFactorDefinitions, waterFactors, waterQualitative, waterbodies,
  type TargetWaterClass, type WaterClass, type WaterClassLabel, type WaterFactor, type WaterQualitativeGrade, type Waterbody,
} from './water-tables';

export type WaterQualityInput = {
  waterbody: Waterbody;
  measurements: Readonly<Partial<Record<WaterFactor, number>>>;
  targetClass?: TargetWaterClass | undefined;
};

export type WaterQualityResult = {
  /** Class of every measured factor; null where Table 1 has no row for the waterbody (TN in rivers). */
  factorClasses: Partial<Record<WaterFactor, WaterClass | null>>;
  sectionClass: WaterClass;
  sectionClassLabel: WaterClassLabel;
  qualitative: WaterQualitativeGrade;
  mainPollutionIndicators: WaterFactor[];
  /** sectionClass ≤ targetClass; null without a target. */
  meetsTarget: boolean | null;
};

export type WaterAssessmentOptions = {
  /**
   * `hj-2011` (default): the 21 evaluation indicators of 环办〔2011〕22号 (TN and fecal coliform are
   * reference indicators). `all-items`: every measured factor with a Table 1 row counts.
   */
  method?: 'hj-2011' | 'all-items';
  /** Decimals of the reported 超标倍数 (half-even); default 2. */
  multipleDecimals?: number;
};

export type WaterSectionAssessment = WaterQualityResult & {
  method: 'hj-2011' | 'all-items';
  /** Factors that determined sectionClass. */
  countedFactors: WaterFactor[];
  qualitativeColorName: string;
  /** 超标倍数 (C − C_Ⅲ)/C_Ⅲ of the counted factors above their Ⅲ limit (not for pH, DO). */
  exceedanceMultiples: Partial<Record<WaterFactor, number>>;
  /** GB 3838 §5.1: counted factors worse than the target class (empty without a target). */
  factorsExceedingTarget: WaterFactor[];
  /** (C − C_target)/C_target of those factors (not for pH, DO). */
  targetExceedanceMultiples: Partial<Record<WaterFactor, number>>;
};

const dec = parseDecimal;

function checkMeasurement(factor: string, value: unknown): asserts factor is WaterFactor {
  if (!(waterFactors as readonly string[]).includes(factor)) {
    throw invalid('env.unknown_water_factor', `未知水质指标 ${factor}（可用: ${waterFactors.join(', ')}）`, { factor, allowed: waterFactors });
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (factor === 'pH' && value > 14)) {
    throw invalid('env.invalid_measurement', `监测值无效 invalid measurement: ${factor} = ${String(value)}`, { factor, value });
  }
}

/** Class 1..6 of one factor (6 = 劣Ⅴ), or null when Table 1 has no row for the waterbody. */
export function classifyWaterFactor(factor: WaterFactor, value: number, waterbody: Waterbody): WaterClass | null {
  checkMeasurement(factor, value);
  const definition = waterFactorDefinitions[factor];
  const limits = definition.limits[waterbody];
  if (!limits) return null;
  const v = dec(value);
  if (definition.direction === 'range') {
    return compareDecimal(v, dec(PH_RANGE.min)) >= 0 && compareDecimal(v, dec(PH_RANGE.max)) <= 0 ? 1 : 6;
  }
  for (let k = 0; k < 5; k++) {
    const cmp = compareDecimal(v, dec(limits[k] ?? 0));
    if (definition.direction === 'max' ? cmp <= 0 : cmp >= 0) return (k + 1) as WaterClass;
  }
  return 6;
}

/** Class label: 1 → "Ⅰ" … 5 → "Ⅴ", 6 → "劣Ⅴ". */
export function labelWaterClass(waterClass: WaterClass): WaterClassLabel {
  return waterClassLabels[waterClass];
}

function limitOf(factor: WaterFactor, waterbody: Waterbody, waterClass: TargetWaterClass): Decimal | null {
  const definition = waterFactorDefinitions[factor];
  const limit = definition.limits[waterbody]?.[waterClass - 1];
  return definition.direction === 'max' && limit !== undefined ? dec(limit) : null;
}

/** (C − C_limit)/C_limit against a class limit, rounded half-even; null for pH/DO, no row, or C ≤ limit. */
export function computeWaterExceedanceMultiple(
  factor: WaterFactor,
  value: number,
  waterbody: Waterbody,
  againstClass: TargetWaterClass = 3,
  decimals = 2,
): number | null {
  checkMeasurement(factor, value);
  const limit = limitOf(factor, waterbody, againstClass);
  const v = dec(value);
  if (!limit || compareDecimal(v, limit) <= 0) return null;
  return divideDecimalHalfEven(subtractDecimal(v, limit), limit, decimals);
}

type Candidate = { factor: WaterFactor; order: number; waterClass: WaterClass; value: Decimal; limit3: Decimal | null };

/** Worse class first; within a class the larger 超标倍数 first (exact: C_a·L_b vs C_b·L_a); pH/DO last; then table order. */
function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.waterClass !== b.waterClass) return b.waterClass - a.waterClass;
  if (a.limit3 && b.limit3) {
    const cmp = compareDecimal(multiplyDecimal(b.value, a.limit3), multiplyDecimal(a.value, b.limit3));
    if (cmp !== 0) return cmp;
  } else if (a.limit3 || b.limit3) {
    return a.limit3 ? -1 : 1;
  }
  return a.order - b.order;
}

/** Single-factor evaluation of one section (or one period mean) with all details. */
export function assessWaterSection(input: WaterQualityInput, options: WaterAssessmentOptions = {}): WaterSectionAssessment {
  const method = options.method ?? 'hj-2011';
  const decimals = options.multipleDecimals ?? 2;
  const { waterbody, targetClass } = input;
  if (!(waterbodies as readonly string[]).includes(waterbody)) {
    throw invalid('env.unknown_waterbody', `水体类型应为 river 或 lake: ${String(waterbody)}`, { waterbody });
  }
  if (targetClass !== undefined && ![1, 2, 3, 4, 5].includes(targetClass)) {
    throw invalid('env.invalid_target_class', `目标水质类别应为 1–5: ${String(targetClass)}`, { targetClass });
  }
  const factorClasses: Partial<Record<WaterFactor, WaterClass | null>> = {};
  const counted: Candidate[] = [];
  for (const [factor, value] of Object.entries(input.measurements)) {
    checkMeasurement(factor, value);
    const waterClass = classifyWaterFactor(factor, value, waterbody);
    factorClasses[factor] = waterClass;
    if (waterClass === null || (method === 'hj-2011' && !waterFactorDefinitions[factor].isEvaluated)) continue;
    counted.push({ factor, order: waterFactors.indexOf(factor), waterClass, value: dec(value), limit3: limitOf(factor, waterbody, 3) });
  }
  if (counted.length === 0) {
    throw invalid('env.no_evaluable_factor', '没有可参与评价的指标 no factor that can be evaluated', { waterbody, method });
  }
  counted.sort((a, b) => a.order - b.order);
  const sectionClass = counted.reduce<WaterClass>((worst, c) => (c.waterClass > worst ? c.waterClass : worst), 1);
  const exceedanceMultiples: Partial<Record<WaterFactor, number>> = {};
  const targetExceedanceMultiples: Partial<Record<WaterFactor, number>> = {};
  for (const c of counted) {
    const value = input.measurements[c.factor] ?? 0;
    const m3 = computeWaterExceedanceMultiple(c.factor, value, waterbody, 3, decimals);
    if (m3 !== null) exceedanceMultiples[c.factor] = m3;
    if (targetClass !== undefined && c.waterClass > targetClass) {
      const mt = computeWaterExceedanceMultiple(c.factor, value, waterbody, targetClass, decimals);
      if (mt !== null) targetExceedanceMultiples[c.factor] = mt;
    }
  }
  // 主要污染指标: only when the section is worse than Ⅲ; the three worst of the factors worse than Ⅲ.
  const mainPollutionIndicators = sectionClass > 3
    ? counted.filter((c) => c.waterClass > 3).sort(compareCandidates).slice(0, 3).map((c) => c.factor)
    : [];
  const qualitative = waterQualitative[sectionClass];
  return {
    factorClasses,
    sectionClass,
    sectionClassLabel: labelWaterClass(sectionClass),
    qualitative: qualitative.grade,
    mainPollutionIndicators,
    meetsTarget: targetClass === undefined ? null : sectionClass <= targetClass,
    method,
    countedFactors: counted.map((c) => c.factor),
    qualitativeColorName: qualitative.colorName,
    exceedanceMultiples,
    factorsExceedingTarget: targetClass === undefined ? [] : counted.filter((c) => c.waterClass > targetClass).map((c) => c.factor),
    targetExceedanceMultiples,
  };
}

/** Exactly the response of POST /api/v1/calc/water-quality (method hj-2011). */
export function computeWaterQuality(input: WaterQualityInput): WaterQualityResult {
  const a = assessWaterSection(input);
  return {
    factorClasses: a.factorClasses,
    sectionClass: a.sectionClass,
    sectionClassLabel: a.sectionClassLabel,
    qualitative: a.qualitative,
    mainPollutionIndicators: a.mainPollutionIndicators,
    meetsTarget: a.meetsTarget,
  };
}

export type WaterSectionStatistics = {
  sections: number;
  byClass: Record<WaterClass, number>;
  /** Ⅰ–Ⅲ sections (优良比例 numerator). */
  goodSections: number;
  goodPercent: number | null;
  worstSections: number;
  worstPercent: number | null;
  /** Sections that have a target. */
  withTarget: number;
  meetingTarget: number;
  /** 水质达标率 = meetingTarget / withTarget (standards.md §2.2 bulletin practice); null without targets. */
  compliancePercent: number | null;
};

const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : divideDecimalHalfEven({ coef: BigInt(part) * 100n, scale: 0 }, { coef: BigInt(whole), scale: 0 }, 1);

/** Shares over evaluated sections: 优良 (Ⅰ–Ⅲ), 劣Ⅴ, and 水质达标率 against each section's target. */
export function computeWaterSectionStatistics(
  sections: readonly { sectionClass: WaterClass; targetClass?: TargetWaterClass | null | undefined }[],
): WaterSectionStatistics {
  const byClass: Record<WaterClass, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0 };
  let withTarget = 0;
  let meetingTarget = 0;
  for (const s of sections) {
    byClass[s.sectionClass]++;
    if (s.targetClass === null || s.targetClass === undefined) continue;
    withTarget++;
    if (s.sectionClass <= s.targetClass) meetingTarget++;
  }
  const goodSections = byClass[1] + byClass[2] + byClass[3];
  return {
    sections: sections.length,
    byClass,
    goodSections,
    goodPercent: percent(goodSections, sections.length),
    worstSections: byClass[6],
    worstPercent: percent(byClass[6], sections.length),
    withTarget,
    meetingTarget,
    compliancePercent: percent(meetingTarget, withTarget),
  };
}
