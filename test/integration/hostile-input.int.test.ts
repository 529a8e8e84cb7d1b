import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/platform/db/types';
import { createTestApp, type TestApp, type TestClient } from '../support/create-test-app';

/**
 * Every JSON route answers malformed, oversized, wrong-typed and hostile input with a 4xx and an
 * error code — never a 5xx — and writes nothing. Routes are taken from the OpenAPI document, so a
 * new route is covered the day it is added.
 */
type Operation = { method: string; path: string; hasJsonBody: boolean; maxBodyBytes?: number };

let t: TestApp;
let admin: TestClient;
let operations: Operation[];

async function rowCounts(): Promise<Record<string, number>> {
  const tables = await queryRows<{ name: string }>(
    t.database.db,
    sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('sessions', 'login_throttle', 'schema_migrations') ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(name)}`);
    counts[name] = row?.n ?? 0;
  }
  return counts;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  const doc = (await t.anonymous.get('/api/v1/openapi.json')).body as { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> }; 'x-max-body-bytes'?: number }>> };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path: path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000'),
      hasJsonBody: Boolean(op.requestBody?.content?.['application/json']),
      maxBodyBytes: op['x-max-body-bytes'],
    })),
  );
});
afterAll(async () => t.close());

const hostileBodies: Array<[string, string]> = [
  ['malformed JSON', '{"name": "x",'],
  ['an array', '[1,2,3]'],
  ['a number', '12345'],
  ['a string', '"hello"'],
  ['null', 'null'],
  ['unknown fields only', JSON.stringify({ __proto__field: 1, unexpected: 'x' })],
  ['SQL metacharacters', JSON.stringify({ name: "'); DROP TABLE users; --", username: "admin' OR '1'='1", version: "1; DELETE FROM audit_log" })],
  ['script tags and huge numbers', JSON.stringify({ name: '<script>alert(1)</script>', version: 1e308, page: -1, pageSize: 9e99 })],
  ['deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`],
];

describe('hostile input on every JSON route', () => {
  it('finds the JSON routes in the OpenAPI document', () => {
    expect(operations.filter((o) => o.hasJsonBody).length).toBeGreaterThan(8);
  });

  it('answers each hostile body with a 4xx error code and writes nothing', async () => {
    const before = await rowCounts();
    const failures: string[] = [];
    for (const op of operations.filter((o) => o.hasJsonBody && !o.path.endsWith('/logout'))) {
      for (const [label, body] of hostileBodies) {
        const res = await admin.raw(op.method, op.path, body);
        if (res.status < 400 || res.status >= 500 || typeof res.body?.error?.code !== 'string') {
          failures.push(`${op.method} ${op.path} with ${label}: ${res.status} ${res.text.slice(0, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a body over the route limit (5 MB, or the bulk limit the route documents) with 413 before reading it', async () => {
    const bodyOf = (bytes: number) => JSON.stringify({ name: 'x'.repeat(bytes) });
    const failures: string[] = [];
    for (const op of operations.filter((o) => o.hasJsonBody && !o.path.endsWith('/logout'))) {
      const res = await admin.raw(op.method, op.path, bodyOf(Math.max(5 * 1024 * 1024, (op.maxBodyBytes ?? 0) + 1024 * 1024)));
      if (res.status !== 413 || res.body?.error?.code !== 'request.too_large') failures.push(`${op.method} ${op.path}: ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses bodies that are not valid UTF-8 or not JSON at all', async () => {
    const failures: string[] = [];
    for (const op of operations.filter((o) => o.hasJsonBody && !o.path.endsWith('/logout'))) {
      const invalidUtf8 = new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
      const a = await admin.raw(op.method, op.path, invalidUtf8);
      const b = await admin.raw(op.method, op.path, 'name=x', 'application/x-www-form-urlencoded');
      for (const res of [a, b]) if (res.status < 400 || res.status >= 500) failures.push(`${op.method} ${op.path}: ${res.status} ${res.text.slice(0, 100)}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers hostile query strings on every GET route without a 5xx', async () => {
    const failures: string[] = [];
    const queries = ["?q=' OR 1=1 --", '?q=%3Cscript%3E', '?page=-1', '?pageSize=99999999999999999999', '?sort=;drop', '?q=%00', '?page=1e309'];
    for (const op of operations.filter((o) => o.method === 'GET')) {
      for (const q of queries) {
        const res = await admin.get(`${op.path}${q}`);
        if (res.status >= 500) failures.push(`${op.path}${q}: ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
