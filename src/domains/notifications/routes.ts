import { z } from 'zod';
import { requireActor } from '../../platform/http/access';
import { createRouter, defineRoute, idParamsSchema, okJson } from '../../platform/http/router';
import { listNotificationsQuerySchema, notificationPageSchema } from './schema';
import { listMyNotifications, markNotificationsRead } from './service';

export const notificationRoutes = createRouter();
const tags = ['通知 Notifications'];
const access = { permission: 'notifications.read', scope: 'self' } as const;
const countSchema = z.object({ marked: z.number().int() });

notificationRoutes.openapi(
  defineRoute({ method: 'get', path: '/notifications', tags, summary: '我的通知', access, request: { query: listNotificationsQuerySchema }, responses: okJson(notificationPageSchema, '通知分页') }),
  async (c) => c.json(await listMyNotifications(c.var.db, { actor: requireActor(c.var.actor), query: c.req.valid('query') }), 200),
);

notificationRoutes.openapi(
  defineRoute({ method: 'post', path: '/notifications/{id}/read', tags, summary: '标记已读', access, request: { params: idParamsSchema }, responses: okJson(countSchema, '已标记') }),
  async (c) => c.json({ marked: await markNotificationsRead(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id, now: c.var.deps.clock.now() }) }, 200),
);

notificationRoutes.openapi(
  defineRoute({ method: 'post', path: '/notifications/read-all', tags, summary: '全部标记已读', access, responses: okJson(countSchema, '已标记') }),
  async (c) => c.json({ marked: await markNotificationsRead(c.var.db, { actor: requireActor(c.var.actor), id: null, now: c.var.deps.clock.now() }) }, 200),
);
