/**
 * AQI per HJ 633-2012 and HJ 633-2026 (standards.md §1): standard selection by date, input
 * rounding, IAQI, AQI, level/category/colour, primary and exceeding pollutants, missing data.
 * `computeAqi` has exactly the JSON shapes of `POST /api/v1/calc/aqi` (product.md §4).
 */
import { invalid } from '../../shared/errors';
import {
  AQI_NA, IAQI_CAP, IAQI_MISSING, aggregateAqi, columnTables, computeColumnIaqiExact, computeExceedingMask, computePrimaryMask,
  getAqiReportSpec, iaqiAboveTop, lookupIaqiScaled, type AqiReportSpec,
} from './aqi-core';
import {
  HJ_633_2026_EFFECTIVE_DATE, aqiCodeDecimals, aqiLevels, aqiReportCodes, indicatorRules,
  type AqiCategory, type AqiCode, type AqiLevel, type AqiLevelInfo, type AqiReport, type AqiStandard,
} from './aqi-tables';
import { parseDecimal, roundScaledHalfEven, toScaledIfExact } from './decimal';

export type AqiInput = {
  standard?: AqiStandard | undefined;
  /** Date of the data, YYYY-MM-DD (local day); selects the standard when `standard` is absent. */
  date?: string | undefined;
  report: AqiReport;
  /** A code that is null or absent is missing. */
  concentrations: Readonly<Partial<Record<AqiCode, number | null>>>;
};

export type AqiResult = {
  standard: AqiStandard;
  report: AqiReport;
  aqi: number | null;
  iaqi: Partial<Record<AqiCode, number>>;
  level: AqiLevel | null;
  category: AqiCategory | null;
  color: string | null;
  primaryPollutants: AqiCode[];
  /** 超标污染物 (IAQI > 100), HJ 633-2012 only; null under HJ 633-2026 (definition deleted). */
  exceedingPollutants: AqiCode[] | null;
  missing: AqiCode[];
};

export type AqiOptions = {
  /** Codes not in the site's monitoring plan (HJ 633-2026 5.3.2): their absence does not make AQI NA. */
  notMonitored?: readonly AqiCode[];
};

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Explicit standard wins; else data before 2026-03-01 → HJ 633-2012; else (or no date) HJ 633-2026. */
export function resolveAqiStandard(input: { standard?: AqiStandard | undefined; date?: string | undefined }): AqiStandard {
  if (input.standard) return input.standard;
  if (input.date === undefined) return 'HJ 633-2026';
  if (!datePattern.test(input.date)) throw invalid('env.invalid_date', `日期格式应为 YYYY-MM-DD: ${input.date}`, { date: input.date });
  return input.date < HJ_633_2026_EFFECTIVE_DATE ? 'HJ 633-2012' : 'HJ 633-2026';
}

function ensureConcentration(code: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw invalid('env.invalid_concentration', `浓度必须是非负有限数值 concentration must be a finite number ≥ 0: ${code}`, { code, value });
  }
}

/**
 * The concentration the standard computes with, as a scaled integer (µg/m³; CO in 0.1 mg/m³), or
 * null when it cannot be scaled without loss. HJ 633-2026 4.2.2/4.2.3: GB/T 8170 rounding to
 * integers (CO to 0.1) first. HJ 633-2012 has no rounding clause: the value is used as given,
 * so a value with more decimals returns null (and is computed exactly with BigInt).
 */
export function scaleAqiConcentration(code: AqiCode, value: number, standard: AqiStandard): number | null {
  ensureConcentration(code, value);
  const decimals = aqiCodeDecimals[code];
  return standard === 'HJ 633-2026' ? roundScaledHalfEven(value, decimals) : toScaledIfExact(value, decimals);
}

/** Rounds a concentration as HJ 633-2026 requires (GB/T 8170 half-even; integers, CO 0.1). */
export function roundAqiConcentration(code: AqiCode, value: number): number {
  ensureConcentration(code, value);
  const decimals = aqiCodeDecimals[code];
  const scaled = roundScaledHalfEven(value, decimals);
  return decimals === 1 ? scaled / 10 : scaled;
}

function ruleFor(code: AqiCode, standard: AqiStandard) {
  const rule = indicatorRules[standard][code];
  if (!rule) throw invalid('env.unknown_pollutant', `${standard} 无指标 ${code} (no such indicator)`, { code, standard });
  return rule;
}

/**
 * IAQI of one indicator (eq. 1, rounded up). Null when HJ 633-2012 does not compute it (SO2 1-h or
 * O3 8-h > 800 µg/m³: another indicator reports the pollutant). Above the top breakpoint: 500.
 */
