import { systemActor } from '../../../shared/actor';
import { localDate } from '../../../platform/clock';
import type { Db } from '../../../platform/db/types';
import type { ScheduledJob } from '../../../platform/jobs/scheduler';
import { notifyUsers } from '../../notifications';
import { addDays } from './date-math';
import { coordinatorsFor, listDirectoryUsers, loadOrgIndex } from './directory';
import { obligationLabels, type Obligation } from './inspection-rule-types';
import { markReminded, selectReminderCandidates, type ReminderCandidate } from './obligation-store';
import { loadWarningDays } from './rule-service';

/**
 * Reminders for inspection due dates (domain.md §1.4.3: notify the using unit and the township
 * coordinator in the 临期 window; on the day after the due date, escalate). Each open obligation
 * is reminded once when it enters the 临期 window and once when it becomes overdue, to the use
 * unit's enterprise users and the territory's safety coordinators. Idempotent twice over: the
 * obligation keeps a "reminded at" marker, and every notification carries a dedupe key per
 * obligation and stage, so a second run (or a run repeated after a crash) sends nothing new.
 */
const BATCH = 500;

export async function sendDueReminders(db: Db, options: { now: Date; timeZone: string }): Promise<{ dueSoon: number; overdue: number; notifications: number }> {
  const today = localDate(options.now, options.timeZone);
  const warningDays = await loadWarningDays(db, today);
  const [org, coordinators, enterpriseUsers] = await Promise.all([
    loadOrgIndex(db),
    listDirectoryUsers(db, { flag: 'safetyCoordinator' }),
    listDirectoryUsers(db, { role: 'enterprise' }),
  ]);
  const usersOf = new Map<string, string[]>();
  for (const u of enterpriseUsers) if (u.enterpriseId) usersOf.set(u.enterpriseId, [...(usersOf.get(u.enterpriseId) ?? []), u.id]);
  const actor = systemActor('equipment-reminders');
  const counts = { dueSoon: 0, overdue: 0, notifications: 0 };
  for (const stage of ['due_soon', 'overdue'] as const) {
    for (let round = 0; round < 10_000; round += 1) {
      const candidates = await selectReminderCandidates(db, { kind: stage, today, windowEnd: addDays(today, warningDays), limit: BATCH });
      if (candidates.length === 0) break;
      const sent = await db.transaction(async (tx) => {
        let n = 0;
        for (const c of candidates) {
          const userIds = [...new Set([...(usersOf.get(c.useUnitId) ?? []), ...coordinatorsFor(c.territoryOrgUnitId, org, coordinators).map((u) => u.id)])];
          n += await notifyUsers(tx, { actor, userIds, notification: notificationOf(c, stage), now: options.now });
        }
        await markReminded(tx, candidates.map((c) => c.obligationId), stage, options.now);
        return n;
      });
      counts.notifications += sent;
      if (stage === 'due_soon') counts.dueSoon += candidates.length;
      else counts.overdue += candidates.length;
      if (candidates.length < BATCH) break;
    }
  }
  return counts;
}

function notificationOf(c: ReminderCandidate, stage: 'due_soon' | 'overdue') {
  const what = obligationLabels[c.obligation as Obligation]?.zh ?? '检验';
  const name = `${c.productName}（${c.equipmentCode ?? '无设备代码'}，${c.useAddress}）`;
  return {
    kind: stage === 'due_soon' ? 'equipment.due_soon' : 'equipment.overdue',
    title: stage === 'due_soon' ? `特种设备${what}临期：${c.productName}` : `特种设备超期未检：${c.productName}`,
    body:
      stage === 'due_soon'
        ? `${name}的${what}将于 ${c.dueOn} 到期，请使用单位在到期前申请检验。`
        : `${name}的${what}已于 ${c.dueOn} 到期仍未检验，设备不得继续使用，请立即申请检验。`,
    link: `/safety/equipment/${c.deviceId}`,
    entityType: 'equipment_device',
    entityId: c.deviceId,
    dedupeKey: `equipment.${stage}:${c.obligationId}`,
  };
}

export const equipmentDueReminderJob: ScheduledJob = {
  name: 'equipment.due_reminders',
  schedule: { dailyAt: '08:00' },
  run: async ({ db, clock, config }) => {
    const r = await sendDueReminders(db, { now: clock.now(), timeZone: config.timeZone });
    return `${r.dueSoon} due-soon and ${r.overdue} overdue obligations, ${r.notifications} notifications`;
  },
};
