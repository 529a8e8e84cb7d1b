/**
 * The overdue escalation ladder as a daily job (domain.md §2.5): for every hazard that owes
 * rectification, fire the steps that are due (reminder D−3, overdue D+1, urging D+5, interview D+15
 * working days; configurable), write the overdue flag, record each step in the hazard's history and
 * notify the right people. Idempotent: a step is fired only by the transaction that inserts its marker
 * (hazard id + `step@deadline`, unique), so a re-run, a crash-and-retry or a second server process
 * fires nothing twice; notifications carry dedupe keys as well.
 */
import { systemActor } from '../../../shared/actor';
import type { Db } from '../../../platform/db/types';
import type { ScheduledJob } from '../../../platform/jobs/scheduler';
import { recordAudit } from '../../audit';
import { computeEscalations, escalationStepLabels, type EscalationConfig } from './escalation-rules';
import { isOverdue } from './hazard-deadline-rules';
import { insertEscalationMarker, insertHazardEvent, selectEscalationKeys, updateEscalationRecipientCount } from './hazard-event-store';
import { notifyHazardRecipients } from './hazard-notify-service';
import { loadEscalationConfig, loadRuleEnvironment, type HazardClock, type HazardRuleEnvironment } from './hazard-settings-service';
import { selectOwingHazards } from './hazard-query-store';
import { findHazardForUpdate, setHazardOverdueFlag, type StoredHazard } from './hazard-store';

export type EscalationRunResult = { checked: number; fired: number; notified: number; flagged: number };

const BATCH = 200;
const actor = systemActor('hazard-escalation');

async function escalateOne(
  db: Db,
  hazard: StoredHazard,
  done: ReadonlySet<string>,
  env: HazardRuleEnvironment,
  config: EscalationConfig,
  now: Date,
): Promise<{ fired: number; notified: number; flagged: boolean }> {
  const shouldBeOverdue = isOverdue(hazard, env.today);
  const candidates = computeEscalations(hazard, env.today, env.calendar, config, done);
  if (candidates.length === 0 && shouldBeOverdue === hazard.isOverdue) return { fired: 0, notified: 0, flagged: false };
  return db.transaction(async (tx) => {
    // Lock the row and re-read it: an action may have changed the status or the deadline meanwhile.
    const locked = await findHazardForUpdate(tx, hazard.id);
    if (!locked) return { fired: 0, notified: 0, flagged: false };
    const overdue = isOverdue(locked, env.today);
    const flagged = overdue !== locked.isOverdue;
    if (flagged) await setHazardOverdueFlag(tx, locked.id, overdue);
    const due = computeEscalations(locked, env.today, env.calendar, config, done);
    let fired = 0;
    let notified = 0;
    for (const step of due) {
      const marker = { hazardId: locked.id, key: step.key, step: step.step, dueOn: step.dueOn, firedOn: env.today, recipientCount: 0 };
      if (!(await insertEscalationMarker(tx, marker))) continue;
      fired += 1;
      await insertHazardEvent(tx, locked.id, {
        action: 'escalation',
        fromStatus: locked.status,
        toStatus: locked.status,
        actorId: null,
        actorName: '系统（逾期升级）',
        on: env.today,
        at: now,
        deadline: locked.deadline,
        comment: step.messageZh,
        payload: { step: step.step, key: step.key, dueOn: step.dueOn, isLate: step.isLate, escalationAction: step.action },
      });
      const count = await notifyHazardRecipients(tx, {
        actor,
        hazardId: locked.id,
        recipients: step.recipients,
        kind: `hazard.escalation.${step.step}`,
        title: `${escalationStepLabels[step.step].zh}：${locked.title}`,
        body: step.messageZh,
        dedupeKey: `hazard:${locked.id}:escalation:${step.key}`,
        now,
      });
      await updateEscalationRecipientCount(tx, locked.id, step.key, count);
      notified += count;
    }
    if (fired > 0 || flagged) {
      await recordAudit(tx, actor, {
        action: 'hazard.escalate',
        entityType: 'hazard',
        entityId: locked.id,
        orgUnitId: locked.orgUnitId,
        summary: `隐患 ${locked.hazardNo}「${locked.title}」逾期升级：${due.map((d) => escalationStepLabels[d.step].zh).join('、') || '更新逾期标记'}`,
        after: { steps: due.map((d) => d.key), isOverdue: overdue },
      });
    }
    return { fired, notified, flagged };
  });
}

/** One run of the ladder for "today" of `clock`. */
export async function runHazardEscalation(db: Db, options: { clock: HazardClock }): Promise<EscalationRunResult> {
  const env = await loadRuleEnvironment(db, options.clock);
  const config = await loadEscalationConfig(db);
  const result: EscalationRunResult = { checked: 0, fired: 0, notified: 0, flagged: 0 };
  let afterId: string | null = null;
  for (;;) {
    const batch = await selectOwingHazards(db, afterId, BATCH);
    if (batch.length === 0) break;
    const done = await selectEscalationKeys(db, batch.map((h) => h.id));
    for (const hazard of batch) {
      const outcome = await escalateOne(db, hazard, done.get(hazard.id) ?? new Set(), env, config, options.clock.now);
      result.checked += 1;
      result.fired += outcome.fired;
      result.notified += outcome.notified;
      if (outcome.flagged) result.flagged += 1;
    }
    afterId = batch[batch.length - 1]?.id ?? null;
    if (batch.length < BATCH) break;
  }
  return result;
}

export const hazardEscalationJob: ScheduledJob = {
  name: 'safety.hazard_escalation',
  schedule: { dailyAt: '07:00' },
  run: async ({ db, clock, config }) => {
    const r = await runHazardEscalation(db, { clock: { now: clock.now(), timeZone: config.timeZone } });
    return `隐患逾期升级：检查 ${r.checked} 项，触发 ${r.fired} 步，通知 ${r.notified} 人次，逾期标记变更 ${r.flagged} 项`;
  },
};
