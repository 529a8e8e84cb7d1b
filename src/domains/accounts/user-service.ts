import { withScope, type Actor } from '../../shared/actor';
import { conflict, notFound, unauthenticated } from '../../shared/errors';
import type { Db } from '../../platform/db/types';
import { newId } from '../../platform/ids';
import { recordAudit } from '../audit';
import { getOrgUnit } from '../org';
import { generateTemporaryPassword, hashPassword, verifyPassword } from './passwords';
import { assertCanAssign, assertFlagsFitRole, assertPasswordPolicy } from './rules';
import type { ChangePasswordInput, CreateUserInput, ListUsersQuery, ResetPasswordInput, UpdateUserInput, User, UserPage } from './schema';
import { countUsers, deleteUserSessions, findUserById, insertUser, selectUsers, toPublicUser, updateUserRow, userListFilters, type UserRecord } from './store';

export async function listUsers(db: Db, options: { actor: Actor; query: ListUsersQuery }): Promise<UserPage> {
  const { query } = options;
  const where = userListFilters(query, options.actor.scope);
  const [total, records] = await Promise.all([
    countUsers(db, where),
    selectUsers(db, where, { sort: query.sort, limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
  ]);
  return { items: records.map(toPublicUser), total, page: query.page, pageSize: query.pageSize };
}

export async function getUser(db: Db, options: { actor: Actor; id: string }): Promise<UserRecord> {
  const user = await findUserById(db, options.id, options.actor.scope);
  if (!user) throw notFound('user.not_found', '用户不存在或不在您的管辖范围内');
  return user;
}

const auditView = (u: UserRecord | User) => {
  const { id, username, displayName, role, flags, orgUnitId, enterpriseId, phone, email, isActive, mustChangePassword } = u;
  return { id, username, displayName, role, flags, orgUnitId, enterpriseId, phone, email, isActive, mustChangePassword };
};

export async function createUser(db: Db, options: { actor: Actor; input: CreateUserInput }): Promise<{ user: User; temporaryPassword: string | null }> {
  const { actor, input } = options;
  assertFlagsFitRole(input.role, input.flags);
  const temporaryPassword = input.password ? null : generateTemporaryPassword();
  const password = input.password ?? (temporaryPassword as string);
  assertPasswordPolicy(password, input.username);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const org = await getOrgUnit(tx, { actor, id: input.orgUnitId });
    if (!org.isActive) throw conflict('user.org_unit_inactive', '所属单位已停用');
    assertCanAssign(actor, { role: input.role, orgPath: org.path });
    const id = newId();
    await insertUser(tx, {
      id,
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      flags: input.flags,
      orgUnitId: org.id,
      enterpriseId: input.enterpriseId ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
      passwordHash,
      mustChangePassword: temporaryPassword !== null,
    });
    const created = (await findUserById(tx, id)) as UserRecord;
    await recordAudit(tx, actor, { action: 'user.create', entityType: 'user', entityId: id, orgUnitId: org.id, summary: `新建账号 ${created.username}（${created.displayName}）`, after: auditView(created) });
    return { user: toPublicUser(created), temporaryPassword };
  });
}

