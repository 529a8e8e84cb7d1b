import type { Actor } from '../../shared/actor';
import { conflict, notFound } from '../../shared/errors';
import { newId } from '../../platform/ids';
import type { Db } from '../../platform/db/types';
import { countActiveUsersInOrg as countActiveUsers } from '../accounts';
import { recordAudit } from '../audit';
import { assertCanManage, assertDeactivatable, assertMovable, assertParentKind, assertRegionCode, buildTree, childPath } from './rules';
import type { CreateOrgUnitInput, ListOrgUnitsQuery, MoveOrgUnitInput, OrgTreeNode, OrgUnit, OrgUnitDetail, OrgUnitOption, OrgUnitPage, SetOrgUnitActiveInput, UpdateOrgUnitInput } from './schema';
import {
  countDependants,
  countOrgUnits,
  findOrgUnit,
  insertOrgUnit,
  listFilters,
  moveOrgUnitRow,
  selectAncestors,
  selectOrgUnitOptions,
  selectOrgUnits,
  setOrgUnitActive as setActiveRow,
  toPublic,
  updateOrgUnit as updateRow,
  type OrgUnitRecord,
} from './store';


export async function getOrgUnit(db: Db, options: { actor: Actor; id: string }): Promise<OrgUnitRecord> {
  const unit = await findOrgUnit(db, options.id, options.actor.scope);
  if (!unit) throw notFound('org_unit.not_found', '单位不存在或不在您的管辖范围内');
  return unit;
}

export async function getOrgUnitDetail(db: Db, options: { actor: Actor; id: string }): Promise<OrgUnitDetail> {
  const unit = await getOrgUnit(db, options);
  const [ancestors, deps, activeUserCount] = await Promise.all([selectAncestors(db, unit), countDependants(db, unit), countActiveUsers(db, unit.id)]);
  return { ...toPublic(unit), ancestors, childCount: deps.activeChildren, activeUserCount };
}

