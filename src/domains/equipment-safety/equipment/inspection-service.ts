import { forbidden, invalid } from '../../../shared/errors';
import type { Db } from '../../../platform/db/types';
import { paged } from '../../../platform/excel/export';
import { newId } from '../../../platform/ids';
import { recordAudit } from '../../audit';
import { deviceAbilities } from './access-rules';
import { clearCachedTotals } from './count-cache';
import { assertEnterprisesExist, assertNotFuture, buildDetail, getDevice, scopeOf, type Options } from './device-service';
import { findDevice, type DeviceRecord } from './device-store';
import { inspectionConclusionLabels, inspectionKindLabels, inspectionResultOf } from './enums';
import { trackOfInspectionKind } from './inspection-rules';
import { recomputeDevices } from './obligation-service';
import { selectOpenObligations } from './obligation-store';
import { countInspections, findInspection, insertInspections, inspectionWhere, selectInspections, setComputedNextDue, type InspectionRecord, type NewInspection } from './record-store';
import { loadRuleSet } from './rule-service';
import type { RecordInspectionBody } from './schema';
import type { DeviceDetail, InspectionItem, InspectionListQuery } from './view-schema';

/**
 * Inspection records (定期检验, 监督检验, 年度检查, 自行检测 …). Recording one recomputes the
 * device's obligations: the open obligation of its track is satisfied and the next one opens
 * (不合格 → 复检 due at once and the device must stop until it passes).
 */
export function toInspectionItem(r: InspectionRecord): InspectionItem {
  return {
    ...r,
    kindLabel: inspectionKindLabels[r.kind].zh,
    conclusionLabel: inspectionConclusionLabels[r.conclusion].zh,
    wasLate: r.obligationDueOn === null ? null : r.inspectedOn >= r.obligationDueOn,
    issues: Array.isArray(r.issues) ? r.issues : [],
  };
}

/** Checks of one inspection record against its device (API and import share them). */
export function findInspectionProblems(device: Pick<DeviceRecord, 'categoryCode' | 'commissioningDate' | 'manufactureDate'>, input: Pick<RecordInspectionBody, 'safetyGrade' | 'inspectedOn'>, today: string): string[] {
  const problems: string[] = [];
  if (input.inspectedOn > today) problems.push(`检验日期 ${input.inspectedOn} 晚于今天`);
  if (input.safetyGrade !== undefined && !['2000', '8000'].includes(device.categoryCode)) problems.push('安全状况等级仅适用于压力容器和压力管道');
  if (device.manufactureDate && input.inspectedOn < device.manufactureDate) problems.push(`检验日期早于制造日期 ${device.manufactureDate}`);
  return problems;
}

export function newInspectionRow(deviceId: string, input: RecordInspectionBody, meta: { source: NewInspection['source']; createdBy: string | null; importBatchId: string | null }): NewInspection {
  return {
    id: newId(),
    deviceId,
    kind: input.kind,
    track: trackOfInspectionKind(input.kind),
    orgName: input.orgName,
    orgId: input.orgId ?? null,
    reportNo: input.reportNo,
    inspectors: input.inspectors ?? [],
    bookedOn: input.bookedOn ?? null,
    startedOn: input.startedOn ?? null,
    inspectedOn: input.inspectedOn,
    conclusion: input.conclusion,
    result: inspectionResultOf(input.conclusion),
    safetyGrade: input.safetyGrade ?? null,
    periodMonths: input.periodMonths ?? null,
    reportNextDueOn: input.nextDueOn ?? null,
    issues: input.issues ?? [],
    retestOn: input.retestOn ?? null,
    overdueReason: input.overdueReason ?? null,
    source: meta.source,
    importBatchId: meta.importBatchId,
    createdBy: meta.createdBy,
  };
}

/**
 * Stores inspections and recomputes their devices inside the caller's transaction; returns the
 * next due date computed for each inspection's track (also stored on the inspection).
 */
