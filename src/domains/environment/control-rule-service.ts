import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../shared/actor';
import { conflict, notFound } from '../../shared/errors';
import { newId } from '../../platform/ids';
import { queryRows, type Db } from '../../platform/db/types';
import { recordAudit } from '../audit';
import { requireDataEntry } from './access-service';
import { defaultControlRuleSet, parseControlRuleSet, type ControlRuleSet } from './geo/control-rules';
import type {
  ControlConfig, ControlRuleSetView, ControlRuleView, CreateControlRuleInput, UpdateControlConfigInput, UpdateControlRuleInput,
} from './redline-schema';
import { deleteControlRuleRow, findControlRule, insertControlRules, selectControlRules, updateControlRuleRow } from './redline-store';
import { readSetting, writeSetting } from './settings-store';

/**
 * Control rules are configuration: until someone edits them, the shipped `defaultControlRuleSet`
 * applies (marked `source: 'default'`; it is not law). The first edit writes the defaults to the
 * database (same transaction, audited) and applies the change on top. Default rules carry stable
 * ids derived from (tier, project type, zone type), so they can be edited directly.
 */
const CONFIG_KEY = 'control_config';

export function defaultRuleId(rule: { tier: string; projectType: string; zoneType?: string | null | undefined }): string {
  const h = crypto.createHash('sha256').update(`env-control-rule\u0000${rule.tier}\u0000${rule.projectType}\u0000${rule.zoneType ?? ''}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

const defaultConfig = (): ControlConfig => {
  const { rules: _rules, ...config } = defaultControlRuleSet;
  return structuredClone(config);
};

const defaultRules = (): ControlRuleView[] =>
  defaultControlRuleSet.rules.map((r) => ({ id: defaultRuleId(r), tier: r.tier, projectType: r.projectType, zoneType: r.zoneType ?? null, outcome: r.outcome, text: r.text, version: 1 }));

export function toEngineRuleSet(config: ControlConfig, rules: readonly ControlRuleView[]): ControlRuleSet {
  return {
    ...config,
    rules: rules.map((r) => ({ tier: r.tier, projectType: r.projectType, ...(r.zoneType ? { zoneType: r.zoneType } : {}), outcome: r.outcome, text: r.text })),
  };
}

export type LoadedRuleSet = { view: ControlRuleSetView; set: ControlRuleSet };

export async function loadControlRuleSet(db: Db): Promise<LoadedRuleSet> {
  const stored = await readSetting<ControlConfig>(db, CONFIG_KEY);
  const config = stored?.value ?? defaultConfig();
  const rules = stored ? await selectControlRules(db) : defaultRules();
  const view: ControlRuleSetView = { ...config, source: stored ? 'configured' : 'default', version: stored?.version ?? 0, rules };
  return { view, set: toEngineRuleSet(config, rules) };
}

/** Write the defaults to the database if nothing is stored yet; returns the stored config version. */
async function materialise(tx: Db, actor: Actor): Promise<number> {
  const stored = await readSetting<ControlConfig>(tx, CONFIG_KEY);
  if (stored) return stored.version;
  const version = await writeSetting(tx, CONFIG_KEY, defaultConfig(), 0);
  if (version === null) throw conflict('env.stale_version', '管控规则配置已被他人修改，请刷新后重试');
  await insertControlRules(tx, defaultRules().map((r) => ({ id: r.id as string, tier: r.tier, projectType: r.projectType, zoneType: r.zoneType, outcome: r.outcome, text: r.text })));
  await recordAudit(tx, actor, { action: 'env.control_rules.initialise', entityType: 'env_control_rules', summary: '以出厂默认配置初始化生态红线管控规则' });
  return version;
}

async function validateStored(tx: Db): Promise<LoadedRuleSet> {
  const loaded = await loadControlRuleSet(tx);
  parseControlRuleSet(loaded.set);
  return loaded;
}

export async function createControlRule(db: Db, options: { actor: Actor; input: CreateControlRuleInput }): Promise<ControlRuleView> {
  const { actor, input } = options;
  await requireDataEntry(db, actor);
  return db.transaction(async (tx) => {
    await materialise(tx, actor);
    const id = newId();
    await insertControlRules(tx, [{ id, tier: input.tier, projectType: input.projectType, zoneType: input.zoneType ?? null, outcome: input.outcome, text: input.text }]);
    await validateStored(tx);
    const created = (await findControlRule(tx, id)) as ControlRuleView;
    await recordAudit(tx, actor, { action: 'env.control_rule.create', entityType: 'env_control_rule', entityId: id, summary: `新增管控规则：${input.tier} × ${input.projectType}`, after: created });
    return created;
  });
}

async function loadRuleForChange(tx: Db, actor: Actor, id: string): Promise<ControlRuleView> {
  await materialise(tx, actor);
  const rule = await findControlRule(tx, id);
  if (!rule) throw notFound('env.control_rule_not_found', '管控规则不存在');
  return rule;
}

export async function updateControlRule(db: Db, options: { actor: Actor; id: string; input: UpdateControlRuleInput }): Promise<ControlRuleView> {
  const { actor, id, input } = options;
  await requireDataEntry(db, actor);
  return db.transaction(async (tx) => {
    const rule = await loadRuleForChange(tx, actor, id);
    if (!(await updateControlRuleRow(tx, id, input.version, input))) throw conflict('env.stale_version', '该规则已被他人修改，请刷新后重试', { currentVersion: rule.version });
    const updated = (await findControlRule(tx, id)) as ControlRuleView;
    await recordAudit(tx, actor, { action: 'env.control_rule.update', entityType: 'env_control_rule', entityId: id, summary: `修改管控规则：${rule.tier} × ${rule.projectType}`, before: rule, after: updated });
    return updated;
  });
}

export async function deleteControlRule(db: Db, options: { actor: Actor; id: string; version: number }): Promise<void> {
  const { actor, id, version } = options;
  await requireDataEntry(db, actor);
  await db.transaction(async (tx) => {
    const rule = await loadRuleForChange(tx, actor, id);
    if (!(await deleteControlRuleRow(tx, id, version))) throw conflict('env.stale_version', '该规则已被他人修改，请刷新后重试', { currentVersion: rule.version });
    await recordAudit(tx, actor, { action: 'env.control_rule.delete', entityType: 'env_control_rule', entityId: id, summary: `删除管控规则：${rule.tier} × ${rule.projectType}`, before: rule });
  });
}

export async function updateControlConfig(db: Db, options: { actor: Actor; input: UpdateControlConfigInput }): Promise<ControlRuleSetView> {
  const { actor, input } = options;
  await requireDataEntry(db, actor);
  return db.transaction(async (tx) => {
    const before = await loadControlRuleSet(tx);
    if (before.view.version !== input.version) throw conflict('env.stale_version', '管控规则配置已被他人修改，请刷新后重试', { currentVersion: before.view.version });
    const current = await materialise(tx, actor);
    const { version: _v, ...config } = input;
    const inUse = await queryRows<{ tier: string }>(tx, sql`SELECT DISTINCT tier FROM env_redline_zones WHERE is_active AND NOT (tier = ANY(${sql.param(config.tiers)}::text[]))`);
    if (inUse.length > 0) {
      throw conflict('env.tier_in_use', `管控级别「${inUse.map((r) => r.tier).join('、')}」仍有红线区在用，不能删除`, { tiers: inUse.map((r) => r.tier) });
    }
    if ((await writeSetting(tx, CONFIG_KEY, config, current)) === null) throw conflict('env.stale_version', '管控规则配置已被他人修改，请刷新后重试');
    const after = await validateStored(tx);
    await recordAudit(tx, actor, { action: 'env.control_config.update', entityType: 'env_control_rules', summary: '修改生态红线管控级别与默认规则', before: defaultless(before.view), after: defaultless(after.view) });
    return after.view;
  });
}

const defaultless = (view: ControlRuleSetView) => {
  const { rules: _r, ...rest } = view;
  return rest;
};
