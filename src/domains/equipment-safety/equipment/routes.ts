import { requireActor } from '../../../platform/http/access';
import { exportFileName, xlsxDownload, xlsxResponse } from '../../../platform/http/responses';
import { createRouter, defineRoute, idParamsSchema, jsonBody, okJson } from '../../../platform/http/router';
import { getDeviceTimeline, getResponsibility } from './detail-service';
import { getDeviceMap, getDueSummary, iterateDevices, listDevices } from './device-query-service';
import { createDevice, getDeviceDetail, updateDevice } from './device-service';
import { deviceDueLabels } from './obligation-rules';
import { ctxOf, read, registerRecordRoutes } from './record-routes';
import { applyRegistrationAction } from './registration-service';
import { createDeviceRequestSchema, deviceListQuerySchema, registrationActionRequestSchema, updateDeviceRequestSchema } from './schema';
import {
  deviceDetailSchema,
  devicePageSchema,
  dueSummaryQuerySchema,
  dueSummarySchema,
  geoJsonSchema,
  mapQueryExtraSchema,
  responsibilitySchema,
  timelinePageSchema,
  timelineQuerySchema,
} from './view-schema';

/**
 * HTTP routes of the equipment registry under /api/v1/equipment. Static paths are registered
 * before `/equipment/{id}`.
 */
export const equipmentRoutes = createRouter();
const tags = ['特种设备 Equipment'];

registerRecordRoutes(equipmentRoutes);

equipmentRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/equipment',
    tags,
    summary: '设备列表（筛选、分页；dueStatus/dueColor 为检验到期状态）',
    access: read,
    request: { query: deviceListQuerySchema },
    responses: okJson(devicePageSchema, '设备分页'),
  }),
  async (c) => c.json(await listDevices(c.var.db, { ...ctxOf(c), query: c.req.valid('query') }), 200),
);

equipmentRoutes.openapi(
  defineRoute({ method: 'get', path: '/equipment/export.xlsx', tags, summary: '导出设备列表（与列表相同的筛选）', access: read, request: { query: deviceListQuerySchema }, responses: xlsxResponse }),
  async (c) =>
    xlsxDownload(exportFileName('特种设备台账', c.var.deps.clock.now()), {
      sheetName: '特种设备',
      columns: [
        { header: '设备代码', width: 22, value: (d) => d.equipmentCode },
        { header: '使用登记证编号', width: 20, value: (d) => d.useRegistrationCertNo },
        { header: '设备种类', width: 12, value: (d) => d.categoryName },
        { header: '设备类别', width: 16, value: (d) => d.kindName },
        { header: '设备品种', width: 16, value: (d) => d.varietyName },
        { header: '设备名称', width: 16, value: (d) => d.productName },
        { header: '使用单位', width: 28, value: (d) => d.useUnitName },
        { header: '维保单位', width: 28, value: (d) => d.maintenanceUnitName },
        { header: '属地', width: 12, value: (d) => d.territoryName },
        { header: '使用地点', width: 30, value: (d) => d.useAddress },
        { header: '使用状态', width: 10, value: (d) => d.statusLabel },
        { header: '下次检验日期', width: 12, value: (d) => d.nextDueOn },
        { header: '检验状态', width: 12, value: (d) => deviceDueLabels[d.dueStatus].zh },
        { header: '须停止使用', width: 10, value: (d) => (d.mustStop ? '是' : '') },
        { header: '上次检验', width: 12, value: (d) => d.lastInspectedOn },
        { header: '逾期登记', width: 10, value: (d) => (d.isLateRegistration ? '是' : '') },
      ],
      rows: iterateDevices(c.var.db, { ...ctxOf(c), query: c.req.valid('query') }),
    }),
);

equipmentRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/equipment/due-summary',
    tags,
    summary: '各镇（街道、园区）设备检验到期/超期统计',
    access: read,
    request: { query: dueSummaryQuerySchema },
    responses: okJson(dueSummarySchema, '统计'),
  }),
  async (c) => c.json(await getDueSummary(c.var.db, { ...ctxOf(c), query: c.req.valid('query') }), 200),
);

equipmentRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/equipment/map.geojson',
    tags,
    summary: '设备地图（GeoJSON 点；超过 limit 时按网格聚合）',
    access: read,
    request: { query: deviceListQuerySchema.omit({ page: true, pageSize: true, sort: true }).extend(mapQueryExtraSchema.shape) },
    responses: okJson(geoJsonSchema, 'GeoJSON FeatureCollection'),
  }),
  async (c) => c.json(await getDeviceMap(c.var.db, { ...ctxOf(c), query: c.req.valid('query') }), 200),
);

equipmentRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/equipment',
    tags,
    summary: '设备建档（可同时办理使用登记；投用后超过30日登记的标记为逾期登记）',
    access: { permission: 'safety.manage_equipment', scope: 'org' },
    request: { body: jsonBody(createDeviceRequestSchema) },
    responses: okJson(deviceDetailSchema, '已建档', 201),
  }),
  async (c) => c.json(await createDevice(c.var.db, { ...ctxOf(c), input: c.req.valid('json') }), 201),
);

equipmentRoutes.openapi(
  defineRoute({ method: 'get', path: '/equipment/{id}', tags, summary: '设备详情（含各项检验义务及其依据）', access: read, request: { params: idParamsSchema }, responses: okJson(deviceDetailSchema, '设备') }),
  async (c) => c.json(await getDeviceDetail(c.var.db, { ...ctxOf(c), id: c.req.valid('param').id }), 200),
);

equipmentRoutes.openapi(
  defineRoute({
    method: 'patch',
    path: '/equipment/{id}',
    tags,
    summary: '修改设备信息（登记事项仅登记机关可改）',
    access: { permission: 'safety.manage_equipment', scope: 'org' },
    request: { params: idParamsSchema, body: jsonBody(updateDeviceRequestSchema) },
    responses: okJson(deviceDetailSchema, '已修改'),
  }),
  async (c) => c.json(await updateDevice(c.var.db, { ...ctxOf(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
);

equipmentRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/equipment/{id}/registration',
    tags,
    summary: '登记事项：监督检验合格、使用登记、停用、启用、变更、过户、报废、注销（非法状态转换 409）',
    access: { permission: 'safety.register_equipment', scope: 'org' },
    request: { params: idParamsSchema, body: jsonBody(registrationActionRequestSchema) },
    responses: okJson(deviceDetailSchema, '已办理'),
  }),
  async (c) => c.json(await applyRegistrationAction(c.var.db, { ...ctxOf(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
);

equipmentRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/equipment/{id}/timeline',
    tags,
    summary: '设备时间线（登记、变更、检验、维保、作业人员、关联事件）',
    access: read,
    request: { params: idParamsSchema, query: timelineQuerySchema },
    responses: okJson(timelinePageSchema, '时间线'),
  }),
  async (c) => c.json(await getDeviceTimeline(c.var.db, { ...ctxOf(c), deviceId: c.req.valid('param').id, query: c.req.valid('query') }), 200),
);

equipmentRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/equipment/{id}/responsibility',
    tags,
    summary: '安全责任：使用单位、维保单位、检验机构，属地协管员与监管部门',
    access: read,
    request: { params: idParamsSchema },
    responses: okJson(responsibilitySchema, '责任主体'),
  }),
  async (c) => c.json(await getResponsibility(c.var.db, { actor: requireActor(c.var.actor), today: ctxOf(c).today, deviceId: c.req.valid('param').id }), 200),
);
