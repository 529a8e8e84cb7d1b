/**
 * zod shapes of the hazard closed loop (domain.md §2): create/update input, list query and the output record
 * with its history. Action inputs live in `hazard-action-schema.ts`. Isomorphic (API, CLI and forms).
 */
import { z } from 'zod';
import {
  hazardActions,
  hazardCloseReasons,
  hazardGrades,
  hazardSources,
  hazardStatuses,
  listingLevels,
  noticeKinds,
} from './hazard-enums';

/** Field limits (candidates for `src/shared/limits.ts`). */
export const hazardLimits = {
  titleMax: 200,
  descriptionMax: 5000,
  textMax: 2000,
  addressMax: 300,
  photosMax: 20,
  qMax: 100,
  pageSizeMax: 100,
} as const;

export const hazardStatusSchema = z.enum(hazardStatuses).describe('隐患状态');
export const hazardGradeSchema = z.enum(hazardGrades).describe('隐患等级：general 一般 / major 重大');
export const hazardSourceSchema = z.enum(hazardSources).describe('隐患来源（domain.md §2.2）');
export const hazardCloseReasonSchema = z.enum(hazardCloseReasons).describe('销号原因');
export const localDateSchema = z.iso.date().describe('本地日期 YYYY-MM-DD（Asia/Shanghai）');
export const attachmentIdsSchema = z
  .array(z.uuid())
  .max(hazardLimits.photosMax)
  .describe('附件（照片）ID 列表');

export const hazardLocationSchema = z
  .object({
    address: z.string().trim().min(1).max(hazardLimits.addressMax).optional().describe('地址'),
    lon: z.number().min(-180).max(180).optional().describe('经度（WGS-84）'),
    lat: z.number().min(-90).max(90).optional().describe('纬度（WGS-84）'),
  })
  .strict()
  .refine((l) => (l.lon === undefined) === (l.lat === undefined), { message: '经纬度须同时提供', path: ['lon'] })
  .describe('隐患地点');
export type HazardLocation = z.infer<typeof hazardLocationSchema>;

export const createHazardInputSchema = z
  .object({
    title: z.string().trim().min(1).max(hazardLimits.titleMax).describe('隐患标题'),
    description: z.string().trim().min(1).max(hazardLimits.descriptionMax).describe('隐患描述'),
    source: hazardSourceSchema,
    sourceRef: z.string().trim().max(hazardLimits.addressMax).optional().describe('来源编号（检查记录、投诉单号等）'),
    orgUnitId: z.uuid().describe('隐患所在属地组织（乡镇/街道/园区/村）'),
    supervisingOrgUnitId: z.uuid().optional().describe('行业监管部门（不填则由市场监管局监管）'),
    grade: hazardGradeSchema.optional().describe('建议等级（核定时确定）'),
    enterpriseId: z.uuid().optional().describe('整改责任单位（企业）'),
    equipmentId: z.uuid().optional().describe('涉及的特种设备'),
    location: hazardLocationSchema.optional(),
    deadline: localDateSchema.optional().describe('现场确定的整改期限（可选）'),
    photos: attachmentIdsSchema.default([]).describe('整改前照片'),
    submit: z.boolean().optional().describe('同时提交（上报待核定）；不填或 false 则保存为草稿'),
  })
  .strict()
  .describe('新建隐患（草稿，或 submit=true 直接上报）');
export type CreateHazardInput = z.infer<typeof createHazardInputSchema>;

/** Editing never touches the deadline: there is no `deadline` field, and `.strict()` rejects one. */
export const updateHazardInputSchema = z
  .object({
    version: z.number().int().nonnegative().describe('当前版本号'),
    title: z.string().trim().min(1).max(hazardLimits.titleMax).optional(),
    description: z.string().trim().min(1).max(hazardLimits.descriptionMax).optional(),
    sourceRef: z.string().trim().max(hazardLimits.addressMax).optional(),
    enterpriseId: z.uuid().nullable().optional(),
    equipmentId: z.uuid().nullable().optional(),
    supervisingOrgUnitId: z.uuid().nullable().optional(),
    location: hazardLocationSchema.nullable().optional(),
    addPhotos: attachmentIdsSchema.optional().describe('追加整改前照片'),
  })
  .strict()
  .describe('编辑隐患（不改变整改期限）');
