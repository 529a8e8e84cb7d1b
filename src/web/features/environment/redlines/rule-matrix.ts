/**
 * The control-rule set as the UI shows it: for a tier (and optionally a zone type), the outcome per
 * project type, resolved exactly as the siting check does (`resolveControlRule`: zone-type rule →
 * tier rule → tier default → fallback), with the stored rule that decided it (to edit it).
 */
import { resolveControlRule, type ControlRuleSet, type RuleSource, type SitingOutcome } from '../../../../domains/environment/geo/control-rules';
import type { ControlRuleSetView, ControlRuleView } from '../../../../domains/environment/redline-schema';

export type RuleCell = { tier: string; projectType: string; projectTypeLabel: string; outcome: SitingOutcome; text: string; source: RuleSource; rule: ControlRuleView | null };

export function toEngineSet(view: ControlRuleSetView): ControlRuleSet {
  return {
    tiers: view.tiers,
    projectTypes: view.projectTypes,
    tierDefaults: view.tierDefaults,
    fallback: view.fallback,
    boundaryContactCap: view.boundaryContactCap,
    rules: view.rules.map((r) => ({ tier: r.tier, projectType: r.projectType, ...(r.zoneType ? { zoneType: r.zoneType } : {}), outcome: r.outcome, text: r.text })),
  };
}

/** One row per project type for a tier (and a zone type, when given). */
export function resolveTierRules(view: ControlRuleSetView, tier: string, zoneType: string | null = null): RuleCell[] {
  const set = toEngineSet(view);
  return view.projectTypes.map((p) => {
    const resolved = resolveControlRule(set, tier, zoneType ?? '\u0000', p.code);
    const rule =
      resolved.source === 'zone_type_rule'
        ? (view.rules.find((r) => r.tier === tier && r.projectType === p.code && r.zoneType === zoneType) ?? null)
        : resolved.source === 'rule'
          ? (view.rules.find((r) => r.tier === tier && r.projectType === p.code && !r.zoneType) ?? null)
          : null;
    return { tier, projectType: p.code, projectTypeLabel: p.label, outcome: resolved.outcome, text: resolved.text, source: resolved.source, rule };
  });
}

/** The tier × project-type matrix (generic rules, no zone type): rows are project types. */
export function buildRuleMatrix(view: ControlRuleSetView): Array<{ projectType: string; projectTypeLabel: string; cells: Record<string, RuleCell> }> {
  const byTier = new Map(view.tiers.map((tier) => [tier, resolveTierRules(view, tier)]));
  return view.projectTypes.map((p, i) => ({
    projectType: p.code,
    projectTypeLabel: p.label,
    cells: Object.fromEntries(view.tiers.map((tier) => [tier, byTier.get(tier)?.[i] as RuleCell])),
  }));
}

/** Rules that apply to one zone type only (listed under the matrix). */
export const zoneTypeRules = (view: ControlRuleSetView) => view.rules.filter((r) => r.zoneType);
