/**
 * Data validity and averaging for the daily report (standards.md §1.7): daily means, the O3 daily
 * maximum 8-hour mean and (2012) the O3 daily maximum 1-hour value from the hourly values of one
 * local day, then the daily AQI through the AQI core.
 *
 * Hours: `hour` h (0..23) is the interval [h:00, h+1:00) of the local day. A record stamped at
 * the END of its hour (CNEMC style: "01:00" = 00:00–01:00, "00:00" of the next day = 23:00–24:00)
 * has hour = end hour − 1 of the day it belongs to.
 *
 * Rounding [D]: each hourly value is first rounded to the reporting precision (GB/T 8170 half-even;
 * integer µg/m³, CO 0.1 mg/m³); daily means and 8-h means are then computed exactly from the
 * integer sums and rounded half-even to the same precision. HJ 663-2026 ("细化数据修约要求") was
 * not read (standards.md §6.1): re-check before go-live.
 */
import { invalid } from '../../shared/errors';
import { computeAqiScaled, getAqiReportSpec, type AqiReportSpec } from './aqi-core';
import { computeAqi, resolveAqiStandard, type AqiResult } from './aqi-rules';
import { airPollutants, type AirPollutant, type AqiCode, type AqiStandard } from './aqi-tables';
import { divideHalfEven, roundScaledHalfEven } from './decimal';

export type AirValidityConfig = {
  /** GB 3095 Table 4: a 日平均 needs ≥ 20 valid hourly values. */
  readonly minHoursForDailyMean: number;
  /** GB 3095 Table 4: an 8-hour mean needs ≥ 6 valid hourly values. */
  readonly minHoursPerO3Window: number;
  /** HJ 663-2013: the daily max 8-h needs ≥ 14 valid windows … */
  readonly minO3Windows: number;
  /** … unless the maximum (rounded) exceeds this limit (standards.md used the 二级 limit 160 µg/m³). */
  readonly o3WindowExceedanceLimit: number;
  /**
   * Windows end at this hour … 24:00 of the day (HJ 663-2013: 8 → 17 windows [00–08) … [16–24)).
   * A smaller value adds windows that reach into the previous day (its hours are then needed).
   */
  readonly firstO3WindowEndHour: number;
  /** [D] 2012 O3 daily max 1-h: valid with ≥ this many valid hours … */
  readonly minHoursForO3DailyMax1h: number;
  /** [D] … or when the maximum exceeds this (1-h 二级 limit 200 µg/m³). */
  readonly o3HourExceedanceLimit: number;
};

export const defaultAirValidityConfig: AirValidityConfig = {
  minHoursForDailyMean: 20,
  minHoursPerO3Window: 6,
  minO3Windows: 14,
  o3WindowExceedanceLimit: 160,
  firstO3WindowEndHour: 8,
  minHoursForO3DailyMax1h: 20,
  o3HourExceedanceLimit: 200,
};

export type HourlyAirRecord = { hour: number } & Partial<Record<AirPollutant, number | null>>;

/** Order of the daily values in the scaled output. */
export const dailyValueCodes = ['SO2_24H', 'NO2_24H', 'CO_24H', 'O3_8H_MAX', 'PM10_24H', 'PM2_5_24H', 'O3_1H_MAX'] as const;
export type DailyValueCode = (typeof dailyValueCodes)[number];

/** Scaled output layout: [0..6] values (dailyValueCodes), [7..12] valid hours (airPollutants), [13] valid O3 windows. */
export const DAILY_OUT_LENGTH = 14;
const HOURS_OFFSET = 7;
const WINDOWS_OFFSET = 13;
/** Scaled hourly layout: value of pollutant p (airPollutants index) at hour h is hours[p * 24 + h]; < 0 = missing. */
export const HOURLY_BUFFER_LENGTH = airPollutants.length * 24;
const O3 = airPollutants.indexOf('O3');
/** dailyValueCodes index of each daily mean, by airPollutants index (O3 has none). */
const meanSlot = [0, 1, 2, -1, 4, 5];

/**
 * Hot path: daily values from one day's scaled hourly values (µg/m³; CO 0.1 mg/m³; < 0 missing).
 * `previousO3` (24 values of the previous day) is read only when firstO3WindowEndHour < 8.
 * Writes DAILY_OUT_LENGTH integers to `out` (-1 = invalid). No allocation.
 */
