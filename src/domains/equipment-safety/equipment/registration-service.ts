import { conflict, forbidden, invalid } from '../../../shared/errors';
import type { Db } from '../../../platform/db/types';
import { recordAudit } from '../../audit';
import { deviceAbilities } from './access-rules';
import { clearCachedTotals } from './count-cache';
import { diffDays } from './date-math';
import { findDevice, updateDeviceRow, type DeviceRecord, type DeviceValues } from './device-store';
import { assertEnterprisesExist, assertNotFuture, assertTerritory, auditView, buildDetail, eventOf, getDevice, type Options } from './device-service';
import { registrationActionLabels, registrationReasonLabels, registrationStatusLabels } from './enums';
import { recomputeDevices } from './obligation-service';
import { selectOpenObligations } from './obligation-store';
import { queryRows } from '../../../platform/db/types';
import { sql } from 'drizzle-orm';
import { assertRestartAllowed, checkLateRegistration, checkLateStopFiling, nextRegistrationStatus } from './registration-rules';
import { insertEvents } from './record-store';
import { loadRuleSet } from './rule-service';
import type { RegistrationActionRequest } from './schema';
import type { DeviceDetail } from './view-schema';

/**
 * Registration lifecycle (domain.md §1.3.4): 告知 → 待登记 → 在用 ⇄ 停用 → 报废 → 注销, plus 变更登记
 * and 过户 as new registration versions of an in-use device. Each action is one transaction: the
 * status change (checked by the pure state machine: a forbidden action is a 409
 * `equipment.invalid_transition`), an immutable registration event, the recomputed obligations
 * and the audit entry. Only the registry authority (`safety.register_equipment`) acts.
 */
type Step = { patch: Partial<DeviceValues>; occurredOn: string; summary: string; details: Record<string, unknown> };

async function latestPeriodicInspectionAfter(tx: Db, deviceId: string, after: string): Promise<string | null> {
  const rows = await queryRows<{ d: string }>(
    tx,
    sql`SELECT max(inspected_on)::text AS d FROM equipment_inspections WHERE device_id = ${deviceId} AND track = 'periodic' AND result <> 'fail' AND inspected_on >= ${after}`,
  );
  return rows[0]?.d ?? null;
}

async function planStep(tx: Db, device: DeviceRecord, input: RegistrationActionRequest, options: Options): Promise<Step> {
  const { today, actor } = options;
  switch (input.action) {
    case 'passSupervision': {
      assertNotFuture({ 监督检验合格日期: input.date }, today);
      return {
        patch: { installSupervisionDate: input.date },
        occurredOn: input.date,
        summary: `安装监督检验合格${input.reportNo ? `（报告 ${input.reportNo}）` : ''}，转为待登记`,
        details: { reportNo: input.reportNo ?? null, note: input.note ?? null },
      };
    }
    case 'register': {
      const commissioningDate = input.commissioningDate ?? device.commissioningDate;
      if (!commissioningDate) throw invalid('equipment.commissioning_required', '办理使用登记须填写投用日期');
      if (device.categoryCode === '3000' && !device.maintenanceUnitId) throw invalid('equipment.maintenance_unit_required', '电梯办理使用登记须有维保单位');
      assertNotFuture({ 登记日期: input.registeredOn, 投用日期: commissioningDate, 发证日期: input.certIssueDate }, today);
      const late = checkLateRegistration(commissioningDate, input.registeredOn);
      return {
        patch: {
          registeredOn: input.registeredOn,
          useRegistrationCertNo: input.useRegistrationCertNo,
          certIssueDate: input.certIssueDate ?? input.registeredOn,
          commissioningDate,
          isLateRegistration: late.isLate,
          ...(input.equipmentCode ? { equipmentCode: input.equipmentCode } : {}),
        },
        occurredOn: input.registeredOn,
        summary: `使用登记（证号 ${input.useRegistrationCertNo}）${late.isLate ? `，逾期登记：投用后第 ${late.elapsedDays} 天登记（期限 ${late.deadlineOn}）` : ''}`,
        details: { reason: 'first_use', certNo: input.useRegistrationCertNo, late, note: input.note ?? null },
      };
    }
    case 'stop': {
      assertNotFuture({ 停用日期: input.stoppedOn }, today);
      const filing = checkLateStopFiling(input.stoppedOn, today);
      return {
        patch: { stoppedOn: input.stoppedOn },
        occurredOn: input.stoppedOn,
        summary: `停用：${input.reason}${filing.isLate ? `（停用后第 ${filing.elapsedDays} 天才办理，超过30日期限）` : ''}`,
        details: { reason: input.reason, expectedRestartOn: input.expectedRestartOn ?? null, filing },
      };
    }
    case 'restart': {
      assertNotFuture({ 启用日期: input.restartedOn }, today);
      if (device.stoppedOn && input.restartedOn < device.stoppedOn) throw invalid('equipment.restart_before_stop', `启用日期早于停用日期 ${device.stoppedOn}`);
      const longStop = device.stoppedOn !== null && diffDays(device.stoppedOn, input.restartedOn) >= 365;
      // TSG T7001-2023 item 4: after a stop ≥ 1 year the inspection before restart moves the elevator's due month.
      const rebase = longStop && device.categoryCode === '3000' && device.stoppedOn ? await latestPeriodicInspectionAfter(tx, device.id, device.stoppedOn) : null;
      return {
        patch: { stoppedOn: null, ...(rebase ? { scheduleRebasedOn: rebase } : {}) },
        occurredOn: input.restartedOn,
        summary: `停用后重新启用${rebase ? `，检验月份按 ${rebase} 的检验调整` : ''}`,
        details: { stoppedOn: device.stoppedOn, longStop, rebasedOn: rebase, note: input.note ?? null },
      };
    }
    case 'change': {
      assertNotFuture({ 变更日期: input.date, 监督检验合格日期: input.changes?.installSupervisionDate }, today);
      const c = input.changes ?? {};
      if (c.territoryOrgUnitId) await assertTerritory(tx, actor, c.territoryOrgUnitId);
      const patch: Partial<DeviceValues> = {
        ...(c.useAddress !== undefined ? { useAddress: c.useAddress } : {}),
        ...(c.territoryOrgUnitId !== undefined ? { territoryOrgUnitId: c.territoryOrgUnitId } : {}),
        ...(c.location !== undefined ? { lon: c.location?.lon ?? null, lat: c.location?.lat ?? null } : {}),
        ...(c.regionCode !== undefined ? { regionCode: c.regionCode } : {}),
        ...(c.installSupervisionDate !== undefined ? { installSupervisionDate: c.installSupervisionDate, scheduleRebasedOn: null } : {}),
        ...(c.designLifeYears !== undefined ? { designLifeYears: c.designLifeYears } : {}),
        ...(input.useRegistrationCertNo ? { useRegistrationCertNo: input.useRegistrationCertNo } : {}),
      };
      return {
        patch,
        occurredOn: input.date,
        summary: `变更登记（${registrationReasonLabels[input.reason].zh}）${input.useRegistrationCertNo ? `，新证号 ${input.useRegistrationCertNo}` : ''}`,
        details: { reason: input.reason, changes: c, certNo: input.useRegistrationCertNo ?? null, note: input.note ?? null },
      };
    }
    case 'transfer': {
      assertNotFuture({ 过户日期: input.date }, today);
      if (input.newUsingUnitId === device.useUnitId) throw conflict('equipment.same_using_unit', '新使用单位与原使用单位相同');
      await assertEnterprisesExist(tx, { 新使用单位: input.newUsingUnitId });
      return {
        patch: { useUnitId: input.newUsingUnitId, ...(input.useRegistrationCertNo ? { useRegistrationCertNo: input.useRegistrationCertNo } : {}) },
        occurredOn: input.date,
        summary: `过户：使用单位变更${input.useRegistrationCertNo ? `，新证号 ${input.useRegistrationCertNo}` : ''}`,
        details: { reason: 'transfer', fromUsingUnitId: device.useUnitId, toUsingUnitId: input.newUsingUnitId, certNo: input.useRegistrationCertNo ?? null, note: input.note ?? null },
      };
    }
    case 'scrap': {
      assertNotFuture({ 报废日期: input.date }, today);
      return { patch: { scrappedOn: input.date }, occurredOn: input.date, summary: `报废：${input.reason}`, details: { reason: input.reason } };
    }
    case 'cancel': {
      assertNotFuture({ 注销日期: input.date }, today);
      return { patch: { deregisteredOn: input.date }, occurredOn: input.date, summary: '注销使用登记', details: { note: input.note ?? null } };
    }
  }
}

