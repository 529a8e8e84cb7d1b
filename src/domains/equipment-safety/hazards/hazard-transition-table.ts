/**
 * The hazard state table (domain.md §2.4) as data, and the checks built on it.
 *
 * A row allows `action` in status `from`, leading to one of `to` (the payload picks when there are two),
 * provided the hazard meets `when` (otherwise 409 `hazard.invalid_transition`) and the actor holds one of
 * the `actors` grants (otherwise 403 `hazard.forbidden_actor`). Precedence: a stale version (409), then an
 * action impossible in the state or for this hazard (409) regardless of who asks, then the actor (403),
 * then the payload (400).
 *
 * A `grade: 'general'` condition or grant also matches a hazard whose grade is still unset (a report is
 * treated as general until a reviewer grades it).
 */
import { conflict, forbidden } from '../../../shared/errors';
import type { HazardActor, HazardRecord } from './hazard-actors';
import { resolveHazardRelations } from './hazard-actors';
import type { HazardActionName, HazardCloseReason, HazardGrade, HazardRelation, HazardStatus } from './hazard-enums';
import { hazardActions } from './hazard-enums';

export type HazardCondition = {
  grade?: HazardGrade;
  isListed?: boolean;
  hasPendingExtension?: boolean;
  closeReason?: HazardCloseReason;
};

export type HazardActorGrant = { relation: HazardRelation; grade?: HazardGrade; isListed?: boolean };

export type HazardTransitionRow = {
  from: HazardStatus;
  action: HazardActionName;
  to: readonly HazardStatus[];
  when?: HazardCondition;
  actors: readonly HazardActorGrant[];
  /** Row number(s) of domain.md §2.4 the row implements. */
  basis: string;
};

const grants = (...relations: HazardRelation[]): HazardActorGrant[] => relations.map((relation) => ({ relation }));

/** Reviewers (核定): bureau and the supervising department (§2.4 rows 3–4 "bureau/dept reviewer"). */
export const reviewerRelations: readonly HazardRelation[] = ['bureau', 'supervising_department'];
const reviewers = grants(...reviewerRelations);
/** Who may raise a grade; lowering additionally needs a reviewer relation and a reason. */
const gradeChangers = grants('bureau', 'supervising_department', 'territorial', 'office');
/** Verifiers (复查, §2.4 row 11): general → bureau/station, 属地 or the supervising department;
 *  major → the listing unit (office) when listed, otherwise the bureau or the office (属地安委办). */
const verifiers: HazardActorGrant[] = [
  { relation: 'bureau', grade: 'general' },
  { relation: 'territorial', grade: 'general' },
  { relation: 'supervising_department', grade: 'general' },
  { relation: 'bureau', grade: 'major', isListed: false },
  { relation: 'office', grade: 'major' },
];
/** Extension decisions (§2.4 row 9): the listing unit for listed hazards, otherwise the reviewers. */
const extensionDeciders: HazardActorGrant[] = [
  { relation: 'bureau', isListed: false },
  { relation: 'supervising_department', isListed: false },
  { relation: 'office', isListed: true },
];
const supervisors = grants('bureau', 'supervising_department', 'territorial', 'office');
const onSpot = grants('responsible_unit', 'bureau');

export const hazardTransitionTable: readonly HazardTransitionRow[] = [
  { from: 'draft', action: 'submit', to: ['reported'], actors: grants('reporter'), basis: '2' },
  { from: 'reported', action: 'reject', to: ['invalid', 'transferred'], actors: reviewers, basis: '3' },
  { from: 'reported', action: 'confirm', to: ['confirmed'], actors: reviewers, basis: '4' },
  { from: 'reported', action: 'submit_rectification', to: ['pending_verification'], when: { grade: 'general' }, actors: onSpot, basis: '5' },
  { from: 'reported', action: 'close_by_elimination', to: ['closed'], actors: grants('bureau'), basis: '15' },
  { from: 'confirmed', action: 'transfer', to: ['transferred'], actors: reviewers, basis: '3 (after review)' },
  { from: 'confirmed', action: 'change_grade', to: ['confirmed'], actors: gradeChangers, basis: 'rules: grade' },
  { from: 'confirmed', action: 'issue_notice', to: ['rectifying'], actors: reviewers, basis: '6' },
  { from: 'confirmed', action: 'file_plan', to: ['rectifying'], when: { grade: 'major' }, actors: grants('responsible_unit'), basis: '7' },
  { from: 'confirmed', action: 'submit_rectification', to: ['pending_verification'], when: { grade: 'general' }, actors: onSpot, basis: '5' },
  { from: 'confirmed', action: 'close_by_elimination', to: ['closed'], actors: grants('bureau'), basis: '15' },
  { from: 'rectifying', action: 'transfer', to: ['transferred'], when: { isListed: false }, actors: reviewers, basis: '3 (after review)' },
  { from: 'rectifying', action: 'change_grade', to: ['rectifying'], actors: gradeChangers, basis: 'rules: grade' },
  { from: 'rectifying', action: 'file_plan', to: ['rectifying'], when: { grade: 'major' }, actors: grants('responsible_unit'), basis: '7' },
  { from: 'rectifying', action: 'list_for_supervision', to: ['rectifying'], when: { grade: 'major', isListed: false }, actors: grants('office'), basis: '8' },
  { from: 'rectifying', action: 'request_extension', to: ['rectifying'], when: { hasPendingExtension: false }, actors: grants('responsible_unit'), basis: '9' },
  { from: 'rectifying', action: 'decide_extension', to: ['rectifying'], when: { hasPendingExtension: true }, actors: extensionDeciders, basis: '9' },
  { from: 'rectifying', action: 'submit_rectification', to: ['pending_verification'], actors: grants('responsible_unit'), basis: '10' },
  { from: 'rectifying', action: 'close_by_elimination', to: ['closed'], actors: grants('bureau'), basis: '15' },
  { from: 'pending_verification', action: 'change_grade', to: ['pending_verification'], actors: gradeChangers, basis: 'rules: grade' },
  { from: 'pending_verification', action: 'verify_pass', to: ['closed'], actors: verifiers, basis: '5, 11' },
  { from: 'pending_verification', action: 'verify_fail', to: ['rectifying'], actors: verifiers, basis: '12' },
  { from: 'pending_verification', action: 'close_by_elimination', to: ['closed'], actors: grants('bureau'), basis: '15' },
  { from: 'closed', action: 'reopen', to: ['rectifying'], when: { closeReason: 'verified' }, actors: supervisors, basis: '14' },
];

