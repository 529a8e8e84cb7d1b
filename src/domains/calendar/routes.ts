import { z } from 'zod';
import { requireActor } from '../../platform/http/access';
import { createRouter, defineRoute, jsonBody, okJson } from '../../platform/http/router';
import {
  calendarMonthQuerySchema,
  calendarMonthSchema,
  calendarOverrideInputSchema,
  calendarOverrideListResponseSchema,
  calendarOverrideSchema,
  calendarOverridesQuerySchema,
  isoDateSchema,
  replaceYearOverridesInputSchema,
  workingDaysQuerySchema,
  workingDaysResultSchema,
} from './schema';
import { addCalendarOverride, computeWorkingDays, getCalendarMonth, listCalendarOverrides, removeCalendarOverride, replaceYearOverrides } from './service';

/**
 * Working-day calendar: everybody logged in reads it (deadlines are shown everywhere); the
 * administrators (settings.manage) enter holidays and adjusted working days.
 */
export const calendarRoutes = createRouter();
const tags = ['工作日历 Calendar'];
const read = { permission: 'authenticated', scope: 'global' } as const;
const manage = { permission: 'settings.manage', scope: 'global' } as const;

calendarRoutes.openapi(
  defineRoute({ method: 'get', path: '/calendar', tags, summary: '某年（某月）每天的工作日/节假日', access: read, request: { query: calendarMonthQuerySchema }, responses: okJson(calendarMonthSchema, '日历') }),
  async (c) => c.json(await getCalendarMonth(c.var.db, { query: c.req.valid('query') }), 200),
);

calendarRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/calendar/working-days',
    tags,
    summary: '按工作日推算日期（起算日不计入）',
    access: read,
    request: { query: workingDaysQuerySchema },
    responses: okJson(workingDaysResultSchema, '推算结果'),
  }),
  async (c) => c.json(await computeWorkingDays(c.var.db, { query: c.req.valid('query') }), 200),
);

calendarRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/calendar/overrides',
    tags,
    summary: '管理员录入的放假/调休上班日',
    access: read,
    request: { query: calendarOverridesQuerySchema },
    responses: okJson(calendarOverrideListResponseSchema, '录入的日期'),
  }),
  async (c) => c.json(await listCalendarOverrides(c.var.db, { year: c.req.valid('query').year }), 200),
);

calendarRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/calendar/overrides',
    tags,
    summary: '录入一天（放假或调休上班）',
    access: manage,
    request: { body: jsonBody(calendarOverrideInputSchema) },
    responses: okJson(calendarOverrideSchema, '已录入', 201),
  }),
  async (c) => c.json(await addCalendarOverride(c.var.db, { actor: requireActor(c.var.actor), input: c.req.valid('json') }), 201),
);

calendarRoutes.openapi(
  defineRoute({
    method: 'delete',
    path: '/calendar/overrides/{date}',
    tags,
    summary: '删除一天的录入（恢复为随系统发布的安排或按星期）',
    access: manage,
    request: { params: z.object({ date: isoDateSchema }) },
    responses: okJson(calendarOverrideSchema, '已删除'),
  }),
  async (c) => c.json(await removeCalendarOverride(c.var.db, { actor: requireActor(c.var.actor), date: c.req.valid('param').date }), 200),
);

calendarRoutes.openapi(
  defineRoute({
    method: 'put',
    path: '/calendar/years/{year}/overrides',
    tags,
    summary: '整体录入某年的放假安排（替换该年已录入的全部日期）',
    access: manage,
    request: { params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }), body: jsonBody(replaceYearOverridesInputSchema) },
    responses: okJson(calendarOverrideListResponseSchema, '该年录入的日期'),
  }),
  async (c) =>
    c.json(await replaceYearOverrides(c.var.db, { actor: requireActor(c.var.actor), year: c.req.valid('param').year, input: c.req.valid('json') }), 200),
);
