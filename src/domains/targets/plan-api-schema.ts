/**
 * HTTP shapes of plans, indicators, assessed units and assignments (isomorphic: the plan editor
 * imports them). Inputs are strict; numbers that take part in scoring are decimal strings.
 */
import { z } from 'zod';
import { defaultObjectionWindowDays } from './workflow-rules';
import { decimalSchema, indicatorDefinitionSchema, indicatorTypes, nonNegativeDecimalSchema, positiveDecimalSchema } from './indicator-schema';
import {
  defaultGradeConfig,
  defaultPaceConfig,
  defaultRankingConfig,
  defaultReportingConfig,
  defaultUnitCaps,
  gradeConfigSchema,
  paceConfigSchema,
  peerGroups,
  planStatuses,
  rankingConfigSchema,
  reportingConfigSchema,
  unitCapsSchema,
} from './plan-schema';
import { assessmentStages } from './item-rules';

const reasonSchema = z.string().trim().min(2).max(500).describe('变更原因（计划已发布时必填，记入变更记录）');
const versionSchema = z.number().int().min(1).describe('当前版本号（乐观锁）');

export const planConfigSchema = z.object({
  caps: unitCapsSchema,
  grades: gradeConfigSchema,
  ranking: rankingConfigSchema,
  reporting: reportingConfigSchema,
  pace: paceConfigSchema,
  /** Days of the publicity (公示) window, publication day included. */
  publicityDays: z.number().int().min(1).max(60),
});
export type PlanConfig = z.infer<typeof planConfigSchema>;

export const defaultPlanConfig: PlanConfig = {
  caps: defaultUnitCaps,
  grades: defaultGradeConfig,
  ranking: defaultRankingConfig,
  reporting: defaultReportingConfig,
  pace: defaultPaceConfig,
  publicityDays: defaultObjectionWindowDays,
};

export const planSummarySchema = z
  .object({
    id: z.uuid(),
    year: z.number().int(),
    planVersion: z.number().int().describe('同一年度的第几版'),
    title: z.string(),
    status: z.enum(planStatuses),
    stage: z.enum(assessmentStages).describe('年终考核阶段'),
    editMode: z.enum(['free', 'logged', 'locked']).describe('free 草稿可直接修改；logged 已发布，修改须填原因并记入变更记录；locked 已关闭'),
    revision: z.number().int().describe('发布后的变更次数'),
    publishedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    scoredAt: z.string().nullable(),
    publicityStartsOn: z.string().nullable(),
    publicityEndsOn: z.string().nullable(),
    finalPublishedAt: z.string().nullable(),
    copiedFromPlanId: z.uuid().nullable(),
    counts: z.object({ indicators: z.number().int(), units: z.number().int(), assignments: z.number().int() }),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'TargetPlanSummary' });
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const planSchemaOut = planSummarySchema.extend({ config: planConfigSchema }).meta({ id: 'TargetPlan' });
export type PlanView = z.infer<typeof planSchemaOut>;

export const createPlanInputSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    title: z.string().trim().min(2).max(200),
    copyFromPlanId: z.uuid().optional().describe('从已有计划复制指标与分解（新一版或新一年）'),
    config: planConfigSchema.partial().strict().optional(),
  })
  .strict()
  .meta({ id: 'CreateTargetPlanInput' });
export type CreatePlanInput = z.infer<typeof createPlanInputSchema>;

export const updatePlanInputSchema = z
  .object({ version: versionSchema, title: z.string().trim().min(2).max(200).optional(), config: planConfigSchema.partial().strict().optional(), reason: reasonSchema.optional() })
  .strict()
  .meta({ id: 'UpdateTargetPlanInput' });
export type UpdatePlanInput = z.infer<typeof updatePlanInputSchema>;

export const planTransitionInputSchema = z
  .object({ action: z.enum(['publish', 'close']), version: versionSchema })
  .strict()
  .meta({ id: 'TargetPlanTransitionInput' });
export type PlanTransitionInput = z.infer<typeof planTransitionInputSchema>;

export const versionOnlyInputSchema = z.object({ version: versionSchema, reason: reasonSchema.optional() }).strict();
export type VersionOnlyInput = z.infer<typeof versionOnlyInputSchema>;

export const listPlansQuerySchema = z.object({
  q: z.string().trim().max(100).optional().describe('标题'),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(planStatuses).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.enum(['-year', 'year', 'title', '-updatedAt']).default('-year'),
});
export type ListPlansQuery = z.infer<typeof listPlansQuerySchema>;

