/**
 * Rectification deadlines (整改期限) of the hazard loop, domain.md §2.4 rows 6–9/12–14 and §11.3.
 *
 * - The default and the maximum deadline depend on the grade and are configuration (`hazard-config.ts`).
 * - Calendar-day and month periods whose last day is not a working day move to the next working day when
 *   `rollForwardToWorkingDay` is on (民法典 第二百零三条: a period ending on a statutory holiday ends on
 *   the day after the holiday). Working-day periods come from the calendar and need no roll-forward.
 * - A deadline is "passed" the day after it: overdue ⇔ today > deadline (§2.5 step 1 "D+1").
 * - Only these events set a deadline: notice, plan (never later than an existing deadline), listing,
 *   approved extension, reopen; verify_fail and edits keep it (§2.4 row 12, "editing must not reset").
 */
import { invalid } from '../../../shared/errors';
import type { WorkingDayCalendar } from './calendar-port';
import type { Duration, HazardRulesConfig } from './hazard-config';
import type { HazardGrade, HazardStatus } from './hazard-enums';
import { owingHazardStatuses } from './hazard-enums';
import { addCalendarDays, addMonthsClamped } from './hazard-dates';

/** The first working day on or after `date`. */
export function rollForwardToWorkingDay(date: string, calendar: WorkingDayCalendar): string {
  return calendar.isWorkingDay(date) ? date : calendar.addWorkingDays(date, 1);
}

/** `from` plus a configured duration, rolled forward to a working day when configured. */
export function addDuration(
  from: string,
  duration: Duration,
  calendar: WorkingDayCalendar,
  rollForward: boolean,
): string {
  if (duration.unit === 'working_days') return calendar.addWorkingDays(from, duration.amount);
  const end =
    duration.unit === 'months' ? addMonthsClamped(from, duration.amount) : addCalendarDays(from, duration.amount);
  return rollForward ? rollForwardToWorkingDay(end, calendar) : end;
}

/** Default deadline for a hazard of `grade` whose rectification period starts on `fromDate`. */
export function defaultDeadline(
  grade: HazardGrade,
  fromDate: string,
  config: HazardRulesConfig,
  calendar: WorkingDayCalendar,
): string {
  return addDuration(fromDate, config.deadlines[grade].default, calendar, config.rollForwardToWorkingDay);
}

/** Latest deadline that may be set on `fromDate` for `grade`, or null when the grade has no maximum. */
export function latestAllowedDeadline(
  grade: HazardGrade,
  fromDate: string,
  config: HazardRulesConfig,
  calendar: WorkingDayCalendar,
): string | null {
  const max = config.deadlines[grade].max;
  return max ? addDuration(fromDate, max, calendar, config.rollForwardToWorkingDay) : null;
}

/**
 * Checks a deadline chosen by a person (notice, plan, listing, reopen): not before `today` and not past the
 * grade's maximum counted from `today`. Throws `invalid` (400) otherwise.
 */
export function assertDeadlineAllowed(
  grade: HazardGrade,
  deadline: string,
  today: string,
  config: HazardRulesConfig,
  calendar: WorkingDayCalendar,
): void {
  if (deadline < today) {
    throw invalid('hazard.deadline_in_past', `整改期限 ${deadline} 早于今天 ${today}`, { deadline, today });
  }
  const latest = latestAllowedDeadline(grade, today, config, calendar);
  if (latest !== null && deadline > latest) {
    throw invalid('hazard.deadline_beyond_max', `整改期限 ${deadline} 超过允许的最晚期限 ${latest}`, {
      deadline,
      latest,
    });
  }
}

/** Overdue ⇔ the unit still owes rectification (confirmed/rectifying) and today is after the deadline. */
export function isOverdue(hazard: { status: HazardStatus; deadline: string | null }, today: string): boolean {
  return owingHazardStatuses.includes(hazard.status) && hazard.deadline !== null && today > hazard.deadline;
}
