/**
 * Grade rules (domain.md §2.4 "Rules", [D]): a grade can be raised (一般 → 重大) at any time by anyone who may
 * change grades; lowering needs a reviewer (bureau / supervising department) and a written reason, and is
 * refused while the hazard is listed for government supervision (挂牌督办 ends only with 销号).
 */
import { conflict, forbidden, invalid } from '../../../shared/errors';
import type { HazardActor, HazardRecord } from './hazard-actors';
import type { HazardGrade } from './hazard-enums';
import { actorHoldsRelation, reviewerRelations } from './hazard-transition-table';

export type GradeChange = 'raise' | 'lower' | 'same';

const gradeRank: Record<HazardGrade, number> = { general: 1, major: 2 };

/** Direction of a change from `from` (null = not graded yet, treated as general) to `to`. */
export function classifyGradeChange(from: HazardGrade | null, to: HazardGrade): GradeChange {
  const a = gradeRank[from ?? 'general'];
  const b = gradeRank[to];
  return b > a ? 'raise' : b < a ? 'lower' : 'same';
}

function hasReason(reason: string | undefined): boolean {
  return reason !== undefined && reason.trim().length > 0;
}

/**
 * Checks a `change_grade` request once the state table has allowed the actor to change grades at all.
 * Order: listed lock (409) → lowering by a non-reviewer (403) → unchanged grade / missing reason (400).
 */
export function assertGradeChangeAllowed(
  hazard: HazardRecord,
  grade: HazardGrade,
  reason: string | undefined,
  actor: HazardActor,
): GradeChange {
  const change = classifyGradeChange(hazard.grade, grade);
  if (change === 'lower' && hazard.isListed) {
    throw conflict('hazard.listed_grade_locked', '挂牌督办中的重大隐患不能降级', { grade: hazard.grade });
  }
  if (change === 'lower' && !actorHoldsRelation(hazard, actor, reviewerRelations)) {
    throw forbidden('hazard.forbidden_actor', '降级须由核定单位（市场监管局或行业监管部门）批准', { action: 'change_grade' });
  }
  if (change === 'same') {
    throw invalid('hazard.grade_unchanged', '等级未变化', { grade });
  }
  if (change === 'lower' && !hasReason(reason)) {
    throw invalid('hazard.lower_grade_reason_required', '降级须说明理由', { from: hazard.grade, to: grade });
  }
  return change;
}

/** At confirmation the reviewer may grade below the reporter's proposal, but only with a reason. */
export function assertConfirmGradeAllowed(hazard: HazardRecord, grade: HazardGrade, lowerGradeReason: string | undefined): void {
  if (hazard.grade !== null && classifyGradeChange(hazard.grade, grade) === 'lower' && !hasReason(lowerGradeReason)) {
    throw invalid('hazard.lower_grade_reason_required', '低于建议等级核定须说明理由', { proposed: hazard.grade, grade });
  }
}
