import { z } from 'zod';
import { DISPLAY_NAME_MAX, PASSWORD_MAX, USERNAME_PATTERN } from '../../shared/limits';
import { permissions } from '../../shared/permissions';
import { orgUnitKinds, roles, userFlags } from '../../shared/roles';

export const roleSchema = z.enum(roles).describe('角色');
export const userFlagSchema = z.enum(userFlags).describe('职责标记（质量管理员、特种设备安全协管员）');

const usernameSchema = z.string().trim().regex(USERNAME_PATTERN, '用户名为 3–32 位字母、数字、下划线、点或连字符，以字母开头');
/** Login takes any string (checking the policy here would reveal it to an attacker). */
const passwordInputSchema = z.string().min(1).max(PASSWORD_MAX);

export const loginInputSchema = z
  .object({ username: z.string().trim().min(1).max(64).describe('用户名'), password: passwordInputSchema.describe('密码') })
  .strict()
  .meta({ id: 'LoginInput' });
export type LoginInput = z.infer<typeof loginInputSchema>;

export const meSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: roleSchema,
    flags: z.array(userFlagSchema),
    orgUnit: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(orgUnitKinds) }),
    enterpriseId: z.uuid().nullable(),
    permissions: z.array(z.enum(permissions)),
    mustChangePassword: z.boolean(),
    csrfToken: z.string().describe('写请求须在 X-CSRF-Token 头中回传'),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;

export const changePasswordInputSchema = z
  .object({ currentPassword: passwordInputSchema, newPassword: z.string().max(PASSWORD_MAX) })
  .strict()
  .meta({ id: 'ChangePasswordInput' });
export type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>;

export const userSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: roleSchema,
    flags: z.array(userFlagSchema),
    orgUnitId: z.uuid(),
    orgUnitName: z.string(),
    enterpriseId: z.uuid().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    isActive: z.boolean(),
    mustChangePassword: z.boolean(),
    lastLoginAt: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

const phoneSchema = z.string().trim().regex(/^[0-9+\-() ]{5,30}$/, '电话号码格式不正确');
const emailSchema = z.email('邮箱格式不正确').max(254);

export const createUserInputSchema = z
  .object({
    username: usernameSchema,
    displayName: z.string().trim().min(1).max(DISPLAY_NAME_MAX),
    role: roleSchema,
    flags: z.array(userFlagSchema).max(userFlags.length).default([]),
    orgUnitId: z.uuid(),
    enterpriseId: z.uuid().nullable().optional(),
    phone: phoneSchema.nullable().optional(),
    email: emailSchema.nullable().optional(),
    password: z.string().max(PASSWORD_MAX).optional().describe('初始密码；不填则生成临时密码，首次登录须修改'),
  })
  .strict()
  .meta({ id: 'CreateUserInput' });
export type CreateUserInput = z.infer<typeof createUserInputSchema>;

export const updateUserInputSchema = z
  .object({
    version: z.number().int().min(1),
    displayName: z.string().trim().min(1).max(DISPLAY_NAME_MAX).optional(),
    role: roleSchema.optional(),
    flags: z.array(userFlagSchema).max(userFlags.length).optional(),
    orgUnitId: z.uuid().optional(),
    enterpriseId: z.uuid().nullable().optional(),
    phone: phoneSchema.nullable().optional(),
    email: emailSchema.nullable().optional(),
    isActive: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'UpdateUserInput' });
export type UpdateUserInput = z.infer<typeof updateUserInputSchema>;

export const resetPasswordInputSchema = z
  .object({ version: z.number().int().min(1), newPassword: z.string().max(PASSWORD_MAX).optional().describe('不填则生成临时密码') })
  .strict()
  .meta({ id: 'ResetPasswordInput' });
export type ResetPasswordInput = z.infer<typeof resetPasswordInputSchema>;

export const createdUserSchema = z.object({ user: userSchema, temporaryPassword: z.string().nullable() }).meta({ id: 'CreatedUser' });

export const listUsersQuerySchema = z.object({
  q: z.string().trim().max(100).optional().describe('用户名、姓名、电话'),
  role: z.union([roleSchema, z.array(roleSchema)]).optional(),
  flag: userFlagSchema.optional(),
  orgUnitId: z.uuid().optional(),
  includeSubunits: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  active: z.enum(['true', 'false', 'all']).default('true'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.enum(['username', '-username', 'displayName', 'role', '-lastLoginAt', '-createdAt']).default('username'),
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;

export const userPageSchema = z.object({ items: z.array(userSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type UserPage = z.infer<typeof userPageSchema>;
