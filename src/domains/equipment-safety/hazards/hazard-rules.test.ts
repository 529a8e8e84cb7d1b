import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/errors';
import type { HazardActionInput } from './hazard-action-schema';
import type { HazardRecord } from './hazard-actors';
import type { HazardActionName, HazardStatus } from './hazard-enums';
import { nextHazardState } from './hazard-rules';
import { actors, ids, makeHazard, weekendsOnly } from './hazard-test-support';
import type { ActorKey } from './hazard-test-support';

const today = '2025-03-03';
const ctx = { today, calendar: weekendsOnly };

/** One valid payload per action (version 3 = makeHazard's version). */
const inputs: Record<HazardActionName, HazardActionInput> = {
  submit: { action: 'submit', version: 3 },
  reject: { action: 'reject', version: 3, disposition: 'invalid', reason: '重复报告' },
  transfer: { action: 'transfer', version: 3, toOrgUnitId: ids.dept2, reason: '属住建部门监管' },
  confirm: { action: 'confirm', version: 3, grade: 'general' },
  change_grade: { action: 'change_grade', version: 3, grade: 'major' },
  issue_notice: { action: 'issue_notice', version: 3, kind: 'rectification_notice', note: '限期整改' },
  file_plan: {
    action: 'file_plan',
    version: 3,
    plan: {
      measures: '更换制动器',
      funds: { amountYuan: '12000.00' },
      responsiblePerson: '张三',
      deadline: '2025-03-18',
      contingency: '停用并设置警示',
    },
  },
  list_for_supervision: { action: 'list_for_supervision', version: 3, level: 'county', listingUnit: '海门市安委会', note: '挂牌督办' },
  request_extension: { action: 'request_extension', version: 3, newDeadline: '2025-04-30', reason: '配件到货延迟' },
  decide_extension: { action: 'decide_extension', version: 3, approve: true, comment: '同意' },
  submit_rectification: { action: 'submit_rectification', version: 3, note: '已更换', afterPhotos: [ids.photoAfter] },
  verify_pass: { action: 'verify_pass', version: 3, note: '复查合格' },
  verify_fail: { action: 'verify_fail', version: 3, note: '仍有异响' },
  reopen: { action: 'reopen', version: 3, reason: '回头看发现复发' },
  close_by_elimination: { action: 'close_by_elimination', version: 3, basis: 'device_scrapped', reason: '设备已报废' },
};

const base: Record<HazardStatus, Partial<HazardRecord>> = {
  draft: { status: 'draft' },
  reported: { status: 'reported' },
  invalid: { status: 'invalid' },
  transferred: { status: 'transferred', transferredToOrgUnitId: ids.dept2 },
  confirmed: { status: 'confirmed', grade: 'general', confirmedOn: '2025-03-01' },
  rectifying: { status: 'rectifying', grade: 'general', confirmedOn: '2025-03-01', deadline: '2025-03-20' },
  pending_verification: {
    status: 'pending_verification',
    grade: 'general',
    confirmedOn: '2025-03-01',
    deadline: '2025-03-20',
    afterPhotoIds: [ids.photoAfter],
  },
  closed: { status: 'closed', grade: 'general', confirmedOn: '2025-02-01', deadline: '2025-02-11', closedOn: '2025-02-10', closeReason: 'verified' },
};

type AllowedCase = {
  from: HazardStatus;
  action: HazardActionName;
  to: HazardStatus;
  actor: ActorKey;
  hazard?: Partial<HazardRecord>;
  input?: HazardActionInput;
};

/** Written out by hand from domain.md §2.4 (rows 2–15) and the decisions in the report — not imported. */
const allowed: AllowedCase[] = [
  { from: 'draft', action: 'submit', to: 'reported', actor: 'reporter' },
  { from: 'reported', action: 'reject', to: 'invalid', actor: 'bureau' },
  {
    from: 'reported',
    action: 'reject',
    to: 'transferred',
    actor: 'dept1',
    input: { action: 'reject', version: 3, disposition: 'transferred', reason: '不属本部门', transferToOrgUnitId: ids.dept2 },
  },
  { from: 'reported', action: 'confirm', to: 'confirmed', actor: 'bureau' },
  { from: 'reported', action: 'submit_rectification', to: 'pending_verification', actor: 'ent1' },
  { from: 'reported', action: 'close_by_elimination', to: 'closed', actor: 'bureau' },
  { from: 'confirmed', action: 'transfer', to: 'transferred', actor: 'bureau' },
  { from: 'confirmed', action: 'change_grade', to: 'confirmed', actor: 'town1' },
  { from: 'confirmed', action: 'issue_notice', to: 'rectifying', actor: 'bureau' },
  { from: 'confirmed', action: 'file_plan', to: 'rectifying', actor: 'ent1', hazard: { grade: 'major' } },
  { from: 'confirmed', action: 'submit_rectification', to: 'pending_verification', actor: 'bureau' },
  { from: 'confirmed', action: 'close_by_elimination', to: 'closed', actor: 'bureau' },
  { from: 'rectifying', action: 'transfer', to: 'transferred', actor: 'dept1' },
  { from: 'rectifying', action: 'change_grade', to: 'rectifying', actor: 'office' },
  { from: 'rectifying', action: 'file_plan', to: 'rectifying', actor: 'ent1', hazard: { grade: 'major' } },
  { from: 'rectifying', action: 'list_for_supervision', to: 'rectifying', actor: 'office', hazard: { grade: 'major' } },
  { from: 'rectifying', action: 'request_extension', to: 'rectifying', actor: 'ent1' },
  {
    from: 'rectifying',
    action: 'decide_extension',
    to: 'rectifying',
    actor: 'bureau',
    hazard: { pendingExtension: { newDeadline: '2025-04-30', reason: '配件', requestedOn: '2025-03-01', decisionDueOn: '2025-03-14' } },
  },
  { from: 'rectifying', action: 'submit_rectification', to: 'pending_verification', actor: 'ent1' },
  { from: 'rectifying', action: 'close_by_elimination', to: 'closed', actor: 'bureau' },
  { from: 'pending_verification', action: 'change_grade', to: 'pending_verification', actor: 'bureau' },
  { from: 'pending_verification', action: 'verify_pass', to: 'closed', actor: 'town1' },
  { from: 'pending_verification', action: 'verify_fail', to: 'rectifying', actor: 'bureau' },
  { from: 'pending_verification', action: 'close_by_elimination', to: 'closed', actor: 'bureau' },
  { from: 'closed', action: 'reopen', to: 'rectifying', actor: 'town1' },
];

