/**
 * The AQI core shared by `computeAqi` and the hot path: precomputed integer IAQI lookup tables
 * and an allocation-free aggregation (HJ 633 eq. 1–2, special rules, missing-data rule).
 *
 * Scaled integers: every concentration is an integer in the code's reporting unit — µg/m³, CO in
 * 0.1 mg/m³ (so CO 2.2 mg/m³ is 22). IAQI = IAQI_Lo + ceil((IAQI_Hi − IAQI_Lo)(C − BP_Lo)/(BP_Hi − BP_Lo))
 * is computed once per integer with exact integer arithmetic ("全部向上进位取整数", HJ 633-2026 4.2.6,
 * HJ 633-2012 6.2), so CO 24H 2.2 → 55 and CO 1H 65.4 → 218 exactly (standards.md §1.3).
 */
import {
  aqiAuxiliaryCodes, aqiCodeDecimals, aqiReportCodes, breakpointColumns, iaqiLevels, indicatorRules,
  type AboveTopRule, type AqiCode, type AqiReport, type AqiStandard, type BreakpointColumnName,
} from './aqi-tables';
import { divideCeil, type Decimal } from './decimal';

/** iaqi[i] markers (all negative; a real IAQI is ≥ 0). */
export const IAQI_MISSING = -1;
/** 2012 special rule: this indicator's IAQI is not computed; another indicator reports the pollutant. */
export const IAQI_NOT_COMPUTED = -2;
/** An auxiliary indicator (2012 hourly SO2_24H) that was not needed. */
export const IAQI_UNUSED = -3;
/** Return value of the aggregation when AQI is not available or not published (NA). */
export const AQI_NA = -1;
/** Input marker for a missing concentration in scaled arrays. */
export const SCALED_MISSING = -1;
/** IAQI reported above a column's top breakpoint when the standard defines nothing (standards.md §1.3). */
export const IAQI_CAP = 500;

export type ColumnTable = {
  readonly name: BreakpointColumnName;
  readonly decimals: 0 | 1;
  /** Breakpoints as scaled integers. */
  readonly breakpoints: Int32Array;
  readonly top: number;
  /** IAQI for every scaled integer 0..top. */
  readonly lookup: Uint16Array;
};

function buildColumnTable(name: BreakpointColumnName, decimals: 0 | 1): ColumnTable {
  const factor = decimals === 1 ? 10 : 1;
  const breakpoints = Int32Array.from(breakpointColumns[name].concentrations, (c) => Math.round(c * factor));
  const top = breakpoints[breakpoints.length - 1] ?? 0;
  const lookup = new Uint16Array(top + 1);
  let segment = 0;
  for (let c = 0; c <= top; c++) {
    while (c > (breakpoints[segment + 1] ?? top)) segment++;
    const bpLo = breakpoints[segment] ?? 0;
    const bpHi = breakpoints[segment + 1] ?? top;
    const iLo = iaqiLevels[segment] ?? 0;
    const iHi = iaqiLevels[segment + 1] ?? iLo;
    lookup[c] = iLo + divideCeil((iHi - iLo) * (c - bpLo), bpHi - bpLo);
  }
  return { name, decimals, breakpoints, top, lookup };
}

const columnDecimals = (name: BreakpointColumnName): 0 | 1 => (name.startsWith('CO_') ? 1 : 0);

export const columnTables = Object.fromEntries(
  (Object.keys(breakpointColumns) as BreakpointColumnName[]).map((name) => [name, buildColumnTable(name, columnDecimals(name))]),
) as Record<BreakpointColumnName, ColumnTable>;

/** IAQI of a scaled integer within the column, or -1 above the top breakpoint. */
export function lookupColumnIaqi(table: ColumnTable, scaled: number): number {
  return scaled <= table.top ? (table.lookup[scaled] ?? -1) : -1;
}

