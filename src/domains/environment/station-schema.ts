/**
 * Monitoring stations: air stations, surface-water sections (断面) and noise points (isomorphic).
 */
import { z } from 'zod';
import { noiseZones } from './noise-rules';
import { waterbodies } from './water-tables';

export const stationKinds = ['air', 'water', 'noise'] as const;
export type StationKind = (typeof stationKinds)[number];
export const stationKindLabels: Record<StationKind, string> = { air: '空气自动监测站', water: '地表水监测断面', noise: '噪声监测点位' };

const codeSchema = z.string().trim().min(2).max(40).regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, '编码为字母、数字、点、下划线或连字符');
const nameSchema = z.string().trim().min(2).max(100);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const lonSchema = z.number().min(-180).max(180).describe('经度（WGS84/CGCS2000）');
const latSchema = z.number().min(-90).max(90).describe('纬度');
const targetClassSchema = z.number().int().min(1).max(5).describe('目标水质类别 1–5');

export const stationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(stationKinds),
    code: z.string(),
    name: z.string(),
    territoryOrgUnitId: z.uuid(),
    territoryName: z.string(),
    lon: z.number(),
    lat: z.number(),
    address: z.string().nullable(),
    airStationLevel: z.string().nullable().describe('空气站级别（国控/省控/市控…）'),
    waterbody: z.enum(waterbodies).nullable().describe('水体：river 河流 / lake 湖库'),
    riverName: z.string().nullable().describe('所在河流（湖库）名称'),
    targetClass: z.number().int().nullable().describe('目标水质类别'),
    noiseZone: z.enum(noiseZones).nullable().describe('声环境功能区'),
    note: z.string().nullable(),
    isActive: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'EnvStation' });
export type Station = z.infer<typeof stationSchema>;

export const createStationInputSchema = z
  .object({
    kind: z.enum(stationKinds),
    code: codeSchema,
    name: nameSchema,
    territoryOrgUnitId: z.uuid().describe('所在辖区（镇、街道、园区或市）'),
    lon: lonSchema,
    lat: latSchema,
    address: optionalText(200),
    airStationLevel: optionalText(20),
    waterbody: z.enum(waterbodies).nullable().optional(),
    riverName: optionalText(100),
    targetClass: targetClassSchema.nullable().optional(),
    noiseZone: z.enum(noiseZones).nullable().optional(),
    note: optionalText(500),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === 'water' && !v.waterbody) ctx.addIssue({ code: 'custom', path: ['waterbody'], message: '水质断面须指定水体类型 river/lake' });
    if (v.kind !== 'water' && (v.waterbody || v.riverName || v.targetClass)) {
      ctx.addIssue({ code: 'custom', path: ['waterbody'], message: '只有水质断面可填写水体、河流与目标类别' });
    }
    if (v.kind === 'noise' && !v.noiseZone) ctx.addIssue({ code: 'custom', path: ['noiseZone'], message: '噪声点位须指定声环境功能区' });
    if (v.kind !== 'noise' && v.noiseZone) ctx.addIssue({ code: 'custom', path: ['noiseZone'], message: '只有噪声点位可填写声环境功能区' });
    if (v.kind !== 'air' && v.airStationLevel) ctx.addIssue({ code: 'custom', path: ['airStationLevel'], message: '只有空气站可填写站点级别' });
  })
  .meta({ id: 'CreateEnvStationInput' });
export type CreateStationInput = z.infer<typeof createStationInputSchema>;

export const updateStationInputSchema = z
  .object({
    version: z.number().int().min(1),
    name: nameSchema.optional(),
    territoryOrgUnitId: z.uuid().optional(),
    lon: lonSchema.optional(),
    lat: latSchema.optional(),
    address: optionalText(200),
    airStationLevel: optionalText(20),
    waterbody: z.enum(waterbodies).optional(),
    riverName: optionalText(100),
    targetClass: targetClassSchema.nullable().optional(),
    noiseZone: z.enum(noiseZones).optional(),
    note: optionalText(500),
    isActive: z.boolean().optional().describe('false 停用站点（数据保留）'),
  })
  .strict()
  .meta({ id: 'UpdateEnvStationInput' });
export type UpdateStationInput = z.infer<typeof updateStationInputSchema>;

export const stationSorts = ['code', 'name', '-name', 'kind', '-updatedAt'] as const;

export const listStationsQuerySchema = z.object({
  q: z.string().trim().max(100).optional().describe('名称、编码、河流'),
  kind: z.enum(stationKinds).optional(),
  territoryOrgUnitId: z.uuid().optional().describe('辖区（含下级）'),
  includeInactive: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  sort: z.enum(stationSorts).default('code'),
});
export type ListStationsQuery = z.infer<typeof listStationsQuerySchema>;

export const stationPageSchema = z.object({ items: z.array(stationSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type StationPage = z.infer<typeof stationPageSchema>;

/** A GeoJSON FeatureCollection for the map (typed loosely for OpenAPI). */
export const featureCollectionOutSchema = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(z.record(z.string(), z.unknown())) })
  .meta({ id: 'GeoJsonFeatureCollection' });
export type FeatureCollectionOut = { type: 'FeatureCollection'; features: Record<string, unknown>[] };