export type UpdateHazardInput = z.infer<typeof updateHazardInputSchema>;

const splitQueryArray = (v: unknown) => (typeof v === 'string' ? v.split(',').filter((s) => s.length > 0) : v);
const queryBooleanSchema = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .transform((v) => v === true || v === 'true');

export const hazardSortKeys = ['createdAt', '-createdAt', 'updatedAt', '-updatedAt', 'deadline', '-deadline'] as const;

export const listHazardsQuerySchema = z
  .object({
    q: z.string().trim().max(hazardLimits.qMax).optional().describe('全文检索（标题、描述、编号）'),
    page: z.coerce.number().int().min(1).default(1).describe('页码（从 1 开始）'),
    pageSize: z.coerce.number().int().min(1).max(hazardLimits.pageSizeMax).default(20).describe('每页条数'),
    sort: z.enum(hazardSortKeys).default('-createdAt').describe('排序，"-" 前缀为降序'),
    status: z.preprocess(splitQueryArray, z.array(hazardStatusSchema).min(1)).optional().describe('状态（可多选，逗号分隔）'),
    grade: hazardGradeSchema.optional(),
    source: hazardSourceSchema.optional(),
    orgUnitId: z.uuid().optional().describe('属地组织'),
    includeSubunits: queryBooleanSchema.default(true).describe('是否包含下级组织'),
    enterpriseId: z.uuid().optional(),
    equipmentId: z.uuid().optional(),
    overdue: queryBooleanSchema.optional().describe('仅逾期 / 仅未逾期'),
    listed: queryBooleanSchema.optional().describe('仅挂牌督办 / 仅未挂牌'),
    deadlineFrom: localDateSchema.optional().describe('整改期限起'),
    deadlineTo: localDateSchema.optional().describe('整改期限止'),
    supervisingOrgUnitId: z.uuid().optional().describe('行业监管部门'),
    reopened: queryBooleanSchema.optional().describe('仅反弹（重新打开过）/ 仅未反弹'),
    createdFrom: localDateSchema.optional().describe('登记日期起'),
    createdTo: localDateSchema.optional().describe('登记日期止'),
    confirmedFrom: localDateSchema.optional().describe('核定日期起'),
    confirmedTo: localDateSchema.optional().describe('核定日期止'),
    closedFrom: localDateSchema.optional().describe('销号日期起'),
    closedTo: localDateSchema.optional().describe('销号日期止'),
  })
  .strict()
  .refine((q) => !q.deadlineFrom || !q.deadlineTo || q.deadlineFrom <= q.deadlineTo, {
    message: '期限起不能晚于期限止',
    path: ['deadlineFrom'],
  })
  .describe('隐患列表查询');
export type ListHazardsQuery = z.infer<typeof listHazardsQuerySchema>;

export const hazardListingSchema = z
  .object({
    level: z.enum(listingLevels).describe('挂牌级别'),
    listingUnit: z.string().min(1).max(hazardLimits.addressMax).describe('挂牌督办单位'),
    listedOn: localDateSchema.describe('挂牌日期'),
    publicNoticeDueOn: localDateSchema.describe('公告期限（挂牌后 5 个工作日，青岛规则）'),
  })
  .strict();
export type HazardListing = z.infer<typeof hazardListingSchema>;

export const hazardPlanSchema = z
  .object({
    measures: z.string().trim().min(1).max(hazardLimits.textMax).describe('措施落实：治理方法和措施'),
    funds: z
      .object({
        amountYuan: z.string().regex(/^\d{1,12}(\.\d{1,2})?$/).describe('资金落实：金额（元，最多两位小数）'),
        source: z.string().trim().max(hazardLimits.addressMax).optional().describe('资金来源'),
      })
      .strict(),
    responsiblePerson: z.string().trim().min(1).max(100).describe('责任落实：负责人'),
    deadline: localDateSchema.describe('时限落实：完成期限'),
    contingency: z.string().trim().min(1).max(hazardLimits.textMax).describe('预案落实：安全措施和应急预案'),
    targets: z.string().trim().max(hazardLimits.textMax).optional().describe('治理目标和任务'),
  })
  .strict()
  .describe('重大隐患治理方案（五落实：责任、措施、资金、时限、预案）');
