import { invalid } from '../../shared/errors';
import { localDate } from '../clock';
import { attachmentHeader, XLSX_CONTENT_TYPE } from '../excel/export';
import { requireActor } from '../http/access';
import { xlsxDownload, xlsxResponse } from '../http/responses';
import { createRouter, defineRoute, idParamsSchema, jsonBody, okJson, type Router } from '../http/router';
import { withLimits } from './limits';
import type { ImportRegistry } from './registry';
import {
  importBatchPageSchema,
  importBatchSchema,
  importKindParamsSchema,
  listImportsQuerySchema,
  toPublicBatch,
  undoImportInputSchema,
  uploadImportFormSchema,
  uploadImportResponseSchema,
} from './schema';
import { assertMayImport, createImportBatch, getImportBatch, iterateImportErrors, listImportBatches, undoImportBatch } from './service';
import { importModes, type ImportMode } from './types';

/**
 * Routes of the generic import engine (one set for every import kind):
 * template download, upload (→ a job), history, one batch, its error report, undo.
 */
const tags = ['数据导入 Imports'];
const access = { permission: 'imports.manage', scope: 'org' } as const;
const UPLOAD_BODY_MAX = 21 * 1024 * 1024;

export function createImportRoutes(registry: ImportRegistry): Router {
  const routes = createRouter();
  const label = (kind: string) => registry.find(kind)?.label ?? kind;

  routes.openapi(
    defineRoute({
      method: 'get',
      path: '/imports/{kind}/template.xlsx',
      tags,
      summary: '下载导入模板（中文表头、示例行、下拉选项、填写说明）',
      access,
      request: { params: importKindParamsSchema },
      responses: xlsxResponse,
    }),
    async (c) => {
      const actor = requireActor(c.var.actor);
      const kind = registry.get(c.req.valid('param').kind);
      assertMayImport(actor, kind);
      const { clock, config } = c.var.deps;
      const bytes = await kind.buildTemplate(c.var.db, { actor, today: localDate(clock.now(), config.timeZone) });
      return new Response(new Uint8Array(bytes), {
        status: 200,
        headers: { 'content-type': XLSX_CONTENT_TYPE, 'content-disposition': attachmentHeader(`${kind.label}导入模板.xlsx`), 'cache-control': 'no-store' },
      });
    },
  );

  routes.openapi(
    defineRoute({
      method: 'post',
      path: '/imports/{kind}',
      tags,
      summary: '上传导入文件（xlsx 或 csv）；立即检查文件，随后由后台任务逐行校验并写入',
      access,
      maxBodyBytes: UPLOAD_BODY_MAX,
      request: { params: importKindParamsSchema, body: { content: { 'multipart/form-data': { schema: uploadImportFormSchema } }, required: true } },
      responses: { 202: { description: '已接收，后台处理中（轮询 /jobs/{jobId}）', content: { 'application/json': { schema: uploadImportResponseSchema } } } },
    }),
    async (c) => {
      const actor = requireActor(c.var.actor);
      let form: FormData;
      try {
        form = await c.req.formData();
      } catch {
        throw invalid('import.bad_form', '请以 multipart/form-data 上传，字段 file（必填）、mode、dryRun');
      }
      const file = form.get('file');
      if (!(file instanceof File)) throw invalid('import.file_missing', '缺少文件字段 file');
      const modeValue = form.get('mode') ?? 'all_or_nothing';
      if (typeof modeValue !== 'string' || !(importModes as readonly string[]).includes(modeValue)) {
        throw invalid('import.bad_mode', 'mode 只能是 all_or_nothing（全部正确才导入）或 valid_only（只导入正确行）');
      }
      const dryRunValue = form.get('dryRun') ?? 'false';
      if (dryRunValue !== 'true' && dryRunValue !== 'false') throw invalid('import.bad_dry_run', 'dryRun 只能是 true 或 false');
      const { batch, job } = await createImportBatch(c.var.db, registry, {
        actor,
        input: { kind: c.req.valid('param').kind, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()), mode: modeValue as ImportMode, dryRun: dryRunValue === 'true' },
        limits: withLimits({ maxBytes: c.var.deps.config.limits.upload }),
      });
      return c.json({ batch: toPublicBatch(batch, label(batch.kind)), jobId: job?.id ?? null }, 202);
    },
  );

  routes.openapi(
    defineRoute({ method: 'get', path: '/imports', tags, summary: '导入历史', access, request: { query: listImportsQuerySchema }, responses: okJson(importBatchPageSchema, '导入批次分页') }),
    async (c) => {
      const query = c.req.valid('query');
      const page = await listImportBatches(c.var.db, {
        actor: requireActor(c.var.actor),
        query: {
          ...query,
          from: query.from ? `${query.from}T00:00:00Z` : undefined,
          to: query.to ? new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000).toISOString() : undefined,
        },
      });
      return c.json({ ...page, items: page.items.map((b) => toPublicBatch(b, label(b.kind))) }, 200);
    },
  );

  routes.openapi(
    defineRoute({ method: 'get', path: '/imports/{id}', tags, summary: '导入批次详情', access, request: { params: idParamsSchema }, responses: okJson(importBatchSchema, '导入批次') }),
    async (c) => {
      const batch = await getImportBatch(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id });
      return c.json(toPublicBatch(batch, label(batch.kind)), 200);
    },
  );

  routes.openapi(
    defineRoute({
      method: 'get',
      path: '/imports/{id}/errors.xlsx',
      tags,
      summary: '下载错误报告（原始行 + 错误说明，可改正后重新上传）',
      access,
      request: { params: idParamsSchema },
      responses: xlsxResponse,
    }),
    async (c) => {
      const batch = await getImportBatch(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id });
      const width = batch.headers.length;
      const columns = [
        ...batch.headers.map((header, i) => ({ header, width: 18, value: (r: { cells: Array<string | null> }) => r.cells[i] ?? null })),
        { header: '原行号', width: 8, value: (r: { rowNo: number }) => r.rowNo },
        { header: '错误说明', width: 60, value: (r: { messages: string[] }) => r.messages.join('；') },
      ];
      const base = batch.fileName.replace(/\.(xlsx|csv)$/i, '');
      return xlsxDownload(`${base}-错误报告.xlsx`, {
        sheetName: '错误报告',
        columns: width > 0 ? columns : columns.slice(-2),
        rows: iterateImportErrors(c.var.db, batch.id),
      });
    },
  );

  routes.openapi(
    defineRoute({
      method: 'post',
      path: '/imports/{id}/undo',
      tags,
      summary: '撤销整批导入（删除新增、恢复更新；导入后又被修改过的批次不能撤销）',
      access,
      request: { params: idParamsSchema, body: jsonBody(undoImportInputSchema) },
      responses: okJson(importBatchSchema, '已撤销'),
    }),
    async (c) => {
      const batch = await undoImportBatch(c.var.db, registry, { actor: requireActor(c.var.actor), id: c.req.valid('param').id, version: c.req.valid('json').version });
      return c.json(toPublicBatch(batch, label(batch.kind)), 200);
    },
  );

  return routes;
}
