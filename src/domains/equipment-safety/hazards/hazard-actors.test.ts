import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/errors';
import type { HazardActionInput } from './hazard-action-schema';
import type { HazardRecord } from './hazard-actors';
import { resolveHazardRelations } from './hazard-actors';
import type { HazardActionName } from './hazard-enums';
import { nextHazardState } from './hazard-rules';
import { actors, ids, makeHazard, weekendsOnly } from './hazard-test-support';
import type { ActorKey } from './hazard-test-support';
import { availableHazardActions, checkHazardAction } from './hazard-transition-table';

const ctx = { today: '2025-03-03', calendar: weekendsOnly };

function outcome(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (e) {
    if (e instanceof DomainError) return `${e.kind}:${e.code}`;
    throw e;
  }
}

const reported = makeHazard({ status: 'reported' });
const confirmedMajor = makeHazard({ status: 'confirmed', grade: 'major', confirmedOn: '2025-03-01' });
const rectifying = makeHazard({ status: 'rectifying', grade: 'general', confirmedOn: '2025-03-01', deadline: '2025-03-20' });
const rectifyingMajor = { ...rectifying, grade: 'major' as const };
const pendingGeneral = makeHazard({ status: 'pending_verification', grade: 'general', deadline: '2025-03-20', afterPhotoIds: [ids.photoAfter] });
const pendingMajor = { ...pendingGeneral, grade: 'major' as const };
const pendingMajorListed = { ...pendingMajor, isListed: true };
const withExtension = (h: HazardRecord, isListed: boolean): HazardRecord => ({
  ...h,
  grade: 'major',
  isListed,
  pendingExtension: { newDeadline: '2025-04-30', reason: 'x', requestedOn: '2025-03-01', decisionDueOn: '2025-03-14' },
});
const noEnterprise = { ...rectifying, enterpriseId: null };
const noDepartment = { ...reported, supervisingOrgUnitId: null };

