import { conflict, forbidden, invalid, notFound } from '../../../shared/errors';
import type { Db } from '../../../platform/db/types';
import { paged } from '../../../platform/excel/export';
import { newId } from '../../../platform/ids';
import { recordAudit } from '../../audit';
import { deviceAbilities } from './access-rules';
import { addDays, diffDays } from './date-math';
import { assertEnterprisesExist, assertNotFuture, eventOf, getDevice, scopeOf, type Options } from './device-service';
import { loadEnterpriseNames } from './directory';
import { classifyCertificate, ELEVATOR_MAINTENANCE_MAX_GAP_DAYS, findMaintenanceGaps } from './maintenance-rules';
import {
  certificateWhere,
  countCertificates,
  countMaintenance,
  findCertificate,
  insertCertificates,
  insertEvents,
  insertMaintenance,
  maintenanceWhere,
  refreshLastMaintained,
  selectCertificates,
  selectMaintenance,
  selectMaintenanceDates,
  updateCertificateRow,
  type CertificateRecord,
  type MaintenanceRecordRow,
} from './record-store';
import { maintenanceKindLabels, type OperatorCertificateInput, type RecordMaintenanceBody, type UpdateCertificateRequest } from './schema';
import type { CertificateItem, CertificateListQuery, MaintenanceItem, MaintenanceListQuery } from './view-schema';

/**
 * Maintenance records (elevators: at least every 15 days, gaps flagged) and the operator
 * certificates of a device (有效/即将到期/已过期).
 */

/** Days before expiry a certificate counts as 即将到期 [D] (domain.md names no renewal lead time). */
export const CERTIFICATE_WARNING_DAYS = 30;

const ELEVATOR = '3000';

function toMaintenanceItem(r: MaintenanceRecordRow, names: ReadonlyMap<string, { name: string }>): MaintenanceItem {
  return {
    ...r,
    kindLabel: maintenanceKindLabels[r.kind].zh,
    maintenanceUnitName: r.maintenanceUnitId ? (names.get(r.maintenanceUnitId)?.name ?? null) : null,
    workers: Array.isArray(r.workers) ? r.workers : [],
    isGap: r.categoryCode === ELEVATOR && r.daysSincePrevious !== null && r.daysSincePrevious > ELEVATOR_MAINTENANCE_MAX_GAP_DAYS,
  };
}

export async function recordMaintenance(db: Db, options: Options & { deviceId: string; input: RecordMaintenanceBody }): Promise<MaintenanceItem> {
  const { actor, deviceId, input, today } = options;
  assertNotFuture({ 维保日期: input.maintainedOn }, today);
  const id = newId();
  await db.transaction(async (tx) => {
    const device = await getDevice(tx, { actor, id: deviceId, forUpdate: true });
    if (!deviceAbilities(actor, device).recordMaintenance) throw forbidden('equipment.maintenance_forbidden', '您无权录入维保记录');
    if (device.status === 'scrapped' || device.status === 'deregistered') throw conflict('equipment.device_retired', '设备已报废或注销，不能录入维保记录');
    const unitId = input.maintenanceUnitId ?? device.maintenanceUnitId;
    if (input.maintenanceUnitId) await assertEnterprisesExist(tx, { 维保单位: input.maintenanceUnitId });
    await insertMaintenance(tx, [
      {
        id,
        deviceId,
        maintainedOn: input.maintainedOn,
        kind: input.kind,
        maintenanceUnitId: unitId,
        workers: input.workers,
        notes: input.notes ?? null,
        isConfirmedByUsingUnit: input.isConfirmedByUsingUnit ?? false,
        source: 'manual',
        createdBy: actor.userId,
      },
    ]);
    await refreshLastMaintained(tx, [deviceId]);
    await recordAudit(tx, actor, {
      action: 'equipment.maintenance_record',
      entityType: 'equipment_device',
      entityId: deviceId,
      orgUnitId: device.territoryOrgUnitId,
      summary: `录入${maintenanceKindLabels[input.kind].zh}记录（${input.maintainedOn}）：${device.productName}（${device.equipmentCode ?? deviceId}）`,
      after: { maintenanceId: id, ...input },
    });
  });
  const page = await listMaintenance(db, { ...options, query: { deviceId, from: input.maintainedOn, to: input.maintainedOn, page: 1, pageSize: 200 } });
  const item = page.items.find((m) => m.id === id);
  if (!item) throw new Error('maintenance record vanished after insert');
  return item;
}

