/**
 * Zod shapes of the equipment registry inputs (isomorphic: API, CLI and forms share them).
 * Device fields follow domain.md §1.3.1; catalogue level words follow the data file
 * (categoryCode = 种类, kindCode = 类别, varietyCode = 品种; null where the catalogue has none, "划‘-’").
 */
import { z } from 'zod';
import { findClassificationProblem } from './catalogue';
import { isIsoDate } from './date-math';
import {
  deviceFlags,
  dueStatuses,
  inspectionConclusions,
  inspectionKinds,
  registrationStatuses,
  safetyGrades,
  siteTypes,
} from './enums';

export const DEVICE_TEXT_MAX = 200;
export const DEVICE_CODE_MAX = 64;
export const DEVICE_PAGE_SIZE_MAX = 100;

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
  .refine(isIsoDate, { message: '日期不存在' });

const text = (max: number) => z.string().trim().min(1).max(max);
const catalogueCodeSchema = z.string().regex(/^[0-9A-Z]{4}$/, { message: '目录代码应为4位' });

export const locationSchema = z
  .object({ lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) })
  .strict();

export const safetyGradeSchema = z.union(safetyGrades.map((g) => z.literal(g)));

/** Technical parameters by kind (domain.md §1.3.1 `params`); keys used by inspection rules are listed in inspection-rule-set.ts. */
export const deviceParamsSchema = z.record(z.string().min(1).max(64), z.union([z.string().max(DEVICE_TEXT_MAX), z.number(), z.boolean()]));

const insuranceSchema = z
  .object({ insurer: text(DEVICE_TEXT_MAX), type: text(100), amount: z.number().nonnegative().optional() })
  .strict();

export const deviceFieldsSchema = z
  .object({
    equipmentCode: text(DEVICE_CODE_MAX).optional(), // 设备代码: opaque, structure not validated [D]
    registrationCode: text(DEVICE_CODE_MAX).optional(), // 注册代码
    useRegistrationCertNo: text(DEVICE_CODE_MAX).optional(), // 使用登记证编号 (format [?], opaque)
    certIssueDate: isoDateSchema.optional(),
    categoryCode: catalogueCodeSchema,
    kindCode: catalogueCodeSchema.nullable(),
    varietyCode: catalogueCodeSchema.nullable(),
    productName: text(100),
    model: text(100).optional(),
    factoryNo: text(DEVICE_CODE_MAX).optional(), // 产品编号/出厂编号 (气瓶编号)
    internalNo: text(DEVICE_CODE_MAX).optional(),
    designLifeYears: z.number().int().min(1).max(100).optional(),
    manufacturerName: text(DEVICE_TEXT_MAX).optional(),
    manufacturerLicenceNo: text(DEVICE_CODE_MAX).optional(),
    manufactureDate: isoDateSchema.optional(),
    installerName: text(DEVICE_TEXT_MAX).optional(),
    installDate: isoDateSchema.optional(),
    commissioningDate: isoDateSchema.optional(), // 投用日期
    installSupervisionDate: isoDateSchema.optional(), // 安装(改造)监督检验合格日期: elevator base month
    usingUnitId: z.uuid(), // 使用单位 (enterprise)
    propertyUnitId: z.uuid().optional(),
    maintenanceUnitId: z.uuid().optional(), // mandatory for elevators at registration (service rule)
    inspectionBodyId: z.uuid().optional(), // 检验机构 (enterprise)
    supervisingOrgUnitId: z.uuid().optional(), // 监管部门 (default: the special-equipment regulator)
    useAddress: text(DEVICE_TEXT_MAX),
    location: locationSchema.optional(),
    territoryOrgUnitId: z.uuid(), // 属地 org unit (township/street/park/village)
    regionCode: z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, { message: '区划代码应为6、9或12位数字' }).optional(),
    siteType: z.enum(siteTypes).optional(),
    isPublicService: z.boolean().optional(),
    safetyGrade: safetyGradeSchema.nullable().optional(), // pressure vessels and piping only
    params: deviceParamsSchema.optional(),
    flags: z.array(z.enum(deviceFlags)).max(deviceFlags.length).optional(),
    insurance: insuranceSchema.optional(),
  })
  .strict();

type DeviceFields = z.infer<typeof deviceFieldsSchema>;
type Ctx = z.RefinementCtx;

