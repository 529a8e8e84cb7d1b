/**
 * Turns stored hazards into what the API answers: list items with display names, and the detail with
 * its timeline, the caller's relations and available actions (from the same rules the action endpoint
 * enforces), photo metadata and the escalation steps already fired.
 */
import { withScope, type Actor } from '../../../shared/actor';
import type { Db } from '../../../platform/db/types';
import { findEnterprisesByIds } from '../../enterprises';
import { findFiles } from '../../files';
import { listEquipmentCodes } from './hazard-lookup-store';
import { findOrgUnit, listOrgUnitOptions } from '../../org';
import { resolveHazardRelations, toHazardActor, type HazardActor } from './hazard-actors';
import { isOverdue } from './hazard-deadline-rules';
import { selectEscalationMarkers, selectHazardHistory } from './hazard-event-store';
import { mayEditHazard } from './hazard-record-rules';
import type { HazardHistoryEntry } from './hazard-schema';
import type { StoredHazard } from './hazard-store';
import { availableHazardActions } from './hazard-transition-table';
import type { HazardDetail, HazardListItem, HazardNames, HazardPhoto } from './hazard-view-schema';

/** Materialised paths of org units by id (for the rules' `inScope`); unknown ids are left out. */
export async function loadOrgPaths(db: Db, ids: ReadonlyArray<string | null>): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  const units = await Promise.all(unique.map((id) => findOrgUnit(db, id)));
  return new Map(units.flatMap((u) => (u ? [[u.id, u.path] as [string, string]] : [])));
}

/** The hazard actor for `actor` with the paths of the units a hazard refers to. */
export async function hazardActorFor(db: Db, actor: Actor, hazard: Pick<StoredHazard, 'orgUnitId' | 'supervisingOrgUnitId'>): Promise<HazardActor> {
  const paths = await loadOrgPaths(db, [hazard.orgUnitId, hazard.supervisingOrgUnitId, actor.orgUnitId]);
  return toHazardActor(actor, paths);
}

async function loadEnterpriseNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  return new Map((await findEnterprisesByIds(db, unique)).map((e) => [e.id, e.name]));
}

type NameMaps = { orgNames: Map<string, string>; enterpriseNames: Map<string, string>; equipmentCodes: Map<string, string> };

async function loadNameMaps(db: Db, hazards: readonly StoredHazard[]): Promise<NameMaps> {
  const [options, enterpriseNames, equipmentCodes] = await Promise.all([
    listOrgUnitOptions(db, { includeInactive: true }),
    loadEnterpriseNames(db, hazards.flatMap((h) => (h.enterpriseId ? [h.enterpriseId] : []))),
    listEquipmentCodes(db, hazards.flatMap((h) => (h.equipmentId ? [h.equipmentId] : []))),
  ]);
  return { orgNames: new Map(options.map((o) => [o.id, o.name])), enterpriseNames, equipmentCodes };
}

function namesOf(h: StoredHazard, maps: NameMaps): HazardNames {
  const org = (id: string | null) => (id === null ? null : (maps.orgNames.get(id) ?? null));
  return {
    orgUnitName: org(h.orgUnitId),
    supervisingOrgUnitName: org(h.supervisingOrgUnitId),
    enterpriseName: h.enterpriseId === null ? null : (maps.enterpriseNames.get(h.enterpriseId) ?? null),
    equipmentCode: h.equipmentId === null ? null : (maps.equipmentCodes.get(h.equipmentId) ?? null),
    reportedByName: h.reportedByName,
    transferredToOrgUnitName: org(h.transferredToOrgUnitId),
  };
}

function publicRecord(h: StoredHazard, today: string) {
  const { reportedByName: _name, createdOn: _createdOn, ...record } = h;
  return { ...record, isOverdue: isOverdue(h, today) };
}

export async function toListItems(db: Db, hazards: readonly StoredHazard[], today: string): Promise<HazardListItem[]> {
  if (hazards.length === 0) return [];
  const maps = await loadNameMaps(db, hazards);
  return hazards.map((h) => ({ ...publicRecord(h, today), ...namesOf(h, maps) }));
}

function verificationPhotoIds(history: readonly HazardHistoryEntry[]): string[] {
  return history.flatMap((e) => {
    const photos = e.payload['photos'];
    return (e.action === 'verify_pass' || e.action === 'verify_fail') && Array.isArray(photos) ? photos.filter((p): p is string => typeof p === 'string') : [];
  });
}

async function loadPhotos(db: Db, actor: Actor, h: StoredHazard, history: readonly HazardHistoryEntry[]): Promise<HazardPhoto[]> {
  const kinds = new Map<string, HazardPhoto['kind']>();
  for (const id of h.beforePhotoIds) kinds.set(id, 'before');
  for (const id of h.afterPhotoIds) if (!kinds.has(id)) kinds.set(id, 'after');
  for (const id of verificationPhotoIds(history)) if (!kinds.has(id)) kinds.set(id, 'verification');
  // Whoever may see the hazard may see its evidence, whoever uploaded it.
  const files = await findFiles(db, { actor: withScope(actor, { kind: 'all' }), ids: [...kinds.keys()] });
  const byId = new Map(files.map((f) => [f.id, f]));
  return [...kinds.entries()].flatMap(([id, kind]) => {
    const f = byId.get(id);
    return f ? [{ id, fileName: f.fileName, contentType: f.contentType, sizeBytes: f.sizeBytes, kind, url: `/api/v1/hazards/${h.id}/files/${id}` }] : [];
  });
}

/** Every file id a hazard refers to (before, after, verification photos; report attachments). */
export function hazardFileIds(h: StoredHazard, history: readonly HazardHistoryEntry[]): Set<string> {
  const ids = new Set<string>([...h.beforePhotoIds, ...h.afterPhotoIds, ...verificationPhotoIds(history)]);
  for (const e of history) {
    for (const key of ['afterPhotos', 'reportAttachmentIds', 'addPhotos']) {
      const value = e.payload[key];
      if (Array.isArray(value)) for (const id of value) if (typeof id === 'string') ids.add(id);
    }
  }
  return ids;
}

export async function buildHazardDetail(db: Db, actor: Actor, h: StoredHazard, today: string): Promise<HazardDetail> {
  const [history, maps, markers] = await Promise.all([selectHazardHistory(db, h.id), loadNameMaps(db, [h]), selectEscalationMarkers(db, h.id)]);
  const record = publicRecord(h, today);
  const hazardActor = actor.kind === 'user' ? await hazardActorFor(db, actor, h) : null;
  const rulesView = { ...h, isOverdue: record.isOverdue };
  return {
    ...record,
    ...namesOf(h, maps),
    history,
    availableActions: hazardActor ? availableHazardActions(rulesView, hazardActor) : [],
    relations: hazardActor ? resolveHazardRelations(rulesView, hazardActor) : [],
    canEdit: hazardActor ? mayEditHazard(rulesView, hazardActor) : false,
    photos: await loadPhotos(db, actor, h, history),
    escalations: markers.map((m) => ({ step: m.step, key: m.key, dueOn: m.dueOn, firedOn: m.firedOn })),
  };
}
