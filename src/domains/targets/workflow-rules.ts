/**
 * Plan and report workflows (domain.md §4.4). A plan version goes draft → published → closed; a
 * published plan is changed by creating the next draft version, never edited in place. Progress
 * reports and self-evaluations go draft → submitted → accepted, or → returned → submitted again.
 */
import { conflict } from '../../shared/errors';
import { daysBetween } from './local-date';
import type { PlanStatus } from './plan-schema';

export type PlanAction = 'publish' | 'close';
const planNext: Record<PlanStatus, Partial<Record<PlanAction, PlanStatus>>> = {
  draft: { publish: 'published' },
  published: { close: 'closed' },
  closed: {},
};

export function nextPlanStatus(from: PlanStatus, action: PlanAction): PlanStatus {
  const to = planNext[from][action];
  if (!to) throw conflict('targets.invalid_plan_transition', `计划处于“${from}”状态，不能执行“${action}”`, { from, action });
  return to;
}

/** Only a draft's indicators, assignments and configuration may change. */
export function canEditPlan(status: PlanStatus): boolean {
  return status === 'draft';
}

/** Version number of a new draft derived from the existing versions of the same year. */
export function nextPlanVersion(versions: readonly number[]): number {
  return versions.reduce((max, v) => Math.max(max, v), 0) + 1;
}

export const reportStatuses = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportStatus = (typeof reportStatuses)[number];
export type ReportAction = 'submit' | 'return' | 'accept';
const reportNext: Record<ReportStatus, Partial<Record<ReportAction, ReportStatus>>> = {
  draft: { submit: 'submitted' },
  submitted: { return: 'returned', accept: 'accepted' },
  returned: { submit: 'submitted' },
  accepted: {},
};

export function nextReportStatus(from: ReportStatus, action: ReportAction): ReportStatus {
  const to = reportNext[from][action];
  if (!to) throw conflict('targets.invalid_report_transition', `报送处于“${from}”状态，不能执行“${action}”`, { from, action });
  return to;
}

/** [D] objection window after publication of draft results: `windowDays` calendar days, publication day included. */
export const defaultObjectionWindowDays = 7;

export function isObjectionWindowOpen(publishedOn: string, today: string, windowDays = defaultObjectionWindowDays): boolean {
  const elapsed = daysBetween(publishedOn, today);
  return elapsed >= 0 && elapsed < windowDays;
}
