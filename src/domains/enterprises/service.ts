import type { Actor } from '../../shared/actor';
import { conflict, forbidden, invalid, notFound } from '../../shared/errors';
import type { Db } from '../../platform/db/types';
import { paged } from '../../platform/excel/export';
import { newId } from '../../platform/ids';
import { recordAudit } from '../audit';
import { assertMayChangeFields, enterpriseAbilities, enterpriseReadScope } from './access-rules';
import { assertEnterpriseDatesNotFuture, isEnterpriseTerritoryKind, isHighTechOn } from './enterprise-rules';
import { findIndustry, industryPath } from './industry-rules';
import { loadOrgDirectory, type OrgDirectory } from './org-directory';
import { applyEnterprisePatch, changedFields, pickEnterpriseData } from './record-rules';
import type { CreateEnterpriseInput, ListEnterprisesQuery, UpdateEnterpriseInput } from './schema';
import { countEnterprises, findEnterprise, insertEnterprise, selectEnterprises, toPublicEnterprise, updateEnterpriseRow, type EnterpriseRecord } from './store';
import { enterpriseListWhere, enterpriseOrderBy, enterpriseScopeSql } from './store-query';
import type { ChangeEnterpriseStatusInput, EnterpriseDetail, EnterpriseListItem, EnterprisePage, UpdateEnterpriseContactsInput } from './view-schema';

/**
 * Use cases of the enterprise registry. Reads use the enterprise read scope (departments and
 * inspectors see all, townships their territory, enterprise users their own record); writes
 * check field-level rights (access-rules.ts), the territory, dates, and the record version.
 */
type Options = { actor: Actor; today: string };

function readScope(actor: Actor) {
  return enterpriseReadScope(actor.role, actor.scope);
}

function toListItem(record: EnterpriseRecord, dir: OrgDirectory, today: string): EnterpriseListItem {
  return {
    ...toPublicEnterprise(record),
    territoryName: dir.nameOf(record.territoryOrgUnitId),
    industryName: record.industryCode ? (findIndustry(record.industryCode)?.name ?? null) : null,
    isHighTech: isHighTechOn(record.highTechCertificate, today),
  };
}

function listContext(query: ListEnterprisesQuery, actor: Actor, dir: OrgDirectory, today: string) {
  const territoryIds = query.territoryOrgUnitId ? (query.includeSubunits ? dir.subtreeIds(query.territoryOrgUnitId) : [query.territoryOrgUnitId]) : null;
  return { scope: readScope(actor), territoryIds, today };
}

