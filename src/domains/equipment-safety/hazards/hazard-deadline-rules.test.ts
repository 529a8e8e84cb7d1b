import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/errors';
import type { HazardRulesConfig } from './hazard-config';
import { defaultHazardRulesConfig } from './hazard-config';
import { addDuration, assertDeadlineAllowed, defaultDeadline, isOverdue } from './hazard-deadline-rules';
import type { HazardStatus } from './hazard-enums';
import { applyHazardEdit } from './hazard-record-rules';
import { nextHazardState } from './hazard-rules';
import { actors, ids, makeHazard, nationalDay2025, weekendsOnly } from './hazard-test-support';

const cfg = defaultHazardRulesConfig;
const withGeneral = (amount: number, unit: 'calendar_days' | 'working_days' | 'months', roll = true): HazardRulesConfig => ({
  ...cfg,
  rollForwardToWorkingDay: roll,
  deadlines: { ...cfg.deadlines, general: { default: { amount, unit }, max: null } },
});

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

describe('defaultDeadline', () => {
  it.each<[string, 'general' | 'major', string, HazardRulesConfig, string]>([
    // §11.2: confirmed Mon 2025-03-03 with a 10-day limit → 2025-03-13 (Thu, a working day).
    ['§11.2 worked example, 10 calendar days', 'general', '2025-03-03', cfg, '2025-03-13'],
    // 09-24 + 10 = Sat 10-04, inside the 10-01…10-08 holiday → first working day after it, Thu 10-09.
    ['calendar days ending in the National Day holiday roll forward', 'general', '2025-09-24', cfg, '2025-10-09'],
    ['…unless roll-forward is off', 'general', '2025-09-24', withGeneral(10, 'calendar_days', false), '2025-10-04'],
    // Fri 09-26 + 5 wd: Sun 09-28 (调休 workday) 1, 09-29 2, 09-30 3, [10-01…10-08 off], 10-09 4, 10-10 5.
    ['working days skip the holiday and count the 调休 Sunday', 'general', '2025-09-26', withGeneral(5, 'working_days'), '2025-10-10'],
    // Fri 03-07 + 3 wd: Mon 10, Tue 11, Wed 12 (weekend skipped).
    ['working days skip a weekend', 'general', '2025-03-07', withGeneral(3, 'working_days'), '2025-03-12'],
    // 03-05 + 10 = Sat 03-15 → Mon 03-17.
    ['calendar days ending on a Saturday move to Monday', 'general', '2025-03-05', cfg, '2025-03-17'],
    // Major: 3 months, clamped: 01-31 + 3 months = 04-30 (Wed).
    ['major default: 3 months, clamped to the month end', 'major', '2025-01-31', cfg, '2025-04-30'],
  ])('%s', (_name, grade, from, config, expected) => {
    const calendar = from.startsWith('2025-09') ? nationalDay2025 : weekendsOnly;
    expect(defaultDeadline(grade, from, config, calendar)).toBe(expected);
  });

  it('adds 12 months from 29 Feb to 28 Feb (Fri) for the major maximum', () => {
    expect(addDuration('2024-02-29', { amount: 12, unit: 'months' }, weekendsOnly, true)).toBe('2025-02-28');
  });
});

describe('assertDeadlineAllowed', () => {
  it.each<[string, 'general' | 'major', string, string]>([
    ['today itself is allowed', 'general', '2025-03-03', 'ok'],
    ['a past date is refused', 'general', '2025-03-02', 'hazard.deadline_in_past'],
    ['general hazards have no maximum', 'general', '2027-01-01', 'ok'],
    // 2025-03-03 + 12 months = Tue 2026-03-03.
    ['major: exactly 12 months is allowed', 'major', '2026-03-03', 'ok'],
    ['major: one day more is refused', 'major', '2026-03-04', 'hazard.deadline_beyond_max'],
  ])('%s', (_name, grade, deadline, expected) => {
    expect(codeOf(() => assertDeadlineAllowed(grade, deadline, '2025-03-03', cfg, weekendsOnly))).toBe(expected);
  });
});

