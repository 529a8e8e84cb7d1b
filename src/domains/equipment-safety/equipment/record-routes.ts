import { requireActor } from '../../../platform/http/access';
import type { AppEnv } from '../../../platform/http/context';
import { exportFileName, xlsxDownload, xlsxResponse } from '../../../platform/http/responses';
import { defineRoute, idParamsSchema, jsonBody, okJson, type Router } from '../../../platform/http/router';
import type { Context } from 'hono';
import { certificateStatusLabels } from './enums';
import { iterateInspections, listInspections, recordInspection } from './inspection-service';
import { createRuleOverride, deleteRuleOverride, getCatalogue, getInspectionRules } from './rule-service';
import { operatorCertificateInputSchema, recordInspectionBodySchema, recordMaintenanceBodySchema, updateCertificateRequestSchema } from './schema';
import { createCertificate, getCertificate, getMaintenanceGaps, iterateCertificates, iterateMaintenance, listCertificates, listMaintenance, recordMaintenance, updateCertificate } from './upkeep-service';
import {
  catalogueResponseSchema,
  certificateItemSchema,
  certificateListQuerySchema,
  certificatePageSchema,
  createRuleOverrideInputSchema,
  inspectionListQuerySchema,
  inspectionPageSchema,
  inspectionRulesResponseSchema,
  maintenanceGapsQuerySchema,
  maintenanceGapsSchema,
  maintenanceItemSchema,
  maintenanceListQuerySchema,
  maintenancePageSchema,
  recordInspectionResultSchema,
  ruleOverrideResultSchema,
} from './view-schema';

/**
 * Routes of the device records (inspections, maintenance, operator certificates) and of the
 * reference data (catalogue, inspection rules and their administrator versions).
 */
const tags = ['特种设备 Equipment'];
export const read = { permission: 'safety.read', scope: 'org_or_enterprise' } as const;
const reference = { permission: 'safety.read', scope: 'global' } as const;

const dayFormats = new Map<string, { format: Intl.DateTimeFormat; second: number; day: string }>();

/**
 * Today in the city's time zone. The formatter is built once per zone (constructing one costs more
 * than the rest of a list request's date work) and its answer kept for the current second (zone
 * offsets are whole seconds, so the day cannot change within one).
 */
export function todayOf(c: Context<AppEnv>): string {
  const { clock, config } = c.var.deps;
  const now = clock.now().getTime();
  const second = Math.floor(now / 1000);
  let zone = dayFormats.get(config.timeZone);
  if (!zone) {
    zone = { format: new Intl.DateTimeFormat('en-CA', { timeZone: config.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }), second: Number.NaN, day: '' };
    dayFormats.set(config.timeZone, zone);
  }
  if (zone.second !== second) {
    zone.day = zone.format.format(now);
    zone.second = second;
  }
  return zone.day;
}

export function ctxOf(c: Context<AppEnv>) {
  return { actor: requireActor(c.var.actor), today: todayOf(c) };
}

