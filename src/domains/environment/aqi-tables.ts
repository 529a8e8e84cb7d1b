/**
 * HJ 633 tables: indicator codes per report, IAQI breakpoints, levels, categories and colours
 * (standards.md §1.2, §1.4, §1.5). Data only; the arithmetic is in aqi-core.ts / aqi-rules.ts.
 */

export const aqiStandards = ['HJ 633-2012', 'HJ 633-2026'] as const;
export type AqiStandard = (typeof aqiStandards)[number];

export const aqiReports = ['daily', 'hourly'] as const;
export type AqiReport = (typeof aqiReports)[number];

/** HJ 633-2026 (and GB 3095-2026) took effect on this date; earlier data use HJ 633-2012 (standards.md §0.1). */
export const HJ_633_2026_EFFECTIVE_DATE = '2026-03-01';

export const aqiCodes = [
  'SO2_24H', 'SO2_1H', 'NO2_24H', 'NO2_1H', 'CO_24H', 'CO_1H', 'O3_8H', 'O3_8H_MAX', 'O3_1H', 'O3_1H_MAX',
  'PM10_24H', 'PM10_1H', 'PM2_5_24H', 'PM2_5_1H',
] as const;
export type AqiCode = (typeof aqiCodes)[number];

export const airPollutants = ['SO2', 'NO2', 'CO', 'O3', 'PM10', 'PM2_5'] as const;
export type AirPollutant = (typeof airPollutants)[number];

/** Pollutant of an indicator code (the 2012 daily O3_1H_MAX and O3_8H_MAX are both 臭氧). */
export const pollutantOfCode: Record<AqiCode, AirPollutant> = {
  SO2_24H: 'SO2', SO2_1H: 'SO2', NO2_24H: 'NO2', NO2_1H: 'NO2', CO_24H: 'CO', CO_1H: 'CO',
  O3_8H: 'O3', O3_8H_MAX: 'O3', O3_1H: 'O3', O3_1H_MAX: 'O3',
  PM10_24H: 'PM10', PM10_1H: 'PM10', PM2_5_24H: 'PM2_5', PM2_5_1H: 'PM2_5',
};

/**
 * Indicator codes of each report, in reporting order (product.md §4, standards.md §1.4).
 * 2012 hourly: SO2_24H is not an AQI indicator of the real-time report; it is read only when
 * SO2_1H > 800 µg/m³ (HJ 633-2012 Table 1 note 2) and then replaces SO2_1H.
 */
export const aqiReportCodes: Record<AqiStandard, Record<AqiReport, readonly AqiCode[]>> = {
  'HJ 633-2012': {
    daily: ['SO2_24H', 'NO2_24H', 'CO_24H', 'O3_1H_MAX', 'O3_8H_MAX', 'PM10_24H', 'PM2_5_24H'],
    hourly: ['SO2_1H', 'SO2_24H', 'NO2_1H', 'CO_1H', 'O3_1H', 'O3_8H', 'PM10_24H', 'PM2_5_24H'],
  },
  'HJ 633-2026': {
    daily: ['SO2_24H', 'NO2_24H', 'CO_24H', 'O3_8H_MAX', 'PM10_24H', 'PM2_5_24H'],
    hourly: ['SO2_1H', 'NO2_1H', 'CO_1H', 'O3_1H', 'PM10_1H', 'PM2_5_1H'],
  },
};

/** Codes that are read only as a substitute (not an AQI indicator on their own), per report. */
export const aqiAuxiliaryCodes: Record<AqiStandard, Record<AqiReport, readonly AqiCode[]>> = {
  'HJ 633-2012': { daily: [], hourly: ['SO2_24H'] },
  'HJ 633-2026': { daily: [], hourly: [] },
};

/** Units: CO in mg/m³ reported to 0.1; everything else µg/m³ reported as integers (HJ 633-2026 4.2.2/4.2.3). */
export const aqiCodeDecimals: Record<AqiCode, 0 | 1> = {
  SO2_24H: 0, SO2_1H: 0, NO2_24H: 0, NO2_1H: 0, CO_24H: 1, CO_1H: 1, O3_8H: 0, O3_8H_MAX: 0, O3_1H: 0,
  O3_1H_MAX: 0, PM10_24H: 0, PM10_1H: 0, PM2_5_24H: 0, PM2_5_1H: 0,
};

/** IAQI values of the breakpoint rows (HJ 633-2012 Table 1 = HJ 633-2026 Table 3). */
export const iaqiLevels = [0, 50, 100, 150, 200, 300, 400, 500] as const;

