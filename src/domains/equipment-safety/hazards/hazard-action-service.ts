/**
 * `POST /hazards/{id}/actions`: one workflow step of the closed loop. The pure rules decide (state table,
 * actor relations, deadlines); this saves the result with `UPDATE … WHERE id AND version` and the history
 * event, the audit entry and the notifications in the same transaction. Of concurrent identical actions
 * exactly one updates the row; the others find a new version and answer 409 `hazard.stale_version`.
 */
import type { Actor } from '../../../shared/actor';
import { conflict } from '../../../shared/errors';
import type { Db } from '../../../platform/db/types';
import { recordAudit } from '../../audit';
import type { HazardActionInput } from './hazard-action-schema';
import { isOverdue } from './hazard-deadline-rules';
import { hazardActionLabels } from './hazard-enums';
import { findLastClosingSeq, insertHazardEvent } from './hazard-event-store';
import { hazardActionNotificationTitle, hazardActionRecipients } from './hazard-notification-rules';
import { notifyHazardRecipients } from './hazard-notify-service';
import { assertHazardReferences, assertOrgUnitExists, loadVisibleHazard } from './hazard-reference-service';
import { nextHazardState } from './hazard-rules';
import { loadRuleEnvironment, type HazardClock, type HazardRuleEnvironment } from './hazard-settings-service';
import { updateHazardRow, type HazardRowPatch, type StoredHazard } from './hazard-store';
import { buildHazardDetail, hazardActorFor } from './hazard-view-service';
import type { HazardDetail } from './hazard-view-schema';

async function assertActionReferences(tx: Db, actor: Actor, input: HazardActionInput): Promise<void> {
  switch (input.action) {
    case 'reject':
      if (input.transferToOrgUnitId) await assertOrgUnitExists(tx, input.transferToOrgUnitId, 'transferToOrgUnitId');
      return;
    case 'transfer':
      return assertOrgUnitExists(tx, input.toOrgUnitId, 'toOrgUnitId');
    case 'confirm':
      return assertHazardReferences(tx, actor, { supervisingOrgUnitId: input.supervisingOrgUnitId });
    case 'submit_rectification':
      return assertHazardReferences(tx, actor, { photoIds: input.afterPhotos, attachmentIds: input.reportAttachmentIds });
    case 'verify_pass':
    case 'verify_fail':
      return assertHazardReferences(tx, actor, { photoIds: input.photos });
    default:
      return;
  }
}

/** Applies `input` to `hazard` inside the caller's transaction; returns the updated hazard. */
export async function applyActionInTransaction(
  tx: Db,
  options: { actor: Actor; hazard: StoredHazard; input: HazardActionInput; env: HazardRuleEnvironment; now: Date },
): Promise<StoredHazard> {
  const { actor, hazard, input, env, now } = options;
  const current = { ...hazard, isOverdue: isOverdue(hazard, env.today) };
  const result = nextHazardState(current, input, await hazardActorFor(tx, actor, hazard), env);
  await assertActionReferences(tx, actor, input);
  const patch: HazardRowPatch = { ...result.patch };
  if (input.action === 'confirm' && input.majorCriterionRef) patch.majorCriterionRef = input.majorCriterionRef;
  const updated = await updateHazardRow(tx, hazard.id, input.version, patch, now);
  if (!updated) throw conflict('hazard.stale_version', '隐患已被他人修改，请刷新后重试', { received: input.version });

  const payload: Record<string, unknown> = { ...result.event.payload };
  if (input.action === 'reopen') {
    const reopenedFrom = (payload['reopenedFrom'] ?? {}) as Record<string, unknown>;
    payload['reopenedFrom'] = { ...reopenedFrom, closingEventSeq: await findLastClosingSeq(tx, hazard.id) };
  }
  await insertHazardEvent(tx, hazard.id, {
    action: input.action,
    fromStatus: result.from,
    toStatus: result.to,
    actorId: actor.userId,
    actorName: actor.displayName,
    on: env.today,
    at: now,
    deadline: updated.deadline,
    comment: result.event.comment,
    payload,
  });
  const label = hazardActionLabels[input.action].zh;
  await recordAudit(tx, actor, {
    action: `hazard.${input.action}`,
    entityType: 'hazard',
    entityId: hazard.id,
    orgUnitId: hazard.orgUnitId,
    summary: `${label}：隐患 ${hazard.hazardNo}「${hazard.title}」`,
    before: { status: hazard.status, version: hazard.version, grade: hazard.grade, deadline: hazard.deadline },
    after: { status: updated.status, version: updated.version, grade: updated.grade, deadline: updated.deadline, comment: result.event.comment },
  });
  await notifyHazardRecipients(tx, {
    actor,
    hazardId: hazard.id,
    recipients: hazardActionRecipients(updated, input.action),
    kind: `hazard.${input.action}`,
    title: `${hazardActionNotificationTitle(input.action)}：${updated.title}`,
    body: `隐患 ${updated.hazardNo}「${updated.title}」${label}${result.event.comment ? `：${result.event.comment}` : ''}${updated.deadline ? `（整改期限 ${updated.deadline}）` : ''}`,
    dedupeKey: `hazard:${hazard.id}:v${updated.version}`,
    now,
  });
  return updated;
}

export async function applyHazardAction(
  db: Db,
  options: { actor: Actor; id: string; input: HazardActionInput; clock: HazardClock },
): Promise<HazardDetail> {
  const { actor, id, input, clock } = options;
  const env = await loadRuleEnvironment(db, clock);
  const updated = await db.transaction(async (tx) => {
    const hazard = await loadVisibleHazard(tx, actor, id);
    return applyActionInTransaction(tx, { actor, hazard, input, env, now: clock.now });
  });
  return buildHazardDetail(db, actor, updated, env.today);
}
