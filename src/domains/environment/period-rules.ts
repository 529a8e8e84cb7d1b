/**
 * Reporting periods of the environment statistics: month `2026-03`, quarter `2026-Q1`, year
 * `2026` (local calendar days, `YYYY-MM-DD`). Isomorphic.
 */
import { invalid } from '../../shared/errors';

export const periodGroupings = ['month', 'quarter', 'year'] as const;
export type PeriodGrouping = (typeof periodGroupings)[number];

export type PeriodRange = { key: string; from: string; to: string };

/** Key of the period containing `date`. */
export function periodKeyOf(date: string, groupBy: PeriodGrouping): string {
  const year = date.slice(0, 4);
  if (groupBy === 'year') return year;
  const month = Number(date.slice(5, 7));
  if (groupBy === 'month') return date.slice(0, 7);
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');

/** First and last day of a period key. */
export function rangeOfPeriod(key: string): PeriodRange {
  let m = /^(\d{4})$/.exec(key);
  if (m) return { key, from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) {
    const year = Number(m[1]);
    const first = (Number(m[2]) - 1) * 3 + 1;
    return { key, from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${pad(lastDayOfMonth(year, first + 2))}` };
  }
  m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    return { key, from: `${key}-01`, to: `${key}-${pad(lastDayOfMonth(year, month))}` };
  }
  throw invalid('env.invalid_period', `期间格式应为 YYYY、YYYY-Qn 或 YYYY-MM: ${key}`, { period: key });
}

/** Every period overlapping [from, to], in order. */
export function listPeriods(from: string, to: string, groupBy: PeriodGrouping): PeriodRange[] {
  if (from > to) throw invalid('env.invalid_range', `起始日期晚于结束日期: ${from} > ${to}`, { from, to });
  const out: PeriodRange[] = [];
  let key = periodKeyOf(from, groupBy);
  for (let guard = 0; guard < 2000; guard++) {
    const range = rangeOfPeriod(key);
    out.push(range);
    if (range.to >= to) break;
    const next = new Date(Date.parse(`${range.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    key = periodKeyOf(next, groupBy);
  }
  return out;
}
