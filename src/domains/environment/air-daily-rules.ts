/**
 * From one station's hourly rows to its daily values and daily AQI, for any number of local days
 * at once (the bulk path behind late-data recomputation, imports, the demo seed and the benchmark).
 * It is a thin loop around the hot paths of `air-validity-rules.ts` and `aqi-core.ts`: one
 * 24 × 6 scaled buffer per day, every value rounded per GB/T 8170 once, no per-hour objects.
 *
 * Rows with `isValid = false` are left out entirely; null values are missing.
 */
import { AQI_NA } from './aqi-core';
import { classifyAqi } from './aqi-rules';
import { HJ_633_2026_EFFECTIVE_DATE, airPollutants, type AqiCategory, type AqiCode, type AqiLevel, type AqiStandard } from './aqi-tables';
import {
  HOURLY_BUFFER_LENGTH, computeDailyAqiScaled, createDailyAqiWorkspace, defaultAirValidityConfig,
  type AirValidityConfig, type DailyAqiWorkspace, type DailyValueCode,
} from './air-validity-rules';
import { roundScaledHalfEven } from './decimal';
import { formatDayNumber, type LocalTimeResolver } from './local-time';

/** One hourly row: instant of the hour's start and the six pollutants (airPollutants order; CO mg/m³). */
export type HourlyValues = {
  hourStartMs: number;
  so2: number | null;
  no2: number | null;
  co: number | null;
  o3: number | null;
  pm10: number | null;
  pm2_5: number | null;
  isValid: boolean;
};

export type DailyAirRow = {
  day: string;
  standard: AqiStandard;
  /** Daily values (µg/m³; CO_24H mg/m³); null = not valid. */
  values: Record<DailyValueCode, number | null>;
  /** Valid hours per pollutant, airPollutants order. */
  validHours: number[];
  o3Windows: number;
  aqi: number | null;
  level: AqiLevel | null;
  category: AqiCategory | null;
  primaryPollutants: AqiCode[];
  iaqi: Partial<Record<AqiCode, number>>;
};

const O3_INDEX = airPollutants.indexOf('O3');
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Scaled value (GB/T 8170; µg/m³ integers, CO 0.1 mg/m³) into slot p·24 + hour; missing and invalid values stay -1. */
function put(buffer: Int32Array, slot: number, value: number | null, decimals: 0 | 1): void {
  if (value === null || !(value >= 0)) return;
  // Fast path: integers (µg/m³ as published) need no rounding.
  buffer[slot] = decimals === 0 && value < 1e8 && (value | 0) === value ? value : roundScaledHalfEven(value, decimals);
}

export type DailyComputation = {
  resolver: LocalTimeResolver;
  config?: AirValidityConfig;
  /** Only these local days (day numbers); all days that have rows when omitted. */
  days?: ReadonlySet<number>;
};

/** Buffers of the local days that have rows (valid or not), keyed by day number. Allocation-free per row. */
export function bufferHourlyRows(rows: readonly HourlyValues[], resolver: LocalTimeResolver): Map<number, Int32Array> {
  const byDay = new Map<number, Int32Array>();
  let lastDay = Number.NaN;
  let buffer: Int32Array = new Int32Array(0);
  for (const row of rows) {
    const local = row.hourStartMs + resolver.offsetAt(row.hourStartMs);
    const dayNumber = Math.floor(local / DAY_MS);
    if (dayNumber !== lastDay) {
      let found = byDay.get(dayNumber);
      if (!found) {
        found = new Int32Array(HOURLY_BUFFER_LENGTH).fill(-1);
        byDay.set(dayNumber, found);
      }
      buffer = found;
      lastDay = dayNumber;
    }
    if (!row.isValid) continue;
    const hour = Math.floor((local - dayNumber * DAY_MS) / HOUR_MS);
    put(buffer, hour, row.so2, 0);
    put(buffer, 24 + hour, row.no2, 0);
    put(buffer, 48 + hour, row.co, 1);
    put(buffer, 72 + hour, row.o3, 0);
    put(buffer, 96 + hour, row.pm10, 0);
    put(buffer, 120 + hour, row.pm2_5, 0);
  }
  return byDay;
}

