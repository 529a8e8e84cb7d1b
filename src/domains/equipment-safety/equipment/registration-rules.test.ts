import { describe, expect, it } from 'vitest';
import { registrationActions, registrationStatuses, type RegistrationAction, type RegistrationStatus } from './enums';
import {
  assertRestartAllowed,
  checkLateRegistration,
  checkLateStopFiling,
  isRegistrationOverdue,
  listRegistrationActions,
  nextRegistrationStatus,
} from './registration-rules';

// domain.md §1.3.4, written out by hand: every allowed (from, action) → to.
const allowed: [RegistrationStatus, RegistrationAction, RegistrationStatus][] = [
  ['notified', 'passSupervision', 'unregistered'],
  ['unregistered', 'register', 'in_use'],
  ['in_use', 'stop', 'stopped'],
  ['in_use', 'change', 'in_use'],
  ['in_use', 'transfer', 'in_use'],
  ['in_use', 'scrap', 'scrapped'],
  ['stopped', 'restart', 'in_use'],
  ['stopped', 'scrap', 'scrapped'],
  ['scrapped', 'cancel', 'deregistered'],
];

describe('nextRegistrationStatus', () => {
  it.each(allowed)('%s --%s--> %s', (from, action, to) => {
    expect(nextRegistrationStatus(from, action)).toBe(to);
  });

  const isAllowed = (from: RegistrationStatus, action: RegistrationAction) => allowed.some(([f, a]) => f === from && a === action);
  const forbidden = registrationStatuses.flatMap((from) => registrationActions.filter((a) => !isAllowed(from, a)).map((a) => [from, a] as const));

  it.each(forbidden)('rejects %s --%s--> with equipment.invalid_transition', (from, action) => {
    expect(() => nextRegistrationStatus(from, action)).toThrow(expect.objectContaining({ code: 'equipment.invalid_transition', kind: 'conflict' }));
  });

  it('has 9 allowed and 39 forbidden pairs (6 states × 8 actions)', () => {
    expect(forbidden).toHaveLength(6 * 8 - 9);
  });

  it('lists the actions for the UI', () => {
    expect(listRegistrationActions('stopped').sort()).toEqual(['restart', 'scrap']);
    expect(listRegistrationActions('deregistered')).toEqual([]);
  });
});

describe('checkLateRegistration (before use or ≤ 30 days after, §1.1 [P])', () => {
  it.each([
    ['2025-01-01', '2025-01-31', false, 30], // day 30: on time
    ['2025-01-01', '2025-02-01', true, 31], // day 31: late
    ['2025-01-01', '2024-12-20', false, -12], // registered before use
    ['2025-01-01', '2025-01-01', false, 0],
    ['2024-02-01', '2024-03-02', false, 30], // February 2024 has 29 days
    ['2024-02-01', '2024-03-03', true, 31],
  ] as const)('commissioned %s, registered %s → late %s (%i days)', (commissionedOn, registeredOn, isLate, elapsedDays) => {
    expect(checkLateRegistration(commissionedOn, registeredOn)).toMatchObject({ isLate, elapsedDays });
  });

  it('reports the deadline', () => {
    expect(checkLateRegistration('2025-01-01', '2025-03-01').deadlineOn).toBe('2025-01-31');
  });

  it.each([
    ['2025-01-31', false],
    ['2025-02-01', true],
  ])('unregistered device on %s is overdue: %s', (today, expected) => {
    expect(isRegistrationOverdue('2025-01-01', today)).toBe(expected);
  });
});

describe('checkLateStopFiling (≤ 30 days after stopping, §1.1 [S])', () => {
  it.each([
    ['2025-03-31', false],
    ['2025-04-01', true],
  ])('stopped 2025-03-01, filed %s → late %s', (filedOn, isLate) => {
    expect(checkLateStopFiling('2025-03-01', filedOn)).toMatchObject({ isLate, deadlineOn: '2025-03-31' });
  });
});

describe('assertRestartAllowed', () => {
  it('allows a restart while the inspection is valid', () => {
    expect(() => assertRestartAllowed('2026-09-01', '2026-08-31')).not.toThrow();
    expect(() => assertRestartAllowed(null, '2026-08-31')).not.toThrow();
  });

  it('requires an inspection first once it lapsed', () => {
    expect(() => assertRestartAllowed('2026-09-01', '2026-09-01')).toThrow(
      expect.objectContaining({ code: 'equipment.restart_requires_inspection', kind: 'conflict' }),
    );
  });
});
