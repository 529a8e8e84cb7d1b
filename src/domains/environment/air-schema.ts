/**
 * Air monitoring data and statistics (isomorphic): hourly input, daily AQI series, good-day rate
 * statistics, calendar heat map.
 */
import { z } from 'zod';
import { aqiCategories, aqiCodes, aqiStandards } from './aqi-tables';
import { dailyValueCodes } from './air-validity-rules';
import { periodGroupings } from './period-rules';

/** Concentration limit accepted on input (far above any real value; blocks absurd numbers). */
export const MAX_CONCENTRATION = 100_000;

const concentration = (what: string) =>
  z.number({ error: `${what} 必须是数值` }).nonnegative(`${what} 不能为负`).max(MAX_CONCENTRATION, `${what} 超出合理范围`).nullable().optional();

export const hourlyAirInputSchema = z
  .object({
    stationId: z.uuid().optional().describe('站点 ID（与 stationCode 二选一）'),
    stationCode: z.string().trim().min(1).max(40).optional().describe('站点编码'),
    hourStart: z.iso.datetime({ offset: true, message: '时间须为带时区的 ISO 8601，如 2026-11-26T08:00:00+08:00' }).describe('该小时的起始时刻（整点）'),
    SO2: concentration('SO2').describe('µg/m³'),
    NO2: concentration('NO2').describe('µg/m³'),
    CO: concentration('CO').describe('mg/m³'),
    O3: concentration('O3').describe('µg/m³'),
    PM10: concentration('PM10').describe('µg/m³'),
    PM2_5: concentration('PM2.5').describe('µg/m³'),
    valid: z.boolean().optional().describe('false：本小时数据无效（校准、故障等），不参与统计'),
    flag: z.string().trim().max(20).nullable().optional().describe('数据标记（仪器/人工标识）'),
  })
  .strict()
  .refine((v) => v.stationId !== undefined || v.stationCode !== undefined, { message: '需提供 stationId 或 stationCode', path: ['stationId'] })
  .meta({ id: 'HourlyAirInput' });
export type HourlyAirInput = z.infer<typeof hourlyAirInputSchema>;

export const MAX_HOURLY_ROWS = 50_000;
export const hourlyAirBatchSchema = z.array(hourlyAirInputSchema).min(1, '至少一条').max(MAX_HOURLY_ROWS, `一次最多 ${MAX_HOURLY_ROWS} 条`);

export const hourlyUpsertResultSchema = z
  .object({
    received: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    stations: z.number().int(),
    recomputedDays: z.number().int().describe('重算的站点日数'),
    from: z.string().nullable(),
    to: z.string().nullable(),
  })
  .meta({ id: 'HourlyUpsertResult' });
export type HourlyUpsertResult = z.infer<typeof hourlyUpsertResultSchema>;

const valueRecord = z.record(z.string(), z.number().nullable());

export const dailyAqiItemSchema = z
  .object({
    date: z.string(),
    standard: z.enum(aqiStandards),
    aqi: z.number().int().nullable(),
    level: z.number().int().nullable(),
    category: z.enum(aqiCategories).nullable(),
    color: z.string().nullable(),
    primaryPollutants: z.array(z.enum(aqiCodes)),
    values: valueRecord.describe('日均值（CO mg/m³，其余 µg/m³）；null 为无效'),
    iaqi: z.record(z.string(), z.number()),
    validHours: z.record(z.string(), z.number()).describe('各污染物有效小时数'),
    o3Windows: z.number().int().describe('O3 有效 8 小时滑动窗口数'),
  })
  .meta({ id: 'DailyAqiItem' });
export type DailyAqiItem = z.infer<typeof dailyAqiItemSchema>;

export const dateRangeQuerySchema = z.object({
  from: z.iso.date().optional().describe('起始日（含），默认今年 1 月 1 日'),
  to: z.iso.date().optional().describe('截止日（含），默认今天'),
});

