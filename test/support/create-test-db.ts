import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { connect, type Database } from '../../src/platform/db/connect';
import { withDatabase } from './global-setup';

/**
 * A fresh database for one test file, already migrated and seeded with the small demo: a PGlite
 * clone of the golden image, or (with DATABASE_URL) a PostgreSQL database cloned from the
 * template. Close it in afterAll.
 */
export async function createTestDb(): Promise<Database & { url?: string }> {
  const url = process.env.DATABASE_URL;
  const template = inject('pgTemplate');
  if (url && template) {
    const name = `qc_test_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.end();
    const database = await connect({ url: withDatabase(url, name), dataDir: '', poolSize: 20 });
    const close = database.close;
    return {
      ...database,
      url: withDatabase(url, name),
      close: async () => {
        await close();
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const image = inject('goldenImage');
  const blob = new Blob([fs.readFileSync(image)]);
  return connect({ url: null, dataDir: '', memory: { loadDataDir: blob } });
}
