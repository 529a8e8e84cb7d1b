import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  bindCalendar,
  buildCalendar,
  findUnknownYears,
  getCalendarDay,
  isWorkingDay,
  isYearKnown,
  knownYears,
  workingDaysBetween,
  type CalendarOverride,
  type ShippedHolidayData,
} from './rules';
import { calendarOverrideInputSchema, calendarOverrideListSchema } from './schema';

/*
 * Expected values below come from the State Council arrangement for 2026 as shipped in
 * node_modules/chinese-days/dist/years/2026.json (国办发明电〔2025〕, gov.cn content_7047091):
 *   holidays 01-01..03, 02-15..23 (春节), 04-04..06, 05-01..05, 06-19..21, 09-25..27 (中秋), 10-01..07 (国庆)
 *   adjusted working days 01-04 (Sun), 02-14 (Sat), 02-28 (Sat), 05-09 (Sat), 09-20 (Sun), 10-10 (Sat)
 * Weekdays by hand from 2026-01-01 = Thursday.
 */
const cal = buildCalendar();

describe('isWorkingDay (shipped 2026 data)', () => {
  it.each([
    ['2026-10-10', true], // Saturday, 国庆 调休上班
    ['2026-09-20', true], // Sunday, 国庆 调休上班
    ['2026-02-14', true], // Saturday, 春节 调休上班
    ['2026-02-28', true], // Saturday, 春节 调休上班
    ['2026-01-04', true], // Sunday, 元旦 调休上班
    ['2026-02-17', false], // Tuesday, 春节
    ['2026-02-23', false], // Monday, 春节 (last day)
    ['2026-10-01', false], // Thursday, 国庆
    ['2026-10-07', false], // Wednesday, 国庆 (last day)
    ['2026-10-03', false], // Saturday inside the holiday
    ['2026-10-08', true], // Thursday after the holiday
    ['2026-10-11', false], // plain Sunday
    ['2026-03-02', true], // plain Monday
  ])('%s → %s', (date, expected) => {
    expect(isWorkingDay(date, cal)).toBe(expected);
  });
});

describe('getCalendarDay', () => {
  it.each([
    ['2026-10-10', { isWorkingDay: true, kind: 'adjusted_workday', name: '国庆节', source: 'package' }],
    ['2026-02-17', { isWorkingDay: false, kind: 'holiday', name: '春节', source: 'package' }],
    ['2026-10-11', { isWorkingDay: false, kind: 'weekend', name: null, source: 'weekday' }],
    ['2026-10-12', { isWorkingDay: true, kind: 'workday', name: null, source: 'weekday' }],
  ] as const)('%s', (date, expected) => {
    expect(getCalendarDay(date, cal)).toEqual({ date, ...expected });
  });
});

describe('addWorkingDays (start day never counts)', () => {
  it.each([
    // National Day 2026
    ['2026-09-30', 1, '2026-10-08'], // Wed → holidays 10-01..07 → Thu 10-08
    ['2026-09-30', 3, '2026-10-10'], // 10-08, 10-09, Sat 10-10 (调休)
    ['2026-09-30', 4, '2026-10-12'], // … Sun 10-11 skipped → Mon 10-12
    ['2026-09-28', 3, '2026-10-08'], // Mon: 09-29, 09-30, 10-08
    ['2026-10-03', 1, '2026-10-08'], // start on a holiday
    // Spring Festival 2026
    ['2026-02-13', 1, '2026-02-14'], // Fri → Sat 02-14 is a working day
    ['2026-02-13', 2, '2026-02-24'], // 02-15..23 off → Tue 02-24
    ['2026-02-13', 5, '2026-02-27'],
    ['2026-02-13', 6, '2026-02-28'], // Sat 02-28 调休
    ['2026-02-13', 7, '2026-03-02'],
    // Negative n
    ['2026-10-08', -1, '2026-09-30'],
    ['2026-10-12', -2, '2026-10-09'], // Sun 10-11 skipped, Sat 10-10 counts, Fri 10-09
    ['2026-02-24', -1, '2026-02-14'],
    // domain.md §11.2 hazard example (March 2025 has no holidays)
    ['2025-03-13', -3, '2025-03-10'], // reminder D−3 working days
    ['2025-03-13', 5, '2025-03-20'], // urging letter D+5 working days
    ['2025-03-03', 5, '2025-03-10'], // "5个工作日内" from Monday
    // n = 0 keeps the date, even on a holiday
    ['2026-10-03', 0, '2026-10-03'],
  ])('%s %+i working days = %s', (date, n, expected) => {
    expect(addWorkingDays(date, n, cal)).toBe(expected);
  });

  it('rejects a non-integer or huge step', () => {
    expect(() => addWorkingDays('2026-01-05', 1.5, cal)).toThrow(expect.objectContaining({ code: 'calendar.invalid_step' }));
    expect(() => addWorkingDays('2026-01-05', 5000, cal)).toThrow(expect.objectContaining({ code: 'calendar.range_too_large' }));
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2026-09-30', '2026-10-12', 4], // 10-08, 10-09, 10-10, 10-12
    ['2026-10-12', '2026-09-30', -4],
    ['2026-02-13', '2026-02-28', 6], // 02-14, 02-24..27, 02-28
    ['2026-03-02', '2026-03-02', 0],
    ['2026-03-02', '2026-03-09', 5], // Mon → next Mon: Tue..Fri + Mon
    ['2025-03-03', '2025-03-13', 8],
  ])('%s → %s = %i', (a, b, expected) => {
    expect(workingDaysBetween(a, b, cal)).toBe(expected);
  });

  it('inverts addWorkingDays for n ≥ 0 across the 2026 holidays', () => {
    for (const start of ['2026-01-01', '2026-02-13', '2026-09-25', '2026-10-03']) {
      for (let n = 0; n <= 25; n += 1) {
        expect(workingDaysBetween(start, addWorkingDays(start, n, cal), cal)).toBe(n);
      }
    }
  });
});

