/**
 * Indicator definitions of the target-responsibility module (domain.md §4.3), as a zod
 * discriminated union on `type`, plus the shape of an actual value per type.
 *
 * Number convention: every number that takes part in scoring (targets, thresholds, actuals,
 * weights, points, shares) is a **decimal string** with at most 4 fractional digits
 * (`"20"`, `"96.5"`, `"0.2"`); rates and shares are in **percent** (`"99"` = 99 %), so a slope
 * "per percentage point" multiplies the difference of two such values directly. Counts of
 * occurrences and ranks are plain integers. Scoring is exact (see `decimal.ts`).
 */
import { z } from 'zod';
import { compare, sum } from './decimal';
import { decimalSchema, nonNegativeDecimalSchema, parseDecimalOrNull, percentSchema, positiveDecimalSchema } from './number-schema';

export { decimalSchema, nonNegativeDecimalSchema, parseDecimalOrNull, percentSchema, positiveDecimalSchema } from './number-schema';


export const indicatorTypes = [
  'count_range',
  'count_target',
  'rate_threshold',
  'base_slope',
  'task',
  'checklist',
  'rank',
  'deduction',
  'bonus',
  'veto',
] as const;
export type IndicatorType = (typeof indicatorTypes)[number];

/** Types whose score is part of Σ W_i (the 100-point base); the others act on the total. */
export const weightedIndicatorTypes = ['count_range', 'count_target', 'rate_threshold', 'base_slope', 'task', 'checklist', 'rank'] as const;
export type WeightedIndicatorType = (typeof weightedIndicatorTypes)[number];

export const directions = ['higher_is_better', 'lower_is_better'] as const;
export const directionSchema = z.enum(directions);
export type Direction = z.infer<typeof directionSchema>;

export const evidenceFileKinds = ['document', 'pdf', 'image', 'spreadsheet', 'link', 'other'] as const;

/** 需提交材料: what the unit must upload; `maxFiles` caps evidence per item (anti-burden, §4.5). */
export const evidenceRequirementSchema = z.object({
  description: z.string().min(1).max(500),
  fileKinds: z.array(z.enum(evidenceFileKinds)).max(evidenceFileKinds.length),
  maxFiles: z.number().int().min(0).max(20),
});
export type EvidenceRequirement = z.infer<typeof evidenceRequirementSchema>;

/** Where the actual value comes from: typed in by the unit, or bound to a live platform metric. */
export const dataSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reported') }),
  z.object({
    kind: z.literal('metric'),
    metricKey: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, '指标键形如 safety.inspection_rate'),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  }),
]);
export type DataSource = z.infer<typeof dataSourceSchema>;

const commonFields = {
  code: z.string().regex(/^[A-Za-z0-9_.-]{1,32}$/, '编码只能含字母、数字、_ . -'),
  name: z.string().min(1).max(200),
  /** 一级/二级指标 grouping, e.g. "质量目标" / "质量措施". */
  category: z.string().min(1).max(100).optional(),
  /** 计量单位: 家, 个, 项, %, 分… */
  unitOfMeasure: z.string().max(20),
  /** 考核牵头部门. */
  leadOrgUnitId: z.string().min(1).max(64),
  evidence: evidenceRequirementSchema,
  dataSource: dataSourceSchema,
  note: z.string().max(1000).optional(),
};

/** Max points of a weighted indicator (标准分 W). */
const weightField = { weight: positiveDecimalSchema };

/** What happens below the floor: `W·a/L`, or `W − p·(L − a)` floored at 0 (src 96). */
export const countShortfallSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('proportional') }),
  z.object({ mode: z.literal('per_unit'), pointsPerUnit: positiveDecimalSchema }),
]);
export type CountShortfall = z.infer<typeof countShortfallSchema>;

/** Bonus above the upper target: `min(pointsPerUnit·(a − U), cap)`, part of the indicator's own score. */
export const countBonusSchema = z.object({ pointsPerUnit: positiveDecimalSchema, cap: positiveDecimalSchema });
export type CountBonus = z.infer<typeof countBonusSchema>;

export const countRangeSchema = z.object({
  type: z.literal('count_range'),
  ...commonFields,
  ...weightField,
  /** 确保 L */
  lower: nonNegativeDecimalSchema,
  /** 力争 U (≥ L) */
  upper: nonNegativeDecimalSchema,
  shortfall: countShortfallSchema,
  bonus: countBonusSchema.optional(),
});

