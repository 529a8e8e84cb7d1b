import { z } from 'zod';
import { requireActor } from '../../platform/http/access';
import { exportFileName, xlsxDownload, xlsxResponse } from '../../platform/http/responses';
import { defineRoute, idParamsSchema, jsonBody, okJson, type Router } from '../../platform/http/router';
import { createControlRule, deleteControlRule, loadControlRuleSet, updateControlConfig, updateControlRule } from './control-rule-service';
import {
  areaTotalsQuerySchema, areaTotalsSchema, controlRuleSetViewSchema, controlRuleViewSchema, createControlRuleInputSchema, importZonesQuerySchema,
  importZonesResultSchema, listZonesQuerySchema, updateControlConfigInputSchema, updateControlRuleInputSchema, versionQuerySchema, zoneDetailSchema,
  zonePageSchema, type ZoneView,
} from './redline-schema';
import { buildZonesGeoJson, computeAreaTotals, getZone, importZones, iterateZones, listZones } from './redline-service';
import { featureCollectionOutSchema } from './station-schema';
import { envManage } from './station-routes';

const tags = ['生态红线 Ecological red lines'];
/** Zones and rules are city-wide planning layers: readable by everyone with environment access. */
const zoneRead = { permission: 'environment.read', scope: 'global' } as const;

export function registerRedLineRoutes(router: Router): void {
  router.openapi(
    defineRoute({ method: 'get', path: '/environment/red-lines/zones', tags, summary: '生态红线区列表', access: zoneRead, request: { query: listZonesQuerySchema }, responses: okJson(zonePageSchema, '分页') }),
    async (c) => c.json(await listZones(c.var.db, { query: c.req.valid('query') }), 200),
  );
  router.openapi(
    defineRoute({ method: 'get', path: '/environment/red-lines/zones/export.xlsx', tags, summary: '导出生态红线区', access: zoneRead, request: { query: listZonesQuerySchema }, responses: xlsxResponse }),
    async (c) => {
      const { page: _p, pageSize: _s, ...query } = c.req.valid('query');
      return xlsxDownload<ZoneView>(exportFileName('生态红线区', c.var.deps.clock.now()), {
        sheetName: '生态红线区',
        columns: [
          { header: '编码', value: (z) => z.code },
          { header: '名称', value: (z) => z.name, width: 30 },
          { header: '类型', value: (z) => z.zoneType },
          { header: '管控级别', value: (z) => z.tier },
          { header: '所属辖区', value: (z) => z.territoryName },
          { header: '行政区划代码', value: (z) => z.territoryCode },
          { header: '面积 (km²)', value: (z) => Math.round(z.areaKm2 * 10_000) / 10_000 },
          { header: '状态', value: (z) => (z.isActive ? '有效' : '已停用') },
        ],
        rows: iterateZones(c.var.db, { query }),
      });
    },
  );
  router.openapi(
    defineRoute({ method: 'get', path: '/environment/red-lines/zones.geojson', tags, summary: '红线区地图数据（GeoJSON）', access: zoneRead, responses: okJson(featureCollectionOutSchema, 'FeatureCollection') }),
    async (c) => c.json(await buildZonesGeoJson(c.var.db), 200),
  );
  router.openapi(
    defineRoute({ method: 'get', path: '/environment/red-lines/zones/{id}', tags, summary: '红线区详情（含几何）', access: zoneRead, request: { params: idParamsSchema }, responses: okJson(zoneDetailSchema, '红线区') }),
    async (c) => c.json(await getZone(c.var.db, { id: c.req.valid('param').id }), 200),
  );
  router.openapi(
    defineRoute({
      method: 'post',
      path: '/environment/red-lines/zones/import',
      tags,
      summary: '从 GeoJSON 导入红线区',
      description: '请求体为 GeoJSON FeatureCollection（或单个 Feature），几何为 Polygon / MultiPolygon，属性 name、code、type、tier（已配置的管控级别），可选 territoryCode（行政区划代码）与 territory（单位编码）。校验闭合、自相交、内环等，错误指明要素序号与名称。',
      access: envManage,
      maxBodyBytes: 20 * 1024 * 1024,
      request: { query: importZonesQuerySchema, body: jsonBody(z.unknown()) },
      responses: okJson(importZonesResultSchema, '导入结果'),
    }),
    async (c) => c.json(await importZones(c.var.db, { actor: requireActor(c.var.actor), geojson: c.req.valid('json'), options: c.req.valid('query') }), 200),
  );
  router.openapi(
    defineRoute({ method: 'get', path: '/environment/red-lines/area-totals', tags, summary: '保护面积合计（km²，按管控级别 / 辖区 / 类型）', access: zoneRead, request: { query: areaTotalsQuerySchema }, responses: okJson(areaTotalsSchema, '面积') }),
    async (c) => c.json(await computeAreaTotals(c.var.db, { groupBy: c.req.valid('query').groupBy }), 200),
  );

  router.openapi(
    defineRoute({ method: 'get', path: '/environment/red-lines/control-rules', tags, summary: '管控规则（管控级别 × 项目类型 → 结论）', access: zoneRead, responses: okJson(controlRuleSetViewSchema, '规则集') }),
    async (c) => c.json((await loadControlRuleSet(c.var.db)).view, 200),
  );
  router.openapi(
    defineRoute({ method: 'put', path: '/environment/red-lines/control-rules/config', tags, summary: '修改管控级别、项目类型、级别默认规则与兜底规则', access: envManage, request: { body: jsonBody(updateControlConfigInputSchema) }, responses: okJson(controlRuleSetViewSchema, '规则集') }),
    async (c) => c.json(await updateControlConfig(c.var.db, { actor: requireActor(c.var.actor), input: c.req.valid('json') }), 200),
  );
  router.openapi(
    defineRoute({ method: 'post', path: '/environment/red-lines/control-rules', tags, summary: '新增管控规则', access: envManage, request: { body: jsonBody(createControlRuleInputSchema) }, responses: okJson(controlRuleViewSchema, '已新增', 201) }),
    async (c) => c.json(await createControlRule(c.var.db, { actor: requireActor(c.var.actor), input: c.req.valid('json') }), 201),
  );
  router.openapi(
    defineRoute({ method: 'patch', path: '/environment/red-lines/control-rules/{id}', tags, summary: '修改管控规则', access: envManage, request: { params: idParamsSchema, body: jsonBody(updateControlRuleInputSchema) }, responses: okJson(controlRuleViewSchema, '已修改') }),
    async (c) => c.json(await updateControlRule(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  );
  router.openapi(
    defineRoute({ method: 'delete', path: '/environment/red-lines/control-rules/{id}', tags, summary: '删除管控规则', access: envManage, request: { params: idParamsSchema, query: versionQuerySchema }, responses: okJson(z.object({ deleted: z.literal(true) }), '已删除') }),
    async (c) => {
      await deleteControlRule(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id, version: c.req.valid('query').version });
      return c.json({ deleted: true as const }, 200);
    },
  );
}
