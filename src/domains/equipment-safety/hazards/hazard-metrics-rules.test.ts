import { describe, expect, it } from 'vitest';
import type { HazardMetricsRecord } from './hazard-metrics-rules';
import { closureInForce, computeHazardMetrics } from './hazard-metrics-rules';

const rec = (id: string, r: Partial<HazardMetricsRecord>): HazardMetricsRecord => ({
  id,
  source: 'patrol',
  grade: 'general',
  status: 'rectifying',
  createdOn: '2025-01-01',
  confirmedOn: null,
  deadline: null,
  closures: [],
  reopenings: [],
  ...r,
});

/** Q1 2025, computed on 2025-04-10. Expected values by hand in the test below. */
const records: HazardMetricsRecord[] = [
  // A: self-check, closed 01-15 before its deadline 01-16; 01-06 → 01-15 = 9 days.
  rec('A', { source: 'self_check', status: 'closed', createdOn: '2025-01-05', confirmedOn: '2025-01-06', deadline: '2025-01-16', closures: [{ on: '2025-01-15', deadline: '2025-01-16', reason: 'verified' }] }),
  // B: closed 02-20 (late), reopened 03-05 → open at 03-31, rebound; new deadline 03-15 < 04-10 → overdue.
  rec('B', { createdOn: '2025-02-01', confirmedOn: '2025-02-02', deadline: '2025-03-15', closures: [{ on: '2025-02-20', deadline: '2025-02-12', reason: 'verified' }], reopenings: ['2025-03-05'] }),
  // C: major supervision finding, closed 03-20 after its deadline 03-10; 01-12 → 03-20 = 19 + 28 + 20 = 67 days.
  rec('C', { source: 'supervision', grade: 'major', status: 'closed', createdOn: '2025-01-10', confirmedOn: '2025-01-12', deadline: '2025-03-10', closures: [{ on: '2025-03-20', deadline: '2025-03-10', reason: 'verified' }] }),
  // D: major self-check, rectifying, deadline 06-30 (not overdue).
  rec('D', { source: 'self_check', grade: 'major', createdOn: '2025-03-01', confirmedOn: '2025-03-03', deadline: '2025-06-30' }),
  // E: complaint found invalid: reported in the period, never confirmed.
  rec('E', { source: 'complaint', status: 'invalid', createdOn: '2025-02-10' }),
  // F: a draft never submitted: counts nowhere.
  rec('F', { source: 'self_check', status: 'draft', createdOn: '2025-03-10' }),
  // G: confirmed then transferred: off our books.
  rec('G', { status: 'transferred', createdOn: '2025-01-20', confirmedOn: '2025-01-21' }),
  // H: confirmed in 2024, closed 01-10 in the period: only the closure counts (rebound denominator).
  rec('H', { source: 'supervision', status: 'closed', createdOn: '2024-12-20', confirmedOn: '2024-12-21', deadline: '2024-12-31', closures: [{ on: '2025-01-10', deadline: '2024-12-31', reason: 'verified' }] }),
  // I: confirmed 03-26, closed only on 04-05 (after the period).
  rec('I', { source: 'referral', status: 'closed', createdOn: '2025-03-25', confirmedOn: '2025-03-26', deadline: '2025-04-05', closures: [{ on: '2025-04-05', deadline: '2025-04-05', reason: 'verified' }] }),
];

describe('computeHazardMetrics', () => {
  it('computes the seven §2.6 KPIs with their numerators and denominators', () => {
    const m = computeHazardMetrics(records, { from: '2025-01-01', to: '2025-03-31' }, '2025-04-10');
    // confirmed in Q1 and not transferred: A, B, C, D, I = 5; closed at 03-31: A, C = 2.
    expect(m.rectificationRate).toEqual({ numerator: 2, denominator: 5, value: 0.4 });
    // of A and C only A closed by its deadline.
    expect(m.onTimeRectificationRate).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    // owing (confirmed/rectifying) with deadline before 04-10: B only.
    expect(m.overdueOpenCount).toBe(1);
    // major confirmed: C, D; closed: C.
    expect(m.majorClosureRate).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    // (9 + 67) / 2 = 38.
    expect(m.averageRectificationDays).toEqual({ totalDays: 76, count: 2, value: 38 });
    // closures dated in Q1: A 01-15, B 02-20, C 03-20, H 01-10 = 4; undone by a reopen: B.
    expect(m.reboundRate).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
    // reported in Q1 (not drafts): A, B, C, D, E, G, I = 7; self-checks: A, D.
    expect(m.selfCheckShare).toEqual({ numerator: 2, denominator: 7, value: 2 / 7 });
  });

  it('returns null rates and a null mean when every denominator is 0', () => {
    const m = computeHazardMetrics([], { from: '2025-01-01', to: '2025-03-31' }, '2025-04-10');
    for (const r of [m.rectificationRate, m.onTimeRectificationRate, m.majorClosureRate, m.reboundRate, m.selfCheckShare]) {
      expect(r).toEqual({ numerator: 0, denominator: 0, value: null });
    }
    expect(m.averageRectificationDays).toEqual({ totalDays: 0, count: 0, value: null });
    expect(m.overdueOpenCount).toBe(0);
  });

  it('gives a null on-time rate when hazards were confirmed but none closed yet', () => {
    const m = computeHazardMetrics([records[3] as HazardMetricsRecord], { from: '2025-01-01', to: '2025-03-31' }, '2025-04-10');
    expect(m.rectificationRate).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(m.onTimeRectificationRate.value).toBeNull();
    expect(m.averageRectificationDays.value).toBeNull();
  });

  it('does not count a reopen that happens after asOf as a rebound', () => {
    const b = records[1] as HazardMetricsRecord;
    const m = computeHazardMetrics([b], { from: '2025-02-01', to: '2025-02-28' }, '2025-03-01');
    expect(m.reboundRate).toEqual({ numerator: 0, denominator: 1, value: 0 });
  });

  it('counts an on-the-spot closure without a deadline as on time, with 0 days', () => {
    const spot = rec('S', { status: 'closed', createdOn: '2025-02-03', confirmedOn: '2025-02-03', closures: [{ on: '2025-02-03', deadline: null, reason: 'verified' }] });
    const m = computeHazardMetrics([spot], { from: '2025-02-01', to: '2025-02-28' }, '2025-03-01');
    expect(m.onTimeRectificationRate).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(m.averageRectificationDays).toEqual({ totalDays: 0, count: 1, value: 0 });
  });
});

describe('closureInForce', () => {
  const twice = rec('T', {
    closures: [
      { on: '2025-01-10', deadline: null, reason: 'verified' },
      { on: '2025-02-10', deadline: null, reason: 'verified' },
    ],
    reopenings: ['2025-01-20'],
  });
  it.each<[string, string | null]>([
    ['2025-01-09', null],
    ['2025-01-10', '2025-01-10'],
    ['2025-01-20', null],
    ['2025-02-09', null],
    ['2025-02-10', '2025-02-10'],
  ])('on %s the closure in force is %s', (asOf, expected) => {
    expect(closureInForce(twice, asOf)?.on ?? null).toBe(expected);
  });
});
