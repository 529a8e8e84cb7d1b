/**
 * Annual plan, per-unit assignment, progress reports, self-evaluation, review and objection inputs,
 * and the configuration blocks the rules read (caps, grades, ranking, reporting, pace).
 * Every threshold lives here as data with a default marked [D] or its source (domain.md §0, §4).
 */
import { z } from 'zod';
import { compare, parseDecimal } from './decimal';
import {
  decimalSchema,
  indicatorActualSchema,
  indicatorDefinitionSchema,
  parseDecimalOrNull,
  nonNegativeDecimalSchema,
  percentSchema,
  positiveDecimalSchema,
} from './indicator-schema';

/** Σ bonus and Σ deduction caps of a unit (Bmax, Dmax; null = uncapped) and the veto policy. */
export const unitCapsSchema = z.object({
  bonusCap: positiveDecimalSchema.nullable(),
  deductionCap: positiveDecimalSchema.nullable(),
  /** 'keep': a vetoed unit keeps its numeric total (shown), only the grade is forced; 'zero': total shown as 0. */
  vetoTotal: z.enum(['keep', 'zero']),
  /** Whether a total below 0 (deductions larger than the raw score) is shown as 0. */
  floorTotalAtZero: z.boolean(),
});
export type UnitCaps = z.infer<typeof unitCapsSchema>;

/** [D] amounts: §4.3 says bonus caps are "commonly a few points"; the real ones come from the year's 考核细则 (§10 q.10). */
export const defaultUnitCaps: UnitCaps = { bonusCap: '5', deductionCap: '10', vetoTotal: 'keep', floorTotalAtZero: true };

export const gradeBandSchema = z.object({ grade: z.string().min(1).max(20), min: nonNegativeDecimalSchema });

/** Bands are checked from the first: total ≥ min ⇒ that grade; otherwise `lowestGrade`; a veto ⇒ `vetoGrade`. */
export const gradeConfigSchema = z
  .object({
    bands: z.array(gradeBandSchema).min(1).max(10),
    lowestGrade: z.string().min(1).max(20),
    vetoGrade: z.string().min(1).max(20),
  })
  .refine(
    (config) =>
      config.bands.every((band, i) => {
        const [min, previous] = [parseDecimalOrNull(band.min), parseDecimalOrNull(config.bands[i - 1]?.min)];
        return i === 0 || !min || !previous || compare(min, previous) < 0;
      }),
    { message: '等次下限须从高到低严格递减', path: ['bands'] },
  );
export type GradeConfig = z.infer<typeof gradeConfigSchema>;

/** 国办发〔2013〕47号 Art. 5 (domain.md §4.1): A ≥ 90, B 80–89, C 60–79, D ≤ 59; veto ⇒ D. */
export const defaultGradeConfig: GradeConfig = {
  bands: [
    { grade: 'A', min: '90' },
    { grade: 'B', min: '80' },
    { grade: 'C', min: '60' },
  ],
  lowestGrade: 'D',
  vetoGrade: 'D',
};

export const gradeLabels: Record<string, { zh: string; en: string }> = {
  A: { zh: 'A级（优秀）', en: 'A (excellent)' },
  B: { zh: 'B级（良好）', en: 'B (good)' },
  C: { zh: 'C级（合格）', en: 'C (pass)' },
  D: { zh: 'D级（不合格）', en: 'D (fail)' },
};

export const peerGroups = ['departments', 'townships', 'parks'] as const;
export type PeerGroup = (typeof peerGroups)[number];

export const tieBreakKeys = ['total', 'raw', 'fewerDeductions', 'moreBonus', 'earlierSubmission'] as const;
export type TieBreakKey = (typeof tieBreakKeys)[number];

/** competition: 1,2,2,4; dense: 1,2,2,3. Vetoed units always rank after all others (§4.3). */
export const rankingConfigSchema = z.object({
  tieBreak: z.array(z.enum(tieBreakKeys)).min(1).max(tieBreakKeys.length),
  tieRanking: z.enum(['competition', 'dense']),
});
export type RankingConfig = z.infer<typeof rankingConfigSchema>;

/** [D] the tie-break rule is local (§4.3, §10 q.10): by default only the total, ties share a rank. */
export const defaultRankingConfig: RankingConfig = { tieBreak: ['total'], tieRanking: 'competition' };

export const reportingFrequencies = ['monthly', 'quarterly'] as const;
export type ReportingFrequency = (typeof reportingFrequencies)[number];

/** Deadline of a reporting period, counted from the period's last day. */
export const deadlineRuleSchema = z.discriminatedUnion('kind', [
  /** The `day`-th of the month after the period (clamped to that month's end). */
  z.object({ kind: z.literal('day_of_next_month'), day: z.number().int().min(1).max(31) }),
  z.object({ kind: z.literal('days_after_end'), days: z.number().int().min(0).max(120) }),
  /** Needs a work calendar (domain.md §11.3); the caller passes `isWorkday`. */
  z.object({ kind: z.literal('working_days_after_end'), days: z.number().int().min(1).max(60) }),
]);
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

export const reportingConfigSchema = z.object({
  frequency: z.enum(reportingFrequencies),
  deadlineRule: deadlineRuleSchema,
  /** Reminders N calendar days before the deadline, e.g. [3, 1]. */
  reminderDaysBefore: z.array(z.number().int().min(1).max(60)).max(5),
});
export type ReportingConfig = z.infer<typeof reportingConfigSchema>;

