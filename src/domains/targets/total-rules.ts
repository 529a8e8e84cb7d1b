/**
 * Unit total and grade (domain.md §4.3):
 *   raw   = Σ indicator scores
 *   total = raw + min(Σ bonus, Bmax) − min(Σ deduction, Dmax)
 *   grade = veto ? vetoGrade : first band with total ≥ min, else lowestGrade
 * Inputs are the 2-decimal scores of `scoreIndicator`, so the total is exact without rounding.
 * Veto policy [D]: by default the numeric total is kept and shown (`vetoTotal: 'keep'`) and only the
 * grade is forced to D; `'zero'` shows 0 instead. `computedTotal` always holds the number before the
 * veto policy, so the published table can show both.
 */
import { invalid } from '../../shared/errors';
import { ZERO, add, compare, formatFixed, maxRatio, minRatio, parseDecimal, sub, sum, type Ratio } from './decimal';
import { defaultGradeConfig, defaultUnitCaps, type GradeConfig, type UnitCaps } from './plan-schema';
import type { IndicatorScore } from './scoring-rules';

export type ScoredItem = { code: string; score: string };
export type VetoItem = { code: string; triggered: boolean };
export type UnitScoreInput = {
  items: readonly ScoredItem[];
  bonuses: readonly ScoredItem[];
  deductions: readonly ScoredItem[];
  vetoes: readonly VetoItem[];
};

/** All amounts are 2-decimal strings. */
export type UnitTotal = {
  raw: string;
  bonusSum: string;
  bonusApplied: string;
  deductionSum: string;
  deductionApplied: string;
  computedTotal: string;
  total: string;
  vetoed: boolean;
  vetoCodes: string[];
};

export type UnitAssessment = UnitTotal & { grade: string };

/** Splits `scoreIndicator` results by their effect. */
export function groupScores(scores: readonly IndicatorScore[]): UnitScoreInput {
  const pick = (effect: IndicatorScore['effect']) =>
    scores.filter((s) => s.effect === effect).map((s) => ({ code: s.code, score: s.score }));
  return {
    items: pick('score'),
    bonuses: pick('bonus'),
    deductions: pick('deduction'),
    vetoes: scores.filter((s) => s.effect === 'veto').map((s) => ({ code: s.code, triggered: s.vetoTriggered })),
  };
}

function sumScores(items: readonly ScoredItem[], what: string): Ratio {
  return sum(
    items.map((item) => {
      const value = parseDecimal(item.score);
      if (what !== 'items' && value.num < 0n) {
        throw invalid('targets.negative_item_score', `${item.code} 的${what === 'bonuses' ? '加分' : '扣分'}不能为负数`, { code: item.code });
      }
      return value;
    }),
  );
}

const capped = (value: Ratio, cap: string | null): Ratio => (cap === null ? value : minRatio(value, parseDecimal(cap)));

export function scoreUnit(input: UnitScoreInput, caps: UnitCaps = defaultUnitCaps): UnitTotal {
  const raw = sumScores(input.items, 'items');
  const bonusSum = sumScores(input.bonuses, 'bonuses');
  const deductionSum = sumScores(input.deductions, 'deductions');
  const bonusApplied = capped(bonusSum, caps.bonusCap);
  const deductionApplied = capped(deductionSum, caps.deductionCap);
  let computed = sub(add(raw, bonusApplied), deductionApplied);
  if (caps.floorTotalAtZero) computed = maxRatio(computed, ZERO);
  const vetoCodes = input.vetoes.filter((v) => v.triggered).map((v) => v.code);
  const vetoed = vetoCodes.length > 0;
  const total = vetoed && caps.vetoTotal === 'zero' ? ZERO : computed;
  return {
    raw: formatFixed(raw),
    bonusSum: formatFixed(bonusSum),
    bonusApplied: formatFixed(bonusApplied),
    deductionSum: formatFixed(deductionSum),
    deductionApplied: formatFixed(deductionApplied),
    computedTotal: formatFixed(computed),
    total: formatFixed(total),
    vetoed,
    vetoCodes,
  };
}

/** Grade of a total (exact comparison: 89.99 → B, 90 → A with the defaults); a veto wins over any total. */
export function gradeFor(total: string, vetoed: boolean, config: GradeConfig = defaultGradeConfig): string {
  if (vetoed) return config.vetoGrade;
  const value = parseDecimal(total);
  const band = config.bands.find((b) => compare(value, parseDecimal(b.min)) >= 0);
  return band ? band.grade : config.lowestGrade;
}

/** `scoreUnit` + `gradeFor` on a list of `scoreIndicator` results. */
export function assessUnit(scores: readonly IndicatorScore[], caps: UnitCaps = defaultUnitCaps, grades: GradeConfig = defaultGradeConfig): UnitAssessment {
  const total = scoreUnit(groupScores(scores), caps);
  return { ...total, grade: gradeFor(total.total, total.vetoed, grades) };
}
