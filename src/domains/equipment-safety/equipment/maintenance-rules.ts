/**
 * Elevator maintenance gaps and operator-certificate status (pure).
 */
import { invalid } from '../../../shared/errors';
import { addDays, assertIsoDate, diffDays } from './date-math';
import type { CertificateStatus } from './enums';

/** Elevators: cleaning, lubrication, adjustment and inspection at least every 15 days (domain.md §1.1 [S]). */
export const ELEVATOR_MAINTENANCE_MAX_GAP_DAYS = 15;

export type MaintenanceGap = {
  /** The maintenance before the gap, or the period start when none is known. */
  startOn: string;
  /** The next maintenance, or the period end when none followed (`isOpen`). */
  endOn: string;
  days: number;
  /** Last day the next maintenance was due (startOn + maxGapDays). */
  dueBy: string;
  isOpen: boolean;
};

export type MaintenanceGapOptions = { maxGapDays?: number; from: string; to: string };

/**
 * Intervals longer than `maxGapDays` between consecutive maintenance dates within [from, to].
 * "At least every 15 days": maintenance on 01-01 and 01-16 (15 days) is fine, 01-01 and 01-17
 * (16 days) is a gap. The observation starts at the latest maintenance on or before `from`; when the
 * list has none, `from` itself is the reference (pass the device's in-service date, or include the
 * last maintenance before the period). Dates after `to` are ignored; if more than maxGapDays pass
 * between the last maintenance and `to`, an open gap ending at `to` is reported.
 */
export function findMaintenanceGaps(maintenanceDates: readonly string[], options: MaintenanceGapOptions): MaintenanceGap[] {
  const { from, to, maxGapDays = ELEVATOR_MAINTENANCE_MAX_GAP_DAYS } = options;
  assertIsoDate(from);
  assertIsoDate(to);
  if (from > to) throw invalid('equipment.invalid_period', `起始日期晚于结束日期：${from} > ${to}`, { from, to });
  if (!Number.isInteger(maxGapDays) || maxGapDays < 1) {
    throw invalid('equipment.invalid_max_gap', `维保间隔天数无效：${maxGapDays}`, { maxGapDays });
  }
  maintenanceDates.forEach(assertIsoDate);
  const sorted = [...new Set(maintenanceDates)].filter((d) => d <= to).sort();
  const prior = sorted.filter((d) => d <= from).at(-1);
  const points = [prior ?? from, ...sorted.filter((d) => d > from)];
  const gaps: MaintenanceGap[] = [];
  const push = (startOn: string, endOn: string, isOpen: boolean) => {
    const days = diffDays(startOn, endOn);
    if (days > maxGapDays) gaps.push({ startOn, endOn, days, dueBy: addDays(startOn, maxGapDays), isOpen });
  };
  for (let i = 1; i < points.length; i += 1) push(points[i - 1] as string, points[i] as string, false);
  push(points[points.length - 1] as string, to, true);
  return gaps;
}

/**
 * Certificate status. `expiresOn` is the last valid day (有效期至, inclusive) — unlike an inspection
 * `dueOn`, which is the first day without validity.
 *   expired   when today > expiresOn;
 *   expiring  when expiresOn − warningDays ≤ today ≤ expiresOn;
 *   valid     otherwise.
 * Default window 30 days [D] (domain.md states no renewal lead time for operator certificates).
 */
export function classifyCertificate(expiresOn: string, today: string, warningDays = 30): CertificateStatus {
  if (!Number.isInteger(warningDays) || warningDays < 0) {
    throw invalid('equipment.invalid_warning_days', `提醒天数无效：${warningDays}`, { warningDays });
  }
  const daysLeft = diffDays(today, expiresOn);
  if (daysLeft < 0) return 'expired';
  if (daysLeft <= warningDays) return 'expiring';
  return 'valid';
}
