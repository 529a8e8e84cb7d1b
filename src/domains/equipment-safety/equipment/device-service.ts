import type { Actor } from '../../../shared/actor';
import { conflict, forbidden, invalid, notFound } from '../../../shared/errors';
import type { Db } from '../../../platform/db/types';
import { newId } from '../../../platform/ids';
import { recordAudit } from '../../audit';
import { findOrgUnit } from '../../org';
import { deviceAbilities, deviceReadScope, isRegistryField, registryFieldLabels, type DeviceScope } from './access-rules';
import { assertClassification } from './catalogue';
import { clearCachedTotals } from './count-cache';
import { deviceTerritoryKinds, loadEnterprises, loadOrgIndex } from './directory';
import { findDevice, insertDevice, updateDeviceRow, type DeviceRecord, type DeviceValues } from './device-store';
import { toDetail } from './device-view';
import { recomputeDevices } from './obligation-service';
import { selectOpenObligations } from './obligation-store';
import { insertEvents, type NewDeviceEvent } from './record-store';
import { checkLateRegistration } from './registration-rules';
import { loadRuleSet } from './rule-service';
import type { CreateDeviceRequest, UpdateDeviceRequest } from './schema';
import type { DeviceDetail } from './view-schema';

/**
 * Use cases of the registry: create, edit, read one device. Registration actions are in
 * registration-service.ts. Every write: one transaction with the device row, its registry event,
 * the recomputed obligations and the audit entry.
 */
export type Options = { actor: Actor; today: string };

export function scopeOf(actor: Actor): DeviceScope {
  return deviceReadScope(actor.role, actor.scope);
}

export async function getDevice(db: Db, options: { actor: Actor; id: string; forUpdate?: boolean }): Promise<DeviceRecord> {
  const device = await findDevice(db, options.id, scopeOf(options.actor), { forUpdate: options.forUpdate });
  if (!device) throw notFound('equipment.not_found', '设备不存在或不在您的管辖范围内');
  return device;
}

export async function getDeviceDetail(db: Db, options: Options & { id: string }): Promise<DeviceDetail> {
  const device = await getDevice(db, options);
  return buildDetail(db, device, options);
}

export async function buildDetail(db: Db, device: DeviceRecord, options: Options): Promise<DeviceDetail> {
  const [org, enterprises, obligations, ruleSet] = await Promise.all([
    loadOrgIndex(db),
    loadEnterprises(db, [device.useUnitId, device.maintenanceUnitId, device.propertyUnitId, device.inspectionBodyId]),
    selectOpenObligations(db, device.id),
    loadRuleSet(db, options.today),
  ]);
  return toDetail(device, { org, enterprises, today: options.today, warningDays: ruleSet.settings.warningDays, actor: options.actor, obligations, ruleSet });
}

// ── checks shared by create, edit and registration actions ───────────────────────────────

export async function assertEnterprisesExist(db: Db, refs: Record<string, string | null | undefined>): Promise<void> {
  const ids = Object.values(refs).filter((v): v is string => typeof v === 'string');
  const found = await loadEnterprises(db, ids);
  const missing = Object.entries(refs).filter(([, id]) => typeof id === 'string' && !found.has(id));
  if (missing.length > 0) {
    throw invalid('equipment.unknown_enterprise', `以下单位不在企业名录中：${missing.map(([k]) => k).join('、')}`, { fields: missing.map(([k]) => k) });
  }
}

/** The territory must be an active township/street/park/village inside the actor's scope. */
export async function assertTerritory(db: Db, actor: Actor, territoryId: string): Promise<void> {
  const scope = actor.scope.kind === 'subtree' ? actor.scope : { kind: 'all' as const };
  const unit = await findOrgUnit(db, territoryId, scope);
  if (!unit) throw forbidden('equipment.territory_outside_scope', '属地不存在或不在您的管辖范围内');
  if (!deviceTerritoryKinds.includes(unit.kind)) throw invalid('equipment.bad_territory', '属地须为镇、街道、园区或村（社区）');
  if (!unit.isActive) throw conflict('equipment.territory_inactive', `属地「${unit.name}」已停用`);
}