/** Exact IAQI of any non-negative decimal within the column (BigInt), or -1 above the top breakpoint. */
export function computeColumnIaqiExact(table: ColumnTable, value: Decimal): number {
  // Compare value·10^decimals with breakpoint·10^value.scale, both as integers.
  const shift = value.scale - table.decimals;
  const num = shift >= 0 ? value.coef : value.coef * 10n ** BigInt(-shift);
  const unit = shift >= 0 ? 10n ** BigInt(shift) : 1n;
  const bps = table.breakpoints;
  if (num > BigInt(table.top) * unit) return -1;
  let k = 0;
  while (k + 2 < bps.length && num > BigInt(bps[k + 1] ?? 0) * unit) k++;
  const bpLo = BigInt(bps[k] ?? 0) * unit;
  const bpHi = BigInt(bps[k + 1] ?? 0) * unit;
  const iLo = iaqiLevels[k] ?? 0;
  const iHi = iaqiLevels[k + 1] ?? iLo;
  const n = BigInt(iHi - iLo) * (num - bpLo);
  const d = bpHi - bpLo;
  return iLo + Number((n + d - 1n) / d);
}

/** IAQI above the top breakpoint for a rule: 500 (cap), the flat value, or IAQI_NOT_COMPUTED. */
export function iaqiAboveTop(rule: AboveTopRule): number {
  if (rule.kind === 'flat') return rule.iaqi;
  if (rule.kind === 'substitute') return IAQI_NOT_COMPUTED;
  return IAQI_CAP;
}

/** Everything the hot path needs for one standard × report, precomputed once. */
export type AqiReportSpec = {
  readonly standard: AqiStandard;
  readonly report: AqiReport;
  readonly codes: readonly AqiCode[];
  readonly columns: readonly ColumnTable[];
  readonly decimals: Uint8Array;
  readonly tops: Int32Array;
  /** IAQI above the top breakpoint: 500, a flat value, or IAQI_NOT_COMPUTED. */
  readonly aboveTop: Int32Array;
  /** Index of the indicator that replaces a NOT_COMPUTED one, or -1. */
  readonly substituteIndex: Int32Array;
  /** Bit i set: codes[i] is only read as a substitute. */
  readonly auxiliaryMask: number;
  /** 0 under 2012 (AQI 0–500), 1 under 2026 (AQI 1–500). */
  readonly minAqi: number;
  /** HJ 633-2026 5.3.1: with a missing pollutant, publish only when AQI > 100. */
  readonly hasMissingDataRule: boolean;
};

function buildSpec(standard: AqiStandard, report: AqiReport): AqiReportSpec {
  const codes = aqiReportCodes[standard][report];
  const rules = codes.map((code) => {
    const rule = indicatorRules[standard][code];
    if (!rule) throw new Error(`no indicator rule for ${code} under ${standard}`);
    return rule;
  });
  const columns = rules.map((r) => columnTables[r.column]);
  let auxiliaryMask = 0;
  for (const code of aqiAuxiliaryCodes[standard][report]) auxiliaryMask |= 1 << codes.indexOf(code);
  return {
    standard,
    report,
    codes,
    columns,
    decimals: Uint8Array.from(codes, (c) => aqiCodeDecimals[c]),
    tops: Int32Array.from(columns, (c) => c.top),
    aboveTop: Int32Array.from(rules, (r) => iaqiAboveTop(r.aboveTop)),
    substituteIndex: Int32Array.from(rules, (r) => (r.aboveTop.kind === 'substitute' ? codes.indexOf(r.aboveTop.by) : -1)),
    auxiliaryMask,
    minAqi: standard === 'HJ 633-2026' ? 1 : 0,
    hasMissingDataRule: standard === 'HJ 633-2026',
  };
}

const specs: Record<AqiStandard, Record<AqiReport, AqiReportSpec>> = {
  'HJ 633-2012': { daily: buildSpec('HJ 633-2012', 'daily'), hourly: buildSpec('HJ 633-2012', 'hourly') },
  'HJ 633-2026': { daily: buildSpec('HJ 633-2026', 'daily'), hourly: buildSpec('HJ 633-2026', 'hourly') },
};

export function getAqiReportSpec(standard: AqiStandard, report: AqiReport): AqiReportSpec {
  return specs[standard][report];
}