export type HazardPlan = z.infer<typeof hazardPlanSchema>;

export const pendingExtensionSchema = z
  .object({
    newDeadline: localDateSchema,
    reason: z.string().min(1).max(hazardLimits.textMax),
    requestedOn: localDateSchema,
    decisionDueOn: localDateSchema.describe('审批期限（10 个工作日，青岛规则）'),
  })
  .strict();
export type PendingExtension = z.infer<typeof pendingExtensionSchema>;

export const hazardHistoryEntrySchema = z
  .object({
    seq: z.number().int().positive(),
    action: z.enum([...hazardActions, 'create', 'edit', 'escalation']).describe('动作'),
    fromStatus: hazardStatusSchema.nullable(),
    toStatus: hazardStatusSchema,
    actorId: z.uuid().nullable().describe('操作人（null 为系统）'),
    actorName: z.string().describe('操作人姓名（当时）'),
    at: z.iso.datetime({ offset: true }).describe('时间（UTC）'),
    on: localDateSchema.describe('本地日期'),
    deadline: localDateSchema.nullable().describe('该步骤后的整改期限'),
    comment: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()).describe('动作参数（照片、期限、原因等）'),
  })
  .strict();
export type HazardHistoryEntry = z.infer<typeof hazardHistoryEntrySchema>;

export const hazardSchema = z
  .object({
    id: z.uuid(),
    hazardNo: z.string().nullable().describe('隐患编号（年-区域-序号）'),
    version: z.number().int().nonnegative(),
    title: z.string(),
    description: z.string(),
    source: hazardSourceSchema,
    sourceRef: z.string().nullable(),
    status: hazardStatusSchema,
    grade: hazardGradeSchema.nullable().describe('等级（核定前为建议等级）'),
    majorCriterionRef: z.string().nullable().describe('重大隐患判定依据'),
    orgUnitId: z.uuid(),
    supervisingOrgUnitId: z.uuid().nullable(),
    enterpriseId: z.uuid().nullable(),
    equipmentId: z.uuid().nullable(),
    location: hazardLocationSchema.nullable(),
    reportedBy: z.uuid(),
    deadline: localDateSchema.nullable().describe('整改期限'),
    isOverdue: z.boolean().describe('是否逾期'),
    isListed: z.boolean().describe('是否挂牌督办中'),
    listing: hazardListingSchema.nullable(),
    notice: z
      .object({ kind: z.enum(noticeKinds), noticeNo: z.string().nullable(), issuedOn: localDateSchema })
      .strict()
      .nullable(),
    plan: hazardPlanSchema.nullable(),
    pendingExtension: pendingExtensionSchema.nullable(),
    beforePhotoIds: z.array(z.uuid()),
    afterPhotoIds: z.array(z.uuid()),
    reviewDueOn: localDateSchema.nullable().describe('核定期限（3 个工作日）'),
    verificationDueOn: localDateSchema.nullable().describe('复查期限'),
    confirmedOn: localDateSchema.nullable(),
    closedOn: localDateSchema.nullable(),
    closeReason: hazardCloseReasonSchema.nullable(),
    reopenCount: z.number().int().nonnegative().describe('重新打开（反弹）次数'),
    transferredToOrgUnitId: z.uuid().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
    history: z.array(hazardHistoryEntrySchema).describe('完整处理记录'),
  })
  .strict()
  .describe('隐患');
export type Hazard = z.infer<typeof hazardSchema>;

export const hazardListSchema = z
  .object({
    items: z.array(hazardSchema.omit({ history: true })),
    total: z.number().int().nonnegative(),
    page: z.number().int().positive(),
    pageSize: z.number().int().positive(),
  })
  .strict();
export type HazardList = z.infer<typeof hazardListSchema>;
