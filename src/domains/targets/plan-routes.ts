import type { Context } from 'hono';
import { z } from 'zod';
import { requireActor } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/context';
import { exportFileName, xlsxDownload, xlsxResponse } from '../../platform/http/responses';
import { defineRoute, idParamsSchema, jsonBody, okJson, pageSchema, type Router } from '../../platform/http/router';

import { explainDefinition, listIndicatorTypes, listMetricOptions } from './indicator-service';

import { createPlanInputSchema, decompositionSchema, explainQuerySchema, explanationSchema, indicatorTypeInfoSchema, listPlansQuerySchema, metricInfoSchema, pageQuerySchema, planChangeSchema, planSchemaOut, planSummarySchema, planTransitionInputSchema, planTransitionResultSchema, updatePlanInputSchema } from './plan-api-schema';
import { createPlan, deletePlan, getDecomposition, getPlan, listPeriods, listPlanChanges, listPlans, transitionPlan, updatePeriod, updatePlan } from './plan-service';
import { periodSchemaOut, updatePeriodInputSchema } from './progress-schema';
import type { TargetsContext } from './service-support';

export const tags = ['目标考核 Targets'];
/** Reads of plan data: visibility is decided per record (a township sees the plans and items it is assessed in). */
export const readAccess = { permission: 'targets.read', scope: 'org' } as const;
export const catalogueAccess = { permission: 'targets.read', scope: 'global' } as const;
export const manageAccess = { permission: 'targets.manage', scope: 'global' } as const;
export const reportAccess = { permission: 'targets.report', scope: 'org' } as const;
export const reviewAccess = { permission: 'targets.review', scope: 'org' } as const;

export function contextOf(c: Context<AppEnv>): TargetsContext {
  return { actor: requireActor(c.var.actor), now: c.var.deps.clock.now(), timeZone: c.var.deps.config.timeZone };
}

export const deleteQuerySchema = z.object({ version: z.coerce.number().int().min(1), reason: z.string().trim().min(2).max(500).optional() });
const deletedSchema = z.object({ deleted: z.literal(true) });
const planIdParams = idParamsSchema;

