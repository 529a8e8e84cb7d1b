import { describe, expect, it } from 'vitest';
import { specialDays, weekdayOf, yearChoices } from './calendar-format';

describe('calendar helpers', () => {
  it('names the weekday of a date', () => {
    expect(weekdayOf('2026-10-01')).toBe('周四');
    expect(weekdayOf('2026-02-15')).toBe('周日');
  });

  it('keeps holidays and adjusted working days in date order', () => {
    const days = [
      { date: '2026-01-04', isWorkingDay: true, kind: 'adjusted_workday', name: '元旦', source: 'package' },
      { date: '2026-01-01', isWorkingDay: false, kind: 'holiday', name: '元旦', source: 'package' },
      { date: '2026-01-05', isWorkingDay: true, kind: 'workday', name: null, source: 'weekday' },
      { date: '2026-01-10', isWorkingDay: false, kind: 'weekend', name: null, source: 'weekday' },
    ] as const;
    expect(specialDays(days).map((d) => d.date)).toEqual(['2026-01-01', '2026-01-04']);
  });

  it('offers recent known years and the years around the current one, newest first', () => {
    expect(yearChoices(2026, [2004, 2025, 2026])).toEqual([2028, 2027, 2026, 2025, 2024]);
  });
});
