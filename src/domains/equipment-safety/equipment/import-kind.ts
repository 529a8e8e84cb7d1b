import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../../shared/actor';
import { localDate } from '../../../platform/clock';
import type { Db } from '../../../platform/db/types';
import { defineImportKind, parseDateCell, parseEnumCell, splitListCell, type ImportColumn, type ImportWriteResult, type JournalEntry } from '../../../platform/import';
import { deviceReadScope, type DeviceScope } from './access-rules';
import { findDevicesByCertNos, findDevicesByCodes, toTextArray, type DeviceRecord } from './device-store';
import { inspectionConclusionLabels, inspectionConclusions, inspectionKindLabels, inspectionKinds } from './enums';
import { findInspectionProblems, newInspectionRow, storeInspections } from './inspection-service';
import { recomputeDevices } from './obligation-service';
import { deleteInspections, selectExistingReports, selectInspectionVersions, type NewInspection } from './record-store';
import { loadRuleSet } from './rule-service';
import { recordInspectionBodySchema } from './schema';

/**
 * Inspection results as an import kind ('equipment-inspections'): an inspection body's Excel/CSV
 * file, one report per row, matched to the device by 设备代码 or 使用登记证编号. Rows are only
 * added (a report already on record with the same content counts as unchanged; with different
 * content it is refused — corrections go through the bureau). Each device touched is recomputed,
 * so the import moves due dates exactly like entering the reports one by one. Undo deletes the
 * batch's reports and recomputes their devices.
 */
const rowSchema = z
  .object({
    equipmentCode: z.string().trim().min(1).max(64).optional(),
    useRegistrationCertNo: z.string().trim().min(1).max(64).optional(),
    report: recordInspectionBodySchema,
  })
  .strict()
  .refine((v) => v.equipmentCode !== undefined || v.useRegistrationCertNo !== undefined, { message: '设备代码与使用登记证编号至少填一项', path: ['equipmentCode'] });
type Row = z.infer<typeof rowSchema>;

type Ctx = { actor: Actor; today: string; scope: DeviceScope };

const kindOptions = inspectionKinds.map((value) => ({ value, labels: [inspectionKindLabels[value].zh, inspectionKindLabels[value].en] }));
const conclusionOptions = inspectionConclusions.map((value) => ({
  value,
  labels: [inspectionConclusionLabels[value].zh, inspectionConclusionLabels[value].en, ...(value === 'pass' ? ['符合要求', '合格（符合）'] : value === 'fail' ? ['不符合要求'] : [])],
}));

export const inspectionImportColumns: readonly ImportColumn[] = [
  { key: 'equipmentCode', field: 'equipmentCode', header: '设备代码', aliases: ['设备注册代码', '设备编码'], example: '311032101202400001', width: 22, note: '与“使用登记证编号”至少填一项，用来找到设备。' },
  { key: 'useRegistrationCertNo', field: 'useRegistrationCertNo', header: '使用登记证编号', aliases: ['使用登记证号', '登记证编号'], width: 20 },
  { key: 'kind', field: 'report.kind', header: '检验类别', aliases: ['检验类型', '检验性质'], required: true, example: '定期检验', options: inspectionKinds.map((k) => inspectionKindLabels[k].zh), width: 14 },
  { key: 'orgName', field: 'report.orgName', header: '检验机构', aliases: ['检验单位', '检验检测机构'], required: true, example: '江海特种设备检验检测中心', width: 26 },
  { key: 'reportNo', field: 'report.reportNo', header: '报告编号', aliases: ['检验报告编号', '报告号'], required: true, example: 'TJ2025-000001', width: 20, note: '同一设备的报告编号不能重复。' },
  { key: 'inspectedOn', field: 'report.inspectedOn', header: '检验日期', aliases: ['检验结论日期', '出具报告日期'], required: true, example: '2025-03-12', width: 12, note: '检验结论日期，检验周期自该日起算。' },
  { key: 'conclusion', field: 'report.conclusion', header: '检验结论', aliases: ['结论'], required: true, example: '合格', options: inspectionConclusions.map((c) => inspectionConclusionLabels[c].zh), width: 12, note: '不合格或不得使用的设备须停止使用，复检合格后方可使用。' },
  { key: 'safetyGrade', field: 'report.safetyGrade', header: '安全状况等级', aliases: ['安全等级'], width: 10, note: '压力容器、压力管道填写 1–5。' },
  { key: 'periodMonths', field: 'report.periodMonths', header: '检验周期（月）', aliases: ['检验周期'], width: 10, note: '检验机构确定的周期（如 3 级压力容器）。' },
  { key: 'nextDueOn', field: 'report.nextDueOn', header: '下次检验日期', aliases: ['下次检验日期（报告）'], width: 12, note: '报告上的日期，仅作核对；系统按规则计算下次检验日期。' },
  { key: 'inspectors', field: 'report.inspectors', header: '检验人员', width: 14, note: '多人用顿号分隔。' },
  { key: 'issues', field: 'report.issues', header: '问题及整改要求', aliases: ['主要问题', '整改要求'], width: 30 },
];

