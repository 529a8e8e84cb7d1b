/**
 * Form values → API request bodies of the equipment pages (pure). Form fields are named like the
 * API's fields, so the API's field errors land on them; dates come from DatePickers (Dayjs) and go
 * out as `YYYY-MM-DD`; blank texts are left out (the schemas are `.strict()` and refuse empty strings).
 *
 *   buildInspection({ kind: 'periodic', inspectedOn: dayjs('2026-03-01'), conclusion: 'pass', … })
 *   // → { kind: 'periodic', inspectedOn: '2026-03-01', conclusion: 'pass', … }
 */
import type { Dayjs } from 'dayjs';
import type { DeviceFlag, InspectionConclusion, InspectionKind, RegistrationAction, SafetyGrade, SiteType } from '../../../domains/equipment-safety/equipment/enums';
import type {
  CreateDeviceRequest,
  MaintenanceKind,
  OperatorCertificateInput,
  RecordInspectionBody,
  RecordMaintenanceBody,
  RegistrationActionRequest,
} from '../../../domains/equipment-safety/equipment/schema';
import { classificationOf } from './equipment-format';

export const day = (d: Dayjs | null | undefined): string | undefined => (d ? d.format('YYYY-MM-DD') : undefined);

/** Trimmed text, or undefined when blank. */
export const text = (v: string | null | undefined): string | undefined => {
  const t = v?.trim();
  return t ? t : undefined;
};

/** Drops undefined values (so optional fields are absent, not `undefined`). */
function defined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

// ── register a device ───────────────────────────────────────────────────────────────────────

export type RegistrationMode = 'unregistered' | 'notified' | 'register';

export type DeviceFormValues = {
  classification?: string[];
  productName: string;
  model?: string;
  factoryNo?: string;
  internalNo?: string;
  designLifeYears?: number | null;
  manufacturerName?: string;
  manufacturerLicenceNo?: string;
  manufactureDate?: Dayjs | null;
  installerName?: string;
  installDate?: Dayjs | null;
  commissioningDate?: Dayjs | null;
  installSupervisionDate?: Dayjs | null;
  usingUnitId?: string;
  propertyUnitId?: string;
  maintenanceUnitId?: string;
  inspectionBodyId?: string;
  territoryOrgUnitId?: string;
  useAddress: string;
  location?: { lon?: number | null; lat?: number | null };
  regionCode?: string;
  siteType?: SiteType;
  isPublicService?: boolean;
  safetyGrade?: SafetyGrade | null;
  flags?: DeviceFlag[];
  registrationCode?: string;
  equipmentCode?: string;
  mode: RegistrationMode;
  registration?: { registeredOn?: Dayjs | null; useRegistrationCertNo?: string; certIssueDate?: Dayjs | null };
};

export function buildCreateDevice(v: DeviceFormValues): CreateDeviceRequest {
  const classification = classificationOf(v.classification);
  const lon = v.location?.lon;
  const lat = v.location?.lat;
  const registration =
    v.mode === 'register'
      ? defined({
          registeredOn: day(v.registration?.registeredOn) ?? '',
          useRegistrationCertNo: text(v.registration?.useRegistrationCertNo) ?? '',
          certIssueDate: day(v.registration?.certIssueDate),
          equipmentCode: text(v.equipmentCode),
        })
      : undefined;
  return defined({
    categoryCode: classification?.categoryCode ?? '',
    kindCode: classification?.kindCode ?? null,
    varietyCode: classification?.varietyCode ?? null,
    productName: v.productName.trim(),
    model: text(v.model),
    factoryNo: text(v.factoryNo),
    internalNo: text(v.internalNo),
    designLifeYears: v.designLifeYears ?? undefined,
    manufacturerName: text(v.manufacturerName),
    manufacturerLicenceNo: text(v.manufacturerLicenceNo),
    manufactureDate: day(v.manufactureDate),
    installerName: text(v.installerName),
    installDate: day(v.installDate),
    commissioningDate: day(v.commissioningDate),
    installSupervisionDate: day(v.installSupervisionDate),
    usingUnitId: v.usingUnitId ?? '',
    propertyUnitId: v.propertyUnitId,
    maintenanceUnitId: v.maintenanceUnitId,
    inspectionBodyId: v.inspectionBodyId,
    territoryOrgUnitId: v.territoryOrgUnitId ?? '',
    useAddress: v.useAddress.trim(),
    location: typeof lon === 'number' && typeof lat === 'number' ? { lon, lat } : undefined,
    regionCode: text(v.regionCode),
    siteType: v.siteType,
    isPublicService: v.isPublicService,
    safetyGrade: v.safetyGrade ?? undefined,
    flags: v.flags && v.flags.length > 0 ? v.flags : undefined,
    registrationCode: text(v.registrationCode),
    equipmentCode: v.mode === 'register' ? undefined : text(v.equipmentCode),
    initialStatus: v.mode === 'register' ? undefined : v.mode,
    registration,
  }) as CreateDeviceRequest;
}