function effectiveGrade(hazard: HazardRecord): HazardGrade {
  return hazard.grade ?? 'general';
}

/** The condition keys `hazard` fails (empty when it meets `when`). */
function failedConditions(hazard: HazardRecord, when: HazardCondition | undefined): string[] {
  if (!when) return [];
  const failed: string[] = [];
  if (when.grade !== undefined && effectiveGrade(hazard) !== when.grade) failed.push(`grade=${when.grade}`);
  if (when.isListed !== undefined && hazard.isListed !== when.isListed) failed.push(`isListed=${when.isListed}`);
  if (when.hasPendingExtension !== undefined && (hazard.pendingExtension !== null) !== when.hasPendingExtension) {
    failed.push(`hasPendingExtension=${when.hasPendingExtension}`);
  }
  if (when.closeReason !== undefined && hazard.closeReason !== when.closeReason) failed.push(`closeReason=${when.closeReason}`);
  return failed;
}

function grantMatches(grant: HazardActorGrant, hazard: HazardRecord, relations: readonly HazardRelation[]): boolean {
  if (!relations.includes(grant.relation)) return false;
  if (grant.grade !== undefined && effectiveGrade(hazard) !== grant.grade) return false;
  if (grant.isListed !== undefined && hazard.isListed !== grant.isListed) return false;
  return true;
}

/** The row for (status, action), or null. */
export function findHazardTransition(from: HazardStatus, action: HazardActionName): HazardTransitionRow | null {
  return hazardTransitionTable.find((r) => r.from === from && r.action === action) ?? null;
}

/** True when `actor` holds one of `relations` to `hazard` (used for the lower-grade reviewer check). */
export function actorHoldsRelation(hazard: HazardRecord, actor: HazardActor, relations: readonly HazardRelation[]): boolean {
  return resolveHazardRelations(hazard, actor).some((r) => relations.includes(r));
}

/**
 * Checks that `action` is possible for `hazard` in its state and allowed for `actor`; returns the row.
 * Throws 409 `hazard.invalid_transition` or 403 `hazard.forbidden_actor`.
 */
export function checkHazardAction(hazard: HazardRecord, action: HazardActionName, actor: HazardActor): HazardTransitionRow {
  const row = findHazardTransition(hazard.status, action);
  if (!row) {
    throw conflict('hazard.invalid_transition', `隐患状态为“${hazard.status}”时不能执行“${action}”`, {
      status: hazard.status,
      action,
    });
  }
  const failed = failedConditions(hazard, row.when);
  if (failed.length > 0) {
    throw conflict('hazard.invalid_transition', `该隐患当前不满足“${action}”的条件`, { status: hazard.status, action, failed });
  }
  const relations = resolveHazardRelations(hazard, actor);
  if (!row.actors.some((g) => grantMatches(g, hazard, relations))) {
    throw forbidden('hazard.forbidden_actor', `当前用户无权对该隐患执行“${action}”`, { action, relations });
  }
  return row;
}

/** The actions `actor` may take on `hazard` now, in the order of `hazardActions` (for the UI's buttons). */
export function availableHazardActions(hazard: HazardRecord, actor: HazardActor): HazardActionName[] {
  return hazardActions.filter((action) => {
    const row = findHazardTransition(hazard.status, action);
    if (!row || failedConditions(hazard, row.when).length > 0) return false;
    const relations = resolveHazardRelations(hazard, actor);
    if (!row.actors.some((g) => grantMatches(g, hazard, relations))) return false;
    // A major hazard can only be lowered: by a reviewer, and not while listed.
    if (action === 'change_grade' && effectiveGrade(hazard) === 'major') {
      return !hazard.isListed && relations.some((r) => reviewerRelations.includes(r));
    }
    return true;
  });
}
