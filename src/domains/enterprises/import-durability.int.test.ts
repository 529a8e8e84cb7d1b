import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../../platform/db/connect';
import { migrate } from '../../platform/db/migrate';
import { queryOne } from '../../platform/db/types';
import { recoverAbandonedJobs } from '../../platform/jobs/queue';
import { repoRoot } from '../../../test/support/processes';
import { jobHandlers } from '../job-handlers';

/**
 * A SIGKILL in the middle of an import (rows already written inside the open transaction) leaves
 * nothing of the batch after a restart; the restarted worker marks the job and the batch failed.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qcity-import-kill-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function runChildUntilWrite(): Promise<{ batchId: string; jobId: string; before: number; written: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test/support/import-child.ts')], {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: dataDir, ROWS: '30000', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let ids: { batchId: string; jobId: string; before: number } | null = null;
    let killedAt = 0;
    child.stdout.on('data', (d: Buffer) => {
      output += String(d);
      const batch = /BATCH (\S+) (\S+) (\d+)/.exec(output);
      if (batch && !ids) ids = { batchId: batch[1] as string, jobId: batch[2] as string, before: Number(batch[3]) };
      const write = /WRITE (\d+)/.exec(output);
      if (write && !killedAt) {
        killedAt = Number(write[1]);
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (d: Buffer) => (output += String(d)));
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' && ids && killedAt > 0) resolve({ ...ids, written: killedAt, output });
      else reject(new Error(`child was not killed mid-import (code ${code}, signal ${signal}):\n${output}`));
    });
  });
}

describe('SIGKILL in the middle of an import', () => {
  it('leaves nothing of the batch after a restart, and the job and batch end up failed', async () => {
    const killed = await runChildUntilWrite();
    expect(killed.written).toBeGreaterThan(0); // rows were inside the open transaction when the process died
    expect(killed.output).not.toContain('DONE');

    const database = await connect({ url: null, dataDir }); // takes over the dead process's lock
    try {
      await migrate(database);
      const db = database.db;
      const ofBatch = await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM enterprises WHERE created_import_batch_id = ${killed.batchId}`);
      const journal = await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM import_batch_rows WHERE batch_id = ${killed.batchId}`);
      const bulk = await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM enterprises WHERE name LIKE '海门批量%'`);
      const all = await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM enterprises`);
      expect([ofBatch?.n, journal?.n, bulk?.n, all?.n]).toEqual([0, 0, 0, killed.before]);

      const stuck = await queryOne<{ status: string }>(db, sql`SELECT status FROM jobs WHERE id = ${killed.jobId}`);
      expect(stuck?.status).toBe('running');
      expect(await recoverAbandonedJobs(db, { handlers: jobHandlers, now: new Date(), all: true })).toBe(1);
      const job = await queryOne<{ status: string; error: { code: string } }>(db, sql`SELECT status, error FROM jobs WHERE id = ${killed.jobId}`);
      const batch = await queryOne<{ status: string; error: { code: string } }>(db, sql`SELECT status, error FROM import_batches WHERE id = ${killed.batchId}`);
      expect([job?.status, job?.error.code, batch?.status, batch?.error.code]).toEqual(['failed', 'job.abandoned', 'failed', 'import.interrupted']);
    } finally {
      await database.close();
    }
  }, 180_000);
});
