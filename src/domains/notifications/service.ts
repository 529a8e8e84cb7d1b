import type { Actor } from '../../shared/actor';
import { notFound } from '../../shared/errors';
import type { Db } from '../../platform/db/types';
import { recordAudit } from '../audit';
import type { ListNotificationsQuery, NotificationInput, NotificationPage } from './schema';
import { countNotifications, insertNotifications, markRead, notificationExists, selectNotifications } from './store';

/**
 * In-app notifications. Domains call `notifyUsers` (inside their transaction); the dedupe key makes
 * a repeated delivery of the same event (a job run twice) a no-op. Delivery is audited as one entry.
 */
export async function notifyUsers(db: Db, options: { actor: Actor; userIds: string[]; notification: NotificationInput; now: Date }): Promise<number> {
  if (options.userIds.length === 0) return 0;
  const delivered = await insertNotifications(db, options.userIds, options.notification, options.now);
  if (delivered.length > 0) {
    await recordAudit(db, options.actor, {
      action: 'notification.send',
      entityType: options.notification.entityType ?? 'notification',
      entityId: options.notification.entityId ?? null,
      summary: `通知 ${delivered.length} 人：${options.notification.title}`,
      after: { kind: options.notification.kind, recipients: delivered, dedupeKey: options.notification.dedupeKey ?? null },
    });
  }
  return delivered.length;
}

export async function listMyNotifications(db: Db, options: { actor: Actor; query: ListNotificationsQuery }): Promise<NotificationPage> {
  const userId = options.actor.userId ?? '';
  const { query } = options;
  const [counts, items] = await Promise.all([
    countNotifications(db, userId),
    selectNotifications(db, userId, { unreadOnly: query.unread === 'true', limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
  ]);
  return { items, total: query.unread === 'true' ? counts.unread : counts.total, unread: counts.unread, page: query.page, pageSize: query.pageSize };
}

export async function markNotificationsRead(db: Db, options: { actor: Actor; id: string | null; now: Date }): Promise<number> {
  const userId = options.actor.userId ?? '';
  return db.transaction(async (tx) => {
    if (options.id && !(await notificationExists(tx, userId, options.id))) throw notFound('notification.not_found', '通知不存在');
    const count = await markRead(tx, userId, options.id, options.now);
    await recordAudit(tx, options.actor, { action: 'notification.read', entityType: 'notification', entityId: options.id, summary: `标记 ${count} 条通知为已读` });
    return count;
  });
}