export async function listMaintenance(db: Db, options: Options & { query: MaintenanceListQuery }) {
  const { query } = options;
  const where = maintenanceWhere(query, scopeOf(options.actor));
  const [total, rows] = await Promise.all([countMaintenance(db, where), selectMaintenance(db, where, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize })]);
  const names = await loadEnterpriseNames(db, rows.map((r) => r.maintenanceUnitId));
  return { items: rows.map((r) => toMaintenanceItem(r, names)), total, page: query.page, pageSize: query.pageSize };
}

export async function* iterateMaintenance(db: Db, options: Options & { query: MaintenanceListQuery }): AsyncGenerator<MaintenanceItem> {
  const where = maintenanceWhere(options.query, scopeOf(options.actor));
  for (let offset = 0; ; offset += 2000) {
    const rows = await selectMaintenance(db, where, { limit: 2000, offset });
    const names = await loadEnterpriseNames(db, rows.map((r) => r.maintenanceUnitId));
    for (const r of rows) yield toMaintenanceItem(r, names);
    if (rows.length < 2000) return;
  }
}

/**
 * Gaps between an elevator's maintenance dates in [from, to] (default: the last 365 days, not
 * before commissioning). Other categories have no 15-day rule (`applies: false`, no gaps).
 */
export async function getMaintenanceGaps(db: Db, options: Options & { deviceId: string; from?: string; to?: string }) {
  const device = await getDevice(db, { actor: options.actor, id: options.deviceId });
  const to = options.to ?? options.today;
  const start = device.commissioningDate && device.commissioningDate > addDays(to, -365) ? device.commissioningDate : addDays(to, -365);
  const from = options.from ?? (start > to ? to : start);
  if (from > to) throw invalid('equipment.invalid_period', `起始日期晚于结束日期：${from} > ${to}`);
  const applies = device.categoryCode === ELEVATOR && (device.status === 'in_use' || device.status === 'unregistered');
  const gaps = applies ? findMaintenanceGaps(await selectMaintenanceDates(db, device.id, { to }), { from, to }) : [];
  return { deviceId: device.id, applies, maxGapDays: ELEVATOR_MAINTENANCE_MAX_GAP_DAYS, from, to, gaps };
}

// ── operator certificates ────────────────────────────────────────────────────────────────

function maskId(idNumber: string | null): string | null {
  if (!idNumber) return null;
  return idNumber.length <= 4 ? '****' : `${'*'.repeat(idNumber.length - 4)}${idNumber.slice(-4)}`;
}

export function toCertificateItem(r: CertificateRecord, today: string): CertificateItem {
  const { idNumber, ...rest } = r;
  return { ...rest, idNumberMasked: maskId(idNumber), status: classifyCertificate(r.expiresOn, today, CERTIFICATE_WARNING_DAYS), daysToExpiry: diffDays(today, r.expiresOn) };
}

export async function createCertificate(db: Db, options: Options & { deviceId: string; input: OperatorCertificateInput }): Promise<CertificateItem> {
  const { actor, deviceId, input, today } = options;
  assertNotFuture({ 发证日期: input.issuedOn }, today);
  const id = newId();
  await db.transaction(async (tx) => {
    const device = await getDevice(tx, { actor, id: deviceId, forUpdate: true });
    if (!deviceAbilities(actor, device).manageOperators) throw forbidden('equipment.operators_forbidden', '您无权管理作业人员');
    const employer = input.employerEnterpriseId ?? device.useUnitId;
    await assertEnterprisesExist(tx, { 用人单位: employer });
    await insertCertificates(tx, [
      {
        id,
        deviceId,
        personName: input.personName,
        idNumber: input.idNumber ?? null,
        certificateNo: input.certificateNo,
        workItemCode: input.workItemCode,
        workItemName: input.workItemName ?? null,
        issuedOn: input.issuedOn,
        expiresOn: input.expiresOn,
        issuingAuthority: input.issuingAuthority ?? null,
        employerEnterpriseId: employer,
        isActive: true,
        createdBy: actor.userId,
      },
    ]);
    await insertEvents(tx, [
      eventOf(actor, device, {
        occurredOn: today,
        kind: 'certificate',
        action: 'certificate.add',
        fromStatus: null,
        toStatus: null,
        summary: `登记作业人员 ${input.personName}（证号 ${input.certificateNo}，有效期至 ${input.expiresOn}）`,
        details: { certificateId: id, workItemCode: input.workItemCode },
      }),
    ]);
    await recordAudit(tx, actor, {
      action: 'equipment.certificate_add',
      entityType: 'equipment_device',
      entityId: deviceId,
      orgUnitId: device.territoryOrgUnitId,
      summary: `设备「${device.productName}」登记作业人员 ${input.personName}（${input.certificateNo}）`,
      after: { certificateId: id, ...input, idNumber: maskId(input.idNumber ?? null) },
    });
  });
  return toCertificateItem((await findCertificate(db, id, { kind: 'all' })) as CertificateRecord, today);
}