function checkClassification(value: Partial<DeviceFields>, ctx: Ctx): void {
  const present = [value.categoryCode, value.kindCode, value.varietyCode].filter((v) => v !== undefined).length;
  if (present === 0) return;
  if (present < 3 || value.categoryCode === undefined || value.kindCode === undefined || value.varietyCode === undefined) {
    ctx.addIssue({ code: 'custom', message: '设备种类、类别、品种须同时提交', path: ['categoryCode'] });
    return;
  }
  const problem = findClassificationProblem({ categoryCode: value.categoryCode, kindCode: value.kindCode, varietyCode: value.varietyCode });
  if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path: [problem.field] });
}

function checkDeviceFields(value: Partial<DeviceFields>, ctx: Ctx): void {
  checkClassification(value, ctx);
  if (value.safetyGrade != null && value.categoryCode !== undefined && !['2000', '8000'].includes(value.categoryCode)) {
    ctx.addIssue({ code: 'custom', message: '安全状况等级仅适用于压力容器和压力管道', path: ['safetyGrade'] });
  }
  if (value.manufactureDate && value.commissioningDate && value.manufactureDate > value.commissioningDate) {
    ctx.addIssue({ code: 'custom', message: '投用日期不能早于制造日期', path: ['commissioningDate'] });
  }
  if (value.flags && new Set(value.flags).size !== value.flags.length) {
    ctx.addIssue({ code: 'custom', message: '标记重复', path: ['flags'] });
  }
}

export const createDeviceInputSchema = deviceFieldsSchema.superRefine(checkDeviceFields);

/** Registration data (使用登记): the certificate and the date the registry approved it. */
export const registrationFieldsSchema = z
  .object({
    registeredOn: isoDateSchema,
    useRegistrationCertNo: text(DEVICE_CODE_MAX),
    certIssueDate: isoDateSchema.optional(),
    equipmentCode: text(DEVICE_CODE_MAX).optional(),
  })
  .strict();

/**
 * POST /equipment: a device enters the registry as 告知 (`notified`, construction notified) or
 * 未登记 (`unregistered`, default); with `registration` it is registered at once (→ 在用).
 */
export const createDeviceRequestSchema = deviceFieldsSchema
  .extend({
    initialStatus: z.enum(['notified', 'unregistered']).optional(),
    registration: registrationFieldsSchema.optional(),
  })
  .superRefine((value, ctx) => {
    checkDeviceFields(value, ctx);
    if (value.registration && value.initialStatus === 'notified') {
      ctx.addIssue({ code: 'custom', message: '告知状态的设备不能同时办理使用登记', path: ['registration'] });
    }
  });
export type CreateDeviceRequest = z.infer<typeof createDeviceRequestSchema>;
export type CreateDeviceInput = z.infer<typeof createDeviceInputSchema>;

/** Partial update; classification codes must be sent together. */
export const updateDeviceInputSchema = deviceFieldsSchema.partial().superRefine((value, ctx) => {
  if (Object.keys(value).length === 0) ctx.addIssue({ code: 'custom', message: '没有需要更新的字段', path: [] });
  checkDeviceFields(value, ctx);
});
export type UpdateDeviceInput = z.infer<typeof updateDeviceInputSchema>;

/** PATCH /equipment/{id}: a partial update with the record version; the use unit changes only by transfer. */
export const updateDeviceRequestSchema = deviceFieldsSchema
  .omit({ usingUnitId: true })
  .partial()
  .extend({ version: z.number().int().min(1) })
  .superRefine((value, ctx) => {
    if (Object.keys(value).length <= 1) ctx.addIssue({ code: 'custom', message: '没有需要更新的字段', path: [] });
    checkDeviceFields(value, ctx);
  });
export type UpdateDeviceRequest = z.infer<typeof updateDeviceRequestSchema>;

const inspectionFieldsSchema = z
  .object({
    kind: z.enum(inspectionKinds),
    orgName: text(DEVICE_TEXT_MAX),
    orgId: z.uuid().optional(),
    reportNo: text(DEVICE_CODE_MAX),
    inspectors: z.array(text(50)).max(10).optional(),
    bookedOn: isoDateSchema.optional(), // 报检日期
    startedOn: isoDateSchema.optional(),
    inspectedOn: isoDateSchema, // conclusion date: the date periods run from
    conclusion: z.enum(inspectionConclusions),
    safetyGrade: safetyGradeSchema.optional(),
    periodMonths: z.number().int().min(1).max(180).optional(), // period set by the inspector
    nextDueOn: isoDateSchema.optional(), // as printed on the report (kept for comparison)
    issues: z.array(z.object({ description: text(500), rectifyBy: isoDateSchema.optional() }).strict()).max(100).optional(),
    retestOn: isoDateSchema.optional(),
    overdueReason: text(500).optional(), // 超期原因
  })
  .strict();

