import { describe, expect, it } from 'vitest';
import { toLocalDate } from './local-date';
import { classifyReportTimeliness, computeDeadline, listReminderDates, listReportingPeriods, reportingRate, type Timeliness } from './reporting-rules';

describe('listReportingPeriods', () => {
  it('monthly, due by the 5th of the next month', () => {
    const periods = listReportingPeriods(2025, 'monthly', { kind: 'day_of_next_month', day: 5 });
    expect(periods).toHaveLength(12);
    expect(periods[0]).toEqual({ key: '2025-M01', label: '2025年1月', start: '2025-01-01', end: '2025-01-31', deadline: '2025-02-05' });
    expect(periods[1]).toMatchObject({ key: '2025-M02', end: '2025-02-28', deadline: '2025-03-05' });
    expect(periods[11]).toMatchObject({ key: '2025-M12', start: '2025-12-01', end: '2025-12-31', deadline: '2026-01-05' });
  });

  it('quarterly, due by the 15th of the next quarter (domain.md §2.6)', () => {
    const periods = listReportingPeriods(2025, 'quarterly', { kind: 'day_of_next_month', day: 15 });
    expect(periods.map((p) => [p.key, p.start, p.end, p.deadline])).toEqual([
      ['2025-Q1', '2025-01-01', '2025-03-31', '2025-04-15'],
      ['2025-Q2', '2025-04-01', '2025-06-30', '2025-07-15'],
      ['2025-Q3', '2025-07-01', '2025-09-30', '2025-10-15'],
      ['2025-Q4', '2025-10-01', '2025-12-31', '2026-01-15'],
    ]);
  });

  it('rejects an impossible year', () => {
    expect(() => listReportingPeriods(1999, 'monthly', { kind: 'days_after_end', days: 5 })).toThrow(expect.objectContaining({ code: 'targets.invalid_year' }));
  });
});

describe('computeDeadline', () => {
  // 2025 National Day: 1–8 Oct off; Sun 28 Sep and Sat 11 Oct are adjusted working days (调休).
  const holidays = new Set(['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08']);
  const workWeekends = new Set(['2025-09-28', '2025-10-11']);
  const isWorkday = (date: string) => {
    if (workWeekends.has(date)) return true;
    if (holidays.has(date)) return false;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };

  it.each([
    ['2025-01-31', { kind: 'day_of_next_month' as const, day: 31 }, '2025-02-28'], // clamped to month end
    ['2024-01-31', { kind: 'day_of_next_month' as const, day: 31 }, '2024-02-29'],
    ['2025-01-31', { kind: 'days_after_end' as const, days: 10 }, '2025-02-10'],
    ['2025-12-31', { kind: 'days_after_end' as const, days: 5 }, '2026-01-05'],
    // Oct 9 (1), Oct 10 (2), Sat Oct 11 adjusted workday (3), Mon Oct 13 (4), Tue Oct 14 (5)
    ['2025-09-30', { kind: 'working_days_after_end' as const, days: 5 }, '2025-10-14'],
  ])('period ending %s with %j → %s', (end, rule, expected) => {
    expect(computeDeadline(end, rule, isWorkday)).toBe(expected);
  });

  it('needs a work calendar for working-day rules', () => {
    expect(() => computeDeadline('2025-09-30', { kind: 'working_days_after_end', days: 5 })).toThrow(expect.objectContaining({ code: 'targets.work_calendar_required' }));
  });
});

describe('listReminderDates', () => {
  it.each([
    ['2025-02-05', [3, 1], ['2025-02-02', '2025-02-04']],
    ['2025-02-05', [1, 3, 1], ['2025-02-02', '2025-02-04']],
    ['2025-03-02', [3], ['2025-02-27']],
  ])('deadline %s, days before %j → %j', (deadline, days, expected) => {
    expect(listReminderDates(deadline, days)).toEqual(expected);
  });
});

describe('classifyReportTimeliness', () => {
  const deadline = '2025-02-05';
  it.each<[string | null, string, Timeliness]>([
    ['2025-02-05', '2025-02-10', 'on_time'], // on the deadline day
    ['2025-01-20', '2025-02-10', 'on_time'],
    ['2025-02-06', '2025-02-10', 'late'], // a day late
    [null, '2025-02-05', 'not_due'], // deadline day not yet over
    [null, '2025-02-06', 'missing'],
    [null, '2025-01-31', 'not_due'],
  ])('submitted %s, today %s → %s', (submitted, today, expected) => {
    expect(classifyReportTimeliness(submitted, deadline, today)).toBe(expected);
  });

  it.each([
    ['2025-02-05T15:59:59Z', 'on_time'], // 23:59:59 in Shanghai on the deadline day
    ['2025-02-05T16:00:00Z', 'late'], // 00:00 on 6 Feb in Shanghai
  ])('a UTC timestamp %s is judged on the Shanghai day → %s', (timestamp, expected) => {
    expect(classifyReportTimeliness(toLocalDate(timestamp), deadline, '2025-03-01')).toBe(expected);
  });
});

describe('reportingRate', () => {
  const repeat = (status: Timeliness, n: number) => Array.from({ length: n }, () => status);
  it.each<[Timeliness[], Record<string, unknown>]>([
    // 6 on time + 2 late of 10 due (2 not due excluded) → 80 %, on time 60 %
    [[...repeat('on_time', 6), ...repeat('late', 2), ...repeat('missing', 2), ...repeat('not_due', 2)],
      { expected: 10, submitted: 8, ratePercent: '80.00', onTimeRatePercent: '60.00', notDue: 2 }],
    [['on_time', 'late', 'missing'], { expected: 3, ratePercent: '66.67', onTimeRatePercent: '33.33' }],
    [['not_due'], { expected: 0, ratePercent: null, onTimeRatePercent: null }],
    [[], { expected: 0, ratePercent: null }],
  ])('%j', (statuses, expected) => {
    expect(reportingRate(statuses)).toMatchObject(expected);
  });
});
