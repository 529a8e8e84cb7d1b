import type { Context } from 'hono';
import { localDate } from '../../platform/clock';
import { requireActor } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/context';
import { exportFileName, xlsxDownload, xlsxResponse } from '../../platform/http/responses';
import { createRouter, defineRoute, idParamsSchema, jsonBody, okJson } from '../../platform/http/router';
import { enterpriseExportColumns } from './export-columns';
import { getEnterpriseHistory } from './history-service';
import { createEnterpriseInputSchema, listEnterprisesQuerySchema, updateEnterpriseInputSchema, usccCalcRequestSchema, usccCalcResponseSchema } from './schema';
import { changeEnterpriseStatus, createEnterprise, getEnterpriseDetail, iterateEnterprises, listEnterprises, updateEnterprise, updateEnterpriseContacts } from './service';
import { checkUscc } from './uscc-rules';
import {
  changeEnterpriseStatusInputSchema,
  enterpriseDetailSchema,
  enterpriseHistoryPageSchema,
  enterpriseHistoryQuerySchema,
  enterprisePageSchema,
  updateEnterpriseContactsInputSchema,
} from './view-schema';

export const enterpriseRoutes = createRouter();
const tags = ['企业名录 Enterprises'];
const read = { permission: 'enterprises.read', scope: 'org_or_enterprise' } as const;
const manage = { permission: 'enterprises.manage', scope: 'org' } as const;
const register = { permission: 'enterprises.register', scope: 'org' } as const;
const contacts = { permission: 'enterprises.contacts', scope: 'org_or_enterprise' } as const;

function today(c: Context<AppEnv>): string {
  return localDate(c.var.deps.clock.now(), c.var.deps.config.timeZone);
}

enterpriseRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/enterprises',
    tags,
    summary: '企业列表（名称/曾用名模糊检索、信用代码、属地含下级、行业任一级、规模、状态、高企、标签；可排序）',
    access: read,
    request: { query: listEnterprisesQuerySchema },
    responses: okJson(enterprisePageSchema, '企业分页'),
  }),
  async (c) => c.json(await listEnterprises(c.var.db, { actor: requireActor(c.var.actor), query: c.req.valid('query'), today: today(c) }), 200),
);

enterpriseRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/enterprises/export.xlsx',
    tags,
    summary: '导出企业列表（与列表相同的筛选条件；表头与导入模板一致，可改后重新导入）',
    access: read,
    request: { query: listEnterprisesQuerySchema },
    responses: xlsxResponse,
  }),
  async (c) => {
    const rows = iterateEnterprises(c.var.db, { actor: requireActor(c.var.actor), query: c.req.valid('query'), today: today(c) });
    return xlsxDownload(exportFileName('企业名录', c.var.deps.clock.now()), { sheetName: '企业信息', columns: enterpriseExportColumns, rows });
  },
);

enterpriseRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/enterprises/{id}',
    tags,
    summary: '企业详情（含属地名称与路径、行业路径、数据来源、当前用户可做的操作）',
    access: read,
    request: { params: idParamsSchema },
    responses: okJson(enterpriseDetailSchema, '企业详情'),
  }),
  async (c) => c.json(await getEnterpriseDetail(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id, today: today(c) }), 200),
);

enterpriseRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/enterprises/{id}/history',
    tags,
    summary: '企业变更历史（审计记录与导入批次，最新在前）',
    access: read,
    request: { params: idParamsSchema, query: enterpriseHistoryQuerySchema },
    responses: okJson(enterpriseHistoryPageSchema, '变更记录'),
  }),
  async (c) => {
    const { page, pageSize } = c.req.valid('query');
    const history = await getEnterpriseHistory(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id, page, pageSize, timeZone: c.var.deps.config.timeZone });
    return c.json(history, 200);
  },
);

enterpriseRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/enterprises',
    tags,
    summary: '新建企业（属地须在本辖区内）',
    access: manage,
    request: { body: jsonBody(createEnterpriseInputSchema) },
    responses: okJson(enterpriseDetailSchema, '已创建', 201),
  }),
  async (c) => {
    const actor = requireActor(c.var.actor);
    const created = await createEnterprise(c.var.db, { actor, input: c.req.valid('json'), today: today(c) });
    return c.json(await getEnterpriseDetail(c.var.db, { actor, id: created.id, today: today(c) }), 201);
  },
);

enterpriseRoutes.openapi(
  defineRoute({
    method: 'patch',
    path: '/enterprises/{id}',
    tags,
    summary: '修改企业（只传要改的字段与 version；登记信息只能由市场监管局修改）',
    access: manage,
    request: { params: idParamsSchema, body: jsonBody(updateEnterpriseInputSchema) },
    responses: okJson(enterpriseDetailSchema, '已修改'),
  }),
  async (c) => {
    const actor = requireActor(c.var.actor);
    const updated = await updateEnterprise(c.var.db, { actor, id: c.req.valid('param').id, input: c.req.valid('json'), today: today(c) });
    return c.json(await getEnterpriseDetail(c.var.db, { actor, id: updated.id, today: today(c) }), 200);
  },
);

enterpriseRoutes.openapi(
  defineRoute({
    method: 'put',
    path: '/enterprises/{id}/contacts',
    tags,
    summary: '修改企业联系人（企业用户可修改本企业的联系人）',
    access: contacts,
    request: { params: idParamsSchema, body: jsonBody(updateEnterpriseContactsInputSchema) },
    responses: okJson(enterpriseDetailSchema, '已修改'),
  }),
  async (c) => {
    const actor = requireActor(c.var.actor);
    const updated = await updateEnterpriseContacts(c.var.db, { actor, id: c.req.valid('param').id, input: c.req.valid('json'), today: today(c) });
    return c.json(await getEnterpriseDetail(c.var.db, { actor, id: updated.id, today: today(c) }), 200);
  },
);

enterpriseRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/enterprises/{id}/status',
    tags,
    summary: '变更登记状态（存续/注销/吊销/迁出），须写明原因',
    access: register,
    request: { params: idParamsSchema, body: jsonBody(changeEnterpriseStatusInputSchema) },
    responses: okJson(enterpriseDetailSchema, '已变更'),
  }),
  async (c) => {
    const actor = requireActor(c.var.actor);
    const updated = await changeEnterpriseStatus(c.var.db, { actor, id: c.req.valid('param').id, input: c.req.valid('json'), today: today(c) });
    return c.json(await getEnterpriseDetail(c.var.db, { actor, id: updated.id, today: today(c) }), 200);
  },
);

enterpriseRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/calc/uscc',
    tags: ['计算器 Calculators'],
    summary: '统一社会信用代码校验（GB 32100-2015；无需登录，与企业名录使用同一规则）',
    access: { public: true },
    request: { body: jsonBody(usccCalcRequestSchema) },
    responses: okJson(usccCalcResponseSchema, '校验结果'),
  }),
  async (c) => c.json(checkUscc(c.req.valid('json').code), 200),
);
