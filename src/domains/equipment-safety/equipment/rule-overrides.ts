/**
 * Administrator versions of the inspection-period rules (pure, isomorphic).
 *
 * domain.md §0: every period lives in versioned configuration. The shipped rule set
 * (inspection-rule-set.ts) is the baseline; an administrator adds a version of one rule —
 * `{ruleId, validFrom, params}` — when a period marked [?]/[D] is verified or changed locally.
 * The effective rule set splits the shipped rule at each version's validFrom: the shipped params
 * apply before the first version, each version until the next one (or the shipped rule's own
 * validTo). The rule id stays the same, so a device's obligation keeps pointing at "its" rule and a
 * recomputation finds the devices a change affects. Settings (临期 window, re-inspection days, …)
 * are versioned the same way under the id `settings`.
 */
import { z } from 'zod';
import { invalid, notFound } from '../../../shared/errors';
import type { InspectionRule, InspectionRuleKind, InspectionRuleSet, InspectionRuleSettings, RuleConfidence } from './inspection-rule-types';

export const SETTINGS_RULE_ID = 'settings';

export type RuleOverride = {
  id: string;
  ruleId: string;
  validFrom: string;
  params: Record<string, unknown>;
  confidence: RuleConfidence | null;
  source: string | null;
  reason: string;
};

/** A rule as it applies in a date range, with the override that produced it (null = shipped). */
export type EffectiveRule = InspectionRule & { overrideId: string | null };
export type EffectiveRuleSet = Omit<InspectionRuleSet, 'rules'> & { rules: readonly EffectiveRule[] };

const months = z.number().int().min(1).max(240);

/** Parameter shapes per rule kind (the same shapes as inspection-rule-types.ts). */
export const ruleParamsSchemas: Record<InspectionRuleKind, z.ZodType<Record<string, unknown>>> = {
  fixed_interval: z
    .object({
      periodMonths: months,
      firstPeriodMonths: months.optional(),
      later: z.object({ afterInspections: z.number().int().min(1).max(50), periodMonths: months }).strict().optional(),
    })
    .strict(),
  inspector_set: z
    .object({ minMonths: months, maxMonths: months, defaultMonths: months })
    .strict()
    .refine((p) => p.minMonths <= p.defaultMonths && p.defaultMonths <= p.maxMonths, { message: '应满足 最短 ≤ 默认 ≤ 最长' }),
  monitored_use: z.object({ maxMonths: months }).strict(),
  no_use: z.object({}).strict(),
  elevator_t7001_2023: z
    .object({
      inspectionYears: z.array(z.number().int().min(1).max(60)).min(1).max(60),
      everyYearAfter: z.number().int().min(0).max(60),
      earlyMonths: z.number().int().min(0).max(11),
      dueDay: z.enum(['month_start', 'next_month_start']),
    })
    .strict(),
};

export const ruleSettingsSchema = z
  .object({
    reinspectionDays: z.number().int().min(0).max(365),
    basicPassRectificationDays: z.number().int().min(0).max(365),
    warningDays: z.number().int().min(0).max(365),
  })
  .strict();

/**
 * Checks an override's params against the kind of the shipped rule (or the settings shape) and
 * returns them parsed. Throws `equipment.unknown_rule` / `equipment.invalid_rule_params` (invalid).
 */
export function parseOverrideParams(base: InspectionRuleSet, ruleId: string, params: unknown): Record<string, unknown> {
  const schema = ruleId === SETTINGS_RULE_ID ? ruleSettingsSchema : ruleParamsSchemas[findShippedRule(base, ruleId).kind];
  const parsed = schema.safeParse(params);
  if (!parsed.success) {
    throw invalid('equipment.invalid_rule_params', '规则参数不合法', { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  }
  return parsed.data;
}

export function findShippedRule(base: InspectionRuleSet, ruleId: string): InspectionRule {
  const rule = base.rules.find((r) => r.id === ruleId);
  if (!rule) throw notFound('equipment.unknown_rule', `没有这条检验周期规则：${ruleId}`, { ruleId });
  return rule;
}

function byValidFrom(a: RuleOverride, b: RuleOverride): number {
  return a.validFrom.localeCompare(b.validFrom);
}

/** The shipped rule split into its versions (overrides sorted by validFrom). */
function versionsOf(rule: InspectionRule, overrides: readonly RuleOverride[]): EffectiveRule[] {
  const end = rule.validTo;
  const relevant = overrides.filter((o) => end === null || o.validFrom < end).sort(byValidFrom);
  const versions: EffectiveRule[] = [];
  const firstFrom = relevant[0]?.validFrom;
  if (firstFrom === undefined || firstFrom > rule.validFrom) {
    versions.push({ ...rule, validTo: firstFrom ?? end, overrideId: null });
  }
  relevant.forEach((o, i) => {
    const next = relevant[i + 1]?.validFrom ?? end;
    const from = o.validFrom < rule.validFrom ? rule.validFrom : o.validFrom;
    if (next !== null && next <= from) return;
    versions.push({
      ...rule,
      params: o.params,
      validFrom: from,
      validTo: next,
      confidence: o.confidence ?? rule.confidence,
      source: o.source ?? `管理员配置（${o.reason}）`,
      overrideId: o.id,
    } as EffectiveRule);
  });
  return versions;
}

/** The settings in force on `onDate`: the latest settings version with validFrom ≤ onDate, else the shipped ones. */
export function settingsOn(base: InspectionRuleSettings, overrides: readonly RuleOverride[], onDate: string): InspectionRuleSettings {
  const current = overrides
    .filter((o) => o.ruleId === SETTINGS_RULE_ID && o.validFrom <= onDate)
    .sort(byValidFrom)
    .at(-1);
  return current ? { ...base, ...(current.params as Partial<InspectionRuleSettings>) } : base;
}

/** The effective rule set: shipped rules split by the administrator's versions; settings as of `today`. */
export function applyRuleOverrides(base: InspectionRuleSet, overrides: readonly RuleOverride[], today: string): EffectiveRuleSet {
  const byRule = new Map<string, RuleOverride[]>();
  for (const o of overrides) {
    if (o.ruleId === SETTINGS_RULE_ID) continue;
    byRule.set(o.ruleId, [...(byRule.get(o.ruleId) ?? []), o]);
  }
  const rules = base.rules.flatMap((rule) => versionsOf(rule, byRule.get(rule.id) ?? []));
  const version = overrides.length === 0 ? base.version : `${base.version}+${overrides.length}`;
  return { ...base, version, settings: settingsOn(base.settings, overrides, today), rules };
}

/** Whether a rule's period must be shown as unverified configuration ("周期为配置值，未经核实"). */
export function isUnverifiedRule(confidence: RuleConfidence): boolean {
  return confidence === '?' || confidence === 'D';
}
