/**
 * Inspection due dates from versioned rules (domain.md §1.4; pure, isomorphic).
 *
 * Semantics fixed here:
 * - A rule is in force on `onDate` when validFrom ≤ onDate < validTo (validTo null = open).
 *   `computeNextDue` selects with onDate = the last inspection's date, or the schedule base
 *   (scheduleBaseOn ?? commissionedOn) when there is none: the rule under which the device was last
 *   inspected decides the next due date.
 * - dueOn = last inspection date + period (domain.md §1.4 "Notation"), months added with month-end
 *   clamping (date-math.ts `addMonths`). dueOn is the first day WITHOUT a valid inspection: the table
 *   of domain.md §1.4.3 [D] calls a device overdue when today ≥ dueDate, so "due today" is overdue.
 * - 不合格 (fail) → must stop (特种设备安全法 §40 as reproduced [S]), obligation `reinspection`, due
 *   `settings.reinspectionDays` after the inspection (default 0 = immediately) [D].
 * - 基本合格 (basic pass) → the device may stay in use (older elevator practice: general items may be
 *   rectified or used under supervision, §1.4.3 [S]); the schedule is unchanged and
 *   `rectificationDueOn` = date + `settings.basicPassRectificationDays` [D].
 */
import { conflict, invalid, notFound } from '../../../shared/errors';
import { addDays, addMonths, assertIsoDate, diffDays } from './date-math';
import type { DueStatus, InspectionKind, SafetyGrade } from './enums';
import { computeElevatorNextEntry } from './elevator-schedule';
import {
  inspectionTracks,
  type InspectionRule,
  type InspectionRuleSet,
  type InspectionTrack,
  type LastInspection,
  type NextDue,
  type Obligation,
  type RuleConfidence,
  type RuleDevice,
} from './inspection-rule-types';

const trackByInspectionKind: Partial<Record<InspectionKind, InspectionTrack>> = {
  external: 'external',
  internal: 'internal',
  annual_check: 'annual_check',
  pressure_test: 'pressure_test',
};

/** The obligation track an inspection record belongs to (everything else → `periodic`). */
export function trackOfInspectionKind(kind: InspectionKind): InspectionTrack {
  return trackByInspectionKind[kind] ?? 'periodic';
}

function isInForce(rule: InspectionRule, onDate: string): boolean {
  return rule.validFrom <= onDate && (rule.validTo === null || onDate < rule.validTo);
}

function matchesDevice(rule: InspectionRule, device: RuleDevice): boolean {
  const a = rule.appliesTo;
  if (a.category !== device.category) return false;
  if (a.kind !== undefined && a.kind !== device.kind) return false;
  if (a.variety !== undefined && a.variety !== device.variety) return false;
  if (a.safetyGrades !== undefined && (device.safetyGrade == null || !a.safetyGrades.includes(device.safetyGrade))) return false;
  for (const [key, value] of Object.entries(a.attributes ?? {})) {
    if (device.attributes?.[key] !== value) return false;
  }
  return true;
}

/** Specificity, compared left to right: safety grade, attribute count, classification depth, priority. */
function specificity(rule: InspectionRule): number[] {
  const a = rule.appliesTo;
  const depth = a.variety !== undefined ? 3 : a.kind !== undefined ? 2 : 1;
  return [a.safetyGrades ? 1 : 0, Object.keys(a.attributes ?? {}).length, depth, rule.priority ?? 0];
}

function compareSpecificity(x: number[], y: number[]): number {
  for (let i = 0; i < x.length; i += 1) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The rule version in force on `onDate` for the device and track, or null. When several match, the
 * most specific wins: a rule for the device's safety grade beats one without (grade 5 = no use must
 * win over any period); then more matching attributes (e.g. liftsMoltenMetal beats the crane kind);
 * then variety beats kind beats category; then `priority`.
 * Throws `equipment.ambiguous_inspection_rule` (conflict) when two rules tie — a rule-set error.
 */