/** [D] monthly, due by the 5th of the next month, reminders 3 days and 1 day before. */
export const defaultReportingConfig: ReportingConfig = {
  frequency: 'monthly',
  deadlineRule: { kind: 'day_of_next_month', day: 5 },
  reminderDaysBefore: [3, 1],
};

/** Cumulative percent of the annual target due by the end of month 1…12 (non-decreasing, ends at 100). */
export const monthlyCurveSchema = z
  .array(percentSchema)
  .length(12)
  .refine((curve) => curve.every((v, i) => {
    const [value, previous] = [parseDecimalOrNull(v), parseDecimalOrNull(curve[i - 1])];
    return i === 0 || !value || !previous || compare(value, previous) >= 0;
  }), '累计比例须逐月不减')
  .refine((curve) => {
    const last = parseDecimalOrNull(curve[11]);
    return last !== null && compare(last, parseDecimal('100')) === 0;
  }, '12月累计比例须为100');

export const paceConfigSchema = z.object({
  basis: z.enum(['days', 'months']),
  curve: monthlyCurveSchema.optional(),
  greenAtPercent: percentSchema,
  yellowAtPercent: percentSchema,
});
export type PaceConfig = z.infer<typeof paceConfigSchema>;

/** §4.3 [D]: expected = T·monthsElapsed/12; green ≥ 100 % of expected, yellow ≥ 80 %, red below. */
export const defaultPaceConfig: PaceConfig = { basis: 'months', greenAtPercent: '100', yellowAtPercent: '80' };

/**
 * A unit's share of an indicator. Overrides, when present, replace the plan's values for that unit:
 * `weight` → W; `lower`/`upper` → L/U (count_range); `target` → T (count_target, base_slope) or the
 * threshold (rate_threshold). See `applyAssignment`.
 */
export const assignmentSchema = z.object({
  indicatorCode: z.string().min(1).max(32),
  orgUnitId: z.string().min(1).max(64),
  weight: positiveDecimalSchema.optional(),
  lower: nonNegativeDecimalSchema.optional(),
  upper: nonNegativeDecimalSchema.optional(),
  target: decimalSchema.optional(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const planStatuses = ['draft', 'published', 'closed'] as const;
export type PlanStatus = (typeof planStatuses)[number];

export const planSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  version: z.number().int().min(1),
  title: z.string().min(1).max(200),
  status: z.enum(planStatuses),
  indicators: z.array(indicatorDefinitionSchema).max(200),
  assignments: z.array(assignmentSchema).max(20_000),
  caps: unitCapsSchema,
  grades: gradeConfigSchema,
  ranking: rankingConfigSchema,
  reporting: reportingConfigSchema,
  pace: paceConfigSchema,
});
export type Plan = z.infer<typeof planSchema>;

const periodKeySchema = z.string().regex(/^\d{4}-(M(0[1-9]|1[0-2])|Q[1-4])$/, '报送期形如 2025-M03 或 2025-Q1');
const evidenceFileIdsSchema = z.array(z.string().min(1).max(64)).max(20);

/** A periodic progress report: the cumulative value to date of one indicator for one unit. */
export const progressReportInputSchema = z.object({
  indicatorCode: z.string().min(1).max(32),
  orgUnitId: z.string().min(1).max(64),
  periodKey: periodKeySchema,
  actual: indicatorActualSchema,
  note: z.string().max(2000).optional(),
  evidenceFileIds: evidenceFileIdsSchema,
});
export type ProgressReportInput = z.infer<typeof progressReportInputSchema>;

/** 自评: year-end value and the unit's own score, with evidence. */
export const selfEvaluationInputSchema = z.object({
  indicatorCode: z.string().min(1).max(32),
  orgUnitId: z.string().min(1).max(64),
  actual: indicatorActualSchema,
  selfScore: nonNegativeDecimalSchema.optional(),
  note: z.string().max(2000).optional(),
  evidenceFileIds: evidenceFileIdsSchema,
});
export type SelfEvaluationInput = z.infer<typeof selfEvaluationInputSchema>;

/** 部门初审 / 实地核查: accept, adjust the value (re-scored by the rules) or return for correction. */
export const reviewInputSchema = z
  .object({
    decision: z.enum(['accept', 'adjust', 'return']),
    adjustedActual: indicatorActualSchema.optional(),
    comment: z.string().max(2000).optional(),
  })
  .refine((r) => r.decision === 'accept' || (r.comment ?? '').trim().length > 0, { message: '调整或退回须填写意见', path: ['comment'] })
  .refine((r) => r.decision !== 'adjust' || r.adjustedActual !== undefined, { message: '调整须给出核定值', path: ['adjustedActual'] });
export type ReviewInput = z.infer<typeof reviewInputSchema>;

/** 公示期异议. */
export const objectionInputSchema = z.object({
  orgUnitId: z.string().min(1).max(64),
  indicatorCode: z.string().min(1).max(32).optional(),
  reason: z.string().trim().min(5).max(2000),
  evidenceFileIds: evidenceFileIdsSchema,
});
export type ObjectionInput = z.infer<typeof objectionInputSchema>;
