import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { connect } from '../../src/platform/db/connect';
import { migrate } from '../../src/platform/db/migrate';
import { seedDemo } from '../../src/demo/seed';

/**
 * Builds the database every integration test file starts from, once per run: all migrations plus
 * the small demo seed. On PGlite it is a dumped data directory ("golden image", stack.md §5); on
 * PostgreSQL (DATABASE_URL set) a template database that each test file clones.
 */
declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  export interface ProvidedContext {
    goldenImage: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `qc_test_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    const database = await connect({ url: withDatabase(url, template), dataDir: '' });
    await migrate(database);
    await seedDemo(database.db, { size: 'small' });
    await database.close();
    project.provide('pgTemplate', template);
    project.provide('goldenImage', '');
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${template}`);
      await admin.end();
    };
  }
  const database = await connect({ url: null, dataDir: '', memory: {} });
  await migrate(database);
  await seedDemo(database.db, { size: 'small' });
  const image = await (database.pglite as NonNullable<typeof database.pglite>).dumpDataDir('none');
  await database.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qcity-golden-'));
  const file = path.join(dir, 'golden.tar');
  fs.writeFileSync(file, Buffer.from(await image.arrayBuffer()));
  project.provide('goldenImage', file);
  project.provide('pgTemplate', '');
  return async () => fs.rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