export async function listOrgUnits(db: Db, options: { actor: Actor; query: ListOrgUnitsQuery }): Promise<OrgUnitPage> {
  const { query } = options;
  const where = listFilters(query, options.actor.scope);
  const [total, records] = await Promise.all([
    countOrgUnits(db, where),
    selectOrgUnits(db, where, { sort: query.sort, limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
  ]);
  return { items: records.map(toPublic), total, page: query.page, pageSize: query.pageSize };
}

/** Every unit matching the list filters (for the Excel export). */
export async function* iterateOrgUnits(db: Db, options: { actor: Actor; query: ListOrgUnitsQuery }): AsyncGenerator<OrgUnit> {
  const where = listFilters(options.query, options.actor.scope);
  for (let offset = 0; ; offset += 1000) {
    const page = await selectOrgUnits(db, where, { sort: options.query.sort, limit: 1000, offset });
    yield* page.map(toPublic);
    if (page.length < 1000) return;
  }
}

/** The tree the actor may see: everything, or their own unit as the single root. */
export async function getOrgTree(db: Db, options: { actor: Actor; includeInactive: boolean }): Promise<OrgTreeNode[]> {
  const where = listFilters({ includeInactive: options.includeInactive }, options.actor.scope);
  const records = await selectOrgUnits(db, where, { sort: 'path', limit: 100_000, offset: 0 });
  return buildTree(records.map(toPublic)) as OrgTreeNode[];
}

/** Names of all active units, for pickers (transfer a hazard to a department, choose a territory). */
export async function listOrgUnitOptions(db: Db, options: { includeInactive?: boolean } = {}): Promise<OrgUnitOption[]> {
  return selectOrgUnitOptions(db, { includeInactive: options.includeInactive ?? false });
}

export async function createOrgUnit(db: Db, options: { actor: Actor; input: CreateOrgUnitInput }): Promise<OrgUnit> {
  const { actor, input } = options;
  return db.transaction(async (tx) => {
    const parent = await findOrgUnit(tx, input.parentId, actor.scope);
    if (!parent) throw notFound('org_unit.parent_not_found', '上级单位不存在或不在您的管辖范围内');
    if (!parent.isActive) throw conflict('org_unit.parent_inactive', '上级单位已停用');
    const id = newId();
    const path = childPath(parent.path, id);
    assertCanManage(actor.scope, path);
    assertParentKind(input.kind, parent.kind);
    assertRegionCode(input.kind, input.regionCode ?? null, parent.regionCode);
    const created = await insertOrgUnit(tx, {
      id,
      parentId: parent.id,
      kind: input.kind,
      code: input.code,
      name: input.name,
      shortName: input.shortName ?? null,
      regionCode: input.regionCode ?? null,
      path,
      depth: parent.depth + 1,
      sortOrder: input.sortOrder ?? 0,
      contactPerson: input.contactPerson ?? null,
      contactPhone: input.contactPhone ?? null,
      address: input.address ?? null,
    });
    const result = toPublic(created);
    await recordAudit(tx, actor, { action: 'org_unit.create', entityType: 'org_unit', entityId: id, orgUnitId: id, summary: `新建单位「${created.name}」`, after: result });
    return result;
  });
}

async function loadForChange(tx: Db, actor: Actor, id: string): Promise<OrgUnitRecord> {
  const unit = await findOrgUnit(tx, id, actor.scope);
  if (!unit) throw notFound('org_unit.not_found', '单位不存在或不在您的管辖范围内');
  assertCanManage(actor.scope, unit.path);
  return unit;
}

function assertVersion(unit: OrgUnitRecord, version: number): void {
  if (unit.version !== version) throw conflict('org_unit.stale_version', '该单位已被他人修改，请刷新后重试', { currentVersion: unit.version });
}

export async function updateOrgUnit(db: Db, options: { actor: Actor; id: string; input: UpdateOrgUnitInput }): Promise<OrgUnit> {
  const { actor, id, input } = options;
  return db.transaction(async (tx) => {
    const unit = await loadForChange(tx, actor, id);
    assertVersion(unit, input.version);
    if (input.regionCode !== undefined) {
      const parent = unit.parentId ? await findOrgUnit(tx, unit.parentId) : null;
      assertRegionCode(unit.kind, input.regionCode, parent?.regionCode ?? null);
    }
    const { version, ...patch } = input;
    const updated = await updateRow(tx, id, version, patch);
    if (!updated) throw conflict('org_unit.stale_version', '该单位已被他人修改，请刷新后重试');
    const renamed = input.name !== undefined && input.name !== unit.name;
    await recordAudit(tx, actor, {
      action: renamed ? 'org_unit.rename' : 'org_unit.update',
      entityType: 'org_unit',
      entityId: id,
      orgUnitId: id,
      summary: renamed ? `单位更名：「${unit.name}」→「${updated.name}」` : `修改单位「${updated.name}」`,
      before: toPublic(unit),
      after: toPublic(updated),
    });
    return toPublic(updated);
  });
}

export async function moveOrgUnit(db: Db, options: { actor: Actor; id: string; input: MoveOrgUnitInput }): Promise<OrgUnit> {
  const { actor, id, input } = options;
  return db.transaction(async (tx) => {
    const unit = await loadForChange(tx, actor, id);
    assertVersion(unit, input.version);
    const newParent = await findOrgUnit(tx, input.parentId, actor.scope);
    if (!newParent) throw notFound('org_unit.parent_not_found', '目标上级单位不存在或不在您的管辖范围内');
    if (!newParent.isActive) throw conflict('org_unit.parent_inactive', '目标上级单位已停用');
    assertMovable(unit, newParent);
    assertCanManage(actor.scope, childPath(newParent.path, unit.id));
    assertParentKind(unit.kind, newParent.kind);
    assertRegionCode(unit.kind, unit.regionCode, newParent.regionCode);
    const moved = await moveOrgUnitRow(tx, unit, newParent);
    if (!moved) throw conflict('org_unit.stale_version', '该单位已被他人修改，请刷新后重试');
    await recordAudit(tx, actor, {
      action: 'org_unit.move',
      entityType: 'org_unit',
      entityId: id,
      orgUnitId: id,
      summary: `单位「${unit.name}」移至「${newParent.name}」之下`,
      before: { parentId: unit.parentId },
      after: { parentId: newParent.id },
    });
    return toPublic(moved);
  });
}

export async function setOrgUnitActive(db: Db, options: { actor: Actor; id: string; input: SetOrgUnitActiveInput }): Promise<OrgUnit> {
  const { actor, id, input } = options;
  return db.transaction(async (tx) => {
    const unit = await loadForChange(tx, actor, id);
    assertVersion(unit, input.version);
    if (unit.isActive === input.active) throw conflict('org_unit.no_change', input.active ? '该单位已是启用状态' : '该单位已停用');
    if (!input.active) {
      const deps = await countDependants(tx, unit);
      assertDeactivatable({ ...deps, activeUsers: await countActiveUsers(tx, unit.id) }, unit.parentId === null);
    } else if (unit.parentId) {
      const parent = await findOrgUnit(tx, unit.parentId);
      if (parent && !parent.isActive) throw conflict('org_unit.parent_inactive', '上级单位已停用，请先启用上级单位');
    }
    const changed = await setActiveRow(tx, id, input.version, input.active);
    if (!changed) throw conflict('org_unit.stale_version', '该单位已被他人修改，请刷新后重试');
    await recordAudit(tx, actor, {
      action: input.active ? 'org_unit.reactivate' : 'org_unit.deactivate',
      entityType: 'org_unit',
      entityId: id,
      orgUnitId: id,
      summary: `${input.active ? '启用' : '停用'}单位「${unit.name}」：${input.reason}`,
      before: { isActive: unit.isActive },
      after: { isActive: changed.isActive, reason: input.reason },
    });
    return toPublic(changed);
  });
}

/** Create the root (city government) of an empty tree; used by the demo seed and `qcity create-admin`. */
export async function createRootOrgUnit(db: Db, options: { actor: Actor; input: Omit<CreateOrgUnitInput, 'parentId' | 'kind'> }): Promise<OrgUnit> {
  const { actor, input } = options;
  return db.transaction(async (tx) => {
    const id = newId();
    assertRegionCode('city', input.regionCode ?? null, null);
    const created = await insertOrgUnit(tx, {
      id,
      parentId: null,
      kind: 'city',
      code: input.code,
      name: input.name,
      shortName: input.shortName ?? null,
      regionCode: input.regionCode ?? null,
      path: `/${id}/`,
      depth: 0,
      sortOrder: 0,
      contactPerson: input.contactPerson ?? null,
      contactPhone: input.contactPhone ?? null,
      address: input.address ?? null,
    });
    const result = toPublic(created);
    await recordAudit(tx, actor, { action: 'org_unit.create', entityType: 'org_unit', entityId: id, orgUnitId: id, summary: `新建根单位「${created.name}」`, after: result });
    return result;
  });
}
