/**
 * Use cases of one hazard record: report (create, optionally submit at once), read the detail, edit
 * (never the deadline), and serve its photos. Workflow actions are in `hazard-action-service.ts`.
 */
import { withScope, type Actor } from '../../../shared/actor';
import { conflict, invalid, notFound } from '../../../shared/errors';
import { territorialKinds } from '../../../shared/roles';
import type { Db } from '../../../platform/db/types';
import { newId } from '../../../platform/ids';
import { recordAudit } from '../../audit';
import { getFileContent } from '../../files';
import { findOrgUnit } from '../../org';
import { toHazardActor } from './hazard-actors';
import { applyHazardEdit, prepareHazardCreation } from './hazard-record-rules';
import type { CreateHazardInput, UpdateHazardInput } from './hazard-schema';
import { insertHazardEvent, selectHazardHistory } from './hazard-event-store';
import { loadRuleEnvironment, type HazardClock } from './hazard-settings-service';
import { insertHazard, nextHazardNo, updateHazardRow } from './hazard-store';
import { assertHazardReferences, loadVisibleHazard } from './hazard-reference-service';
import { applyActionInTransaction } from './hazard-action-service';
import { buildHazardDetail, hazardActorFor, hazardFileIds, loadOrgPaths } from './hazard-view-service';
import type { HazardDetail } from './hazard-view-schema';

export async function getHazardDetail(db: Db, options: { actor: Actor; id: string; clock: HazardClock }): Promise<HazardDetail> {
  const hazard = await loadVisibleHazard(db, options.actor, options.id);
  const { today } = await loadRuleEnvironment(db, options.clock);
  return buildHazardDetail(db, options.actor, hazard, today);
}

/** Reports a hazard: a draft, or (submit: true) reported at once for review. */
export async function createHazard(db: Db, options: { actor: Actor; input: CreateHazardInput; clock: HazardClock }): Promise<HazardDetail> {
  const { actor, input, clock } = options;
  const env = await loadRuleEnvironment(db, clock);
  const id = await db.transaction(async (tx) => {
    const territory = await findOrgUnit(tx, input.orgUnitId);
    if (!territory) throw invalid('hazard.unknown_org_unit', '属地单位不存在', { field: 'orgUnitId', id: input.orgUnitId });
    if (!territorialKinds.includes(territory.kind)) {
      throw invalid('hazard.org_unit_not_territorial', '隐患属地须为乡镇、街道、园区或村（社区）', { orgUnitId: input.orgUnitId, kind: territory.kind });
    }
    const paths = await loadOrgPaths(tx, [input.orgUnitId, input.supervisingOrgUnitId ?? null, actor.orgUnitId]);
    const hazardActor = toHazardActor(actor, paths);
    const fields = prepareHazardCreation(hazardActor, input, env);
    await assertHazardReferences(tx, actor, {
      enterpriseId: input.enterpriseId,
      equipmentId: input.equipmentId,
      supervisingOrgUnitId: fields.supervisingOrgUnitId,
      photoIds: input.photos,
    });
    const now = clock.now;
    const hazardNo = await nextHazardNo(tx, Number(env.today.slice(0, 4)), territory.regionCode ?? '000000');
    const created = await insertHazard(
      tx,
      {
        ...fields,
        id: newId(),
        hazardNo,
        title: input.title,
        description: input.description,
        sourceRef: input.sourceRef ?? null,
        majorCriterionRef: null,
        equipmentId: input.equipmentId ?? null,
        location: input.location ?? null,
        reportedByName: actor.displayName,
        createdOn: env.today,
      },
      now,
    );
    await insertHazardEvent(tx, created.id, {
      action: 'create',
      fromStatus: null,
      toStatus: created.status,
      actorId: actor.userId,
      actorName: actor.displayName,
      on: env.today,
      at: now,
      deadline: created.deadline,
      comment: null,
      payload: { source: input.source, grade: input.grade ?? null, photos: input.photos, deadline: input.deadline ?? null },
    });
    await recordAudit(tx, actor, {
      action: 'hazard.create',
      entityType: 'hazard',
      entityId: created.id,
      orgUnitId: created.orgUnitId,
      summary: `登记隐患 ${hazardNo}「${created.title}」`,
      after: { hazardNo, title: created.title, source: created.source, grade: created.grade, orgUnitId: created.orgUnitId, enterpriseId: created.enterpriseId },
    });
    if (input.submit) {
      await applyActionInTransaction(tx, { actor, hazard: created, input: { action: 'submit', version: created.version }, env, now });
    }
    return created.id;
  });
  return getHazardDetail(db, { actor, id, clock });
}

/** Edits descriptive fields; the deadline is not editable here (domain.md §2.4: editing never resets it). */
export async function updateHazard(db: Db, options: { actor: Actor; id: string; input: UpdateHazardInput; clock: HazardClock }): Promise<HazardDetail> {
  const { actor, id, input, clock } = options;
  const env = await loadRuleEnvironment(db, clock);
  await db.transaction(async (tx) => {
    const hazard = await loadVisibleHazard(tx, actor, id);
    const patch = applyHazardEdit(hazard, input, await hazardActorFor(tx, actor, hazard));
    await assertHazardReferences(tx, actor, {
      enterpriseId: patch.enterpriseId,
      equipmentId: patch.equipmentId,
      supervisingOrgUnitId: patch.supervisingOrgUnitId,
      photoIds: input.addPhotos,
    });
    const changes: Record<string, [unknown, unknown]> = {};
    for (const [key, value] of Object.entries(patch)) {
      const old = hazard[key as keyof typeof patch];
      if (JSON.stringify(old) !== JSON.stringify(value)) changes[key] = [old ?? null, value ?? null];
    }
    const updated = await updateHazardRow(tx, id, input.version, patch, clock.now);
    if (!updated) throw conflict('hazard.stale_version', '隐患已被他人修改，请刷新后重试', { received: input.version });
    await insertHazardEvent(tx, id, {
      action: 'edit',
      fromStatus: hazard.status,
      toStatus: updated.status,
      actorId: actor.userId,
      actorName: actor.displayName,
      on: env.today,
      at: clock.now,
      deadline: updated.deadline,
      comment: null,
      payload: { changes, ...(input.addPhotos ? { addPhotos: input.addPhotos } : {}) },
    });
    await recordAudit(tx, actor, {
      action: 'hazard.update',
      entityType: 'hazard',
      entityId: id,
      orgUnitId: updated.orgUnitId,
      summary: `修改隐患 ${updated.hazardNo}「${updated.title}」`,
      before: Object.fromEntries(Object.entries(changes).map(([k, [before]]) => [k, before])),
      after: Object.fromEntries(Object.entries(changes).map(([k, [, after]]) => [k, after])),
    });
  });
  return getHazardDetail(db, { actor, id, clock });
}

/** A photo or attachment of a hazard the actor may see (whoever uploaded it). */
export async function getHazardFile(db: Db, options: { actor: Actor; id: string; fileId: string }) {
  const hazard = await loadVisibleHazard(db, options.actor, options.id);
  const history = await selectHazardHistory(db, hazard.id);
  if (!hazardFileIds(hazard, history).has(options.fileId)) throw notFound('hazard.file_not_found', '该隐患没有这个文件');
  return getFileContent(db, { actor: withScope(options.actor, { kind: 'all' }), id: options.fileId });
}
