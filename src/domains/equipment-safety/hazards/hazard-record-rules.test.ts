import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/errors';
import type { HazardRecord } from './hazard-actors';
import type { HazardSource } from './hazard-enums';
import { applyHazardEdit, prepareHazardCreation } from './hazard-record-rules';
import type { CreateHazardInput } from './hazard-schema';
import { updateHazardInputSchema } from './hazard-schema';
import { actors, ids, makeHazard, weekendsOnly } from './hazard-test-support';
import type { ActorKey } from './hazard-test-support';

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

const input = (source: HazardSource, extra: Partial<CreateHazardInput> = {}): CreateHazardInput => ({
  title: '压力容器安全阀失效',
  description: '安全阀超期未校验',
  source,
  orgUnitId: ids.village1,
  photos: [ids.photoBefore],
  ...extra,
});

describe('prepareHazardCreation', () => {
  it.each<[string, ActorKey, CreateHazardInput, string]>([
    ['ent1 records a self-check of its own enterprise', 'ent1', input('self_check', { enterpriseId: ids.ent1 }), 'ok'],
    ['ent1 cannot record a self-check for ent2', 'ent1', input('self_check', { enterpriseId: ids.ent2 }), 'forbidden:hazard.forbidden_actor'],
    ['ent1 cannot record a self-check without its enterprise', 'ent1', input('self_check'), 'forbidden:hazard.forbidden_actor'],
    ['ent1 cannot record a patrol finding', 'ent1', input('patrol', { enterpriseId: ids.ent1 }), 'forbidden:hazard.forbidden_actor'],
    ['town1 records a patrol finding in its village', 'town1', input('patrol'), 'ok'],
    ['town2 cannot record a patrol finding in town1', 'town2', input('patrol'), 'forbidden:hazard.forbidden_actor'],
    ['dept1 records a supervision finding it supervises', 'dept1', input('supervision'), 'ok'],
    ['dept1 cannot record one for dept2', 'dept1', input('supervision', { supervisingOrgUnitId: ids.dept2 }), 'forbidden:hazard.forbidden_actor'],
    ['an inspector records an inspection finding', 'inspector', input('inspection_finding'), 'ok'],
    ['an inspector cannot record a patrol finding', 'inspector', input('patrol'), 'forbidden:hazard.forbidden_actor'],
    ['the bureau records a complaint', 'bureau', input('complaint'), 'ok'],
    ['the office records a referral', 'office', input('referral'), 'ok'],
    ['the admin records nothing', 'admin', input('referral'), 'forbidden:hazard.forbidden_actor'],
    ['a deadline in the past is refused', 'bureau', input('supervision', { deadline: '2025-03-02' }), 'invalid:hazard.deadline_in_past'],
  ])('%s', (_name, actor, create, expected) => {
    expect(outcome(() => prepareHazardCreation(actors[actor], create, ctx))).toBe(expected);
  });

  it('creates a draft owned by its reporter, with the department as supervisor by default', () => {
    const fields = prepareHazardCreation(actors.dept1, input('supervision', { grade: 'major', deadline: '2025-04-30' }), ctx);
    expect(fields).toMatchObject({
      status: 'draft',
      grade: 'major',
      reportedBy: ids.userDept1,
      supervisingOrgUnitId: ids.dept1,
      deadline: '2025-04-30',
      beforePhotoIds: [ids.photoBefore],
      isOverdue: false,
      reopenCount: 0,
    });
  });
});

describe('applyHazardEdit', () => {
  const open = makeHazard({ status: 'rectifying', grade: 'general', deadline: '2025-03-13' });
  it.each<[string, HazardRecord, ActorKey, number, string]>([
    ['the reporter edits its draft', makeHazard(), 'reporter', 3, 'ok'],
    ['nobody else edits a draft', makeHazard(), 'bureau', 3, 'forbidden:hazard.forbidden_actor'],
    ['the bureau edits an open hazard', open, 'bureau', 3, 'ok'],
    ['the territory edits an open hazard', open, 'town1', 3, 'ok'],
    ['the responsible enterprise cannot edit the finding', open, 'ent1', 3, 'forbidden:hazard.forbidden_actor'],
    ['a closed hazard is not editable', makeHazard({ status: 'closed', closeReason: 'verified' }), 'bureau', 3, 'conflict:hazard.not_editable'],
    ['a stale version is refused', open, 'bureau', 2, 'conflict:hazard.stale_version'],
  ])('%s', (_name, hazard, actor, version, expected) => {
    expect(outcome(() => applyHazardEdit(hazard, { version, title: '新标题' }, actors[actor]))).toBe(expected);
  });

  it('never touches the deadline and adds photos without duplicates', () => {
    const patch = applyHazardEdit(open, { version: 3, description: '补充', addPhotos: [ids.photoBefore, ids.photoAfter] }, actors.bureau);
    expect(patch).toEqual({ description: '补充', beforePhotoIds: [ids.photoBefore, ids.photoAfter] });
  });

  it('has no deadline field in the edit input', () => {
    expect(updateHazardInputSchema.safeParse({ version: 3, deadline: '2025-12-31' }).success).toBe(false);
  });
});
