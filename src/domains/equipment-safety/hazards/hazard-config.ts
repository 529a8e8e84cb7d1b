/**
 * Versioned configuration of the hazard rules (domain.md §0 "every period … in configuration"). All values
 * here are [D] defaults; a RuleSet row overrides them and is parsed with `hazardRulesConfigSchema`.
 */
import { z } from 'zod';

export const durationUnits = ['calendar_days', 'working_days', 'months'] as const;
export type DurationUnit = (typeof durationUnits)[number];

export const durationSchema = z
  .object({
    amount: z.number().int().min(0).max(3650).describe('数量'),
    unit: z.enum(durationUnits).describe('calendar_days 日 / working_days 工作日 / months 月（月末截断）'),
  })
  .strict();
export type Duration = z.infer<typeof durationSchema>;

export const deadlineRuleSchema = z
  .object({
    default: durationSchema.describe('未指定期限时的默认整改期限'),
    max: durationSchema.nullable().describe('指定期限的上限（null 为不限）'),
  })
  .strict();
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

export const hazardRulesConfigSchema = z
  .object({
    deadlines: z
      .object({ general: deadlineRuleSchema, major: deadlineRuleSchema })
      .strict()
      .describe('按等级的整改期限'),
    rollForwardToWorkingDay: z
      .boolean()
      .describe('按日计算的期限届满日为休息日时顺延至下一工作日（民法典第二百零三条）'),
    reviewWorkingDays: z.number().int().min(0).describe('核定时限（工作日）'),
    verificationDays: z.number().int().min(0).describe('复查时限（日）'),
    extensionDecisionWorkingDays: z.number().int().min(0).describe('延期审批时限（工作日）'),
    listedExtensionLeadWorkingDays: z.number().int().min(0).describe('挂牌隐患须在期限届满前多少个工作日申请延期'),
    listingPublicNoticeWorkingDays: z.number().int().min(0).describe('挂牌后公告时限（工作日）'),
    requireBeforeAfterPhotos: z.boolean().describe('复查通过须有整改前、后照片'),
  })
  .strict();
export type HazardRulesConfig = z.infer<typeof hazardRulesConfigSchema>;

/**
 * Defaults and their basis:
 * - general: 10 calendar days (§2.4 row 6 [D] "7–15 days"; 10 reproduces the §11.2 worked example
 *   03-03 → 03-13), no maximum;
 * - major: 3 months when neither notice nor plan names a deadline; at most 12 months (§2.4 row 8, Qingdao
 *   listing rule "deadline ≤ 1 year", src 60), applied to deadlines set by notice, plan or listing;
 * - review 3 working days (§2.4 row 3 [D]); verification 10 days (§2.4 row 11, 16号令 as remembered [?]);
 *   extension decision 10 working days, request ≥ 20 working days before expiry for listed hazards,
 *   publication of a listing within 5 working days (§2.4 rows 8–9, Qingdao, src 60).
 */
export const defaultHazardRulesConfig: HazardRulesConfig = {
  deadlines: {
    general: { default: { amount: 10, unit: 'calendar_days' }, max: null },
    major: { default: { amount: 3, unit: 'months' }, max: { amount: 12, unit: 'months' } },
  },
  rollForwardToWorkingDay: true,
  reviewWorkingDays: 3,
  verificationDays: 10,
  extensionDecisionWorkingDays: 10,
  listedExtensionLeadWorkingDays: 20,
  listingPublicNoticeWorkingDays: 5,
  requireBeforeAfterPhotos: true,
};
