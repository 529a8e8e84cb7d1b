import { requireActor } from '../../platform/http/access';
import { exportFileName, xlsxDownload, xlsxResponse } from '../../platform/http/responses';
import { defineRoute, idParamsSchema, jsonBody, okJson, type Router } from '../../platform/http/router';
import { waterClassLabels, type WaterClass } from './water-tables';
import { noiseZoneDescriptions } from './noise-rules';
import {
  createStationInputSchema, featureCollectionOutSchema, listStationsQuerySchema, stationKindLabels, stationPageSchema, stationSchema,
  updateStationInputSchema, type Station,
} from './station-schema';
import { createStation, getStation, iterateStations, listStations, updateStation } from './station-service';
import { buildStationsGeoJson } from './map-service';

const tags = ['环境监测站点 Environment stations'];
export const envRead = { permission: 'environment.read', scope: 'org' } as const;
export const envManage = { permission: 'environment.manage', scope: 'org' } as const;

export function registerStationRoutes(router: Router): void {
  router.openapi(
    defineRoute({ method: 'get', path: '/environment/stations', tags, summary: '监测站点列表', access: envRead, request: { query: listStationsQuerySchema }, responses: okJson(stationPageSchema, '站点分页') }),
    async (c) => c.json(await listStations(c.var.db, { actor: requireActor(c.var.actor), query: c.req.valid('query') }), 200),
  );

  router.openapi(
    defineRoute({ method: 'get', path: '/environment/stations/export.xlsx', tags, summary: '导出监测站点', access: envRead, request: { query: listStationsQuerySchema }, responses: xlsxResponse }),
    async (c) => {
      const { page: _p, pageSize: _s, ...query } = c.req.valid('query');
      const rows = iterateStations(c.var.db, { actor: requireActor(c.var.actor), query });
      return xlsxDownload<Station>(exportFileName('环境监测站点', c.var.deps.clock.now()), {
        sheetName: '监测站点',
        columns: [
          { header: '编码', value: (s) => s.code },
          { header: '名称', value: (s) => s.name, width: 28 },
          { header: '类型', value: (s) => stationKindLabels[s.kind] },
          { header: '所在辖区', value: (s) => s.territoryName },
          { header: '经度', value: (s) => s.lon },
          { header: '纬度', value: (s) => s.lat },
          { header: '地址', value: (s) => s.address, width: 30 },
          { header: '空气站级别', value: (s) => s.airStationLevel },
          { header: '水体', value: (s) => (s.waterbody === 'lake' ? '湖库' : s.waterbody === 'river' ? '河流' : null) },
          { header: '河流（湖库）', value: (s) => s.riverName },
          { header: '目标水质', value: (s) => (s.targetClass ? waterClassLabels[s.targetClass as WaterClass] : null) },
          { header: '声环境功能区', value: (s) => (s.noiseZone ? `${s.noiseZone} 类：${noiseZoneDescriptions[s.noiseZone]}` : null), width: 30 },
          { header: '状态', value: (s) => (s.isActive ? '启用' : '停用') },
        ],
        rows,
      });
    },
  );

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/environment/stations.geojson',
      tags,
      summary: '站点地图数据（GeoJSON，含最新空气质量、最近水质类别与噪声达标）',
      access: envRead,
      request: { query: listStationsQuerySchema.pick({ kind: true, territoryOrgUnitId: true }) },
      responses: okJson(featureCollectionOutSchema, 'FeatureCollection'),
    }),
    async (c) => c.json(await buildStationsGeoJson(c.var.db, { actor: requireActor(c.var.actor), query: c.req.valid('query'), timeZone: c.var.deps.config.timeZone }), 200),
  );

  router.openapi(
    defineRoute({ method: 'get', path: '/environment/stations/{id}', tags, summary: '站点详情', access: envRead, request: { params: idParamsSchema }, responses: okJson(stationSchema, '站点') }),
    async (c) => c.json(await getStation(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id }), 200),
  );

  router.openapi(
    defineRoute({ method: 'post', path: '/environment/stations', tags, summary: '新建监测站点', access: envManage, request: { body: jsonBody(createStationInputSchema) }, responses: okJson(stationSchema, '已创建', 201) }),
    async (c) => c.json(await createStation(c.var.db, { actor: requireActor(c.var.actor), input: c.req.valid('json') }), 201),
  );

  router.openapi(
    defineRoute({
      method: 'patch',
      path: '/environment/stations/{id}',
      tags,
      summary: '修改（或停用）监测站点',
      access: envManage,
      request: { params: idParamsSchema, body: jsonBody(updateStationInputSchema) },
      responses: okJson(stationSchema, '已修改'),
    }),
    async (c) => c.json(await updateStation(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  );
}
