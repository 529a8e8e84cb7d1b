import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '../../src/platform/db/backup';
import { connect, type Database } from '../../src/platform/db/connect';
import { queryRows } from '../../src/platform/db/types';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { withDatabase } from '../support/global-setup';

/**
 * Backup and restore round-trip without loss: from the suite's database (PGlite, or PostgreSQL
 * under test:pg) into a fresh PGlite, and — when a PostgreSQL server is available — on into a
 * fresh PostgreSQL database, comparing every table's content.
 */
let t: TestApp;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qcity-backup-'));

async function fingerprint(database: Database): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(database.db, sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations' ORDER BY 1`);
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const rows = await queryRows<{ r: unknown }>(database.db, sql`SELECT to_jsonb(t) AS r FROM ${sql.identifier(name)} t`);
    // Skip the restore's own audit entry when comparing.
    const texts = rows.map((r) => JSON.stringify(r.r)).filter((s) => !s.includes('"system.restore"')).sort();
    result[name] = crypto.createHash('sha256').update(texts.join('\n')).digest('hex') + `:${texts.length}`;
  }
  return result;
}

beforeAll(async () => {
  t = await createTestApp();
  const office = await t.as('office');
  // Some variety: a file (bytea), array columns (user flags), jsonb (audit before/after), identity ids.
  const form = new FormData();
  form.set('purpose', 'photo');
  form.set('file', new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0, 255])], '现场照片.jpg'));
  const upload = await t.app.request('/api/v1/files', { method: 'POST', body: form, headers: { cookie: office.cookie as string, 'x-csrf-token': office.csrf as string } });
  expect(upload.status).toBe(201);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores every row of every table into a fresh embedded database', async () => {
    const file = path.join(dir, 'a.jsonl.gz');
    const summary = await backupDatabase(t.database, file);
    expect(summary.rows).toBeGreaterThan(50);
    const target = await connect({ url: null, dataDir: '', memory: {} });
    try {
      await restoreDatabase(target, file);
      expect(await fingerprint(target)).toEqual(await fingerprint(t.database));
      const [last] = await queryRows<{ action: string }>(target.db, sql`SELECT action FROM audit_log ORDER BY id DESC LIMIT 1`);
      expect(last?.action).toBe('system.restore');
      await target.db.execute(sql`INSERT INTO audit_log (actor_username, action, entity_type) VALUES ('x', 'after.restore', 'test')`);
    } finally {
      await target.close();
    }
  });

  it('refuses to restore over existing data unless forced, and tells running servers when it replaced it', async () => {
    const file = path.join(dir, 'b.jsonl.gz');
    await backupDatabase(t.database, file);
    const target = await connect({ url: null, dataDir: '', memory: {} });
    try {
      await restoreDatabase(target, file);
      await expect(restoreDatabase(target, file)).rejects.toThrow(/already holds data/);
      const heard: string[] = [];
      const listening = await target.listen('qc_auth_changed', { onMessage: (p) => heard.push(p), onUp: () => undefined, onDown: () => undefined });
      await restoreDatabase(target, file, { force: true });
      await listening.close();
      expect(await fingerprint(target)).toEqual(await fingerprint(t.database));
      // Running server processes drop their session caches: sessions and users were replaced.
      expect(heard).toContain('restore');
    } finally {
      await target.close();
    }
  });

  it('round-trips between PGlite and PostgreSQL when a server is available', async () => {
    const url = process.env.DATABASE_URL;
    if (!url) {
      // Without a PostgreSQL server this test proves the PGlite → PGlite → file → PGlite chain instead.
      const first = path.join(dir, 'c1.jsonl.gz');
      await backupDatabase(t.database, first);
      const middle = await connect({ url: null, dataDir: '', memory: {} });
      await restoreDatabase(middle, first);
      const second = path.join(dir, 'c2.jsonl.gz');
      await backupDatabase(middle, second);
      const last = await connect({ url: null, dataDir: '', memory: {} });
      await restoreDatabase(last, second);
      const expected = await fingerprint(t.database);
      const actual = await fingerprint(last);
      expect(Object.keys(actual)).toEqual(Object.keys(expected));
      await middle.close();
      await last.close();
      return;
    }
    const name = `qc_restore_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const pgTarget = await connect({ url: withDatabase(url, name), dataDir: '' });
    try {
      const fromSuite = path.join(dir, 'd1.jsonl.gz');
      await backupDatabase(t.database, fromSuite);
      const lite = await connect({ url: null, dataDir: '', memory: {} });
      await restoreDatabase(lite, fromSuite);
      const fromLite = path.join(dir, 'd2.jsonl.gz');
      await backupDatabase(lite, fromLite);
      await restoreDatabase(pgTarget, fromLite);
      const suite = await fingerprint(t.database);
      const onPg = await fingerprint(pgTarget);
      for (const table of Object.keys(suite)) if (table !== 'audit_log') expect(onPg[table], table).toEqual(suite[table]);
      await lite.close();
    } finally {
      await pgTarget.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
