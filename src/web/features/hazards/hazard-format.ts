/**
 * Pure display helpers of the hazard pages: status colours and the deadline countdown.
 *
 *   deadlineCountdown('2026-03-13', '2026-03-10', 'rectifying') // → { kind: 'left', days: 3 }
 */
import { owingHazardStatuses, type HazardStatus } from '../../../domains/equipment-safety/hazards/hazard-enums';

export const hazardStatusColors: Record<HazardStatus, string> = {
  draft: 'default',
  reported: 'gold',
  invalid: 'default',
  transferred: 'purple',
  confirmed: 'cyan',
  rectifying: 'blue',
  pending_verification: 'orange',
  closed: 'green',
};

/** The order of the board's status cards: the loop first, the side exits after. */
export const boardStatusOrder: readonly HazardStatus[] = ['reported', 'confirmed', 'rectifying', 'pending_verification', 'closed', 'draft', 'transferred', 'invalid'];

export type Countdown = { kind: 'none' } | { kind: 'left'; days: number } | { kind: 'today' } | { kind: 'overdue'; days: number };

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y as number, (m as number) - 1, d as number) / DAY_MS;
}

/**
 * Days until a deadline, counted only while the unit still owes rectification (confirmed/rectifying):
 * a deadline is passed the day after it (overdue ⇔ today > deadline, as the server decides).
 */
export function deadlineCountdown(deadline: string | null, today: string, status: HazardStatus): Countdown {
  if (!deadline || !owingHazardStatuses.includes(status)) return { kind: 'none' };
  const diff = dayNumber(deadline) - dayNumber(today);
  if (diff > 0) return { kind: 'left', days: diff };
  if (diff === 0) return { kind: 'today' };
  return { kind: 'overdue', days: -diff };
}

/** The platform's time zone: hazard dates (deadlines, "today") are local dates there (hazard-schema: Asia/Shanghai). */
export const HAZARD_TIME_ZONE = 'Asia/Shanghai';

/** Today's date in the platform's time zone, `YYYY-MM-DD` (so a browser elsewhere counts days as the server does). */
export function localToday(now = new Date(), timeZone = HAZARD_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
