/**
 * Elevator schedule under TSG T7001-2023 (domain.md §1.4.1, [S] src 6–8; algorithm [D]).
 *
 * Interpretation implemented (domain.md §1.4.1 "Algorithm [D]", §11.2 worked example, §11.3):
 * - The schedule is anchored to the BASE MONTH — the month of the installation (or modification)
 *   supervision-inspection pass — not to the last inspection date. Year n's obligation falls in
 *   month base + 12·n ("第1年" = the first anniversary month, an assumption the doc marks [?]).
 * - Year n is an inspection year if n ∈ {1,4,7,9,11,13,15} or n > 15 [S]; otherwise a self-test
 *   (自行检测, TSG T7008-2023) year [?].
 * - An inspection up to 2 months before the due month counts for that year and does not shift later
 *   years [S]; a late inspection counts for the year it was due in, and the schedule "continues on
 *   the same years" [S]. A passed major-repair supervision inspection counts as that year's periodic
 *   inspection (item 3) [S]. A self-test never satisfies an inspection year.
 * - A modification supervision inspection re-bases the schedule: the caller passes its date as the base.
 * - After a stop ≥ 1 year the inspection before restart moves the due MONTH but the years continue
 *   (item 4): pass that inspection's date as `rebasedOn`; year n then falls in calendar year
 *   (base year + n) at the month of `rebasedOn`.
 * - Due dates are month-based (§11.3). `dueDay: 'month_start'` (default) makes the first day of the due
 *   month the due date, which is what the §11.2 vector needs (status on 2028-02-25 for the 2028-03
 *   obligation is 临期 with a 30-day window). `'next_month_start'` lets the whole due month pass.
 */
import { monthIndexToFirstDay, monthIndexToLabel, toMonthIndex } from './date-math';
import type { InspectionKind } from './enums';
import type { ElevatorT7001Params } from './inspection-rule-types';

export type ElevatorObligation = 'periodic_inspection' | 'self_test';

export type ElevatorScheduleEntry = {
  year: number;
  dueMonth: string;
  dueOn: string;
  obligation: ElevatorObligation;
};

export function classifyElevatorYear(year: number, params: ElevatorT7001Params): ElevatorObligation {
  return year > params.everyYearAfter || params.inspectionYears.includes(year) ? 'periodic_inspection' : 'self_test';
}

function dueOnOf(monthIndex: number, params: ElevatorT7001Params): string {
  return monthIndexToFirstDay(params.dueDay === 'next_month_start' ? monthIndex + 1 : monthIndex);
}

/** Month index of "year 0": the base year at the base month, or at the re-base month (item 4). */
function anchorIndex(baseOn: string, rebasedOn?: string | null): number {
  const base = toMonthIndex(baseOn);
  if (!rebasedOn) return base;
  const baseYearStart = base - (base % 12);
  return baseYearStart + (toMonthIndex(rebasedOn) % 12);
}

function entryFor(baseIndex: number, year: number, params: ElevatorT7001Params): ElevatorScheduleEntry {
  const monthIndex = baseIndex + 12 * year;
  return {
    year,
    dueMonth: monthIndexToLabel(monthIndex),
    dueOn: dueOnOf(monthIndex, params),
    obligation: classifyElevatorYear(year, params),
  };
}

/** Years 1..years of the schedule from a base date (for the UI and for tests). */
export function listElevatorSchedule(
  baseOn: string,
  years: number,
  params: ElevatorT7001Params,
  rebasedOn?: string | null,
): ElevatorScheduleEntry[] {
  const baseIndex = anchorIndex(baseOn, rebasedOn);
  return Array.from({ length: years }, (_, i) => entryFor(baseIndex, i + 1, params));
}

/**
 * The schedule year a record covers: the latest year n ≥ 1 whose window (due month − earlyMonths)
 * has opened by the record's month and whose obligation the record can satisfy; 0 when none.
 */
export function findCoveredElevatorYear(
  baseOn: string,
  record: { date: string; kind?: InspectionKind },
  params: ElevatorT7001Params,
  rebasedOn?: string | null,
): number {
  const baseIndex = anchorIndex(baseOn, rebasedOn);
  const opened = Math.floor((toMonthIndex(record.date) + params.earlyMonths - baseIndex) / 12);
  const isSelfTest = record.kind === 'self_test';
  for (let year = opened; year >= 1; year -= 1) {
    if (!isSelfTest || classifyElevatorYear(year, params) === 'self_test') return year;
  }
  return 0;
}

type LastRecord = { date: string; kind?: InspectionKind } | null;

/** The next obligation (inspection or self-test) after the last record, or year 1 when there is none. */
export function computeElevatorNextEntry(
  baseOn: string,
  last: LastRecord,
  params: ElevatorT7001Params,
  rebasedOn?: string | null,
): ElevatorScheduleEntry & { coveredYear: number } {
  const coveredYear = last ? findCoveredElevatorYear(baseOn, last, params, rebasedOn) : 0;
  return { ...entryFor(anchorIndex(baseOn, rebasedOn), coveredYear + 1, params), coveredYear };
}

/** The next periodic INSPECTION after the last record, skipping self-test years (for "下次定期检验"). */
export function findNextElevatorInspection(
  baseOn: string,
  last: LastRecord,
  params: ElevatorT7001Params,
  rebasedOn?: string | null,
): ElevatorScheduleEntry {
  let year = (last ? findCoveredElevatorYear(baseOn, last, params, rebasedOn) : 0) + 1;
  while (classifyElevatorYear(year, params) !== 'periodic_inspection') year += 1;
  return entryFor(anchorIndex(baseOn, rebasedOn), year, params);
}
