import { z } from 'zod';
import { withScope } from '../../shared/actor';
import { requireActor } from '../../platform/http/access';
import { createRouter, defineRoute, idParamsSchema, jsonBody, okJson } from '../../platform/http/router';
import { auditPageSchema, listAuditEntries } from '../audit';
import {
  createOrgUnitInputSchema,
  listOrgUnitsQuerySchema,
  moveOrgUnitInputSchema,
  orgTreeNodeSchema,
  orgUnitDetailSchema,
  orgUnitOptionSchema,
  orgUnitPageSchema,
  orgUnitSchema,
  setOrgUnitActiveInputSchema,
  updateOrgUnitInputSchema,
} from './schema';
import { createOrgUnit, getOrgTree, getOrgUnit, getOrgUnitDetail, iterateOrgUnits, listOrgUnitOptions, listOrgUnits, moveOrgUnit, setOrgUnitActive, updateOrgUnit } from './service';
import { exportFileName, xlsxDownload, xlsxResponse } from '../../platform/http/responses';
import { orgUnitKindLabels } from '../../shared/roles';

export const orgRoutes = createRouter();
const tags = ['组织机构 Org units'];
const read = { permission: 'org.read', scope: 'org' } as const;
const manage = { permission: 'org.manage', scope: 'org' } as const;

orgRoutes.openapi(
  defineRoute({ method: 'get', path: '/org-units', tags, summary: '单位列表', access: read, request: { query: listOrgUnitsQuerySchema }, responses: okJson(orgUnitPageSchema, '单位分页') }),
  async (c) => c.json(await listOrgUnits(c.var.db, { actor: requireActor(c.var.actor), query: c.req.valid('query') }), 200),
);

orgRoutes.openapi(
  defineRoute({ method: 'get', path: '/org-units/export.xlsx', tags, summary: '导出单位（与列表相同的筛选条件）', access: read, request: { query: listOrgUnitsQuerySchema }, responses: xlsxResponse }),
  async (c) =>
    await xlsxDownload(exportFileName('组织机构', c.var.deps.clock.now()), {
      sheetName: '组织机构',
      columns: [
        { header: '名称', width: 30, value: (u) => u.name },
        { header: '简称', width: 12, value: (u) => u.shortName },
        { header: '编码', width: 22, value: (u) => u.code },
        { header: '类型', width: 12, value: (u) => orgUnitKindLabels[u.kind].zh },
        { header: '行政区划代码', width: 14, value: (u) => u.regionCode },
        { header: '层级', width: 6, value: (u) => u.depth },
        { header: '联系人', width: 12, value: (u) => u.contactPerson },
        { header: '电话', width: 16, value: (u) => u.contactPhone },
        { header: '地址', width: 30, value: (u) => u.address },
        { header: '状态', width: 8, value: (u) => (u.isActive ? '启用' : '停用') },
      ],
      rows: iterateOrgUnits(c.var.db, { actor: requireActor(c.var.actor), query: c.req.valid('query') }),
    }),
);

orgRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/org-units/tree',
    tags,
    summary: '组织机构树（本人可见范围）',
    access: read,
    request: { query: z.object({ includeInactive: z.enum(['true', 'false']).default('false') }) },
    responses: okJson(z.array(orgTreeNodeSchema), '树的根节点'),
  }),
  async (c) => c.json(await getOrgTree(c.var.db, { actor: requireActor(c.var.actor), includeInactive: c.req.valid('query').includeInactive === 'true' }), 200),
);

orgRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/org-units/options',
    tags,
    summary: '全部启用单位的名称（选择器用）',
    access: { permission: 'authenticated', scope: 'global' },
    responses: okJson(z.array(orgUnitOptionSchema), '单位名称列表'),
  }),
  async (c) => c.json(await listOrgUnitOptions(c.var.db), 200),
);

orgRoutes.openapi(
  defineRoute({ method: 'get', path: '/org-units/{id}', tags, summary: '单位详情', access: read, request: { params: idParamsSchema }, responses: okJson(orgUnitDetailSchema, '单位详情') }),
  async (c) => c.json(await getOrgUnitDetail(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id }), 200),
);

orgRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/org-units/{id}/history',
    tags,
    summary: '单位变更历史',
    access: read,
    request: { params: idParamsSchema, query: z.object({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) }) },
    responses: okJson(auditPageSchema, '变更记录'),
  }),
  async (c) => {
    const actor = requireActor(c.var.actor);
    const unit = await getOrgUnit(c.var.db, { actor, id: c.req.valid('param').id });
    const { page, pageSize } = c.req.valid('query');
    const history = await listAuditEntries(c.var.db, {
      actor: withScope(actor, { kind: 'all' }),
      query: { entityType: 'org_unit', entityId: unit.id, page, pageSize, sort: '-at' },
      timeZone: c.var.deps.config.timeZone,
    });
    return c.json(history, 200);
  },
);

orgRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/org-units',
    tags,
    summary: '新建单位',
    access: manage,
    request: { body: jsonBody(createOrgUnitInputSchema) },
    responses: okJson(orgUnitSchema, '已创建', 201),
  }),
  async (c) => c.json(await createOrgUnit(c.var.db, { actor: requireActor(c.var.actor), input: c.req.valid('json') }), 201),
);

orgRoutes.openapi(
  defineRoute({
    method: 'patch',
    path: '/org-units/{id}',
    tags,
    summary: '修改或更名单位',
    access: manage,
    request: { params: idParamsSchema, body: jsonBody(updateOrgUnitInputSchema) },
    responses: okJson(orgUnitSchema, '已修改'),
  }),
  async (c) => c.json(await updateOrgUnit(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
);

orgRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/org-units/{id}/move',
    tags,
    summary: '调整上级单位',
    access: manage,
    request: { params: idParamsSchema, body: jsonBody(moveOrgUnitInputSchema) },
    responses: okJson(orgUnitSchema, '已移动'),
  }),
  async (c) => c.json(await moveOrgUnit(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
);

orgRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/org-units/{id}/activation',
    tags,
    summary: '停用或启用单位',
    access: manage,
    request: { params: idParamsSchema, body: jsonBody(setOrgUnitActiveInputSchema) },
    responses: okJson(orgUnitSchema, '已停用/启用'),
  }),
  async (c) => c.json(await setOrgUnitActive(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
);
