import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessOf, type Access } from '../../src/platform/http/access';
import { hasPermission } from '../../src/shared/permissions';
import type { Role } from '../../src/shared/roles';
import { createTestApp, type TestApp, type TestClient } from '../support/create-test-app';
import { prepareScopeFixtures, scopeFixtures } from './scope-fixtures';

/**
 * The generated access matrix: every registered /api route must declare who may call it, and
 * calling every route as every demo role answers exactly as the declaration says — 401 without a
 * session, 403 without the permission, never a 5xx — and a township user reaching into another
 * township's records gets 403/404.
 */
type DeclaredRoute = { method: string; path: string; access: Access };

let t: TestApp;
let routes: DeclaredRoute[];
const undeclared: string[] = [];
const demoRoles: Array<{ username: string; role: Role }> = [
  { username: 'admin', role: 'admin' },
  { username: 'office', role: 'office' },
  { username: 'bureau', role: 'bureau' },
  { username: 'town1', role: 'township' },
  { username: 'sci', role: 'department' },
  { username: 'ent1', role: 'enterprise' },
];

beforeAll(async () => {
  t = await createTestApp();
  await prepareScopeFixtures(t.database.db);
  const byKey = new Map<string, DeclaredRoute>();
  const seen = new Set<string>();
  for (const r of t.app.routes) {
    if (!r.path.startsWith('/api/') || r.method === 'ALL') continue;
    const key = `${r.method} ${r.path}`;
    seen.add(key);
    const access = accessOf(r.handler);
    if (access) byKey.set(key, { method: r.method, path: r.path, access });
  }
  for (const key of seen) if (!byKey.has(key)) undeclared.push(key);
  // Logging out ends the client's session, so it goes last.
  routes = [...byKey.values()].sort((a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')));
});
afterAll(async () => t.close());

function concretePath(path: string, id: string): string {
  return path.replace(/:id\b/g, id).replace(/:[a-zA-Z]+/g, 'x');
}

async function call(client: TestClient, route: DeclaredRoute, id: string, body?: unknown) {
  const path = concretePath(route.path, id);
  return route.method === 'GET' ? client.get(path) : client.request(route.method, path, body ?? {});
}

describe('route access declarations', () => {
  it('every registered API route declares its permission and scope', () => {
    expect(routes.length).toBeGreaterThan(15);
    expect(undeclared).toEqual([]);
  });

  it('every GET route with an id has a town2-owned fixture for the leak check', () => {
    // City-wide reference data (scope 'global', e.g. red-line zones) is the same for everyone and needs no fixture.
    const missing = routes.filter((r) => r.method === 'GET' && r.path.includes(':id') && !('public' in r.access) && r.access.scope !== 'global').map((r) => `${r.method} ${r.path}`).filter((k) => !scopeFixtures[k]);
    expect(missing).toEqual([]);
  });
});

describe('access matrix', () => {
  it('answers 401 to anonymous callers of every non-public route and never 5xx', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const res = await call(t.anonymous, route, crypto.randomUUID());
      if (res.status >= 500) failures.push(`${route.method} ${route.path}: ${res.status}`);
      if (!('public' in route.access) && (res.status !== 401 || res.body?.error?.code !== 'auth.required')) failures.push(`${route.method} ${route.path}: ${res.status} (expected 401)`);
    }
    expect(failures).toEqual([]);
  });

  for (const { username, role } of demoRoles) {
    it(`gives ${username} (${role}) exactly the routes the role's permissions allow`, async () => {
      const client = await t.as(username);
      const failures: string[] = [];
      for (const route of routes) {
        const res = await call(client, route, crypto.randomUUID());
        const key = `${route.method} ${route.path}`;
        if (res.status >= 500) failures.push(`${key}: ${res.status} ${res.text.slice(0, 200)}`);
        if ('public' in route.access) continue;
        const { permission, scope } = route.access;
        const allowed = permission === 'authenticated' || hasPermission(role, permission);
        const enterpriseRefused = role === 'enterprise' && (scope === 'org' || (scope === 'org_or_enterprise' && !client.me.enterpriseId));
        if (!allowed || enterpriseRefused) {
          if (res.status !== 403) failures.push(`${key}: ${res.status} (expected 403 for ${role})`);
        } else if (res.status === 401 || (res.status === 403 && ['auth.forbidden', 'auth.csrf_failed'].includes(res.body?.error?.code))) {
          failures.push(`${key}: ${res.status} ${res.body?.error?.code} (the role holds ${permission})`);
        }
      }
      expect(failures).toEqual([]);
    });
  }

  it("keeps town1 and ent1 out of town2's records while office reaches them", async () => {
    const town1 = await t.as('town1');
    const ent1 = await t.as('ent1');
    const office = await t.as('office');
    const failures: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      const loader = scopeFixtures[key];
      if (!loader) continue;
      const fixture = await loader(t.database.db);
      for (const [name, client] of [['town1', town1], ['ent1', ent1]] as const) {
        const res = await call(client, route, fixture.id, fixture.body);
        if (![403, 404].includes(res.status)) failures.push(`${name} ${key}: ${res.status} (expected 403/404)`);
      }
      if (route.method === 'GET') {
        const res = await call(office, route, fixture.id);
        if (res.status !== (fixture.officeStatus ?? 200)) failures.push(`office ${key}: ${res.status} (fixture not reachable)`);
      }
    }
    expect(failures).toEqual([]);
  });
});
