import { z } from 'zod';
import type { Actor, DataScope } from '../../shared/actor';
import { conflict, forbidden, invalid } from '../../shared/errors';
import type { Db } from '../../platform/db/types';
import { recordAudit } from '../audit';
import { findOrgUnit, findOrgUnitByCode } from '../org';
import { canEnterEnvironmentData, defaultEnvironmentSettings, resolveEnvironmentReadScope, type EnvironmentSettings } from './access-rules';
import { readSetting, writeSetting } from './settings-store';

const SETTINGS_KEY = 'module';

export const environmentSettingsSchema = z
  .object({
    dataEntryDepartmentCodes: z.array(z.string().trim().min(2).max(40)).max(20).describe('负责录入环境数据的部门单位编码（如 dept-env）'),
    version: z.number().int().min(0).describe('当前版本号；从未保存过为 0'),
  })
  .meta({ id: 'EnvironmentSettings' });
export const updateEnvironmentSettingsInputSchema = environmentSettingsSchema.strict();
export type EnvironmentSettingsView = z.infer<typeof environmentSettingsSchema>;

export async function getEnvironmentSettings(db: Db): Promise<EnvironmentSettingsView> {
  const stored = await readSetting<EnvironmentSettings>(db, SETTINGS_KEY);
  return { ...(stored?.value ?? defaultEnvironmentSettings), version: stored?.version ?? 0 };
}

export async function updateEnvironmentSettings(db: Db, options: { actor: Actor; input: EnvironmentSettingsView }): Promise<EnvironmentSettingsView> {
  const { actor, input } = options;
  return db.transaction(async (tx) => {
    for (const code of input.dataEntryDepartmentCodes) {
      const unit = await findOrgUnitByCode(tx, code);
      if (!unit || unit.kind !== 'department') throw invalid('env.unknown_department', `单位编码「${code}」不是部门`, { code });
    }
    const before = await getEnvironmentSettings(tx);
    const value: EnvironmentSettings = { dataEntryDepartmentCodes: input.dataEntryDepartmentCodes };
    const version = await writeSetting(tx, SETTINGS_KEY, value, input.version);
    if (version === null) throw conflict('env.stale_version', '设置已被他人修改，请刷新后重试', { currentVersion: before.version });
    await recordAudit(tx, actor, { action: 'env.settings.update', entityType: 'env_settings', entityId: SETTINGS_KEY, summary: '修改环境模块设置', before, after: value });
    return { ...value, version };
  });
}

/** Whether the actor may enter environment data (see access-rules.ts). */
export async function isDataEntryUser(db: Db, actor: Actor): Promise<boolean> {
  if (actor.kind === 'system') return true;
  if (actor.role !== 'department') return canEnterEnvironmentData(actor.role, null, defaultEnvironmentSettings);
  const [settings, unit] = await Promise.all([getEnvironmentSettings(db), actor.orgUnitId ? findOrgUnit(db, actor.orgUnitId) : null]);
  return canEnterEnvironmentData(actor.role, unit?.code ?? null, settings);
}

export async function requireDataEntry(db: Db, actor: Actor): Promise<void> {
  if (!(await isDataEntryUser(db, actor))) {
    throw forbidden('env.data_entry_forbidden', '只有生态环境主管部门、市场监管局、质强办和管理员可以录入环境数据');
  }
}

/** Scope of environment reads for the actor (data-entry departments read city-wide). */
export async function resolveReadScope(db: Db, actor: Actor): Promise<DataScope> {
  if (actor.scope.kind === 'all') return actor.scope;
  return resolveEnvironmentReadScope(actor.scope, actor.role === 'department' && (await isDataEntryUser(db, actor)));
}
