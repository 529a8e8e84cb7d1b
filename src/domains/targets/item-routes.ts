import { z } from 'zod';
import { requireActor } from '../../platform/http/access';
import { exportFileName, xlsxDownload, xlsxResponse } from '../../platform/http/responses';
import { defineRoute, idParamsSchema, jsonBody, okJson, pageSchema, type Router } from '../../platform/http/router';
import { createAssignment, deleteAssignment, getAssignment, listAssignments, listPlanUnits, saveAssignments, updateAssignment, updatePlanUnit } from './assignment-service';
import { createIndicator, deleteIndicator, getIndicator, listIndicators, updateIndicator } from './indicator-service';
import { indicatorTypeLabels, peerGroupLabels } from './item-rules';
import {
  assignmentSchemaOut,
  bulkAssignmentsInputSchema,
  bulkAssignmentsResultSchema,
  createAssignmentInputSchema,
  createIndicatorInputSchema,
  indicatorSchemaOut,
  listAssignmentsQuerySchema,
  listIndicatorsQuerySchema,
  planUnitSchemaOut,
  updateAssignmentInputSchema,
  updateIndicatorInputSchema,
  updatePlanUnitInputSchema,
} from './plan-api-schema';
import { contextOf, deleteQuerySchema, manageAccess, readAccess, tags } from './plan-routes';

const deletedSchema = z.object({ deleted: z.literal(true) });
const planIdParams = idParamsSchema;

