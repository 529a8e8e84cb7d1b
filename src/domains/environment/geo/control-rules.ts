/**
 * Control rules: control tier × project type (optionally × zone type) → outcome + rule text.
 *
 * Resolution order for one zone: a rule for (tier, projectType, zoneType) → a rule for
 * (tier, projectType) without zone type → the tier's default → the rule set's fallback (tier not
 * configured). Boundary-only contact is capped at `boundaryContactCap` (see `siting-rules.ts`).
 *
 * `defaultControlRuleSet` is DEFAULT CONFIGURATION, NOT LAW. It paraphrases, for a two-tier local
 * scheme (一级管控区 / 二级管控区, as in provincial 生态红线区域 schemes such as Shaanxi 2016):
 * - 中办国办《关于在国土空间规划中统筹划定落实三条控制线的指导意见》(2019): inside the ecological red line,
 *   the core protected areas of nature reserves in principle allow no human activity; elsewhere
 *   development and production construction is strictly prohibited, and apart from major national
 *   projects only limited human activities that do not damage ecological functions are allowed;
 * - 自然资源部等《关于加强生态保护红线管理的通知（试行）》(自然资发〔2022〕142号): the list of such limited
 *   activities (residents' basic livelihood facilities, survey/monitoring/law enforcement, approved
 *   non-destructive research, moderate sightseeing with necessary public facilities, necessary and
 *   unavoidable linear infrastructure that conforms to a county-level or higher spatial plan,
 *   flood-control and water-supply facilities, ecological restoration …);
 * - 《水污染防治法》第六十五条: in a first-grade drinking-water protection zone, no construction project
 *   unrelated to water supply facilities and source protection.
 * Each city must replace it with its own adopted rules.
 */
import { z } from 'zod';
import { invalid } from '../../../shared/errors';

export const sitingOutcomes = ['allowed', 'conditional', 'prohibited'] as const;
export type SitingOutcome = (typeof sitingOutcomes)[number];
export const sitingOutcomeSchema = z.enum(sitingOutcomes);

export const sitingOutcomeLabels: Record<SitingOutcome, string> = {
  allowed: '允许',
  conditional: '有条件',
  prohibited: '禁止',
};

const outcomeRank: Record<SitingOutcome, number> = { allowed: 0, conditional: 1, prohibited: 2 };

/** The stricter of two outcomes (prohibited > conditional > allowed). */
export function pickStricterOutcome(a: SitingOutcome, b: SitingOutcome): SitingOutcome {
  return outcomeRank[a] >= outcomeRank[b] ? a : b;
}

/** The more lenient of two outcomes. */
export function pickLenientOutcome(a: SitingOutcome, b: SitingOutcome): SitingOutcome {
  return outcomeRank[a] <= outcomeRank[b] ? a : b;
}

export function compareOutcomes(a: SitingOutcome, b: SitingOutcome): number {
  return outcomeRank[a] - outcomeRank[b];
}

const textSchema = z.string().trim().min(1).max(500);
const keySchema = z.string().trim().min(1).max(64);

export const controlRuleSchema = z.object({
  tier: keySchema,
  projectType: keySchema,
  zoneType: keySchema.optional(),
  outcome: sitingOutcomeSchema,
  text: textSchema,
});
export type ControlRule = z.infer<typeof controlRuleSchema>;

export const tierDefaultSchema = z.object({ tier: keySchema, outcome: sitingOutcomeSchema, text: textSchema });
export type TierDefault = z.infer<typeof tierDefaultSchema>;

export const controlRuleSetSchema = z.object({
  /** Configured control tiers, strictest first (e.g. 一级管控区, 二级管控区). */
  tiers: z.array(keySchema).min(1),
  /** Known project types with labels (for forms; unknown types fall to the tier default). */
  projectTypes: z.array(z.object({ code: keySchema, label: z.string().trim().min(1).max(100) })),
  rules: z.array(controlRuleSchema),
  tierDefaults: z.array(tierDefaultSchema),
  /** Used when a zone's tier has no default (should not happen after import validation). */
  fallback: z.object({ outcome: sitingOutcomeSchema, text: textSchema }),
  /** The strictest outcome a boundary-only contact can yield. */
  boundaryContactCap: sitingOutcomeSchema,
  note: z.string().max(500).optional(),
});
export type ControlRuleSet = z.infer<typeof controlRuleSetSchema>;

export type RuleSource = 'rule' | 'zone_type_rule' | 'tier_default' | 'fallback';
export type ResolvedRule = { outcome: SitingOutcome; text: string; source: RuleSource };

