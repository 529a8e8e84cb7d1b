/**
 * Pure display helpers of the target-assessment pages: labels and colours of statuses, the target
 * figures of an item in words, pace lights, grades and ranks.
 *
 *   targetText({ weight: '5', lower: '20', upper: '30', target: null, threshold: null }, '家') // → '确保 20 家，力争 30 家'
 */
import type { AssessmentStage, ValueSource } from '../../../domains/targets/item-rules';
import type { EffectiveTargets } from '../../../domains/targets/plan-api-schema';
import type { PlanStatus, TieBreakKey } from '../../../domains/targets/plan-schema';
import type { ReportStatus } from '../../../domains/targets/workflow-rules';

type Label = { zh: string; en: string };

export const planStatusLabels: Record<PlanStatus, Label> = {
  draft: { zh: '草稿', en: 'Draft' },
  published: { zh: '已发布', en: 'Published' },
  closed: { zh: '已关闭', en: 'Closed' },
};
export const planStatusColors: Record<PlanStatus, string> = { draft: 'default', published: 'green', closed: 'default' };

export const stageLabels: Record<AssessmentStage, Label> = {
  in_progress: { zh: '年度推进中', en: 'In progress' },
  scored: { zh: '已计分', en: 'Scored' },
  publicity: { zh: '公示中', en: 'Under publicity' },
  final: { zh: '已正式发布', en: 'Published' },
};
export const stageColors: Record<AssessmentStage, string> = { in_progress: 'blue', scored: 'cyan', publicity: 'orange', final: 'green' };
export const stageOrder: readonly AssessmentStage[] = ['in_progress', 'scored', 'publicity', 'final'];

export const reportStatusLabels: Record<ReportStatus, Label> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已报送', en: 'Submitted' },
  returned: { zh: '已退回', en: 'Returned' },
  accepted: { zh: '已通过', en: 'Accepted' },
};
export const reportStatusColors: Record<ReportStatus, string> = { draft: 'default', submitted: 'blue', returned: 'red', accepted: 'green' };

export type Timeliness = 'on_time' | 'late' | 'missing' | 'not_due';
export const timelinessLabels: Record<Timeliness, Label> = {
  on_time: { zh: '按时', en: 'On time' },
  late: { zh: '逾期', en: 'Late' },
  missing: { zh: '未报', en: 'Missing' },
  not_due: { zh: '未到期', en: 'Not due' },
};
export const timelinessColors: Record<Timeliness, string> = { on_time: 'green', late: 'orange', missing: 'red', not_due: 'default' };

export const sourceLabels: Record<ValueSource, Label> = {
  review: { zh: '审核核定', en: 'Set in review' },
  self_evaluation: { zh: '年终自评', en: 'Self-evaluation' },
  metric: { zh: '平台指标', en: 'Platform metric' },
  progress_report: { zh: '进度报送', en: 'Progress report' },
};

export const reviewDecisionLabels: Record<'accept' | 'adjust' | 'return', Label> = {
  accept: { zh: '通过', en: 'Accept' },
  adjust: { zh: '调整', en: 'Adjust' },
  return: { zh: '退回', en: 'Return' },
};

export const objectionStatusLabels: Record<'open' | 'upheld' | 'rejected', Label> = {
  open: { zh: '待答复', en: 'Open' },
  upheld: { zh: '已采纳', en: 'Upheld' },
  rejected: { zh: '不予采纳', en: 'Rejected' },
};

export const tieBreakLabels: Record<TieBreakKey, Label> = {
  total: { zh: '总分高者在前', en: 'higher total' },
  raw: { zh: '指标得分高者在前', en: 'higher indicator score' },
  fewerDeductions: { zh: '扣分少者在前', en: 'fewer deductions' },
  moreBonus: { zh: '加分多者在前', en: 'more bonus' },
  earlierSubmission: { zh: '自评报送早者在前', en: 'earlier submission' },
};

export type PaceLight = 'green' | 'yellow' | 'red';
export const paceColors: Record<PaceLight, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d' };
export const paceLabels: Record<PaceLight, Label> = {
  green: { zh: '达到序时进度', en: 'On pace' },
  yellow: { zh: '略慢于序时进度', en: 'Slightly behind' },
  red: { zh: '滞后于序时进度', en: 'Behind' },
};

/** Tag colour of a grade letter (A green … D red); other grade names get the default colour. */
export function gradeColor(grade: string): string {
  return ({ A: 'green', B: 'blue', C: 'orange', D: 'red' } as Record<string, string>)[grade] ?? 'default';
}

/** "第 2 名" or "第 2 名（并列）". */
export function rankText(rank: number, isTied: boolean, t: (zh: string, en: string) => string): string {
  if (rank <= 0) return '—';
  return isTied ? t(`第 ${rank} 名（并列）`, `#${rank} (tied)`) : t(`第 ${rank} 名`, `#${rank}`);
}

/** The decomposed target of an item in words; '—' for items without a numeric target (tasks, bonus …). */
export function targetText(targets: EffectiveTargets, unitOfMeasure: string): string {
  const u = unitOfMeasure;
  if (targets.lower !== null && targets.upper !== null) {
    return targets.lower === targets.upper ? `确保 ${targets.lower} ${u}` : `确保 ${targets.lower} ${u}，力争 ${targets.upper} ${u}`;
  }
  if (targets.target !== null) return `目标 ${targets.target}${u === '%' ? '%' : ` ${u}`}`;
  if (targets.threshold !== null) return `门槛 ${targets.threshold}${u === '%' ? '%' : ` ${u}`}`;
  return '—';
}

/** Short cell text of the decomposition grid: "20–30 · 12.5分", "T 40 · 6分", "5分". */
export function cellText(targets: EffectiveTargets): string {
  const parts: string[] = [];
  if (targets.lower !== null && targets.upper !== null) parts.push(targets.lower === targets.upper ? targets.lower : `${targets.lower}–${targets.upper}`);
  else if (targets.target !== null) parts.push(`T ${targets.target}`);
  else if (targets.threshold !== null) parts.push(`≥ ${targets.threshold}`);
  if (targets.weight !== null) parts.push(`${targets.weight}分`);
  return parts.length > 0 ? parts.join(' · ') : '✓';
}

/** Weights of a unit should add up to 100 (domain.md §4.3); compares the decimal text exactly enough for 4 decimals. */
export function weightTotalOk(weightTotal: string): boolean {
  return Math.abs(Number(weightTotal) - 100) < 0.00005;
}

/** A unit is "behind" (滞后) when an item is red or a due report is missing. */
export function isUnitBehind(counts: { red: number; missing: number }): boolean {
  return counts.red > 0 || counts.missing > 0;
}

/** "85.5%" or "—". */
export function percentText(value: string | null): string {
  return value === null ? '—' : `${value}%`;
}

/** The day before `date` (YYYY-MM-DD), in plain calendar arithmetic. */
export function previousDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const prev = new Date(Date.UTC(y as number, (m as number) - 1, (d as number) - 1));
  return prev.toISOString().slice(0, 10);
}
