import { describe, expect, it } from 'vitest';
import { classifyElevatorYear, findNextElevatorInspection, listElevatorSchedule } from './elevator-schedule';
import type { InspectionKind } from './enums';
import { inspectionRuleSet } from './inspection-rule-set';
import type { ElevatorT7001Params, RuleDevice } from './inspection-rule-types';
import { classifyDueStatus, computeNextDue } from './inspection-rules';

const params: ElevatorT7001Params = { inspectionYears: [1, 4, 7, 9, 11, 13, 15], everyYearAfter: 15, earlyMonths: 2, dueDay: 'month_start' };

describe('classifyElevatorYear (TSG T7001-2023: 1,4,7,9,11,13,15, then every year)', () => {
  // By hand: P = periodic inspection, S = self-test
  const expected = ['P', 'S', 'S', 'P', 'S', 'S', 'P', 'S', 'P', 'S', 'P', 'S', 'P', 'S', 'P', 'P', 'P'];
  it.each(expected.map((code, i) => [i + 1, code] as const))('year %i → %s', (year, code) => {
    expect(classifyElevatorYear(year, params)).toBe(code === 'P' ? 'periodic_inspection' : 'self_test');
  });
});

describe('listElevatorSchedule — domain.md §11.2 worked example (base 2024-03-20)', () => {
  const schedule = listElevatorSchedule('2024-03-20', 17, params);

  it('puts periodic inspections in 2025-03, 2028-03, 2031-03, 2033-03, 2035-03, 2037-03, 2039-03, 2040-03, 2041-03', () => {
    expect(schedule.filter((e) => e.obligation === 'periodic_inspection').map((e) => e.dueMonth)).toEqual([
      '2025-03', '2028-03', '2031-03', '2033-03', '2035-03', '2037-03', '2039-03', '2040-03', '2041-03',
    ]);
  });

  it('puts self-tests in 2026-03, 2027-03, 2029-03, 2030-03, 2032-03, 2034-03, 2036-03, 2038-03', () => {
    expect(schedule.filter((e) => e.obligation === 'self_test').map((e) => e.dueMonth)).toEqual([
      '2026-03', '2027-03', '2029-03', '2030-03', '2032-03', '2034-03', '2036-03', '2038-03',
    ]);
  });

  it('dates each obligation on the first day of the due month by default', () => {
    expect(schedule[3]).toEqual({ year: 4, dueMonth: '2028-03', dueOn: '2028-03-01', obligation: 'periodic_inspection' });
  });

  it('can let the whole due month pass (dueDay: next_month_start)', () => {
    expect(listElevatorSchedule('2024-03-20', 4, { ...params, dueDay: 'next_month_start' })[3]?.dueOn).toBe('2028-04-01');
  });

  it('keeps a base of 31 January in January every year (month-based, no clamping)', () => {
    expect(listElevatorSchedule('2024-01-31', 2, params).map((e) => e.dueOn)).toEqual(['2025-01-01', '2026-01-01']);
  });
});

