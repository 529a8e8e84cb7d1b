/**
 * Use-registration lifecycle (使用登记) and registration deadlines (domain.md §1.1, §1.3.4; pure).
 *
 * States: notified (告知) → unregistered (待登记/未登记) → in_use (在用) ⇄ stopped (停用)
 *         → scrapped (报废) → deregistered (注销).
 * `change` (变更登记: 改造、移装、更名、地址变更、达到设计使用年限) and `transfer` (过户 to another using
 * unit) keep the device in_use and create a new immutable registration version (§1.3.4 [D]).
 * A device that is used > 30 days after commissioning without registration stays `unregistered` and
 * carries the violation flag "在用-未登记" (`isRegistrationOverdue`), not a separate state.
 */
import { conflict } from '../../../shared/errors';
import { addDays, diffDays } from './date-math';
import {
  registrationActionLabels,
  registrationStatusLabels,
  type RegistrationAction,
  type RegistrationReason,
  type RegistrationStatus,
} from './enums';

/** Using unit must register before use or within 30 days after putting into use (特种设备安全法 §33 [P]). */
export const REGISTRATION_LIMIT_DAYS = 30;
/** A planned stop ≥ 1 year is filed within 30 days after stopping (TSG 08-2017 as reproduced [S]). */
export const STOP_FILING_LIMIT_DAYS = 30;

export const registrationTransitions: Readonly<Record<RegistrationStatus, Partial<Record<RegistrationAction, RegistrationStatus>>>> = {
  notified: { passSupervision: 'unregistered' },
  unregistered: { register: 'in_use' },
  in_use: { stop: 'stopped', change: 'in_use', transfer: 'in_use', scrap: 'scrapped' },
  stopped: { restart: 'in_use', scrap: 'scrapped' },
  scrapped: { cancel: 'deregistered' },
  deregistered: {},
};

/** The registration-form reason (登记类别) an action records, when it has a fixed one. */
export const registrationReasonByAction: Partial<Record<RegistrationAction, RegistrationReason>> = {
  register: 'first_use',
  restart: 'restart',
  transfer: 'transfer',
};

/** Throws `equipment.invalid_transition` (conflict) when the action is not allowed from `from`. */
export function nextRegistrationStatus(from: RegistrationStatus, action: RegistrationAction): RegistrationStatus {
  const to = registrationTransitions[from][action];
  if (!to) {
    throw conflict(
      'equipment.invalid_transition',
      `设备状态为「${registrationStatusLabels[from].zh}」时不能执行「${registrationActionLabels[action].zh}」`,
      { from, action },
    );
  }
  return to;
}

/** Actions allowed from a status (for the UI's buttons). */
export function listRegistrationActions(from: RegistrationStatus): RegistrationAction[] {
  return Object.keys(registrationTransitions[from]) as RegistrationAction[];
}

export type LateFilingCheck = {
  isLate: boolean;
  /** Days from the start event (commissioning, stop) to the filing; negative when filed before it. */
  elapsedDays: number;
  /** Last day on which the filing is on time (start + limit). */
  deadlineOn: string;
};

/**
 * "Before use or ≤ 30 days after" (domain.md §1.1 [P]): registered on day 30 after commissioning is on
 * time, day 31 is late. Commissioned 2025-01-01 → deadline 2025-01-31.
 */
export function checkLateRegistration(
  commissionedOn: string,
  registeredOn: string,
  limitDays: number = REGISTRATION_LIMIT_DAYS,
): LateFilingCheck {
  const elapsedDays = diffDays(commissionedOn, registeredOn);
  return { isLate: elapsedDays > limitDays, elapsedDays, deadlineOn: addDays(commissionedOn, limitDays) };
}

/** An unregistered device in use past the deadline ("在用-未登记" flag, §1.3.4 [D]). */
export function isRegistrationOverdue(commissionedOn: string, today: string, limitDays: number = REGISTRATION_LIMIT_DAYS): boolean {
  return diffDays(commissionedOn, today) > limitDays;
}

/** Stop filing deadline: the stop must be filed with the registry ≤ 30 days after stopping [S]. */
export function checkLateStopFiling(stoppedOn: string, filedOn: string, limitDays: number = STOP_FILING_LIMIT_DAYS): LateFilingCheck {
  const elapsedDays = diffDays(stoppedOn, filedOn);
  return { isLate: elapsedDays > limitDays, elapsedDays, deadlineOn: addDays(stoppedOn, limitDays) };
}

/**
 * Restart after a stop (§1.1 [S]): if the periodic inspection lapsed while stopped, the device must
 * pass a periodic inspection first. Throws `equipment.restart_requires_inspection` (conflict) when
 * `today ≥ dueOn` of the periodic obligation.
 */
export function assertRestartAllowed(dueOn: string | null, today: string): void {
  if (dueOn !== null && today >= dueOn) {
    throw conflict('equipment.restart_requires_inspection', `定期检验已于 ${dueOn} 到期，须检验合格后方可重新启用`, { dueOn });
  }
}
