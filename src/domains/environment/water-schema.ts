/** Surface-water samples, their evaluation, compliance by period and river evaluation (isomorphic). */
import { z } from 'zod';
import { waterQualityRequestSchema } from './calc-schema';
import { periodGroupings } from './period-rules';
import { waterClassLabelValues, waterFactors, waterQualitativeGrades, waterbodies } from './water-tables';

const factorRecord = <T extends z.ZodType>(value: T) => z.partialRecord(z.enum(waterFactors), value);

export const waterEvaluationSchema = z
  .object({
    factorClasses: factorRecord(z.number().int().nullable()),
    countedFactors: z.array(z.enum(waterFactors)),
    exceedanceMultiples: factorRecord(z.number()).describe('超标倍数（对Ⅲ类）'),
    factorsExceedingTarget: z.array(z.enum(waterFactors)),
    targetExceedanceMultiples: factorRecord(z.number()).describe('对目标类别的超标倍数'),
    qualitativeColorName: z.string(),
  })
  .meta({ id: 'WaterEvaluation' });

export const waterSampleSchema = z
  .object({
    id: z.uuid(),
    stationId: z.uuid(),
    stationCode: z.string(),
    stationName: z.string(),
    riverName: z.string().nullable(),
    waterbody: z.enum(waterbodies),
    sampledOn: z.string(),
    measurements: factorRecord(z.number()),
    sectionClass: z.number().int(),
    sectionClassLabel: z.enum(waterClassLabelValues),
    qualitative: z.enum(waterQualitativeGrades),
    mainPollutionIndicators: z.array(z.enum(waterFactors)),
    targetClass: z.number().int().nullable(),
    meetsTarget: z.boolean().nullable(),
    evaluation: waterEvaluationSchema,
    note: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'WaterSample' });
export type WaterSample = z.infer<typeof waterSampleSchema>;

const measurementsSchema = waterQualityRequestSchema.shape.measurements;

export const createWaterSampleInputSchema = z
  .object({
    stationId: z.uuid(),
    sampledOn: z.iso.date().describe('采样日期'),
    measurements: measurementsSchema,
    note: z.string().trim().max(500).nullable().optional(),
  })
  .strict()
  .meta({ id: 'CreateWaterSampleInput' });
export type CreateWaterSampleInput = z.infer<typeof createWaterSampleInputSchema>;

export const updateWaterSampleInputSchema = z
  .object({
    version: z.number().int().min(1),
    sampledOn: z.iso.date().optional(),
    measurements: measurementsSchema.optional(),
    note: z.string().trim().max(500).nullable().optional(),
  })
  .strict()
  .meta({ id: 'UpdateWaterSampleInput' });
export type UpdateWaterSampleInput = z.infer<typeof updateWaterSampleInputSchema>;

export const listWaterSamplesQuerySchema = z.object({
  stationId: z.uuid().optional(),
  riverName: z.string().trim().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  sectionClass: z.coerce.number().int().min(1).max(6).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  sort: z.enum(['-sampledOn', 'sampledOn', 'station']).default('-sampledOn'),
});
export type ListWaterSamplesQuery = z.infer<typeof listWaterSamplesQuerySchema>;

export const waterSamplePageSchema = z.object({ items: z.array(waterSampleSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const waterPeriodQuerySchema = z.object({
  groupBy: z.enum(periodGroupings).default('year'),
  from: z.iso.date().optional().describe('默认今年 1 月 1 日'),
  to: z.iso.date().optional().describe('默认今天'),
  orgUnitId: z.uuid().optional().describe('只统计该辖区（含下级）的断面'),
});
export type WaterPeriodQuery = z.infer<typeof waterPeriodQuerySchema>;

export const sectionPeriodResultSchema = z.object({
  stationId: z.uuid(),
  code: z.string(),
  name: z.string(),
  riverName: z.string().nullable(),
  waterbody: z.enum(waterbodies),
  targetClass: z.number().int().nullable(),
  sampleCount: z.number().int(),
  sectionClass: z.number().int(),
  sectionClassLabel: z.enum(waterClassLabelValues),
  qualitative: z.enum(waterQualitativeGrades),
  meetsTarget: z.boolean().nullable(),
  mainPollutionIndicators: z.array(z.enum(waterFactors)),
  meanMeasurements: factorRecord(z.number()),
});
export type SectionPeriodResult = z.infer<typeof sectionPeriodResultSchema>;

const classCounts = z.record(z.string(), z.number().int());

export const waterComplianceRowSchema = z.object({
  period: z.string(),
  from: z.string(),
  to: z.string(),
  sections: z.number().int(),
  byClass: classCounts,
  goodPercent: z.number().nullable().describe('Ⅰ–Ⅲ类比例 %'),
  worstPercent: z.number().nullable().describe('劣Ⅴ类比例 %'),
  withTarget: z.number().int(),
  meetingTarget: z.number().int(),
  compliancePercent: z.number().nullable().describe('水质达标率 %；无目标断面时为 null'),
  results: z.array(sectionPeriodResultSchema),
});
export const waterComplianceSchema = z
  .object({ groupBy: z.enum(periodGroupings), from: z.string(), to: z.string(), rows: z.array(waterComplianceRowSchema) })
  .meta({ id: 'WaterCompliance' });
export type WaterCompliance = z.infer<typeof waterComplianceSchema>;

export const riverEvaluationSchema = z.object({
  riverName: z.string(),
  waterbody: z.enum(waterbodies),
  method: z.enum(['mean', 'proportion']).describe('mean：断面少于 5 个，均值评价；proportion：断面类别比例法'),
  sectionCount: z.number().int(),
  qualitative: z.enum(waterQualitativeGrades).nullable(),
  riverClass: z.number().int().nullable(),
  riverClassLabel: z.enum(waterClassLabelValues).nullable(),
  mainPollutionIndicators: z.array(z.enum(waterFactors)),
  byClass: classCounts,
  goodPercent: z.number().nullable(),
  worstPercent: z.number().nullable(),
  compliancePercent: z.number().nullable(),
  sections: z.array(sectionPeriodResultSchema),
});
export const riverEvaluationListSchema = z
  .object({ from: z.string(), to: z.string(), rivers: z.array(riverEvaluationSchema) })
  .meta({ id: 'RiverEvaluations' });
export type RiverEvaluationList = z.infer<typeof riverEvaluationListSchema>;
