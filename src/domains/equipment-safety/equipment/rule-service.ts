import type { Actor } from '../../../shared/actor';
import { systemActor } from '../../../shared/actor';
import { notFound } from '../../../shared/errors';
import { localDate } from '../../../platform/clock';
import type { Db } from '../../../platform/db/types';
import { newId } from '../../../platform/ids';
import { enqueueJob, type JobHandler } from '../../../platform/jobs/queue';
import { recordAudit } from '../../audit';
import { catalogueEditions, categoryEnglishNames } from './catalogue';
import { selectDeviceIdPage, selectDeviceIdsByRule, selectUncoveredDeviceIds } from './device-map-store';
import { inspectionRuleSet } from './inspection-rule-set';
import { inspectionTrackLabels, ruleConfidenceLabels } from './inspection-rule-types';
import { recomputeDevices } from './obligation-service';
import { applyRuleOverrides, findShippedRule, isUnverifiedRule, parseOverrideParams, SETTINGS_RULE_ID, type EffectiveRuleSet, type RuleOverride } from './rule-overrides';
import { deleteRuleOverride as deleteOverrideRow, insertRuleOverride, selectRuleOverrides, toOverrideView } from './rule-store';
import type { CreateRuleOverrideInput, RuleOverrideView } from './view-schema';

/**
 * The effective inspection rule set (shipped rules + administrator versions) and its changes.
 * The override list is cached per process for CACHE_TTL_MS and dropped by every change made here;
 * a change enqueues a background recomputation of the due dates it affects.
 */
const CACHE_TTL_MS = 10_000;
let cache: { overrides: Array<RuleOverride & { createdAt: string }>; at: number } | null = null;

async function loadOverrides(db: Db): Promise<Array<RuleOverride & { createdAt: string }>> {
  if (cache && Date.now() - cache.at < CACHE_TTL_MS) return cache.overrides;
  const overrides = await selectRuleOverrides(db);
  cache = { overrides, at: Date.now() };
  return overrides;
}

export function dropRuleCache(): void {
  cache = null;
}

let effective: { overrides: unknown; today: string; ruleSet: EffectiveRuleSet } | null = null;

export async function loadRuleSet(db: Db, today: string): Promise<EffectiveRuleSet> {
  const overrides = await loadOverrides(db);
  if (effective && effective.overrides === overrides && effective.today === today) return effective.ruleSet;
  const ruleSet = applyRuleOverrides(inspectionRuleSet, overrides, today);
  effective = { overrides, today, ruleSet };
  return ruleSet;
}

/** The 临期 window in force today. */
export async function loadWarningDays(db: Db, today: string): Promise<number> {
  return (await loadRuleSet(db, today)).settings.warningDays;
}

export async function getInspectionRules(db: Db, options: { today: string }) {
  const ruleSet = await loadRuleSet(db, options.today);
  const overrides = await loadOverrides(db);
  return {
    ruleSetId: ruleSet.id,
    version: ruleSet.version,
    settings: ruleSet.settings,
    rules: ruleSet.rules.map((r) => ({
      id: r.id,
      nameZh: r.nameZh,
      appliesTo: {
        category: r.appliesTo.category,
        ...(r.appliesTo.kind ? { kind: r.appliesTo.kind } : {}),
        ...(r.appliesTo.variety ? { variety: r.appliesTo.variety } : {}),
        ...(r.appliesTo.safetyGrades ? { safetyGrades: [...r.appliesTo.safetyGrades] } : {}),
        ...(r.appliesTo.attributes ? { attributes: { ...r.appliesTo.attributes } } : {}),
      },
      track: r.track,
      trackLabel: inspectionTrackLabels[r.track].zh,
      kind: r.kind,
      params: JSON.parse(JSON.stringify(r.params)) as Record<string, string | number | boolean | number[]>,
      validFrom: r.validFrom,
      validTo: r.validTo,
      source: r.source,
      confidence: r.confidence,
      confidenceLabel: ruleConfidenceLabels[r.confidence].zh,
      isUnverified: isUnverifiedRule(r.confidence),
      note: r.note ?? null,
      overrideId: r.overrideId,
    })),
    overrides: overrides.map(toOverrideView),
  };
}

export function getCatalogue() {
  const edition = catalogueEditions[catalogueEditions.length - 1];
  if (!edition) throw notFound('equipment.no_catalogue', '未配置特种设备目录');
  return {
    edition: edition.edition,
    validFrom: edition.validFrom,
    source: edition.source,
    entries: edition.entries.map((e) => ({ ...e, nameEn: e.level === 'category' ? (categoryEnglishNames[e.code] ?? null) : null })),
  };
}

export const RECOMPUTE_JOB_KIND = 'equipment.recompute_due';
export type RecomputeTarget = { all: true } | { ruleIds: string[]; reinspections?: boolean; categories?: string[] };

