/**
 * The plan settings panel's form values ↔ the API's `PlanConfig`. The form keeps decimals as text
 * (the API's decimal strings) and flattens the two unions: the deadline rule (`day` or `days` by
 * kind) and the pace basis with its optional monthly curve (one `mode`). `configPatch` sends only
 * the sections that really changed (the API regenerates the reporting periods when the reporting
 * section changes, so an untouched section must not be sent); `settingsIssueField` maps an API
 * issue path (`config.reporting.deadlineRule.day`) to the form field that shows it.
 *
 *   configPatch(plan.config, toConfig(values)) // → { grades: {…} } when only a threshold moved
 */
import type { PlanConfig } from '../../../domains/targets/plan-api-schema';
import type { DeadlineRule, RankingConfig, ReportingFrequency, TieBreakKey, UnitCaps } from '../../../domains/targets/plan-schema';

type Label = { zh: string; en: string };

export type PaceMode = 'days' | 'months' | 'curve';

export type SettingsFormValues = {
  reporting: { frequency: ReportingFrequency; deadlineKind: DeadlineRule['kind']; deadlineValue: number; reminderDaysBefore: string[] };
  pace: { mode: PaceMode; curve: string[]; greenAtPercent: string; yellowAtPercent: string };
  grades: { bands: Array<{ grade: string; min: string }>; lowestGrade: string; vetoGrade: string };
  ranking: { tieBreak: TieBreakKey[]; tieRanking: RankingConfig['tieRanking'] };
  caps: { bonusCap: string; deductionCap: string; vetoTotal: UnitCaps['vetoTotal']; floorTotalAtZero: boolean };
  publicityDays: number;
  reason?: string;
};

export const frequencyLabels: Record<ReportingFrequency, Label> = { monthly: { zh: '按月报送', en: 'Monthly' }, quarterly: { zh: '按季报送', en: 'Quarterly' } };

export const deadlineKindLabels: Record<DeadlineRule['kind'], Label> = {
  day_of_next_month: { zh: '次月第 N 日', en: 'Day N of the next month' },
  days_after_end: { zh: '期末后 N 天', en: 'N days after the period' },
  working_days_after_end: { zh: '期末后 N 个工作日', en: 'N working days after the period' },
};

/** Allowed N per deadline kind (the API's limits). */
export const deadlineValueRange: Record<DeadlineRule['kind'], { min: number; max: number }> = {
  day_of_next_month: { min: 1, max: 31 },
  days_after_end: { min: 0, max: 120 },
  working_days_after_end: { min: 1, max: 60 },
};

export const paceModeLabels: Record<PaceMode, Label> = {
  months: { zh: '按已过月数（目标 × 已过月数 / 12）', en: 'By completed months' },
  days: { zh: '按已过天数（目标 × 已过天数 / 全年天数）', en: 'By elapsed days' },
  curve: { zh: '按月累计曲线（逐月设定应完成比例）', en: 'Monthly curve of cumulative shares' },
};

export const tieRankingLabels: Record<RankingConfig['tieRanking'], Label> = {
  competition: { zh: '并列占位（1、2、2、4）', en: 'Competition (1, 2, 2, 4)' },
  dense: { zh: '并列不占位（1、2、2、3）', en: 'Dense (1, 2, 2, 3)' },
};

export const vetoTotalLabels: Record<UnitCaps['vetoTotal'], Label> = {
  keep: { zh: '保留总分，仅等次定为否决等次', en: 'Keep the total, force the grade' },
  zero: { zh: '总分计为 0', en: 'Show the total as 0' },
};

/** Names of the config sections as the change log and the panel call them. */
export const configSectionLabels: Record<keyof PlanConfig, Label> = {
  reporting: { zh: '报送周期与提醒', en: 'Reporting' },
  pace: { zh: '序时进度', en: 'Pace' },
  grades: { zh: '等次划分', en: 'Grades' },
  ranking: { zh: '排名与并列规则', en: 'Ranking' },
  caps: { zh: '加减分上限', en: 'Caps' },
  publicityDays: { zh: '公示天数', en: 'Publicity days' },
};

