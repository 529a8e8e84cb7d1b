/**
 * HTTP shapes of progress pushing (督察推进): reporting periods, progress reports, reporting rate
 * and timeliness, the progress board with pace lights, values with provenance, reminders and
 * urging notices. Isomorphic.
 */
import { z } from 'zod';
import { indicatorActualSchema, indicatorTypes } from './indicator-schema';
import { valueSources } from './item-rules';
import { peerGroups } from './plan-schema';
import { reportStatuses } from './workflow-rules';

const versionSchema = z.number().int().min(1).describe('当前版本号（乐观锁）');
const periodKeySchema = z.string().regex(/^\d{4}-(M(0[1-9]|1[0-2])|Q[1-4])$/, '报送期形如 2026-M03 或 2026-Q1');
export const evidenceFileIdsSchema = z.array(z.uuid()).max(20).describe('佐证材料文件 ID（先以 purpose=evidence 上传到 /api/v1/files）');
const dateSchema = z.iso.date();

export const periodSchemaOut = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    key: z.string(),
    label: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    deadline: z.string(),
    reminderDates: z.array(z.string()),
    state: z.enum(['upcoming', 'open', 'due', 'closed']).describe('upcoming 未开始；open 进行中；due 已结束待报送（截止日前）；closed 已过截止日'),
    version: z.number().int(),
  })
  .meta({ id: 'TargetPeriod' });
export type PeriodView = z.infer<typeof periodSchemaOut>;

export const updatePeriodInputSchema = z.object({ version: versionSchema, deadline: dateSchema, reason: z.string().trim().min(2).max(500).optional() }).strict();
export type UpdatePeriodInput = z.infer<typeof updatePeriodInputSchema>;

export const valueProvenanceSchema = z
  .object({
    kind: z.enum(valueSources),
    source: z.string().describe('由谁或由什么产生，如“企业名录”或“常乐镇 报送”'),
    producedBy: z.string().nullable().describe('报送人、审核人或平台指标键'),
    producedAt: z.string().nullable(),
    recordCount: z.number().int().nullable().describe('据以计算的记录数'),
    link: z.string().nullable().describe('指向源记录列表的链接（平台内）'),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    note: z.string().nullable(),
    metricKey: z.string().nullable(),
    period: z.object({ from: z.string(), to: z.string() }).nullable(),
    scopeOrgUnitId: z.uuid().nullable().describe('指标计算范围（单位及其下级）'),
    snapshotId: z.uuid().nullable().describe('保存的指标快照'),
    recordId: z.uuid().nullable().describe('报送、自评或审核记录 ID'),
    evidenceFileIds: z.array(z.string()),
  })
  .meta({ id: 'TargetValueProvenance' });
export type ValueProvenance = z.infer<typeof valueProvenanceSchema>;

export const itemValueSchema = z
  .object({
    actual: indicatorActualSchema.nullable(),
    text: z.string().describe('数值的中文显示'),
    source: z.enum(valueSources).nullable(),
    live: z.boolean().describe('true：读取时由平台指标实时计算'),
    provenance: valueProvenanceSchema.nullable(),
  })
  .meta({ id: 'TargetItemValue' });
export type ItemValue = z.infer<typeof itemValueSchema>;

export const paceSchema = z
  .object({
    status: z.enum(['green', 'yellow', 'red']).nullable().describe('序时进度：绿 达到、黄 略慢、红 滞后；null 该类指标不计进度'),
    expected: z.string().nullable().describe('按序时应达到的数值'),
    sharePercent: z.string().describe('时间进度（%）'),
    actual: z.string().nullable(),
  })
  .meta({ id: 'TargetPace' });
export type PaceView = z.infer<typeof paceSchema>;

export const progressReportSchemaOut = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    periodId: z.uuid(),
    periodKey: z.string(),
    periodLabel: z.string(),
    deadline: z.string(),
    assignmentId: z.uuid(),
    indicatorId: z.uuid(),
    indicatorCode: z.string(),
    indicatorName: z.string(),
    orgUnitId: z.uuid(),
    orgUnitName: z.string(),
    actual: indicatorActualSchema,
    actualText: z.string(),
    note: z.string().nullable(),
    evidence: z.array(z.object({ id: z.string(), fileName: z.string().nullable(), sizeBytes: z.number().int().nullable() })),
    status: z.enum(reportStatuses),
    timeliness: z.enum(['on_time', 'late', 'missing', 'not_due']),
    firstSubmittedAt: z.string().nullable(),
    submittedAt: z.string().nullable(),
    submittedByName: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    reviewedByName: z.string().nullable(),
    reviewComment: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'TargetProgressReport' });
export type ProgressReportView = z.infer<typeof progressReportSchemaOut>;

export const createProgressReportInputSchema = z
  .object({
    assignmentId: z.uuid(),
    periodKey: periodKeySchema,
    actual: indicatorActualSchema.describe('截至本期末的累计值'),
    note: z.string().trim().max(2000).optional(),
    evidenceFileIds: evidenceFileIdsSchema.default([]),
    submit: z.boolean().default(false).describe('true：保存并报送'),
  })
  .strict()
  .meta({ id: 'CreateTargetProgressReportInput' });
export type CreateProgressReportInput = z.infer<typeof createProgressReportInputSchema>;

