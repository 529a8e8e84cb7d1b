/**
 * Small builders for the inspection rule set data (keep the data files readable).
 */
import type { SafetyGrade } from './enums';
import type { FixedIntervalParams, InspectionRule, InspectionTrack, RuleApplicability, RuleConfidence } from './inspection-rule-types';

/** validFrom of rules whose source gives no effective date (no earlier version is modelled) [D]. */
export const BASELINE_VALID_FROM = '2000-01-01';

export type RuleMeta = {
  source: string;
  confidence: RuleConfidence;
  track?: InspectionTrack;
  validFrom?: string;
  validTo?: string | null;
  note?: string;
  priority?: number;
};
type Head = { id: string; nameZh: string; appliesTo: RuleApplicability };

export function meta(m: RuleMeta) {
  return {
    source: m.source,
    confidence: m.confidence,
    track: m.track ?? 'periodic',
    validFrom: m.validFrom ?? BASELINE_VALID_FROM,
    validTo: m.validTo ?? null,
    ...(m.note === undefined ? {} : { note: m.note }),
    ...(m.priority === undefined ? {} : { priority: m.priority }),
  } as const;
}
export const fixed = (h: Head, params: FixedIntervalParams, m: RuleMeta): InspectionRule => ({ ...h, kind: 'fixed_interval', params, ...meta(m) });
export const inspectorSet = (h: Head, minMonths: number, maxMonths: number, m: RuleMeta): InspectionRule => ({
  ...h,
  kind: 'inspector_set',
  params: { minMonths, maxMonths, defaultMonths: minMonths },
  ...meta(m),
});
export const monitored = (h: Head, maxMonths: number, m: RuleMeta): InspectionRule => ({ ...h, kind: 'monitored_use', params: { maxMonths }, ...meta(m) });
export const noUse = (h: Head, m: RuleMeta): InspectionRule => ({ ...h, kind: 'no_use', params: {}, ...meta(m) });
export const on = (category: string, rest: Omit<RuleApplicability, 'category'> = {}): RuleApplicability => ({ category, ...rest });
export const grades = (...g: SafetyGrade[]) => g;