/** Cumulative percent by the end of each month when the target is spread evenly (4 decimals, ends at 100). */
export function linearCurve(): string[] {
  return Array.from({ length: 12 }, (_, i) => String(Math.round(((i + 1) * 100 * 10_000) / 12) / 10_000));
}

export function fromConfig(config: PlanConfig): SettingsFormValues {
  const rule = config.reporting.deadlineRule;
  return {
    reporting: {
      frequency: config.reporting.frequency,
      deadlineKind: rule.kind,
      deadlineValue: rule.kind === 'day_of_next_month' ? rule.day : rule.days,
      reminderDaysBefore: config.reporting.reminderDaysBefore.map(String),
    },
    pace: {
      mode: config.pace.curve ? 'curve' : config.pace.basis,
      curve: config.pace.curve ? [...config.pace.curve] : linearCurve(),
      greenAtPercent: config.pace.greenAtPercent,
      yellowAtPercent: config.pace.yellowAtPercent,
    },
    grades: { bands: config.grades.bands.map((b) => ({ grade: b.grade, min: b.min })), lowestGrade: config.grades.lowestGrade, vetoGrade: config.grades.vetoGrade },
    ranking: { tieBreak: [...config.ranking.tieBreak], tieRanking: config.ranking.tieRanking },
    caps: { bonusCap: config.caps.bonusCap ?? '', deductionCap: config.caps.deductionCap ?? '', vetoTotal: config.caps.vetoTotal, floorTotalAtZero: config.caps.floorTotalAtZero },
    publicityDays: config.publicityDays,
  };
}

function deadlineRuleOf(kind: DeadlineRule['kind'], value: number): DeadlineRule {
  return kind === 'day_of_next_month' ? { kind, day: value } : { kind, days: value };
}

const trimmed = (text: string) => text.trim();
const nullableDecimal = (text: string) => (text.trim() === '' ? null : text.trim());

/** The config the form describes, keys in the API's order. Invalid text is passed through for the API to reject with a field path. */
export function toConfig(values: SettingsFormValues): PlanConfig {
  const { reporting, pace, grades, ranking, caps } = values;
  return {
    caps: { bonusCap: nullableDecimal(caps.bonusCap), deductionCap: nullableDecimal(caps.deductionCap), vetoTotal: caps.vetoTotal, floorTotalAtZero: caps.floorTotalAtZero },
    grades: { bands: grades.bands.map((b) => ({ grade: trimmed(b.grade), min: trimmed(b.min) })), lowestGrade: trimmed(grades.lowestGrade), vetoGrade: trimmed(grades.vetoGrade) },
    ranking: { tieBreak: [...ranking.tieBreak], tieRanking: ranking.tieRanking },
    reporting: {
      frequency: reporting.frequency,
      deadlineRule: deadlineRuleOf(reporting.deadlineKind, reporting.deadlineValue),
      reminderDaysBefore: [...new Set(reporting.reminderDaysBefore.map((text) => Number(text.trim())))],
    },
    pace: {
      basis: pace.mode === 'days' ? 'days' : 'months',
      ...(pace.mode === 'curve' ? { curve: pace.curve.map(trimmed) } : {}),
      greenAtPercent: trimmed(pace.greenAtPercent),
      yellowAtPercent: trimmed(pace.yellowAtPercent),
    },
    publicityDays: values.publicityDays,
  };
}

/** JSON with sorted object keys: equal configs compare equal whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** The sections of `next` that differ from `current` (empty when nothing changed). */
export function configPatch(current: PlanConfig, next: PlanConfig): Partial<PlanConfig> {
  const patch: Partial<PlanConfig> = {};
  for (const key of Object.keys(configSectionLabels) as Array<keyof PlanConfig>) {
    if (canonical(current[key]) !== canonical(next[key])) Object.assign(patch, { [key]: next[key] });
  }
  return patch;
}

/** Whether a change of these sections regenerates the reporting periods (frequency or deadline rule). */
export function regeneratesPeriods(current: PlanConfig, patch: Partial<PlanConfig>): boolean {
  if (!patch.reporting) return false;
  return canonical([patch.reporting.frequency, patch.reporting.deadlineRule]) !== canonical([current.reporting.frequency, current.reporting.deadlineRule]);
}

