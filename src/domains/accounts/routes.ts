import { deleteCookie, setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import { z } from 'zod';
import { CSRF_COOKIE, SESSION_COOKIE, requireActor } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/context';
import { createRouter, defineRoute, idParamsSchema, jsonBody, okJson } from '../../platform/http/router';
import { unauthenticated } from '../../shared/errors';
import { getMe, login, logout } from './auth-service';
import {
  changePasswordInputSchema,
  createUserInputSchema,
  createdUserSchema,
  listUsersQuerySchema,
  loginInputSchema,
  meSchema,
  resetPasswordInputSchema,
  updateUserInputSchema,
  userPageSchema,
  userSchema,
} from './schema';
import { changeOwnPassword, createUser, getUser, iterateUsers, listUsers, resetPassword, updateUser } from './user-service';
import { exportFileName, xlsxDownload, xlsxResponse } from '../../platform/http/responses';
import { roleLabels, userFlagLabels } from '../../shared/roles';
import { toPublicUser } from './store';

export const accountRoutes = createRouter();
const authTags = ['登录 Auth'];
const userTags = ['用户 Users'];
const okSchema = z.object({ ok: z.literal(true) });

function requireSession(c: Context<AppEnv>) {
  const session = c.var.session;
  if (!session) throw unauthenticated('auth.required', '请先登录');
  return session;
}

accountRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/auth/login',
    tags: authTags,
    summary: '登录（设置 HttpOnly 会话 Cookie）',
    access: { public: true },
    request: { body: jsonBody(loginInputSchema) },
    responses: okJson(meSchema, '登录成功'),
  }),
  async (c) => {
    const { config, clock } = c.var.deps;
    const result = await login(c.var.db, {
      input: c.req.valid('json'),
      ctx: { now: clock.now(), ip: c.var.clientIp, userAgent: c.req.header('user-agent') ?? null, requestId: c.var.requestId, config },
    });
    const secure = config.session.secureCookie;
    setCookie(c, SESSION_COOKIE, result.token, { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge: result.maxAgeSeconds });
    setCookie(c, CSRF_COOKIE, result.csrfToken, { httpOnly: false, sameSite: 'Strict', secure, path: '/', maxAge: result.maxAgeSeconds });
    return c.json(result.me, 200);
  },
);

accountRoutes.openapi(
  defineRoute({ method: 'post', path: '/auth/logout', tags: authTags, summary: '退出登录', access: { permission: 'authenticated', scope: 'self' }, responses: okJson(okSchema, '已退出') }),
  async (c) => {
    await logout(c.var.db, { actor: requireActor(c.var.actor), sessionId: requireSession(c).sessionId });
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    deleteCookie(c, CSRF_COOKIE, { path: '/' });
    return c.json({ ok: true as const }, 200);
  },
);

accountRoutes.openapi(
  defineRoute({ method: 'get', path: '/auth/me', tags: authTags, summary: '当前用户', access: { permission: 'authenticated', scope: 'self' }, responses: okJson(meSchema, '当前用户') }),
  async (c) => c.json(await getMe(c.var.db, { session: requireSession(c) }), 200),
);

accountRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/auth/password',
    tags: authTags,
    summary: '修改本人密码（其他设备上的会话将失效）',
    access: { permission: 'authenticated', scope: 'self' },
    request: { body: jsonBody(changePasswordInputSchema) },
    responses: okJson(okSchema, '已修改'),
  }),
  async (c) => {
    await changeOwnPassword(c.var.db, { actor: requireActor(c.var.actor), sessionId: requireSession(c).sessionId, input: c.req.valid('json') });
    return c.json({ ok: true as const }, 200);
  },
);

const read = { permission: 'users.read', scope: 'org' } as const;
const manage = { permission: 'users.manage', scope: 'org' } as const;

accountRoutes.openapi(
  defineRoute({ method: 'get', path: '/users', tags: userTags, summary: '用户列表', access: read, request: { query: listUsersQuerySchema }, responses: okJson(userPageSchema, '用户分页') }),
  async (c) => c.json(await listUsers(c.var.db, { actor: requireActor(c.var.actor), query: c.req.valid('query') }), 200),
);

accountRoutes.openapi(
  defineRoute({ method: 'get', path: '/users/export.xlsx', tags: userTags, summary: '导出用户（与列表相同的筛选条件）', access: read, request: { query: listUsersQuerySchema }, responses: xlsxResponse }),
  async (c) =>
    await xlsxDownload(exportFileName('用户', c.var.deps.clock.now()), {
      sheetName: '用户',
      columns: [
        { header: '用户名', width: 16, value: (u) => u.username },
        { header: '姓名', width: 16, value: (u) => u.displayName },
        { header: '角色', width: 18, value: (u) => roleLabels[u.role].zh },
        { header: '职责', width: 24, value: (u) => u.flags.map((f) => userFlagLabels[f].zh).join('、') },
        { header: '所属单位', width: 28, value: (u) => u.orgUnitName },
        { header: '电话', width: 16, value: (u) => u.phone },
        { header: '邮箱', width: 24, value: (u) => u.email },
        { header: '状态', width: 8, value: (u) => (u.isActive ? '启用' : '停用') },
        { header: '最近登录 (UTC)', width: 24, value: (u) => u.lastLoginAt },
      ],
      rows: iterateUsers(c.var.db, { actor: requireActor(c.var.actor), query: c.req.valid('query') }),
    }),
);

accountRoutes.openapi(
  defineRoute({ method: 'get', path: '/users/{id}', tags: userTags, summary: '用户详情', access: read, request: { params: idParamsSchema }, responses: okJson(userSchema, '用户') }),
  async (c) => c.json(toPublicUser(await getUser(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id })), 200),
);

accountRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/users',
    tags: userTags,
    summary: '新建用户（不填密码则生成临时密码）',
    access: manage,
    request: { body: jsonBody(createUserInputSchema) },
    responses: okJson(createdUserSchema, '已创建', 201),
  }),
  async (c) => c.json(await createUser(c.var.db, { actor: requireActor(c.var.actor), input: c.req.valid('json') }), 201),
);

accountRoutes.openapi(
  defineRoute({
    method: 'patch',
    path: '/users/{id}',
    tags: userTags,
    summary: '修改用户（角色、单位、职责、停用）',
    access: manage,
    request: { params: idParamsSchema, body: jsonBody(updateUserInputSchema) },
    responses: okJson(userSchema, '已修改'),
  }),
  async (c) => c.json(await updateUser(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
);

accountRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/users/{id}/password-reset',
    tags: userTags,
    summary: '管理员重置密码（用户下次登录须修改）',
    access: manage,
    request: { params: idParamsSchema, body: jsonBody(resetPasswordInputSchema) },
    responses: okJson(createdUserSchema, '已重置'),
  }),
  async (c) => c.json(await resetPassword(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
);