export const countTargetSchema = z.object({
  type: z.literal('count_target'),
  ...commonFields,
  ...weightField,
  target: nonNegativeDecimalSchema,
  shortfall: countShortfallSchema,
  bonus: countBonusSchema.optional(),
});

/** Below the threshold: `W − k·|T − a|` floored at 0 (k per percentage point), or `W·a/T` (`W·T/a` when lower is better). */
export const rateShortfallSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('slope'), pointsPerPp: positiveDecimalSchema }),
  z.object({ mode: z.literal('proportional') }),
]);
export type RateShortfall = z.infer<typeof rateShortfallSchema>;

export const rateThresholdSchema = z.object({
  type: z.literal('rate_threshold'),
  ...commonFields,
  ...weightField,
  threshold: nonNegativeDecimalSchema,
  direction: directionSchema,
  shortfall: rateShortfallSchema,
});

/** `clamp(base%·W + s·Δpp, 0, cap%·W)`, Δpp = points above target (below, if lower is better) (src 96). */
export const baseSlopeSchema = z.object({
  type: z.literal('base_slope'),
  ...commonFields,
  ...weightField,
  target: decimalSchema,
  direction: directionSchema,
  basePercent: percentSchema,
  pointsPerPp: positiveDecimalSchema,
  capPercent: percentSchema,
});

/** 定性任务: done → W, partly → partial%·W, not done → 0 (Nantong, src 91). */
export const taskSchema = z.object({
  type: z.literal('task'),
  ...commonFields,
  ...weightField,
  partialPercent: percentSchema,
});

export const checklistItemSchema = z.object({
  code: z.string().regex(/^[A-Za-z0-9_.-]{1,32}$/),
  name: z.string().min(1).max(200),
  points: positiveDecimalSchema.optional(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

/** `W − p·missing` floored at 0 (Nantong −0.1 per missing area), or Σ points of the items done. */
export const checklistScoringSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('deduct_missing'), pointsPerMissing: positiveDecimalSchema }),
  z.object({ mode: z.literal('sum_done') }),
]);

export const checklistSchema = z.object({
  type: z.literal('checklist'),
  ...commonFields,
  ...weightField,
  items: z.array(checklistItemSchema).min(1).max(50),
  scoring: checklistScoringSchema,
});

/** 争先进位: linear (rank 1 → W, then −step% of W per rank, not below floor%), or an explicit points table. */
export const rankScoringSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('linear'), stepPercent: percentSchema, floorPercent: percentSchema }),
  z.object({
    mode: z.literal('table'),
    /** points[0] for rank 1, points[1] for rank 2, … */
    points: z.array(nonNegativeDecimalSchema).min(1).max(100),
    otherPoints: nonNegativeDecimalSchema,
  }),
]);
export type RankScoring = z.infer<typeof rankScoringSchema>;

export const rankSchema = z.object({
  type: z.literal('rank'),
  ...commonFields,
  ...weightField,
  /** Direction of the value the peers are ranked by. */
  direction: directionSchema,
  scoring: rankScoringSchema,
});

export const occurrenceLevelSchema = z.object({
  code: z.string().regex(/^[A-Za-z0-9_.-]{1,32}$/),
  name: z.string().min(1).max(100),
  points: positiveDecimalSchema,
});
export type OccurrenceLevel = z.infer<typeof occurrenceLevelSchema>;

const occurrenceFields = {
  /** Points per occurrence (used when `levels` is absent). */
  pointsPerOccurrence: positiveDecimalSchema,
  /** Per-level points, e.g. national 2 / provincial 1 / city 0.5. */
  levels: z.array(occurrenceLevelSchema).min(1).max(10).optional(),
  /** Cap of this item (Dmax / Bmax of the item). */
  cap: positiveDecimalSchema,
};

export const deductionSchema = z.object({ type: z.literal('deduction'), ...commonFields, ...occurrenceFields });
export const bonusSchema = z.object({ type: z.literal('bonus'), ...commonFields, ...occurrenceFields });

/** 一票否决: when triggered the grade is forced (see `gradeFor`). */
export const vetoSchema = z.object({
  type: z.literal('veto'),
  ...commonFields,
  condition: z.string().min(1).max(500),
});

const indicatorUnionSchema = z.discriminatedUnion('type', [
  countRangeSchema,
  countTargetSchema,
  rateThresholdSchema,
  baseSlopeSchema,
  taskSchema,
  checklistSchema,
  rankSchema,
  deductionSchema,
  bonusSchema,
  vetoSchema,
]);

