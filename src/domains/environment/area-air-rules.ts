/**
 * Daily AQI of an area (township, city): the arithmetic mean of its stations' valid daily values
 * per indicator, rounded half-even to the reporting precision (integers; CO 0.1 mg/m³), then the
 * daily AQI of those means. This is how city-level daily AQI is published (concentrations are
 * averaged over the stations, not AQI values) [D: the HJ 663 minimum share of valid stations was
 * not read; any station with a valid value counts].
 *
 * Also: means of daily values over a period (e.g. PM2.5 mean), exact from scaled integers.
 */
import { computeAqi, resolveAqiStandard, type AqiResult } from './aqi-rules';
import { getAqiReportSpec } from './aqi-core';
import type { AqiCode } from './aqi-tables';
import type { DailyValueCode } from './air-validity-rules';
import { divideHalfEven, roundScaledHalfEven } from './decimal';

export type StationDayValues = Partial<Record<DailyValueCode, number | null>>;

const decimalsOf = (code: DailyValueCode): 0 | 1 => (code === 'CO_24H' ? 1 : 0);

/** Mean of the non-null values, rounded half-even to the code's precision; null when none. */
export function computeAreaMean(code: DailyValueCode, values: readonly (number | null | undefined)[]): number | null {
  const decimals = decimalsOf(code);
  let sum = 0;
  let count = 0;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    sum += roundScaledHalfEven(v, decimals);
    count++;
  }
  if (count === 0) return null;
  const scaled = divideHalfEven(sum, count);
  return decimals === 1 ? scaled / 10 : scaled;
}

export type AreaDay = { day: string; values: Record<string, number | null>; stationCount: number; result: AqiResult };

/** Daily AQI of an area from its stations' daily values of one local day. */
export function computeAreaDailyAqi(day: string, stations: readonly StationDayValues[]): AreaDay {
  const standard = resolveAqiStandard({ date: day });
  const codes = getAqiReportSpec(standard, 'daily').codes;
  const concentrations: Partial<Record<AqiCode, number | null>> = {};
  const values: Record<string, number | null> = {};
  for (const code of codes) {
    const mean = computeAreaMean(code as DailyValueCode, stations.map((s) => s[code as DailyValueCode]));
    concentrations[code] = mean;
    values[code] = mean;
  }
  return { day, values, stationCount: stations.length, result: computeAqi({ standard, report: 'daily', concentrations }) };
}

/**
 * Mean of daily values over a period to `decimals` places (half-even), with the count; null mean
 * without values. Inputs are the daily values (integers; CO one decimal).
 */
export function computePeriodMean(code: DailyValueCode, values: readonly (number | null | undefined)[], decimals = 1): { mean: number | null; count: number } {
  const scale = decimalsOf(code) === 1 ? 10 : 1;
  let sum = 0;
  let count = 0;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    sum += Math.round(v * scale);
    count++;
  }
  if (count === 0) return { mean: null, count: 0 };
  const factor = 10 ** decimals;
  // mean = sum / (count · scale), to `decimals` places.
  return { mean: divideHalfEven(sum * factor, count * scale) / factor, count };
}