export function registerRecordRoutes(r: Router): void {
  r.openapi(
    defineRoute({ method: 'get', path: '/equipment/catalogue', tags, summary: '特种设备目录（种类/类别/品种）', access: reference, responses: okJson(catalogueResponseSchema, '目录') }),
    async (c) => c.json(getCatalogue(), 200),
  );

  r.openapi(
    defineRoute({
      method: 'get',
      path: '/equipment/inspection-rules',
      tags,
      summary: '检验周期规则（含管理员配置的版本；isUnverified 表示「周期为配置值，未经核实」）',
      access: reference,
      responses: okJson(inspectionRulesResponseSchema, '规则集'),
    }),
    async (c) => c.json(await getInspectionRules(c.var.db, { today: todayOf(c) }), 200),
  );

  r.openapi(
    defineRoute({
      method: 'post',
      path: '/equipment/inspection-rules/overrides',
      tags,
      summary: '新增规则版本（自 validFrom 起适用；随后在后台重新计算受影响设备的到期日）',
      access: { permission: 'safety.configure_rules', scope: 'global' },
      request: { body: jsonBody(createRuleOverrideInputSchema) },
      responses: okJson(ruleOverrideResultSchema, '已新增', 201),
    }),
    async (c) => c.json(await createRuleOverride(c.var.db, { actor: requireActor(c.var.actor), input: c.req.valid('json') }), 201),
  );

  r.openapi(
    defineRoute({
      method: 'delete',
      path: '/equipment/inspection-rules/overrides/{id}',
      tags,
      summary: '删除规则版本',
      access: { permission: 'safety.configure_rules', scope: 'global' },
      request: { params: idParamsSchema },
      responses: okJson(ruleOverrideResultSchema, '已删除'),
    }),
    async (c) => c.json(await deleteRuleOverride(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id }), 200),
  );

  // ── inspections ──
  r.openapi(
    defineRoute({ method: 'get', path: '/equipment/inspections', tags, summary: '检验记录', access: read, request: { query: inspectionListQuerySchema }, responses: okJson(inspectionPageSchema, '检验记录分页') }),
    async (c) => c.json(await listInspections(c.var.db, { ...ctxOf(c), query: c.req.valid('query') }), 200),
  );

  r.openapi(
    defineRoute({ method: 'get', path: '/equipment/inspections/export.xlsx', tags, summary: '导出检验记录', access: read, request: { query: inspectionListQuerySchema }, responses: xlsxResponse }),
    async (c) => {
      const options = { ...ctxOf(c), query: c.req.valid('query') };
      return xlsxDownload(exportFileName('特种设备检验记录', c.var.deps.clock.now()), {
        sheetName: '检验记录',
        columns: [
          { header: '设备代码', width: 22, value: (i) => i.equipmentCode },
          { header: '设备名称', width: 18, value: (i) => i.productName },
          { header: '检验类别', width: 14, value: (i) => i.kindLabel },
          { header: '检验机构', width: 26, value: (i) => i.orgName },
          { header: '报告编号', width: 20, value: (i) => i.reportNo },
          { header: '检验日期', width: 12, value: (i) => i.inspectedOn },
          { header: '检验结论', width: 12, value: (i) => i.conclusionLabel },
          { header: '安全状况等级', width: 10, value: (i) => i.safetyGrade },
          { header: '应检日期', width: 12, value: (i) => i.obligationDueOn },
          { header: '是否超期检验', width: 10, value: (i) => (i.wasLate === null ? '' : i.wasLate ? '是' : '否') },
          { header: '下次检验日期（系统计算）', width: 14, value: (i) => i.computedNextDueOn },
        ],
        rows: iterateInspections(c.var.db, options),
      });
    },
  );

  r.openapi(
    defineRoute({
      method: 'post',
      path: '/equipment/{id}/inspections',
      tags,
      summary: '录入检验结果（重新计算下次检验日期；不合格须停止使用）',
      access: { permission: 'safety.record_inspection', scope: 'org' },
      request: { params: idParamsSchema, body: jsonBody(recordInspectionBodySchema) },
      responses: okJson(recordInspectionResultSchema, '已录入', 201),
    }),
    async (c) => c.json(await recordInspection(c.var.db, { ...ctxOf(c), deviceId: c.req.valid('param').id, input: c.req.valid('json') }), 201),
  );

  // ── maintenance ──
  r.openapi(
    defineRoute({
      method: 'get',
      path: '/equipment/maintenance',
      tags,
      summary: '维保记录（电梯间隔超过15日标记 isGap）',
      access: read,
      request: { query: maintenanceListQuerySchema },
      responses: okJson(maintenancePageSchema, '维保记录分页'),
    }),
    async (c) => c.json(await listMaintenance(c.var.db, { ...ctxOf(c), query: c.req.valid('query') }), 200),
  );

  r.openapi(
    defineRoute({ method: 'get', path: '/equipment/maintenance/export.xlsx', tags, summary: '导出维保记录', access: read, request: { query: maintenanceListQuerySchema }, responses: xlsxResponse }),
    async (c) =>
      xlsxDownload(exportFileName('特种设备维保记录', c.var.deps.clock.now()), {
        sheetName: '维保记录',
        columns: [
          { header: '设备代码', width: 22, value: (m) => m.equipmentCode },
          { header: '设备名称', width: 18, value: (m) => m.productName },
          { header: '维保日期', width: 12, value: (m) => m.maintainedOn },
          { header: '维保类型', width: 12, value: (m) => m.kindLabel },
          { header: '维保单位', width: 26, value: (m) => m.maintenanceUnitName },
          { header: '维保人员', width: 16, value: (m) => m.workers.map((w) => w.name).join('、') },
          { header: '距上次（天）', width: 10, value: (m) => m.daysSincePrevious },
          { header: '超过15日', width: 10, value: (m) => (m.isGap ? '是' : '') },
        ],
        rows: iterateMaintenance(c.var.db, { ...ctxOf(c), query: c.req.valid('query') }),
      }),
  );

  r.openapi(
    defineRoute({
      method: 'post',
      path: '/equipment/{id}/maintenance',
      tags,
      summary: '录入维保记录',
      access: { permission: 'safety.record_maintenance', scope: 'org_or_enterprise' },
      request: { params: idParamsSchema, body: jsonBody(recordMaintenanceBodySchema) },
      responses: okJson(maintenanceItemSchema, '已录入', 201),
    }),
    async (c) => c.json(await recordMaintenance(c.var.db, { ...ctxOf(c), deviceId: c.req.valid('param').id, input: c.req.valid('json') }), 201),
  );

  r.openapi(
    defineRoute({
      method: 'get',
      path: '/equipment/{id}/maintenance-gaps',
      tags,
      summary: '电梯维保间隔检查（至少每15日一次）',
      access: read,
      request: { params: idParamsSchema, query: maintenanceGapsQuerySchema },
      responses: okJson(maintenanceGapsSchema, '超过15日的间隔'),
    }),
    async (c) => c.json(await getMaintenanceGaps(c.var.db, { ...ctxOf(c), deviceId: c.req.valid('param').id, ...c.req.valid('query') }), 200),
  );

  // ── operator certificates ──
  r.openapi(
    defineRoute({
      method: 'get',
      path: '/equipment/certificates',
      tags,
      summary: '作业人员证（有效/即将到期/已过期）',
      access: read,
      request: { query: certificateListQuerySchema },
      responses: okJson(certificatePageSchema, '证书分页'),
    }),
    async (c) => c.json(await listCertificates(c.var.db, { ...ctxOf(c), query: c.req.valid('query') }), 200),
  );

  r.openapi(
    defineRoute({ method: 'get', path: '/equipment/certificates/export.xlsx', tags, summary: '导出作业人员证', access: read, request: { query: certificateListQuerySchema }, responses: xlsxResponse }),
    async (c) =>
      xlsxDownload(exportFileName('特种设备作业人员证', c.var.deps.clock.now()), {
        sheetName: '作业人员证',
        columns: [
          { header: '姓名', width: 10, value: (x) => x.personName },
          { header: '证书编号', width: 20, value: (x) => x.certificateNo },
          { header: '作业项目', width: 12, value: (x) => x.workItemName ?? x.workItemCode },
          { header: '发证日期', width: 12, value: (x) => x.issuedOn },
          { header: '有效期至', width: 12, value: (x) => x.expiresOn },
          { header: '状态', width: 10, value: (x) => certificateStatusLabels[x.status].zh },
          { header: '设备代码', width: 22, value: (x) => x.equipmentCode },
          { header: '设备名称', width: 18, value: (x) => x.productName },
        ],
        rows: iterateCertificates(c.var.db, { ...ctxOf(c), query: c.req.valid('query') }),
      }),
  );

  r.openapi(
    defineRoute({ method: 'get', path: '/equipment/certificates/{id}', tags, summary: '作业人员证详情', access: read, request: { params: idParamsSchema }, responses: okJson(certificateItemSchema, '证书') }),
    async (c) => c.json(await getCertificate(c.var.db, { ...ctxOf(c), id: c.req.valid('param').id }), 200),
  );

  r.openapi(
    defineRoute({
      method: 'patch',
      path: '/equipment/certificates/{id}',
      tags,
      summary: '修改/延续作业人员证，或标记离岗（isActive=false）',
      access: { permission: 'safety.manage_operators', scope: 'org_or_enterprise' },
      request: { params: idParamsSchema, body: jsonBody(updateCertificateRequestSchema) },
      responses: okJson(certificateItemSchema, '已修改'),
    }),
    async (c) => c.json(await updateCertificate(c.var.db, { ...ctxOf(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  );

  r.openapi(
    defineRoute({
      method: 'post',
      path: '/equipment/{id}/certificates',
      tags,
      summary: '登记设备的作业人员证',
      access: { permission: 'safety.manage_operators', scope: 'org_or_enterprise' },
      request: { params: idParamsSchema, body: jsonBody(operatorCertificateInputSchema) },
      responses: okJson(certificateItemSchema, '已登记', 201),
    }),
    async (c) => c.json(await createCertificate(c.var.db, { ...ctxOf(c), deviceId: c.req.valid('param').id, input: c.req.valid('json') }), 201),
  );
}