export async function listEnterprises(db: Db, options: Options & { query: ListEnterprisesQuery }): Promise<EnterprisePage> {
  const { actor, query, today } = options;
  const dir = await loadOrgDirectory(db);
  const where = enterpriseListWhere(query, listContext(query, actor, dir, today));
  const [total, records] = await Promise.all([
    countEnterprises(db, where),
    selectEnterprises(db, where, { orderBy: enterpriseOrderBy(query.sort), limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
  ]);
  return { items: records.map((r) => toListItem(r, dir, today)), total, page: query.page, pageSize: query.pageSize };
}

/** Every matching enterprise in list order (for the Excel export and the CLI). */
export async function* iterateEnterprises(db: Db, options: Options & { query: ListEnterprisesQuery }): AsyncGenerator<EnterpriseListItem> {
  const { actor, query, today } = options;
  const dir = await loadOrgDirectory(db);
  const where = enterpriseListWhere(query, listContext(query, actor, dir, today));
  const orderBy = enterpriseOrderBy(query.sort);
  for await (const record of paged((offset, limit) => selectEnterprises(db, where, { orderBy, limit, offset }))) yield toListItem(record, dir, today);
}

/** An enterprise the actor may see, or 404. Other domains use this to check an enterprise reference. */
export async function getEnterprise(db: Db, options: { actor: Actor; id: string }): Promise<EnterpriseRecord> {
  const record = await findEnterprise(db, options.id, enterpriseScopeSql(readScope(options.actor)));
  if (!record) throw notFound('enterprise.not_found', '企业不存在或不在您的管辖范围内');
  return record;
}

export async function getEnterpriseDetail(db: Db, options: Options & { id: string }): Promise<EnterpriseDetail> {
  const record = await getEnterprise(db, options);
  const dir = await loadOrgDirectory(db);
  const territoryPath = dir.get(record.territoryOrgUnitId)?.path ?? '';
  return {
    ...toListItem(record, dir, options.today),
    territoryPath: dir.ancestry(record.territoryOrgUnitId).map((n) => ({ id: n.id, name: n.name, kind: n.kind })),
    industryPath: record.industryCode ? industryPath(record.industryCode).map((e) => ({ code: e.code, name: e.name, level: e.level })) : [],
    statusChangedOn: record.statusChangedOn,
    provenance: {
      source: record.source,
      createdBy: record.createdBy,
      updatedBy: record.updatedBy,
      createdImportBatchId: record.createdImportBatchId,
      lastImportBatchId: record.lastImportBatchId,
    },
    permissions: enterpriseAbilities(options.actor, { id: record.id, territoryPath }),
  };
}

/** The territory must be an active township/street/park inside the actor's scope. */
export function assertTerritory(dir: OrgDirectory, id: string, actor: Actor): void {
  const node = dir.get(id);
  if (!node || !isEnterpriseTerritoryKind(node.kind)) throw invalid('enterprise.bad_territory', '属地须为镇、街道或园区');
  if (!node.isActive) throw conflict('enterprise.territory_inactive', `属地「${node.name}」已停用`);
  if (!dir.isInScope(id, actor.scope)) throw forbidden('enterprise.territory_outside_scope', '只能把企业登记在本辖区内');
}

export async function createEnterprise(db: Db, options: Options & { input: CreateEnterpriseInput }): Promise<EnterpriseRecord> {
  const { actor, input, today } = options;
  const dir = await loadOrgDirectory(db);
  assertTerritory(dir, input.territoryOrgUnitId, actor);
  assertEnterpriseDatesNotFuture(input, today);
  return db.transaction(async (tx) => {
    const created = await insertEnterprise(tx, {
      ...pickEnterpriseData(input),
      id: newId(),
      statusChangedOn: input.status === 'active' ? null : today,
      source: 'manual',
      createdBy: actor.userId,
      updatedBy: actor.userId,
      createdImportBatchId: null,
      lastImportBatchId: null,
    });
    await recordAudit(tx, actor, {
      action: 'enterprise.create',
      entityType: 'enterprise',
      entityId: created.id,
      orgUnitId: created.territoryOrgUnitId,
      summary: `新建企业「${created.name}」（${created.creditCode}）`,
      after: toPublicEnterprise(created),
    });
    return created;
  });
}

async function loadForChange(tx: Db, actor: Actor, id: string, version: number): Promise<EnterpriseRecord> {
  const record = await findEnterprise(tx, id, enterpriseScopeSql(readScope(actor)), { forUpdate: true });
  if (!record) throw notFound('enterprise.not_found', '企业不存在或不在您的管辖范围内');
  if (record.version !== version) throw conflict('enterprise.stale_version', '该企业已被他人修改，请刷新后重试', { currentVersion: record.version });
  return record;
}

async function saveChange(tx: Db, actor: Actor, before: EnterpriseRecord, next: ReturnType<typeof applyEnterprisePatch>, today: string, audit: { action: string; summary: string }) {
  const statusChanged = next.status !== before.status;
  const updated = await updateEnterpriseRow(tx, before.id, before.version, {
    ...next,
    statusChangedOn: statusChanged ? today : before.statusChangedOn,
    lastImportBatchId: before.lastImportBatchId,
    updatedBy: actor.userId,
  });
  if (!updated) throw conflict('enterprise.stale_version', '该企业已被他人修改，请刷新后重试');
  await recordAudit(tx, actor, {
    action: audit.action,
    entityType: 'enterprise',
    entityId: before.id,
    orgUnitId: updated.territoryOrgUnitId,
    summary: audit.summary,
    before: toPublicEnterprise(before),
    after: toPublicEnterprise(updated),
  });
  return updated;
}

export async function updateEnterprise(db: Db, options: Options & { id: string; input: UpdateEnterpriseInput }): Promise<EnterpriseRecord> {
  const { actor, id, input, today } = options;
  const dir = await loadOrgDirectory(db);
  return db.transaction(async (tx) => {
    const before = await loadForChange(tx, actor, id, input.version);
    const { version: _v, ...patch } = input;
    const next = applyEnterprisePatch(before, patch);
    const changed = changedFields(before, next);
    const abilities = enterpriseAbilities(actor, { id, territoryPath: dir.get(before.territoryOrgUnitId)?.path ?? '' });
    assertMayChangeFields(abilities, changed);
    if (changed.includes('territoryOrgUnitId')) assertTerritory(dir, next.territoryOrgUnitId, actor);
    assertEnterpriseDatesNotFuture({ establishedOn: changed.includes('establishedOn') ? next.establishedOn : null, highTechCertificate: changed.includes('highTechCertificate') ? next.highTechCertificate : null }, today);
    const renamed = changed.includes('name');
    return saveChange(tx, actor, before, next, today, {
      action: renamed ? 'enterprise.rename' : 'enterprise.update',
      summary: renamed ? `企业更名：「${before.name}」→「${next.name}」` : `修改企业「${before.name}」：${changed.length === 0 ? '无字段变化' : changed.join('、')}`,
    });
  });
}

export async function updateEnterpriseContacts(db: Db, options: Options & { id: string; input: UpdateEnterpriseContactsInput }): Promise<EnterpriseRecord> {
  const { actor, id, input, today } = options;
  const dir = await loadOrgDirectory(db);
  return db.transaction(async (tx) => {
    const before = await loadForChange(tx, actor, id, input.version);
    if (!enterpriseAbilities(actor, { id, territoryPath: dir.get(before.territoryOrgUnitId)?.path ?? '' }).editContacts) {
      throw forbidden('enterprise.edit_forbidden', '您无权修改该企业的联系人');
    }
    return saveChange(tx, actor, before, applyEnterprisePatch(before, { contacts: input.contacts }), today, {
      action: 'enterprise.contacts',
      summary: `修改企业「${before.name}」的联系人（${input.contacts.length} 人）`,
    });
  });
}

export async function changeEnterpriseStatus(db: Db, options: Options & { id: string; input: ChangeEnterpriseStatusInput }): Promise<EnterpriseRecord> {
  const { actor, id, input, today } = options;
  const effectiveOn = input.effectiveOn ?? today;
  if (effectiveOn > today) throw invalid('enterprise.future_status_date', `变化日期 ${effectiveOn} 晚于今天 ${today}`);
  const dir = await loadOrgDirectory(db);
  return db.transaction(async (tx) => {
    const before = await loadForChange(tx, actor, id, input.version);
    if (before.status === input.status) throw conflict('enterprise.status_unchanged', '登记状态没有变化');
    assertMayChangeFields(enterpriseAbilities(actor, { id, territoryPath: dir.get(before.territoryOrgUnitId)?.path ?? '' }), ['status']);
    return saveChange(tx, actor, before, applyEnterprisePatch(before, { status: input.status }), effectiveOn, {
      action: 'enterprise.status',
      summary: `企业「${before.name}」登记状态 ${before.status} → ${input.status}（${effectiveOn}）：${input.reason}`,
    });
  });
}

/** For services of other domains that act for the system (e.g. demo seeds): the record without scope checks. */
export async function findEnterpriseById(db: Db, id: string): Promise<EnterpriseRecord | null> {
  return findEnterprise(db, id);
}
