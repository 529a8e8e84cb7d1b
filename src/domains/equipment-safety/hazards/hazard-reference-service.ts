/**
 * Checks shared by the hazard use cases: the hazard must be visible to the actor (404 otherwise), and
 * the records an input refers to must exist (400 otherwise).
 */
import type { Actor } from '../../../shared/actor';
import { invalid, notFound } from '../../../shared/errors';
import type { Db } from '../../../platform/db/types';
import { findFiles, type StoredFile } from '../../files';
import { findOrgUnit } from '../../org';
import { findEnterpriseById } from '../../enterprises';
import { equipmentExists } from './hazard-lookup-store';
import { findHazard, hazardVisibility, type StoredHazard } from './hazard-store';

const notFoundError = () => notFound('hazard.not_found', '隐患不存在或不在您的管辖范围内');

/** A hazard the actor may see, or 404. */
export async function loadVisibleHazard(db: Db, actor: Actor, id: string): Promise<StoredHazard> {
  const hazard = await findHazard(db, id, hazardVisibility(actor));
  if (!hazard) throw notFoundError();
  return hazard;
}

export async function assertOrgUnitExists(db: Db, id: string, field: string): Promise<void> {
  if (!(await findOrgUnit(db, id))) throw invalid('hazard.unknown_org_unit', '单位不存在', { field, id });
}

/** Checks the enterprise, device, supervising unit and photos an input refers to (400 when unknown). */
export async function assertHazardReferences(
  db: Db,
  actor: Actor,
  refs: { enterpriseId?: string | null; equipmentId?: string | null; supervisingOrgUnitId?: string | null; photoIds?: readonly string[]; attachmentIds?: readonly string[] },
): Promise<void> {
  if (refs.enterpriseId && !(await findEnterpriseById(db, refs.enterpriseId))) {
    throw invalid('hazard.unknown_enterprise', '整改责任单位（企业）不存在', { enterpriseId: refs.enterpriseId });
  }
  if (refs.equipmentId && !(await equipmentExists(db, refs.equipmentId))) {
    throw invalid('hazard.unknown_equipment', '设备不存在', { equipmentId: refs.equipmentId });
  }
  if (refs.supervisingOrgUnitId) await assertOrgUnitExists(db, refs.supervisingOrgUnitId, 'supervisingOrgUnitId');
  await assertFiles(db, actor, refs.photoIds ?? [], true);
  await assertFiles(db, actor, refs.attachmentIds ?? [], false);
}

/** Files must exist and be readable by the actor (their own uploads or in scope); photos must be photos. */
async function assertFiles(db: Db, actor: Actor, ids: readonly string[], photosOnly: boolean): Promise<StoredFile[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const files = await findFiles(db, { actor, ids: unique });
  const found = new Set(files.filter((f) => !photosOnly || f.purpose === 'photo').map((f) => f.id));
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw invalid(photosOnly ? 'hazard.unknown_photo' : 'hazard.unknown_attachment', photosOnly ? '照片不存在或不是照片（请以 purpose=photo 上传）' : '附件不存在', { missing });
  }
  return files;
}

