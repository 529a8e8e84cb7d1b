import { z } from 'zod';
import { requireActor } from '../../platform/http/access';
import { attachmentHeader } from '../../platform/excel/export';
import { exportFileName, xlsxDownload, xlsxResponse } from '../../platform/http/responses';
import { defineRoute, idParamsSchema, jsonBody, okJson, pageSchema, type Router } from '../../platform/http/router';
import { listNotices, sendUrgings } from './notice-service';
import { peerGroupLabels } from './item-rules';
import { contextOf, manageAccess, readAccess, reportAccess, reviewAccess, tags } from './plan-routes';
import {
  createProgressReportInputSchema,
  itemValuesSchema,
  listNoticesQuerySchema,
  listProgressReportsQuerySchema,
  noticeSchemaOut,
  progressBoardQuerySchema,
  progressBoardSchema,
  progressReportSchemaOut,
  reportingRatesQuerySchema,
  reportingRatesSchema,
  reviewProgressReportInputSchema,
  sendUrgingInputSchema,
  snapshotInputSchema,
  updateProgressReportInputSchema,
} from './progress-schema';
import { getItemValues, getProgressBoard, snapshotMetricValues } from './board-service';
import { createProgressReport, getProgressReport, getReportingRates, listProgressReports, reviewProgressReport, updateProgressReport } from './progress-service';
import { getEvidenceFile } from './publication-service';

const timelinessText = { on_time: '按时', late: '逾期', missing: '未报', not_due: '未到期' } as const;
const statusText = { draft: '草稿', submitted: '已报送', returned: '已退回', accepted: '已通过' } as const;

