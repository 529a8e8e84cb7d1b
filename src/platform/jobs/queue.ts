import crypto from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import type { DataScope } from '../../shared/actor';
import type { Clock } from '../clock';
import type { Config } from '../config';
import { scopeCondition } from '../db/scope';
import { queryOne, queryRows, toIsoTimestamp, type Db } from '../db/types';
import { newId } from '../ids';
import type { Logger } from '../logger';

/**
 * The job queue on the `jobs` table (long imports, recomputations). Any server process may run
 * jobs: a worker claims the oldest queued job with `FOR UPDATE SKIP LOCKED`, runs its handler,
 * keeps a heartbeat while it runs and stores the result or the error. Handlers report progress
 * (done/total/message) that the UI polls through `GET /api/v1/jobs/{id}`.
 *
 * A process that dies while running a job leaves it 'running'; its data transaction is rolled
 * back by the database. `recoverAbandonedJobs` (run when a worker starts, and on every tick for
 * heartbeats older than the stale limit) marks such jobs failed and lets the handler clean up.
 *
 * Progress writes go through the shared handle: on PGlite (one connection) never await
 * `progress()` inside a transaction of your own — report before or after it.
 */
export const jobStatuses = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof jobStatuses)[number];

export type Job = {
  id: string;
  kind: string;
  status: JobStatus;
  params: Record<string, unknown>;
  progressDone: number;
  progressTotal: number | null;
  message: string | null;
  result: unknown;
  error: { code: string; message: string; details?: unknown } | null;
  orgUnitId: string | null;
  createdBy: string | null;
  claimedBy: string | null;
  heartbeatAt: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export type JobProgress = { done?: number; total?: number | null; message?: string | null };

export type JobContext = {
  db: Db;
  job: Job;
  clock: Clock;
  config: Config;
  logger: Logger;
  progress(update: JobProgress): Promise<void>;
};

export type JobHandler = {
  kind: string;
  /** Runs the job; the returned value is stored as the job's result. Throw to fail it. */
  run(ctx: JobContext): Promise<unknown>;
  /** Clean-up after the job's process died (the job is already marked failed). */
  onAbandoned?(db: Db, job: Job): Promise<void>;
};

export type WorkerDeps = { db: Db; clock: Clock; config: Config; logger: Logger; handlers: readonly JobHandler[]; holder?: string };

type JobRow = {
  id: string;
  kind: string;
  status: JobStatus;
  params: Record<string, unknown>;
  progress_done: number;
  progress_total: number | null;
  message: string | null;
  result: unknown;
  error: Job['error'];
  org_unit_id: string | null;
  created_by: string | null;
  claimed_by: string | null;
  heartbeat_at: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
};

const columns = sql`id, kind, status, params, progress_done, progress_total, message, result, error, org_unit_id, created_by, claimed_by,
  heartbeat_at::text, created_at::text, started_at::text, finished_at::text`;

function toJob(r: JobRow): Job {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    params: r.params ?? {},
    progressDone: r.progress_done,
    progressTotal: r.progress_total,
    message: r.message,
    result: r.result ?? null,
    error: r.error ?? null,
    orgUnitId: r.org_unit_id,
    createdBy: r.created_by,
    claimedBy: r.claimed_by,
    heartbeatAt: toIsoTimestamp(r.heartbeat_at),
    createdAt: toIsoTimestamp(r.created_at),
    startedAt: toIsoTimestamp(r.started_at),
    finishedAt: toIsoTimestamp(r.finished_at),
  };
}

export const HEARTBEAT_MS = 10_000;
export const STALE_AFTER_MS = 120_000;

