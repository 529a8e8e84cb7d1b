/**
 * The shipped inspection-period rule set (domain.md §1.4, periods in months). Data only; the lead may
 * move it to the `RuleSet` table. Every rule carries the doc's source tag as `confidence`; where the
 * doc marks a period [?] or [D] the UI must say "period is configuration, not verified".
 *
 * validFrom: the doc gives an effective date only for TSG T7001-2023 (announced 2023-04-02, 1-year
 * transition, fully in force 2024-04-02). All other rules start at BASELINE (no earlier version is
 * modelled) [D]. The elevator switch is set at 2024-04-02, the end of the transition (see
 * rule-set-electromechanical.ts) [D].
 *
 * Attribute keys rules select on (device `params`): utilityBoiler (bool), material ('non_metal'),
 * mediaClass ('A'|'B', tube trailers), cylinderMedium ('corrosive'|'general'|'inert'|'lpg_small'|
 * 'lpg_50'|'vehicle_lpg'), publicPipelineClass ('GB1_III'), pipeMaterial ('pe_or_cast_iron'),
 * pipelineClass ('GC1'|'GC2'|'GC3'), liftsMoltenMetal (bool).
 */
import { boilerCylinderPipingRules } from './rule-set-boilers-piping';
import { electromechanicalRules } from './rule-set-electromechanical';
import { vesselRules } from './rule-set-vessels';
import type { InspectionRuleSet } from './inspection-rule-types';

export { BASELINE_VALID_FROM } from './rule-builders';
export { ELEVATOR_T7001_2023_IN_FORCE } from './rule-set-electromechanical';

export const inspectionRuleSet: InspectionRuleSet = {
  id: 'inspection-periods',
  version: '2026.1',
  settings: { reinspectionDays: 0, basicPassRectificationDays: 30, warningDays: 30 },
  rules: [...boilerCylinderPipingRules, ...vesselRules, ...electromechanicalRules],
};
