/** Ecological red-line zones, control rules and protected-area totals (isomorphic). */
import { z } from 'zod';
import { controlRuleSchema, sitingOutcomes, tierDefaultSchema } from './geo/control-rules';

export const zoneSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    zoneType: z.string().describe('类型：生态保护红线、饮用水水源保护区、湿地、自然保护地…'),
    tier: z.string().describe('管控级别'),
    territoryOrgUnitId: z.uuid().nullable(),
    territoryName: z.string().nullable(),
    territoryCode: z.string().nullable().describe('行政区划代码'),
    areaM2: z.number().describe('椭球面积 m²'),
    areaKm2: z.number(),
    bbox: z.array(z.number()).length(4).describe('[最小经度, 最小纬度, 最大经度, 最大纬度]'),
    properties: z.record(z.string(), z.unknown()).describe('导入时的其他属性'),
    isActive: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'RedLineZone' });
export type ZoneView = z.infer<typeof zoneSchema>;

export const zoneDetailSchema = zoneSchema.extend({ geometry: z.record(z.string(), z.unknown()).describe('GeoJSON Polygon / MultiPolygon') }).meta({ id: 'RedLineZoneDetail' });
export type ZoneDetail = z.infer<typeof zoneDetailSchema>;

export const listZonesQuerySchema = z.object({
  q: z.string().trim().max(100).optional().describe('名称或编码'),
  tier: z.string().trim().max(64).optional(),
  zoneType: z.string().trim().max(64).optional(),
  territoryOrgUnitId: z.uuid().optional(),
  includeInactive: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  sort: z.enum(['code', 'name', '-area', 'tier']).default('code'),
});
export type ListZonesQuery = z.infer<typeof listZonesQuerySchema>;

export const zonePageSchema = z.object({ items: z.array(zoneSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const importZonesQuerySchema = z.object({
  mode: z.enum(['upsert', 'replace']).default('upsert').describe('upsert：按编码新增或更新；replace：另外停用文件中没有的区'),
  dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true').describe('只校验不写入'),
});
export type ImportZonesOptions = z.infer<typeof importZonesQuerySchema>;

export const importZonesResultSchema = z
  .object({
    features: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    deactivated: z.number().int(),
    dryRun: z.boolean(),
    totalAreaKm2: z.number().describe('本次导入各区面积之和 km²'),
    zones: z.array(z.object({ code: z.string(), name: z.string(), tier: z.string(), areaKm2: z.number(), action: z.enum(['create', 'update']) })),
  })
  .meta({ id: 'ImportZonesResult' });
export type ImportZonesResult = z.infer<typeof importZonesResultSchema>;

export const areaGroupings = ['tier', 'territory', 'type'] as const;
export const areaTotalsQuerySchema = z.object({ groupBy: z.enum(areaGroupings).default('tier') });

export const areaTotalsSchema = z
  .object({
    groupBy: z.enum(areaGroupings),
    groups: z.array(
      z.object({
        key: z.string().nullable(),
        label: z.string(),
        zoneCount: z.number().int(),
        unionKm2: z.number().describe('去除重叠后的面积'),
        sumKm2: z.number().describe('各区面积之和'),
        overlapKm2: z.number(),
      }),
    ),
    totalUnionKm2: z.number(),
    totalSumKm2: z.number(),
    zoneCount: z.number().int(),
  })
  .meta({ id: 'ProtectedAreaTotals' });
export type AreaTotals = z.infer<typeof areaTotalsSchema>;

export const controlRuleViewSchema = controlRuleSchema.extend({
  id: z.uuid().nullable().describe('默认配置未落库时为 null'),
  zoneType: z.string().nullable(),
  version: z.number().int().nullable(),
});
export type ControlRuleView = z.infer<typeof controlRuleViewSchema>;

export const controlConfigSchema = z.object({
  tiers: z.array(z.string().trim().min(1).max(64)).min(1).max(20).describe('管控级别（从严到宽）'),
  projectTypes: z.array(z.object({ code: z.string().trim().min(1).max(64), label: z.string().trim().min(1).max(100) })).max(100),
  tierDefaults: z.array(tierDefaultSchema).max(20),
  fallback: z.object({ outcome: z.enum(sitingOutcomes), text: z.string().trim().min(1).max(500) }),
  boundaryContactCap: z.enum(sitingOutcomes).describe('仅边界接触时结论最严为'),
  note: z.string().max(500).optional(),
});
export type ControlConfig = z.infer<typeof controlConfigSchema>;

export const controlRuleSetViewSchema = controlConfigSchema
  .extend({
    source: z.enum(['default', 'configured']).describe('default：出厂默认配置（非法律条文）；configured：已由本市配置'),
    version: z.number().int().describe('配置版本号；默认配置为 0'),
    rules: z.array(controlRuleViewSchema),
  })
  .meta({ id: 'ControlRuleSet' });
export type ControlRuleSetView = z.infer<typeof controlRuleSetViewSchema>;

export const updateControlConfigInputSchema = controlConfigSchema.extend({ version: z.number().int().min(0) }).strict().meta({ id: 'UpdateControlConfigInput' });
export type UpdateControlConfigInput = z.infer<typeof updateControlConfigInputSchema>;

export const createControlRuleInputSchema = z
  .object({
    tier: z.string().trim().min(1).max(64),
    projectType: z.string().trim().min(1).max(64),
    zoneType: z.string().trim().min(1).max(64).nullable().optional(),
    outcome: z.enum(sitingOutcomes),
    text: z.string().trim().min(1).max(500),
  })
  .strict()
  .meta({ id: 'CreateControlRuleInput' });
export type CreateControlRuleInput = z.infer<typeof createControlRuleInputSchema>;

export const updateControlRuleInputSchema = z
  .object({ version: z.number().int().min(1), outcome: z.enum(sitingOutcomes).optional(), text: z.string().trim().min(1).max(500).optional() })
  .strict()
  .meta({ id: 'UpdateControlRuleInput' });
export type UpdateControlRuleInput = z.infer<typeof updateControlRuleInputSchema>;

export const versionQuerySchema = z.object({ version: z.coerce.number().int().min(1) });