export async function createRuleOverride(
  db: Db,
  options: { actor: Actor; input: CreateRuleOverrideInput },
): Promise<{ override: RuleOverrideView; recomputeJobId: string | null }> {
  const { actor, input } = options;
  const params = parseOverrideParams(inspectionRuleSet, input.ruleId, input.params);
  const target = targetFor(input.ruleId);
  const result = await db.transaction(async (tx) => {
    const created = await insertRuleOverride(tx, {
      id: newId(),
      ruleId: input.ruleId,
      validFrom: input.validFrom,
      params,
      confidence: input.confidence ?? null,
      source: input.source ?? null,
      reason: input.reason,
      createdBy: actor.userId,
    });
    const job = await enqueueJob(tx, {
      kind: RECOMPUTE_JOB_KIND,
      params: { target, reason: `rule ${input.ruleId} version ${input.validFrom}` },
      orgUnitId: actor.orgUnitId,
      createdBy: actor.userId,
      message: '等待重新计算检验到期日',
    });
    await recordAudit(tx, actor, {
      action: 'equipment.rule_override_add',
      entityType: 'equipment_rule',
      entityId: input.ruleId,
      summary: `检验周期规则「${input.ruleId}」自 ${input.validFrom} 起改为新参数：${input.reason}`,
      after: created,
    });
    return { override: toOverrideView(created), recomputeJobId: job.id };
  });
  dropRuleCache();
  return result;
}

export async function deleteRuleOverride(db: Db, options: { actor: Actor; id: string }): Promise<{ override: RuleOverrideView; recomputeJobId: string | null }> {
  const { actor, id } = options;
  const result = await db.transaction(async (tx) => {
    const removed = await deleteOverrideRow(tx, id);
    if (!removed) throw notFound('equipment.rule_override_not_found', '规则版本不存在');
    const job = await enqueueJob(tx, {
      kind: RECOMPUTE_JOB_KIND,
      params: { target: targetFor(removed.ruleId), reason: `rule ${removed.ruleId} version ${removed.validFrom} removed` },
      orgUnitId: actor.orgUnitId,
      createdBy: actor.userId,
      message: '等待重新计算检验到期日',
    });
    await recordAudit(tx, actor, {
      action: 'equipment.rule_override_remove',
      entityType: 'equipment_rule',
      entityId: removed.ruleId,
      summary: `删除检验周期规则「${removed.ruleId}」自 ${removed.validFrom} 起的版本`,
      before: removed,
    });
    return { override: toOverrideView(removed), recomputeJobId: job.id };
  });
  dropRuleCache();
  return result;
}

function targetFor(ruleId: string): RecomputeTarget {
  if (ruleId === SETTINGS_RULE_ID) return { ruleIds: [], reinspections: true };
  return { ruleIds: [ruleId], categories: [findShippedRule(inspectionRuleSet, ruleId).appliesTo.category] };
}

const CHUNK = 1000;

/**
 * Recomputes the due dates a change affects, CHUNK devices per transaction (each with one audit
 * entry). Idempotent: running it again changes nothing.
 */
export async function recomputeDueDates(
  db: Db,
  options: { actor: Actor; target: RecomputeTarget; today: string; onProgress?: (done: number) => Promise<void> },
): Promise<{ devices: number; changed: number }> {
  dropRuleCache();
  const ruleSet = await loadRuleSet(db, options.today);
  let done = 0;
  let changed = 0;
  const run = async (next: (afterId: string | null) => Promise<string[]>) => {
    let afterId: string | null = null;
    for (;;) {
      const ids = await next(afterId);
      if (ids.length === 0) return;
      const results = await db.transaction(async (tx) => {
        const r = await recomputeDevices(tx, ids, { ruleSet, today: options.today, voidReason: 'rule_changed' });
        const moved = r.filter((x) => x.opened > 0 || x.closed.length > 0).length;
        await recordAudit(tx, options.actor, {
          action: 'equipment.recompute_due',
          entityType: 'equipment_device',
          entityId: null,
          summary: `按检验周期规则 ${ruleSet.version} 重新计算 ${ids.length} 台设备的检验到期日（${moved} 台有变化）`,
          after: { ruleSetVersion: ruleSet.version, devices: ids.length, changed: moved },
        });
        return r;
      });
      done += ids.length;
      changed += results.filter((x) => x.opened > 0 || x.closed.length > 0).length;
      await options.onProgress?.(done);
      afterId = ids[ids.length - 1] ?? null;
      if (ids.length < CHUNK) return;
    }
  };
  const target = options.target;
  if ('all' in target) {
    await run((afterId) => selectDeviceIdPage(db, { afterId, limit: CHUNK }));
  } else {
    if (target.ruleIds.length > 0 || target.reinspections) {
      await run((afterId) => selectDeviceIdsByRule(db, { ruleIds: target.ruleIds, reinspections: target.reinspections }, { afterId, limit: CHUNK }));
    }
    if (target.categories && target.categories.length > 0) {
      const categories = target.categories;
      await run((afterId) => selectUncoveredDeviceIds(db, categories, { afterId, limit: CHUNK }));
    }
  }
  return { devices: done, changed };
}

export const recomputeJobHandler: JobHandler = {
  kind: RECOMPUTE_JOB_KIND,
  async run({ db, job, clock, config, progress }) {
    const params = job.params as { target: RecomputeTarget };
    const result = await recomputeDueDates(db, {
      actor: systemActor('equipment-recompute'),
      target: params.target,
      today: localDate(clock.now(), config.timeZone),
      onProgress: (done) => progress({ done, message: `已重新计算 ${done} 台设备` }),
    });
    await progress({ done: result.devices, total: result.devices, message: null });
    return result;
  },
};