export function computeIaqi(code: AqiCode, concentration: number, standard: AqiStandard): number | null {
  const rule = ruleFor(code, standard);
  const column = columnTables[rule.column];
  const scaled = scaleAqiConcentration(code, concentration, standard);
  const within = scaled === null ? computeColumnIaqiExact(column, parseDecimal(concentration)) : scaled <= column.top ? (column.lookup[scaled] ?? -1) : -1;
  if (within >= 0) return within;
  const above = iaqiAboveTop(rule.aboveTop);
  return above >= 0 ? above : null;
}

/** True when the concentration lies above the code's top breakpoint and IAQI was capped at 500 (flag "> 500"). */
export function isAboveAqiScale(code: AqiCode, concentration: number, standard: AqiStandard): boolean {
  const rule = ruleFor(code, standard);
  if (rule.aboveTop.kind !== 'cap') return false;
  const column = columnTables[rule.column];
  const scaled = scaleAqiConcentration(code, concentration, standard);
  return scaled === null ? computeColumnIaqiExact(column, parseDecimal(concentration)) < 0 : scaled > column.top;
}

/** Level, category, colour and health advice of an AQI (0 counts as level 1 in both versions). */
export function classifyAqi(aqi: number): AqiLevelInfo {
  if (!Number.isInteger(aqi) || aqi < 0) throw invalid('env.invalid_aqi', `AQI 必须是非负整数: ${aqi}`, { aqi });
  const found = aqiLevels.find((l) => aqi <= l.maxAqi) ?? aqiLevels[aqiLevels.length - 1];
  if (!found) throw invalid('env.invalid_aqi', `AQI 超出范围: ${aqi}`, { aqi });
  return found;
}

/** The allowed codes of a report, or throws `env.unknown_pollutant` listing them. */
function checkCodes(concentrations: object, spec: AqiReportSpec): void {
  for (const key of Object.keys(concentrations)) {
    if (!spec.codes.includes(key as AqiCode)) {
      throw invalid(
        'env.unknown_pollutant',
        `未知污染物代码 ${key}（${spec.standard} ${spec.report === 'daily' ? '日报' : '实时报'}可用: ${spec.codes.join(', ')}）`,
        { code: key, standard: spec.standard, report: spec.report, allowed: spec.codes },
      );
    }
  }
}

const maskToCodes = (spec: AqiReportSpec, mask: number): AqiCode[] => spec.codes.filter((_, i) => (mask & (1 << i)) !== 0);

/** AQI of one daily or real-time report (HJ 633 eq. 1–2 with every rule of standards.md §1.2–1.6). */
export function computeAqi(input: AqiInput, options: AqiOptions = {}): AqiResult {
  const standard = resolveAqiStandard(input);
  const spec = getAqiReportSpec(standard, input.report);
  checkCodes(input.concentrations, spec);
  const iaqiValues = new Int32Array(spec.codes.length);
  let notMonitoredMask = 0;
  spec.codes.forEach((code, i) => {
    if (options.notMonitored?.includes(code)) notMonitoredMask |= 1 << i;
    const value = input.concentrations[code];
    if (value === null || value === undefined) {
      iaqiValues[i] = IAQI_MISSING;
      return;
    }
    const scaled = scaleAqiConcentration(code, value, standard);
    if (scaled !== null) {
      iaqiValues[i] = lookupIaqiScaled(spec, i, scaled);
      return;
    }
    // HJ 633-2012 value with more decimals than the reporting unit: exact BigInt formula.
    const column = spec.columns[i];
    const exact = column ? computeColumnIaqiExact(column, parseDecimal(value)) : -1;
    iaqiValues[i] = exact >= 0 ? exact : (spec.aboveTop[i] ?? IAQI_CAP);
  });
  const aqi = aggregateAqi(spec, iaqiValues, notMonitoredMask);
  const iaqi: Partial<Record<AqiCode, number>> = {};
  const missing: AqiCode[] = [];
  spec.codes.forEach((code, i) => {
    const x = iaqiValues[i] ?? IAQI_MISSING;
    if (x >= 0) iaqi[code] = x;
    else if (x === IAQI_MISSING && (notMonitoredMask & (1 << i)) === 0) missing.push(code);
  });
  const info = aqi === AQI_NA ? null : classifyAqi(aqi);
  return {
    standard,
    report: input.report,
    aqi: info ? aqi : null,
    iaqi,
    level: info?.level ?? null,
    category: info?.category ?? null,
    color: info?.color ?? null,
    primaryPollutants: maskToCodes(spec, computePrimaryMask(spec, iaqiValues, aqi)),
    exceedingPollutants: standard === 'HJ 633-2012' ? maskToCodes(spec, computeExceedingMask(spec, iaqiValues)) : null,
    missing,
  };
}

/** Codes whose concentration lies above the top breakpoint (IAQI reported as 500; flag "> 500"). */
export function listAboveAqiScale(input: AqiInput): AqiCode[] {
  const standard = resolveAqiStandard(input);
  return aqiReportCodes[standard][input.report].filter((code) => {
    const value = input.concentrations[code];
    return value !== null && value !== undefined && isAboveAqiScale(code, value, standard);
  });
}
