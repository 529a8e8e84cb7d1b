import { describe, expect, it } from 'vitest';
import { listPeriods, periodKeyOf, rangeOfPeriod } from './period-rules';
import { thrownCode } from './test-helpers';

describe('reporting periods', () => {
  it('names the month, quarter and year of a date', () => {
    expect(periodKeyOf('2026-08-31', 'month')).toBe('2026-08');
    expect(periodKeyOf('2026-08-31', 'quarter')).toBe('2026-Q3');
    expect(periodKeyOf('2026-08-31', 'year')).toBe('2026');
  });

  it('knows the first and last day of each period (leap February included)', () => {
    expect(rangeOfPeriod('2028-02')).toEqual({ key: '2028-02', from: '2028-02-01', to: '2028-02-29' });
    expect(rangeOfPeriod('2026-Q4')).toEqual({ key: '2026-Q4', from: '2026-10-01', to: '2026-12-31' });
    expect(rangeOfPeriod('2026')).toEqual({ key: '2026', from: '2026-01-01', to: '2026-12-31' });
    expect(thrownCode(() => rangeOfPeriod('2026-13'))).toBe('env.invalid_period');
  });

  it('lists every period overlapping a range, across years', () => {
    expect(listPeriods('2025-11-27', '2026-02-03', 'month').map((p) => p.key)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(listPeriods('2025-11-27', '2026-02-03', 'quarter').map((p) => p.key)).toEqual(['2025-Q4', '2026-Q1']);
    expect(thrownCode(() => listPeriods('2026-02-03', '2026-01-01', 'month'))).toBe('env.invalid_range');
  });
});
