import { describe, expect, it } from 'vitest';
import { createLocalTimeResolver, formatDayNumber, parseDayNumber } from './local-time';
import { thrownCode } from './test-helpers';

describe('local days and hours', () => {
  const shanghai = createLocalTimeResolver('Asia/Shanghai');

  it('puts 15:00 UTC at 23:00 of the same local day and 16:00 UTC at 00:00 of the next', () => {
    expect(shanghai.locate(Date.parse('2026-11-20T15:00:00Z'))).toEqual({ dayNumber: parseDayNumber('2026-11-20'), hour: 23 });
    expect(shanghai.locate(Date.parse('2026-11-20T16:00:00Z'))).toEqual({ dayNumber: parseDayNumber('2026-11-21'), hour: 0 });
    expect(new Date(shanghai.startOfDay(parseDayNumber('2026-11-21'))).toISOString()).toBe('2026-11-20T16:00:00.000Z');
  });

  it('follows daylight-saving changes in zones that have them', () => {
    const ny = createLocalTimeResolver('America/New_York');
    expect(new Date(ny.startOfDay(parseDayNumber('2026-07-01'))).toISOString()).toBe('2026-07-01T04:00:00.000Z');
    expect(new Date(ny.startOfDay(parseDayNumber('2026-01-01'))).toISOString()).toBe('2026-01-01T05:00:00.000Z');
    expect(ny.locate(Date.parse('2026-03-08T07:00:00Z'))).toEqual({ dayNumber: parseDayNumber('2026-03-08'), hour: 3 });
  });

  it('formats and parses day numbers, refusing impossible dates and unknown zones', () => {
    expect(formatDayNumber(parseDayNumber('2028-02-29'))).toBe('2028-02-29');
    expect(thrownCode(() => parseDayNumber('2026-02-30'))).toBe('env.invalid_date');
    expect(thrownCode(() => createLocalTimeResolver('Mars/Olympus'))).toBe('env.invalid_time_zone');
  });
});