export const hourlyItemSchema = z
  .object({
    hourStart: z.string(),
    SO2: z.number().nullable(),
    NO2: z.number().nullable(),
    CO: z.number().nullable(),
    O3: z.number().nullable(),
    PM10: z.number().nullable(),
    PM2_5: z.number().nullable(),
    valid: z.boolean(),
    flag: z.string().nullable(),
  })
  .meta({ id: 'HourlyAirItem' });
export type HourlyItem = z.infer<typeof hourlyItemSchema>;

export const hourlyQuerySchema = z.object({
  from: z.iso.datetime({ offset: true }).optional().describe('默认：最近 48 小时'),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const statisticsLevels = ['station', 'township', 'city'] as const;
export type StatisticsLevel = (typeof statisticsLevels)[number];

export const airStatisticsQuerySchema = dateRangeQuerySchema.extend({
  level: z.enum(statisticsLevels).default('city').describe('统计层级：站点 / 镇（街道、园区）/ 全市'),
  groupBy: z.enum(periodGroupings).default('month').describe('按月 / 季 / 年'),
  stationId: z.uuid().optional(),
  orgUnitId: z.uuid().optional().describe('只统计该辖区（含下级）的站点'),
});
export type AirStatisticsQuery = z.infer<typeof airStatisticsQuerySchema>;

export const statisticsUnitSchema = z.object({ kind: z.enum(statisticsLevels), id: z.string(), name: z.string() });
export type StatisticsUnit = z.infer<typeof statisticsUnitSchema>;

const pollutantCounts = z.record(z.string(), z.number().int());

export const airStatisticsRowSchema = z
  .object({
    unit: statisticsUnitSchema,
    period: z.string(),
    from: z.string(),
    to: z.string(),
    totalDays: z.number().int().describe('有数据的天数'),
    validDays: z.number().int().describe('有效天数（有日 AQI）'),
    goodDays: z.number().int().describe('优良天数（AQI ≤ 100）'),
    goodDayPercent: z.number().nullable().describe('优良天数比例 %（0.1）；无有效天时为 null'),
    daysByCategory: z.record(z.enum(aqiCategories), z.number().int()),
    excellentDays: z.number().int(),
    pollutedDays: z.number().int(),
    heavyPollutedDays: z.number().int(),
    severePollutedDays: z.number().int(),
    primaryPollutantDays: pollutantCounts.describe('作为首要污染物的天数'),
    primaryPollutantPollutedDays: pollutantCounts.describe('作为首要污染物的超标天数'),
    means: z.record(z.enum(dailyValueCodes), z.number().nullable()).describe('日均值的期间均值（0.1；CO 0.01）'),
  })
  .meta({ id: 'AirStatisticsRow' });
export type AirStatisticsRow = z.infer<typeof airStatisticsRowSchema>;

export const airStatisticsSchema = z
  .object({ level: z.enum(statisticsLevels), groupBy: z.enum(periodGroupings), from: z.string(), to: z.string(), rows: z.array(airStatisticsRowSchema) })
  .meta({ id: 'AirStatistics' });
export type AirStatistics = z.infer<typeof airStatisticsSchema>;

export const calendarQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('默认今年'),
  stationId: z.uuid().optional().describe('省略时为全市（或本人辖区）'),
  orgUnitId: z.uuid().optional(),
});

export const calendarDaySchema = z.object({
  date: z.string(),
  aqi: z.number().int().nullable(),
  level: z.number().int().nullable(),
  category: z.enum(aqiCategories).nullable(),
  color: z.string().nullable(),
  primaryPollutants: z.array(z.enum(aqiCodes)),
});
export const calendarSchema = z.object({ unit: statisticsUnitSchema, year: z.number().int(), days: z.array(calendarDaySchema) }).meta({ id: 'AqiCalendar' });
export type AqiCalendar = z.infer<typeof calendarSchema>;
