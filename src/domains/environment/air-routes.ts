import { z } from 'zod';
import { localDate } from '../../platform/clock';
import { requireActor } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/context';
import { defineRoute, idParamsSchema, jsonBody, okJson, type Router } from '../../platform/http/router';
import type { Context } from 'hono';
import {
  airStatisticsQuerySchema, airStatisticsSchema, calendarQuerySchema, calendarSchema, dailyAqiItemSchema, dateRangeQuerySchema, hourlyAirBatchSchema,
  hourlyItemSchema, hourlyQuerySchema, hourlyUpsertResultSchema,
} from './air-schema';
import { listStationDailyAqi, listStationHourly, upsertHourlyAirData } from './air-service';
import { computeAirStatistics, defaultWindow, getAqiCalendar } from './air-statistics-service';
import { envManage, envRead } from './station-routes';

const tags = ['空气质量 Air quality'];

export function todayOf(c: Context<AppEnv>): string {
  return localDate(c.var.deps.clock.now(), c.var.deps.config.timeZone);
}

export function registerAirRoutes(router: Router): void {
  router.openapi(
    defineRoute({
      method: 'post',
      path: '/environment/air/hourly',
      tags,
      summary: '批量写入空气小时数据（按站点+小时新增或更新，并重算受影响的日数据）',
      description: '请求体为 JSON 数组，每条一个站点的一个小时；同一请求内不得重复。迟到的数据会更新对应本地日（以及 O3 窗口跨日时的次日）的日均值与日 AQI。',
      access: envManage,
      maxBodyBytes: 8 * 1024 * 1024,
      request: { body: jsonBody(hourlyAirBatchSchema) },
      responses: okJson(hourlyUpsertResultSchema, '写入结果'),
    }),
    async (c) =>
      c.json(
        await upsertHourlyAirData(c.var.db, { actor: requireActor(c.var.actor), records: c.req.valid('json'), source: 'api', now: c.var.deps.clock.now(), timeZone: c.var.deps.config.timeZone }),
        200,
      ),
  );

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/environment/air/stations/{id}/daily',
      tags,
      summary: '站点日 AQI 序列',
      access: envRead,
      request: { params: idParamsSchema, query: dateRangeQuerySchema },
      responses: okJson(z.object({ items: z.array(dailyAqiItemSchema) }), '逐日 AQI、类别、颜色、首要污染物与日均值'),
    }),
    async (c) => {
      const { from, to } = defaultWindow(c.req.valid('query'), todayOf(c));
      const items = await listStationDailyAqi(c.var.db, { actor: requireActor(c.var.actor), stationId: c.req.valid('param').id, from, to });
      return c.json({ items }, 200);
    },
  );

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/environment/air/stations/{id}/hourly',
      tags,
      summary: '站点小时数据',
      access: envRead,
      request: { params: idParamsSchema, query: hourlyQuerySchema },
      responses: okJson(z.object({ items: z.array(hourlyItemSchema) }), '小时浓度'),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const toMs = q.to ? Date.parse(q.to) : c.var.deps.clock.now().getTime();
      const fromMs = q.from ? Date.parse(q.from) : toMs - 48 * 3_600_000;
      const items = await listStationHourly(c.var.db, { actor: requireActor(c.var.actor), stationId: c.req.valid('param').id, fromMs, toMs });
      return c.json({ items }, 200);
    },
  );

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/environment/air/statistics',
      tags,
      summary: '优良天数比例、各级别天数、首要污染物与均值（按站点 / 镇 / 全市，按月 / 季 / 年）',
      access: envRead,
      request: { query: airStatisticsQuerySchema },
      responses: okJson(airStatisticsSchema, '统计'),
    }),
    async (c) => c.json(await computeAirStatistics(c.var.db, { actor: requireActor(c.var.actor), query: c.req.valid('query'), today: todayOf(c) }), 200),
  );

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/environment/air/calendar',
      tags,
      summary: '日历热力图数据（某年逐日 AQI 与颜色）',
      access: envRead,
      request: { query: calendarQuerySchema },
      responses: okJson(calendarSchema, '逐日 AQI'),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const year = q.year ?? Number(todayOf(c).slice(0, 4));
      return c.json(await getAqiCalendar(c.var.db, { actor: requireActor(c.var.actor), year, stationId: q.stationId, orgUnitId: q.orgUnitId }), 200);
    },
  );
}
