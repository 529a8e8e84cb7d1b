/**
 * HTTP shapes of the year-end assessment: self-evaluations and reviews, unit scores, the scorecard,
 * ranking with chart data, publicity, objections and publication. Isomorphic.
 */
import { z } from 'zod';
import { indicatorActualSchema, indicatorTypes, nonNegativeDecimalSchema } from './indicator-schema';
import { assessmentStages, valueSources } from './item-rules';
import { explanationSchema, effectiveTargetsSchema } from './plan-api-schema';
import { peerGroups, planStatuses } from './plan-schema';
import { evidenceFileIdsSchema, itemValueSchema, paceSchema, valueProvenanceSchema } from './progress-schema';
import { reportStatuses } from './workflow-rules';

const versionSchema = z.number().int().min(1).describe('当前版本号（乐观锁）');

export const reviewSchemaOut = z
  .object({
    id: z.uuid(),
    decision: z.enum(['accept', 'adjust', 'return']),
    adjustedActual: indicatorActualSchema.nullable(),
    adjustedText: z.string().nullable(),
    comment: z.string().nullable(),
    reviewerOrgUnitId: z.uuid().nullable(),
    reviewerName: z.string(),
    reviewedAt: z.string(),
  })
  .meta({ id: 'TargetReview' });
export type ReviewView = z.infer<typeof reviewSchemaOut>;

export const selfEvaluationSchemaOut = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    assignmentId: z.uuid(),
    indicatorId: z.uuid(),
    indicatorCode: z.string(),
    indicatorName: z.string(),
    orgUnitId: z.uuid(),
    orgUnitName: z.string(),
    leadOrgUnitId: z.uuid(),
    leadOrgUnitName: z.string(),
    actual: indicatorActualSchema.nullable(),
    actualText: z.string(),
    selfScore: z.string().nullable(),
    note: z.string().nullable(),
    evidence: z.array(z.object({ id: z.string(), fileName: z.string().nullable(), sizeBytes: z.number().int().nullable() })),
    status: z.enum(reportStatuses),
    firstSubmittedAt: z.string().nullable(),
    submittedAt: z.string().nullable(),
    reviews: z.array(reviewSchemaOut),
    canReview: z.boolean().describe('当前用户是否为此项的考核牵头部门'),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'TargetSelfEvaluation' });
export type SelfEvaluationView = z.infer<typeof selfEvaluationSchemaOut>;

export const createSelfEvaluationInputSchema = z
  .object({
    assignmentId: z.uuid(),
    actual: indicatorActualSchema.optional().describe('年终实际值（绑定平台指标的事项可不填，以平台数据为准）'),
    selfScore: nonNegativeDecimalSchema.optional(),
    note: z.string().trim().max(2000).optional(),
    evidenceFileIds: evidenceFileIdsSchema.default([]),
    submit: z.boolean().default(false),
  })
  .strict()
  .meta({ id: 'CreateTargetSelfEvaluationInput' });
export type CreateSelfEvaluationInput = z.infer<typeof createSelfEvaluationInputSchema>;

export const updateSelfEvaluationInputSchema = z
  .object({
    version: versionSchema,
    actual: indicatorActualSchema.nullable().optional(),
    selfScore: nonNegativeDecimalSchema.nullable().optional(),
    note: z.string().trim().max(2000).nullable().optional(),
    evidenceFileIds: evidenceFileIdsSchema.optional(),
    submit: z.boolean().default(false),
  })
  .strict()
  .meta({ id: 'UpdateTargetSelfEvaluationInput' });
export type UpdateSelfEvaluationInput = z.infer<typeof updateSelfEvaluationInputSchema>;

export const reviewSelfEvaluationInputSchema = z
  .object({
    version: versionSchema,
    decision: z.enum(['accept', 'adjust', 'return']),
    adjustedActual: indicatorActualSchema.optional().describe('核定值（调整时必填，按规则重新计分）'),
    comment: z.string().trim().max(2000).optional(),
  })
  .strict()
  .refine((r) => r.decision === 'accept' || (r.comment ?? '').length > 0, { message: '调整或退回须填写意见', path: ['comment'] })
  .refine((r) => r.decision !== 'adjust' || r.adjustedActual !== undefined, { message: '调整须给出核定值', path: ['adjustedActual'] })
  .meta({ id: 'ReviewTargetSelfEvaluationInput' });
export type ReviewSelfEvaluationInput = z.infer<typeof reviewSelfEvaluationInputSchema>;

