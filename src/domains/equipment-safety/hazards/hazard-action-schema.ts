/**
 * Body of `POST /api/v1/hazards/{id}/actions`: a discriminated union on `action`, one variant per workflow
 * step of domain.md §2.4, each carrying the `version` the client last read (stale → 409).
 *
 * Grade changes after confirmation go through this endpoint too (`change_grade`), so that raising and the
 * reviewer-only lowering (with a reason) are audited like every other transition.
 */
import { z } from 'zod';
import { hazardGradeSchema, hazardLimits, hazardPlanSchema, localDateSchema, attachmentIdsSchema } from './hazard-schema';
import { listingLevels, noticeKinds } from './hazard-enums';

const versionSchema = z.number().int().nonnegative().describe('客户端读取时的版本号');
const textSchema = z.string().trim().min(1).max(hazardLimits.textMax);

const submitSchema = z.object({ action: z.literal('submit'), version: versionSchema }).strict().describe('提交草稿');

const rejectSchema = z
  .object({
    action: z.literal('reject'),
    version: versionSchema,
    disposition: z.enum(['invalid', 'transferred']).describe('invalid 不属实/重复；transferred 不属本部门，移交'),
    reason: textSchema.describe('退回原因'),
    transferToOrgUnitId: z.uuid().optional().describe('移交单位（disposition=transferred 时必填）'),
    duplicateOfId: z.uuid().optional().describe('重复的隐患'),
  })
  .strict()
  .refine((v) => v.disposition !== 'transferred' || v.transferToOrgUnitId !== undefined, {
    message: '移交时须指定移交单位',
    path: ['transferToOrgUnitId'],
  })
  .describe('核定不通过：不属实、重复或不属本部门');

const transferSchema = z
  .object({
    action: z.literal('transfer'),
    version: versionSchema,
    toOrgUnitId: z.uuid().describe('接收单位'),
    reason: textSchema,
  })
  .strict()
  .describe('核定后移交属地或其他主管部门');

const confirmSchema = z
  .object({
    action: z.literal('confirm'),
    version: versionSchema,
    grade: hazardGradeSchema,
    lowerGradeReason: textSchema.optional().describe('低于建议等级核定时的理由（必填）'),
    majorCriterionRef: z.string().trim().max(200).optional().describe('重大隐患判定依据（如 GB 45067-2024 条款）'),
    supervisingOrgUnitId: z.uuid().optional().describe('指定行业监管部门'),
    note: z.string().trim().max(hazardLimits.textMax).optional(),
  })
  .strict()
  .describe('核定隐患并定级');

const changeGradeSchema = z
  .object({
    action: z.literal('change_grade'),
    version: versionSchema,
    grade: hazardGradeSchema,
    reason: textSchema.optional().describe('降级时必填'),
  })
  .strict()
  .describe('调整等级：可随时升级；降级须核定人批准并说明理由');

const issueNoticeSchema = z
  .object({
    action: z.literal('issue_notice'),
    version: versionSchema,
    kind: z.enum(noticeKinds).default('rectification_notice'),
    noticeNo: z.string().trim().max(100).optional().describe('文书编号'),
    deadline: localDateSchema.optional().describe('整改期限（不填则沿用已定期限或按等级默认）'),
    note: textSchema.describe('整改要求'),
  })
  .strict()
  .describe('下达整改通知书/监察指令书');

const filePlanSchema = z
  .object({ action: z.literal('file_plan'), version: versionSchema, plan: hazardPlanSchema })
  .strict()
  .describe('重大隐患报送治理方案（五落实）');

const listSchema = z
  .object({
    action: z.literal('list_for_supervision'),
    version: versionSchema,
    level: z.enum(listingLevels).describe('挂牌级别'),
    listingUnit: z.string().trim().min(1).max(hazardLimits.addressMax).describe('挂牌督办单位'),
    deadline: localDateSchema.optional().describe('督办整改期限（≤ 1 年）'),
    note: textSchema,
  })
  .strict()
  .describe('重大隐患挂牌督办');

const requestExtensionSchema = z
  .object({ action: z.literal('request_extension'), version: versionSchema, newDeadline: localDateSchema, reason: textSchema })
  .strict()
  .describe('申请延期');

const decideExtensionSchema = z
  .object({ action: z.literal('decide_extension'), version: versionSchema, approve: z.boolean(), comment: textSchema })
  .strict()
  .describe('审批延期：同意则以申请期限替换，不同意则期限不变');

const submitRectificationSchema = z
  .object({
    action: z.literal('submit_rectification'),
    version: versionSchema,
    note: textSchema.describe('整改情况说明'),
    afterPhotos: attachmentIdsSchema.min(1).describe('整改后照片（至少一张）'),
    reportAttachmentIds: attachmentIdsSchema.optional().describe('整改报告等附件'),
    costYuan: z.string().regex(/^\d{1,12}(\.\d{1,2})?$/).optional().describe('治理资金（元）'),
  })
  .strict()
  .describe('提交整改完成（申请销号），含当场整改');

const verifyPassSchema = z
  .object({ action: z.literal('verify_pass'), version: versionSchema, note: textSchema, photos: attachmentIdsSchema.optional() })
  .strict()
  .describe('复查通过，销号');

const verifyFailSchema = z
  .object({ action: z.literal('verify_fail'), version: versionSchema, note: textSchema, photos: attachmentIdsSchema.optional() })
  .strict()
  .describe('复查不通过，退回整改（期限不变）');

const reopenSchema = z
  .object({
    action: z.literal('reopen'),
    version: versionSchema,
    reason: textSchema.describe('反弹原因（回头看、重复投诉等）'),
    deadline: localDateSchema.optional().describe('新的整改期限（不填按等级默认）'),
  })
  .strict()
  .describe('已销号隐患重新打开，计为反弹');

const closeByEliminationSchema = z
  .object({
    action: z.literal('close_by_elimination'),
    version: versionSchema,
    basis: z.enum(['device_scrapped', 'unit_closed', 'other']).default('other').describe('依据'),
    reason: textSchema,
  })
  .strict()
  .describe('设备报废或单位关闭，经查不具备整改条件，核销');

export const hazardActionInputSchema = z
  .discriminatedUnion('action', [
    submitSchema,
    rejectSchema,
    transferSchema,
    confirmSchema,
    changeGradeSchema,
    issueNoticeSchema,
    filePlanSchema,
    listSchema,
    requestExtensionSchema,
    decideExtensionSchema,
    submitRectificationSchema,
    verifyPassSchema,
    verifyFailSchema,
    reopenSchema,
    closeByEliminationSchema,
  ])
  .describe('隐患处理动作');
export type HazardActionInput = z.infer<typeof hazardActionInputSchema>;
export type HazardActionInputOf<A extends HazardActionInput['action']> = Extract<HazardActionInput, { action: A }>;