export async function updateCertificate(db: Db, options: Options & { id: string; input: UpdateCertificateRequest }): Promise<CertificateItem> {
  const { actor, id, input, today } = options;
  const { version, ...patch } = input;
  assertNotFuture({ 发证日期: patch.issuedOn }, today);
  await db.transaction(async (tx) => {
    const before = await findCertificate(tx, id, scopeOf(actor), { forUpdate: true });
    if (!before) throw notFound('equipment.certificate_not_found', '作业人员证不存在或不在您的管辖范围内');
    const device = await getDevice(tx, { actor, id: before.deviceId });
    if (!deviceAbilities(actor, device).manageOperators) throw forbidden('equipment.operators_forbidden', '您无权管理作业人员');
    if (before.version !== version) throw conflict('equipment.stale_version', '该证书已被他人修改，请刷新后重试', { currentVersion: before.version });
    const issuedOn = patch.issuedOn ?? before.issuedOn;
    const expiresOn = patch.expiresOn ?? before.expiresOn;
    if (expiresOn <= issuedOn) throw invalid('equipment.invalid_certificate_dates', '有效期至应晚于发证日期');
    if (patch.employerEnterpriseId) await assertEnterprisesExist(tx, { 用人单位: patch.employerEnterpriseId });
    if (!(await updateCertificateRow(tx, id, version, patch, actor.userId))) throw conflict('equipment.stale_version', '该证书已被他人修改，请刷新后重试');
    const what = patch.isActive === false ? '作业人员离岗' : patch.expiresOn && patch.expiresOn !== before.expiresOn ? `证书延续至 ${patch.expiresOn}` : '修改作业人员证';
    await insertEvents(tx, [
      eventOf(actor, device, { occurredOn: today, kind: 'certificate', action: 'certificate.update', fromStatus: null, toStatus: null, summary: `${what}：${before.personName}（${before.certificateNo}）`, details: { certificateId: id, changes: Object.keys(patch) } }),
    ]);
    await recordAudit(tx, actor, {
      action: 'equipment.certificate_update',
      entityType: 'equipment_device',
      entityId: device.id,
      orgUnitId: device.territoryOrgUnitId,
      summary: `${what}：${before.personName}（${before.certificateNo}）`,
      before: { ...before, idNumber: maskId(before.idNumber) },
      after: { ...patch, idNumber: patch.idNumber === undefined ? undefined : maskId(patch.idNumber ?? null) },
    });
  });
  return toCertificateItem((await findCertificate(db, id, { kind: 'all' })) as CertificateRecord, today);
}

export async function getCertificate(db: Db, options: Options & { id: string }): Promise<CertificateItem> {
  const found = await findCertificate(db, options.id, scopeOf(options.actor));
  if (!found) throw notFound('equipment.certificate_not_found', '作业人员证不存在或不在您的管辖范围内');
  return toCertificateItem(found, options.today);
}

function certificateFilter(options: Options & { query: CertificateListQuery }) {
  return certificateWhere(options.query, scopeOf(options.actor), { today: options.today, warnEnd: addDays(options.today, CERTIFICATE_WARNING_DAYS) });
}

export async function listCertificates(db: Db, options: Options & { query: CertificateListQuery }) {
  const { query, today } = options;
  const where = certificateFilter(options);
  const [total, rows] = await Promise.all([
    countCertificates(db, where),
    selectCertificates(db, where, { ascending: query.sort === 'expiresOn', limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
  ]);
  return { items: rows.map((r) => toCertificateItem(r, today)), total, page: query.page, pageSize: query.pageSize };
}

export async function* iterateCertificates(db: Db, options: Options & { query: CertificateListQuery }): AsyncGenerator<CertificateItem> {
  const where = certificateFilter(options);
  const ascending = options.query.sort === 'expiresOn';
  for await (const r of paged((offset, limit) => selectCertificates(db, where, { ascending, limit, offset }))) yield toCertificateItem(r, options.today);
}
