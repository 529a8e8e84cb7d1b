import type { Actor } from '../../../shared/actor';
import { conflict } from '../../../shared/errors';
import { localDate } from '../../../platform/clock';
import type { Db } from '../../../platform/db/types';
import { recordAudit } from '../../audit';
import type { WorkingDayCalendar } from './calendar-port';
import { defaultEscalationConfig, escalationConfigSchema, type EscalationConfig } from './escalation-rules';
import { defaultHazardRulesConfig, hazardRulesConfigSchema, type HazardRulesConfig } from './hazard-config';
import { loadWorkingDayCalendar } from './hazard-calendar';
import { readHazardSetting, writeHazardSetting } from './hazard-settings-store';
import type { HazardSettings, UpdateHazardSettingsInput } from './hazard-view-schema';

/** Time of a request or job run: the instant and the city's time zone (local days come from both). */
export type HazardClock = { now: Date; timeZone: string };

export type HazardRuleEnvironment = { today: string; calendar: WorkingDayCalendar; config: HazardRulesConfig };

async function readRules(db: Db): Promise<{ value: HazardRulesConfig; version: number }> {
  const stored = await readHazardSetting(db, 'rules');
  const parsed = stored ? hazardRulesConfigSchema.safeParse(stored.value) : null;
  return parsed?.success && stored ? { value: parsed.data, version: stored.version } : { value: defaultHazardRulesConfig, version: stored?.version ?? 0 };
}

async function readEscalation(db: Db): Promise<{ value: EscalationConfig; version: number }> {
  const stored = await readHazardSetting(db, 'escalation');
  const parsed = stored ? escalationConfigSchema.safeParse(stored.value) : null;
  return parsed?.success && stored ? { value: parsed.data, version: stored.version } : { value: defaultEscalationConfig, version: stored?.version ?? 0 };
}

export async function loadEscalationConfig(db: Db): Promise<EscalationConfig> {
  return (await readEscalation(db)).value;
}

/** Today (local), the working-day calendar and the configured rules: what every rule call needs. */
export async function loadRuleEnvironment(db: Db, clock: HazardClock): Promise<HazardRuleEnvironment> {
  const [calendar, rules] = await Promise.all([loadWorkingDayCalendar(db), readRules(db)]);
  return { today: localDate(clock.now, clock.timeZone), calendar, config: rules.value };
}

export async function getHazardSettings(db: Db): Promise<HazardSettings> {
  const [rules, escalation] = await Promise.all([readRules(db), readEscalation(db)]);
  return { rules: rules.value, escalation: escalation.value, version: { rules: rules.version, escalation: escalation.version } };
}

export async function updateHazardSettings(db: Db, options: { actor: Actor; input: UpdateHazardSettingsInput }): Promise<HazardSettings> {
  const { actor, input } = options;
  return db.transaction(async (tx) => {
    const before = await getHazardSettings(tx);
    const version = await writeHazardSetting(tx, input.key, input.value, input.version, actor.userId);
    if (version === null) throw conflict('hazard.settings_stale_version', '配置已被他人修改，请刷新后重试', { key: input.key });
    await recordAudit(tx, actor, {
      action: 'hazard.settings_update',
      entityType: 'hazard_settings',
      entityId: input.key,
      summary: input.key === 'rules' ? '修改隐患整改期限等规则配置' : '修改逾期升级阶梯配置',
      before: before[input.key],
      after: input.value,
    });
    return getHazardSettings(tx);
  });
}
