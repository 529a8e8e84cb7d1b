import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conflict } from '../../shared/errors';
import { fixedClock } from '../clock';
import { loadConfig } from '../config';
import type { Database } from '../db/connect';
import { queryOne } from '../db/types';
import { silentLogger } from '../logger';
import { createTestDb } from '../../../test/support/create-test-db';
import { claimNextJob, enqueueJob, findJob, finishJob, recoverAbandonedJobs, runPendingJobs, type JobHandler } from './queue';

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(async () => database.close());

const db = () => database.db;
const clock = fixedClock('2026-11-26T08:00:00Z');
const deps = (handlers: JobHandler[]) => ({ db: db(), clock, config: loadConfig({}), logger: silentLogger, handlers });
const orgOf = async (code: string) => (await queryOne<{ id: string; path: string }>(db(), sql`SELECT id, path FROM org_units WHERE code = ${code}`)) as { id: string; path: string };

describe('job queue', () => {
  it('hands each queued job to exactly one claimer, oldest first', async () => {
    const a = await enqueueJob(db(), { kind: 'test.claim', params: { n: 1 }, orgUnitId: null, createdBy: null });
    const b = await enqueueJob(db(), { kind: 'test.claim', params: { n: 2 }, orgUnitId: null, createdBy: null });
    const first = await claimNextJob(db(), { holder: 'w1', kinds: ['test.claim'], now: clock.now() });
    const second = await claimNextJob(db(), { holder: 'w2', kinds: ['test.claim'], now: clock.now() });
    expect([first?.id, first?.claimedBy, second?.id, second?.claimedBy]).toEqual([a.id, 'w1', b.id, 'w2']);
    expect(await claimNextJob(db(), { holder: 'w3', kinds: ['test.claim'], now: clock.now() })).toBeNull();
    expect(await claimNextJob(db(), { holder: 'w3', kinds: ['other'], now: clock.now() })).toBeNull();
    for (const job of [a, b]) await finishJob(db(), job.id, { status: 'succeeded', message: 'done' });
  });

  it('runs jobs with progress and stores results and errors (domain errors verbatim, others hidden)', async () => {
    const ok = await enqueueJob(db(), { kind: 'test.run', params: { value: 21 }, orgUnitId: null, createdBy: null });
    const bad = await enqueueJob(db(), { kind: 'test.fail', params: {}, orgUnitId: null, createdBy: null });
    const crash = await enqueueJob(db(), { kind: 'test.crash', params: {}, orgUnitId: null, createdBy: null });
    const handlers: JobHandler[] = [
      {
        kind: 'test.run',
        run: async ({ job, progress }) => {
          await progress({ done: 1, total: 2, message: '一半' });
          return { doubled: (job.params.value as number) * 2 };
        },
      },
      { kind: 'test.fail', run: async () => Promise.reject(conflict('test.nope', '不行')) },
      { kind: 'test.crash', run: async () => Promise.reject(new Error('secret internals')) },
    ];
    expect(await runPendingJobs(deps(handlers))).toBe(3);
    expect(await findJob(db(), ok.id)).toMatchObject({ status: 'succeeded', progressDone: 1, progressTotal: 2, result: { doubled: 42 } });
    expect((await findJob(db(), bad.id))?.error).toEqual({ code: 'test.nope', message: '不行' });
    expect((await findJob(db(), crash.id))?.error).toEqual({ code: 'job.failed', message: '任务执行出错，请稍后重试或联系管理员' });
  });

  it('marks jobs of a dead worker failed: stale heartbeats always, every running job at start-up of the embedded database', async () => {
    const stale = await enqueueJob(db(), { kind: 'test.dead', params: {}, orgUnitId: null, createdBy: null });
    await claimNextJob(db(), { holder: 'dead', kinds: ['test.dead'], now: new Date('2026-11-26T07:00:00Z') });
    const fresh = await enqueueJob(db(), { kind: 'test.dead', params: {}, orgUnitId: null, createdBy: null });
    await claimNextJob(db(), { holder: 'alive', kinds: ['test.dead'], now: clock.now() });
    await db().execute(sql`UPDATE jobs SET heartbeat_at = ${clock.now().toISOString()} WHERE id = ${fresh.id}`);
    const cleaned: string[] = [];
    const handlers: JobHandler[] = [{ kind: 'test.dead', run: async () => null, onAbandoned: async (_db, job) => void cleaned.push(job.id) }];
    expect(await recoverAbandonedJobs(db(), { handlers, now: clock.now() })).toBe(1);
    expect([(await findJob(db(), stale.id))?.status, (await findJob(db(), fresh.id))?.status]).toEqual(['failed', 'running']);
    expect(await recoverAbandonedJobs(db(), { handlers, now: clock.now(), all: true })).toBe(1);
    expect((await findJob(db(), fresh.id))?.error?.code).toBe('job.abandoned');
    expect(cleaned).toEqual([stale.id, fresh.id]);
  });

  it('shows a job to its creator and to scopes that cover its org unit only', async () => {
    const changle = await orgOf('town-changle');
    const yuelai = await orgOf('town-yuelai');
    const creator = (await queryOne<{ id: string }>(db(), sql`SELECT id FROM users WHERE username = 'town1'`))?.id as string;
    const job = await enqueueJob(db(), { kind: 'test.scope', params: {}, orgUnitId: changle.id, createdBy: creator });
    expect(await findJob(db(), job.id, { scope: { kind: 'subtree', rootId: changle.id, rootPath: changle.path }, userId: creator })).not.toBeNull();
    expect(await findJob(db(), job.id, { scope: { kind: 'subtree', rootId: yuelai.id, rootPath: yuelai.path }, userId: '00000000-0000-4000-8000-000000000000' })).toBeNull();
    expect(await findJob(db(), job.id, { scope: { kind: 'enterprise', enterpriseId: 'e' }, userId: creator })).not.toBeNull();
    expect(await findJob(db(), job.id, { scope: { kind: 'all' }, userId: null })).not.toBeNull();
  });
});