const NOTES = ['每行一份检验报告。系统按设备代码或使用登记证编号找到设备，录入后自动重新计算下次检验日期和检验状态。', '只能导入您有权查看的设备的检验结果。'];

function toInput(cells: Readonly<Record<string, string | null>>): { input: Record<string, unknown>; problems: string[] } {
  const problems: string[] = [];
  const t = (key: string) => cells[key] ?? null;
  const report: Record<string, unknown> = { orgName: t('orgName') ?? '', reportNo: t('reportNo') ?? '' };
  const kind = t('kind');
  if (kind !== null) {
    const parsed = parseEnumCell(kind, kindOptions);
    if (parsed.ok) report.kind = parsed.value;
    else problems.push(`检验类别：${parsed.problem}`);
  }
  const conclusion = t('conclusion');
  if (conclusion !== null) {
    const parsed = parseEnumCell(conclusion, conclusionOptions);
    if (parsed.ok) report.conclusion = parsed.value;
    else problems.push(`检验结论：${parsed.problem}`);
  }
  for (const [key, label] of [
    ['inspectedOn', '检验日期'],
    ['nextDueOn', '下次检验日期'],
  ] as const) {
    const text = t(key);
    if (text === null) continue;
    const parsed = parseDateCell(text);
    if (parsed.ok) report[key] = parsed.value;
    else problems.push(`${label}：${parsed.problem}`);
  }
  for (const [key, label] of [
    ['safetyGrade', '安全状况等级'],
    ['periodMonths', '检验周期（月）'],
  ] as const) {
    const text = t(key);
    if (text === null) continue;
    const n = Number(text.normalize('NFKC').replace(/级|个月|月/g, '').trim());
    if (Number.isInteger(n)) report[key] = n;
    else problems.push(`${label}：「${text}」应为整数`);
  }
  if (t('inspectors') !== null) report.inspectors = splitListCell(t('inspectors') as string);
  if (t('issues') !== null) report.issues = [{ description: t('issues') }];
  const input: Record<string, unknown> = { report };
  if (t('equipmentCode') !== null) input.equipmentCode = t('equipmentCode');
  if (t('useRegistrationCertNo') !== null) input.useRegistrationCertNo = t('useRegistrationCertNo');
  return { input, problems };
}

function isVisible(device: DeviceRecord, scope: DeviceScope): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'enterprise':
      return device.useUnitId === scope.enterpriseId || device.maintenanceUnitId === scope.enterpriseId;
    default:
      return false;
  }
}

/** Devices in a territory/supervising scope are checked in SQL (the org tree decides). */
async function visibleIds(tx: Db, ids: readonly string[], scope: DeviceScope): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const column = scope.kind === 'supervising' ? sql`supervising_org_unit_id` : sql`territory_org_unit_id`;
  const root = scope.kind === 'territory' || scope.kind === 'supervising' ? scope.rootPath : '';
  const rows = (await tx.execute(
    sql`SELECT id FROM equipment_devices WHERE id = ANY(${toTextArray(ids)}::uuid[]) AND ${column} IN (SELECT id FROM org_units WHERE path LIKE ${`${root}%`})`,
  )) as unknown as { rows: Array<{ id: string }> };
  return new Set(rows.rows.map((r) => r.id));
}

function sameReport(a: NewInspection, b: { kind: string; inspectedOn: string; conclusion: string; orgName: string }): boolean {
  return a.kind === b.kind && a.inspectedOn === b.inspectedOn && a.conclusion === b.conclusion && a.orgName === b.orgName;
}

