/**
 * zod 4 schemas of the environment calculators (product.md §4): POST /api/v1/calc/aqi,
 * /calc/water-quality and /calc/noise. Isomorphic; the same schemas validate the API, the CLI and
 * forms, and feed OpenAPI generation.
 */
import { z } from 'zod';
import { resolveAqiStandard, type AqiInput, type AqiResult } from './aqi-rules';
import { aqiCategories, aqiCodes, aqiReportCodes, aqiReports, aqiStandards } from './aqi-tables';
import { noisePeriods, noiseZones, type NoiseInput, type NoiseResult } from './noise-rules';
import type { WaterQualityInput, WaterQualityResult } from './water-rules';
import { waterClassLabelValues, waterFactors, waterQualitativeGrades, waterbodies } from './water-tables';

const nonNegativeNumber = (what: string) =>
  z.number({ error: `${what}必须是数值 must be a number` }).nonnegative(`${what}不能为负 must be ≥ 0`);

export const aqiStandardSchema = z.enum(aqiStandards).describe('AQI 技术规定版本 / AQI standard version');
export const aqiReportSchema = z.enum(aqiReports).describe('日报 daily report / 实时报 hourly (real-time) report');
export const aqiCodeSchema = z.enum(aqiCodes).describe('指标代码 / indicator code (µg/m³; CO mg/m³)');

export const aqiRequestSchema = z
  .object({
    standard: aqiStandardSchema.optional().describe('省略时按 date 选择：2026-03-01 之前 HJ 633-2012，否则 HJ 633-2026 / defaults by date'),
    date: z.iso.date('日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD').optional().describe('数据日期（本地日）/ date of the data (local day)'),
    report: aqiReportSchema,
    concentrations: z
      .record(z.string(), nonNegativeNumber('浓度').nullable())
      .describe('污染物浓度，null 或缺省表示缺测 / concentrations by indicator code; null or absent = missing'),
  })
  .strict()
  .superRefine((value, ctx) => {
    // A malformed date is already reported by z.iso.date (non-aborting issue); do not resolve with it.
    if (value.standard === undefined && value.date !== undefined && !z.iso.date().safeParse(value.date).success) return;
    const standard = resolveAqiStandard(value);
    const allowed = aqiReportCodes[standard][value.report];
    for (const key of Object.keys(value.concentrations)) {
      if (allowed.includes(key as (typeof allowed)[number])) continue;
      ctx.addIssue({
        code: 'custom',
        path: ['concentrations', key],
        message: `未知污染物代码 ${key}（${standard} ${value.report === 'daily' ? '日报' : '实时报'}可用: ${allowed.join(', ')}）/ unknown pollutant code`,
        params: { code: 'env.unknown_pollutant', allowed },
      });
    }
  })
  .describe('AQI 计算请求 / AQI calculation request');
export type AqiRequest = z.infer<typeof aqiRequestSchema>;