function checkInspection(value: Pick<z.infer<typeof inspectionFieldsSchema>, 'startedOn' | 'inspectedOn' | 'nextDueOn'>, ctx: Ctx): void {
  if (value.startedOn && value.startedOn > value.inspectedOn) {
    ctx.addIssue({ code: 'custom', message: '开始日期不能晚于检验日期', path: ['startedOn'] });
  }
  if (value.nextDueOn && value.nextDueOn <= value.inspectedOn) {
    ctx.addIssue({ code: 'custom', message: '下次检验日期应晚于检验日期', path: ['nextDueOn'] });
  }
}

/** An inspection record naming its device (imports). */
export const inspectionRecordInputSchema = inspectionFieldsSchema.extend({ deviceId: z.uuid() }).superRefine(checkInspection);
export type InspectionRecordInput = z.infer<typeof inspectionRecordInputSchema>;

/** POST /equipment/{id}/inspections (the device is in the path). */
export const recordInspectionBodySchema = inspectionFieldsSchema.superRefine(checkInspection);
export type RecordInspectionBody = z.infer<typeof recordInspectionBodySchema>;

/** Maintenance record kinds; TSG T5002-2017 item frequencies are not verified (domain.md §1.1 [?]). */
export const maintenanceKinds = ['half_monthly', 'monthly', 'quarterly', 'semiannual', 'annual', 'repair', 'emergency'] as const;
export type MaintenanceKind = (typeof maintenanceKinds)[number];
export const maintenanceKindLabels: Record<MaintenanceKind, { zh: string; en: string }> = {
  half_monthly: { zh: '半月维保', en: 'Half-monthly maintenance' },
  monthly: { zh: '月度维保', en: 'Monthly maintenance' },
  quarterly: { zh: '季度维保', en: 'Quarterly maintenance' },
  semiannual: { zh: '半年维保', en: 'Semi-annual maintenance' },
  annual: { zh: '年度维保', en: 'Annual maintenance' },
  repair: { zh: '维修', en: 'Repair' },
  emergency: { zh: '急修', en: 'Emergency repair' },
};

const maintenanceFieldsSchema = z
  .object({
    maintainedOn: isoDateSchema,
    kind: z.enum(maintenanceKinds),
    maintenanceUnitId: z.uuid().optional(),
    workers: z.array(z.object({ name: text(50), certificateNo: text(DEVICE_CODE_MAX).optional() }).strict()).min(1).max(10),
    notes: text(1000).optional(),
    isConfirmedByUsingUnit: z.boolean().optional(),
  })
  .strict();

export const maintenanceRecordInputSchema = maintenanceFieldsSchema.extend({ deviceId: z.uuid() });
export type MaintenanceRecordInput = z.infer<typeof maintenanceRecordInputSchema>;

/** POST /equipment/{id}/maintenance. */
export const recordMaintenanceBodySchema = maintenanceFieldsSchema;
export type RecordMaintenanceBody = z.infer<typeof recordMaintenanceBodySchema>;

/** 特种设备作业人员证; the 作业项目 code is stored opaque (the TSG Z6001 list is not in the docs). */
const certificateFieldsSchema = z
  .object({
    personName: text(50),
    idNumber: text(32).optional(),
    certificateNo: text(DEVICE_CODE_MAX),
    workItemCode: text(16),
    workItemName: text(50).optional(),
    issuedOn: isoDateSchema,
    expiresOn: isoDateSchema, // 有效期至 (last valid day)
    issuingAuthority: text(100).optional(),
    employerEnterpriseId: z.uuid().optional(),
  })
  .strict();

export const operatorCertificateInputSchema = certificateFieldsSchema.refine((v) => v.expiresOn > v.issuedOn, { message: '有效期至应晚于发证日期', path: ['expiresOn'] });
export type OperatorCertificateInput = z.infer<typeof operatorCertificateInputSchema>;

