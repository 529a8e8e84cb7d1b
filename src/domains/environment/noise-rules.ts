/**
 * Environmental noise per GB 3096-2008 (standards.md §3): limits by 声环境功能区 and period,
 * compliance (Leq ≤ limit, compared without rounding) and exceedance in exact decimals
 * (55.3 − 55 = 0.3). `computeNoise` has exactly the JSON shapes of `POST /api/v1/calc/noise`
 * (product.md §4); `assessNoise` adds the night-time rules.
 */
import { invalid } from '../../shared/errors';
import { compareDecimal, parseDecimal, subtractExact } from './decimal';

export const noiseZones = ['0', '1', '2', '3', '4a', '4b'] as const;
export type NoiseZone = (typeof noiseZones)[number];
export const noisePeriods = ['day', 'night'] as const;
export type NoisePeriod = (typeof noisePeriods)[number];

/** GB 3096-2008 Table 1: Leq limits in dB(A). */
export const noiseLimits: Record<NoiseZone, Record<NoisePeriod, number>> = {
  '0': { day: 50, night: 40 },
  '1': { day: 55, night: 45 },
  '2': { day: 60, night: 50 },
  '3': { day: 65, night: 55 },
  '4a': { day: 70, night: 55 },
  '4b': { day: 70, night: 60 },
};

export const noiseZoneDescriptions: Record<NoiseZone, string> = {
  '0': '康复疗养区等特别需要安静的区域',
  '1': '居民住宅、医疗卫生、文化教育、科研设计、行政办公为主',
  '2': '商业金融、集市贸易为主，或居住、商业、工业混杂',
  '3': '工业生产、仓储物流为主',
  '4a': '高速公路、一级/二级公路、城市快速路、主干路、次干路、城市轨道交通（地面段）、内河航道两侧',
  '4b': '铁路干线两侧',
};

/**
 * Background limits (no train passing) along existing railway trunk lines crossing urban areas
 * (built/approved before 2011-01-01) and their rebuilds/extensions: 70 day / 55 night.
 */
export const existingRailwayBackgroundLimits: Record<NoisePeriod, number> = { day: 70, night: 55 };

/** Night burst noise: L_max may exceed the night limit by at most 15 dB(A) (GB 3096-2008). */
export const NIGHT_BURST_ALLOWANCE_DB = 15;

export type NoiseInput = {
  zone: NoiseZone;
  leqDbA: number;
  period?: NoisePeriod | undefined;
  /** "HH:MM" local time; decides the period when `period` is absent. */
  time?: string | undefined;
};

export type NoiseResult = {
  period: NoisePeriod;
  limitDbA: number;
  compliant: boolean;
  /** Leq − limit in exact decimals when above the limit; 0 when compliant. */
  exceedanceDb: number;
};

export type NoiseOptions = {
  /** 昼间 start, default "06:00" (a county-level or higher government may set other hours). */
  dayStart?: string;
  /** 夜间 start, default "22:00". */
  nightStart?: string;
  /** Zone 4b only: the site lies along an existing railway trunk line (pre-2011) → 70/55 background limits. */
  isExistingRailway?: boolean;
  /** Night only: measured L_max for the burst rule. */
  lmaxDbA?: number;
};

export type NoiseAssessment = NoiseResult & {
  /** Night burst check (null by day or without lmaxDbA): L_max ≤ night limit + 15. */
  burst: { limitDbA: number; compliant: boolean; exceedanceDb: number } | null;
};

const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight of "HH:MM" (00:00–23:59), or throws `env.invalid_time`. */
export function parseClockTime(time: string): number {
  const match = timePattern.exec(time);
  if (!match) throw invalid('env.invalid_time', `时间格式应为 HH:MM（00:00–23:59）: ${time}`, { time });
  return Number(match[1]) * 60 + Number(match[2]);
}

/** 昼间 = [dayStart, nightStart), 夜间 otherwise (default 06:00–22:00). */
export function classifyNoisePeriod(time: string, options: Pick<NoiseOptions, 'dayStart' | 'nightStart'> = {}): NoisePeriod {
  const t = parseClockTime(time);
  const dayStart = parseClockTime(options.dayStart ?? '06:00');
  const nightStart = parseClockTime(options.nightStart ?? '22:00');
  const isDay = dayStart <= nightStart ? t >= dayStart && t < nightStart : t >= dayStart || t < nightStart;
  return isDay ? 'day' : 'night';
}

function checkLevel(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw invalid('env.invalid_noise_level', `声级必须是非负有限数值: ${name} = ${String(value)}`, { name, value });
  }
}

/** Exceedance over a limit in exact decimals; 0 when at or below it. */
function exceedance(level: number, limit: number): number {
  return compareDecimal(parseDecimal(level), parseDecimal(limit)) > 0 ? subtractExact(level, limit) : 0;
}

/** Leq limit of a zone and period (with the 4b existing-railway background rule when asked). */
export function findNoiseLimit(zone: NoiseZone, period: NoisePeriod, isExistingRailway = false): number {
  const limits = noiseLimits[zone];
  if (!limits) throw invalid('env.unknown_noise_zone', `未知声环境功能区 ${String(zone)}（可用: ${noiseZones.join(', ')}）`, { zone });
  return zone === '4b' && isExistingRailway ? existingRailwayBackgroundLimits[period] : limits[period];
}

/** Compliance of one measurement with all the rules of standards.md §3. */
export function assessNoise(input: NoiseInput, options: NoiseOptions = {}): NoiseAssessment {
  checkLevel('leqDbA', input.leqDbA);
  let period = input.period;
  if (period === undefined) {
    if (input.time === undefined) throw invalid('env.noise_period_required', '需提供 period 或 time (period or time is required)');
    period = classifyNoisePeriod(input.time, options);
  }
  const limitDbA = findNoiseLimit(input.zone, period, options.isExistingRailway);
  const exceedanceDb = exceedance(input.leqDbA, limitDbA);
  let burst: NoiseAssessment['burst'] = null;
  if (period === 'night' && options.lmaxDbA !== undefined) {
    checkLevel('lmaxDbA', options.lmaxDbA);
    const burstLimit = limitDbA + NIGHT_BURST_ALLOWANCE_DB;
    const burstExceedance = exceedance(options.lmaxDbA, burstLimit);
    burst = { limitDbA: burstLimit, compliant: burstExceedance === 0, exceedanceDb: burstExceedance };
  }
  return { period, limitDbA, compliant: exceedanceDb === 0, exceedanceDb, burst };
}

/** Exactly the response of POST /api/v1/calc/noise. */
export function computeNoise(input: NoiseInput): NoiseResult {
  const { period, limitDbA, compliant, exceedanceDb } = assessNoise(input);
  return { period, limitDbA, compliant, exceedanceDb };
}