export const planWarningSchema = z.object({
  code: z.string(),
  severity: z.enum(['warning', 'info']),
  message: z.string(),
  details: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const planTransitionResultSchema = z.object({ plan: planSchemaOut, warnings: z.array(planWarningSchema) }).meta({ id: 'TargetPlanTransitionResult' });

export const planChangeSchema = z
  .object({
    id: z.string(),
    revision: z.number().int(),
    at: z.string(),
    actorName: z.string(),
    entityType: z.enum(['plan', 'indicator', 'assignment', 'period', 'unit']),
    entityId: z.string().nullable(),
    action: z.enum(['create', 'update', 'delete']),
    summary: z.string(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    reason: z.string(),
  })
  .meta({ id: 'TargetPlanChange' });
export type PlanChange = z.infer<typeof planChangeSchema>;

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

// ---- indicators ----

export const explanationSchema = z.object({ zh: z.string(), en: z.string() });

export const indicatorSchemaOut = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    code: z.string(),
    name: z.string(),
    type: z.enum(indicatorTypes),
    typeLabel: z.string(),
    category: z.string().nullable(),
    leadOrgUnitId: z.uuid(),
    leadOrgUnitName: z.string(),
    sourceKind: z.enum(['reported', 'metric']),
    metricKey: z.string().nullable(),
    metricName: z.string().nullable().describe('绑定的平台指标名称；null 表示未绑定或指标未注册'),
    weight: z.string().nullable(),
    definition: z.unknown().describe('IndicatorDefinition'),
    explanation: explanationSchema.describe('由参数生成的计分规则说明'),
    sortOrder: z.number().int(),
    assignmentCount: z.number().int(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'TargetIndicator' });
export type IndicatorView = z.infer<typeof indicatorSchemaOut>;

export const createIndicatorInputSchema = z
  .object({ definition: indicatorDefinitionSchema, sortOrder: z.number().int().min(0).max(9999).optional(), reason: reasonSchema.optional() })
  .strict()
  .meta({ id: 'CreateTargetIndicatorInput' });
export type CreateIndicatorInput = z.infer<typeof createIndicatorInputSchema>;

export const updateIndicatorInputSchema = z
  .object({ version: versionSchema, definition: indicatorDefinitionSchema.optional(), sortOrder: z.number().int().min(0).max(9999).optional(), reason: reasonSchema.optional() })
  .strict()
  .meta({ id: 'UpdateTargetIndicatorInput' });
export type UpdateIndicatorInput = z.infer<typeof updateIndicatorInputSchema>;

export const listIndicatorsQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional().describe('编码或名称'),
  type: z.enum(indicatorTypes).optional(),
  category: z.string().trim().max(100).optional(),
  leadOrgUnitId: z.uuid().optional(),
  sourceKind: z.enum(['reported', 'metric']).optional(),
  sort: z.enum(['sortOrder', 'code', 'name', 'type']).default('sortOrder'),
});
export type ListIndicatorsQuery = z.infer<typeof listIndicatorsQuerySchema>;

export const explainQuerySchema = z.object({ definition: z.string().min(2).max(20_000).describe('JSON 形式的指标定义') });

export const indicatorTypeInfoSchema = z
  .object({
    type: z.enum(indicatorTypes),
    label: z.object({ zh: z.string(), en: z.string() }),
    effect: z.enum(['score', 'bonus', 'deduction', 'veto']),
    supportsMetricBinding: z.boolean(),
    actualTypes: z.array(z.string()),
    example: z.unknown(),
    exampleExplanation: explanationSchema,
  })
  .meta({ id: 'TargetIndicatorType' });

export const metricInfoSchema = z
  .object({ key: z.string(), name: z.object({ zh: z.string(), en: z.string() }), unit: z.string(), description: z.string(), direction: z.enum(['higher_is_better', 'lower_is_better']) })
  .meta({ id: 'TargetMetricInfo' });

// ---- units and assignments ----

export const planUnitSchemaOut = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    orgUnitId: z.uuid(),
    orgUnitName: z.string(),
    orgUnitKind: z.string(),
    peerGroup: z.enum(peerGroups),
    peerGroupLabel: z.string(),
    indicatorCount: z.number().int(),
    weightTotal: z.string().describe('加权指标的权重合计（应为100）'),
    score: z.object({ total: z.string(), grade: z.string(), rank: z.number().int(), isTied: z.boolean(), vetoed: z.boolean(), computedAt: z.string() }).nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'TargetPlanUnit' });
export type PlanUnitView = z.infer<typeof planUnitSchemaOut>;

export const updatePlanUnitInputSchema = z.object({ version: versionSchema, peerGroup: z.enum(peerGroups), reason: reasonSchema.optional() }).strict();
export type UpdatePlanUnitInput = z.infer<typeof updatePlanUnitInputSchema>;