export function selectRule(
  ruleSet: InspectionRuleSet,
  device: RuleDevice,
  onDate: string,
  track: InspectionTrack = 'periodic',
): InspectionRule | null {
  const candidates = ruleSet.rules.filter((r) => r.track === track && isInForce(r, onDate) && matchesDevice(r, device));
  if (candidates.length === 0) return null;
  const sorted = [...candidates].sort((a, b) => compareSpecificity(specificity(b), specificity(a)));
  const [best, second] = sorted;
  if (best && second && compareSpecificity(specificity(best), specificity(second)) === 0) {
    throw conflict('equipment.ambiguous_inspection_rule', `检验周期规则冲突：${best.id} 与 ${second.id}`, {
      ruleIds: [best.id, second.id],
    });
  }
  return best ?? null;
}

/** Tracks that have a rule in force for the device on `onDate`, in `inspectionTracks` order. */
export function listApplicableTracks(ruleSet: InspectionRuleSet, device: RuleDevice, onDate: string): InspectionTrack[] {
  return inspectionTracks.filter((track) => selectRule(ruleSet, device, onDate, track) !== null);
}

const confidenceNotes: Record<RuleConfidence, string> = {
  P: '',
  S: '',
  D: '（设计建议值，可配置）',
  '?': '（周期为配置值，未经核实）',
};

type Computed = { dueOn: string; obligation: Obligation; mustStop: boolean; text: string; dueMonth?: string; elevatorYear?: number };

function computeByRule(rule: InspectionRule, last: LastInspection | null, baseOn: string, rebasedOn: string | null): Computed {
  const from = last?.date ?? baseOn;
  const fromText = last ? `上次检验 ${from}` : `投用 ${from}`;
  switch (rule.kind) {
    case 'fixed_interval': {
      const p = rule.params;
      if (!last) {
        const months = p.firstPeriodMonths ?? p.periodMonths;
        const obligation = p.firstPeriodMonths !== undefined ? 'first_inspection' : 'periodic_inspection';
        return { dueOn: addMonths(from, months), obligation, mustStop: false, text: `${fromText} + ${months} 个月` };
      }
      let months = p.periodMonths;
      if (p.later) {
        // Unknown count → the later (shorter) period, the conservative choice [D].
        const isLater = last.sequenceNo === undefined || last.sequenceNo >= p.later.afterInspections;
        if (isLater) months = p.later.periodMonths;
      }
      return { dueOn: addMonths(from, months), obligation: 'periodic_inspection', mustStop: false, text: `${fromText} + ${months} 个月` };
    }
    case 'inspector_set': {
      const p = rule.params;
      const set = last?.periodMonths;
      const months = set === undefined ? p.defaultMonths : Math.min(Math.max(set, p.minMonths), p.maxMonths);
      const how =
        set === undefined
          ? `未记录检验机构确定的周期，按 ${months} 个月`
          : set === months
            ? `检验机构确定 ${months} 个月`
            : `检验机构确定 ${set} 个月，超出 ${p.minMonths}–${p.maxMonths} 个月范围，按 ${months} 个月`;
      return { dueOn: addMonths(from, months), obligation: 'periodic_inspection', mustStop: false, text: `${fromText}，${how}` };
    }
    case 'monitored_use': {
      const cap = rule.params.maxMonths;
      const months = Math.min(last?.periodMonths ?? cap, cap);
      return {
        dueOn: addMonths(from, months),
        obligation: 'periodic_inspection',
        mustStop: false,
        text: `${fromText}，监控使用 ${months} 个月（累计监控使用不得超过 ${cap} 个月）`,
      };
    }
    case 'no_use':
      return {
        dueOn: from,
        obligation: 'reinspection',
        mustStop: true,
        text: `${fromText}，安全状况等级判定为不得使用，须消除缺陷并复检后方可使用`,
      };
    case 'elevator_t7001_2023': {
      const entry = computeElevatorNextEntry(baseOn, last, rule.params, rebasedOn);
      const what = entry.obligation === 'self_test' ? '自行检测' : '定期检验';
      const rebase = rebasedOn ? `，${rebasedOn.slice(0, 7)} 停用后检验改变检验月份` : '';
      return {
        dueOn: entry.dueOn,
        obligation: entry.obligation,
        mustStop: false,
        dueMonth: entry.dueMonth,
        elevatorYear: entry.year,
        text: `基准月份 ${baseOn.slice(0, 7)}${rebase}，第${entry.year}年（${entry.dueMonth}）应进行${what}`,
      };
    }
  }
}