/** Daily rows of one station (rows in any order). */
const EFFECTIVE_2026_DAY = Math.round(Date.parse(`${HJ_633_2026_EFFECTIVE_DATE}T00:00:00Z`) / DAY_MS);
/** Level info by AQI 0..500 (classifyAqi once per value, not per day). */
const levelByAqi = Array.from({ length: 501 }, (_, aqi) => classifyAqi(aqi));

/** Daily rows of one station (rows in any order). */
export function computeStationDailyRows(rows: readonly HourlyValues[], options: DailyComputation): DailyAirRow[] {
  const config = options.config ?? defaultAirValidityConfig;
  const byDay = bufferHourlyRows(rows, options.resolver);
  const workspaces = new Map<AqiStandard, DailyAqiWorkspace>();
  const out: DailyAirRow[] = [];
  const days = [...(options.days ?? byDay.keys())].sort((a, b) => a - b);
  for (const dayNumber of days) {
    const hours = byDay.get(dayNumber);
    if (!hours) continue;
    const previous = config.firstO3WindowEndHour < 8 ? (byDay.get(dayNumber - 1)?.subarray(O3_INDEX * 24, O3_INDEX * 24 + 24) ?? null) : null;
    const standard: AqiStandard = dayNumber < EFFECTIVE_2026_DAY ? 'HJ 633-2012' : 'HJ 633-2026';
    let ws = workspaces.get(standard);
    if (!ws) {
      ws = createDailyAqiWorkspace(standard);
      workspaces.set(standard, ws);
    }
    out.push(toDailyRow(ws, computeDailyAqiScaled(ws, hours, previous, config), formatDayNumber(dayNumber), standard));
  }
  return out;
}

function toDailyRow(ws: DailyAqiWorkspace, aqiValue: number, day: string, standard: AqiStandard): DailyAirRow {
  const d = ws.daily;
  const value = (i: number) => ((d[i] ?? -1) < 0 ? null : (d[i] as number));
  const co = d[2] ?? -1;
  const values: Record<DailyValueCode, number | null> = {
    SO2_24H: value(0), NO2_24H: value(1), CO_24H: co < 0 ? null : co / 10, O3_8H_MAX: value(3), PM10_24H: value(4), PM2_5_24H: value(5), O3_1H_MAX: value(6),
  };
  const codes = ws.spec.codes;
  const iaqi: Partial<Record<AqiCode, number>> = {};
  const aqi = aqiValue === AQI_NA ? null : aqiValue;
  const primaryPollutants: AqiCode[] = [];
  for (let i = 0; i < codes.length; i++) {
    const x = ws.iaqi[i] ?? -1;
    if (x < 0) continue;
    const code = codes[i] as AqiCode;
    iaqi[code] = x;
    if (aqi !== null && aqi > 50 && x === aqi) primaryPollutants.push(code);
  }
  const info = aqi === null ? null : (levelByAqi[aqi] ?? classifyAqi(aqi));
  return {
    day,
    standard,
    values,
    validHours: [d[7] ?? 0, d[8] ?? 0, d[9] ?? 0, d[10] ?? 0, d[11] ?? 0, d[12] ?? 0],
    o3Windows: d[13] ?? 0,
    aqi,
    level: info?.level ?? null,
    category: info?.category ?? null,
    primaryPollutants,
    iaqi,
  };
}

/**
 * Local days whose daily values depend on the given hours: the hour's own day, and the next day
 * when O3 windows reach into the previous day (firstO3WindowEndHour < 8).
 */
export function listAffectedDays(hourStartsMs: Iterable<number>, resolver: LocalTimeResolver, config: AirValidityConfig = defaultAirValidityConfig): Set<number> {
  const days = new Set<number>();
  const reachesBack = config.firstO3WindowEndHour < 8;
  for (const ms of hourStartsMs) {
    const { dayNumber, hour } = resolver.locate(ms);
    days.add(dayNumber);
    if (reachesBack && hour >= 24 - (8 - config.firstO3WindowEndHour)) days.add(dayNumber + 1);
  }
  return days;
}