export const updateProgressReportInputSchema = z
  .object({
    version: versionSchema,
    actual: indicatorActualSchema.optional(),
    note: z.string().trim().max(2000).nullable().optional(),
    evidenceFileIds: evidenceFileIdsSchema.optional(),
    submit: z.boolean().default(false),
  })
  .strict()
  .meta({ id: 'UpdateTargetProgressReportInput' });
export type UpdateProgressReportInput = z.infer<typeof updateProgressReportInputSchema>;

export const reviewProgressReportInputSchema = z
  .object({ version: versionSchema, decision: z.enum(['accept', 'return']), comment: z.string().trim().max(2000).optional() })
  .strict()
  .refine((r) => r.decision === 'accept' || (r.comment ?? '').length > 0, { message: '退回须填写意见', path: ['comment'] })
  .meta({ id: 'ReviewTargetProgressReportInput' });
export type ReviewProgressReportInput = z.infer<typeof reviewProgressReportInputSchema>;

export const listProgressReportsQuerySchema = z.object({
  periodKey: periodKeySchema.optional(),
  orgUnitId: z.uuid().optional(),
  indicatorId: z.uuid().optional(),
  status: z.enum(reportStatuses).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type ListProgressReportsQuery = z.infer<typeof listProgressReportsQuerySchema>;

const rateFields = {
  expected: z.number().int().describe('应报（已到截止日或已报送）'),
  submitted: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  notDue: z.number().int(),
  ratePercent: z.string().nullable().describe('报送率 %'),
  onTimeRatePercent: z.string().nullable().describe('及时率 %'),
};

export const reportingRatesSchema = z
  .object({
    planId: z.uuid(),
    asOf: z.string(),
    periodKey: z.string().nullable(),
    overall: z.object(rateFields),
    units: z.array(z.object({ planUnitId: z.uuid(), orgUnitId: z.uuid(), orgUnitName: z.string(), peerGroup: z.enum(peerGroups), ...rateFields })),
    periods: z.array(z.object({ periodKey: z.string(), deadline: z.string(), ...rateFields })).describe('按报送期汇总（已开始的报送期，或所选的一期）'),
  })
  .meta({ id: 'TargetReportingRates' });
export type ReportingRates = z.infer<typeof reportingRatesSchema>;

export const reportingRatesQuerySchema = z.object({
  periodKey: periodKeySchema.optional(),
  peerGroup: z.enum(peerGroups).optional(),
  asOf: dateSchema.optional().describe('统计日（默认今天）'),
});

export const progressBoardQuerySchema = z.object({
  asOf: dateSchema.optional().describe('进度基准日（默认今天）'),
  peerGroup: z.enum(peerGroups).optional(),
  indicatorId: z.uuid().optional(),
});

export const progressBoardSchema = z
  .object({
    planId: z.uuid(),
    asOf: z.string(),
    sharePercent: z.string().describe('全年时间进度（%）'),
    indicators: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string(), type: z.enum(indicatorTypes), unitOfMeasure: z.string(), sourceKind: z.enum(['reported', 'metric']) })),
    units: z.array(z.object({ planUnitId: z.uuid(), orgUnitId: z.uuid(), name: z.string(), peerGroup: z.enum(peerGroups), green: z.number().int(), yellow: z.number().int(), red: z.number().int(), none: z.number().int() })),
    cells: z.array(
      z.object({
        assignmentId: z.uuid(),
        indicatorId: z.uuid(),
        planUnitId: z.uuid(),
        value: z.string().nullable(),
        valueText: z.string(),
        source: z.enum(valueSources).nullable(),
        pace: paceSchema,
      }),
    ),
  })
  .meta({ id: 'TargetProgressBoard' });
export type ProgressBoard = z.infer<typeof progressBoardSchema>;

export const itemValuesSchema = z
  .object({
    assignmentId: z.uuid(),
    asOf: z.string(),
    current: itemValueSchema.describe('当前计分所用的值（实时）'),
    live: itemValueSchema.nullable().describe('平台指标的实时值（仅绑定平台指标的事项）'),
    snapshots: z.array(z.object({ id: z.uuid(), value: z.string().nullable(), purpose: z.enum(['scoring', 'snapshot']), computedAt: z.string(), provenance: valueProvenanceSchema, changedSince: z.boolean() })),
    reports: z.array(progressReportSchemaOut),
  })
  .meta({ id: 'TargetItemValues' });
export type ItemValues = z.infer<typeof itemValuesSchema>;

export const noticeSchemaOut = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    periodId: z.uuid().nullable(),
    periodKey: z.string().nullable(),
    orgUnitId: z.uuid(),
    orgUnitName: z.string(),
    kind: z.enum(['reminder', 'urging']),
    title: z.string(),
    body: z.string().nullable(),
    itemCount: z.number().int(),
    recipients: z.number().int(),
    sentAt: z.string(),
    sentByName: z.string().nullable(),
  })
  .meta({ id: 'TargetNotice' });

export const sendUrgingInputSchema = z
  .object({
    orgUnitIds: z.array(z.uuid()).min(1).max(200),
    periodKey: periodKeySchema.optional(),
    message: z.string().trim().min(2).max(1000).describe('督办内容'),
  })
  .strict()
  .meta({ id: 'SendTargetUrgingInput' });
export type SendUrgingInput = z.infer<typeof sendUrgingInputSchema>;

export const listNoticesQuerySchema = z.object({
  kind: z.enum(['reminder', 'urging']).optional(),
  orgUnitId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const snapshotInputSchema = z.object({ asOf: dateSchema.optional().describe('统计截止日（默认今天，不晚于年末）') }).strict();