export async function assertSupervisingUnit(db: Db, id: string): Promise<void> {
  const unit = await findOrgUnit(db, id);
  if (!unit || !['department', 'station', 'office'].includes(unit.kind)) throw invalid('equipment.bad_supervising_unit', '监管部门须为部门、监管所或办公室');
}

export function assertNotFuture(dates: Record<string, string | null | undefined>, today: string): void {
  const late = Object.entries(dates).filter(([, d]) => typeof d === 'string' && d > today);
  if (late.length > 0) throw invalid('equipment.future_date', `日期不能晚于今天（${today}）：${late.map(([k, d]) => `${k} ${d}`).join('、')}`, { fields: late.map(([k]) => k) });
}

export function eventOf(actor: Actor, device: { id: string }, e: Omit<NewDeviceEvent, 'id' | 'deviceId' | 'actorUserId' | 'actorName'>): NewDeviceEvent {
  return { id: newId(), deviceId: device.id, actorUserId: actor.userId, actorName: actor.displayName, ...e };
}

export function auditView(d: DeviceRecord) {
  const { params: _p, insurance: _i, ...rest } = d;
  return rest;
}

// ── create ────────────────────────────────────────────────────────────────────────────────

function valuesFromInput(input: CreateDeviceRequest, actor: Actor, today: string): DeviceValues {
  const registration = input.registration;
  const status = registration ? 'in_use' : (input.initialStatus ?? 'unregistered');
  const late = registration && input.commissioningDate ? checkLateRegistration(input.commissioningDate, registration.registeredOn).isLate : false;
  return {
    id: newId(),
    equipmentCode: registration?.equipmentCode ?? input.equipmentCode ?? null,
    registrationCode: input.registrationCode ?? null,
    useRegistrationCertNo: registration?.useRegistrationCertNo ?? input.useRegistrationCertNo ?? null,
    certIssueDate: registration?.certIssueDate ?? input.certIssueDate ?? null,
    categoryCode: input.categoryCode,
    kindCode: input.kindCode,
    varietyCode: input.varietyCode,
    productName: input.productName,
    model: input.model ?? null,
    factoryNo: input.factoryNo ?? null,
    internalNo: input.internalNo ?? null,
    designLifeYears: input.designLifeYears ?? null,
    manufacturerName: input.manufacturerName ?? null,
    manufacturerLicenceNo: input.manufacturerLicenceNo ?? null,
    manufactureDate: input.manufactureDate ?? null,
    installerName: input.installerName ?? null,
    installDate: input.installDate ?? null,
    commissioningDate: input.commissioningDate ?? null,
    installSupervisionDate: input.installSupervisionDate ?? null,
    scheduleRebasedOn: null,
    useUnitId: input.usingUnitId,
    propertyUnitId: input.propertyUnitId ?? null,
    maintenanceUnitId: input.maintenanceUnitId ?? null,
    inspectionBodyId: input.inspectionBodyId ?? null,
    territoryOrgUnitId: input.territoryOrgUnitId,
    supervisingOrgUnitId: input.supervisingOrgUnitId ?? null,
    regionCode: input.regionCode ?? null,
    useAddress: input.useAddress,
    lon: input.location?.lon ?? null,
    lat: input.location?.lat ?? null,
    siteType: input.siteType ?? null,
    isPublicService: input.isPublicService ?? false,
    safetyGrade: input.safetyGrade ?? null,
    params: input.params ?? {},
    flags: input.flags ?? [],
    insurance: input.insurance ?? null,
    status,
    statusChangedOn: today,
    registeredOn: registration?.registeredOn ?? null,
    stoppedOn: null,
    scrappedOn: null,
    deregisteredOn: null,
    isLateRegistration: late,
    updatedBy: actor.userId,
  };
}