const overrideFields = {
  weight: positiveDecimalSchema.nullable().optional().describe('该单位的权重（空则用指标标准分）'),
  lower: nonNegativeDecimalSchema.nullable().optional().describe('确保值 L（数量区间）'),
  upper: nonNegativeDecimalSchema.nullable().optional().describe('力争值 U（数量区间）'),
  target: decimalSchema.nullable().optional().describe('目标值 T（数量目标、基数加斜率）或门槛（比率）'),
  leadOrgUnitId: z.uuid().nullable().optional().describe('该单位此项的考核牵头部门（空则同指标）'),
};

export const createAssignmentInputSchema = z
  .object({ indicatorId: z.uuid(), orgUnitId: z.uuid(), ...overrideFields, reason: reasonSchema.optional() })
  .strict()
  .meta({ id: 'CreateTargetAssignmentInput' });
export type CreateAssignmentInput = z.infer<typeof createAssignmentInputSchema>;

export const updateAssignmentInputSchema = z.object({ version: versionSchema, ...overrideFields, reason: reasonSchema.optional() }).strict().meta({ id: 'UpdateTargetAssignmentInput' });
export type UpdateAssignmentInput = z.infer<typeof updateAssignmentInputSchema>;

export const bulkAssignmentsInputSchema = z
  .object({
    items: z.array(z.object({ indicatorId: z.uuid(), orgUnitId: z.uuid(), ...overrideFields }).strict()).min(1).max(2000),
    reason: reasonSchema.optional(),
  })
  .strict()
  .meta({ id: 'BulkTargetAssignmentsInput' });
export type BulkAssignmentsInput = z.infer<typeof bulkAssignmentsInputSchema>;

export const effectiveTargetsSchema = z.object({
  weight: z.string().nullable(),
  lower: z.string().nullable(),
  upper: z.string().nullable(),
  target: z.string().nullable(),
  threshold: z.string().nullable(),
});
export type EffectiveTargets = z.infer<typeof effectiveTargetsSchema>;

export const assignmentSchemaOut = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    planUnitId: z.uuid(),
    indicatorId: z.uuid(),
    indicatorCode: z.string(),
    indicatorName: z.string(),
    indicatorType: z.enum(indicatorTypes),
    category: z.string().nullable(),
    unitOfMeasure: z.string(),
    sourceKind: z.enum(['reported', 'metric']),
    metricKey: z.string().nullable(),
    orgUnitId: z.uuid(),
    orgUnitName: z.string(),
    orgUnitKind: z.string(),
    peerGroup: z.enum(peerGroups),
    overrides: z.object({ weight: z.string().nullable(), lower: z.string().nullable(), upper: z.string().nullable(), target: z.string().nullable(), leadOrgUnitId: z.uuid().nullable() }),
    effective: effectiveTargetsSchema,
    leadOrgUnitId: z.uuid().describe('实际的考核牵头部门'),
    leadOrgUnitName: z.string(),
    explanation: explanationSchema.describe('本单位此项的计分规则（已代入分解后的目标）'),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'TargetAssignment' });
export type AssignmentView = z.infer<typeof assignmentSchemaOut>;

export const listAssignmentsQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional().describe('指标编码、名称或单位名称'),
  orgUnitId: z.uuid().optional(),
  indicatorId: z.uuid().optional(),
  peerGroup: z.enum(peerGroups).optional(),
  leadOrgUnitId: z.uuid().optional(),
  sort: z.enum(['indicator', 'unit']).default('indicator'),
});
export type ListAssignmentsQuery = z.infer<typeof listAssignmentsQuerySchema>;

export const bulkAssignmentsResultSchema = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), warnings: z.array(planWarningSchema) });

export const decompositionSchema = z
  .object({
    planId: z.uuid(),
    indicators: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string(), type: z.enum(indicatorTypes), weight: z.string().nullable(), unitOfMeasure: z.string(), cityTargets: effectiveTargetsSchema })),
    units: z.array(z.object({ planUnitId: z.uuid(), orgUnitId: z.uuid(), name: z.string(), peerGroup: z.enum(peerGroups), weightTotal: z.string() })),
    cells: z.array(z.object({ assignmentId: z.uuid(), indicatorId: z.uuid(), planUnitId: z.uuid(), effective: effectiveTargetsSchema, version: z.number().int() })),
    warnings: z.array(planWarningSchema),
  })
  .meta({ id: 'TargetDecomposition' });
export type Decomposition = z.infer<typeof decompositionSchema>;
