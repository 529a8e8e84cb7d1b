import type { Actor } from '../../../shared/actor';
import type { EnterpriseRecord } from '../../enterprises';
import { deviceAbilities } from './access-rules';
import { findCatalogueEntry } from './catalogue';
import { addDays, diffDays } from './date-math';
import type { OrgIndex } from './directory';
import type { DeviceListRecord } from './device-list-store';
import type { DeviceRecord } from './device-store';
import { registrationStatusLabels } from './enums';
import { inspectionTrackLabels, obligationLabels, ruleConfidenceLabels } from './inspection-rule-types';
import { classifyDueStatus } from './inspection-rules';
import { classifyDeviceDueDays, deviceDueColors } from './obligation-rules';
import type { ObligationRow } from './obligation-store';
import { isRegistrationOverdue, REGISTRATION_LIMIT_DAYS } from './registration-rules';
import { isUnverifiedRule, type EffectiveRuleSet } from './rule-overrides';
import type { DeviceDetail, DeviceListItem, ObligationView } from './view-schema';

/** Device records → API shapes (names from the directory, due status as of `today`). */
export type ViewContext = { org: OrgIndex; enterprises: ReadonlyMap<string, Pick<EnterpriseRecord, 'name'>>; today: string; warningDays: number };

const nameOf = (code: string | null) => (code ? (findCatalogueEntry(code)?.name ?? code) : null);

export function toListItem(d: DeviceListRecord, ctx: ViewContext): DeviceListItem {
  const daysToDue = d.nextDueOn ? diffDays(ctx.today, d.nextDueOn) : null;
  const dueStatus = classifyDeviceDueDays(d.status, daysToDue, ctx.warningDays);
  return {
    id: d.id,
    equipmentCode: d.equipmentCode,
    useRegistrationCertNo: d.useRegistrationCertNo,
    categoryCode: d.categoryCode,
    categoryName: nameOf(d.categoryCode) ?? d.categoryCode,
    kindCode: d.kindCode,
    kindName: nameOf(d.kindCode),
    varietyCode: d.varietyCode,
    varietyName: nameOf(d.varietyCode),
    productName: d.productName,
    model: d.model,
    factoryNo: d.factoryNo,
    useUnitId: d.useUnitId,
    useUnitName: ctx.enterprises.get(d.useUnitId)?.name ?? '（未知单位）',
    maintenanceUnitId: d.maintenanceUnitId,
    maintenanceUnitName: d.maintenanceUnitId ? (ctx.enterprises.get(d.maintenanceUnitId)?.name ?? '（未知单位）') : null,
    territoryOrgUnitId: d.territoryOrgUnitId,
    territoryName: ctx.org.nameOf(d.territoryOrgUnitId),
    useAddress: d.useAddress,
    location: d.lon !== null && d.lat !== null ? { lon: d.lon, lat: d.lat } : null,
    siteType: d.siteType,
    status: d.status,
    statusLabel: registrationStatusLabels[d.status].zh,
    registeredOn: d.registeredOn,
    commissioningDate: d.commissioningDate,
    isLateRegistration: d.isLateRegistration,
    nextDueOn: d.nextDueOn,
    nextDueMonth: d.nextDueMonth,
    nextObligation: d.nextObligation,
    nextDueTrack: d.nextDueTrack,
    dueStatus,
    dueColor: deviceDueColors[dueStatus],
    daysToDue,
    mustStop: d.mustStop,
    lastInspectedOn: d.lastInspectedOn,
    lastConclusion: d.lastConclusion,
    lastMaintainedOn: d.lastMaintainedOn,
    version: d.version,
    updatedAt: d.updatedAt,
  };
}

export function toObligationView(o: ObligationRow, ruleSet: EffectiveRuleSet, ctx: { today: string; warningDays: number }): ObligationView {
  const rule = ruleSet.rules.find((r) => r.id === o.ruleId);
  const unverified = isUnverifiedRule(o.ruleConfidence);
  return {
    id: o.id,
    track: o.track,
    trackLabel: inspectionTrackLabels[o.track].zh,
    obligation: o.obligation,
    obligationLabel: obligationLabels[o.obligation].zh,
    dueOn: o.dueOn,
    dueMonth: o.dueMonth,
    dueStatus: classifyDueStatus(o.dueOn, ctx.today, ctx.warningDays),
    ruleId: o.ruleId,
    ruleName: rule?.nameZh ?? o.ruleId,
    confidence: o.ruleConfidence,
    isUnverified: unverified,
    confidenceNote: unverified ? ruleConfidenceLabels['?'].zh : ruleConfidenceLabels[o.ruleConfidence].zh,
    mustStop: o.mustStop,
    explanation: o.explanation,
  };
}

export function toDetail(
  d: DeviceRecord,
  ctx: ViewContext & { actor: Actor; obligations: readonly ObligationRow[]; ruleSet: EffectiveRuleSet },
): DeviceDetail {
  const named = (id: string | null) => (id ? { id, name: ctx.enterprises.get(id)?.name ?? '（未知单位）' } : null);
  const deadline = d.commissioningDate ? addDays(d.commissioningDate, REGISTRATION_LIMIT_DAYS) : null;
  return {
    ...toListItem(d, ctx),
    registrationCode: d.registrationCode,
    certIssueDate: d.certIssueDate,
    internalNo: d.internalNo,
    designLifeYears: d.designLifeYears,
    manufacturerName: d.manufacturerName,
    manufacturerLicenceNo: d.manufacturerLicenceNo,
    manufactureDate: d.manufactureDate,
    installerName: d.installerName,
    installDate: d.installDate,
    installSupervisionDate: d.installSupervisionDate,
    scheduleRebasedOn: d.scheduleRebasedOn,
    propertyUnit: named(d.propertyUnitId),
    inspectionBody: named(d.inspectionBodyId),
    supervisingOrgUnit: d.supervisingOrgUnitId ? { id: d.supervisingOrgUnitId, name: ctx.org.nameOf(d.supervisingOrgUnitId) } : null,
    territoryPath: ctx.org.ancestry(d.territoryOrgUnitId).map((n) => ({ id: n.id, name: n.name, kind: n.kind })),
    regionCode: d.regionCode,
    isPublicService: d.isPublicService,
    safetyGrade: d.safetyGrade,
    params: d.params,
    flags: d.flags,
    insurance: d.insurance ?? null,
    statusChangedOn: d.statusChangedOn,
    stoppedOn: d.stoppedOn,
    scrappedOn: d.scrappedOn,
    deregisteredOn: d.deregisteredOn,
    registrationDeadlineOn: d.status === 'unregistered' ? deadline : null,
    isRegistrationOverdue: d.status === 'unregistered' && d.commissioningDate !== null && isRegistrationOverdue(d.commissioningDate, ctx.today),
    hasRuleGap: d.hasRuleGap,
    obligations: ctx.obligations.map((o) => toObligationView(o, ctx.ruleSet, ctx)),
    abilities: deviceAbilities(ctx.actor, d),
    createdAt: d.createdAt,
  };
}