export async function createDevice(db: Db, options: Options & { input: CreateDeviceRequest }): Promise<DeviceDetail> {
  const { actor, input, today } = options;
  if (input.categoryCode === '7000') throw invalid('equipment.not_registrable', '压力管道元件不办理使用登记，不能建档');
  const registering = input.registration !== undefined;
  if (registering && !deviceAbilities(actor, { status: 'unregistered' }).editRegistry) {
    throw forbidden('equipment.register_forbidden', '使用登记只能由登记机关（市场监管局）办理');
  }
  // 设备代码 is on the nameplate (anyone who builds the record may copy it); registration numbers come from the registry.
  const registryGiven = (['registrationCode', 'useRegistrationCertNo', 'certIssueDate'] as const).filter((f) => input[f] !== undefined);
  if (registryGiven.length > 0 && !deviceAbilities(actor, { status: 'unregistered' }).editRegistry) {
    throw forbidden('equipment.registry_field_forbidden', `登记信息（${registryGiven.map((f) => registryFieldLabels[f]).join('、')}）只能由登记机关填写`);
  }
  if (registering && !input.commissioningDate) throw invalid('equipment.commissioning_required', '办理使用登记须填写投用日期');
  if (registering && input.categoryCode === '3000' && !input.maintenanceUnitId) throw invalid('equipment.maintenance_unit_required', '电梯办理使用登记须有维保单位');
  assertNotFuture(
    {
      投用日期: input.commissioningDate,
      制造日期: input.manufactureDate,
      施工日期: input.installDate,
      监督检验合格日期: input.installSupervisionDate,
      登记日期: input.registration?.registeredOn,
    },
    today,
  );
  await assertTerritory(db, actor, input.territoryOrgUnitId);
  if (input.supervisingOrgUnitId) await assertSupervisingUnit(db, input.supervisingOrgUnitId);
  await assertEnterprisesExist(db, { 使用单位: input.usingUnitId, 产权单位: input.propertyUnitId, 维保单位: input.maintenanceUnitId, 检验机构: input.inspectionBodyId });
  const values = valuesFromInput(input, actor, today);
  const created = await db.transaction(async (tx) => {
    const device = await insertDevice(tx, { ...values, createdBy: actor.userId, source: 'manual' });
    const events: NewDeviceEvent[] = [
      eventOf(actor, device, { occurredOn: today, kind: 'registration', action: 'create', fromStatus: null, toStatus: registering ? 'unregistered' : device.status, summary: `建档：${device.productName}（${device.useAddress}）`, details: null }),
    ];
    if (input.registration) {
      const late = checkLateRegistration(device.commissioningDate as string, input.registration.registeredOn);
      events.push(
        eventOf(actor, device, {
          occurredOn: input.registration.registeredOn,
          kind: 'registration',
          action: 'register',
          fromStatus: 'unregistered',
          toStatus: 'in_use',
          summary: `使用登记（证号 ${input.registration.useRegistrationCertNo}）${late.isLate ? `，逾期登记：投用后第 ${late.elapsedDays} 天登记（期限 ${late.deadlineOn}）` : ''}`,
          details: { reason: 'first_use', certNo: input.registration.useRegistrationCertNo, late },
        }),
      );
    }
    await insertEvents(tx, events);
    const ruleSet = await loadRuleSet(tx, today);
    await recomputeDevices(tx, [device.id], { ruleSet, today });
    const saved = (await findDevice(tx, device.id, { kind: 'all' })) as DeviceRecord;
    await recordAudit(tx, actor, {
      action: registering ? 'equipment.create_register' : 'equipment.create',
      entityType: 'equipment_device',
      entityId: device.id,
      orgUnitId: device.territoryOrgUnitId,
      summary: `设备建档${registering ? '并登记' : ''}：${device.productName}（${device.equipmentCode ?? '无设备代码'}）${saved.isLateRegistration ? '，逾期登记' : ''}`,
      after: auditView(saved),
    });
    return saved;
  });
  clearCachedTotals();
  return buildDetail(db, created, options);
}

// ── edit ──────────────────────────────────────────────────────────────────────────────────

/** Fields whose change moves due dates. */
const dueFields: ReadonlyArray<keyof DeviceValues> = ['categoryCode', 'kindCode', 'varietyCode', 'commissioningDate', 'installSupervisionDate', 'safetyGrade', 'params'];

