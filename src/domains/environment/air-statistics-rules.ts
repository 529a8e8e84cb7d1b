/**
 * Statistics over daily AQI results (standards.md §1.8): 优良天数比例 (share of good days), counts
 * by category and primary-pollutant statistics.
 *
 * 优良天数比例 = valid days with AQI ≤ 100 / valid days. A valid day is a day with a published
 * daily AQI (aqi not null; under HJ 633-2026 a day whose AQI is NA because of missing data is
 * not valid). No valid day → rate null, not 0. The percentage is rounded to 0.1 % half-even
 * (GB/T 8170), computed exactly from the integer counts.
 */
import { invalid } from '../../shared/errors';
import { classifyAqi } from './aqi-rules';
import { airPollutants, aqiCategories, pollutantOfCode, type AirPollutant, type AqiCategory, type AqiCode } from './aqi-tables';
import { divideHalfEven } from './decimal';

export type AqiDay = {
  readonly aqi: number | null;
  readonly primaryPollutants?: readonly AqiCode[] | undefined;
};

export type GoodDayStatistics = {
  totalDays: number;
  validDays: number;
  /** AQI ≤ 100 (优 + 良). */
  goodDays: number;
  /** goodDays / validDays (unrounded; compare targets with goodDays/validDays exactly). Null without valid days. */
  rate: number | null;
  /** Percentage to 0.1 (half-even), e.g. 86.7. Null without valid days. */
  percent: number | null;
  daysByCategory: Record<AqiCategory, number>;
  /** AQI ≤ 50. */
  excellentDays: number;
  /** AQI > 100 (污染). */
  pollutedDays: number;
  /** AQI > 200 (重污染, includes 严重污染). */
  heavyPollutedDays: number;
  /** AQI > 300 (严重污染). */
  severePollutedDays: number;
  /** Days (AQI > 50) on which the pollutant was a primary pollutant (ties count for each; O3 once a day). */
  primaryPollutantDays: Record<AirPollutant, number>;
  /** Same, restricted to polluted days (AQI > 100): "以 X 为首要污染物的超标天数". */
  primaryPollutantPollutedDays: Record<AirPollutant, number>;
};

const zeroByPollutant = (): Record<AirPollutant, number> =>
  Object.fromEntries(airPollutants.map((p) => [p, 0])) as Record<AirPollutant, number>;

/** Good-day rate, category counts and primary-pollutant statistics of a set of daily AQI results. */
export function computeGoodDayRate(days: readonly AqiDay[]): GoodDayStatistics {
  const daysByCategory = Object.fromEntries(aqiCategories.map((c) => [c, 0])) as Record<AqiCategory, number>;
  const primaryPollutantDays = zeroByPollutant();
  const primaryPollutantPollutedDays = zeroByPollutant();
  let validDays = 0;
  let goodDays = 0;
  let excellentDays = 0;
  let pollutedDays = 0;
  let heavyPollutedDays = 0;
  let severePollutedDays = 0;
  for (const day of days) {
    const aqi = day.aqi;
    if (aqi === null) continue;
    if (!Number.isInteger(aqi) || aqi < 0 || aqi > 500) throw invalid('env.invalid_aqi', `AQI 必须是 0–500 的整数: ${aqi}`, { aqi });
    validDays++;
    daysByCategory[classifyAqi(aqi).category]++;
    if (aqi <= 100) goodDays++;
    if (aqi <= 50) excellentDays++;
    if (aqi > 100) pollutedDays++;
    if (aqi > 200) heavyPollutedDays++;
    if (aqi > 300) severePollutedDays++;
    if (aqi <= 50 || !day.primaryPollutants) continue;
    const counted = new Set<AirPollutant>(day.primaryPollutants.map((code) => pollutantOfCode[code]));
    for (const p of counted) {
      primaryPollutantDays[p]++;
      if (aqi > 100) primaryPollutantPollutedDays[p]++;
    }
  }
  return {
    totalDays: days.length,
    validDays,
    goodDays,
    rate: validDays === 0 ? null : goodDays / validDays,
    percent: validDays === 0 ? null : divideHalfEven(goodDays * 1000, validDays) / 10,
    daysByCategory,
    excellentDays,
    pollutedDays,
    heavyPollutedDays,
    severePollutedDays,
    primaryPollutantDays,
    primaryPollutantPollutedDays,
  };
}
