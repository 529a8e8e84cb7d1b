import { sql, type SQL } from 'drizzle-orm';
import { queryOne, queryRows, toIsoTimestamp, type Db } from '../../platform/db/types';

/** Reminders before deadlines and urging notices (督办), one per dedupe key. */
export type NoticeRecord = {
  id: string;
  planId: string;
  periodId: string | null;
  periodKey: string | null;
  orgUnitId: string;
  orgUnitName: string;
  kind: 'reminder' | 'urging';
  title: string;
  body: string | null;
  itemCount: number;
  recipients: number;
  sentAt: string;
  sentByName: string | null;
};

/** Inserts a notice unless its dedupe key exists; true when inserted. */
export async function insertNotice(
  db: Db,
  n: { id: string; planId: string; periodId: string | null; orgUnitId: string; kind: 'reminder' | 'urging'; dedupeKey: string; title: string; body: string | null; itemCount: number; sentAt: Date; sentBy: string | null },
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`INSERT INTO targets_notices (id, plan_id, period_id, org_unit_id, kind, dedupe_key, title, body, item_count, sent_at, sent_by)
        VALUES (${n.id}, ${n.planId}, ${n.periodId}, ${n.orgUnitId}, ${n.kind}, ${n.dedupeKey}, ${n.title}, ${n.body}, ${n.itemCount}, ${n.sentAt.toISOString()}, ${n.sentBy})
        ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
  );
  return rows.length > 0;
}

export async function setNoticeRecipients(db: Db, id: string, recipients: number): Promise<void> {
  await db.execute(sql`UPDATE targets_notices SET recipients = ${recipients} WHERE id = ${id}`);
}

type NoticeRow = { id: string; plan_id: string; period_id: string | null; period_key: string | null; org_unit_id: string; org_name: string; kind: 'reminder' | 'urging'; title: string; body: string | null; item_count: number; recipients: number; sent_at: string; sent_by_name: string | null };

export async function selectNotices(db: Db, planId: string, where: SQL, options: { limit: number; offset: number }): Promise<{ items: NoticeRecord[]; total: number }> {
  const from = sql`targets_notices n JOIN org_units o ON o.id = n.org_unit_id LEFT JOIN targets_periods pe ON pe.id = n.period_id LEFT JOIN users us ON us.id = n.sent_by`;
  const [rows, total] = await Promise.all([
    queryRows<NoticeRow>(
      db,
      sql`SELECT n.id, n.plan_id, n.period_id, pe.period_key, n.org_unit_id, o.name AS org_name, n.kind, n.title, n.body, n.item_count, n.recipients, n.sent_at::text,
            us.display_name AS sent_by_name
          FROM ${from} WHERE n.plan_id = ${planId} AND ${where} ORDER BY n.sent_at DESC, n.id LIMIT ${options.limit} OFFSET ${options.offset}`,
    ),
    queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${from} WHERE n.plan_id = ${planId} AND ${where}`),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      planId: r.plan_id,
      periodId: r.period_id,
      periodKey: r.period_key,
      orgUnitId: r.org_unit_id,
      orgUnitName: r.org_name,
      kind: r.kind,
      title: r.title,
      body: r.body,
      itemCount: r.item_count,
      recipients: r.recipients,
      sentAt: toIsoTimestamp(r.sent_at),
      sentByName: r.sent_by_name,
    })),
    total: total?.n ?? 0,
  };
}

/** Published plans (for the reminder job). */
export async function selectPublishedPlanIds(db: Db): Promise<string[]> {
  return (await queryRows<{ id: string }>(db, sql`SELECT id FROM targets_plans WHERE status = 'published' ORDER BY year, plan_version`)).map((r) => r.id);
}