export function computeDailyValuesScaled(
  hours: Int32Array,
  previousO3: Int32Array | null,
  out: Int32Array,
  config: AirValidityConfig = defaultAirValidityConfig,
): void {
  for (let p = 0; p < 6; p++) {
    let sum = 0;
    let count = 0;
    const base = p * 24;
    for (let h = 0; h < 24; h++) {
      const v = hours[base + h] ?? -1;
      if (v >= 0) {
        sum += v;
        count++;
      }
    }
    out[HOURS_OFFSET + p] = count;
    const slot = meanSlot[p] ?? -1;
    if (slot >= 0) out[slot] = count >= config.minHoursForDailyMean ? divideHalfEven(sum, count) : -1;
  }
  // O3 daily maximum 1-hour value (2012 daily report).
  const o3Base = O3 * 24;
  let max1h = -1;
  for (let h = 0; h < 24; h++) max1h = Math.max(max1h, hours[o3Base + h] ?? -1);
  const o3Hours = out[HOURS_OFFSET + O3] ?? 0;
  out[6] = max1h >= 0 && (o3Hours >= config.minHoursForO3DailyMax1h || max1h > config.o3HourExceedanceLimit) ? max1h : -1;
  // O3 8-hour windows ending at firstO3WindowEndHour … 24.
  let bestSum = -1;
  let bestCount = 1;
  let windows = 0;
  for (let end = config.firstO3WindowEndHour; end <= 24; end++) {
    let sum = 0;
    let count = 0;
    for (let h = end - 8; h < end; h++) {
      const v = h >= 0 ? (hours[o3Base + h] ?? -1) : (previousO3?.[24 + h] ?? -1);
      if (v >= 0) {
        sum += v;
        count++;
      }
    }
    if (count < config.minHoursPerO3Window) continue;
    windows++;
    if (sum * bestCount > bestSum * count) {
      bestSum = sum;
      bestCount = count;
    }
  }
  out[WINDOWS_OFFSET] = windows;
  const max8h = windows > 0 ? divideHalfEven(bestSum, bestCount) : -1;
  out[3] = windows >= config.minO3Windows || max8h > config.o3WindowExceedanceLimit ? max8h : -1;
}

/** Reusable buffers for the hot daily path of one standard. */
export type DailyAqiWorkspace = {
  readonly spec: AqiReportSpec;
  readonly daily: Int32Array;
  readonly values: Int32Array;
  readonly iaqi: Int32Array;
  /** dailyValueCodes index of each spec code. */
  readonly slots: Int32Array;
};

export function createDailyAqiWorkspace(standard: AqiStandard): DailyAqiWorkspace {
  const spec = getAqiReportSpec(standard, 'daily');
  const slots = Int32Array.from(spec.codes, (code) => dailyValueCodes.indexOf(code as DailyValueCode));
  const n = spec.codes.length;
  return { spec, daily: new Int32Array(DAILY_OUT_LENGTH), values: new Int32Array(n), iaqi: new Int32Array(n), slots };
}

/**
 * Hot path: daily AQI (or AQI_NA = -1, see aqi-core.ts) of one day from scaled hourly values. The daily values stay in
 * `ws.daily` and the IAQI in `ws.iaqi` (order of `ws.spec.codes`) until the next call.
 */
export function computeDailyAqiScaled(
  ws: DailyAqiWorkspace,
  hours: Int32Array,
  previousO3: Int32Array | null = null,
  config: AirValidityConfig = defaultAirValidityConfig,
): number {
  computeDailyValuesScaled(hours, previousO3, ws.daily, config);
  for (let i = 0; i < ws.slots.length; i++) ws.values[i] = ws.daily[ws.slots[i] ?? 0] ?? -1;
  return computeAqiScaled(ws.spec, ws.values, ws.iaqi);
}

const decimalsOf = (p: number): 0 | 1 => (airPollutants[p] === 'CO' ? 1 : 0);