export async function updateDevice(db: Db, options: Options & { id: string; input: UpdateDeviceRequest }): Promise<DeviceDetail> {
  const { actor, id, input, today } = options;
  const { version, location, ...fields } = input;
  const patch: Partial<DeviceValues> = {};
  for (const [key, value] of Object.entries(fields) as Array<[keyof UpdateDeviceRequest, unknown]>) {
    (patch as Record<string, unknown>)[key] = value;
  }
  if (location !== undefined) {
    patch.lon = location.lon;
    patch.lat = location.lat;
  }
  const updated = await db.transaction(async (tx) => {
    const before = await getDevice(tx, { actor, id, forUpdate: true });
    if (before.version !== version) throw conflict('equipment.stale_version', '该设备已被他人修改，请刷新后重试', { currentVersion: before.version });
    const changed = (Object.keys(patch) as Array<keyof DeviceValues>).filter((k) => JSON.stringify(patch[k] ?? null) !== JSON.stringify(before[k] ?? null));
    if (changed.length === 0) throw conflict('equipment.no_change', '没有字段发生变化');
    const abilities = deviceAbilities(actor, before);
    const registry = changed.filter((f) => isRegistryField(f));
    if (registry.length > 0 && !abilities.editRegistry) {
      throw forbidden('equipment.registry_field_forbidden', `登记信息（${registry.map((f) => registryFieldLabels[f as keyof typeof registryFieldLabels]).join('、')}）只能由登记机关修改`, { fields: registry });
    }
    if (changed.some((f) => !isRegistryField(f)) && !abilities.edit) throw forbidden('equipment.edit_forbidden', '您无权修改该设备');
    const next = { ...before, ...patch };
    if (changed.includes('categoryCode') || changed.includes('kindCode') || changed.includes('varietyCode')) {
      assertClassification({ categoryCode: next.categoryCode, kindCode: next.kindCode, varietyCode: next.varietyCode });
    }
    if (next.safetyGrade !== null && !['2000', '8000'].includes(next.categoryCode)) throw invalid('equipment.safety_grade_not_applicable', '安全状况等级仅适用于压力容器和压力管道');
    assertNotFuture({ 投用日期: patch.commissioningDate, 制造日期: patch.manufactureDate, 监督检验合格日期: patch.installSupervisionDate }, today);
    if (changed.includes('territoryOrgUnitId')) await assertTerritory(tx, actor, next.territoryOrgUnitId);
    if (changed.includes('supervisingOrgUnitId') && next.supervisingOrgUnitId) await assertSupervisingUnit(tx, next.supervisingOrgUnitId);
    await assertEnterprisesExist(tx, {
      产权单位: changed.includes('propertyUnitId') ? next.propertyUnitId : null,
      维保单位: changed.includes('maintenanceUnitId') ? next.maintenanceUnitId : null,
      检验机构: changed.includes('inspectionBodyId') ? next.inspectionBodyId : null,
    });
    const row = await updateDeviceRow(tx, id, version, { ...Object.fromEntries(changed.map((k) => [k, patch[k]])), updatedBy: actor.userId });
    if (!row) throw conflict('equipment.stale_version', '该设备已被他人修改，请刷新后重试');
    await insertEvents(tx, [
      eventOf(actor, row, {
        occurredOn: today,
        kind: 'update',
        action: 'update',
        fromStatus: null,
        toStatus: null,
        summary: `修改设备信息：${changed.join('、')}`,
        details: { changes: Object.fromEntries(changed.map((k) => [k, [before[k] ?? null, row[k] ?? null]])) },
      }),
    ]);
    if (changed.some((f) => dueFields.includes(f))) {
      await recomputeDevices(tx, [id], { ruleSet: await loadRuleSet(tx, today), today, voidReason: 'device_changed' });
    }
    const saved = (await findDevice(tx, id, { kind: 'all' })) as DeviceRecord;
    await recordAudit(tx, actor, {
      action: 'equipment.update',
      entityType: 'equipment_device',
      entityId: id,
      orgUnitId: saved.territoryOrgUnitId,
      summary: `修改设备「${saved.productName}」（${saved.equipmentCode ?? id}）：${changed.join('、')}`,
      before: auditView(before),
      after: auditView(saved),
    });
    return saved;
  });
  clearCachedTotals();
  return buildDetail(db, updated, options);
}
