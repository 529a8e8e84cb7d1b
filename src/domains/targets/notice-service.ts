import { sql } from 'drizzle-orm';
import { systemActor, type Actor } from '../../shared/actor';
import { invalid } from '../../shared/errors';
import { hasPermission } from '../../shared/permissions';
import { localDate } from '../../platform/clock';
import type { Db } from '../../platform/db/types';
import { newId } from '../../platform/ids';
import { listUsers } from '../accounts';
import { recordAudit } from '../audit';
import { notifyUsers } from '../notifications';
import { selectPlanUnits } from './indicator-store';
import { selectItems } from './item-store';
import { toDayNumber } from './local-date';
import { findPeriodByKey, findPlan, selectPeriods, type PeriodRecord, type PlanRecord } from './plan-store';
import { insertNotice, selectNotices, selectPublishedPlanIds, setNoticeRecipients, type NoticeRecord } from './notice-store';
import { listItemTimeliness } from './progress-service';
import { listReminderDates } from './reporting-rules';
import { assertManager, getVisiblePlan, today, type TargetsContext } from './service-support';
import { unitVisible, viewerOf } from './visibility';
import type { SendUrgingInput } from './progress-schema';

/** Overdue periods are urged (督办) for this many days after their deadline; older gaps stay visible in the rates table only [D]. */
export const URGING_LOOKBACK_DAYS = 31;

type UsersQuery = Parameters<typeof listUsers>[1]['query'];

/** Active users of exactly this unit who report targets (the unit's quality managers, liaison officers…). */
async function reportersOf(db: Db, orgUnitId: string): Promise<string[]> {
  const query: UsersQuery = { orgUnitId, includeSubunits: false, active: 'true', page: 1, pageSize: 200, sort: 'username' };
  const page = await listUsers(db, { actor: systemActor('targets-notices'), query });
  return page.items.filter((u) => hasPermission(u.role, 'targets.report')).map((u) => u.id);
}

type NoticeDraft = { plan: PlanRecord; period: PeriodRecord | null; orgUnitId: string; kind: 'reminder' | 'urging'; dedupeKey: string; title: string; body: string; itemCount: number };

/** Records a notice and notifies the unit's reporters, once per dedupe key. True when sent now. */
async function sendNotice(db: Db, actor: Actor, now: Date, draft: NoticeDraft): Promise<boolean> {
  return db.transaction(async (tx) => {
    const id = newId();
    const inserted = await insertNotice(tx, {
      id,
      planId: draft.plan.id,
      periodId: draft.period?.id ?? null,
      orgUnitId: draft.orgUnitId,
      kind: draft.kind,
      dedupeKey: draft.dedupeKey,
      title: draft.title,
      body: draft.body,
      itemCount: draft.itemCount,
      sentAt: now,
      sentBy: actor.userId,
    });
    if (!inserted) return false;
    const userIds = await reportersOf(tx, draft.orgUnitId);
    const delivered = await notifyUsers(tx, {
      actor,
      userIds,
      now,
      notification: {
        kind: draft.kind === 'reminder' ? 'targets.reminder' : 'targets.urging',
        title: draft.title,
        body: draft.body,
        link: `/targets/plans/${draft.plan.id}/progress${draft.period ? `?period=${draft.period.key}` : ''}`,
        entityType: 'targets_plan',
        entityId: draft.plan.id,
        dedupeKey: draft.dedupeKey,
      },
    });
    await setNoticeRecipients(tx, id, delivered);
    await recordAudit(tx, actor, {
      action: `targets.notice.${draft.kind}`,
      entityType: 'targets_notice',
      entityId: id,
      orgUnitId: draft.orgUnitId,
      summary: `${draft.kind === 'reminder' ? '报送提醒' : '督办通知'}：${draft.title}（${delivered} 人）`,
      after: { dedupeKey: draft.dedupeKey, itemCount: draft.itemCount },
    });
    return true;
  });
}

/**
 * The daily job: before a deadline, remind units that still have unsubmitted items for the period
 * (on or after each configured reminder day, so a missed run catches up once); after the deadline,
 * send an urging notice (督办) to units whose reports are missing. Dedupe keys make reruns no-ops.
 */
