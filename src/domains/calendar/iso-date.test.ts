import { describe, expect, it } from 'vitest';
import { addCalendarDays, addMonthsClamped, diffCalendarDays, getDaysInMonth, getIsoWeekday, isIsoDate, parseIsoDate } from './iso-date';

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true], // 2024 ÷ 4
    ['2026-02-29', false],
    ['1900-02-29', false], // ÷ 100, not ÷ 400
    ['2000-02-29', true], // ÷ 400
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-2-01', false],
    ['2026-02-01T00:00', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it('parses the parts of a real date', () => {
    expect(parseIsoDate('2026-10-10')).toEqual({ year: 2026, month: 10, day: 10 });
  });
});

describe('getDaysInMonth', () => {
  it.each([
    [2024, 2, 29],
    [2025, 2, 28],
    [2100, 2, 28],
    [2026, 4, 30],
    [2026, 12, 31],
  ])('%i-%i has %i days', (year, month, expected) => {
    expect(getDaysInMonth(year, month)).toBe(expected);
  });
});

describe('addMonthsClamped', () => {
  it.each([
    ['2024-02-29', 12, '2025-02-28'], // leap day, clamped (domain.md §11.3)
    ['2024-02-29', 48, '2028-02-29'], // next leap year keeps the 29th
    ['2024-08-31', 6, '2025-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-12-15', 1, '2025-01-15'],
    ['2025-01-15', -1, '2024-12-15'],
    ['2000-02-29', 1200, '2100-02-28'], // 2100 is not a leap year
    ['2020-06-15', 36, '2023-06-15'],
    ['2026-05-10', 0, '2026-05-10'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonthsClamped(date, months)).toBe(expected);
  });

  it('rejects a date that does not exist', () => {
    expect(() => addMonthsClamped('2026-02-30', 1)).toThrow(expect.objectContaining({ code: 'calendar.invalid_date' }));
  });
});

describe('addCalendarDays / diffCalendarDays', () => {
  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['1969-12-31', 1, '1970-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-01', 15, '2026-01-16'],
  ])('%s + %i days = %s', (date, n, expected) => {
    expect(addCalendarDays(date, n)).toBe(expected);
    expect(diffCalendarDays(date, expected)).toBe(n);
  });
});

describe('getIsoWeekday', () => {
  it.each([
    ['1970-01-01', 4], // Thursday
    ['2026-10-10', 6], // Saturday
    ['2026-10-11', 7], // Sunday
    ['2026-10-12', 1], // Monday
    ['2026-02-17', 2], // Tuesday
  ])('%s is ISO weekday %i', (date, expected) => {
    expect(getIsoWeekday(date)).toBe(expected);
  });
});