export type ComputeNextDueInput = {
  device: RuleDevice;
  lastInspection: LastInspection | null;
  ruleSet: InspectionRuleSet;
  /** Which obligation; default: the track of lastInspection.kind, else the first track with a rule. */
  track?: InspectionTrack;
};

/**
 * Next due obligation of one track. Throws `equipment.no_inspection_rule` (not_found) when no rule
 * covers the device, `equipment.invalid_date` for bad dates.
 */
export function computeNextDue(input: ComputeNextDueInput): NextDue {
  const { device, lastInspection: last, ruleSet } = input;
  assertIsoDate(device.commissionedOn);
  if (last) assertIsoDate(last.date);
  const baseOn = device.scheduleBaseOn ?? device.commissionedOn;
  const onDate = last?.date ?? baseOn;
  const grade: SafetyGrade | null = last?.safetyGrade ?? device.safetyGrade ?? null;
  const graded: RuleDevice = { ...device, safetyGrade: grade };
  const track =
    input.track ??
    (last?.kind ? trackOfInspectionKind(last.kind) : undefined) ??
    listApplicableTracks(ruleSet, graded, onDate)[0] ??
    'periodic';
  const rule = selectRule(ruleSet, graded, onDate, track);
  if (!rule) {
    const what = `${device.category}/${device.kind ?? '-'}/${device.variety ?? '-'}，${track}，${onDate}`;
    throw notFound('equipment.no_inspection_rule', `未配置适用的检验周期规则（${what}）`, {
      category: device.category,
      kind: device.kind ?? null,
      variety: device.variety ?? null,
      track,
      onDate,
    });
  }
  const base = {
    ruleId: rule.id,
    track,
    confidence: rule.confidence,
    rectificationDueOn: null,
    dueMonth: null,
    elevatorYear: null,
  };
  const note = confidenceNotes[rule.confidence];
  if (last?.result === 'fail') {
    const dueOn = addDays(last.date, ruleSet.settings.reinspectionDays);
    return {
      ...base,
      dueOn,
      obligation: 'reinspection',
      mustStop: true,
      explanation: `${last.date} 检验结论为不合格：设备应停止使用，整改后于 ${dueOn} 前申请复检（规则 ${rule.id}）。`,
    };
  }
  const computed = computeByRule(rule, last, baseOn, device.scheduleRebasedOn ?? null);
  const isBasicPass = last?.result === 'basic_pass';
  const rectificationDueOn = isBasicPass ? addDays(last.date, ruleSet.settings.basicPassRectificationDays) : null;
  const basicText = rectificationDueOn ? `；基本合格，须于 ${rectificationDueOn} 前完成整改` : '';
  return {
    ...base,
    dueOn: computed.dueOn,
    dueMonth: computed.dueMonth ?? null,
    elevatorYear: computed.elevatorYear ?? null,
    obligation: computed.obligation,
    mustStop: computed.mustStop,
    rectificationDueOn,
    explanation: `依据「${rule.nameZh}」（${rule.id}，${rule.source}）：${computed.text}，到期日 ${computed.dueOn}${basicText}${note}。`,
  };
}

/**
 * 正常 / 临期 / 超期未检 (domain.md §1.4.3 [D]):
 *   overdue   when today ≥ dueOn              (due today is already overdue);
 *   due_soon  when dueOn − warningDays ≤ today < dueOn;
 *   normal    when today < dueOn − warningDays.
 * Throws `equipment.invalid_warning_days` unless warningDays is a non-negative integer.
 */
export function classifyDueStatus(dueOn: string, today: string, warningDays = 30): DueStatus {
  if (!Number.isInteger(warningDays) || warningDays < 0) {
    throw invalid('equipment.invalid_warning_days', `临期天数无效：${warningDays}`, { warningDays });
  }
  const daysLeft = diffDays(today, dueOn);
  if (daysLeft <= 0) return 'overdue';
  if (daysLeft <= warningDays) return 'due_soon';
  return 'normal';
}
