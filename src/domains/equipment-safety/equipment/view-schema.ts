/**
 * Response shapes and list queries of the equipment API (isomorphic: the web app types its pages
 * with them). Inputs are in schema.ts.
 */
import { z } from 'zod';
import { isoDateSchema } from './schema';
import { certificateStatuses, dueStatuses, inspectionConclusions, inspectionKinds, registrationActions, registrationStatuses } from './enums';
import { inspectionTracks, obligations, ruleConfidences } from './inspection-rule-types';

const deviceDueStatusSchema = z.enum(['normal', 'due_soon', 'overdue', 'exempt', 'none']).describe('正常/临期/超期未检/豁免（未在用）/无适用规则');
const locationSchema = z.object({ lon: z.number(), lat: z.number() });
const namedSchema = z.object({ id: z.string(), name: z.string() });

export const deviceListItemSchema = z
  .object({
    id: z.uuid(),
    equipmentCode: z.string().nullable(),
    useRegistrationCertNo: z.string().nullable(),
    categoryCode: z.string(),
    categoryName: z.string(),
    kindCode: z.string().nullable(),
    kindName: z.string().nullable(),
    varietyCode: z.string().nullable(),
    varietyName: z.string().nullable(),
    productName: z.string(),
    model: z.string().nullable(),
    factoryNo: z.string().nullable(),
    useUnitId: z.uuid(),
    useUnitName: z.string(),
    maintenanceUnitId: z.uuid().nullable(),
    maintenanceUnitName: z.string().nullable(),
    territoryOrgUnitId: z.uuid(),
    territoryName: z.string(),
    useAddress: z.string(),
    location: locationSchema.nullable(),
    siteType: z.string().nullable(),
    status: z.enum(registrationStatuses),
    statusLabel: z.string(),
    registeredOn: z.string().nullable(),
    commissioningDate: z.string().nullable(),
    isLateRegistration: z.boolean().describe('投用后超过30日才办理使用登记'),
    nextDueOn: z.string().nullable().describe('最近一项检验义务的到期日（该日起即为超期）'),
    nextDueMonth: z.string().nullable().describe('按月计算的到期月份（电梯 TSG T7001-2023）'),
    nextObligation: z.enum(obligations).nullable(),
    nextDueTrack: z.enum(inspectionTracks).nullable(),
    dueStatus: deviceDueStatusSchema,
    dueColor: z.string().describe('状态颜色 #RRGGBB'),
    daysToDue: z.number().int().nullable().describe('距到期日天数（负数为已超期天数）'),
    mustStop: z.boolean().describe('检验不合格/不得使用：复检合格前不得使用'),
    lastInspectedOn: z.string().nullable(),
    lastConclusion: z.enum(inspectionConclusions).nullable(),
    lastMaintainedOn: z.string().nullable(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'EquipmentListItem' });
export type DeviceListItem = z.infer<typeof deviceListItemSchema>;

export const devicePageSchema = z.object({ items: z.array(deviceListItemSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type DevicePage = z.infer<typeof devicePageSchema>;

export const obligationViewSchema = z.object({
  id: z.uuid(),
  track: z.enum(inspectionTracks),
  trackLabel: z.string(),
  obligation: z.enum(obligations),
  obligationLabel: z.string(),
  dueOn: z.string(),
  dueMonth: z.string().nullable(),
  dueStatus: z.enum(dueStatuses),
  ruleId: z.string(),
  ruleName: z.string(),
  confidence: z.enum(ruleConfidences),
  isUnverified: z.boolean().describe('周期为配置值，未经核实（[?]/[D]）'),
  confidenceNote: z.string(),
  mustStop: z.boolean(),
  explanation: z.string(),
});
export type ObligationView = z.infer<typeof obligationViewSchema>;

export const deviceDetailSchema = deviceListItemSchema
  .extend({
    registrationCode: z.string().nullable(),
    certIssueDate: z.string().nullable(),
    internalNo: z.string().nullable(),
    designLifeYears: z.number().int().nullable(),
    manufacturerName: z.string().nullable(),
    manufacturerLicenceNo: z.string().nullable(),
    manufactureDate: z.string().nullable(),
    installerName: z.string().nullable(),
    installDate: z.string().nullable(),
    installSupervisionDate: z.string().nullable(),
    scheduleRebasedOn: z.string().nullable(),
    propertyUnit: namedSchema.nullable(),
    inspectionBody: namedSchema.nullable(),
    supervisingOrgUnit: namedSchema.nullable(),
    territoryPath: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
    regionCode: z.string().nullable(),
    isPublicService: z.boolean(),
    safetyGrade: z.number().int().nullable(),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    flags: z.array(z.string()),
    insurance: z.unknown().nullable(),
    statusChangedOn: z.string().nullable(),
    stoppedOn: z.string().nullable(),
    scrappedOn: z.string().nullable(),
    deregisteredOn: z.string().nullable(),
    registrationDeadlineOn: z.string().nullable().describe('使用登记期限（投用后30日）'),
    isRegistrationOverdue: z.boolean().describe('在用-未登记：投用超过30日仍未登记'),
    hasRuleGap: z.boolean(),
    obligations: z.array(obligationViewSchema),
    abilities: z.object({
      edit: z.boolean(),
      editRegistry: z.boolean(),
      recordInspection: z.boolean(),
      recordMaintenance: z.boolean(),
      manageOperators: z.boolean(),
      registrationActions: z.array(z.enum(registrationActions)),
    }),
    createdAt: z.string(),
  })
  .meta({ id: 'EquipmentDetail' });
export type DeviceDetail = z.infer<typeof deviceDetailSchema>;

export const timelineItemSchema = z.object({
  id: z.string(),
  occurredOn: z.string(),
  at: z.string(),
  kind: z.enum(['registration', 'update', 'inspection', 'maintenance', 'certificate', 'external']),
  action: z.string(),
  summary: z.string(),
  actorName: z.string().nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  details: z.unknown().nullable(),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;
export const timelineKinds = ['registration', 'update', 'inspection', 'maintenance', 'certificate', 'external'] as const;
export const timelineQuerySchema = z.object({
  kind: z.enum(timelineKinds).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TimelineQuery = z.infer<typeof timelineQuerySchema>;
export const timelinePageSchema = z.object({ items: z.array(timelineItemSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

const partySchema = z.object({
  role: z.enum(['use_unit', 'property_unit', 'maintenance_unit', 'inspection_body']),
  roleLabel: z.string(),
  enterpriseId: z.uuid(),
  name: z.string(),
  creditCode: z.string(),
  contacts: z.array(z.object({ name: z.string(), phone: z.string().nullable() })),
});
export const responsibilitySchema = z
  .object({
    deviceId: z.uuid(),
    parties: z.array(partySchema).describe('设备层面：使用单位、产权单位、维保单位、检验机构'),
    missingParties: z.array(z.string()).describe('三方（使用单位、维保单位、检验机构）中缺少的'),
    isThreePartyComplete: z.boolean(),
    territory: z.object({ id: z.string(), name: z.string(), path: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })) }),
    safetyCoordinators: z.array(z.object({ userId: z.uuid(), displayName: z.string(), phone: z.string().nullable(), orgUnitId: z.uuid(), orgUnitName: z.string() })),
    supervisingOrgUnit: namedSchema.nullable(),
  })
  .meta({ id: 'EquipmentResponsibility' });
export type Responsibility = z.infer<typeof responsibilitySchema>;

export const dueSummaryQuerySchema = z
  .object({
    category: z.string().regex(/^[0-9A-Z]{4}$/).optional(),
    parentOrgUnitId: z.uuid().optional().describe('按其下一级单位汇总；省略时为本人可见范围的下一级'),
  })
  .strict();
export type DueSummaryQuery = z.infer<typeof dueSummaryQuerySchema>;

const summaryCountsSchema = z.object({
  total: z.number().int(),
  inUse: z.number().int(),
  unregistered: z.number().int(),
  stopped: z.number().int(),
  retired: z.number().int().describe('报废+注销'),
  obligated: z.number().int().describe('有检验义务（在用+未登记）'),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
  normal: z.number().int(),
  mustStop: z.number().int(),
});
export type SummaryCounts = z.infer<typeof summaryCountsSchema>;
export const dueSummarySchema = z
  .object({
    asOf: z.string(),
    warningDays: z.number().int(),
    rows: z.array(summaryCountsSchema.extend({ orgUnitId: z.uuid(), name: z.string(), kind: z.string() })),
    totals: summaryCountsSchema,
  })
  .meta({ id: 'EquipmentDueSummary' });
export type DueSummary = z.infer<typeof dueSummarySchema>;

export const inspectionItemSchema = z
  .object({
    id: z.uuid(),
    deviceId: z.uuid(),
    equipmentCode: z.string().nullable(),
    productName: z.string(),
    kind: z.enum(inspectionKinds),
    kindLabel: z.string(),
    track: z.enum(inspectionTracks),
    orgName: z.string(),
    orgId: z.uuid().nullable(),
    reportNo: z.string(),
    inspectors: z.array(z.string()),
    bookedOn: z.string().nullable(),
    startedOn: z.string().nullable(),
    inspectedOn: z.string(),
    conclusion: z.enum(inspectionConclusions),
    conclusionLabel: z.string(),
    result: z.enum(['pass', 'basic_pass', 'fail']),
    safetyGrade: z.number().int().nullable(),
    periodMonths: z.number().int().nullable(),
    reportNextDueOn: z.string().nullable(),
    computedNextDueOn: z.string().nullable(),
    obligationDueOn: z.string().nullable().describe('该次检验完成的检验义务的到期日'),
    wasLate: z.boolean().nullable().describe('检验日期不早于到期日（超期后才检验）'),
    issues: z.array(z.object({ description: z.string(), rectifyBy: z.string().optional() })),
    retestOn: z.string().nullable(),
    overdueReason: z.string().nullable(),
    source: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'EquipmentInspection' });
export type InspectionItem = z.infer<typeof inspectionItemSchema>;
export const inspectionPageSchema = z.object({ items: z.array(inspectionItemSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const inspectionListQuerySchema = z
  .object({
    q: z.string().trim().max(100).optional().describe('报告编号、检验机构、设备代码'),
    deviceId: z.uuid().optional(),
    kind: z.enum(inspectionKinds).optional(),
    conclusion: z.enum(inspectionConclusions).optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
    sort: z.enum(['-inspectedOn', 'inspectedOn']).default('-inspectedOn'),
  })
  .strict();
export type InspectionListQuery = z.infer<typeof inspectionListQuerySchema>;

export const recordInspectionResultSchema = z.object({
  inspection: inspectionItemSchema,
  device: deviceDetailSchema,
});

export const maintenanceItemSchema = z
  .object({
    id: z.uuid(),
    deviceId: z.uuid(),
    equipmentCode: z.string().nullable(),
    productName: z.string(),
    categoryCode: z.string(),
    maintainedOn: z.string(),
    kind: z.string(),
    kindLabel: z.string(),
    maintenanceUnitId: z.uuid().nullable(),
    maintenanceUnitName: z.string().nullable(),
    workers: z.array(z.object({ name: z.string(), certificateNo: z.string().optional() })),
    notes: z.string().nullable(),
    isConfirmedByUsingUnit: z.boolean(),
    daysSincePrevious: z.number().int().nullable().describe('距该设备上一次维保的天数'),
    isGap: z.boolean().describe('电梯：距上一次维保超过15日'),
    createdAt: z.string(),
  })
  .meta({ id: 'EquipmentMaintenance' });
export type MaintenanceItem = z.infer<typeof maintenanceItemSchema>;
export const maintenancePageSchema = z.object({ items: z.array(maintenanceItemSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const maintenanceListQuerySchema = z
  .object({
    deviceId: z.uuid().optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    gapsOnly: z.enum(['true', 'false']).optional().describe('只看间隔超过15日的电梯维保记录'),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
  })
  .strict();
export type MaintenanceListQuery = z.infer<typeof maintenanceListQuerySchema>;

export const maintenanceGapsQuerySchema = z.object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() }).strict();
export const maintenanceGapsSchema = z.object({
  deviceId: z.uuid(),
  applies: z.boolean().describe('是否适用15日维保要求（电梯）'),
  maxGapDays: z.number().int(),
  from: z.string(),
  to: z.string(),
  gaps: z.array(z.object({ startOn: z.string(), endOn: z.string(), days: z.number().int(), dueBy: z.string(), isOpen: z.boolean() })),
});

export const certificateItemSchema = z
  .object({
    id: z.uuid(),
    deviceId: z.uuid(),
    equipmentCode: z.string().nullable(),
    productName: z.string(),
    personName: z.string(),
    idNumberMasked: z.string().nullable(),
    certificateNo: z.string(),
    workItemCode: z.string(),
    workItemName: z.string().nullable(),
    issuedOn: z.string(),
    expiresOn: z.string(),
    issuingAuthority: z.string().nullable(),
    employerEnterpriseId: z.uuid().nullable(),
    isActive: z.boolean(),
    status: z.enum(certificateStatuses),
    daysToExpiry: z.number().int(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'OperatorCertificate' });
export type CertificateItem = z.infer<typeof certificateItemSchema>;
export const certificatePageSchema = z.object({ items: z.array(certificateItemSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const certificateListQuerySchema = z
  .object({
    q: z.string().trim().max(100).optional().describe('姓名、证书编号'),
    deviceId: z.uuid().optional(),
    status: z.enum(certificateStatuses).optional(),
    includeInactive: z.enum(['true', 'false']).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
    sort: z.enum(['expiresOn', '-expiresOn']).default('expiresOn'),
  })
  .strict();
export type CertificateListQuery = z.infer<typeof certificateListQuerySchema>;

export const mapQueryExtraSchema = z.object({
  bbox: z
    .string()
    .regex(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?,-?\d+(\.\d+)?,-?\d+(\.\d+)?$/)
    .optional()
    .describe('minLon,minLat,maxLon,maxLat'),
  limit: z.coerce.number().int().min(1).max(10_000).default(2000).describe('超过该数量时按网格聚合'),
  grid: z.coerce.number().int().min(4).max(256).default(48).describe('聚合网格每边的格数'),
});

export const geoJsonSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
        properties: z.record(z.string(), z.unknown()),
      }),
    ),
    meta: z.object({ total: z.number().int(), clustered: z.boolean(), limit: z.number().int(), withoutLocation: z.number().int() }),
  })
  .meta({ id: 'EquipmentGeoJson' });
export type DeviceGeoJson = z.infer<typeof geoJsonSchema>;

export const catalogueResponseSchema = z.object({
  edition: z.string(),
  validFrom: z.string(),
  source: z.string(),
  entries: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      level: z.enum(['category', 'kind', 'variety']),
      parent: z.string().nullable(),
      scope: z.string().optional(),
      note: z.string().optional(),
      nameEn: z.string().nullable(),
    }),
  ),
});

export const ruleViewSchema = z.object({
  id: z.string(),
  nameZh: z.string(),
  appliesTo: z.record(z.string(), z.unknown()),
  track: z.enum(inspectionTracks),
  trackLabel: z.string(),
  kind: z.string(),
  params: z.record(z.string(), z.unknown()),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  source: z.string(),
  confidence: z.enum(ruleConfidences),
  confidenceLabel: z.string(),
  isUnverified: z.boolean().describe('界面须提示「周期为配置值，未经核实」'),
  note: z.string().nullable(),
  overrideId: z.string().nullable(),
});
export const ruleOverrideSchema = z.object({
  id: z.uuid(),
  ruleId: z.string(),
  validFrom: z.string(),
  params: z.record(z.string(), z.unknown()),
  confidence: z.enum(ruleConfidences).nullable(),
  source: z.string().nullable(),
  reason: z.string(),
  createdAt: z.string(),
});
export type RuleOverrideView = z.infer<typeof ruleOverrideSchema>;
export const inspectionRulesResponseSchema = z
  .object({
    ruleSetId: z.string(),
    version: z.string(),
    settings: z.object({ reinspectionDays: z.number().int(), basicPassRectificationDays: z.number().int(), warningDays: z.number().int() }),
    rules: z.array(ruleViewSchema),
    overrides: z.array(ruleOverrideSchema),
  })
  .meta({ id: 'EquipmentInspectionRules' });

export const createRuleOverrideInputSchema = z
  .object({
    ruleId: z.string().min(1).max(64).describe("规则 ID，或 'settings'（临期天数等）"),
    validFrom: isoDateSchema,
    params: z.record(z.string(), z.unknown()),
    confidence: z.enum(ruleConfidences).optional().describe('核实原文后可标为 P/S'),
    source: z.string().trim().min(1).max(200).optional(),
    reason: z.string().trim().min(1).max(500),
  })
  .strict();
export type CreateRuleOverrideInput = z.infer<typeof createRuleOverrideInputSchema>;
export const ruleOverrideResultSchema = z.object({ override: ruleOverrideSchema, recomputeJobId: z.uuid().nullable() });
