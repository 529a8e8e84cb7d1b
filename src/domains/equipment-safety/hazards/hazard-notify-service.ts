import type { Actor } from '../../../shared/actor';
import type { Db } from '../../../platform/db/types';
import { listUserIdsForRecipients } from '../../accounts';
import { notifyUsers } from '../../notifications';
import type { HazardNotificationRecipient } from './hazard-notification-rules';

/**
 * Delivers one in-app notification about a hazard to the users behind `recipients` (minus the actor
 * who caused it). The dedupe key makes a repeated delivery of the same event a no-op per user.
 */
export async function notifyHazardRecipients(
  db: Db,
  options: {
    actor: Actor;
    hazardId: string;
    recipients: readonly HazardNotificationRecipient[];
    kind: string;
    title: string;
    body: string;
    dedupeKey: string;
    now: Date;
  },
): Promise<number> {
  const userIds = (await listUserIdsForRecipients(db, options.recipients)).filter((id) => id !== options.actor.userId);
  return notifyUsers(db, {
    actor: options.actor,
    userIds,
    now: options.now,
    notification: {
      kind: options.kind,
      title: options.title,
      body: options.body,
      link: `/safety/hazards/${options.hazardId}`,
      entityType: 'hazard',
      entityId: options.hazardId,
      dedupeKey: options.dedupeKey,
    },
  });
}