describe('checkHazardAction: actor relations', () => {
  it.each<[string, HazardRecord, HazardActionName, ActorKey, 'ok' | 'forbidden']>([
    ['the reporter submits the draft', makeHazard(), 'submit', 'reporter', 'ok'],
    ['another town1 user cannot submit someone else’s draft', makeHazard(), 'submit', 'town1', 'forbidden'],
    ['the bureau cannot submit someone else’s draft', makeHazard(), 'submit', 'bureau', 'forbidden'],
    ['an inspector submits its own draft', makeHazard({ reportedBy: ids.userInspector }), 'submit', 'inspector', 'ok'],
    ['an enterprise user is reporter only of its own enterprise’s hazard', makeHazard({ reportedBy: ids.userEnt2 }), 'submit', 'ent2', 'forbidden'],
    ['ent1 files the plan of its own major hazard', confirmedMajor, 'file_plan', 'ent1', 'ok'],
    ['ent2 cannot file the plan of ent1’s hazard', confirmedMajor, 'file_plan', 'ent2', 'forbidden'],
    ['ent1 requests an extension as responsible unit', rectifying, 'request_extension', 'ent1', 'ok'],
    ['ent2 cannot request an extension for ent1', rectifying, 'request_extension', 'ent2', 'forbidden'],
    ['ent1 submits its rectification', rectifying, 'submit_rectification', 'ent1', 'ok'],
    ['ent2 cannot submit ent1’s rectification', rectifying, 'submit_rectification', 'ent2', 'forbidden'],
    ['ent1 cannot confirm', reported, 'confirm', 'ent1', 'forbidden'],
    ['ent1 cannot reject', reported, 'reject', 'ent1', 'forbidden'],
    ['ent1 cannot change the grade', rectifying, 'change_grade', 'ent1', 'forbidden'],
    ['ent1 cannot verify its own work', pendingGeneral, 'verify_pass', 'ent1', 'forbidden'],
    ['ent1 cannot close by elimination', rectifying, 'close_by_elimination', 'ent1', 'forbidden'],
    ['the bureau confirms', reported, 'confirm', 'bureau', 'ok'],
    ['the supervising department confirms', reported, 'confirm', 'dept1', 'ok'],
    ['another department cannot confirm', reported, 'confirm', 'dept2', 'forbidden'],
    ['no department reviews a hazard without a supervising department', noDepartment, 'confirm', 'dept1', 'forbidden'],
    ['a township does not review', reported, 'confirm', 'town1', 'forbidden'],
    ['the office does not review', reported, 'confirm', 'office', 'forbidden'],
    ['an inspector does not review', reported, 'confirm', 'inspector', 'forbidden'],
    ['the admin has no workflow rights', reported, 'confirm', 'admin', 'forbidden'],
    ['the bureau issues the notice', makeHazard({ status: 'confirmed', grade: 'general' }), 'issue_notice', 'bureau', 'ok'],
    ['a township cannot issue a notice', makeHazard({ status: 'confirmed', grade: 'general' }), 'issue_notice', 'town1', 'forbidden'],
    ['town1 verifies a general hazard in its territory', pendingGeneral, 'verify_pass', 'town1', 'ok'],
    ['town2 cannot verify outside its territory', pendingGeneral, 'verify_pass', 'town2', 'forbidden'],
    ['the supervising department verifies a general hazard', pendingGeneral, 'verify_fail', 'dept1', 'ok'],
    ['an inspector cannot verify', pendingGeneral, 'verify_pass', 'inspector', 'forbidden'],
    ['town1 cannot verify a major hazard', pendingMajor, 'verify_pass', 'town1', 'forbidden'],
    ['the bureau verifies an unlisted major hazard', pendingMajor, 'verify_pass', 'bureau', 'ok'],
    ['the bureau cannot verify a listed major hazard', pendingMajorListed, 'verify_pass', 'bureau', 'forbidden'],
    ['the office (listing unit) verifies a listed major hazard', pendingMajorListed, 'verify_pass', 'office', 'ok'],
    ['the office does not verify general hazards', pendingGeneral, 'verify_pass', 'office', 'forbidden'],
    ['the office lists a major hazard', rectifyingMajor, 'list_for_supervision', 'office', 'ok'],
    ['the bureau cannot list', rectifyingMajor, 'list_for_supervision', 'bureau', 'forbidden'],
    ['the bureau decides an unlisted extension', withExtension(rectifying, false), 'decide_extension', 'bureau', 'ok'],
    ['the office cannot decide an unlisted extension', withExtension(rectifying, false), 'decide_extension', 'office', 'forbidden'],
    ['the office decides a listed extension', withExtension(rectifying, true), 'decide_extension', 'office', 'ok'],
    ['the bureau cannot decide a listed extension', withExtension(rectifying, true), 'decide_extension', 'bureau', 'forbidden'],
    ['without an enterprise, town1 rectifies as 属地', noEnterprise, 'submit_rectification', 'town1', 'ok'],
    ['without an enterprise, town2 cannot', noEnterprise, 'submit_rectification', 'town2', 'forbidden'],
    ['without an enterprise, ent1 cannot', noEnterprise, 'submit_rectification', 'ent1', 'forbidden'],
    ['the bureau records an on-the-spot rectification', reported, 'submit_rectification', 'bureau', 'ok'],
    ['town1 cannot record an on-the-spot rectification for ent1', reported, 'submit_rectification', 'town1', 'forbidden'],
    ['only the bureau closes by elimination', rectifying, 'close_by_elimination', 'office', 'forbidden'],
    ['town1 reopens a closed hazard', makeHazard({ status: 'closed', grade: 'general', closeReason: 'verified' }), 'reopen', 'town1', 'ok'],
    ['town2 cannot reopen outside its territory', makeHazard({ status: 'closed', grade: 'general', closeReason: 'verified' }), 'reopen', 'town2', 'forbidden'],
  ])('%s', (_name, hazard, action, actor, expected) => {
    const result = outcome(() => checkHazardAction(hazard, action, actors[actor]));
    expect(result).toBe(expected === 'ok' ? 'ok' : 'forbidden:hazard.forbidden_actor');
  });

  it('gives ent1 no relation to ent2’s hazard and only the responsible-unit relation to its own', () => {
    expect(resolveHazardRelations(rectifying, actors.ent1)).toEqual(['responsible_unit']);
    expect(resolveHazardRelations({ ...rectifying, enterpriseId: ids.ent2 }, actors.ent1)).toEqual([]);
  });
});