function hasDuplicates(codes: readonly string[]): boolean {
  return new Set(codes).size !== codes.length;
}

/** Cross-field checks that the per-type shapes cannot express. */
export const indicatorDefinitionSchema = indicatorUnionSchema.superRefine((def, ctx) => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const p = parseDecimalOrNull;
  switch (def.type) {
    case 'count_range': {
      const [lower, upper] = [p(def.lower), p(def.upper)];
      if (lower && upper && compare(lower, upper) > 0) issue('upper', '力争值不能小于确保值');
      break;
    }
    case 'base_slope': {
      const [cap, base] = [p(def.capPercent), p(def.basePercent)];
      if (cap && base && compare(cap, base) < 0) issue('capPercent', '上限比例不能小于基本分比例');
      break;
    }
    case 'checklist': {
      if (hasDuplicates(def.items.map((item) => item.code))) issue('items', '清单项编码重复');
      if (def.scoring.mode === 'sum_done') {
        const points = def.items.map((item) => p(item.points));
        const weight = p(def.weight);
        if (def.items.some((item) => item.points === undefined)) issue('items', '按完成项计分时每一项都须设定分值');
        else if (weight && points.every((x) => x !== null) && compare(sum(points.filter((x) => x !== null)), weight) !== 0) {
          issue('items', '各清单项分值之和须等于标准分');
        }
      }
      break;
    }
    case 'rank':
      if (def.scoring.mode === 'table') {
        const weight = p(def.weight);
        const points = def.scoring.points.map(p);
        if (weight && points.some((x) => x !== null && compare(x, weight) > 0)) issue('scoring', '名次得分不能超过标准分');
        if (points.some((x, i) => i > 0 && x !== null && points[i - 1] && compare(x, points[i - 1] ?? x) > 0)) issue('scoring', '名次得分须随名次不增');
      }
      break;
    case 'deduction':
    case 'bonus':
      if (def.levels && hasDuplicates(def.levels.map((level) => level.code))) issue('levels', '级别编码重复');
      break;
    default:
      break;
  }
});
export type IndicatorDefinition = z.infer<typeof indicatorUnionSchema>;
export type CountRangeIndicator = z.infer<typeof countRangeSchema>;
export type CountTargetIndicator = z.infer<typeof countTargetSchema>;
export type RateThresholdIndicator = z.infer<typeof rateThresholdSchema>;
export type BaseSlopeIndicator = z.infer<typeof baseSlopeSchema>;
export type TaskIndicator = z.infer<typeof taskSchema>;
export type ChecklistIndicator = z.infer<typeof checklistSchema>;
export type RankIndicator = z.infer<typeof rankSchema>;
export type DeductionIndicator = z.infer<typeof deductionSchema>;
export type BonusIndicator = z.infer<typeof bonusSchema>;
export type VetoIndicator = z.infer<typeof vetoSchema>;
export type WeightedIndicator = Extract<IndicatorDefinition, { type: WeightedIndicatorType }>;

export function isWeightedIndicator(def: IndicatorDefinition): def is WeightedIndicator {
  return (weightedIndicatorTypes as readonly string[]).includes(def.type);
}

export const taskStatuses = ['done', 'partial', 'not_done'] as const;

/**
 * An actual value as reported or computed. `number` serves count/rate/base-slope types (cumulative
 * value to date); `rank` is the unit's 1-based rank among its peers (see `rankPeerValues`);
 * `occurrences` uses `count` without levels and `byLevel` with levels. `null` (no value) = not reported.
 */
export const indicatorActualSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('number'), value: decimalSchema }),
  z.object({ type: z.literal('task'), status: z.enum(taskStatuses) }),
  z.object({ type: z.literal('checklist'), doneItemCodes: z.array(z.string().max(32)).max(50) }),
  z.object({ type: z.literal('rank'), rank: z.number().int().min(1).max(10_000) }),
  z.object({
    type: z.literal('occurrences'),
    count: z.number().int().min(0).max(100_000).optional(),
    byLevel: z.record(z.string(), z.number().int().min(0).max(100_000)).optional(),
  }),
  z.object({ type: z.literal('veto'), triggered: z.boolean() }),
]);
export type IndicatorActual = z.infer<typeof indicatorActualSchema>;
export type TaskStatus = (typeof taskStatuses)[number];
