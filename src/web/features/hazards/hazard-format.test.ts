import { describe, expect, it } from 'vitest';
import { deadlineCountdown, localToday } from './hazard-format';

describe('deadlineCountdown', () => {
  it('counts the days left while rectification is owed', () => {
    expect(deadlineCountdown('2026-03-13', '2026-03-10', 'rectifying')).toEqual({ kind: 'left', days: 3 });
    expect(deadlineCountdown('2026-03-01', '2026-02-27', 'confirmed')).toEqual({ kind: 'left', days: 2 });
  });

  it('is due today on the deadline itself and overdue from the day after', () => {
    expect(deadlineCountdown('2026-03-13', '2026-03-13', 'rectifying')).toEqual({ kind: 'today' });
    expect(deadlineCountdown('2026-03-13', '2026-03-14', 'rectifying')).toEqual({ kind: 'overdue', days: 1 });
    expect(deadlineCountdown('2025-12-31', '2026-01-10', 'rectifying')).toEqual({ kind: 'overdue', days: 10 });
  });

  it('shows no countdown without a deadline or once nothing is owed', () => {
    expect(deadlineCountdown(null, '2026-03-10', 'rectifying')).toEqual({ kind: 'none' });
    expect(deadlineCountdown('2026-03-01', '2026-03-10', 'pending_verification')).toEqual({ kind: 'none' });
    expect(deadlineCountdown('2026-03-01', '2026-03-10', 'closed')).toEqual({ kind: 'none' });
  });
});

describe('localToday', () => {
  it('gives the date in Asia/Shanghai, whatever the browser’s zone', () => {
    expect(localToday(new Date('2026-11-26T18:25:00Z'))).toBe('2026-11-27');
    expect(localToday(new Date('2026-01-05T03:00:00Z'))).toBe('2026-01-05');
    expect(localToday(new Date('2026-01-05T03:00:00Z'), 'America/New_York')).toBe('2026-01-04');
  });
});