/** Scaled hourly buffer from records (each value rounded per GB/T 8170; null/absent = missing). */
export function toHourlyBuffer(records: readonly HourlyAirRecord[], out: Int32Array = new Int32Array(HOURLY_BUFFER_LENGTH)): Int32Array {
  out.fill(-1);
  const seen = new Set<number>();
  for (const record of records) {
    const h = record.hour;
    if (!Number.isInteger(h) || h < 0 || h > 23) throw invalid('env.invalid_hour', `小时须为 0–23 的整数: ${h}`, { hour: h });
    if (seen.has(h)) throw invalid('env.duplicate_hour', `同一小时有多条记录: ${h}`, { hour: h });
    seen.add(h);
    airPollutants.forEach((pollutant, p) => {
      const v = record[pollutant];
      if (v === null || v === undefined) return;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        throw invalid('env.invalid_concentration', `浓度必须是非负有限数值: ${pollutant} @ ${h}`, { pollutant, hour: h, value: v });
      }
      out[p * 24 + h] = roundScaledHalfEven(v, decimalsOf(p));
    });
  }
  return out;
}

export type DailyAirValues = {
  /** Daily values in the report units (µg/m³; CO mg/m³); null = invalid (not enough data). */
  concentrations: Record<DailyValueCode, number | null>;
  validHours: Record<AirPollutant, number>;
  validO3Windows: number;
};

export type DailyAirInput = {
  hours: readonly HourlyAirRecord[];
  /** Needed only when firstO3WindowEndHour < 8. */
  previousDayHours?: readonly HourlyAirRecord[] | undefined;
};

/** Daily values with validity from one local day's hourly records. */
export function computeDailyAirValues(input: DailyAirInput, config: AirValidityConfig = defaultAirValidityConfig): DailyAirValues {
  const out = new Int32Array(DAILY_OUT_LENGTH);
  const previous = input.previousDayHours ? toHourlyBuffer(input.previousDayHours).subarray(O3 * 24, O3 * 24 + 24) : null;
  computeDailyValuesScaled(toHourlyBuffer(input.hours), previous, out, config);
  const concentrations = {} as Record<DailyValueCode, number | null>;
  dailyValueCodes.forEach((code, i) => {
    const v = out[i] ?? -1;
    concentrations[code] = v < 0 ? null : code === 'CO_24H' ? v / 10 : v;
  });
  const validHours = {} as Record<AirPollutant, number>;
  airPollutants.forEach((p, i) => (validHours[p] = out[HOURS_OFFSET + i] ?? 0));
  return { concentrations, validHours, validO3Windows: out[WINDOWS_OFFSET] ?? 0 };
}

export type DailyAqiInput = DailyAirInput & { date: string; standard?: AqiStandard | undefined };

/** Daily values of one local day, then its daily AQI report (computeAqi, report "daily"). */
export function computeDailyAqi(
  input: DailyAqiInput,
  config: AirValidityConfig = defaultAirValidityConfig,
): { dailyValues: DailyAirValues; result: AqiResult } {
  const standard = resolveAqiStandard(input);
  const dailyValues = computeDailyAirValues(input, config);
  const codes = getAqiReportSpec(standard, 'daily').codes;
  const concentrations: Partial<Record<AqiCode, number | null>> = {};
  for (const code of codes) concentrations[code] = dailyValues.concentrations[code as DailyValueCode];
  return { dailyValues, result: computeAqi({ standard, report: 'daily', concentrations }) };
}

/**
 * Mean of one window of consecutive hourly values (e.g. the real-time 8-h O3 sliding mean = the
 * current hour and the 7 before it; the 2012 24-h PM sliding mean), rounded half-even to the
 * reporting precision; null with fewer than `minValid` valid values.
 */
export function computeWindowMean(values: readonly (number | null | undefined)[], pollutant: AirPollutant, minValid: number): number | null {
  const decimals = pollutant === 'CO' ? 1 : 0;
  let sum = 0;
  let count = 0;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    if (!Number.isFinite(v) || v < 0) throw invalid('env.invalid_concentration', `浓度必须是非负有限数值: ${pollutant}`, { pollutant, value: v });
    sum += roundScaledHalfEven(v, decimals);
    count++;
  }
  if (count < minValid || count === 0) return null;
  const scaled = divideHalfEven(sum, count);
  return decimals === 1 ? scaled / 10 : scaled;
}