/** The form field that shows an API issue: `config.reporting.deadlineRule.days` → `reporting.deadlineValue`. */
export function settingsIssueField(path: string): string {
  if (path === 'reason') return 'reason';
  const inner = path.startsWith('config.') ? path.slice('config.'.length) : path;
  if (/^reporting\.deadlineRule\.(day|days)$/.test(inner)) return 'reporting.deadlineValue';
  if (inner.startsWith('reporting.deadlineRule')) return 'reporting.deadlineKind';
  if (inner === 'pace.basis') return 'pace.mode';
  if (inner === 'caps') return 'caps.bonusCap';
  return inner;
}

/** The deadline rule in words: '次月5日前', '期末后10天内', '期末后3个工作日内'. */
export function deadlineRuleText(rule: DeadlineRule): Label {
  if (rule.kind === 'day_of_next_month') return { zh: `次月${rule.day}日前`, en: `by day ${rule.day} of the next month` };
  if (rule.kind === 'days_after_end') return { zh: `期末后${rule.days}天内`, en: `within ${rule.days} days after the period` };
  return { zh: `期末后${rule.days}个工作日内`, en: `within ${rule.days} working days after the period` };
}

/** One line summing up the reporting settings, e.g. '按月报送，次月5日前，截止前3天、1天提醒'. */
export function reportingSummary(reporting: PlanConfig['reporting']): Label {
  const rule = deadlineRuleText(reporting.deadlineRule);
  const days = [...reporting.reminderDaysBefore].sort((a, b) => b - a);
  const reminders = days.length > 0 ? { zh: `，截止前${days.join('天、')}天提醒`, en: `, reminders ${days.join(', ')} days before` } : { zh: '，不提醒', en: ', no reminders' };
  return { zh: `${frequencyLabels[reporting.frequency].zh}，${rule.zh}${reminders.zh}`, en: `${frequencyLabels[reporting.frequency].en}, ${rule.en}${reminders.en}` };
}

/** Grade bands in words: 'A ≥ 90，B ≥ 80，C ≥ 60，其余 D'. */
export function gradesSummary(grades: PlanConfig['grades']): string {
  return `${grades.bands.map((b) => `${b.grade} ≥ ${b.min}`).join('，')}，其余 ${grades.lowestGrade}`;
}

/** Client check of the reminder tags (whole days 1–60, at most 5); null when fine. */
export function reminderDaysProblem(days: readonly string[]): Label | null {
  if (days.length > 5) return { zh: '最多设置 5 个提醒日', en: 'At most 5 reminders' };
  if (days.some((d) => !/^\d+$/.test(d.trim()) || Number(d) < 1 || Number(d) > 60)) return { zh: '提醒天数须为 1–60 的整数', en: 'Whole days from 1 to 60' };
  return null;
}

export type FieldName = Array<string | number>;
export type FieldIssues = { name: FieldName; errors: string[] };

/**
 * Puts each issue on the registered field it belongs to (the longest registered name that is a
 * prefix of the mapped path), keeping the field's own name parts (list indexes stay numbers, which
 * the form needs to find the field). Returns the fields with their errors and the issues no field takes.
 */
export function issuesOnFields(issues: ReadonlyArray<{ path: string; message: string }>, registered: readonly FieldName[]): { fields: FieldIssues[]; unmatched: Array<{ path: string; message: string }> } {
  const byKey = new Map<string, FieldIssues>();
  const unmatched: Array<{ path: string; message: string }> = [];
  for (const issue of issues) {
    const parts = settingsIssueField(issue.path).split('.');
    const match = registered
      .filter((name) => name.length > 0 && name.length <= parts.length && name.every((p, i) => String(p) === parts[i]))
      .sort((a, b) => b.length - a.length)[0];
    if (!match) {
      unmatched.push(issue);
      continue;
    }
    const key = match.join('.');
    const entry = byKey.get(key) ?? { name: match, errors: [] };
    if (!entry.errors.includes(issue.message)) entry.errors.push(issue.message);
    byKey.set(key, entry);
  }
  return { fields: [...byKey.values()], unmatched };
}
