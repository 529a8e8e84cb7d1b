/**
 * 序时进度 (domain.md §4.3 "Progress tracking during the year" [D]).
 *
 * expected = T × share, where share is
 *  - `days`:   elapsed calendar days / days of the period, both counted inclusively (asOf = periodEnd ⇒ 1);
 *  - `months`: months of the period whose last day is ≤ asOf, / months of the period (§4.3 `monthsElapsed/12`);
 *  - a configured monthly curve: cumulative percent by the end of month k (12-month periods only).
 * Status (configurable, defaults 100 % / 80 %): green if actual ≥ expected·green%, yellow if
 * actual ≥ expected·yellow%, red otherwise. Lower-is-better indicators invert the ratio: they are
 * judged by expected/actual (green if actual ≤ expected·100/green%). Exact arithmetic throughout.
 * Rates are levels, not cumulative: their "expected" is the threshold itself (`expectedForIndicator`).
 */
import { invalid } from '../../shared/errors';
import { HUNDRED, ONE, ZERO, clamp, compare, div, formatFixed, makeRatio, mul, parseDecimal, type Ratio } from './decimal';
import type { Direction, IndicatorDefinition } from './indicator-schema';
import { daysBetween, lastDayOfMonth, toDayNumber, yearMonthOf } from './local-date';
import { defaultPaceConfig, type PaceConfig } from './plan-schema';

export type PaceStatus = 'green' | 'yellow' | 'red';
export type PaceOptions = { basis?: PaceConfig['basis']; curve?: readonly string[] | undefined };
/** `share` and `expected` are exact; the texts are rounded half-up to 2 decimals for display. */
export type PaceExpectation = { share: Ratio; expected: Ratio; sharePercentText: string; expectedText: string };

function monthIndex(date: string): number {
  const { year, month } = yearMonthOf(date);
  return year * 12 + (month - 1);
}

/** Share of the period elapsed at `asOf` (0 … 1). */
export function elapsedShare(periodStart: string, periodEnd: string, asOf: string, options: PaceOptions = {}): Ratio {
  if (toDayNumber(periodEnd) < toDayNumber(periodStart)) throw invalid('targets.invalid_period', '考核期结束日早于开始日', { periodStart, periodEnd });
  const basis = options.basis ?? (options.curve ? 'months' : defaultPaceConfig.basis);
  if (basis === 'days') {
    const total = daysBetween(periodStart, periodEnd) + 1;
    const elapsed = daysBetween(periodStart, asOf) + 1;
    return clamp(makeRatio(BigInt(elapsed), BigInt(total)), ZERO, ONE);
  }
  const months = monthIndex(periodEnd) - monthIndex(periodStart) + 1;
  let completed = 0;
  for (let m = 0; m < months; m += 1) {
    const index = monthIndex(periodStart) + m;
    const monthEnd = lastDayOfMonth(Math.floor(index / 12), (index % 12) + 1);
    if (toDayNumber(monthEnd) <= toDayNumber(asOf)) completed += 1;
  }
  if (options.curve) {
    if (options.curve.length !== months) {
      throw invalid('targets.curve_length_mismatch', `进度曲线有${options.curve.length}个月，考核期有${months}个月`, { months });
    }
    return completed === 0 ? ZERO : div(parseDecimal(options.curve[completed - 1] ?? '0'), HUNDRED);
  }
  return makeRatio(BigInt(completed), BigInt(months));
}

export function expectedProgress(target: string, periodStart: string, periodEnd: string, asOf: string, options: PaceOptions = {}): PaceExpectation {
  const share = elapsedShare(periodStart, periodEnd, asOf, options);
  const expected = mul(parseDecimal(target), share);
  return { share, expected, sharePercentText: formatFixed(mul(share, HUNDRED)), expectedText: formatFixed(expected) };
}

export type PaceStatusOptions = { greenAtPercent?: string; yellowAtPercent?: string; direction?: Direction };

export function paceStatus(actual: string, expected: Ratio | string, options: PaceStatusOptions = {}): PaceStatus {
  const a = parseDecimal(actual);
  const e = typeof expected === 'string' ? parseDecimal(expected) : expected;
  const green = parseDecimal(options.greenAtPercent ?? defaultPaceConfig.greenAtPercent);
  const yellow = parseDecimal(options.yellowAtPercent ?? defaultPaceConfig.yellowAtPercent);
  if (options.direction === 'lower_is_better') {
    // ratio = expected / actual; compare e·100 ≥ a·pct without dividing (actual may be 0).
    const meets = (pct: Ratio) => compare(mul(e, HUNDRED), mul(a, pct)) >= 0;
    return meets(green) ? 'green' : meets(yellow) ? 'yellow' : 'red';
  }
  const meets = (pct: Ratio) => compare(mul(a, HUNDRED), mul(e, pct)) >= 0;
  return meets(green) ? 'green' : meets(yellow) ? 'yellow' : 'red';
}

/**
 * Expected value of an indicator at `asOf`: counts are pro-rated (a range uses its floor L, the
 * 确保 value); rates and base-and-slope targets are levels and expected in full at any time;
 * other types have no pace (null).
 */
export function expectedForIndicator(
  def: IndicatorDefinition,
  period: { start: string; end: string; asOf: string },
  config: PaceConfig = defaultPaceConfig,
): { expected: Ratio; direction: Direction } | null {
  const counts = def.type === 'count_range' || def.type === 'count_target';
  const share = counts ? elapsedShare(period.start, period.end, period.asOf, { basis: config.basis, curve: config.curve }) : ONE;
  return expectedAtShare(def, share);
}

/** As `expectedForIndicator`, with the elapsed share already known (one share serves every item of a plan). */
export function expectedAtShare(def: IndicatorDefinition, share: Ratio): { expected: Ratio; direction: Direction } | null {
  switch (def.type) {
    case 'count_range':
      return { expected: mul(parseDecimal(def.lower), share), direction: 'higher_is_better' };
    case 'count_target':
      return { expected: mul(parseDecimal(def.target), share), direction: 'higher_is_better' };
    case 'rate_threshold':
      return { expected: parseDecimal(def.threshold), direction: def.direction };
    case 'base_slope':
      return { expected: parseDecimal(def.target), direction: def.direction };
    default:
      return null;
  }
}

/** Traffic light of one indicator's cumulative actual, or null for types without pace. */
export function classifyIndicatorPace(
  def: IndicatorDefinition,
  actual: string,
  period: { start: string; end: string; asOf: string },
  config: PaceConfig = defaultPaceConfig,
): PaceStatus | null {
  const expectation = expectedForIndicator(def, period, config);
  if (!expectation) return null;
  return paceStatus(actual, expectation.expected, {
    greenAtPercent: config.greenAtPercent,
    yellowAtPercent: config.yellowAtPercent,
    direction: expectation.direction,
  });
}