describe('isOverdue', () => {
  it.each<[HazardStatus, string | null, string, boolean]>([
    ['rectifying', '2025-03-13', '2025-03-13', false],
    ['rectifying', '2025-03-13', '2025-03-14', true],
    ['confirmed', '2025-03-13', '2025-03-14', true],
    ['pending_verification', '2025-03-13', '2025-03-14', false],
    ['closed', '2025-03-13', '2025-03-20', false],
    ['rectifying', null, '2025-03-20', false],
  ])('%s with deadline %s on %s → %s', (status, deadline, today, expected) => {
    expect(isOverdue({ status, deadline }, today)).toBe(expected);
  });
});

describe('deadlines through the workflow', () => {
  const at = (today: string) => ({ today, calendar: weekendsOnly });
  const rectifying = makeHazard({ status: 'rectifying', grade: 'general', confirmedOn: '2025-03-03', deadline: '2025-03-13' });

  it('follows §11.2: notice on 03-03 sets 03-13; editing the description on 03-12 leaves it', () => {
    const confirmed = makeHazard({ status: 'confirmed', grade: 'general', confirmedOn: '2025-03-03' });
    const notice = nextHazardState(confirmed, { action: 'issue_notice', version: 3, kind: 'rectification_notice', note: '限期整改' }, actors.bureau, at('2025-03-03'));
    expect(notice.patch.deadline).toBe('2025-03-13');
    const edited = applyHazardEdit({ ...confirmed, ...notice.patch, version: 4 }, { version: 4, description: '补充描述' }, actors.bureau);
    expect(edited).toEqual({ description: '补充描述' });
  });

  it('keeps an explicit deadline given at creation when the notice names none', () => {
    const confirmed = makeHazard({ status: 'confirmed', grade: 'general', deadline: '2025-03-08' });
    const r = nextHazardState(confirmed, { action: 'issue_notice', version: 3, kind: 'supervision_order', note: '指令' }, actors.bureau, at('2025-03-03'));
    expect(r.patch.deadline).toBe('2025-03-08');
    expect(r.event.payload['deadlineChange']).toBeUndefined();
  });

  it('replaces the deadline when an extension is approved, with the change in the event', () => {
    const h = { ...rectifying, pendingExtension: { newDeadline: '2025-03-31', reason: 'x', requestedOn: '2025-03-05', decisionDueOn: '2025-03-19' } };
    const r = nextHazardState(h, { action: 'decide_extension', version: 3, approve: true, comment: '同意' }, actors.bureau, at('2025-03-14'));
    expect(r.patch).toMatchObject({ deadline: '2025-03-31', pendingExtension: null, isOverdue: false });
    expect(r.event.payload['deadlineChange']).toEqual({ from: '2025-03-13', to: '2025-03-31' });
  });

  it('keeps the deadline (and the overdue state) when an extension is refused', () => {
    const h = { ...rectifying, pendingExtension: { newDeadline: '2025-03-31', reason: 'x', requestedOn: '2025-03-05', decisionDueOn: '2025-03-19' } };
    const r = nextHazardState(h, { action: 'decide_extension', version: 3, approve: false, comment: '理由不足' }, actors.bureau, at('2025-03-14'));
    expect(r.patch.deadline).toBeUndefined();
    expect(r.patch).toMatchObject({ pendingExtension: null, isOverdue: true });
  });

  it('records an extension request with its decision due date (10 working days)', () => {
    // Wed 03-05 + 10 wd = Wed 03-19.
    const r = nextHazardState(rectifying, { action: 'request_extension', version: 3, newDeadline: '2025-03-31', reason: '配件' }, actors.ent1, at('2025-03-05'));
    expect(r.patch.pendingExtension).toEqual({ newDeadline: '2025-03-31', reason: '配件', requestedOn: '2025-03-05', decisionDueOn: '2025-03-19' });
    expect(r.patch.deadline).toBeUndefined();
  });

  it.each<[string, string, string, string]>([
    ['a requested date not after the deadline', '2025-03-13', '2025-03-05', 'hazard.extension_not_later'],
    // Listed: deadline Wed 2025-12-31 − 20 wd = Wed 2025-12-03 (weekdays only in December 2025).
    ['a listed extension on the last allowed day', '2026-02-27', '2025-12-03', 'ok'],
    ['a listed extension one working day too late', '2026-02-27', '2025-12-04', 'hazard.extension_too_late'],
  ])('handles %s', (_name, newDeadline, today, expected) => {
    const listed = newDeadline === '2025-03-13' ? rectifying : { ...rectifying, grade: 'major' as const, isListed: true, deadline: '2025-12-31' };
    const input = { action: 'request_extension' as const, version: 3, newDeadline, reason: '配件' };
    expect(codeOf(() => nextHazardState(listed, input, actors.ent1, at(today)))).toBe(expected);
  });

  it('keeps the deadline on verify_fail, so an overdue hazard is overdue again at once', () => {
    const pending = { ...rectifying, status: 'pending_verification' as const, afterPhotoIds: [ids.photoAfter] };
    const r = nextHazardState(pending, { action: 'verify_fail', version: 3, note: '不合格' }, actors.bureau, at('2025-03-17'));
    expect(r.patch.deadline).toBe('2025-03-13');
    expect(r.patch).toMatchObject({ status: 'rectifying', isOverdue: true });
  });

  it('gives an on-the-spot hazard that fails verification a default deadline and a confirmation date', () => {
    const pending = makeHazard({ status: 'pending_verification', grade: null, afterPhotoIds: [ids.photoAfter] });
    const r = nextHazardState(pending, { action: 'verify_fail', version: 3, note: '不合格' }, actors.bureau, at('2025-03-03'));
    expect(r.patch).toMatchObject({ deadline: '2025-03-13', grade: 'general', confirmedOn: '2025-03-03' });
  });

  it('gives a reopened hazard a new default deadline and counts the rebound', () => {
    const closed = { ...rectifying, status: 'closed' as const, closedOn: '2025-03-12', closeReason: 'verified' as const, afterPhotoIds: [ids.photoAfter] };
    const r = nextHazardState(closed, { action: 'reopen', version: 3, reason: '投诉重复' }, actors.bureau, at('2025-04-01'));
    expect(r.patch).toMatchObject({ status: 'rectifying', deadline: '2025-04-11', reopenCount: 1, closedOn: null, closeReason: null, afterPhotoIds: [] });
    expect(r.event.payload['reopenedFrom']).toEqual({ closedOn: '2025-03-12', afterPhotoIds: [ids.photoAfter] });
  });

  it.each<[string, string | null, string, string]>([
    ['a plan sets the first deadline', null, '2025-05-30', 'ok'],
    ['a plan may shorten the deadline', '2025-06-30', '2025-05-30', 'ok'],
    ['a plan may not lengthen it (use an extension)', '2025-04-30', '2025-05-30', 'hazard.plan_deadline_after_deadline'],
    ['a plan may not exceed 12 months', null, '2026-03-04', 'hazard.deadline_beyond_max'],
  ])('file_plan: %s', (_name, deadline, planDeadline, expected) => {
    const h = makeHazard({ status: 'rectifying', grade: 'major', deadline });
    const plan = { measures: 'm', funds: { amountYuan: '1.00' }, responsiblePerson: 'p', deadline: planDeadline, contingency: 'c' };
    expect(codeOf(() => nextHazardState(h, { action: 'file_plan', version: 3, plan }, actors.ent1, at('2025-03-03')))).toBe(expected);
  });

  it('lists a major hazard with a public-notice date 5 working days later', () => {
    const h = makeHazard({ status: 'rectifying', grade: 'major', deadline: '2025-09-30' });
    const r = nextHazardState(h, { action: 'list_for_supervision', version: 3, level: 'county', listingUnit: '市安委会', note: 'n' }, actors.office, at('2025-03-03'));
    expect(r.patch).toMatchObject({ isListed: true, listing: { level: 'county', listedOn: '2025-03-03', publicNoticeDueOn: '2025-03-10' } });
  });

  it('refuses verify_pass without before/after photos', () => {
    const pending = makeHazard({ status: 'pending_verification', grade: 'general', beforePhotoIds: [], afterPhotoIds: [ids.photoAfter] });
    expect(codeOf(() => nextHazardState(pending, { action: 'verify_pass', version: 3, note: 'ok' }, actors.bureau, at('2025-03-03')))).toBe(
      'hazard.evidence_missing',
    );
  });
});
