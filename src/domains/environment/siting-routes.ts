import { z } from 'zod';
import { requireActor } from '../../platform/http/access';
import { attachmentHeader } from '../../platform/excel/export';
import { exportFileName, xlsxDownload, xlsxResponse } from '../../platform/http/responses';
import { defineRoute, idParamsSchema, jsonBody, okJson, type Router } from '../../platform/http/router';
import { sitingOutcomeLabels } from './geo/control-rules';
import { buildSitingPrintView, renderSitingReportDocx } from './siting-report';
import {
  listSitingChecksQuerySchema, sitingBatchInputSchema, sitingBatchResultSchema, sitingCheckInputSchema, sitingCheckResultSchema, sitingHistoryPageSchema,
  sitingPrintViewSchema, type SitingHistoryItem,
} from './siting-schema';
import { getSitingBatch, getSitingCheckResult, iterateSitingChecks, listSitingChecks, runSitingBatch, runSitingCheck } from './siting-service';

const tags = ['选址核查 Siting checks'];
const siting = { permission: 'environment.siting', scope: 'org' } as const;
export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function registerSitingRoutes(router: Router): void {
  router.openapi(
    defineRoute({
      method: 'post',
      path: '/environment/siting-checks',
      tags,
      summary: '项目选址核查（点、线、面；GeoJSON 或坐标）',
      description: '结论为相交管控区中最严格的结果；列出每个相交区的重叠面积与占比；不相交时给出最近管控区及距离；附规则追溯。记录保存在核查历史中。',
      access: siting,
      maxBodyBytes: 4 * 1024 * 1024,
      request: { body: jsonBody(sitingCheckInputSchema) },
      responses: okJson(sitingCheckResultSchema, '核查结果', 201),
    }),
    async (c) => c.json(await runSitingCheck(c.var.db, { actor: requireActor(c.var.actor), input: c.req.valid('json') }), 201),
  );
  router.openapi(
    defineRoute({
      method: 'post',
      path: '/environment/siting-checks/batch',
      tags,
      summary: '批量选址核查（FeatureCollection）',
      access: siting,
      maxBodyBytes: 20 * 1024 * 1024,
      request: { body: jsonBody(sitingBatchInputSchema) },
      responses: okJson(sitingBatchResultSchema, '批量结果', 201),
    }),
    async (c) => c.json(await runSitingBatch(c.var.db, { actor: requireActor(c.var.actor), input: c.req.valid('json') }), 201),
  );
  router.openapi(
    defineRoute({ method: 'get', path: '/environment/siting-checks', tags, summary: '选址核查历史', access: siting, request: { query: listSitingChecksQuerySchema }, responses: okJson(sitingHistoryPageSchema, '分页') }),
    async (c) => c.json(await listSitingChecks(c.var.db, { actor: requireActor(c.var.actor), query: c.req.valid('query'), timeZone: c.var.deps.config.timeZone }), 200),
  );
  router.openapi(
    defineRoute({ method: 'get', path: '/environment/siting-checks/export.xlsx', tags, summary: '导出选址核查历史', access: siting, request: { query: listSitingChecksQuerySchema }, responses: xlsxResponse }),
    async (c) => {
      const { page: _p, pageSize: _s, ...query } = c.req.valid('query');
      return xlsxDownload<SitingHistoryItem>(exportFileName('选址核查历史', c.var.deps.clock.now()), {
        sheetName: '选址核查',
        columns: [
          { header: '核查时间', value: (h) => new Date(h.createdAt), width: 20 },
          { header: '类型', value: (h) => (h.kind === 'batch' ? '批量' : '单个') },
          { header: '项目名称', value: (h) => h.projectName, width: 30 },
          { header: '项目类型', value: (h) => h.projectType },
          { header: '结论', value: (h) => sitingOutcomeLabels[h.verdict] },
          { header: '项目数', value: (h) => h.itemCount },
          { header: '核查人', value: (h) => h.createdByName },
        ],
        rows: iterateSitingChecks(c.var.db, { actor: requireActor(c.var.actor), query, timeZone: c.var.deps.config.timeZone }),
      });
    },
  );
  router.openapi(
    defineRoute({ method: 'get', path: '/environment/siting-checks/{id}', tags, summary: '单个选址核查结果', access: siting, request: { params: idParamsSchema }, responses: okJson(sitingCheckResultSchema, '结果') }),
    async (c) => c.json((await getSitingCheckResult(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id })).result, 200),
  );
  router.openapi(
    defineRoute({ method: 'get', path: '/environment/siting-checks/{id}/batch', tags, summary: '批量选址核查结果', access: siting, request: { params: idParamsSchema }, responses: okJson(sitingBatchResultSchema, '结果') }),
    async (c) => c.json(await getSitingBatch(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id }), 200),
  );
  router.openapi(
    defineRoute({ method: 'get', path: '/environment/siting-checks/{id}/print', tags, summary: '选址核查报告（打印视图数据，含地图要素）', access: siting, request: { params: idParamsSchema }, responses: okJson(sitingPrintViewSchema, '报告数据') }),
    async (c) => c.json(await buildSitingPrintView(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id, now: c.var.deps.clock.now() }), 200),
  );
  router.openapi(
    defineRoute({
      method: 'get',
      path: '/environment/siting-checks/{id}/report.docx',
      tags,
      summary: '选址核查报告（Word）',
      access: siting,
      request: { params: idParamsSchema },
      responses: { 200: { description: 'Word 文件', content: { [DOCX_CONTENT_TYPE]: { schema: z.string().meta({ format: 'binary' }) } } } },
    }),
    async (c) => {
      const view = await buildSitingPrintView(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id, now: c.var.deps.clock.now() });
      const buffer = await renderSitingReportDocx(view, c.var.deps.config.timeZone);
      const name = `生态红线选址核查报告-${exportFileName(view.check.projectName ?? view.check.id.slice(0, 8), c.var.deps.clock.now()).replace(/\.xlsx$/, '.docx')}`;
      return new Response(new Uint8Array(buffer), {
        status: 200,
        headers: { 'content-type': DOCX_CONTENT_TYPE, 'content-disposition': attachmentHeader(name), 'cache-control': 'no-store' },
      });
    },
  );
}