export async function runReportingReminders(db: Db, options: { now: Date; timeZone: string }): Promise<{ reminders: number; urgings: number }> {
  const actor = systemActor('targets-reminders');
  const day = localDate(options.now, options.timeZone);
  let reminders = 0;
  let urgings = 0;
  for (const planId of await selectPublishedPlanIds(db)) {
    const plan = (await findPlan(db, planId)) as PlanRecord;
    const periods = new Map((await selectPeriods(db, plan.id)).map((p) => [p.id, p]));
    const items = await selectItems(db, plan.id);
    const rows = await listItemTimeliness(db, { planId: plan.id, items, day, timeZone: options.timeZone });
    const open = new Map<string, { period: PeriodRecord; orgUnitId: string; orgUnitName: string; count: number; overdue: boolean }>();
    for (const row of rows) {
      if (row.status === 'on_time' || row.status === 'late') continue;
      const period = periods.get(row.periodId) as PeriodRecord;
      const key = `${period.id}:${row.item.orgUnitId}`;
      const entry = open.get(key) ?? { period, orgUnitId: row.item.orgUnitId, orgUnitName: row.item.orgUnitName, count: 0, overdue: row.status === 'missing' };
      entry.count += 1;
      open.set(key, entry);
    }
    for (const entry of open.values()) {
      const { period } = entry;
      if (entry.overdue) {
        if (toDayNumber(day) - toDayNumber(period.deadline) > URGING_LOOKBACK_DAYS) continue;
        const sent = await sendNotice(db, actor, options.now, {
          plan,
          period,
          orgUnitId: entry.orgUnitId,
          kind: 'urging',
          dedupeKey: `targets:urging:${period.id}:${entry.orgUnitId}`,
          title: `督办：${entry.orgUnitName}${period.label}目标进度逾期未报`,
          body: `${period.label}的 ${entry.count} 项考核进度已过截止日（${period.deadline}）仍未报送，请立即报送并说明原因。`,
          itemCount: entry.count,
        });
        if (sent) urgings += 1;
        continue;
      }
      const due = listReminderDates(period.deadline, plan.config.reporting.reminderDaysBefore).filter((d) => toDayNumber(d) <= toDayNumber(day));
      const latest = due.at(-1);
      if (!latest || toDayNumber(day) < toDayNumber(period.startsOn)) continue;
      const sent = await sendNotice(db, actor, options.now, {
        plan,
        period,
        orgUnitId: entry.orgUnitId,
        kind: 'reminder',
        dedupeKey: `targets:reminder:${period.id}:${entry.orgUnitId}:${latest}`,
        title: `提醒：${period.label}目标进度请于 ${period.deadline} 前报送`,
        body: `${entry.orgUnitName}尚有 ${entry.count} 项考核进度未报送，截止日 ${period.deadline}（还剩 ${toDayNumber(period.deadline) - toDayNumber(day)} 天）。`,
        itemCount: entry.count,
      });
      if (sent) reminders += 1;
    }
  }
  return { reminders, urgings };
}

/** 督办 by the office: a notice to units that are behind (at most once per unit, period and day). */
export async function sendUrgings(db: Db, ctx: TargetsContext & { planId: string; input: SendUrgingInput }): Promise<{ sent: number; skipped: number }> {
  assertManager(ctx.actor);
  const plan = await getVisiblePlan(db, ctx.actor, ctx.planId);
  if (plan.status !== 'published') throw invalid('targets.plan_not_published', '只能对已发布计划的单位督办');
  const period = ctx.input.periodKey ? await findPeriodByKey(db, plan.id, ctx.input.periodKey) : null;
  if (ctx.input.periodKey && !period) throw invalid('targets.unknown_period', `本计划没有报送期 ${ctx.input.periodKey}`);
  const units = new Map((await selectPlanUnits(db, plan.id)).map((u) => [u.orgUnitId, u]));
  const unknown = ctx.input.orgUnitIds.filter((id) => !units.has(id));
  if (unknown.length > 0) throw invalid('targets.unit_not_in_plan', '所选单位不是本计划的被考核单位', { orgUnitIds: unknown });
  const day = today(ctx);
  let sent = 0;
  for (const orgUnitId of new Set(ctx.input.orgUnitIds)) {
    const unit = units.get(orgUnitId);
    if (!unit) continue;
    const ok = await sendNotice(db, ctx.actor, ctx.now, {
      plan,
      period,
      orgUnitId,
      kind: 'urging',
      dedupeKey: `targets:urging:manual:${plan.id}:${orgUnitId}:${period?.key ?? 'plan'}:${day}`,
      title: `督办：${unit.orgUnitName}${period ? period.label : `${plan.year}年度`}目标任务推进`,
      body: ctx.input.message,
      itemCount: 0,
    });
    if (ok) sent += 1;
  }
  if (sent === 0) {
    // Nothing new was sent (all duplicates of today); still leave a trace of the request.
    await db.transaction(async (tx) => {
      await recordAudit(tx, ctx.actor, { action: 'targets.notice.urging_skipped', entityType: 'targets_plan', entityId: plan.id, summary: `督办未重复发送（今日已发送过）`, after: { orgUnitIds: ctx.input.orgUnitIds } });
    });
  }
  return { sent, skipped: new Set(ctx.input.orgUnitIds).size - sent };
}

export async function listNotices(db: Db, options: { actor: Actor; planId: string; kind?: 'reminder' | 'urging'; orgUnitId?: string; page: number; pageSize: number }): Promise<{ items: NoticeRecord[]; total: number; page: number; pageSize: number }> {
  const plan = await getVisiblePlan(db, options.actor, options.planId);
  const parts = [unitVisible(viewerOf(options.actor), sql`n.org_unit_id`)];
  if (options.kind) parts.push(sql`n.kind = ${options.kind}`);
  if (options.orgUnitId) parts.push(sql`n.org_unit_id = ${options.orgUnitId}`);
  const { items, total } = await selectNotices(db, plan.id, sql.join(parts, sql` AND `), { limit: options.pageSize, offset: (options.page - 1) * options.pageSize });
  return { items, total, page: options.page, pageSize: options.pageSize };
}

