import { sql } from 'drizzle-orm';
import { newId } from '../../platform/ids';
import { queryOne, queryRows, toIsoTimestamp, type Db } from '../../platform/db/types';
import type { Notification, NotificationInput } from './schema';

type Row = { id: string; kind: string; title: string; body: string | null; link: string | null; entity_type: string | null; entity_id: string | null; created_at: string; read_at: string | null };

const toNotification = (r: Row): Notification => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  entityType: r.entity_type,
  entityId: r.entity_id,
  createdAt: toIsoTimestamp(r.created_at),
  readAt: toIsoTimestamp(r.read_at),
});

/** Inserts one notification per user; returns the users that actually got a new one. */
export async function insertNotifications(db: Db, userIds: string[], n: NotificationInput, at: Date): Promise<string[]> {
  const delivered: string[] = [];
  for (const userId of new Set(userIds)) {
    const row = await queryOne<{ user_id: string }>(
      db,
      sql`INSERT INTO notifications (id, user_id, kind, title, body, link, entity_type, entity_id, dedupe_key, created_at)
          VALUES (${newId()}, ${userId}, ${n.kind}, ${n.title}, ${n.body ?? null}, ${n.link ?? null}, ${n.entityType ?? null}, ${n.entityId ?? null},
                  ${n.dedupeKey ?? null}, ${at.toISOString()})
          ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
          RETURNING user_id`,
    );
    if (row) delivered.push(row.user_id);
  }
  return delivered;
}

export async function selectNotifications(db: Db, userId: string, options: { unreadOnly: boolean; limit: number; offset: number }): Promise<Notification[]> {
  const rows = await queryRows<Row>(
    db,
    sql`SELECT id, kind, title, body, link, entity_type, entity_id, created_at::text, read_at::text FROM notifications
        WHERE user_id = ${userId} ${options.unreadOnly ? sql`AND read_at IS NULL` : sql``}
        ORDER BY created_at DESC, id LIMIT ${options.limit} OFFSET ${options.offset}`,
  );
  return rows.map(toNotification);
}

export async function countNotifications(db: Db, userId: string): Promise<{ total: number; unread: number }> {
  const row = await queryOne<{ total: number; unread: number }>(
    db,
    sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread FROM notifications WHERE user_id = ${userId}`,
  );
  return row ?? { total: 0, unread: 0 };
}

export async function markRead(db: Db, userId: string, id: string | null, at: Date): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE notifications SET read_at = ${at.toISOString()} WHERE user_id = ${userId} AND read_at IS NULL
        ${id ? sql`AND id = ${id}` : sql``} RETURNING id`,
  );
  return rows.length;
}

export async function notificationExists(db: Db, userId: string, id: string): Promise<boolean> {
  return (await queryOne<{ id: string }>(db, sql`SELECT id FROM notifications WHERE id = ${id} AND user_id = ${userId}`)) !== null;
}
