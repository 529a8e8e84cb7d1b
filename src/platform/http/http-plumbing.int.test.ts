import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/create-test-app';

/** The global HTTP plumbing every route shares: request ids on every answer, body checks on writes only. */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t.close();
});

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it('gives every answer a new request id, or the caller’s own when it is well-formed', async () => {
    const fresh = await t.anonymous.get('/api/v1/health');
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('x-request-id')).toMatch(uuid);
    const traced = await t.anonymous.request('GET', '/api/v1/health', undefined, { 'x-request-id': 'trace-42.a' });
    expect(traced.headers.get('x-request-id')).toBe('trace-42.a');
    const hostile = await t.anonymous.request('GET', '/api/v1/health', undefined, { 'x-request-id': 'bad id <script>' });
    expect(hostile.headers.get('x-request-id')).toMatch(uuid);
  });

  it('puts the request id on errors and on lists, next to the security headers', async () => {
    const refused = await t.anonymous.get('/api/v1/auth/me');
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('auth.required');
    expect(refused.headers.get('x-request-id')).toMatch(uuid);
    const office = await t.as('office');
    const list = await office.get('/api/v1/equipment?pageSize=5');
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.headers.get('x-request-id')).toMatch(uuid);
    expect(list.headers.get('x-frame-options')).toBe('DENY');
    expect(list.headers.get('vary')).toBe('Accept-Encoding');
  });
});

describe('body checks', () => {
  it('reads lists whatever content type a GET announces, and still checks the bodies of writes', async () => {
    const office = await t.as('office');
    const list = await office.request('GET', '/api/v1/equipment?pageSize=5', undefined, { 'content-type': 'application/json' });
    expect(list.status).toBe(200);
    const nul = await t.anonymous.raw('POST', '/api/v1/auth/login', '{"username":"office\\u0000","password":"x"}');
    expect(nul.status).toBe(400);
    expect(nul.body.error.code).toBe('request.invalid_characters');
  });
});