const allStatuses: HazardStatus[] = ['draft', 'reported', 'invalid', 'transferred', 'confirmed', 'rectifying', 'pending_verification', 'closed'];
const allActions = Object.keys(inputs) as HazardActionName[];
const allowedPairs = new Set(allowed.map((c) => `${c.from}/${c.action}`));
const forbiddenPairs = allStatuses.flatMap((from) =>
  allActions.filter((action) => !allowedPairs.has(`${from}/${action}`)).map((action) => ({ from, action })),
);

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('nextHazardState: allowed transitions', () => {
  it.each(allowed)('$from --$action--> $to (as $actor)', (c) => {
    const hazard = makeHazard({ ...base[c.from], ...c.hazard });
    const result = nextHazardState(hazard, c.input ?? inputs[c.action], actors[c.actor], ctx);
    expect(result.from).toBe(c.from);
    expect(result.to).toBe(c.to);
    expect(result.patch.status).toBe(c.to);
    expect(result.event).toMatchObject({ action: c.action, fromStatus: c.from, toStatus: c.to, actorId: actors[c.actor].userId, on: today });
  });

  it('covers 24 (status, action) pairs and leaves 96 of the 8 × 15 forbidden', () => {
    expect(allowedPairs.size).toBe(24);
    expect(forbiddenPairs).toHaveLength(96);
  });
});

describe('nextHazardState: forbidden transitions', () => {
  it.each(forbiddenPairs.flatMap((p) => [{ ...p, actor: 'bureau' as const }, { ...p, actor: 'ent2' as const }]))(
    '$from --$action--> 409 hazard.invalid_transition (as $actor)',
    ({ from, action, actor }) => {
      const error = thrown(() => nextHazardState(makeHazard(base[from]), inputs[action], actors[actor], ctx));
      expect(error.kind).toBe('conflict');
      expect(error.code).toBe('hazard.invalid_transition');
    },
  );
});

describe('nextHazardState: rows whose hazard condition fails are 409 even for an allowed actor', () => {
  const pending = { newDeadline: '2025-04-30', reason: 'x', requestedOn: '2025-03-01', decisionDueOn: '2025-03-14' };
  it.each<{ name: string; from: HazardStatus; action: HazardActionName; actor: ActorKey; hazard: Partial<HazardRecord> }>([
    { name: 'on-the-spot rectification of a major report', from: 'reported', action: 'submit_rectification', actor: 'ent1', hazard: { grade: 'major' } },
    { name: 'on-the-spot rectification of a confirmed major hazard', from: 'confirmed', action: 'submit_rectification', actor: 'ent1', hazard: { grade: 'major' } },
    { name: 'a treatment plan for a general hazard (confirmed)', from: 'confirmed', action: 'file_plan', actor: 'ent1', hazard: { grade: 'general' } },
    { name: 'a treatment plan for a general hazard (rectifying)', from: 'rectifying', action: 'file_plan', actor: 'ent1', hazard: { grade: 'general' } },
    { name: 'listing a general hazard', from: 'rectifying', action: 'list_for_supervision', actor: 'office', hazard: { grade: 'general' } },
    { name: 'listing twice', from: 'rectifying', action: 'list_for_supervision', actor: 'office', hazard: { grade: 'major', isListed: true } },
    { name: 'transferring a listed hazard', from: 'rectifying', action: 'transfer', actor: 'bureau', hazard: { grade: 'major', isListed: true } },
    { name: 'a second extension request while one is pending', from: 'rectifying', action: 'request_extension', actor: 'ent1', hazard: { pendingExtension: pending } },
    { name: 'deciding an extension nobody requested', from: 'rectifying', action: 'decide_extension', actor: 'bureau', hazard: {} },
    { name: 'reopening a hazard closed by elimination', from: 'closed', action: 'reopen', actor: 'bureau', hazard: { closeReason: 'eliminated_by_closure' } },
  ])('rejects $name', ({ from, action, actor, hazard }) => {
    const error = thrown(() => nextHazardState(makeHazard({ ...base[from], ...hazard }), inputs[action], actors[actor], ctx));
    expect([error.kind, error.code]).toEqual(['conflict', 'hazard.invalid_transition']);
  });
});

describe('nextHazardState: version', () => {
  it('answers 409 hazard.stale_version for a stale version', () => {
    const error = thrown(() => nextHazardState(makeHazard(base.reported), { ...inputs.confirm, version: 2 }, actors.bureau, ctx));
    expect([error.kind, error.code]).toEqual(['conflict', 'hazard.stale_version']);
  });

  it('checks the version before the state table', () => {
    const error = thrown(() => nextHazardState(makeHazard(base.draft), { ...inputs.verify_pass, version: 4 }, actors.ent2, ctx));
    expect(error.code).toBe('hazard.stale_version');
  });
});
