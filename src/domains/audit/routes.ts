import { requireActor } from '../../platform/http/access';
import { xlsxDownload, xlsxResponse, exportFileName } from '../../platform/http/responses';
import { createRouter, defineRoute, okJson } from '../../platform/http/router';
import { auditPageSchema, listAuditQuerySchema } from './schema';
import { iterateAuditEntries, listAuditEntries } from './service';

export const auditRoutes = createRouter();

const access = { permission: 'audit.read', scope: 'org' } as const;

auditRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/audit-log',
    tags: ['审计日志 Audit'],
    summary: '浏览审计日志',
    access,
    request: { query: listAuditQuerySchema },
    responses: okJson(auditPageSchema, '审计记录分页'),
  }),
  async (c) => {
    const page = await listAuditEntries(c.var.db, { actor: requireActor(c.var.actor), query: c.req.valid('query'), timeZone: c.var.deps.config.timeZone });
    return c.json(page, 200);
  },
);

auditRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/audit-log/export.xlsx',
    tags: ['审计日志 Audit'],
    summary: '导出审计日志（与列表相同的筛选条件）',
    access,
    request: { query: listAuditQuerySchema },
    responses: xlsxResponse,
  }),
  async (c) => {
    const actor = requireActor(c.var.actor);
    const rows = iterateAuditEntries(c.var.db, { actor, query: c.req.valid('query'), timeZone: c.var.deps.config.timeZone });
    return await xlsxDownload(exportFileName('审计日志', c.var.deps.clock.now()), {
      sheetName: '审计日志',
      columns: [
        { header: '序号', width: 10, value: (e) => e.id },
        { header: '时间 (UTC)', width: 24, value: (e) => e.at },
        { header: '操作人', width: 14, value: (e) => e.actorUsername },
        { header: '角色', width: 12, value: (e) => e.actorRole },
        { header: '动作', width: 24, value: (e) => e.action },
        { header: '对象类型', width: 14, value: (e) => e.entityType },
        { header: '对象ID', width: 38, value: (e) => e.entityId },
        { header: '摘要', width: 40, value: (e) => e.summary },
        { header: '变更前', width: 50, value: (e) => (e.before === null ? null : JSON.stringify(e.before)) },
        { header: '变更后', width: 50, value: (e) => (e.after === null ? null : JSON.stringify(e.after)) },
        { header: '请求ID', width: 20, value: (e) => e.requestId },
        { header: 'IP', width: 16, value: (e) => e.ip },
      ],
      rows,
    });
  },
);