export async function applyRegistrationAction(db: Db, options: Options & { id: string; input: RegistrationActionRequest }): Promise<DeviceDetail> {
  const { actor, id, input, today } = options;
  const saved = await db.transaction(async (tx) => {
    const device = await getDevice(tx, { actor, id, forUpdate: true });
    if (!deviceAbilities(actor, device).editRegistry) throw forbidden('equipment.register_forbidden', '使用登记事项只能由登记机关（市场监管局）办理');
    if (device.version !== input.version) throw conflict('equipment.stale_version', '该设备已被他人修改，请刷新后重试', { currentVersion: device.version });
    const to = nextRegistrationStatus(device.status, input.action);
    const step = await planStep(tx, device, input, options);
    const row = await updateDeviceRow(tx, id, input.version, { ...step.patch, status: to, statusChangedOn: step.occurredOn, updatedBy: actor.userId });
    if (!row) throw conflict('equipment.stale_version', '该设备已被他人修改，请刷新后重试');
    await recomputeDevices(tx, [id], { ruleSet: await loadRuleSet(tx, today), today, voidReason: `status_${to}` });
    if (input.action === 'restart') {
      const open = await selectOpenObligations(tx, id);
      const earliest = open.filter((o) => o.track === 'periodic' || o.mustStop)[0]?.dueOn ?? null;
      assertRestartAllowed(earliest, input.restartedOn);
    }
    await insertEvents(tx, [
      eventOf(actor, row, { occurredOn: step.occurredOn, kind: 'registration', action: input.action, fromStatus: device.status, toStatus: to, summary: step.summary, details: step.details }),
    ]);
    const after = (await findDevice(tx, id, { kind: 'all' })) as DeviceRecord;
    await recordAudit(tx, actor, {
      action: `equipment.${input.action}`,
      entityType: 'equipment_device',
      entityId: id,
      orgUnitId: after.territoryOrgUnitId,
      summary: `${registrationActionLabels[input.action].zh}：${after.productName}（${after.equipmentCode ?? id}），${registrationStatusLabels[device.status].zh} → ${registrationStatusLabels[to].zh}。${step.summary}`,
      before: auditView(device),
      after: auditView(after),
    });
    return after;
  });
  clearCachedTotals();
  return buildDetail(db, saved, options);
}