describe('computeNextDue for elevators under TSG T7001-2023 (base 2024-03-20)', () => {
  const elevator: RuleDevice = { category: '3000', kind: '3100', variety: '3110', commissionedOn: '2024-04-10', scheduleBaseOn: '2024-03-20' };
  const next = (date: string, kind: InspectionKind = 'periodic') =>
    computeNextDue({ device: elevator, lastInspection: { date, result: 'pass', kind }, ruleSet: inspectionRuleSet });

  it.each([
    // [last record date, kind, expected next due month, obligation, year]
    ['2025-03-12', 'periodic', '2026-03', 'self_test', 2], // year 1 done → year 2 self-test
    ['2026-03-05', 'self_test', '2027-03', 'self_test', 3],
    ['2027-03-10', 'self_test', '2028-03', 'periodic_inspection', 4],
    ['2028-01-15', 'periodic', '2029-03', 'self_test', 5], // 2 months early still counts for year 4
    ['2027-12-20', 'periodic', '2028-03', 'periodic_inspection', 4], // 3 months early: does not count for year 4
    ['2028-02-10', 'self_test', '2028-03', 'periodic_inspection', 4], // a self-test never satisfies an inspection year
    ['2028-07-05', 'periodic', '2029-03', 'self_test', 5], // late: counts for year 4, years unchanged
    ['2031-02-01', 'supervision_major_repair', '2032-03', 'self_test', 8], // major repair covers year 7
    ['2039-03-01', 'periodic', '2040-03', 'periodic_inspection', 16], // > 15 years: every year
    ['2040-03-08', 'periodic', '2041-03', 'periodic_inspection', 17],
  ] as const)('after %s (%s) → %s %s (year %i)', (date, kind, dueMonth, obligation, year) => {
    expect(next(date, kind)).toMatchObject({
      ruleId: 'elevator-t7001-2023',
      dueMonth,
      dueOn: `${dueMonth}-01`,
      obligation,
      elevatorYear: year,
      mustStop: false,
    });
  });

  it('keeps 2031-03 as the next periodic inspection after an inspection in 2028-01 (§11.2)', () => {
    expect(findNextElevatorInspection('2024-03-20', { date: '2028-01-15', kind: 'periodic' }, params).dueMonth).toBe('2031-03');
  });

  it('flags the 2028-03 obligation as 临期 on 2028-02-25 (§11.2)', () => {
    expect(classifyDueStatus(next('2027-03-10', 'self_test').dueOn, '2028-02-25')).toBe('due_soon');
  });

  it('starts with a year-1 inspection when nothing is recorded (base after the switch)', () => {
    const fresh: RuleDevice = { ...elevator, scheduleBaseOn: '2024-05-15', commissionedOn: '2024-05-20' };
    expect(computeNextDue({ device: fresh, lastInspection: null, ruleSet: inspectionRuleSet })).toMatchObject({
      ruleId: 'elevator-t7001-2023',
      dueOn: '2025-05-01',
      obligation: 'periodic_inspection',
      elevatorYear: 1,
    });
    expect(
      computeNextDue({ device: fresh, lastInspection: { date: '2024-05-15', result: 'pass', kind: 'supervision_installation' }, ruleSet: inspectionRuleSet }),
    ).toMatchObject({ dueOn: '2025-05-01', elevatorYear: 1 });
  });

  it('moves the due month after a restart inspection but keeps the years (item 4)', () => {
    const restarted: RuleDevice = { ...elevator, scheduleRebasedOn: '2030-07-08' };
    // Base year 2024 at month 07: the July 2030 inspection covers year 6 → year 7 due 2031-07.
    expect(
      computeNextDue({ device: restarted, lastInspection: { date: '2030-07-08', result: 'pass', kind: 'periodic' }, ruleSet: inspectionRuleSet }),
    ).toMatchObject({ dueMonth: '2031-07', obligation: 'periodic_inspection', elevatorYear: 7 });
  });

  it('switches from the annual rule: an inspection on 2024-04-01 is due 2025-04-01, on 2024-06-05 by the year pattern', () => {
    const old: RuleDevice = { category: '3000', kind: '3100', variety: '3110', commissionedOn: '2015-06-10', scheduleBaseOn: '2015-06-10' };
    expect(computeNextDue({ device: old, lastInspection: { date: '2024-04-01', result: 'pass' }, ruleSet: inspectionRuleSet })).toMatchObject({
      ruleId: 'elevator-annual-legacy',
      dueOn: '2025-04-01',
      dueMonth: null,
    });
    // 2024-06 is year 9 (an inspection year) → year 10 self-test in 2025-06.
    expect(computeNextDue({ device: old, lastInspection: { date: '2024-06-05', result: 'pass' }, ruleSet: inspectionRuleSet })).toMatchObject({
      ruleId: 'elevator-t7001-2023',
      dueOn: '2025-06-01',
      obligation: 'self_test',
      elevatorYear: 10,
    });
  });
});