/**
 * What happens above a column's top breakpoint:
 * - `cap`: the standard defines nothing; IAQI is reported as 500 (standards.md §1.3 policy; use
 *   `listAboveScale` to flag "> 500");
 * - `flat`: a fixed IAQI (2026: SO2 1-h > 800 → 200, O3 8-h > 800 → 300);
 * - `substitute`: the IAQI is not computed and the named indicator reports the pollutant
 *   (2012: SO2 1-h > 800 → SO2 24-h; O3 8-h > 800 → O3 1-h).
 */
export type AboveTopRule = { kind: 'cap' } | { kind: 'flat'; iaqi: number } | { kind: 'substitute'; by: AqiCode };

export type BreakpointColumn = {
  readonly name: string;
  /** Concentrations at IAQI 0, 50, 100, … in the code's unit (µg/m³; CO mg/m³). */
  readonly concentrations: readonly number[];
};

const col = (name: string, concentrations: readonly number[]): BreakpointColumn => ({ name, concentrations });

/** Columns of HJ 633-2026 Table 3 / HJ 633-2012 Table 1 (standards.md §1.2). */
export const breakpointColumns = {
  SO2_24H: col('SO2 24H', [0, 50, 150, 475, 800, 1600, 2100, 2620]),
  SO2_1H: col('SO2 1H', [0, 150, 500, 650, 800]),
  NO2_24H: col('NO2 24H', [0, 40, 80, 180, 280, 565, 750, 940]),
  NO2_1H: col('NO2 1H', [0, 100, 200, 700, 1200, 2340, 3090, 3840]),
  CO_24H: col('CO 24H', [0, 2, 4, 14, 24, 36, 48, 60]),
  CO_1H: col('CO 1H', [0, 5, 10, 35, 60, 90, 120, 150]),
  O3_8H: col('O3 8H', [0, 100, 160, 215, 265, 800]),
  O3_1H: col('O3 1H', [0, 160, 200, 300, 400, 800, 1000, 1200]),
  PM10_24H_2012: col('PM10 24H (2012)', [0, 50, 150, 250, 350, 420, 500, 600]),
  PM10_24H_2026: col('PM10 24H (2026)', [0, 50, 120, 250, 350, 420, 500, 600]),
  PM2_5_24H_2012: col('PM2.5 24H (2012)', [0, 35, 75, 115, 150, 250, 350, 500]),
  PM2_5_24H_2026: col('PM2.5 24H (2026)', [0, 35, 60, 115, 150, 250, 350, 500]),
} as const satisfies Record<string, BreakpointColumn>;

export type BreakpointColumnName = keyof typeof breakpointColumns;

export type IndicatorRule = { readonly column: BreakpointColumnName; readonly aboveTop: AboveTopRule };

const cap: AboveTopRule = { kind: 'cap' };
const rule = (column: BreakpointColumnName, aboveTop: AboveTopRule = cap): IndicatorRule => ({ column, aboveTop });

/** Which column rates each code, per standard (undefined: the code is not an indicator of that standard). */
export const indicatorRules: Record<AqiStandard, Partial<Record<AqiCode, IndicatorRule>>> = {
  'HJ 633-2012': {
    SO2_24H: rule('SO2_24H'),
    SO2_1H: rule('SO2_1H', { kind: 'substitute', by: 'SO2_24H' }),
    NO2_24H: rule('NO2_24H'),
    NO2_1H: rule('NO2_1H'),
    CO_24H: rule('CO_24H'),
    CO_1H: rule('CO_1H'),
    O3_8H: rule('O3_8H', { kind: 'substitute', by: 'O3_1H' }),
    O3_8H_MAX: rule('O3_8H', { kind: 'substitute', by: 'O3_1H_MAX' }),
    O3_1H: rule('O3_1H'),
    O3_1H_MAX: rule('O3_1H'),
    PM10_24H: rule('PM10_24H_2012'),
    PM2_5_24H: rule('PM2_5_24H_2012'),
  },
  'HJ 633-2026': {
    SO2_24H: rule('SO2_24H'),
    SO2_1H: rule('SO2_1H', { kind: 'flat', iaqi: 200 }),
    NO2_24H: rule('NO2_24H'),
    NO2_1H: rule('NO2_1H'),
    CO_24H: rule('CO_24H'),
    CO_1H: rule('CO_1H'),
    O3_8H_MAX: rule('O3_8H', { kind: 'flat', iaqi: 300 }),
    O3_1H: rule('O3_1H'),
    // 2026 real-time report: PM 1-h values are rated on the 日平均 PM columns (4.2.4).
    PM10_24H: rule('PM10_24H_2026'),
    PM10_1H: rule('PM10_24H_2026'),
    PM2_5_24H: rule('PM2_5_24H_2026'),
    PM2_5_1H: rule('PM2_5_24H_2026'),
  },
};

