/** Siting checks of project footprints against the red-line zones (isomorphic). */
import { z } from 'zod';
import { sitingOutcomes } from './geo/control-rules';

const footprintSchema = z
  .unknown()
  .refine((v) => v !== undefined && v !== null, '缺少项目范围 footprint')
  .describe('项目范围：GeoJSON 几何或 Feature（Point、LineString、MultiLineString、Polygon、MultiPolygon），或坐标 [经度,纬度] / [[经度,纬度],…] / [[[经度,纬度],…]]');

export const sitingCheckInputSchema = z
  .object({
    projectName: z.string().trim().min(1).max(200).optional().describe('项目名称'),
    projectType: z.string().trim().min(1).max(64).describe('项目类型编码（见管控规则 projectTypes）'),
    footprint: footprintSchema,
  })
  .strict()
  .meta({ id: 'SitingCheckInput' });
export type SitingCheckInput = z.infer<typeof sitingCheckInputSchema>;

export const sitingBatchInputSchema = z
  .object({
    projectType: z.string().trim().min(1).max(64).optional().describe('要素未写 properties.projectType 时使用'),
    footprints: z.unknown().refine((v) => v !== undefined && v !== null, '缺少 footprints').describe('FeatureCollection；要素 id 或 properties.id 为项目编号，properties.name 为项目名称'),
  })
  .strict()
  .meta({ id: 'SitingBatchInput' });
export type SitingBatchInput = z.infer<typeof sitingBatchInputSchema>;

const outcome = z.enum(sitingOutcomes);

export const sitingIntersectionSchema = z.object({
  zoneId: z.string(),
  name: z.string(),
  code: z.string(),
  type: z.string(),
  tier: z.string(),
  territoryCode: z.string().nullable(),
  contact: z.enum(['interior', 'boundary']).describe('interior 区内重叠 / boundary 仅边界接触'),
  overlapAreaM2: z.number().describe('重叠面积 m²（0.01）'),
  shareOfFootprint: z.number().describe('占项目范围的比例 0–1（面积、线长或点）'),
  lengthM: z.number().nullable().describe('线状项目在区内的长度 m'),
  ruleOutcome: outcome,
  ruleOutcomeLabel: z.string(),
  ruleText: z.string(),
  ruleSource: z.enum(['rule', 'zone_type_rule', 'tier_default', 'fallback']),
});

export const sitingCheckResultSchema = z
  .object({
    id: z.uuid(),
    projectName: z.string().nullable(),
    projectType: z.string(),
    projectTypeLabel: z.string(),
    verdict: outcome,
    verdictLabel: z.string().describe('允许 / 有条件 / 禁止'),
    footprint: z.object({ kind: z.enum(['point', 'line', 'polygon']), areaM2: z.number(), lengthM: z.number() }),
    intersections: z.array(sitingIntersectionSchema),
    nearest: z.object({ zoneId: z.string(), name: z.string(), distanceM: z.number() }).nullable().describe('与任何区都不相交时，最近的区及距离（m）'),
    trace: z.array(z.record(z.string(), z.unknown())).describe('规则追溯（数据）'),
    traceText: z.array(z.string()).describe('规则追溯（文字）'),
    ruleSetSource: z.enum(['default', 'configured']),
    ruleSetNote: z.string().nullable(),
    checkedAt: z.string(),
    checkedBy: z.string().nullable(),
  })
  .meta({ id: 'SitingCheckResult' });
export type SitingCheckResult = z.infer<typeof sitingCheckResultSchema>;

export const sitingBatchItemSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  projectType: z.string(),
  verdict: outcome,
  footprint: z.object({ kind: z.enum(['point', 'line', 'polygon']), areaM2: z.number(), lengthM: z.number() }),
  intersections: z.array(sitingIntersectionSchema),
  nearest: z.object({ zoneId: z.string(), name: z.string(), distanceM: z.number() }).nullable(),
});
export type SitingBatchItem = z.infer<typeof sitingBatchItemSchema>;

export const sitingBatchResultSchema = z
  .object({
    id: z.uuid(),
    summary: z.object({ allowed: z.number().int(), conditional: z.number().int(), prohibited: z.number().int(), total: z.number().int() }),
    results: z.array(sitingBatchItemSchema),
    checkedAt: z.string(),
  })
  .meta({ id: 'SitingBatchResult' });
export type SitingBatchResult = z.infer<typeof sitingBatchResultSchema>;

export const sitingHistoryItemSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['single', 'batch']),
    projectName: z.string().nullable(),
    projectType: z.string(),
    verdict: outcome,
    itemCount: z.number().int(),
    createdByName: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'SitingHistoryItem' });
export type SitingHistoryItem = z.infer<typeof sitingHistoryItemSchema>;

export const listSitingChecksQuerySchema = z.object({
  q: z.string().trim().max(100).optional().describe('项目名称'),
  verdict: outcome.optional(),
  kind: z.enum(['single', 'batch']).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.enum(['-createdAt', 'createdAt']).default('-createdAt'),
});
export type ListSitingChecksQuery = z.infer<typeof listSitingChecksQuerySchema>;

export const sitingHistoryPageSchema = z.object({ items: z.array(sitingHistoryItemSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const sitingPrintViewSchema = z
  .object({
    title: z.string(),
    generatedAt: z.string(),
    check: sitingCheckResultSchema,
    map: z.object({ type: z.literal('FeatureCollection'), features: z.array(z.record(z.string(), z.unknown())) }).describe('项目范围（role=footprint）与相关管控区（role=zone）'),
    disclaimer: z.string(),
  })
  .meta({ id: 'SitingPrintView' });
export type SitingPrintView = z.infer<typeof sitingPrintViewSchema>;