/** The API names the classification fields separately; the form has one cascader. */
export function formFieldOfIssue(path: string): string {
  return /^(categoryCode|kindCode|varietyCode)$/.test(path) ? 'classification' : path;
}

// ── records ─────────────────────────────────────────────────────────────────────────────────

export type InspectionFormValues = {
  kind: InspectionKind;
  orgName: string;
  orgId?: string;
  reportNo: string;
  inspectors?: string[];
  bookedOn?: Dayjs | null;
  inspectedOn: Dayjs;
  conclusion: InspectionConclusion;
  safetyGrade?: SafetyGrade | null;
  periodMonths?: number | null;
  nextDueOn?: Dayjs | null;
  retestOn?: Dayjs | null;
  overdueReason?: string;
  issues?: Array<{ description?: string; rectifyBy?: Dayjs | null }>;
};

export function buildInspection(v: InspectionFormValues): RecordInspectionBody {
  const inspectors = (v.inspectors ?? []).map((s) => s.trim()).filter(Boolean);
  const issues = (v.issues ?? []).flatMap((i) => (text(i.description) ? [defined({ description: text(i.description) as string, rectifyBy: day(i.rectifyBy) })] : []));
  return defined({
    kind: v.kind,
    orgName: v.orgName.trim(),
    orgId: v.orgId,
    reportNo: v.reportNo.trim(),
    inspectors: inspectors.length > 0 ? inspectors : undefined,
    bookedOn: day(v.bookedOn),
    inspectedOn: day(v.inspectedOn) ?? '',
    conclusion: v.conclusion,
    safetyGrade: v.safetyGrade ?? undefined,
    periodMonths: v.periodMonths ?? undefined,
    nextDueOn: day(v.nextDueOn),
    issues: issues.length > 0 ? issues : undefined,
    retestOn: day(v.retestOn),
    overdueReason: text(v.overdueReason),
  }) as RecordInspectionBody;
}

/** Conclusions after which the device must stop (不合格, 不得使用). */
export function mustStopAfter(conclusion: InspectionConclusion | undefined): boolean {
  return conclusion === 'fail' || conclusion === 'no_use';
}

export type MaintenanceFormValues = {
  maintainedOn: Dayjs;
  kind: MaintenanceKind;
  maintenanceUnitId?: string;
  workers?: Array<{ name?: string; certificateNo?: string }>;
  notes?: string;
  isConfirmedByUsingUnit?: boolean;
};

export function buildMaintenance(v: MaintenanceFormValues): RecordMaintenanceBody {
  const workers = (v.workers ?? []).flatMap((w) => (text(w.name) ? [defined({ name: text(w.name) as string, certificateNo: text(w.certificateNo) })] : []));
  return defined({
    maintainedOn: day(v.maintainedOn) ?? '',
    kind: v.kind,
    maintenanceUnitId: v.maintenanceUnitId,
    workers,
    notes: text(v.notes),
    isConfirmedByUsingUnit: v.isConfirmedByUsingUnit,
  }) as RecordMaintenanceBody;
}

