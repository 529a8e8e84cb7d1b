/**
 * Creating and editing a hazard record (outside the action endpoint).
 *
 * Who may create which source [D] (domain.md §2.2 "creates hazard by"): enterprises only self-checks of their
 * own enterprise; townships patrols, public reports and complaints in their territory; departments
 * supervision findings, complaints and referrals for units they supervise; inspectors inspection findings;
 * the bureau every source; the office referrals, public reports, complaints and accident reviews.
 * Automatic sources (inspection overdue from §1.4, IoT) are created by the service as the system.
 *
 * Editing never touches the deadline (domain.md §2.4 rules, src 64): the edit input has no deadline field
 * and the patch below is built from an explicit field list.
 */
import { conflict, forbidden } from '../../../shared/errors';
import type { Role } from '../../../shared/roles';
import type { HazardActor, HazardRecord } from './hazard-actors';
import { resolveHazardRelations } from './hazard-actors';
import { defaultHazardRulesConfig } from './hazard-config';
import { assertDeadlineAllowed } from './hazard-deadline-rules';
import type { HazardRelation, HazardSource, HazardStatus } from './hazard-enums';
import { assertHazardVersion } from './hazard-rules';
import type { HazardRuleContext } from './hazard-rules';
import type { CreateHazardInput, Hazard, UpdateHazardInput } from './hazard-schema';

export const hazardSourceCreators: Record<HazardSource, readonly Role[]> = {
  self_check: ['enterprise'],
  supervision: ['bureau', 'department'],
  inspection_finding: ['bureau', 'inspector'],
  patrol: ['bureau', 'township'],
  public_report: ['bureau', 'township', 'office'],
  complaint: ['bureau', 'township', 'department', 'office'],
  referral: ['bureau', 'department', 'office'],
  iot_alarm: ['bureau'],
  accident_review: ['bureau', 'office'],
};

/** Fields the rules decide for a new hazard; the service adds id, number, texts, location and timestamps. */
export type NewHazardFields = Omit<HazardRecord, 'id' | 'hazardNo' | 'version' | 'title'>;

/** Checks that `actor` may create `input` and returns the initial record fields (status `draft`). */
export function prepareHazardCreation(actor: HazardActor, input: CreateHazardInput, context: HazardRuleContext): NewHazardFields {
  const deny = (why: string) => forbidden('hazard.forbidden_actor', why, { source: input.source, role: actor.role });
  if (!hazardSourceCreators[input.source].includes(actor.role)) throw deny('当前角色不能登记该来源的隐患');
  let supervisingOrgUnitId = input.supervisingOrgUnitId ?? null;
  if (actor.role === 'enterprise' && (!actor.enterpriseId || input.enterpriseId !== actor.enterpriseId)) {
    throw deny('企业只能登记本企业的自查隐患');
  }
  if (actor.role === 'township' && !actor.inScope(input.orgUnitId)) throw deny('只能登记本辖区的隐患');
  if (actor.role === 'department') {
    supervisingOrgUnitId = supervisingOrgUnitId ?? actor.orgUnitId;
    if (!actor.inScope(supervisingOrgUnitId)) throw deny('只能登记本部门监管的隐患');
  }
  if (input.deadline) {
    const config = context.config ?? defaultHazardRulesConfig;
    assertDeadlineAllowed(input.grade ?? 'general', input.deadline, context.today, config, context.calendar);
  }
  return {
    status: 'draft',
    grade: input.grade ?? null,
    source: input.source,
    orgUnitId: input.orgUnitId,
    supervisingOrgUnitId,
    enterpriseId: input.enterpriseId ?? null,
    reportedBy: actor.userId,
    deadline: input.deadline ?? null,
    isOverdue: false,
    isListed: false,
    listing: null,
    notice: null,
    plan: null,
    pendingExtension: null,
    beforePhotoIds: input.photos,
    afterPhotoIds: [],
    reviewDueOn: null,
    verificationDueOn: null,
    confirmedOn: null,
    closedOn: null,
    closeReason: null,
    reopenCount: 0,
    transferredToOrgUnitId: null,
  };
}

const terminalStatuses: readonly HazardStatus[] = ['invalid', 'transferred', 'closed'];
/** Who may edit an open (submitted, not closed) hazard: reviewers and the territory. */
export const hazardEditorRelations: readonly HazardRelation[] = ['bureau', 'supervising_department', 'territorial'];

/** Whether `actor` may edit `hazard` now (the detail page shows the edit button from this). */
export function mayEditHazard(hazard: HazardRecord, actor: HazardActor): boolean {
  if (terminalStatuses.includes(hazard.status)) return false;
  const relations = resolveHazardRelations(hazard, actor);
  return hazard.status === 'draft' ? relations.includes('reporter') : relations.some((r) => hazardEditorRelations.includes(r));
}

export type HazardEditPatch = Partial<
  Pick<Hazard, 'title' | 'description' | 'sourceRef' | 'enterpriseId' | 'equipmentId' | 'supervisingOrgUnitId' | 'location' | 'beforePhotoIds'>
>;

/**
 * Checks an edit and returns the patch (never a deadline). 409 `hazard.stale_version`, 409
 * `hazard.not_editable` for invalid/transferred/closed hazards, 403 `hazard.forbidden_actor` otherwise:
 * a draft only by its reporter, a submitted hazard by the bureau, the supervising department or the territory.
 */
export function applyHazardEdit(hazard: HazardRecord, input: UpdateHazardInput, actor: HazardActor): HazardEditPatch {
  assertHazardVersion(hazard, input.version);
  if (terminalStatuses.includes(hazard.status)) {
    throw conflict('hazard.not_editable', '已办结的隐患不能编辑', { status: hazard.status });
  }
  if (!mayEditHazard(hazard, actor)) throw forbidden('hazard.forbidden_actor', '当前用户无权编辑该隐患', { status: hazard.status });
  const patch: HazardEditPatch = {};
  if (input.title !== undefined) patch.title = input.title;
  if (input.description !== undefined) patch.description = input.description;
  if (input.sourceRef !== undefined) patch.sourceRef = input.sourceRef;
  if (input.enterpriseId !== undefined) patch.enterpriseId = input.enterpriseId;
  if (input.equipmentId !== undefined) patch.equipmentId = input.equipmentId;
  if (input.supervisingOrgUnitId !== undefined) patch.supervisingOrgUnitId = input.supervisingOrgUnitId;
  if (input.location !== undefined) patch.location = input.location;
  if (input.addPhotos !== undefined) {
    patch.beforePhotoIds = [...new Set([...hazard.beforePhotoIds, ...input.addPhotos])];
  }
  return patch;
}