export const aqiCategories = ['优', '良', '轻度污染', '中度污染', '重度污染', '严重污染'] as const;
export type AqiCategory = (typeof aqiCategories)[number];
export type AqiLevel = 1 | 2 | 3 | 4 | 5 | 6;

export type AqiLevelInfo = {
  readonly level: AqiLevel;
  readonly levelLabel: string;
  readonly category: AqiCategory;
  /** Lowest AQI of the level (2012 level 1 starts at 0, 2026 at 1). */
  readonly minAqi: number;
  readonly maxAqi: number;
  readonly colorName: string;
  readonly color: string;
  readonly rgb: readonly [number, number, number];
  readonly cmyk: readonly [number, number, number, number];
  /** HJ 633-2026 Table 1 wording (2012 Table 2 used older wording). */
  readonly healthEffect: string;
  readonly advice: string;
};

/** Levels, categories and colours (HJ 633 Annex A; standards.md §1.5). */
export const aqiLevels: readonly AqiLevelInfo[] = [
  { level: 1, levelLabel: '一级', category: '优', minAqi: 0, maxAqi: 50, colorName: '绿色', color: '#00E400', rgb: [0, 228, 0], cmyk: [40, 0, 100, 0],
    healthEffect: '空气质量令人满意，基本无空气污染', advice: '各类人群可正常活动' },
  { level: 2, levelLabel: '二级', category: '良', minAqi: 51, maxAqi: 100, colorName: '黄色', color: '#FFFF00', rgb: [255, 255, 0], cmyk: [0, 0, 100, 0],
    healthEffect: '空气质量可接受，但某些污染物可能对极少数异常敏感人群健康有较弱影响', advice: '极少数异常敏感人群应减少户外活动' },
  { level: 3, levelLabel: '三级', category: '轻度污染', minAqi: 101, maxAqi: 150, colorName: '橙色', color: '#FF7E00', rgb: [255, 126, 0], cmyk: [0, 52, 100, 0],
    healthEffect: '敏感人群症状有轻度加剧，健康人群出现刺激症状',
    advice: '青少年儿童、老年人及心血管系统疾病、呼吸系统疾病患者应减少长时间、高强度的户外锻炼' },
  { level: 4, levelLabel: '四级', category: '中度污染', minAqi: 151, maxAqi: 200, colorName: '红色', color: '#FF0000', rgb: [255, 0, 0], cmyk: [0, 100, 100, 0],
    healthEffect: '进一步加剧敏感人群症状，可能对健康人群心血管系统、呼吸系统有影响',
    advice: '青少年儿童、老年人及心血管系统疾病、呼吸系统疾病患者避免长时间、高强度的户外锻炼，一般人群适量减少户外运动' },
  { level: 5, levelLabel: '五级', category: '重度污染', minAqi: 201, maxAqi: 300, colorName: '紫色', color: '#99004C', rgb: [153, 0, 76], cmyk: [10, 100, 40, 30],
    healthEffect: '心血管系统和呼吸系统患者症状显著加剧，运动耐受力降低，健康人群普遍出现症状',
    advice: '青少年儿童、老年人和心血管系统疾病、呼吸系统疾病患者应停留在室内，停止户外运动，一般人群减少户外运动' },
  { level: 6, levelLabel: '六级', category: '严重污染', minAqi: 301, maxAqi: 500, colorName: '褐红色', color: '#7E0023', rgb: [126, 0, 35], cmyk: [30, 100, 100, 30],
    healthEffect: '健康人群运动耐受力降低，有明显强烈症状，提前出现某些疾病',
    advice: '青少年儿童、老年人和病人应当留在室内，避免体力消耗，一般人群应避免户外活动' },
];

/** HJ 633-2026 Table 2: sensitive groups when a pollutant's IAQI > 100. */
export const aqiSensitiveGroups: Record<AirPollutant, string> = {
  SO2: '患有哮喘的人、青少年儿童以及老年人',
  NO2: '患有呼吸系统疾病（如哮喘）的人、青少年儿童以及老年人',
  CO: '患有心血管系统疾病的人',
  O3: '患有呼吸系统疾病（如哮喘）的人、青少年儿童、户外活动频繁的人以及老年人',
  PM10: '患有心血管系统疾病或呼吸系统疾病（如哮喘）的人、青少年儿童、户外活动频繁的人以及老年人',
  PM2_5: '患有心血管系统疾病或呼吸系统疾病（如哮喘）的人、青少年儿童、户外活动频繁的人以及老年人',
};