export const aqiResponseSchema = z
  .object({
    standard: aqiStandardSchema,
    report: aqiReportSchema,
    aqi: z.number().int().min(0).max(500).nullable().describe('AQI；数据缺失且 AQI ≤ 100 时（HJ 633-2026 5.3）为 null (NA)'),
    iaqi: z.partialRecord(aqiCodeSchema, z.number().int().min(0).max(500)).describe('各指标空气质量分指数 / IAQI per indicator'),
    level: z.number().int().min(1).max(6).nullable().describe('级别 1–6 / level'),
    category: z.enum(aqiCategories).nullable().describe('类别 / category'),
    color: z.string().regex(/^#[0-9A-F]{6}$/).nullable().describe('表示颜色 / colour (#RRGGBB)'),
    primaryPollutants: z.array(aqiCodeSchema).describe('首要污染物（AQI > 50 时）/ primary pollutants (AQI > 50)'),
    exceedingPollutants: z.array(aqiCodeSchema).nullable().describe('超标污染物 IAQI > 100（仅 HJ 633-2012；2026 为 null）'),
    missing: z.array(aqiCodeSchema).describe('缺测指标 / missing indicators'),
  })
  .strict()
  .describe('AQI 计算结果 / AQI result');
export type AqiResponse = z.infer<typeof aqiResponseSchema>;

export const waterFactorSchema = z.enum(waterFactors).describe('GB 3838-2002 表1 指标 / Table 1 factor');
const waterClassSchema = z.number().int().min(1).max(6).describe('水质类别 1–6（6 = 劣Ⅴ）/ class (6 = worse than Ⅴ)');
export const targetWaterClassSchema = z.literal([1, 2, 3, 4, 5], '目标水质类别应为 1–5 / target class must be 1–5').describe('目标水质类别 1–5 / target class');

export const waterQualityRequestSchema = z
  .object({
    waterbody: z.enum(waterbodies).describe('river 河流 / lake 湖库 (lakes and reservoirs)'),
    measurements: z
      .record(z.string(), nonNegativeNumber('监测值'))
      .superRefine((value, ctx) => {
        const keys = Object.keys(value);
        if (keys.length === 0) ctx.addIssue({ code: 'custom', message: '至少需要一个监测指标 / at least one factor' });
        for (const key of keys) {
          if (!(waterFactors as readonly string[]).includes(key)) {
            ctx.addIssue({ code: 'custom', path: [key], message: `未知水质指标 ${key}（可用: ${waterFactors.join(', ')}）/ unknown factor`, params: { code: 'env.unknown_water_factor' } });
          } else if (key === 'pH' && (value[key] ?? 0) > 14) {
            ctx.addIssue({ code: 'custom', path: [key], message: 'pH 应在 0–14 / pH must be within 0–14' });
          }
        }
      })
      .describe('监测值（mg/L；pH 无量纲；粪大肠菌群 个/L）/ measurements'),
    targetClass: targetWaterClassSchema.optional(),
  })
  .strict()
  .describe('地表水单因子评价请求 / surface-water evaluation request');
export type WaterQualityRequest = z.infer<typeof waterQualityRequestSchema>;

export const waterQualityResponseSchema = z
  .object({
    factorClasses: z.partialRecord(waterFactorSchema, waterClassSchema.nullable()).describe('各指标类别；无该水体标准值时为 null'),
    sectionClass: waterClassSchema,
    sectionClassLabel: z.enum(waterClassLabelValues).describe('类别标签 / class label'),
    qualitative: z.enum(waterQualitativeGrades).describe('水质定性评价 / qualitative grade'),
    mainPollutionIndicators: z.array(waterFactorSchema).describe('主要污染指标（劣于Ⅲ类时，最多 3 项）/ main pollution indicators'),
    meetsTarget: z.boolean().nullable().describe('是否达到目标类别；无目标时为 null / meets target'),
  })
  .strict()
  .describe('地表水单因子评价结果 / surface-water evaluation result');
export type WaterQualityResponse = z.infer<typeof waterQualityResponseSchema>;

export const noiseRequestSchema = z
  .object({
    zone: z.enum(noiseZones).describe('声环境功能区 0/1/2/3/4a/4b / acoustic functional zone'),
    leqDbA: nonNegativeNumber('等效声级').max(200, '等效声级不应超过 200 dB(A)').describe('等效连续 A 声级 Leq, dB(A)'),
    period: z.enum(noisePeriods).optional().describe('day 昼间 06:00–22:00 / night 夜间'),
    time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM / time must be HH:MM')
      .optional()
      .describe('测量时刻 HH:MM，period 缺省时据此判断昼夜 / time; decides the period when period is absent'),
  })
  .strict()
  .refine((v) => v.period !== undefined || v.time !== undefined, { message: '需提供 period 或 time / period or time is required', path: ['period'] })
  .describe('环境噪声达标判定请求 / noise compliance request');
export type NoiseRequest = z.infer<typeof noiseRequestSchema>;

export const noiseResponseSchema = z
  .object({
    period: z.enum(noisePeriods),
    limitDbA: z.number().describe('限值 dB(A) / limit'),
    compliant: z.boolean().describe('是否达标 / compliant (Leq ≤ limit)'),
    exceedanceDb: z.number().nonnegative().describe('超标量 dB，达标时为 0 / exceedance, 0 when compliant'),
  })
  .strict()
  .describe('环境噪声达标判定结果 / noise compliance result');
export type NoiseResponse = z.infer<typeof noiseResponseSchema>;

// Compile-time checks: a parsed request can be passed to the rules, and the rules' results satisfy the responses.
type Assignable<From, To> = [From] extends [To] ? true : never;
export const calcSchemaTypeChecks: [
  Assignable<AqiRequest, AqiInput>,
  Assignable<AqiResult, AqiResponse>,
  Assignable<WaterQualityRequest, WaterQualityInput>,
  Assignable<WaterQualityResult, WaterQualityResponse>,
  Assignable<NoiseRequest, NoiseInput>,
  Assignable<NoiseResult, NoiseResponse>,
] = [true, true, true, true, true, true];