export async function storeInspections(tx: Db, rows: readonly NewInspection[], options: { today: string }): Promise<Map<string, string | null>> {
  await insertInspections(tx, rows);
  const ruleSet = await loadRuleSet(tx, options.today);
  const grades = new Map<string, NonNullable<DeviceRecord['safetyGrade']>>();
  for (const r of [...rows].sort((a, b) => a.inspectedOn.localeCompare(b.inspectedOn))) if (r.safetyGrade !== null) grades.set(r.deviceId, r.safetyGrade as NonNullable<DeviceRecord['safetyGrade']>);
  const deviceIds = [...new Set(rows.map((r) => r.deviceId))];
  await recomputeDevices(tx, deviceIds, { ruleSet, today: options.today, safetyGrades: grades });
  const computed = new Map<string, string | null>();
  for (const deviceId of deviceIds) {
    const open = await selectOpenObligations(tx, deviceId);
    for (const r of rows.filter((x) => x.deviceId === deviceId)) computed.set(r.id, open.find((o) => o.track === r.track)?.dueOn ?? null);
  }
  await setComputedNextDue(tx, [...computed].map(([id, dueOn]) => ({ id, dueOn })));
  clearCachedTotals();
  return computed;
}

export async function recordInspection(db: Db, options: Options & { deviceId: string; input: RecordInspectionBody }): Promise<{ inspection: InspectionItem; device: DeviceDetail }> {
  const { actor, deviceId, input, today } = options;
  assertNotFuture({ 检验日期: input.inspectedOn, 开始日期: input.startedOn, 报检日期: input.bookedOn }, today);
  const result = await db.transaction(async (tx) => {
    const device = await getDevice(tx, { actor, id: deviceId, forUpdate: true });
    if (!deviceAbilities(actor, device).recordInspection) throw forbidden('equipment.inspection_forbidden', '您无权录入检验结果');
    const problems = findInspectionProblems(device, input, today);
    if (problems.length > 0) throw invalid('equipment.invalid_inspection', problems.join('；'), { problems });
    if (input.orgId) await assertEnterprisesExist(tx, { 检验机构: input.orgId });
    const row = newInspectionRow(device.id, input, { source: 'manual', createdBy: actor.userId, importBatchId: null });
    await storeInspections(tx, [row], { today });
    const saved = (await findInspection(tx, row.id, { kind: 'all' })) as InspectionRecord;
    const after = (await findDevice(tx, device.id, { kind: 'all' })) as DeviceRecord;
    await recordAudit(tx, actor, {
      action: 'equipment.inspection_record',
      entityType: 'equipment_device',
      entityId: device.id,
      orgUnitId: device.territoryOrgUnitId,
      summary: `录入${inspectionKindLabels[input.kind].zh}（报告 ${input.reportNo}，${input.inspectedOn}，${inspectionConclusionLabels[input.conclusion].zh}）：${device.productName}；下次到期 ${after.nextDueOn ?? '无'}${after.mustStop ? '，须停止使用' : ''}`,
      before: { nextDueOn: device.nextDueOn, mustStop: device.mustStop },
      after: { inspection: saved, nextDueOn: after.nextDueOn, mustStop: after.mustStop },
    });
    return { saved, after };
  });
  return { inspection: toInspectionItem(result.saved), device: await buildDetail(db, result.after, options) };
}

export async function listInspections(db: Db, options: Options & { query: InspectionListQuery }) {
  const { query } = options;
  const where = inspectionWhere(query, scopeOf(options.actor));
  const [total, rows] = await Promise.all([
    countInspections(db, where),
    selectInspections(db, where, { ascending: query.sort === 'inspectedOn', limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
  ]);
  return { items: rows.map(toInspectionItem), total, page: query.page, pageSize: query.pageSize };
}

export async function* iterateInspections(db: Db, options: Options & { query: InspectionListQuery }): AsyncGenerator<InspectionItem> {
  const where = inspectionWhere(options.query, scopeOf(options.actor));
  const ascending = options.query.sort === 'inspectedOn';
  for await (const r of paged((offset, limit) => selectInspections(db, where, { ascending, limit, offset }))) yield toInspectionItem(r);
}
