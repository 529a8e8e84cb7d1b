/**
 * Inspection obligations of one device (pure): which obligations are open, when each is due, and
 * what happens to the previously open ones. The service stores the result (equipment_obligations)
 * and the earliest open due date on the device, so lists and counts never evaluate rules per row.
 *
 * Rules implemented here [D]:
 * - Obligations exist only while the device may be used: statuses 未登记 (a commissioned device
 *   in use without registration still owes its inspections) and 在用. 告知, 停用, 报废, 注销 owe
 *   nothing (domain.md §1.4.3 "豁免"); their open obligations are voided.
 * - The schedule base is the installation supervision date (elevators, TSG T7001-2023) or else the
 *   commissioning date; a device with neither has no obligation yet.
 * - Every track with a rule in force gets one open obligation computed by `computeNextDue` from
 *   the track's latest inspection (by date). A track without a rule has none (`hasRuleGap` when no
 *   track at all is covered).
 * - When the open obligation of a track changes, the old one is closed: "satisfied" when a newer
 *   inspection of the track than the one it was computed from exists (closedOn = that inspection's
 *   date), else "void" (rule change, device edit).
 */
import { computeNextDue, type ComputeNextDueInput } from './inspection-rules';
import { isDomainError } from '../../../shared/errors';
import { inspectionTracks, type InspectionRuleSet, type InspectionTrack, type LastInspection, type NextDue, type RuleDevice } from './inspection-rule-types';
import type { DueStatus, RegistrationStatus } from './enums';
import { addDays, diffDays } from './date-math';

export const obligatedStatuses: readonly RegistrationStatus[] = ['unregistered', 'in_use'];

export function isObligated(status: RegistrationStatus): boolean {
  return obligatedStatuses.includes(status);
}

export type PlanDevice = Omit<RuleDevice, 'commissionedOn'> & {
  status: RegistrationStatus;
  commissionedOn: string | null;
};

export type TrackInspection = LastInspection & { id: string };

export type OpenObligation = {
  id: string;
  track: InspectionTrack;
  obligation: NextDue['obligation'];
  dueOn: string;
  ruleId: string;
  basedOnInspectionId: string | null;
  basedOnDate: string | null;
};

export type ObligationClose = { id: string; state: 'satisfied' | 'void'; closedOn: string; satisfiedByInspectionId: string | null; voidReason: string | null };
export type ObligationOpen = NextDue & { basedOnInspectionId: string | null; basedOnDate: string };

export type ObligationPlan = {
  close: ObligationClose[];
  open: ObligationOpen[];
  /** Open obligations after the plan (kept + new), earliest first. */
  current: Array<Pick<NextDue, 'dueOn' | 'dueMonth' | 'track' | 'obligation' | 'ruleId' | 'mustStop'>>;
  hasRuleGap: boolean;
};

function isSameObligation(open: OpenObligation, next: NextDue, basedOn: string | null): boolean {
  return open.dueOn === next.dueOn && open.ruleId === next.ruleId && open.obligation === next.obligation && open.basedOnInspectionId === basedOn;
}

/**
 * Plans the obligations of one device. `today` is the date voided obligations are closed on.
 * `lastByTrack` holds each track's latest inspection; `open` the currently open obligations.
 */