/** IAQI of indicator i from a scaled integer concentration ≥ 0 (may be IAQI_NOT_COMPUTED). */
export function lookupIaqiScaled(spec: AqiReportSpec, i: number, scaled: number): number {
  const column = spec.columns[i];
  if (column === undefined) return IAQI_MISSING;
  return scaled <= column.top ? (column.lookup[scaled] ?? IAQI_MISSING) : (spec.aboveTop[i] ?? IAQI_CAP);
}

/**
 * Aggregates filled IAQI values into the AQI (eq. 2), applying the 2012 substitutions, the
 * auxiliary indicators, the 2026 missing-data rule and the minimum AQI. Marks auxiliary indicators
 * that were not needed as IAQI_UNUSED in `iaqi`. Returns the AQI or AQI_NA. No allocation.
 * `notMonitoredMask`: bit i set = codes[i] is not in the monitoring plan (HJ 633-2026 5.3.2), so
 * its absence does not trigger the missing-data rule.
 */
export function aggregateAqi(spec: AqiReportSpec, iaqi: Int32Array, notMonitoredMask = 0): number {
  const n = spec.codes.length;
  const aux = spec.auxiliaryMask;
  let usedAux = 0;
  let max = -1;
  let hasMissing = false;
  for (let i = 0; i < n; i++) {
    if ((aux & (1 << i)) !== 0) continue;
    let index = i;
    let x = iaqi[i] ?? IAQI_MISSING;
    if (x === IAQI_NOT_COMPUTED) {
      index = spec.substituteIndex[i] ?? -1;
      // A substitute that is a regular indicator is counted in its own turn.
      if (index < 0 || (aux & (1 << index)) === 0) continue;
      usedAux |= 1 << index;
      x = iaqi[index] ?? IAQI_MISSING;
    }
    if (x < 0) {
      if ((notMonitoredMask & (1 << index)) === 0) hasMissing = true;
      continue;
    }
    if (x > max) max = x;
  }
  if (aux !== 0) {
    for (let i = 0; i < n; i++) if ((aux & (1 << i)) !== 0 && (usedAux & (1 << i)) === 0) iaqi[i] = IAQI_UNUSED;
  }
  if (max < 0) return AQI_NA;
  if (hasMissing && spec.hasMissingDataRule && max <= 100) return AQI_NA;
  return max < spec.minAqi ? spec.minAqi : max;
}

/**
 * Hot path: AQI from scaled integer concentrations (values[offset + i] for spec.codes[i]; < 0 = missing;
 * a flat array of many records can be walked with `offset`).
 * Writes each IAQI (or a marker) to `iaqiOut` and returns the AQI or AQI_NA. No allocation.
 */
export function computeAqiScaled(
  spec: AqiReportSpec,
  values: ArrayLike<number>,
  iaqiOut: Int32Array,
  offset = 0,
  notMonitoredMask = 0,
): number {
  const n = spec.codes.length;
  for (let i = 0; i < n; i++) {
    const v = values[offset + i] ?? SCALED_MISSING;
    iaqiOut[i] = v < 0 ? IAQI_MISSING : lookupIaqiScaled(spec, i, v);
  }
  return aggregateAqi(spec, iaqiOut, notMonitoredMask);
}

/** Bit mask of the primary pollutants: IAQI = AQI, only when AQI > 50 (HJ 633 首要污染物). */
export function computePrimaryMask(spec: AqiReportSpec, iaqi: Int32Array, aqi: number): number {
  if (aqi <= 50) return 0;
  let mask = 0;
  for (let i = 0; i < spec.codes.length; i++) if (iaqi[i] === aqi) mask |= 1 << i;
  return mask;
}

/** Bit mask of the exceeding pollutants (超标污染物, 2012 only): IAQI > 100. */
export function computeExceedingMask(spec: AqiReportSpec, iaqi: Int32Array): number {
  let mask = 0;
  for (let i = 0; i < spec.codes.length; i++) if ((iaqi[i] ?? -1) > 100) mask |= 1 << i;
  return mask;
}
