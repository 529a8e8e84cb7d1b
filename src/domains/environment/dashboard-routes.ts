import { requireActor } from '../../platform/http/access';
import { defineRoute, idParamsSchema, jsonBody, okJson, type Router } from '../../platform/http/router';
import { environmentSettingsSchema, getEnvironmentSettings, updateEnvironmentSettings, updateEnvironmentSettingsInputSchema } from './access-service';
import { todayOf } from './air-routes';
import { dashboardSchema, stationOverviewSchema } from './dashboard-schema';
import { getDashboard, getStationOverview } from './dashboard-service';
import { envRead } from './station-routes';

const tags = ['环境质量 Environment'];
const settingsAccess = { permission: 'settings.manage', scope: 'global' } as const;

export function registerDashboardRoutes(router: Router): void {
  router.openapi(
    defineRoute({
      method: 'get',
      path: '/environment/dashboard',
      tags,
      summary: '环境质量驾驶舱数据（各站实时 AQI、优良天数比例趋势、近 30 天日 AQI、水质与噪声达标率、红线面积）',
      access: envRead,
      responses: okJson(dashboardSchema, '驾驶舱'),
    }),
    async (c) => c.json(await getDashboard(c.var.db, { actor: requireActor(c.var.actor), today: todayOf(c), timeZone: c.var.deps.config.timeZone }), 200),
  );
  router.openapi(
    defineRoute({
      method: 'get',
      path: '/environment/stations/{id}/overview',
      tags,
      summary: '站点详情页数据（最新数据与今年汇总）',
      access: envRead,
      request: { params: idParamsSchema },
      responses: okJson(stationOverviewSchema, '站点概况'),
    }),
    async (c) =>
      c.json(await getStationOverview(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id, today: todayOf(c), timeZone: c.var.deps.config.timeZone }), 200),
  );
  router.openapi(
    defineRoute({ method: 'get', path: '/environment/settings', tags, summary: '环境模块设置', access: settingsAccess, responses: okJson(environmentSettingsSchema, '设置') }),
    async (c) => c.json(await getEnvironmentSettings(c.var.db), 200),
  );
  router.openapi(
    defineRoute({ method: 'put', path: '/environment/settings', tags, summary: '修改环境模块设置（负责录入环境数据的部门）', access: settingsAccess, request: { body: jsonBody(updateEnvironmentSettingsInputSchema) }, responses: okJson(environmentSettingsSchema, '设置') }),
    async (c) => c.json(await updateEnvironmentSettings(c.var.db, { actor: requireActor(c.var.actor), input: c.req.valid('json') }), 200),
  );
}
