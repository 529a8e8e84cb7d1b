import { z } from 'zod';
import { requireActor } from '../../../platform/http/access';
import type { AppEnv } from '../../../platform/http/context';
import { exportFileName, xlsxDownload, xlsxResponse } from '../../../platform/http/responses';
import { createRouter, defineRoute, idParamsSchema, jsonBody, okJson } from '../../../platform/http/router';
import type { Context } from 'hono';
import { attachmentHeader } from '../../../platform/excel/export';
import { hazardActionInputSchema } from './hazard-action-schema';
import { applyHazardAction } from './hazard-action-service';
import { hazardGradeLabels, hazardSourceLabels, hazardStatusLabels } from './hazard-enums';
import { getHazardBoard, getTownshipSummary, iterateHazards, listHazards } from './hazard-query-service';
import { createHazardInputSchema, listHazardsQuerySchema, updateHazardInputSchema } from './hazard-schema';
import { createHazard, getHazardDetail, getHazardFile, updateHazard } from './hazard-service';
import { getHazardSettings, updateHazardSettings, type HazardClock } from './hazard-settings-service';
import {
  hazardBoardSchema,
  hazardDetailSchema,
  hazardPageSchema,
  hazardSettingsSchema,
  townshipSummaryQuerySchema,
  townshipSummarySchema,
  updateHazardSettingsInputSchema,
} from './hazard-view-schema';

/**
 * 隐患闭环 API. Reading needs `safety.read`, reporting and editing `safety.report_hazard`, workflow
 * actions `safety.handle_hazard`; which action a user may take on which hazard is decided by the
 * state table and the user's relation to the hazard (403 `hazard.forbidden_actor`), and hazards outside
 * the user's scope are not found (404).
 */
export const hazardRoutes = createRouter();
const tags = ['隐患闭环 Hazards'];
const read = { permission: 'safety.read', scope: 'org_or_enterprise' } as const;
const report = { permission: 'safety.report_hazard', scope: 'org_or_enterprise' } as const;
const handle = { permission: 'safety.handle_hazard', scope: 'org_or_enterprise' } as const;

const clockOf = (c: Context<AppEnv>): HazardClock => ({ now: c.var.deps.clock.now(), timeZone: c.var.deps.config.timeZone });

// Static paths before `/hazards/{id}`.
hazardRoutes.openapi(
  defineRoute({ method: 'get', path: '/hazards', tags, summary: '隐患列表', access: read, request: { query: listHazardsQuerySchema }, responses: okJson(hazardPageSchema, '隐患分页') }),
  async (c) => c.json(await listHazards(c.var.db, { actor: requireActor(c.var.actor), query: c.req.valid('query'), clock: clockOf(c) }), 200),
);

hazardRoutes.openapi(
  defineRoute({ method: 'get', path: '/hazards/export.xlsx', tags, summary: '导出隐患（与列表相同的筛选条件）', access: read, request: { query: listHazardsQuerySchema }, responses: xlsxResponse }),
  async (c) => {
    const clock = clockOf(c);
    const rows = iterateHazards(c.var.db, { actor: requireActor(c.var.actor), query: c.req.valid('query'), clock });
    return await xlsxDownload(exportFileName('隐患清单', clock.now), {
      sheetName: '隐患清单',
      columns: [
        { header: '隐患编号', width: 20, value: (h) => h.hazardNo },
        { header: '标题', width: 36, value: (h) => h.title },
        { header: '状态', width: 10, value: (h) => hazardStatusLabels[h.status].zh },
        { header: '等级', width: 8, value: (h) => (h.grade ? hazardGradeLabels[h.grade].zh : null) },
        { header: '来源', width: 14, value: (h) => hazardSourceLabels[h.source].zh },
        { header: '属地', width: 16, value: (h) => h.orgUnitName },
        { header: '整改责任单位', width: 30, value: (h) => h.enterpriseName },
        { header: '行业监管部门', width: 20, value: (h) => h.supervisingOrgUnitName },
        { header: '整改期限', width: 12, value: (h) => h.deadline },
        { header: '逾期', width: 6, value: (h) => (h.isOverdue ? '是' : '否') },
        { header: '挂牌督办', width: 8, value: (h) => (h.isListed ? '是' : '否') },
        { header: '反弹次数', width: 8, value: (h) => h.reopenCount },
        { header: '报告人', width: 14, value: (h) => h.reportedByName },
        { header: '核定日期', width: 12, value: (h) => h.confirmedOn },
        { header: '销号日期', width: 12, value: (h) => h.closedOn },
        { header: '登记时间 (UTC)', width: 24, value: (h) => h.createdAt },
      ],
      rows,
    });
  },
);

hazardRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/hazards/board',
    tags,
    summary: '隐患看板：按状态计数（本人范围，可加列表筛选条件）',
    access: read,
    request: { query: listHazardsQuerySchema },
    responses: okJson(hazardBoardSchema, '计数'),
  }),
  async (c) => c.json(await getHazardBoard(c.var.db, { actor: requireActor(c.var.actor), query: c.req.valid('query'), clock: clockOf(c) }), 200),
);

hazardRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/hazards/township-summary',
    tags,
    summary: '乡镇隐患页：计数、逾期未改与临期隐患',
    access: { permission: 'safety.read', scope: 'org' },
    request: { query: townshipSummaryQuerySchema },
    responses: okJson(townshipSummarySchema, '乡镇汇总'),
  }),
  async (c) => c.json(await getTownshipSummary(c.var.db, { actor: requireActor(c.var.actor), query: c.req.valid('query'), clock: clockOf(c) }), 200),
);

hazardRoutes.openapi(
  defineRoute({ method: 'get', path: '/hazards/settings', tags, summary: '隐患闭环配置（整改期限、升级阶梯）', access: { permission: 'safety.read', scope: 'global' }, responses: okJson(hazardSettingsSchema, '配置') }),
  async (c) => c.json(await getHazardSettings(c.var.db), 200),
);

hazardRoutes.openapi(
  defineRoute({
    method: 'put',
    path: '/hazards/settings',
    tags,
    summary: '修改隐患闭环配置',
    access: { permission: 'safety.configure_rules', scope: 'global' },
    request: { body: jsonBody(updateHazardSettingsInputSchema) },
    responses: okJson(hazardSettingsSchema, '已修改'),
  }),
  async (c) => c.json(await updateHazardSettings(c.var.db, { actor: requireActor(c.var.actor), input: c.req.valid('json') }), 200),
);

hazardRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/hazards',
    tags,
    summary: '登记隐患（草稿，或 submit=true 直接上报）',
    access: report,
    request: { body: jsonBody(createHazardInputSchema) },
    responses: okJson(hazardDetailSchema, '已登记', 201),
  }),
  async (c) => c.json(await createHazard(c.var.db, { actor: requireActor(c.var.actor), input: c.req.valid('json'), clock: clockOf(c) }), 201),
);

hazardRoutes.openapi(
  defineRoute({ method: 'get', path: '/hazards/{id}', tags, summary: '隐患详情（含处理记录与当前用户可执行的动作）', access: read, request: { params: idParamsSchema }, responses: okJson(hazardDetailSchema, '隐患详情') }),
  async (c) => c.json(await getHazardDetail(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id, clock: clockOf(c) }), 200),
);

hazardRoutes.openapi(
  defineRoute({
    method: 'patch',
    path: '/hazards/{id}',
    tags,
    summary: '编辑隐患（不改变整改期限）',
    access: report,
    request: { params: idParamsSchema, body: jsonBody(updateHazardInputSchema) },
    responses: okJson(hazardDetailSchema, '已修改'),
  }),
  async (c) =>
    c.json(await updateHazard(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id, input: c.req.valid('json'), clock: clockOf(c) }), 200),
);

hazardRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/hazards/{id}/actions',
    tags,
    summary: '隐患处理动作（核定、下达整改通知、提交整改、复查、延期、挂牌督办、重新打开…）',
    description: '版本号过期 → 409 hazard.stale_version；当前状态不能执行 → 409 hazard.invalid_transition；无权执行 → 403 hazard.forbidden_actor。',
    access: handle,
    request: { params: idParamsSchema, body: jsonBody(hazardActionInputSchema) },
    responses: okJson(hazardDetailSchema, '处理后的隐患'),
  }),
  async (c) =>
    c.json(await applyHazardAction(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id, input: c.req.valid('json'), clock: clockOf(c) }), 200),
);

hazardRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/hazards/{id}/files/{fileId}',
    tags,
    summary: '下载隐患的照片或附件（凡能查看该隐患者均可下载）',
    access: read,
    request: { params: idParamsSchema.extend({ fileId: z.string().max(100).describe('文件 ID（须是该隐患的照片或附件）') }), query: z.object({ download: z.enum(['1', '0']).optional() }) },
    responses: { 200: { description: '文件内容', content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } } },
  }),
  async (c) => {
    const { id, fileId } = c.req.valid('param');
    const file = await getHazardFile(c.var.db, { actor: requireActor(c.var.actor), id, fileId });
    const inline = c.req.valid('query').download !== '1' && file.contentType.startsWith('image/');
    return new Response(new Uint8Array(file.content) as unknown as BodyInit, {
      headers: {
        'content-type': file.contentType,
        'content-disposition': inline ? 'inline' : attachmentHeader(file.fileName),
        'cache-control': 'private, max-age=3600',
        'x-content-type-options': 'nosniff',
      },
    });
  },
);