export const inspectionImportKind = defineImportKind<Row, Ctx>({
  kind: 'equipment-inspections',
  label: '特种设备检验结果',
  sheetName: '检验结果',
  permission: 'safety.record_inspection',
  keyLabel: '设备代码/使用登记证编号 + 报告编号',
  columns: inspectionImportColumns,
  notes: NOTES,
  schema: rowSchema,
  prepare: async (_db, { actor, today }) => ({ actor, today, scope: deviceReadScope(actor.role, actor.scope) }),
  toInput: (cells) => toInput(cells),
  checkRow: (value, ctx) => (value.report.inspectedOn > ctx.today ? [`检验日期：${value.report.inspectedOn} 晚于今天`] : []),
  naturalKey: (v) => `${v.equipmentCode ?? ''}|${v.useRegistrationCertNo ?? ''}|${v.report.reportNo}`,
  async write(tx, { actor, batchId, rows, ctx, mode, dryRun }): Promise<ImportWriteResult> {
    const byCode = new Map((await findDevicesByCodes(tx, rows.flatMap((r) => (r.value.equipmentCode ? [r.value.equipmentCode] : [])))).map((d) => [d.equipmentCode as string, d]));
    const byCert = new Map(
      (await findDevicesByCertNos(tx, rows.flatMap((r) => (r.value.useRegistrationCertNo && !r.value.equipmentCode ? [r.value.useRegistrationCertNo] : [])))).map((d) => [d.useRegistrationCertNo as string, d]),
    );
    const candidates = [...byCode.values(), ...byCert.values()];
    const inScope = ctx.scope.kind === 'territory' || ctx.scope.kind === 'supervising' ? await visibleIds(tx, candidates.map((d) => d.id), ctx.scope) : new Set(candidates.filter((d) => isVisible(d, ctx.scope)).map((d) => d.id));
    const rowErrors: ImportWriteResult['rowErrors'] = [];
    const resolved: Array<{ rowNo: number; device: DeviceRecord; insp: NewInspection }> = [];
    for (const row of rows) {
      const v = row.value;
      const device = v.equipmentCode ? byCode.get(v.equipmentCode) : v.useRegistrationCertNo ? byCert.get(v.useRegistrationCertNo) : undefined;
      const label = v.equipmentCode ? `设备代码「${v.equipmentCode}」` : `使用登记证编号「${v.useRegistrationCertNo ?? ''}」`;
      if (!device || !inScope.has(device.id)) {
        rowErrors.push({ rowNo: row.rowNo, messages: [`${label}：系统中没有该设备，或不在您的管辖范围内`] });
        continue;
      }
      if (v.equipmentCode && v.useRegistrationCertNo && device.useRegistrationCertNo !== v.useRegistrationCertNo) {
        rowErrors.push({ rowNo: row.rowNo, messages: [`使用登记证编号：与设备代码对应设备的登记证编号（${device.useRegistrationCertNo ?? '无'}）不一致`] });
        continue;
      }
      const problems = findInspectionProblems(device, v.report, ctx.today);
      if (problems.length > 0) {
        rowErrors.push({ rowNo: row.rowNo, messages: problems });
        continue;
      }
      resolved.push({ rowNo: row.rowNo, device, insp: newInspectionRow(device.id, v.report, { source: 'import', createdBy: actor.userId, importBatchId: dryRun ? null : batchId }) });
    }
    const existing = await selectExistingReports(tx, resolved.map((r) => ({ deviceId: r.device.id, reportNo: r.insp.reportNo })));
    const inserts: typeof resolved = [];
    let unchanged = 0;
    for (const r of resolved) {
      const found = existing.get(`${r.device.id}|${r.insp.reportNo}`);
      if (!found) inserts.push(r);
      else if (sameReport(r.insp, found)) unchanged += 1;
      else rowErrors.push({ rowNo: r.rowNo, messages: [`报告编号：该设备已有报告 ${r.insp.reportNo}，内容不同（已录入的检验结果不能通过导入修改）`] });
    }
    if (mode === 'all_or_nothing' && rowErrors.length > 0) return { inserted: 0, updated: 0, unchanged: 0, journal: [], rowErrors };
    if (!dryRun && inserts.length > 0) await storeInspections(tx, inserts.map((r) => r.insp), { today: ctx.today });
    const journal: JournalEntry[] = inserts.map((r) => ({ rowNo: r.rowNo, entityId: r.insp.id, action: 'insert', before: null, changes: null, afterVersion: 1 }));
    return { inserted: inserts.length, updated: 0, unchanged, journal, rowErrors };
  },
  currentVersions: (tx, ids) => selectInspectionVersions(tx, ids),
  async undo(tx, { entries }) {
    const ids = entries.map((e) => e.entityId);
    if (ids.length === 0) return;
    // Obligations closed by, or computed from, the removed reports are dropped; the recompute restores the open ones.
    await tx.execute(sql`DELETE FROM equipment_obligations WHERE satisfied_by_inspection_id = ANY(${toTextArray(ids)}::uuid[]) OR based_on_inspection_id = ANY(${toTextArray(ids)}::uuid[])`);
    const devices = await deleteInspections(tx, ids);
    const today = localDate(new Date(), 'Asia/Shanghai');
    await recomputeDevices(tx, devices, { ruleSet: await loadRuleSet(tx, today), today });
  },
});