/** Validate a rule set: shape, no duplicate (tier, projectType, zoneType), every tier configured and defaulted once. */
export function parseControlRuleSet(input: unknown): ControlRuleSet {
  const parsed = controlRuleSetSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw invalid('geo.invalid_rule_set', `管控规则配置无效：${first?.path.join('.') ?? ''} ${first?.message ?? ''}`.trim(), {
      issues: parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  }
  const set = parsed.data;
  const tiers = new Set(set.tiers);
  const seen = new Set<string>();
  for (const rule of set.rules) {
    if (!tiers.has(rule.tier)) throw invalid('geo.unknown_tier', `规则引用了未配置的管控级别「${rule.tier}」`, { tier: rule.tier });
    const key = `${rule.tier}\u0000${rule.projectType}\u0000${rule.zoneType ?? ''}`;
    if (seen.has(key)) {
      throw invalid('geo.duplicate_control_rule', `重复的管控规则：${rule.tier} × ${rule.projectType}${rule.zoneType ? ` × ${rule.zoneType}` : ''}`, {
        tier: rule.tier, projectType: rule.projectType, zoneType: rule.zoneType ?? null,
      });
    }
    seen.add(key);
  }
  const defaulted = new Set<string>();
  for (const d of set.tierDefaults) {
    if (!tiers.has(d.tier)) throw invalid('geo.unknown_tier', `默认规则引用了未配置的管控级别「${d.tier}」`, { tier: d.tier });
    if (defaulted.has(d.tier)) throw invalid('geo.duplicate_control_rule', `管控级别「${d.tier}」的默认规则重复`, { tier: d.tier });
    defaulted.add(d.tier);
  }
  return set;
}

/** Resolve the outcome and rule text for one zone (tier, zone type) and a project type. */
export function resolveControlRule(set: ControlRuleSet, tier: string, zoneType: string, projectType: string): ResolvedRule {
  const specific = set.rules.find((r) => r.tier === tier && r.projectType === projectType && r.zoneType === zoneType);
  if (specific) return { outcome: specific.outcome, text: specific.text, source: 'zone_type_rule' };
  const generic = set.rules.find((r) => r.tier === tier && r.projectType === projectType && r.zoneType === undefined);
  if (generic) return { outcome: generic.outcome, text: generic.text, source: 'rule' };
  const tierDefault = set.tierDefaults.find((d) => d.tier === tier);
  if (tierDefault) return { outcome: tierDefault.outcome, text: tierDefault.text, source: 'tier_default' };
  return { outcome: set.fallback.outcome, text: set.fallback.text, source: 'fallback' };
}

const TIER1 = '一级管控区';
const TIER2 = '二级管控区';

/** Default configuration (not law; see the file comment for its sources). */
export const defaultControlRuleSet: ControlRuleSet = {
  tiers: [TIER1, TIER2],
  projectTypes: [
    { code: 'industrial', label: '工业项目' },
    { code: 'mining', label: '矿产开采、采石采砂取土' },
    { code: 'real_estate', label: '房地产及城镇开发建设' },
    { code: 'commercial_tourism', label: '经营性旅游开发（宾馆、游乐设施等）' },
    { code: 'linear_infrastructure', label: '线性基础设施（公路、铁路、管线、输变电等）' },
    { code: 'water_facility', label: '防洪、供水设施' },
    { code: 'sightseeing_facility', label: '适度参观旅游的必要公共设施' },
    { code: 'resident_livelihood', label: '原住居民基本生产生活设施' },
    { code: 'research_monitoring', label: '科研观测、调查监测与执法' },
    { code: 'ecological_restoration', label: '生态保护修复工程' },
  ],
  rules: [
    { tier: TIER1, projectType: 'research_monitoring', outcome: 'conditional', text: '一级管控区原则上禁止人为活动；经依法批准的非破坏性科学研究观测、调查监测和执法活动可有条件开展。' },
    { tier: TIER1, projectType: 'ecological_restoration', outcome: 'conditional', text: '一级管控区内经批准的生态保护修复工程可有条件开展。' },
    { tier: TIER1, zoneType: '饮用水水源保护区', projectType: 'water_facility', outcome: 'conditional', text: '饮用水水源一级保护区内仅可建设与供水设施和保护水源有关的项目（《水污染防治法》第六十五条），需依法审批。' },
    { tier: TIER2, projectType: 'industrial', outcome: 'prohibited', text: '生态保护红线内严格禁止开发性、生产性建设活动。' },
    { tier: TIER2, projectType: 'mining', outcome: 'prohibited', text: '生态保护红线内严格禁止开发性、生产性建设活动（含矿产开采、采石采砂取土）。' },
    { tier: TIER2, projectType: 'real_estate', outcome: 'prohibited', text: '生态保护红线内严格禁止开发性建设活动。' },
    { tier: TIER2, projectType: 'commercial_tourism', outcome: 'prohibited', text: '严禁开展与生态保护红线主导功能定位不相符的开发利用活动。' },
    { tier: TIER2, projectType: 'linear_infrastructure', outcome: 'conditional', text: '必须且无法避让、符合县级以上国土空间规划的线性基础设施，经论证和审批后可有条件建设。' },
    { tier: TIER2, projectType: 'water_facility', outcome: 'conditional', text: '防洪和供水设施建设与运行维护属有限人为活动，需依法审批。' },
    { tier: TIER2, projectType: 'sightseeing_facility', outcome: 'conditional', text: '不破坏生态功能的适度参观旅游及必要公共设施，需依法审批。' },
    { tier: TIER2, projectType: 'resident_livelihood', outcome: 'conditional', text: '原住居民基本生产生活设施的修缮和必要建设，需依法审批。' },
    { tier: TIER2, projectType: 'research_monitoring', outcome: 'allowed', text: '非破坏性科研观测、调查监测和执法属允许的有限人为活动。' },
    { tier: TIER2, projectType: 'ecological_restoration', outcome: 'allowed', text: '生态保护修复属允许的有限人为活动。' },
  ],
  tierDefaults: [
    { tier: TIER1, outcome: 'prohibited', text: '一级管控区原则上禁止人为活动，严禁一切开发建设活动。' },
    { tier: TIER2, outcome: 'conditional', text: '除国家重大项目外，仅允许对生态功能不造成破坏的有限人为活动；需论证不可避让性并依法审批。' },
  ],
  fallback: { outcome: 'conditional', text: '未配置该管控级别的规则，需人工研判。' },
  boundaryContactCap: 'conditional',
  note: '默认配置，依据国家生态保护红线管控文件整理，非法律条文；以本地正式印发的管控规则为准。',
};
