import { describe, expect, it } from 'vitest';
import { inspectionRuleSet } from './inspection-rule-set';
import type { InspectionTrack } from './inspection-rule-types';
import { classifyDeviceDue, dueDateRange, planObligations, type OpenObligation, type PlanDevice, type TrackInspection } from './obligation-rules';

const crane: PlanDevice = { category: '4000', kind: '4100', variety: '4110', status: 'in_use', commissionedOn: '2024-01-10' };
const boiler: PlanDevice = { category: '1000', kind: '1200', variety: null, status: 'in_use', commissionedOn: '2024-01-10' };
const plan = (device: PlanDevice, last: Array<[InspectionTrack, TrackInspection]> = [], open: OpenObligation[] = []) =>
  planObligations({ device, lastByTrack: new Map(last), open, ruleSet: inspectionRuleSet, today: '2026-05-01' });
const inspection = (id: string, date: string, result: TrackInspection['result'] = 'pass'): TrackInspection => ({ id, date, result, kind: 'periodic' });
const openOf = (p: ReturnType<typeof plan>, track: InspectionTrack, id: string, basedOnInspectionId: string | null = null): OpenObligation => {
  const o = p.open.find((x) => x.track === track);
  if (!o) throw new Error(`no ${track}`);
  return { id, track, obligation: o.obligation, dueOn: o.dueOn, ruleId: o.ruleId, basedOnInspectionId, basedOnDate: o.basedOnDate };
};

describe('planObligations', () => {
  it('opens one obligation per track with a rule (boiler: external and internal)', () => {
    const p = plan(boiler);
    expect(p.open.map((o) => [o.track, o.dueOn, o.obligation])).toEqual([
      ['external', '2025-01-10', 'periodic_inspection'],
      ['internal', '2025-01-10', 'first_inspection'],
    ]);
    expect(p.current.map((c) => c.dueOn)).toEqual(['2025-01-10', '2025-01-10']);
    expect(p.hasRuleGap).toBe(false);
  });

  it('keeps an unchanged obligation and satisfies it with a newer inspection', () => {
    const first = plan(crane);
    const open = [openOf(first, 'periodic', 'o1')];
    expect(plan(crane, [], open)).toMatchObject({ close: [], open: [] });
    const after = plan(crane, [['periodic', inspection('i1', '2026-01-05')]], open);
    expect(after.close).toEqual([{ id: 'o1', state: 'satisfied', closedOn: '2026-01-05', satisfiedByInspectionId: 'i1', voidReason: null }]);
    expect(after.open[0]).toMatchObject({ dueOn: '2028-01-05', basedOnInspectionId: 'i1', basedOnDate: '2026-01-05' });
  });

  it('voids an obligation whose due date moved without a newer inspection (rule or device change)', () => {
    const open: OpenObligation = { id: 'o1', track: 'periodic', obligation: 'periodic_inspection', dueOn: '2025-01-10', ruleId: 'crane-bridge', basedOnInspectionId: null, basedOnDate: '2024-01-10' };
    const p = plan(crane, [], [open]);
    expect(p.close).toEqual([{ id: 'o1', state: 'void', closedOn: '2026-05-01', satisfiedByInspectionId: null, voidReason: 'recomputed' }]);
    expect(p.open[0]?.dueOn).toBe('2026-01-10');
  });

  it('an older inspection (e.g. after an undo) does not satisfy the open obligation', () => {
    const open: OpenObligation = { id: 'o1', track: 'periodic', obligation: 'periodic_inspection', dueOn: '2028-03-01', ruleId: 'crane-bridge', basedOnInspectionId: 'gone', basedOnDate: '2026-03-01' };
    const p = plan(crane, [['periodic', inspection('i0', '2025-02-01')]], [open]);
    expect(p.close[0]).toMatchObject({ id: 'o1', state: 'void' });
    expect(p.open[0]?.dueOn).toBe('2027-02-01');
  });

  it('a failed inspection opens a re-inspection due at once and marks the device must-stop', () => {
    const p = plan(crane, [['periodic', inspection('i1', '2026-04-20', 'fail')]]);
    expect(p.current[0]).toMatchObject({ obligation: 'reinspection', dueOn: '2026-04-20', mustStop: true });
  });

  it.each(['stopped', 'scrapped', 'notified', 'deregistered'] as const)('voids every obligation of a %s device', (status) => {
    const open = [openOf(plan(crane), 'periodic', 'o1')];
    const p = plan({ ...crane, status }, [], open);
    expect(p.close).toEqual([{ id: 'o1', state: 'void', closedOn: '2026-05-01', satisfiedByInspectionId: null, voidReason: `status_${status}` }]);
    expect(p.open).toEqual([]);
  });

  it('has no obligation without a base date, and flags a device no rule covers', () => {
    expect(plan({ ...crane, commissionedOn: null })).toMatchObject({ open: [], hasRuleGap: false });
    expect(plan({ category: '7000', kind: '7100', variety: null, status: 'in_use', commissionedOn: '2024-01-01' })).toMatchObject({ open: [], hasRuleGap: true });
  });
});

describe('classifyDeviceDue and dueDateRange agree', () => {
  const today = '2026-05-01';
  it.each([
    ['2026-05-01', 'overdue'],
    ['2026-04-01', 'overdue'],
    ['2026-05-02', 'due_soon'],
    ['2026-05-31', 'due_soon'],
    ['2026-06-01', 'normal'],
  ] as const)('%s → %s', (nextDueOn, status) => {
    expect(classifyDeviceDue('in_use', nextDueOn, today, 30)).toBe(status);
    const range = dueDateRange(status, today, 30);
    expect((range.after === null || nextDueOn > range.after) && (range.onOrBefore === null || nextDueOn <= range.onOrBefore)).toBe(true);
  });

  it('calls a stopped device exempt and an obligated one without a rule "none"', () => {
    expect(classifyDeviceDue('stopped', null, today, 30)).toBe('exempt');
    expect(classifyDeviceDue('in_use', null, today, 30)).toBe('none');
  });
});