/** PATCH /equipment/certificates/{id}: renewal or correction with the record version; `isActive: false` when the operator leaves. */
export const updateCertificateRequestSchema = certificateFieldsSchema
  .partial()
  .extend({ version: z.number().int().min(1), isActive: z.boolean().optional() })
  .superRefine((v, ctx) => {
    if (Object.keys(v).length <= 1) ctx.addIssue({ code: 'custom', message: '没有需要更新的字段', path: [] });
    if (v.issuedOn && v.expiresOn && v.expiresOn <= v.issuedOn) ctx.addIssue({ code: 'custom', message: '有效期至应晚于发证日期', path: ['expiresOn'] });
  });
export type UpdateCertificateRequest = z.infer<typeof updateCertificateRequestSchema>;

export const deviceSortKeys = [
  'nextDueOn',
  '-nextDueOn',
  'equipmentCode',
  '-equipmentCode',
  'commissioningDate',
  '-commissioningDate',
  'updatedAt',
  '-updatedAt',
] as const;
export type DeviceSortKey = (typeof deviceSortKeys)[number];

/** List query (query-string values arrive as text; numbers are coerced). */
export const deviceListQuerySchema = z
  .object({
    q: z.string().trim().max(100).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(DEVICE_PAGE_SIZE_MAX).default(20),
    sort: z.enum(deviceSortKeys).default('nextDueOn'),
    category: catalogueCodeSchema.optional(),
    kind: catalogueCodeSchema.optional(),
    status: z.enum(registrationStatuses).optional(),
    dueStatus: z.enum(dueStatuses).optional(),
    territoryOrgUnitId: z.uuid().optional(),
    usingUnitId: z.uuid().optional(),
    variety: catalogueCodeSchema.optional(),
    maintenanceUnitId: z.uuid().optional(),
    mustStop: z.enum(['true', 'false']).optional(),
    lateRegistration: z.enum(['true', 'false']).optional(),
    siteType: z.enum(siteTypes).optional(),
  })
  .strict();
export type DeviceListQuery = z.infer<typeof deviceListQuerySchema>;

// ── Registration actions (POST /equipment/{id}/registration) ─────────────────────────────────

const version = z.number().int().min(1);
const note = text(500).optional();

/** Fields a 变更登记 may change together with the registration (relocation, address, modification). */
export const registrationChangesSchema = z
  .object({
    useAddress: text(DEVICE_TEXT_MAX).optional(),
    territoryOrgUnitId: z.uuid().optional(),
    location: locationSchema.nullable().optional(),
    regionCode: z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, { message: '区划代码应为6、9或12位数字' }).optional(),
    installSupervisionDate: isoDateSchema.optional(), // modification supervision inspection re-bases elevators
    designLifeYears: z.number().int().min(1).max(100).optional(),
  })
  .strict();

export const registrationActionRequestSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('passSupervision'), version, date: isoDateSchema, reportNo: text(DEVICE_CODE_MAX).optional(), note }).strict(),
  z
    .object({
      action: z.literal('register'),
      version,
      registeredOn: isoDateSchema,
      useRegistrationCertNo: text(DEVICE_CODE_MAX),
      certIssueDate: isoDateSchema.optional(),
      equipmentCode: text(DEVICE_CODE_MAX).optional(),
      commissioningDate: isoDateSchema.optional(),
      note,
    })
    .strict(),
  z.object({ action: z.literal('stop'), version, stoppedOn: isoDateSchema, reason: text(500), expectedRestartOn: isoDateSchema.optional() }).strict(),
  z.object({ action: z.literal('restart'), version, restartedOn: isoDateSchema, note }).strict(),
  z
    .object({
      action: z.literal('change'),
      version,
      date: isoDateSchema,
      reason: z.enum(['modification', 'unit_renamed', 'address_changed', 'relocation', 'design_life_reached']),
      useRegistrationCertNo: text(DEVICE_CODE_MAX).optional(),
      changes: registrationChangesSchema.optional(),
      note,
    })
    .strict(),
  z.object({ action: z.literal('transfer'), version, date: isoDateSchema, newUsingUnitId: z.uuid(), useRegistrationCertNo: text(DEVICE_CODE_MAX).optional(), note }).strict(),
  z.object({ action: z.literal('scrap'), version, date: isoDateSchema, reason: text(500) }).strict(),
  z.object({ action: z.literal('cancel'), version, date: isoDateSchema, note }).strict(),
]);
export type RegistrationActionRequest = z.infer<typeof registrationActionRequestSchema>;