export function workerHolderId(): string {
  return `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
}

export async function enqueueJob(
  db: Db,
  job: { kind: string; params: Record<string, unknown>; orgUnitId: string | null; createdBy: string | null; message?: string; id?: string },
): Promise<Job> {
  const row = await queryOne<JobRow>(
    db,
    sql`INSERT INTO jobs (id, kind, status, params, message, org_unit_id, created_by)
        VALUES (${job.id ?? newId()}, ${job.kind}, 'queued', ${JSON.stringify(job.params)}::jsonb, ${job.message ?? '排队等待处理'}, ${job.orgUnitId}, ${job.createdBy})
        RETURNING ${columns}`,
  );
  return toJob(row as JobRow);
}

/** Takes the oldest queued job of the given kinds, or null. Safe with several workers (SKIP LOCKED). */
export async function claimNextJob(db: Db, options: { holder: string; kinds: readonly string[]; now: Date }): Promise<Job | null> {
  if (options.kinds.length === 0) return null;
  const kinds = sql.join(options.kinds.map((k) => sql`${k}`), sql`, `);
  const row = await queryOne<JobRow>(
    db,
    sql`UPDATE jobs SET status = 'running', claimed_by = ${options.holder}, started_at = ${options.now.toISOString()},
               heartbeat_at = ${options.now.toISOString()}, message = '正在处理'
        WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND kind IN (${kinds}) ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING ${columns}`,
  );
  return row ? toJob(row) : null;
}

export async function updateJobProgress(db: Db, id: string, update: JobProgress): Promise<void> {
  await db.execute(sql`UPDATE jobs SET
      progress_done = COALESCE(${update.done ?? null}::int, progress_done),
      progress_total = ${update.total === undefined ? sql`progress_total` : sql`${update.total}::int`},
      message = ${update.message === undefined ? sql`message` : sql`${update.message}`},
      heartbeat_at = now()
    WHERE id = ${id}`);
}

export async function heartbeatJob(db: Db, id: string, holder: string): Promise<void> {
  await db.execute(sql`UPDATE jobs SET heartbeat_at = now() WHERE id = ${id} AND claimed_by = ${holder} AND status = 'running'`);
}

export async function finishJob(db: Db, id: string, outcome: { status: 'succeeded' | 'failed'; result?: unknown; error?: Job['error']; message: string }): Promise<void> {
  await db.execute(sql`UPDATE jobs SET status = ${outcome.status}, result = ${outcome.result === undefined ? null : JSON.stringify(outcome.result)}::jsonb,
      error = ${outcome.error ? JSON.stringify(outcome.error) : null}::jsonb, message = ${outcome.message}, finished_at = now(), heartbeat_at = now()
    WHERE id = ${id}`);
}

export async function findJob(db: Db, id: string, access?: { scope: DataScope; userId: string | null }): Promise<Job | null> {
  const visible = access ? sql`(created_by = ${access.userId} OR ${scopeCondition(access.scope, { orgColumn: sql`org_unit_id` })})` : sql`true`;
  const row = await queryOne<JobRow>(db, sql`SELECT ${columns} FROM jobs WHERE id = ${id} AND ${visible}`);
  return row ? toJob(row) : null;
}

/**
 * Marks jobs whose process died as failed: every running job when `all` (one embedded database
 * has exactly one process, so at start-up nothing else can be running one), otherwise those
 * whose heartbeat is older than `staleAfterMs`.
 */
export async function recoverAbandonedJobs(db: Db, options: { handlers: readonly JobHandler[]; now: Date; all?: boolean; staleAfterMs?: number; logger?: Logger }): Promise<number> {
  const cutoff = new Date(options.now.getTime() - (options.staleAfterMs ?? STALE_AFTER_MS)).toISOString();
  const rows = await queryRows<JobRow>(
    db,
    sql`UPDATE jobs SET status = 'failed', finished_at = ${options.now.toISOString()},
               error = ${JSON.stringify({ code: 'job.abandoned', message: '处理该任务的进程意外中止，任务未完成，未写入任何数据，请重新提交' })}::jsonb,
               message = '处理进程中止，任务失败'
        WHERE status = 'running' AND (${options.all ?? false} OR heartbeat_at IS NULL OR heartbeat_at < ${cutoff}::timestamptz)
        RETURNING ${columns}`,
  );
  for (const row of rows) {
    const job = toJob(row);
    const handler = options.handlers.find((h) => h.kind === job.kind);
    try {
      await handler?.onAbandoned?.(db, job);
    } catch (error) {
      options.logger?.error({ err: error, jobId: job.id }, 'clean-up of an abandoned job failed');
    }
    options.logger?.warn({ jobId: job.id, kind: job.kind, claimedBy: job.claimedBy }, 'abandoned job marked failed');
  }
  return rows.length;
}

function errorOf(error: unknown): NonNullable<Job['error']> {
  const e = error as { kind?: unknown; code?: unknown; message?: unknown; details?: unknown };
  if (e && typeof e.code === 'string' && typeof e.kind === 'string' && typeof e.message === 'string') {
    return { code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }) };
  }
  return { code: 'job.failed', message: '任务执行出错，请稍后重试或联系管理员' };
}

/** Runs one claimed job to its end (heartbeat while it runs). */
async function runJob(deps: WorkerDeps, holder: string, job: Job, handler: JobHandler): Promise<void> {
  const { db, logger } = deps;
  const beat = setInterval(() => {
    heartbeatJob(db, job.id, holder).catch((error: unknown) => logger.warn({ err: error, jobId: job.id }, 'job heartbeat failed'));
  }, HEARTBEAT_MS);
  beat.unref();
  try {
    const result = await handler.run({
      db,
      job,
      clock: deps.clock,
      config: deps.config,
      logger: logger.child({ jobId: job.id, jobKind: job.kind }),
      progress: (update) => updateJobProgress(db, job.id, update),
    });
    await finishJob(db, job.id, { status: 'succeeded', result: result ?? null, message: '已完成' });
  } catch (error) {
    logger.error({ err: error, jobId: job.id, kind: job.kind }, 'job failed');
    await finishJob(db, job.id, { status: 'failed', error: errorOf(error), message: '任务失败' });
  } finally {
    clearInterval(beat);
  }
}

/** Runs queued jobs until none is left (or `max` ran); returns how many ran. Tests call this directly. */
export async function runPendingJobs(deps: WorkerDeps & { max?: number }): Promise<number> {
  const holder = deps.holder ?? workerHolderId();
  const kinds = deps.handlers.map((h) => h.kind);
  let ran = 0;
  while (deps.max === undefined || ran < deps.max) {
    const job = await claimNextJob(deps.db, { holder, kinds, now: deps.clock.now() });
    if (!job) break;
    const handler = deps.handlers.find((h) => h.kind === job.kind) as JobHandler;
    await runJob(deps, holder, job, handler);
    ran++;
  }
  return ran;
}

/**
 * The worker loop of a server process: recovers abandoned jobs once at start (all running jobs
 * when `recoverAll`, i.e. on the embedded database), then polls for queued jobs.
 */
export function startJobWorker(deps: WorkerDeps & { intervalMs?: number; recoverAll?: boolean }): { stop(): Promise<void>; wake(): void } {
  const holder = deps.holder ?? workerHolderId();
  let running: Promise<void> | null = null;
  let stopped = false;
  let recovered = false;
  const tick = () => {
    if (running || stopped) return;
    running = (async () => {
      try {
        if (!recovered) {
          await recoverAbandonedJobs(deps.db, { handlers: deps.handlers, now: deps.clock.now(), all: deps.recoverAll ?? false, logger: deps.logger });
          recovered = true;
        } else {
          await recoverAbandonedJobs(deps.db, { handlers: deps.handlers, now: deps.clock.now(), logger: deps.logger });
        }
        await runPendingJobs({ ...deps, holder });
      } catch (error) {
        deps.logger.error({ err: error }, 'job worker tick failed');
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(tick, deps.intervalMs ?? 1_000);
  timer.unref();
  setImmediate(tick);
  return {
    wake: () => setImmediate(tick),
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
    },
  };
}
