/**
 * Response shapes of the hazard API for the web app (isomorphic): the detail page (record, timeline,
 * the caller's available actions, names and photo metadata), list items, the status board, the township
 * page and the configuration. `hazard-schema.ts` holds the record itself.
 */
import { z } from 'zod';
import { escalationConfigSchema, escalationSteps } from './escalation-rules';
import { hazardRulesConfigSchema } from './hazard-config';
import { hazardActions, hazardRelations, hazardStatuses } from './hazard-enums';
import { hazardSchema, localDateSchema } from './hazard-schema';

/** Display names of the units and people a hazard refers to (null when unset or unknown). */
export const hazardNamesSchema = z
  .object({
    orgUnitName: z.string().nullable().describe('属地名称'),
    supervisingOrgUnitName: z.string().nullable().describe('行业监管部门名称'),
    enterpriseName: z.string().nullable().describe('整改责任单位名称'),
    equipmentCode: z.string().nullable().describe('设备代码'),
    reportedByName: z.string().nullable().describe('报告人'),
    transferredToOrgUnitName: z.string().nullable().describe('移交单位名称'),
  })
  .strict();
export type HazardNames = z.infer<typeof hazardNamesSchema>;

export const hazardPhotoSchema = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    kind: z.enum(['before', 'after', 'verification']).describe('整改前 / 整改后 / 复查'),
    url: z.string().describe('下载地址（经隐患授权，无需上传人的范围）'),
  })
  .strict();
export type HazardPhoto = z.infer<typeof hazardPhotoSchema>;

export const hazardListItemSchema = hazardSchema.omit({ history: true }).extend(hazardNamesSchema.shape).strict().describe('隐患（列表项）');
export type HazardListItem = z.infer<typeof hazardListItemSchema>;

export const hazardPageSchema = z
  .object({
    items: z.array(hazardListItemSchema),
    total: z.number().int().nonnegative(),
    page: z.number().int().positive(),
    pageSize: z.number().int().positive(),
  })
  .strict();
export type HazardPage = z.infer<typeof hazardPageSchema>;

export const hazardDetailSchema = hazardSchema
  .extend(hazardNamesSchema.shape)
  .extend({
    availableActions: z.array(z.enum(hazardActions)).describe('当前用户此刻可执行的动作（按钮）'),
    relations: z.array(z.enum(hazardRelations)).describe('当前用户与该隐患的关系'),
    canEdit: z.boolean().describe('当前用户可否编辑'),
    photos: z.array(hazardPhotoSchema).describe('照片（整改前、整改后、复查）'),
    escalations: z
      .array(z.object({ step: z.enum(escalationSteps), key: z.string(), dueOn: localDateSchema, firedOn: localDateSchema }).strict())
      .describe('已触发的逾期升级步骤'),
  })
  .strict()
  .describe('隐患详情');
export type HazardDetail = z.infer<typeof hazardDetailSchema>;

const statusCountsSchema = z.object(Object.fromEntries(hazardStatuses.map((s) => [s, z.number().int().nonnegative()]))).strict();
export type HazardStatusCounts = Record<(typeof hazardStatuses)[number], number>;

export const hazardBoardSchema = z
  .object({
    today: localDateSchema,
    total: z.number().int().nonnegative(),
    byStatus: statusCountsSchema.describe('按状态计数'),
    open: z.number().int().nonnegative().describe('未办结（待核定、已核定、整改中、待复查）'),
    overdue: z.number().int().nonnegative().describe('逾期未改'),
    listed: z.number().int().nonnegative().describe('挂牌督办中'),
    major: z.number().int().nonnegative().describe('未办结的重大隐患'),
    extensionPending: z.number().int().nonnegative().describe('待审批延期'),
    dueSoon: z.number().int().nonnegative().describe('7 日内到期'),
  })
  .strict()
  .describe('隐患看板（当前用户范围内的计数）');
export type HazardBoard = z.infer<typeof hazardBoardSchema>;

export const townshipSummaryQuerySchema = z
  .object({
    orgUnitId: z.uuid().optional().describe('乡镇（街道、园区）；不填为本人所在单位'),
    limit: z.coerce.number().int().min(1).max(200).default(50).describe('逾期/临期清单条数上限'),
  })
  .strict();
export type TownshipSummaryQuery = z.infer<typeof townshipSummaryQuerySchema>;

export const townshipSummarySchema = z
  .object({
    orgUnitId: z.uuid(),
    orgUnitName: z.string(),
    board: hazardBoardSchema,
    overdueHazards: z.array(hazardListItemSchema).describe('逾期未改隐患（期限最早在前）'),
    dueSoonHazards: z.array(hazardListItemSchema).describe('7 日内到期的隐患'),
  })
  .strict()
  .describe('乡镇隐患页：逾期隐患与计数');
export type TownshipSummary = z.infer<typeof townshipSummarySchema>;

export const hazardSettingsSchema = z
  .object({
    rules: hazardRulesConfigSchema,
    escalation: escalationConfigSchema,
    version: z.object({ rules: z.number().int().nonnegative(), escalation: z.number().int().nonnegative() }).strict().describe('0 = 默认值'),
  })
  .strict()
  .describe('隐患闭环配置');
export type HazardSettings = z.infer<typeof hazardSettingsSchema>;

export const updateHazardSettingsInputSchema = z
  .union([
    z.object({ key: z.literal('rules'), version: z.number().int().nonnegative(), value: hazardRulesConfigSchema }).strict(),
    z.object({ key: z.literal('escalation'), version: z.number().int().nonnegative(), value: escalationConfigSchema }).strict(),
  ])
  .describe('修改配置（version 为读取时的版本，0 表示尚未保存过）');
export type UpdateHazardSettingsInput = z.infer<typeof updateHazardSettingsInputSchema>;
