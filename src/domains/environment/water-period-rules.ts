/**
 * Surface water over periods and along rivers (standards.md §2.2, 环办〔2011〕22号):
 * - a section's class for a period = single-factor class of the arithmetic mean of its samples;
 * - a river (or lake) with fewer than 5 sections: the mean concentrations over its sections, then
 *   single-factor evaluation; with 5 or more: the shares of sections by class
 *   (Ⅰ–Ⅲ ≥ 90 % 优; ≥ 75 % 良好; otherwise 劣Ⅴ ≥ 40 % 重度污染 (only while Ⅰ–Ⅲ is below the configurable
 *   threshold, 75 % per the Shenzhen FAQ, 60 % per one reading of the circular), 劣Ⅴ ≥ 20 % 中度污染,
 *   else 轻度污染).
 * Means are exact on the decimals given, rounded half-even to 6 decimals (below every limit's precision).
 */
import { divideDecimalHalfEven, parseDecimal, type Decimal } from './decimal';
import { assessWaterSection, computeWaterSectionStatistics } from './water-rules';
import type { TargetWaterClass, WaterClass, WaterFactor, WaterQualitativeGrade, Waterbody } from './water-tables';
import { waterClassLabels, waterQualitative, type WaterClassLabel } from './water-tables';

export type Measurements = Partial<Record<WaterFactor, number>>;

const MEAN_DECIMALS = 6;

function addDecimal(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { coef: a.coef * 10n ** BigInt(scale - a.scale) + b.coef * 10n ** BigInt(scale - b.scale), scale };
}

/** Arithmetic mean per factor over samples (each factor over the samples that measured it). */
export function computeMeanMeasurements(samples: readonly Measurements[]): Measurements {
  const sums = new Map<WaterFactor, { sum: Decimal; count: number }>();
  for (const sample of samples) {
    for (const [factor, value] of Object.entries(sample) as [WaterFactor, number][]) {
      if (typeof value !== 'number' || !Number.isFinite(value)) continue;
      const prev = sums.get(factor);
      sums.set(factor, prev ? { sum: addDecimal(prev.sum, parseDecimal(value)), count: prev.count + 1 } : { sum: parseDecimal(value), count: 1 });
    }
  }
  const out: Measurements = {};
  for (const [factor, { sum, count }] of sums) {
    out[factor] = divideDecimalHalfEven(sum, { coef: BigInt(count), scale: 0 }, MEAN_DECIMALS);
  }
  return out;
}

export type RiverEvaluationConfig = {
  /** Sections from which the proportion method applies ("5个（含5个）以上"). */
  minSectionsForProportion: number;
  /** 重度污染 needs Ⅰ–Ⅲ below this percentage (75 per the FAQ, 60 per the circular as recalled). */
  severeMaxGoodPercent: number;
};

export const defaultRiverEvaluationConfig: RiverEvaluationConfig = { minSectionsForProportion: 5, severeMaxGoodPercent: 75 };

export type RiverSectionInput = { sectionClass: WaterClass; targetClass?: TargetWaterClass | null; measurements: Measurements };

export type RiverEvaluation = {
  method: 'mean' | 'proportion';
  sectionCount: number;
  qualitative: WaterQualitativeGrade | null;
  /** Mean method only: the class of the mean concentrations. */
  riverClass: WaterClass | null;
  riverClassLabel: WaterClassLabel | null;
  mainPollutionIndicators: WaterFactor[];
  byClass: Record<WaterClass, number>;
  goodPercent: number | null;
  worstPercent: number | null;
  compliancePercent: number | null;
};

/** Qualitative grade of a river with ≥ N sections from the shares of its sections by class. */
export function gradeByProportion(byClass: Record<WaterClass, number>, config: RiverEvaluationConfig = defaultRiverEvaluationConfig): WaterQualitativeGrade {
  const n = byClass[1] + byClass[2] + byClass[3] + byClass[4] + byClass[5] + byClass[6];
  const good = byClass[1] + byClass[2] + byClass[3];
  const worst = byClass[6];
  if (good * 100 >= 90 * n) return '优';
  if (good * 100 >= 75 * n) return '良好';
  if (worst * 100 >= 40 * n && good * 100 < config.severeMaxGoodPercent * n) return '重度污染';
  if (worst * 100 >= 20 * n) return '中度污染';
  return '轻度污染';
}

/** Evaluation of one river or lake from its sections' (period) results. */
export function evaluateRiver(
  waterbody: Waterbody,
  sections: readonly RiverSectionInput[],
  config: RiverEvaluationConfig = defaultRiverEvaluationConfig,
): RiverEvaluation {
  const stats = computeWaterSectionStatistics(sections);
  const base = {
    sectionCount: sections.length,
    byClass: stats.byClass,
    goodPercent: stats.goodPercent,
    worstPercent: stats.worstPercent,
    compliancePercent: stats.compliancePercent,
  };
  if (sections.length === 0) {
    return { ...base, method: 'mean', qualitative: null, riverClass: null, riverClassLabel: null, mainPollutionIndicators: [] };
  }
  if (sections.length >= config.minSectionsForProportion) {
    return { ...base, method: 'proportion', qualitative: gradeByProportion(stats.byClass, config), riverClass: null, riverClassLabel: null, mainPollutionIndicators: [] };
  }
  const mean = assessWaterSection({ waterbody, measurements: computeMeanMeasurements(sections.map((s) => s.measurements)) });
  return {
    ...base,
    method: 'mean',
    qualitative: waterQualitative[mean.sectionClass].grade,
    riverClass: mean.sectionClass,
    riverClassLabel: waterClassLabels[mean.sectionClass],
    mainPollutionIndicators: mean.mainPollutionIndicators,
  };
}