/** The indicator library of a plan, its assessed units and the decomposition (assignments). */
export function registerItemRoutes(router: Router): void {
  // ---- indicators ----

  router.openapi(
    defineRoute({ method: 'get', path: '/targets/plans/{id}/indicators', tags, summary: '计划的指标库（含规则说明）', access: readAccess, request: { params: planIdParams, query: listIndicatorsQuerySchema }, responses: okJson(pageSchema(indicatorSchemaOut), '指标分页') }),
    async (c) => c.json(await listIndicators(c.var.db, { actor: requireActor(c.var.actor), planId: c.req.valid('param').id, query: c.req.valid('query'), registry: c.var.deps.metrics }), 200),
  );

  router.openapi(
    defineRoute({ method: 'get', path: '/targets/plans/{id}/indicators/export.xlsx', tags, summary: '导出指标库', access: readAccess, request: { params: planIdParams, query: listIndicatorsQuerySchema }, responses: xlsxResponse }),
    async (c) => {
      const page = await listIndicators(c.var.db, { actor: requireActor(c.var.actor), planId: c.req.valid('param').id, query: { ...c.req.valid('query'), page: 1, pageSize: 500 }, registry: c.var.deps.metrics });
      return xlsxDownload(exportFileName('考核指标', c.var.deps.clock.now()), {
        sheetName: '指标库',
        columns: [
          { header: '编码', value: (i) => i.code },
          { header: '名称', value: (i) => i.name, width: 36 },
          { header: '类别', value: (i) => i.category },
          { header: '类型', value: (i) => indicatorTypeLabels[i.type].zh },
          { header: '标准分', value: (i) => (i.weight === null ? null : Number(i.weight)) },
          { header: '牵头部门', value: (i) => i.leadOrgUnitName },
          { header: '数据来源', value: (i) => (i.sourceKind === 'metric' ? `平台指标 ${i.metricKey}` : '单位报送') },
          { header: '计分规则', value: (i) => i.explanation.zh, width: 80 },
        ],
        rows: (async function* () {
          yield* page.items;
        })(),
      });
    },
  );

  router.openapi(
    defineRoute({ method: 'post', path: '/targets/plans/{id}/indicators', tags, summary: '新增指标', access: manageAccess, request: { params: planIdParams, body: jsonBody(createIndicatorInputSchema) }, responses: okJson(indicatorSchemaOut, '已新增', 201) }),
    async (c) => c.json(await createIndicator(c.var.db, { ...contextOf(c), planId: c.req.valid('param').id, input: c.req.valid('json'), registry: c.var.deps.metrics }), 201),
  );

  router.openapi(
    defineRoute({ method: 'get', path: '/targets/indicators/{id}', tags, summary: '指标详情', access: readAccess, request: { params: idParamsSchema }, responses: okJson(indicatorSchemaOut, '指标') }),
    async (c) => c.json(await getIndicator(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id, registry: c.var.deps.metrics }), 200),
  );

  router.openapi(
    defineRoute({ method: 'patch', path: '/targets/indicators/{id}', tags, summary: '修改指标', access: manageAccess, request: { params: idParamsSchema, body: jsonBody(updateIndicatorInputSchema) }, responses: okJson(indicatorSchemaOut, '已修改') }),
    async (c) => c.json(await updateIndicator(c.var.db, { ...contextOf(c), id: c.req.valid('param').id, input: c.req.valid('json'), registry: c.var.deps.metrics }), 200),
  );

  router.openapi(
    defineRoute({ method: 'delete', path: '/targets/indicators/{id}', tags, summary: '删除指标（尚无报送时）', access: manageAccess, request: { params: idParamsSchema, query: deleteQuerySchema }, responses: okJson(deletedSchema, '已删除') }),
    async (c) => {
      await deleteIndicator(c.var.db, { ...contextOf(c), id: c.req.valid('param').id, input: c.req.valid('query') });
      return c.json({ deleted: true as const }, 200);
    },
  );

  // ---- units and assignments ----

  router.openapi(
    defineRoute({ method: 'get', path: '/targets/plans/{id}/units', tags, summary: '被考核单位（组别、权重合计、得分）', access: readAccess, request: { params: planIdParams }, responses: okJson(z.array(planUnitSchemaOut), '单位') }),
    async (c) => c.json(await listPlanUnits(c.var.db, { actor: requireActor(c.var.actor), planId: c.req.valid('param').id }), 200),
  );

  router.openapi(
    defineRoute({ method: 'patch', path: '/targets/units/{id}', tags, summary: '调整被考核单位的排名组别', access: manageAccess, request: { params: idParamsSchema, body: jsonBody(updatePlanUnitInputSchema) }, responses: okJson(planUnitSchemaOut, '已调整') }),
    async (c) => c.json(await updatePlanUnit(c.var.db, { ...contextOf(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  );

  router.openapi(
    defineRoute({ method: 'get', path: '/targets/plans/{id}/assignments', tags, summary: '目标分解（考核事项）列表', access: readAccess, request: { params: planIdParams, query: listAssignmentsQuerySchema }, responses: okJson(pageSchema(assignmentSchemaOut), '考核事项分页') }),
    async (c) => c.json(await listAssignments(c.var.db, { actor: requireActor(c.var.actor), planId: c.req.valid('param').id, query: c.req.valid('query') }), 200),
  );

  router.openapi(
    defineRoute({ method: 'get', path: '/targets/plans/{id}/assignments/export.xlsx', tags, summary: '导出目标分解', access: readAccess, request: { params: planIdParams, query: listAssignmentsQuerySchema }, responses: xlsxResponse }),
    async (c) => {
      const actor = requireActor(c.var.actor);
      const planId = c.req.valid('param').id;
      const query = c.req.valid('query');
      const first = await listAssignments(c.var.db, { actor, planId, query: { ...query, page: 1, pageSize: 500 } });
      const db = c.var.db;
      return xlsxDownload(exportFileName('目标分解', c.var.deps.clock.now()), {
        sheetName: '目标分解',
        columns: [
          { header: '指标编码', value: (a) => a.indicatorCode },
          { header: '指标名称', value: (a) => a.indicatorName, width: 36 },
          { header: '被考核单位', value: (a) => a.orgUnitName, width: 20 },
          { header: '组别', value: (a) => peerGroupLabels[a.peerGroup].zh },
          { header: '权重', value: (a) => a.effective.weight },
          { header: '确保值', value: (a) => a.effective.lower },
          { header: '力争值', value: (a) => a.effective.upper },
          { header: '目标值', value: (a) => a.effective.target ?? a.effective.threshold },
          { header: '计量单位', value: (a) => a.unitOfMeasure },
          { header: '牵头部门', value: (a) => a.leadOrgUnitName },
          { header: '计分规则', value: (a) => a.explanation.zh, width: 80 },
        ],
        rows: (async function* () {
          yield* first.items;
          for (let page = 2; (page - 1) * 500 < first.total; page += 1) yield* (await listAssignments(db, { actor, planId, query: { ...query, page, pageSize: 500 } })).items;
        })(),
      });
    },
  );

  router.openapi(
    defineRoute({ method: 'post', path: '/targets/plans/{id}/assignments', tags, summary: '将指标分解给一个单位', access: manageAccess, request: { params: planIdParams, body: jsonBody(createAssignmentInputSchema) }, responses: okJson(assignmentSchemaOut, '已分解', 201) }),
    async (c) => c.json(await createAssignment(c.var.db, { ...contextOf(c), planId: c.req.valid('param').id, input: c.req.valid('json') }), 201),
  );

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/targets/plans/{id}/assignments/bulk',
      tags,
      summary: '保存分解矩阵（新增或修改多条，返回分解提示）',
      access: manageAccess,
      request: { params: planIdParams, body: jsonBody(bulkAssignmentsInputSchema) },
      responses: okJson(bulkAssignmentsResultSchema, '已保存'),
    }),
    async (c) => c.json(await saveAssignments(c.var.db, { ...contextOf(c), planId: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  );

  router.openapi(
    defineRoute({ method: 'get', path: '/targets/assignments/{id}', tags, summary: '考核事项详情（本单位此项的规则）', access: readAccess, request: { params: idParamsSchema }, responses: okJson(assignmentSchemaOut, '考核事项') }),
    async (c) => c.json(await getAssignment(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id }), 200),
  );

  router.openapi(
    defineRoute({ method: 'patch', path: '/targets/assignments/{id}', tags, summary: '调整分解（目标、权重、牵头部门）', access: manageAccess, request: { params: idParamsSchema, body: jsonBody(updateAssignmentInputSchema) }, responses: okJson(assignmentSchemaOut, '已调整') }),
    async (c) => c.json(await updateAssignment(c.var.db, { ...contextOf(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  );

  router.openapi(
    defineRoute({ method: 'delete', path: '/targets/assignments/{id}', tags, summary: '取消分解（尚无报送时）', access: manageAccess, request: { params: idParamsSchema, query: deleteQuerySchema }, responses: okJson(deletedSchema, '已删除') }),
    async (c) => {
      await deleteAssignment(c.var.db, { ...contextOf(c), id: c.req.valid('param').id, input: c.req.valid('query') });
      return c.json({ deleted: true as const }, 200);
    },
  );
}