export function registerPlanRoutes(router: Router): void {
  router.openapi(
    defineRoute({ method: 'get', path: '/targets/indicator-types', tags, summary: '指标类型（含示例与规则说明）', access: catalogueAccess, responses: okJson(z.array(indicatorTypeInfoSchema), '十种指标类型') }),
    async (c) => c.json(listIndicatorTypes(), 200),
  );

  router.openapi(
    defineRoute({ method: 'get', path: '/targets/metrics', tags, summary: '可绑定的平台指标', access: catalogueAccess, responses: okJson(z.array(metricInfoSchema), '指标注册表') }),
    async (c) => c.json(listMetricOptions(c.var.deps.metrics), 200),
  );

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/targets/indicators/explain',
      tags,
      summary: '预览指标的计分规则说明（编辑器实时预览）',
      access: catalogueAccess,
      request: { query: explainQuerySchema },
      responses: okJson(z.object({ explanation: explanationSchema, maxScore: z.string() }), '规则说明'),
    }),
    async (c) => c.json(explainDefinition(c.req.valid('query').definition), 200),
  );

  router.openapi(
    defineRoute({ method: 'get', path: '/targets/plans', tags, summary: '考核计划列表', access: readAccess, request: { query: listPlansQuerySchema }, responses: okJson(pageSchema(planSummarySchema), '计划分页') }),
    async (c) => c.json(await listPlans(c.var.db, { actor: requireActor(c.var.actor), query: c.req.valid('query') }), 200),
  );

  router.openapi(
    defineRoute({ method: 'get', path: '/targets/plans/export.xlsx', tags, summary: '导出考核计划列表', access: readAccess, request: { query: listPlansQuerySchema }, responses: xlsxResponse }),
    async (c) => {
      const query = { ...c.req.valid('query'), page: 1, pageSize: 200 };
      const page = await listPlans(c.var.db, { actor: requireActor(c.var.actor), query });
      const statusText = { draft: '草稿', published: '已发布', closed: '已关闭' } as const;
      return xlsxDownload(exportFileName('考核计划', c.var.deps.clock.now()), {
        sheetName: '考核计划',
        columns: [
          { header: '年度', value: (p) => p.year },
          { header: '版本', value: (p) => p.planVersion },
          { header: '标题', value: (p) => p.title, width: 36 },
          { header: '状态', value: (p) => statusText[p.status] },
          { header: '指标数', value: (p) => p.counts.indicators },
          { header: '被考核单位数', value: (p) => p.counts.units },
          { header: '发布后变更次数', value: (p) => p.revision },
          { header: '发布时间', value: (p) => p.publishedAt },
        ],
        rows: (async function* () {
          yield* page.items;
        })(),
      });
    },
  );

  router.openapi(
    defineRoute({ method: 'post', path: '/targets/plans', tags, summary: '新建考核计划（草稿，可复制已有计划）', access: manageAccess, request: { body: jsonBody(createPlanInputSchema) }, responses: okJson(planSchemaOut, '已创建', 201) }),
    async (c) => c.json(await createPlan(c.var.db, { ...contextOf(c), input: c.req.valid('json') }), 201),
  );

  router.openapi(
    defineRoute({ method: 'get', path: '/targets/plans/{id}', tags, summary: '考核计划详情', access: readAccess, request: { params: planIdParams }, responses: okJson(planSchemaOut, '计划') }),
    async (c) => c.json(await getPlan(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id }), 200),
  );

  router.openapi(
    defineRoute({
      method: 'patch',
      path: '/targets/plans/{id}',
      tags,
      summary: '修改计划标题或配置（已发布计划须填原因并记入变更记录）',
      access: manageAccess,
      request: { params: planIdParams, body: jsonBody(updatePlanInputSchema) },
      responses: okJson(planSchemaOut, '已修改'),
    }),
    async (c) => c.json(await updatePlan(c.var.db, { ...contextOf(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  );

  router.openapi(
    defineRoute({ method: 'delete', path: '/targets/plans/{id}', tags, summary: '删除草稿计划', access: manageAccess, request: { params: planIdParams, query: deleteQuerySchema }, responses: okJson(deletedSchema, '已删除') }),
    async (c) => {
      await deletePlan(c.var.db, { ...contextOf(c), id: c.req.valid('param').id, input: c.req.valid('query') });
      return c.json({ deleted: true as const }, 200);
    },
  );

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/targets/plans/{id}/transitions',
      tags,
      summary: '发布或关闭计划（仅质强办；发布时返回分解提示）',
      access: manageAccess,
      request: { params: planIdParams, body: jsonBody(planTransitionInputSchema) },
      responses: okJson(planTransitionResultSchema, '新状态'),
    }),
    async (c) => c.json(await transitionPlan(c.var.db, { ...contextOf(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  );

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/targets/plans/{id}/changes',
      tags,
      summary: '计划发布后的变更记录',
      access: readAccess,
      request: { params: planIdParams, query: pageQuerySchema },
      responses: okJson(pageSchema(planChangeSchema), '变更记录'),
    }),
    async (c) => c.json(await listPlanChanges(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id, ...c.req.valid('query') }), 200),
  );

  router.openapi(
    defineRoute({ method: 'get', path: '/targets/plans/{id}/decomposition', tags, summary: '目标分解矩阵与提示（单位目标合计、权重合计）', access: manageAccess, request: { params: planIdParams }, responses: okJson(decompositionSchema, '分解矩阵') }),
    async (c) => c.json(await getDecomposition(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id }), 200),
  );

  router.openapi(
    defineRoute({ method: 'get', path: '/targets/plans/{id}/periods', tags, summary: '报送期（截止日与提醒日）', access: readAccess, request: { params: planIdParams }, responses: okJson(z.array(periodSchemaOut), '报送期') }),
    async (c) => c.json(await listPeriods(c.var.db, { ...contextOf(c), planId: c.req.valid('param').id }), 200),
  );

  router.openapi(
    defineRoute({
      method: 'patch',
      path: '/targets/periods/{id}',
      tags,
      summary: '调整一个报送期的截止日',
      access: manageAccess,
      request: { params: idParamsSchema, body: jsonBody(updatePeriodInputSchema) },
      responses: okJson(periodSchemaOut, '已调整'),
    }),
    async (c) => c.json(await updatePeriod(c.var.db, { ...contextOf(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  );
}
