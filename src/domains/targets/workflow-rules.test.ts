import { describe, expect, it } from 'vitest';
import { canEditPlan, isObjectionWindowOpen, nextPlanStatus, nextPlanVersion, nextReportStatus, type PlanAction, type ReportAction, type ReportStatus } from './workflow-rules';
import type { PlanStatus } from './plan-schema';

describe('nextPlanStatus', () => {
  it.each<[PlanStatus, PlanAction, PlanStatus]>([
    ['draft', 'publish', 'published'],
    ['published', 'close', 'closed'],
  ])('%s --%s--> %s', (from, action, to) => {
    expect(nextPlanStatus(from, action)).toBe(to);
  });

  it.each<[PlanStatus, PlanAction]>([
    ['draft', 'close'],
    ['published', 'publish'],
    ['closed', 'publish'],
  ])('refuses %s --%s', (from, action) => {
    expect(() => nextPlanStatus(from, action)).toThrow(expect.objectContaining({ code: 'targets.invalid_plan_transition', kind: 'conflict' }));
  });

  it.each<[PlanStatus, boolean]>([
    ['draft', true],
    ['published', false],
    ['closed', false],
  ])('canEditPlan(%s) = %s', (status, expected) => {
    expect(canEditPlan(status)).toBe(expected);
  });

  it.each([
    [[], 1],
    [[1, 3, 2], 4],
  ])('nextPlanVersion(%j) = %i', (versions, expected) => {
    expect(nextPlanVersion(versions)).toBe(expected);
  });
});

describe('nextReportStatus', () => {
  it.each<[ReportStatus, ReportAction, ReportStatus]>([
    ['draft', 'submit', 'submitted'],
    ['submitted', 'accept', 'accepted'],
    ['submitted', 'return', 'returned'],
    ['returned', 'submit', 'submitted'],
  ])('%s --%s--> %s', (from, action, to) => {
    expect(nextReportStatus(from, action)).toBe(to);
  });

  it.each<[ReportStatus, ReportAction]>([
    ['draft', 'accept'],
    ['accepted', 'submit'],
    ['returned', 'accept'],
  ])('refuses %s --%s', (from, action) => {
    expect(() => nextReportStatus(from, action)).toThrow(expect.objectContaining({ code: 'targets.invalid_report_transition' }));
  });
});

describe('isObjectionWindowOpen', () => {
  it.each([
    ['2025-01-10', 7, true], // publication day
    ['2025-01-16', 7, true], // 7th day
    ['2025-01-17', 7, false],
    ['2025-01-09', 7, false], // before publication
    ['2025-01-12', 3, true],
    ['2025-01-13', 3, false],
  ])('published 2025-01-10, today %s, %i days → %s', (today, days, expected) => {
    expect(isObjectionWindowOpen('2025-01-10', today, days)).toBe(expected);
  });
});
