import { describe, expect, it } from 'vitest';
import { assertCanAssign, checkPasswordPolicy, isSessionExpired, nextThrottleState, retryAfterSeconds } from './rules';

describe('checkPasswordPolicy', () => {
  it.each([
    ['Demo#2026', 'office', []],
    ['abcdefgh', 'x', ['须包含大写字母、小写字母、数字、符号中的至少三类']],
    ['Abcdefg1', 'x', []],
    ['Ab1#', 'x', ['至少 8 个字符']],
    ['Office#2026', 'office', ['不能包含用户名']],
    ['ABCDEFG1', 'x', ['须包含大写字母、小写字母、数字、符号中的至少三类']],
  ])('%s for user %s → %j', (password, username, problems) => {
    expect(checkPasswordPolicy(password, username)).toEqual(problems);
  });
});

describe('nextThrottleState', () => {
  const t0 = new Date('2026-01-01T00:00:00Z');
  const at = (s: number) => new Date(t0.getTime() + s * 1000);
  it('locks on the max-th failure within the window, for one window', () => {
    let s = nextThrottleState(null, at(0), 3, 900);
    s = nextThrottleState(s, at(10), 3, 900);
    expect(s.lockedUntil).toBeNull();
    s = nextThrottleState(s, at(20), 3, 900);
    expect(s.failures).toBe(3);
    expect(s.lockedUntil?.toISOString()).toBe(at(920).toISOString());
    expect(retryAfterSeconds(s, at(20))).toBe(900);
    expect(retryAfterSeconds(s, at(919.5))).toBe(1);
    expect(retryAfterSeconds(s, at(920))).toBe(0);
  });
  it('starts a new window when the old one has passed', () => {
    const s = nextThrottleState({ failures: 2, windowStartedAt: at(0), lockedUntil: null }, at(900), 3, 900);
    expect(s).toEqual({ failures: 1, windowStartedAt: at(900), lockedUntil: null });
  });
});

describe('isSessionExpired', () => {
  const now = new Date('2026-01-01T12:00:00Z');
  it.each([
    ['idle just under the limit', 7199, 3600, false],
    ['idle exactly the limit', 7200, 3600, true],
    ['absolute expiry reached', 10, 0, true],
  ])('%s', (_label, idleSeconds, absoluteLeft, expired) => {
    const session = { lastSeenAt: new Date(now.getTime() - idleSeconds * 1000), expiresAt: new Date(now.getTime() + absoluteLeft * 1000) };
    expect(isSessionExpired(session, now, 7200)).toBe(expired);
  });
});

describe('assertCanAssign', () => {
  const subtree = { kind: 'subtree' as const, rootId: 't', rootPath: '/c/t/' };
  it('lets a township give the township role inside its territory', () => {
    expect(() => assertCanAssign({ role: 'township', scope: subtree }, { role: 'township', orgPath: '/c/t/v/' })).not.toThrow();
  });
  it.each([
    ['a role above its own', { role: 'office' as const, orgPath: '/c/t/' }, 'user.role_not_assignable'],
    ['an account outside its territory', { role: 'township' as const, orgPath: '/c/u/' }, 'user.outside_scope'],
  ])('refuses %s', (_label, target, code) => {
    expect(() => assertCanAssign({ role: 'township', scope: subtree }, target)).toThrow(expect.objectContaining({ code }));
  });
  it('lets only an administrator create administrators', () => {
    expect(() => assertCanAssign({ role: 'office', scope: { kind: 'all' } }, { role: 'admin', orgPath: '/c/' })).toThrow(expect.objectContaining({ code: 'user.role_not_assignable' }));
    expect(() => assertCanAssign({ role: 'admin', scope: { kind: 'all' } }, { role: 'admin', orgPath: '/c/' })).not.toThrow();
  });
});
