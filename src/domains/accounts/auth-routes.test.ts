import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock';
import { createTestApp, type TestApp } from '../../../test/support/create-test-app';

const clock = fixedClock('2026-11-26T02:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock, config: { login: { maxFailuresPerUser: 3, maxFailuresPerIp: 50, windowSeconds: 900 } } });
});
afterAll(async () => t.close());

describe('POST /auth/login', () => {
  it('sets an HttpOnly SameSite session cookie and a readable CSRF cookie, and returns the user', async () => {
    const res = await t.anonymous.post('/api/v1/auth/login', { username: 'office', password: 'Demo#2026' });
    expect(res.status).toBe(200);
    const cookies = res.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('qc_session='));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(cookies.find((c) => c.startsWith('qc_csrf='))).not.toMatch(/HttpOnly/i);
    expect(res.body).toMatchObject({ username: 'office', role: 'office', orgUnit: { name: '海门市质量强市工作领导小组办公室' } });
    expect(res.body.permissions).toContain('org.manage');
    expect(res.body).not.toHaveProperty('passwordHash');
  });

  it('answers a wrong password and an unknown user alike with 401', async () => {
    const wrong = await t.anonymous.post('/api/v1/auth/login', { username: 'bureau', password: 'nope' });
    const unknown = await t.anonymous.post('/api/v1/auth/login', { username: 'nobody-here', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.code).toBe('auth.invalid_credentials');
    expect(unknown.body.error.code).toBe('auth.invalid_credentials');
  });

  it('locks a user after repeated failures with 429 and Retry-After, and lets them in after the window', async () => {
    for (let i = 0; i < 3; i++) expect((await t.anonymous.post('/api/v1/auth/login', { username: 'sci', password: 'bad' })).status).toBe(401);
    const blocked = await t.anonymous.post('/api/v1/auth/login', { username: 'sci', password: 'Demo#2026' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('auth.too_many_attempts');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(blocked.headers.get('retry-after'))).toBeLessThanOrEqual(900);
    clock.advance(901_000);
    expect((await t.anonymous.post('/api/v1/auth/login', { username: 'sci', password: 'Demo#2026' })).status).toBe(200);
  });

  it('records successful and failed logins in the audit log', async () => {
    const office = await t.as('office');
    const res = await office.get('/api/v1/audit-log?action=auth&pageSize=100');
    const actions = res.body.items.map((e: { action: string }) => e.action);
    expect(actions).toContain('auth.login');
    expect(actions).toContain('auth.login_failed');
  });
});

describe('sessions', () => {
  it('expires after the idle timeout and keeps an active session alive', async () => {
    const town1 = await t.as('town1');
    clock.advance(60 * 60_000);
    expect((await town1.get('/api/v1/auth/me')).status).toBe(200);
    clock.advance(60 * 60_000 + 30_000);
    expect((await town1.get('/api/v1/auth/me')).status).toBe(200);
    clock.advance(2 * 60 * 60_000 + 1_000);
    expect((await town1.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('expires at the absolute lifetime even when used continuously', async () => {
    const town2 = await t.as('town2');
    for (let hour = 0; hour < 12; hour++) {
      clock.advance(60 * 60_000);
      const res = await town2.get('/api/v1/auth/me');
      expect(res.status).toBe(hour < 11 ? 200 : 401);
    }
  });

  it('ends the session on logout', async () => {
    const bureau = await t.as('bureau');
    expect((await bureau.post('/api/v1/auth/logout')).status).toBe(200);
    expect((await bureau.get('/api/v1/auth/me')).status).toBe(401);
  });
});

describe('CSRF protection', () => {
  it('refuses a cookie-authenticated write without the CSRF header', async () => {
    const office = await t.as('office');
    const res = await t.app.request('/api/v1/notifications/read-all', { method: 'POST', headers: { cookie: office.cookie as string } });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('auth.csrf_failed');
  });

  it('refuses a write from another origin', async () => {
    const office = await t.as('office');
    const res = await office.request('POST', '/api/v1/notifications/read-all', {}, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('auth.cross_origin');
  });
});

describe('passwords', () => {
  it('changes the own password, rejecting weak ones, and logs out the other sessions', async () => {
    const a = await t.as('ent1');
    const b = await t.as('ent1');
    const weak = await a.post('/api/v1/auth/password', { currentPassword: 'Demo#2026', newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('user.weak_password');
    const wrong = await a.post('/api/v1/auth/password', { currentPassword: 'wrong', newPassword: 'Better#Pass2026' });
    expect(wrong.status).toBe(409);
    expect((await a.post('/api/v1/auth/password', { currentPassword: 'Demo#2026', newPassword: 'Better#Pass2026' })).status).toBe(200);
    expect((await a.get('/api/v1/auth/me')).status).toBe(200);
    expect((await b.get('/api/v1/auth/me')).status).toBe(401);
    await t.as('ent1', 'Better#Pass2026');
  });

  it('lets an administrator reset a password to a temporary one that must be changed', async () => {
    const admin = await t.as('admin');
    const user = (await admin.get('/api/v1/users?q=sci')).body.items[0];
    const reset = await admin.post(`/api/v1/users/${user.id}/password-reset`, { version: user.version });
    expect(reset.status).toBe(200);
    expect(reset.body.temporaryPassword).toMatch(/.{8,}/);
    const sci = await t.as('sci', reset.body.temporaryPassword);
    expect(sci.me.mustChangePassword).toBe(true);
  });
});
