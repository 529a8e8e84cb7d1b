/**
 * The working-day calendar the hazard rules need (isomorphic port). The implementation lives in
 * `src/domains/calendar/rules.ts` (State Council holiday arrangement incl. 调休, domain.md §11.3);
 * the hazard rules only take it as a parameter so they stay pure and testable with a fake.
 *
 * Dates are local calendar days `YYYY-MM-DD` (Asia/Shanghai by default, product.md §6).
 * `addWorkingDays(date, n)`: n > 0 counts n working days after `date`, n < 0 counts |n| working days
 * before it, n = 0 returns `date` unchanged. Whether `date` itself is a working day does not matter.
 */
export type WorkingDayCalendar = {
  isWorkingDay(date: string): boolean;
  addWorkingDays(date: string, n: number): string;
};
