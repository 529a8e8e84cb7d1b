/**
 * Safety KPIs of the hazard loop for a period (domain.md §2.6 [D]). Pure: the caller passes one summary per
 * hazard (already filtered by area/department/domain) with its closure and reopen dates from the history,
 * so the status on the period's last day is reconstructed and a later reopen does not rewrite the past.
 *
 * Every rate returns numerator and denominator (for provenance) and `value = numerator / denominator`,
 * `null` when the denominator is 0. Values are plain ratios (0.75, not 75 %); compare against thresholds
 * with the integers, not the float.
 */
import type { HazardCloseReason, HazardGrade, HazardSource, HazardStatus } from './hazard-enums';
import { owingHazardStatuses } from './hazard-enums';
import { diffCalendarDays } from './hazard-dates';

export type HazardMetricsRecord = {
  id: string;
  source: HazardSource;
  /** Current grade; null when never graded. */
  grade: HazardGrade | null;
  /** Current status (used only for what history cannot tell: draft, invalid, transferred). */
  status: HazardStatus;
  createdOn: string;
  confirmedOn: string | null;
  /** Deadline in force now (for the overdue count). */
  deadline: string | null;
  /** Every 销号, ascending, with the deadline in force at that moment. */
  closures: readonly { on: string; deadline: string | null; reason: HazardCloseReason }[];
  /** Every reopen, ascending. Closures and reopens alternate: close, reopen, close, … */
  reopenings: readonly string[];
};

export type HazardMetricsPeriod = { from: string; to: string };

export type RateMetric = { numerator: number; denominator: number; value: number | null };
export type MeanMetric = { totalDays: number; count: number; value: number | null };

export type HazardMetrics = {
  rectificationRate: RateMetric;
  onTimeRectificationRate: RateMetric;
  overdueOpenCount: number;
  majorClosureRate: RateMetric;
  averageRectificationDays: MeanMetric;
  reboundRate: RateMetric;
  selfCheckShare: RateMetric;
};

export const hazardMetricLabels: Record<keyof HazardMetrics, { zh: string; en: string }> = {
  rectificationRate: { zh: '整改率', en: 'Rectification rate' },
  onTimeRectificationRate: { zh: '按期整改率', en: 'On-time rectification rate' },
  overdueOpenCount: { zh: '逾期未改数', en: 'Overdue open hazards' },
  majorClosureRate: { zh: '重大隐患销号率', en: 'Major-hazard closure rate' },
  averageRectificationDays: { zh: '平均整改时长（天）', en: 'Average rectification time (days)' },
  reboundRate: { zh: '反弹率', en: 'Rebound rate' },
  selfCheckShare: { zh: '自查占比', en: 'Self-check share' },
};

function rate(numerator: number, denominator: number): RateMetric {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

const inPeriod = (date: string, p: HazardMetricsPeriod) => date >= p.from && date <= p.to;

/** The closure in force at the end of `asOf` (last closure on or before it, not followed by a reopen
 *  on or before it), or null when the hazard was open (or never closed) then. */
export function closureInForce(r: HazardMetricsRecord, asOf: string): HazardMetricsRecord['closures'][number] | null {
  const closures = r.closures.filter((c) => c.on <= asOf);
  const reopens = r.reopenings.filter((d) => d <= asOf);
  const last = closures[closures.length - 1];
  return last !== undefined && closures.length > reopens.length ? last : null;
}

/** Confirmed in the period and still the platform's to resolve (transferred hazards left our books). */
function isConfirmedIn(r: HazardMetricsRecord, p: HazardMetricsPeriod): boolean {
  return r.confirmedOn !== null && inPeriod(r.confirmedOn, p) && r.status !== 'transferred';
}

/** Hazards owing rectification at `asOf` whose current deadline has passed (optionally of one grade). */
export function countOverdueOpen(records: readonly HazardMetricsRecord[], asOf: string, grade?: HazardGrade): number {
  return records.filter(
    (r) => owingHazardStatuses.includes(r.status) && r.deadline !== null && r.deadline < asOf && (grade === undefined || r.grade === grade),
  ).length;
}

/**
 * Definitions (all "in the period" = date within [from, to], both inclusive, local days):
 * - 整改率 = closed / confirmed: hazards confirmed in the period that are closed (any reason) at `to`.
 * - 按期整改率 = closed_on_or_before_deadline / closed: of those closed, the ones whose closure date is not
 *   after the deadline in force when closed (no deadline, e.g. rectified on the spot, counts as on time).
 * - 逾期未改数 = open ∧ overdue at `asOf`: hazards owing rectification now (confirmed/rectifying) whose
 *   current deadline is before `asOf` (any confirmation date: it is a stock, not a flow).
 * - 重大隐患销号率 = major_closed / major_confirmed: as 整改率, restricted to grade 重大.
 * - 平均整改时长 = mean(closedOn − confirmedOn) in calendar days over the hazards counted closed in 整改率.
 * - 反弹率 = reopened / closed: closures (销号 events) dated in the period, and of those the ones later undone
 *   by a reopen (up to `asOf`). A hazard closed twice in the period counts twice.
 * - 自查占比 = self-check hazards / all hazards: hazards created in the period and submitted (not drafts).
 */
export function computeHazardMetrics(
  records: readonly HazardMetricsRecord[],
  period: HazardMetricsPeriod,
  asOf: string,
): HazardMetrics {
  const confirmed = records.filter((r) => isConfirmedIn(r, period));
  const closedAtEnd = confirmed.flatMap((r) => {
    const c = closureInForce(r, period.to);
    return c ? [{ r, c }] : [];
  });
  const onTime = closedAtEnd.filter(({ c }) => c.deadline === null || c.on <= c.deadline);
  const majorConfirmed = confirmed.filter((r) => r.grade === 'major');
  const majorClosed = closedAtEnd.filter(({ r }) => r.grade === 'major');
  const totalDays = closedAtEnd.reduce((sum, { r, c }) => sum + diffCalendarDays(r.confirmedOn ?? c.on, c.on), 0);

  let closuresInPeriod = 0;
  let reboundedClosures = 0;
  for (const r of records) {
    const reopensSoFar = r.reopenings.filter((d) => d <= asOf).length;
    r.closures.forEach((c, index) => {
      if (!inPeriod(c.on, period)) return;
      closuresInPeriod += 1;
      if (index < reopensSoFar) reboundedClosures += 1;
    });
  }

  const reportedInPeriod = records.filter((r) => r.status !== 'draft' && inPeriod(r.createdOn, period));
  const overdueOpenCount = countOverdueOpen(records, asOf);

  return {
    rectificationRate: rate(closedAtEnd.length, confirmed.length),
    onTimeRectificationRate: rate(onTime.length, closedAtEnd.length),
    overdueOpenCount,
    majorClosureRate: rate(majorClosed.length, majorConfirmed.length),
    averageRectificationDays: {
      totalDays,
      count: closedAtEnd.length,
      value: closedAtEnd.length === 0 ? null : totalDays / closedAtEnd.length,
    },
    reboundRate: rate(reboundedClosures, closuresInPeriod),
    selfCheckShare: rate(reportedInPeriod.filter((r) => r.source === 'self_check').length, reportedInPeriod.length),
  };
}
