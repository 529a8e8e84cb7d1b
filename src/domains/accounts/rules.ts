import { isOrgPathInScope, type DataScope } from '../../shared/actor';
import { forbidden, invalid } from '../../shared/errors';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../shared/limits';
import { assignableRoles } from '../../shared/permissions';
import type { Role, UserFlag } from '../../shared/roles';

/**
 * Password policy (等保 2.0 style): at least 8 characters from at least three of the four
 * classes (upper case, lower case, digits, symbols), not containing the username.
 */
export function checkPasswordPolicy(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN) problems.push(`至少 ${PASSWORD_MIN} 个字符`);
  if (password.length > PASSWORD_MAX) problems.push(`不超过 ${PASSWORD_MAX} 个字符`);
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('须包含大写字母、小写字母、数字、符号中的至少三类');
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('不能包含用户名');
  return problems;
}

export function assertPasswordPolicy(password: string, username: string): void {
  const problems = checkPasswordPolicy(password, username);
  if (problems.length > 0) throw invalid('user.weak_password', `密码不符合要求：${problems.join('；')}`, { problems });
}

/** Duty flags are township duties; enterprise accounts must name their enterprise once that registry exists. */
export function assertFlagsFitRole(role: Role, flags: readonly UserFlag[]): void {
  if (flags.length > 0 && role !== 'township') throw invalid('user.flags_not_allowed', '职责标记只适用于镇（街道、园区）工作人员');
  if (new Set(flags).size !== flags.length) throw invalid('user.duplicate_flags', '职责标记重复');
}

/**
 * A user manager may hand out only the roles their own role allows, and only to accounts in
 * their own scope (target org unit inside their subtree).
 */
export function assertCanAssign(manager: { role: Role | null; scope: DataScope }, target: { role: Role; orgPath: string }): void {
  const allowed = manager.role === null ? assignableRoles.admin : assignableRoles[manager.role];
  if (!allowed.includes(target.role)) throw forbidden('user.role_not_assignable', '您不能授予该角色');
  if (!isOrgPathInScope(manager.scope, target.orgPath)) throw forbidden('user.outside_scope', '只能管理本单位及下属单位的账号');
}

/** Who may log in: an active account whose org unit is active. */
export function isLoginAllowed(user: { isActive: boolean; orgUnitActive: boolean }): boolean {
  return user.isActive && user.orgUnitActive;
}

/** Session expiry: idle timeout since last activity, absolute timeout since login. */
export function isSessionExpired(session: { lastSeenAt: Date; expiresAt: Date }, now: Date, idleSeconds: number): boolean {
  return now.getTime() >= session.expiresAt.getTime() || now.getTime() - session.lastSeenAt.getTime() >= idleSeconds * 1000;
}

/** Login throttling: after `max` failures within `windowSeconds`, lock for the rest of the window. */
export type ThrottleState = { failures: number; windowStartedAt: Date; lockedUntil: Date | null };

export function nextThrottleState(state: ThrottleState | null, now: Date, max: number, windowSeconds: number): ThrottleState {
  const windowMs = windowSeconds * 1000;
  if (!state || now.getTime() - state.windowStartedAt.getTime() >= windowMs) {
    return { failures: 1, windowStartedAt: now, lockedUntil: max <= 1 ? new Date(now.getTime() + windowMs) : null };
  }
  const failures = state.failures + 1;
  return { failures, windowStartedAt: state.windowStartedAt, lockedUntil: failures >= max ? new Date(now.getTime() + windowMs) : state.lockedUntil };
}

export function retryAfterSeconds(state: ThrottleState | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000));
}