export type CertificateFormValues = {
  personName: string;
  idNumber?: string;
  certificateNo: string;
  workItemCode: string;
  workItemName?: string;
  issuedOn: Dayjs;
  expiresOn: Dayjs;
  issuingAuthority?: string;
};

export function buildCertificate(v: CertificateFormValues): OperatorCertificateInput {
  return defined({
    personName: v.personName.trim(),
    idNumber: text(v.idNumber),
    certificateNo: v.certificateNo.trim(),
    workItemCode: v.workItemCode.trim(),
    workItemName: text(v.workItemName),
    issuedOn: day(v.issuedOn) ?? '',
    expiresOn: day(v.expiresOn) ?? '',
    issuingAuthority: text(v.issuingAuthority),
  }) as OperatorCertificateInput;
}

// ── registration actions ────────────────────────────────────────────────────────────────────

export type RegistrationFormValues = {
  date?: Dayjs | null;
  registeredOn?: Dayjs | null;
  stoppedOn?: Dayjs | null;
  restartedOn?: Dayjs | null;
  expectedRestartOn?: Dayjs | null;
  commissioningDate?: Dayjs | null;
  certIssueDate?: Dayjs | null;
  reason?: string;
  note?: string;
  reportNo?: string;
  useRegistrationCertNo?: string;
  equipmentCode?: string;
  newUsingUnitId?: string;
  changes?: { useAddress?: string; territoryOrgUnitId?: string; installSupervisionDate?: Dayjs | null; designLifeYears?: number | null };
};

/** The date field each action's form asks for (named as in the API). */
export const actionDateField: Record<RegistrationAction, 'date' | 'registeredOn' | 'stoppedOn' | 'restartedOn'> = {
  passSupervision: 'date',
  register: 'registeredOn',
  stop: 'stoppedOn',
  restart: 'restartedOn',
  change: 'date',
  transfer: 'date',
  scrap: 'date',
  cancel: 'date',
};

export function buildRegistrationAction(action: RegistrationAction, version: number, v: RegistrationFormValues): RegistrationActionRequest {
  const note = text(v.note);
  switch (action) {
    case 'passSupervision':
      return defined({ action, version, date: day(v.date) ?? '', reportNo: text(v.reportNo), note });
    case 'register':
      return defined({
        action,
        version,
        registeredOn: day(v.registeredOn) ?? '',
        useRegistrationCertNo: text(v.useRegistrationCertNo) ?? '',
        certIssueDate: day(v.certIssueDate),
        equipmentCode: text(v.equipmentCode),
        commissioningDate: day(v.commissioningDate),
        note,
      });
    case 'stop':
      return defined({ action, version, stoppedOn: day(v.stoppedOn) ?? '', reason: text(v.reason) ?? '', expectedRestartOn: day(v.expectedRestartOn) });
    case 'restart':
      return defined({ action, version, restartedOn: day(v.restartedOn) ?? '', note });
    case 'change': {
      const c = v.changes ?? {};
      const changes = defined({
        useAddress: text(c.useAddress),
        territoryOrgUnitId: c.territoryOrgUnitId,
        installSupervisionDate: day(c.installSupervisionDate),
        designLifeYears: c.designLifeYears ?? undefined,
      });
      return defined({
        action,
        version,
        date: day(v.date) ?? '',
        reason: (v.reason ?? 'relocation') as 'relocation',
        useRegistrationCertNo: text(v.useRegistrationCertNo),
        changes: Object.keys(changes).length > 0 ? changes : undefined,
        note,
      });
    }
    case 'transfer':
      return defined({ action, version, date: day(v.date) ?? '', newUsingUnitId: v.newUsingUnitId ?? '', useRegistrationCertNo: text(v.useRegistrationCertNo), note });
    case 'scrap':
      return defined({ action, version, date: day(v.date) ?? '', reason: text(v.reason) ?? '' });
    case 'cancel':
      return defined({ action, version, date: day(v.date) ?? '', note });
  }
}