describe('availableHazardActions', () => {
  it.each<[string, HazardRecord, ActorKey, HazardActionName[]]>([
    ['ent1 on its rectifying general hazard', rectifying, 'ent1', ['request_extension', 'submit_rectification']],
    ['ent2 on ent1’s hazard', rectifying, 'ent2', []],
    ['the bureau on a rectifying general hazard', rectifying, 'bureau', ['transfer', 'change_grade', 'close_by_elimination']],
    ['the office on a listed major hazard with a pending extension', withExtension(rectifying, true), 'office', ['decide_extension']],
    ['town1 on a confirmed general hazard of ent1', makeHazard({ status: 'confirmed', grade: 'general' }), 'town1', ['change_grade']],
    ['town1 on a confirmed major hazard (cannot lower)', confirmedMajor, 'town1', []],
    ['the bureau on a confirmed major hazard', confirmedMajor, 'bureau', ['transfer', 'change_grade', 'issue_notice', 'close_by_elimination']],
    ['the reporter on its draft', makeHazard(), 'reporter', ['submit']],
    ['the bureau on a reported general hazard', reported, 'bureau', ['reject', 'confirm', 'submit_rectification', 'close_by_elimination']],
  ])('%s', (_name, hazard, actor, expected) => {
    expect(availableHazardActions(hazard, actors[actor])).toEqual(expected);
  });
});

describe('grade rules', () => {
  const change = (grade: 'general' | 'major', reason?: string): HazardActionInput =>
    reason === undefined ? { action: 'change_grade', version: 3, grade } : { action: 'change_grade', version: 3, grade, reason };
  const major = { ...rectifying, grade: 'major' as const };

  it.each<[string, HazardRecord, HazardActionInput, ActorKey, string]>([
    ['town1 raises 一般 → 重大', rectifying, change('major'), 'town1', 'ok'],
    ['the office raises 一般 → 重大', rectifying, change('major'), 'office', 'ok'],
    ['town1 cannot lower (not a reviewer)', major, change('general', '已排除'), 'town1', 'forbidden:hazard.forbidden_actor'],
    ['the bureau lowers with a reason', major, change('general', '复核后不属重大'), 'bureau', 'ok'],
    ['the bureau cannot lower without a reason', major, change('general'), 'bureau', 'invalid:hazard.lower_grade_reason_required'],
    ['nobody lowers a listed hazard', { ...major, isListed: true }, change('general', '理由'), 'bureau', 'conflict:hazard.listed_grade_locked'],
    ['an unchanged grade is refused', rectifying, change('general'), 'bureau', 'invalid:hazard.grade_unchanged'],
    ['confirming below the proposal needs a reason', { ...reported, grade: 'major' }, { action: 'confirm', version: 3, grade: 'general' }, 'bureau', 'invalid:hazard.lower_grade_reason_required'],
    ['confirming below the proposal with a reason', { ...reported, grade: 'major' }, { action: 'confirm', version: 3, grade: 'general', lowerGradeReason: '不构成重大' }, 'bureau', 'ok'],
    ['confirming above the proposal needs no reason', reported, { action: 'confirm', version: 3, grade: 'major' }, 'bureau', 'ok'],
  ])('%s', (_name, hazard, input, actor, expected) => {
    expect(outcome(() => nextHazardState(hazard, input, actors[actor], ctx))).toBe(expected);
  });

  it('sets the new grade and keeps status and deadline', () => {
    const r = nextHazardState(rectifying, change('major'), actors.town1, ctx);
    expect(r.patch).toMatchObject({ grade: 'major', status: 'rectifying' });
    expect(r.patch.deadline).toBeUndefined();
  });
});
