/**
 * Reporting periods, deadlines, reminders and timeliness (督察推进, domain.md §4.4 step 3;
 * DHIS2's REPORTING_RATE / REPORTING_RATE_ON_TIME, anchors.md (a)). Dates are local `YYYY-MM-DD`.
 * A report is on time when submitted on or before the deadline day (the deadline day is included).
 */
import { invalid } from '../../shared/errors';
import { HUNDRED, formatFixed, makeRatio, mul } from './decimal';
import { addDays, daysInMonth, lastDayOfMonth, makeDate, toDayNumber, yearMonthOf } from './local-date';
import type { DeadlineRule, ReportingFrequency } from './plan-schema';

export type ReportingPeriod = { key: string; label: string; start: string; end: string; deadline: string };
export type Timeliness = 'on_time' | 'late' | 'missing' | 'not_due';
/** A work calendar (domain.md §11.3): true when the local date is a working day (调休 included). */
export type IsWorkday = (date: string) => boolean;

const MAX_SCAN_DAYS = 366;

/** Deadline of a period ending on `periodEnd`. `working_days_after_end` needs `isWorkday`. */
export function computeDeadline(periodEnd: string, rule: DeadlineRule, isWorkday?: IsWorkday): string {
  switch (rule.kind) {
    case 'day_of_next_month': {
      const { year, month } = yearMonthOf(periodEnd);
      const nextYear = month === 12 ? year + 1 : year;
      const nextMonth = month === 12 ? 1 : month + 1;
      return makeDate(nextYear, nextMonth, Math.min(rule.day, daysInMonth(nextYear, nextMonth)));
    }
    case 'days_after_end':
      return addDays(periodEnd, rule.days);
    case 'working_days_after_end': {
      if (!isWorkday) throw invalid('targets.work_calendar_required', '按工作日计算截止日需要工作日历');
      let date = periodEnd;
      let counted = 0;
      for (let i = 0; i < MAX_SCAN_DAYS; i += 1) {
        date = addDays(date, 1);
        if (isWorkday(date)) counted += 1;
        if (counted === rule.days) return date;
      }
      throw invalid('targets.work_calendar_incomplete', '工作日历中找不到足够的工作日', { periodEnd });
    }
  }
}

/** Monthly (`2025-M01` … `2025-M12`) or quarterly (`2025-Q1` … `2025-Q4`) periods of a calendar year. */
export function listReportingPeriods(year: number, frequency: ReportingFrequency, rule: DeadlineRule, isWorkday?: IsWorkday): ReportingPeriod[] {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw invalid('targets.invalid_year', `无效的年度：${year}`);
  const step = frequency === 'monthly' ? 1 : 3;
  const periods: ReportingPeriod[] = [];
  for (let first = 1; first <= 12; first += step) {
    const last = first + step - 1;
    const index = frequency === 'monthly' ? first : (first + 2) / 3;
    const end = lastDayOfMonth(year, last);
    periods.push({
      key: frequency === 'monthly' ? `${year}-M${String(first).padStart(2, '0')}` : `${year}-Q${index}`,
      label: frequency === 'monthly' ? `${year}年${first}月` : `${year}年第${index}季度`,
      start: makeDate(year, first, 1),
      end,
      deadline: computeDeadline(end, rule, isWorkday),
    });
  }
  return periods;
}

/** Reminder dates N calendar days before the deadline, ascending, without duplicates. */
export function listReminderDates(deadline: string, daysBefore: readonly number[]): string[] {
  const dates = [...new Set(daysBefore)].filter((d) => d > 0).map((d) => addDays(deadline, -d));
  return dates.sort((a, b) => toDayNumber(a) - toDayNumber(b));
}

/** on_time: submitted ≤ deadline; late: after it; missing: not submitted and today > deadline; not_due otherwise. */
export function classifyReportTimeliness(submittedOn: string | null, deadline: string, today: string): Timeliness {
  const due = toDayNumber(deadline);
  if (submittedOn !== null) return toDayNumber(submittedOn) <= due ? 'on_time' : 'late';
  return toDayNumber(today) > due ? 'missing' : 'not_due';
}

export type ReportingRate = {
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
  notDue: number;
  /** submitted / expected × 100, 2 decimals; null when nothing is expected yet. */
  ratePercent: string | null;
  onTimeRatePercent: string | null;
};

/** Reporting rate of a unit (or of all units): reports not yet due and not submitted are not expected. */
export function reportingRate(statuses: readonly Timeliness[]): ReportingRate {
  const count = (status: Timeliness) => statuses.filter((s) => s === status).length;
  const onTime = count('on_time');
  const late = count('late');
  const missing = count('missing');
  const notDue = count('not_due');
  const expected = onTime + late + missing;
  const percent = (n: number) => (expected === 0 ? null : formatFixed(mul(makeRatio(BigInt(n), BigInt(expected)), HUNDRED)));
  return { expected, submitted: onTime + late, onTime, late, missing, notDue, ratePercent: percent(onTime + late), onTimeRatePercent: percent(onTime) };
}