export const listSelfEvaluationsQuerySchema = z.object({
  orgUnitId: z.uuid().optional(),
  indicatorId: z.uuid().optional(),
  status: z.enum(reportStatuses).optional(),
  reviewQueue: z.enum(['true', 'false']).default('false').describe('true：只列出本部门作为牵头部门待审核的自评'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type ListSelfEvaluationsQuery = z.infer<typeof listSelfEvaluationsQuerySchema>;

// ---- scores ----

export const scoreItemSchema = z
  .object({
    assignmentId: z.uuid(),
    indicatorId: z.uuid(),
    code: z.string(),
    name: z.string(),
    type: z.enum(indicatorTypes),
    effect: z.enum(['score', 'bonus', 'deduction', 'veto']),
    status: z.enum(['scored', 'missing']),
    weight: z.string().nullable(),
    score: z.string(),
    maxScore: z.string(),
    vetoTriggered: z.boolean(),
    explanation: z.string().describe('代入本单位数值的计分过程'),
    actual: indicatorActualSchema.nullable(),
    actualText: z.string(),
    source: z.enum(valueSources).nullable(),
    provenance: valueProvenanceSchema.nullable(),
    snapshotId: z.uuid().nullable().describe('计分时保存的平台指标值（来源快照）'),
    reviewed: z.boolean().describe('是否已经牵头部门审核'),
  })
  .meta({ id: 'TargetScoreItem' });
export type ScoreItem = z.infer<typeof scoreItemSchema>;

export const unitScoreSchema = z
  .object({
    planUnitId: z.uuid(),
    planId: z.uuid(),
    orgUnitId: z.uuid(),
    orgUnitName: z.string(),
    peerGroup: z.enum(peerGroups),
    raw: z.string().describe('Σ 指标得分'),
    bonusSum: z.string(),
    bonusApplied: z.string().describe('封顶后的加分'),
    deductionSum: z.string(),
    deductionApplied: z.string().describe('封顶后的扣分'),
    computedTotal: z.string(),
    total: z.string(),
    vetoed: z.boolean(),
    vetoCodes: z.array(z.string()),
    grade: z.string(),
    rank: z.number().int(),
    isTied: z.boolean(),
    submittedAt: z.string().nullable(),
    computedAt: z.string(),
    items: z.array(scoreItemSchema).nullable(),
  })
  .meta({ id: 'TargetUnitScore' });
export type UnitScore = z.infer<typeof unitScoreSchema>;

export const computeScoresInputSchema = z.object({ asOf: z.iso.date().optional().describe('统计截止日（默认年末或今天）') }).strict();
export const computeScoresResultSchema = z.object({
  planId: z.uuid(),
  units: z.number().int(),
  items: z.number().int(),
  metricValues: z.number().int().describe('本次计算并保存的平台指标值'),
  computedAt: z.string(),
  timings: z.object({ loadMs: z.number(), metricsMs: z.number(), scoringMs: z.number(), saveMs: z.number() }),
});
export type ComputeScoresResult = z.infer<typeof computeScoresResultSchema>;

export const listScoresQuerySchema = z.object({ peerGroup: z.enum(peerGroups).optional(), withItems: z.enum(['true', 'false']).default('false') });

export const rankingRowSchema = z.object({
  rank: z.number().int(),
  isTied: z.boolean(),
  planUnitId: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  raw: z.string(),
  bonusApplied: z.string(),
  deductionApplied: z.string(),
  total: z.string(),
  grade: z.string(),
  vetoed: z.boolean(),
  vetoCodes: z.array(z.string()),
});
export type RankingRow = z.infer<typeof rankingRowSchema>;

export const rankingSchema = z
  .object({
    planId: z.uuid(),
    year: z.number().int(),
    title: z.string(),
    stage: z.enum(assessmentStages),
    computedAt: z.string().nullable(),
    tieBreak: z.array(z.string()),
    publication: z.object({ kind: z.enum(['publicity', 'final']), startsOn: z.string(), endsOn: z.string().nullable(), publishedAt: z.string() }).nullable(),
    groups: z.array(
      z.object({
        peerGroup: z.enum(peerGroups),
        label: z.string(),
        rows: z.array(rankingRowSchema),
        chart: z.object({
          categories: z.array(z.string()).describe('单位名称（按名次）'),
          series: z.array(z.object({ key: z.enum(['raw', 'bonus', 'deduction', 'total']), name: z.string(), data: z.array(z.number()) })),
          gradeCounts: z.record(z.string(), z.number().int()),
        }),
      }),
    ),
  })
  .meta({ id: 'TargetRanking' });
export type Ranking = z.infer<typeof rankingSchema>;

export const rankingQuerySchema = z.object({ peerGroup: z.enum(peerGroups).optional() });

// ---- scorecard ----

export const scorecardItemSchema = z.object({
  assignmentId: z.uuid(),
  indicator: z.object({ id: z.uuid(), code: z.string(), name: z.string(), type: z.enum(indicatorTypes), category: z.string().nullable(), unitOfMeasure: z.string(), sourceKind: z.enum(['reported', 'metric']), metricKey: z.string().nullable() }),
  targets: effectiveTargetsSchema,
  leadOrgUnitId: z.uuid(),
  leadOrgUnitName: z.string(),
  rule: explanationSchema.describe('计分规则（文字说明）'),
  value: itemValueSchema,
  pace: paceSchema,
  reporting: z.object({ latestPeriodKey: z.string().nullable(), latestStatus: z.enum(reportStatuses).nullable(), dueReports: z.number().int(), onTime: z.number().int(), late: z.number().int(), missing: z.number().int() }),
  selfEvaluation: z.object({ id: z.uuid(), status: z.enum(reportStatuses), selfScore: z.string().nullable() }).nullable(),
  review: reviewSchemaOut.nullable(),
  score: z.object({ effect: z.enum(['score', 'bonus', 'deduction', 'veto']), status: z.enum(['scored', 'missing']), score: z.string(), maxScore: z.string(), vetoTriggered: z.boolean(), explanation: z.string() }),
});
export type ScorecardItem = z.infer<typeof scorecardItemSchema>;

export const scorecardSchema = z
  .object({
    plan: z.object({ id: z.uuid(), year: z.number().int(), title: z.string(), status: z.enum(planStatuses), stage: z.enum(assessmentStages) }),
    unit: z.object({ planUnitId: z.uuid(), orgUnitId: z.uuid(), name: z.string(), kind: z.string(), peerGroup: z.enum(peerGroups) }),
    asOf: z.string(),
    sharePercent: z.string(),
    items: z.array(scorecardItemSchema),
    paceSummary: z.object({ green: z.number().int(), yellow: z.number().int(), red: z.number().int(), none: z.number().int() }),
    preview: z.object({ raw: z.string(), bonusApplied: z.string(), deductionApplied: z.string(), total: z.string(), vetoed: z.boolean(), grade: z.string() }).describe('按当前数据的预估得分'),
    stored: unitScoreSchema.nullable().describe('最近一次正式计分的结果'),
  })
  .meta({ id: 'TargetScorecard' });
export type Scorecard = z.infer<typeof scorecardSchema>;

export const scorecardQuerySchema = z.object({ asOf: z.iso.date().optional() });

// ---- publicity, objections, publication ----

export const openPublicityInputSchema = z
  .object({ version: versionSchema.describe('计划版本号'), startsOn: z.iso.date().optional().describe('公示开始日（默认今天）'), days: z.number().int().min(1).max(60).optional() })
  .strict();
export type OpenPublicityInput = z.infer<typeof openPublicityInputSchema>;

export const publishResultsInputSchema = z.object({ version: versionSchema.describe('计划版本号') }).strict();

export const publicationSchemaOut = z
  .object({ id: z.uuid(), planId: z.uuid(), kind: z.enum(['publicity', 'final']), startsOn: z.string(), endsOn: z.string().nullable(), publishedAt: z.string(), ranking: rankingSchema })
  .meta({ id: 'TargetPublication' });

export const objectionSchemaOut = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    publicationId: z.uuid(),
    orgUnitId: z.uuid(),
    orgUnitName: z.string(),
    indicatorId: z.uuid().nullable(),
    indicatorCode: z.string().nullable(),
    reason: z.string(),
    evidenceFileIds: z.array(z.string()),
    status: z.enum(['open', 'upheld', 'rejected']),
    response: z.string().nullable(),
    raisedAt: z.string(),
    resolvedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'TargetObjection' });

export const createObjectionInputSchema = z
  .object({
    orgUnitId: z.uuid().optional().describe('提出异议的单位（默认本人所在单位）'),
    indicatorId: z.uuid().optional(),
    reason: z.string().trim().min(5).max(2000),
    evidenceFileIds: evidenceFileIdsSchema.default([]),
  })
  .strict()
  .meta({ id: 'CreateTargetObjectionInput' });
export type CreateObjectionInput = z.infer<typeof createObjectionInputSchema>;

export const resolveObjectionInputSchema = z
  .object({ version: versionSchema, decision: z.enum(['upheld', 'rejected']), response: z.string().trim().min(2).max(2000) })
  .strict()
  .meta({ id: 'ResolveTargetObjectionInput' });
export type ResolveObjectionInput = z.infer<typeof resolveObjectionInputSchema>;