export function planObligations(input: {
  device: PlanDevice;
  lastByTrack: ReadonlyMap<InspectionTrack, TrackInspection>;
  open: readonly OpenObligation[];
  ruleSet: InspectionRuleSet;
  today: string;
  voidReason?: string;
}): ObligationPlan {
  const { device, lastByTrack, open, ruleSet, today } = input;
  const base = device.scheduleBaseOn ?? device.commissionedOn;
  const close: ObligationClose[] = [];
  const opened: ObligationOpen[] = [];
  const current: ObligationPlan['current'] = [];
  const openByTrack = new Map(open.map((o) => [o.track, o]));
  const closeOld = (old: OpenObligation, last: TrackInspection | undefined, reason: string) => {
    const isNewer = last !== undefined && last.id !== old.basedOnInspectionId && (old.basedOnDate === null || last.date >= old.basedOnDate);
    if (last && isNewer) {
      close.push({ id: old.id, state: 'satisfied', closedOn: last.date, satisfiedByInspectionId: last.id, voidReason: null });
    } else {
      close.push({ id: old.id, state: 'void', closedOn: today, satisfiedByInspectionId: null, voidReason: reason });
    }
  };
  if (!isObligated(device.status) || base === null) {
    for (const old of open) closeOld(old, lastByTrack.get(old.track), input.voidReason ?? (base === null ? 'no_base_date' : `status_${device.status}`));
    return { close, open: opened, current, hasRuleGap: false };
  }
  const ruleDevice: RuleDevice = { ...device, commissionedOn: device.commissionedOn ?? base };
  let covered = 0;
  for (const track of inspectionTracks) {
    const last = lastByTrack.get(track);
    const old = openByTrack.get(track);
    let next: NextDue | null = null;
    try {
      const args: ComputeNextDueInput = { device: ruleDevice, lastInspection: last ?? null, ruleSet, track };
      next = computeNextDue(args);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'equipment.no_inspection_rule') throw error;
    }
    if (next) covered += 1;
    const basedOn = last?.id ?? null;
    if (old && next && isSameObligation(old, next, basedOn)) {
      current.push({ dueOn: old.dueOn, dueMonth: next.dueMonth, track, obligation: next.obligation, ruleId: next.ruleId, mustStop: next.mustStop });
      continue;
    }
    if (old) closeOld(old, last, input.voidReason ?? (next ? 'recomputed' : 'no_rule'));
    if (next) {
      opened.push({ ...next, basedOnInspectionId: basedOn, basedOnDate: last?.date ?? base });
      current.push({ dueOn: next.dueOn, dueMonth: next.dueMonth, track, obligation: next.obligation, ruleId: next.ruleId, mustStop: next.mustStop });
    }
  }
  current.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return { close, open: opened, current, hasRuleGap: covered === 0 };
}

/** Due status of a device row: exempt when it owes nothing, `none` when obligated but no rule covers it. */
export type DeviceDueStatus = DueStatus | 'exempt' | 'none';

export function classifyDeviceDue(status: RegistrationStatus, nextDueOn: string | null, today: string, warningDays: number): DeviceDueStatus {
  return classifyDeviceDueDays(status, nextDueOn === null ? null : diffDays(today, nextDueOn), warningDays);
}

/** `classifyDeviceDue` from the days left to the due date (null: no due date), for callers that already have them. */
export function classifyDeviceDueDays(status: RegistrationStatus, daysLeft: number | null, warningDays: number): DeviceDueStatus {
  if (!isObligated(status)) return 'exempt';
  if (daysLeft === null) return 'none';
  if (daysLeft <= 0) return 'overdue';
  if (daysLeft <= warningDays) return 'due_soon';
  return 'normal';
}

/**
 * The next_due_on range of a due status (for SQL filters), consistent with `classifyDeviceDue`:
 * overdue ≤ today; due_soon in (today, today + warningDays]; normal > today + warningDays.
 */
export function dueDateRange(status: DueStatus, today: string, warningDays: number): { after: string | null; onOrBefore: string | null } {
  const windowEnd = addDays(today, warningDays);
  if (status === 'overdue') return { after: null, onOrBefore: today };
  if (status === 'due_soon') return { after: today, onOrBefore: windowEnd };
  return { after: windowEnd, onOrBefore: null };
}

/** Colours the web app and the map use for due statuses (antd palette). */
export const deviceDueColors: Record<DeviceDueStatus, string> = {
  normal: '#52c41a',
  due_soon: '#faad14',
  overdue: '#f5222d',
  exempt: '#bfbfbf',
  none: '#8c8c8c',
};

export const deviceDueLabels: Record<DeviceDueStatus, { zh: string; en: string }> = {
  normal: { zh: '正常', en: 'Valid' },
  due_soon: { zh: '临期', en: 'Due soon' },
  overdue: { zh: '超期未检', en: 'Overdue' },
  exempt: { zh: '豁免（未在用）', en: 'Exempt (not in use)' },
  none: { zh: '无适用规则', en: 'No rule' },
};
