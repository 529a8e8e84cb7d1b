/**
 * Rule-version form values → `POST /equipment/inspection-rules/overrides` (pure). The params shape
 * depends on the kind of the rule (rule-overrides.ts); `settings` versions the 临期 window and the
 * re-inspection / rectification days.
 *
 *   buildRuleOverride('boiler-external', 'fixed_interval', { validFrom: dayjs('2027-01-01'), reason: '核实原文',
 *                     params: { periodMonths: 12 } })
 */
import type { Dayjs } from 'dayjs';
import type { RuleConfidence } from '../../../domains/equipment-safety/equipment/inspection-rule-types';
import type { CreateRuleOverrideInput } from '../../../domains/equipment-safety/equipment/view-schema';
import { day, text } from './device-payload';

export type RuleParamValues = {
  periodMonths?: number | null;
  firstPeriodMonths?: number | null;
  laterAfterInspections?: number | null;
  laterPeriodMonths?: number | null;
  minMonths?: number | null;
  maxMonths?: number | null;
  defaultMonths?: number | null;
  inspectionYears?: Array<string | number>;
  everyYearAfter?: number | null;
  earlyMonths?: number | null;
  dueDay?: 'month_start' | 'next_month_start';
  warningDays?: number | null;
  reinspectionDays?: number | null;
  basicPassRectificationDays?: number | null;
};

export type RuleOverrideFormValues = {
  validFrom: Dayjs;
  params: RuleParamValues;
  confidence?: RuleConfidence;
  source?: string;
  reason: string;
};

const present = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

export function ruleParamsOf(kind: string, p: RuleParamValues): Record<string, unknown> {
  const pick = (keys: Array<keyof RuleParamValues>) => Object.fromEntries(keys.flatMap((k) => (present(p[k] as number | null | undefined) ? [[k, p[k]]] : [])));
  switch (kind) {
    case 'fixed_interval':
      return {
        ...pick(['periodMonths', 'firstPeriodMonths']),
        ...(present(p.laterAfterInspections) && present(p.laterPeriodMonths) ? { later: { afterInspections: p.laterAfterInspections, periodMonths: p.laterPeriodMonths } } : {}),
      };
    case 'inspector_set':
      return pick(['minMonths', 'maxMonths', 'defaultMonths']);
    case 'monitored_use':
      return pick(['maxMonths']);
    case 'elevator_t7001_2023':
      return {
        inspectionYears: [...new Set((p.inspectionYears ?? []).map(Number).filter((n) => Number.isInteger(n) && n > 0))].sort((a, b) => a - b),
        ...pick(['everyYearAfter', 'earlyMonths']),
        ...(p.dueDay ? { dueDay: p.dueDay } : {}),
      };
    case 'settings':
      return pick(['warningDays', 'reinspectionDays', 'basicPassRectificationDays']);
    default:
      return {};
  }
}

/** Rule params → form values (to start a new version from the one in force). */
export function ruleParamValuesOf(kind: string, params: Record<string, unknown>): RuleParamValues {
  const later = params.later as { afterInspections?: number; periodMonths?: number } | undefined;
  if (kind === 'fixed_interval') return { ...(params as RuleParamValues), laterAfterInspections: later?.afterInspections, laterPeriodMonths: later?.periodMonths };
  return params as RuleParamValues;
}

export function buildRuleOverride(ruleId: string, kind: string, v: RuleOverrideFormValues): CreateRuleOverrideInput {
  return {
    ruleId,
    validFrom: day(v.validFrom) ?? '',
    params: ruleParamsOf(kind, v.params),
    ...(v.confidence ? { confidence: v.confidence } : {}),
    ...(text(v.source) ? { source: text(v.source) } : {}),
    reason: v.reason.trim(),
  };
}