export function registerProgressRoutes(router: Router): void {
  router.openapi(
    defineRoute({ method: 'get', path: '/targets/plans/{id}/progress-reports', tags, summary: '进度报送列表', access: readAccess, request: { params: idParamsSchema, query: listProgressReportsQuerySchema }, responses: okJson(pageSchema(progressReportSchemaOut), '报送分页') }),
    async (c) => c.json(await listProgressReports(c.var.db, { ...contextOf(c), planId: c.req.valid('param').id, query: c.req.valid('query') }), 200),
  );

  router.openapi(
    defineRoute({ method: 'get', path: '/targets/plans/{id}/progress-reports/export.xlsx', tags, summary: '导出进度报送', access: readAccess, request: { params: idParamsSchema, query: listProgressReportsQuerySchema }, responses: xlsxResponse }),
    async (c) => {
      const ctx = contextOf(c);
      const planId = c.req.valid('param').id;
      const query = c.req.valid('query');
      const db = c.var.db;
      const first = await listProgressReports(db, { ...ctx, planId, query: { ...query, page: 1, pageSize: 500 } });
      return xlsxDownload(exportFileName('目标进度报送', ctx.now), {
        sheetName: '进度报送',
        columns: [
          { header: '报送期', value: (r) => r.periodLabel },
          { header: '单位', value: (r) => r.orgUnitName, width: 20 },
          { header: '指标编码', value: (r) => r.indicatorCode },
          { header: '指标名称', value: (r) => r.indicatorName, width: 36 },
          { header: '累计完成', value: (r) => r.actualText },
          { header: '状态', value: (r) => statusText[r.status] },
          { header: '及时性', value: (r) => timelinessText[r.timeliness] },
          { header: '截止日', value: (r) => r.deadline },
          { header: '首次报送时间', value: (r) => r.firstSubmittedAt },
          { header: '报送人', value: (r) => r.submittedByName },
          { header: '说明', value: (r) => r.note, width: 40 },
        ],
        rows: (async function* () {
          yield* first.items;
          for (let page = 2; (page - 1) * 500 < first.total; page += 1) yield* (await listProgressReports(db, { ...ctx, planId, query: { ...query, page, pageSize: 500 } })).items;
        })(),
      });
    },
  );

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/targets/progress-reports',
      tags,
      summary: '报送本单位一个考核事项的进度（可附佐证材料）',
      access: reportAccess,
      request: { body: jsonBody(createProgressReportInputSchema) },
      responses: okJson(progressReportSchemaOut, '已保存', 201),
    }),
    async (c) => c.json(await createProgressReport(c.var.db, { ...contextOf(c), input: c.req.valid('json') }), 201),
  );

  router.openapi(
    defineRoute({ method: 'get', path: '/targets/progress-reports/{id}', tags, summary: '进度报送详情', access: readAccess, request: { params: idParamsSchema }, responses: okJson(progressReportSchemaOut, '报送记录') }),
    async (c) => c.json(await getProgressReport(c.var.db, { ...contextOf(c), id: c.req.valid('param').id }), 200),
  );

  router.openapi(
    defineRoute({
      method: 'patch',
      path: '/targets/progress-reports/{id}',
      tags,
      summary: '修改或报送进度（草稿或已退回时）',
      access: reportAccess,
      request: { params: idParamsSchema, body: jsonBody(updateProgressReportInputSchema) },
      responses: okJson(progressReportSchemaOut, '已保存'),
    }),
    async (c) => c.json(await updateProgressReport(c.var.db, { ...contextOf(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  );

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/targets/progress-reports/{id}/reviews',
      tags,
      summary: '牵头部门审核进度报送（通过或退回）',
      access: reviewAccess,
      request: { params: idParamsSchema, body: jsonBody(reviewProgressReportInputSchema) },
      responses: okJson(progressReportSchemaOut, '已审核'),
    }),
    async (c) => c.json(await reviewProgressReport(c.var.db, { ...contextOf(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  );

  router.openapi(
    defineRoute({ method: 'get', path: '/targets/plans/{id}/reporting-rates', tags, summary: '各单位报送率与及时率', access: readAccess, request: { params: idParamsSchema, query: reportingRatesQuerySchema }, responses: okJson(reportingRatesSchema, '报送率') }),
    async (c) => c.json(await getReportingRates(c.var.db, { ...contextOf(c), planId: c.req.valid('param').id, ...c.req.valid('query') }), 200),
  );

  router.openapi(
    defineRoute({ method: 'get', path: '/targets/plans/{id}/reporting-rates/export.xlsx', tags, summary: '导出报送率与及时率', access: readAccess, request: { params: idParamsSchema, query: reportingRatesQuerySchema }, responses: xlsxResponse }),
    async (c) => {
      const ctx = contextOf(c);
      const rates = await getReportingRates(c.var.db, { ...ctx, planId: c.req.valid('param').id, ...c.req.valid('query') });
      return xlsxDownload(exportFileName('报送率与及时率', ctx.now), {
        sheetName: '报送率',
        caption: `统计日 ${rates.asOf}${rates.periodKey ? `，报送期 ${rates.periodKey}` : ''}`,
        columns: [
          { header: '单位', value: (u) => u.orgUnitName, width: 20 },
          { header: '组别', value: (u) => peerGroupLabels[u.peerGroup].zh },
          { header: '应报', value: (u) => u.expected },
          { header: '已报', value: (u) => u.submitted },
          { header: '按时', value: (u) => u.onTime },
          { header: '逾期', value: (u) => u.late },
          { header: '未报', value: (u) => u.missing },
          { header: '报送率%', value: (u) => (u.ratePercent === null ? null : Number(u.ratePercent)) },
          { header: '及时率%', value: (u) => (u.onTimeRatePercent === null ? null : Number(u.onTimeRatePercent)) },
        ],
        rows: (async function* () {
          yield* rates.units;
        })(),
      });
    },
  );

  router.openapi(
    defineRoute({ method: 'get', path: '/targets/plans/{id}/progress-board', tags, summary: '进度看板：单位×指标的数值、序时进度与红黄绿灯', access: readAccess, request: { params: idParamsSchema, query: progressBoardQuerySchema }, responses: okJson(progressBoardSchema, '进度看板') }),
    async (c) => c.json(await getProgressBoard(c.var.db, { ...contextOf(c), planId: c.req.valid('param').id, registry: c.var.deps.metrics, ...c.req.valid('query') }), 200),
  );

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/targets/assignments/{id}/values',
      tags,
      summary: '事项数值溯源：实时值与来源、历次快照、报送记录',
      access: readAccess,
      request: { params: idParamsSchema, query: z.object({ asOf: z.iso.date().optional() }) },
      responses: okJson(itemValuesSchema, '数值与来源'),
    }),
    async (c) => c.json(await getItemValues(c.var.db, { ...contextOf(c), id: c.req.valid('param').id, registry: c.var.deps.metrics, ...c.req.valid('query') }), 200),
  );

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/targets/plans/{id}/metric-snapshots',
      tags,
      summary: '保存当前平台指标值快照（附来源）',
      access: manageAccess,
      request: { params: idParamsSchema, body: jsonBody(snapshotInputSchema) },
      responses: okJson(z.object({ stored: z.number().int(), asOf: z.string() }), '已保存'),
    }),
    async (c) => c.json(await snapshotMetricValues(c.var.db, { ...contextOf(c), planId: c.req.valid('param').id, registry: c.var.deps.metrics, ...c.req.valid('json') }), 200),
  );

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/targets/plans/{id}/urgings',
      tags,
      summary: '向进度滞后的单位发督办通知',
      access: manageAccess,
      request: { params: idParamsSchema, body: jsonBody(sendUrgingInputSchema) },
      responses: okJson(z.object({ sent: z.number().int(), skipped: z.number().int() }), '已发送'),
    }),
    async (c) => c.json(await sendUrgings(c.var.db, { ...contextOf(c), planId: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  );

  router.openapi(
    defineRoute({ method: 'get', path: '/targets/plans/{id}/notices', tags, summary: '报送提醒与督办记录', access: readAccess, request: { params: idParamsSchema, query: listNoticesQuerySchema }, responses: okJson(pageSchema(noticeSchemaOut), '提醒与督办') }),
    async (c) => c.json(await listNotices(c.var.db, { actor: requireActor(c.var.actor), planId: c.req.valid('param').id, ...c.req.valid('query') }), 200),
  );

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/targets/evidence/{id}',
      tags,
      summary: '下载考核事项的佐证材料（本单位或牵头部门可见）',
      access: readAccess,
      request: { params: idParamsSchema },
      responses: { 200: { description: '文件内容', content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } } },
    }),
    async (c) => {
      const file = await getEvidenceFile(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id });
      return new Response(new Uint8Array(file.content) as unknown as BodyInit, {
        headers: { 'content-type': file.contentType, 'content-disposition': attachmentHeader(file.fileName), 'cache-control': 'private, max-age=3600', 'x-content-type-options': 'nosniff' },
      });
    },
  );
}