describe('known years and administrator overrides', () => {
  it('knows 2004–2026 from chinese-days 1.5.7 and not 2027', () => {
    const expected = Array.from({ length: 23 }, (_, i) => 2004 + i);
    expect(knownYears(cal)).toEqual(expected);
    expect(isYearKnown(cal, 2027)).toBe(false);
    expect(findUnknownYears(cal, '2026-12-01', '2028-01-10')).toEqual([2027, 2028]);
  });

  // A hypothetical 2027 New Year arrangement entered by an administrator (not yet in the package).
  const overrides2027: CalendarOverride[] = [
    { date: '2027-01-01', kind: 'holiday', name: '元旦' }, // Friday
    { date: '2027-01-02', kind: 'holiday', name: '元旦' },
    { date: '2027-01-03', kind: 'holiday', name: '元旦' },
  ];
  const cal2027 = buildCalendar(overrides2027);

  it('treats unknown 2027 as plain weekdays until entered', () => {
    expect(isWorkingDay('2027-01-01', cal)).toBe(true);
    expect(addWorkingDays('2026-12-31', 1, cal)).toBe('2027-01-01');
  });

  it('applies the 2027 override and lists 2027 as known', () => {
    expect(isWorkingDay('2027-01-01', cal2027)).toBe(false);
    expect(addWorkingDays('2026-12-31', 1, cal2027)).toBe('2027-01-04'); // Fri off, Sat, Sun → Mon
    expect(knownYears(cal2027)).toContain(2027);
    expect(getCalendarDay('2027-01-01', cal2027)).toMatchObject({ kind: 'holiday', name: '元旦', source: 'override' });
  });

  it('refuses unknown years on request', () => {
    expect(() => addWorkingDays('2026-12-31', 1, cal, { requireKnownYears: true })).toThrow(
      expect.objectContaining({ code: 'calendar.unknown_year' }),
    );
    expect(addWorkingDays('2026-12-31', 1, cal2027, { requireKnownYears: true })).toBe('2027-01-04');
  });

  it('lets an override win over the shipped data', () => {
    const adjusted = buildCalendar([
      { date: '2026-10-10', kind: 'holiday', name: '取消调休' },
      { date: '2026-10-08', kind: 'holiday', name: '地方假日' },
      { date: '2026-10-11', kind: 'workday', name: '补班' },
    ]);
    expect(isWorkingDay('2026-10-10', adjusted)).toBe(false);
    expect(addWorkingDays('2026-09-30', 1, adjusted)).toBe('2026-10-09');
    expect(getCalendarDay('2026-10-11', adjusted)).toMatchObject({ isWorkingDay: true, kind: 'adjusted_workday' });
  });

  it('works on injected shipped data', () => {
    const shipped: ShippedHolidayData = { holidays: { '2030-01-01': "New Year's Day,元旦,1" }, workdays: {} };
    const small = buildCalendar([], shipped);
    expect(knownYears(small)).toEqual([2030]);
    expect(getCalendarDay('2030-01-01', small)).toMatchObject({ isWorkingDay: false, name: '元旦' });
  });

  it('rejects duplicate or invalid override dates', () => {
    expect(() => buildCalendar([overrides2027[0]!, overrides2027[0]!])).toThrow(
      expect.objectContaining({ code: 'calendar.duplicate_override' }),
    );
    expect(() => buildCalendar([{ date: '2027-02-30', kind: 'holiday', name: 'x' }])).toThrow(
      expect.objectContaining({ code: 'calendar.invalid_date' }),
    );
  });
});

describe('bindCalendar', () => {
  it('exposes the two-method port used by other domains', () => {
    const port = bindCalendar(cal);
    expect(port.isWorkingDay('2026-10-10')).toBe(true);
    expect(port.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
  });
});

describe('calendar override schemas', () => {
  it.each([
    [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }, true],
    [{ date: '2027-02-29', kind: 'holiday', name: '元旦' }, false],
    [{ date: '2027-01-01', kind: 'vacation', name: '元旦' }, false],
    [{ date: '2027-01-01', kind: 'holiday', name: ' ' }, false],
    [{ date: '2027-01-01', kind: 'holiday', name: '元旦', extra: 1 }, false],
  ])('%j valid = %s', (input, expected) => {
    expect(calendarOverrideInputSchema.safeParse(input).success).toBe(expected);
  });

  it('rejects a list with a date twice', () => {
    const entry = { date: '2027-01-01', kind: 'holiday', name: '元旦' };
    expect(calendarOverrideListSchema.safeParse([entry, entry]).success).toBe(false);
    expect(calendarOverrideListSchema.safeParse([entry]).success).toBe(true);
  });
});
