import { describe, expect, it } from 'vitest';
import { classifyCertificate, findMaintenanceGaps, type MaintenanceGap } from './maintenance-rules';

describe('findMaintenanceGaps (elevators: at least every 15 days)', () => {
  it.each<[string, string[], string, string, MaintenanceGap[]]>([
    ['15 days is fine', ['2026-01-01', '2026-01-16'], '2026-01-01', '2026-01-16', []],
    [
      '16 days is a gap',
      ['2026-01-01', '2026-01-17'],
      '2026-01-01',
      '2026-01-17',
      [{ startOn: '2026-01-01', endOn: '2026-01-17', days: 16, dueBy: '2026-01-16', isOpen: false }],
    ],
    ['open tail of 15 days is fine', ['2026-01-01'], '2026-01-01', '2026-01-16', []],
    [
      'open tail of 16 days is a gap',
      ['2026-01-01'],
      '2026-01-01',
      '2026-01-17',
      [{ startOn: '2026-01-01', endOn: '2026-01-17', days: 16, dueBy: '2026-01-16', isOpen: true }],
    ],
    // The maintenance before the period anchors it: 12-25 → 01-08 is 14 days.
    ['earlier maintenance anchors the period', ['2025-12-25', '2026-01-08', '2026-01-20'], '2026-01-01', '2026-01-31', []],
    [
      'without an earlier one the period start anchors it',
      ['2026-01-17', '2026-01-30'],
      '2026-01-01',
      '2026-01-31',
      [{ startOn: '2026-01-01', endOn: '2026-01-17', days: 16, dueBy: '2026-01-16', isOpen: false }],
    ],
    [
      'unsorted and duplicate dates',
      ['2026-01-30', '2026-01-01', '2026-01-01', '2026-01-14'],
      '2026-01-01',
      '2026-01-31',
      [{ startOn: '2026-01-14', endOn: '2026-01-30', days: 16, dueBy: '2026-01-29', isOpen: false }],
    ],
    [
      'dates after the period are ignored',
      ['2026-01-01', '2026-02-10'],
      '2026-01-01',
      '2026-01-31',
      [{ startOn: '2026-01-01', endOn: '2026-01-31', days: 30, dueBy: '2026-01-16', isOpen: true }],
    ],
    ['leap February: 02-20 → 03-06 is 15 days in 2024', ['2024-02-20', '2024-03-06'], '2024-02-20', '2024-03-06', []],
    [
      '02-20 → 03-08 is 16 days in 2023',
      ['2023-02-20', '2023-03-08'],
      '2023-02-20',
      '2023-03-08',
      [{ startOn: '2023-02-20', endOn: '2023-03-08', days: 16, dueBy: '2023-03-07', isOpen: false }],
    ],
    [
      'no maintenance at all',
      [],
      '2026-03-01',
      '2026-03-31',
      [{ startOn: '2026-03-01', endOn: '2026-03-31', days: 30, dueBy: '2026-03-16', isOpen: true }],
    ],
  ])('%s', (_label, dates, from, to, expected) => {
    expect(findMaintenanceGaps(dates, { from, to })).toEqual(expected);
  });

  it('takes another maximum gap', () => {
    expect(findMaintenanceGaps(['2026-01-01', '2026-01-31'], { from: '2026-01-01', to: '2026-01-31', maxGapDays: 30 })).toEqual([]);
  });

  it.each([
    [{ from: '2026-02-01', to: '2026-01-01' }, 'equipment.invalid_period'],
    [{ from: '2026-01-01', to: '2026-01-31', maxGapDays: 0 }, 'equipment.invalid_max_gap'],
    [{ from: '2026-01-01', to: '2026-02-30' }, 'equipment.invalid_date'],
  ])('rejects %j', (options, code) => {
    expect(() => findMaintenanceGaps([], options)).toThrow(expect.objectContaining({ code }));
  });
});

describe('classifyCertificate (expiresOn is the last valid day)', () => {
  it.each([
    ['2026-09-30', '2026-10-01', 30, 'expired'],
    ['2026-09-30', '2026-09-30', 30, 'expiring'], // last valid day
    ['2026-09-30', '2026-08-31', 30, 'expiring'], // 30 days before
    ['2026-09-30', '2026-08-30', 30, 'valid'], // 31 days before
    ['2026-09-30', '2026-07-02', 90, 'expiring'], // 90 days before
    ['2026-09-30', '2026-09-29', 0, 'valid'],
  ] as const)('expires %s, today %s, window %i → %s', (expiresOn, today, warningDays, expected) => {
    expect(classifyCertificate(expiresOn, today, warningDays)).toBe(expected);
  });

  it('defaults to 30 days and rejects a negative window', () => {
    expect(classifyCertificate('2026-09-30', '2026-08-31')).toBe('expiring');
    expect(() => classifyCertificate('2026-09-30', '2026-08-31', -5)).toThrow(expect.objectContaining({ code: 'equipment.invalid_warning_days' }));
  });
});