export async function updateUser(db: Db, options: { actor: Actor; id: string; input: UpdateUserInput }): Promise<User> {
  const { actor, id, input } = options;
  return db.transaction(async (tx) => {
    const user = await getUser(tx, { actor, id });
    if (user.version !== input.version) throw conflict('user.stale_version', '该账号已被他人修改，请刷新后重试', { currentVersion: user.version });
    assertCanAssign(actor, { role: user.role, orgPath: user.orgPath });
    const role = input.role ?? user.role;
    const flags = input.flags ?? (input.role && input.role !== 'township' ? [] : user.flags);
    assertFlagsFitRole(role, flags);
    let orgPath = user.orgPath;
    if (input.orgUnitId && input.orgUnitId !== user.orgUnitId) {
      const org = await getOrgUnit(tx, { actor, id: input.orgUnitId });
      if (!org.isActive) throw conflict('user.org_unit_inactive', '所属单位已停用');
      orgPath = org.path;
    }
    assertCanAssign(actor, { role, orgPath });
    if (id === actor.userId && (input.isActive === false || (input.role && input.role !== user.role))) {
      throw conflict('user.cannot_change_self', '不能停用自己的账号或修改自己的角色');
    }
    const { version, ...patch } = input;
    const ok = await updateUserRow(tx, id, version, { ...patch, flags });
    if (!ok) throw conflict('user.stale_version', '该账号已被他人修改，请刷新后重试');
    if (input.isActive === false || (input.role && input.role !== user.role) || (input.orgUnitId && input.orgUnitId !== user.orgUnitId)) {
      await deleteUserSessions(tx, id); // rights changed: log the user out everywhere
    }
    const updated = (await findUserById(tx, id)) as UserRecord;
    await recordAudit(tx, actor, { action: 'user.update', entityType: 'user', entityId: id, orgUnitId: updated.orgUnitId, summary: `修改账号 ${updated.username}`, before: auditView(user), after: auditView(updated) });
    return toPublicUser(updated);
  });
}

export async function resetPassword(db: Db, options: { actor: Actor; id: string; input: ResetPasswordInput }): Promise<{ temporaryPassword: string | null; user: User }> {
  const { actor, id, input } = options;
  const user = await getUser(db, { actor, id });
  assertCanAssign(actor, { role: user.role, orgPath: user.orgPath });
  const temporaryPassword = input.newPassword ? null : generateTemporaryPassword();
  const password = input.newPassword ?? (temporaryPassword as string);
  assertPasswordPolicy(password, user.username);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const ok = await updateUserRow(tx, id, input.version, { passwordHash, mustChangePassword: true });
    if (!ok) throw conflict('user.stale_version', '该账号已被他人修改，请刷新后重试');
    await deleteUserSessions(tx, id);
    await recordAudit(tx, actor, { action: 'user.reset_password', entityType: 'user', entityId: id, orgUnitId: user.orgUnitId, summary: `重置 ${user.username} 的密码` });
    return { temporaryPassword, user: toPublicUser((await findUserById(tx, id)) as UserRecord) };
  });
}

export async function changeOwnPassword(db: Db, options: { actor: Actor; sessionId: string; input: ChangePasswordInput }): Promise<void> {
  const { actor, input } = options;
  const user = await findUserById(db, actor.userId ?? '', withScope(actor, { kind: 'all' }).scope);
  if (!user) throw unauthenticated('auth.required', '请先登录');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw conflict('user.wrong_current_password', '当前密码不正确');
  }
  if (input.currentPassword === input.newPassword) throw conflict('user.password_unchanged', '新密码不能与当前密码相同');
  assertPasswordPolicy(input.newPassword, user.username);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    const ok = await updateUserRow(tx, user.id, user.version, { passwordHash, mustChangePassword: false });
    if (!ok) throw conflict('user.stale_version', '账号刚被修改，请重试');
    await deleteUserSessions(tx, user.id, options.sessionId); // other devices are logged out
    await recordAudit(tx, actor, { action: 'user.change_password', entityType: 'user', entityId: user.id, orgUnitId: user.orgUnitId, summary: `${user.username} 修改了自己的密码` });
  });
}

/** Every user matching the list filters (for the Excel export), page by page. */
export async function* iterateUsers(db: Db, options: { actor: Actor; query: ListUsersQuery }): AsyncGenerator<User> {
  const where = userListFilters(options.query, options.actor.scope);
  for (let offset = 0; ; offset += 1000) {
    const page = await selectUsers(db, where, { sort: options.query.sort, limit: 1000, offset });
    yield* page.map(toPublicUser);
    if (page.length < 1000) return;
  }
}
