import os from 'node:os';
import { sql } from 'drizzle-orm';
import { localDate, type Clock } from '../clock';
import type { Config } from '../config';
import { queryOne, type Db } from '../db/types';
import type { Logger } from '../logger';

/**
 * Scheduled jobs (escalation ladder, reminders, session clean-up). Each run is identified by a
 * run key (the local day for daily jobs, the time slot for interval jobs); a database lease makes
 * sure that with several server processes exactly one runs a given key, and the stored last run
 * key makes a second attempt for the same key a no-op. Jobs should still be idempotent on their
 * own (escalation keeps per-step markers), because a crash after the work but before the
 * bookkeeping re-runs the key.
 */
export type ScheduledJobContext = { db: Db; clock: Clock; config: Config; logger: Logger; runKey: string; today: string };

export type ScheduledJob = {
  name: string;
  /** Daily at a local time ('HH:MM', city time zone), or every N minutes. */
  schedule: { dailyAt: string } | { everyMinutes: number };
  run(ctx: ScheduledJobContext): Promise<string | void>;
};

const LEASE_MS = 10 * 60_000;

export function runKeyFor(job: ScheduledJob, now: Date, timeZone: string): string | null {
  if ('everyMinutes' in job.schedule) {
    const slot = Math.floor(now.getTime() / (job.schedule.everyMinutes * 60_000));
    return `slot-${slot}`;
  }
  const today = localDate(now, timeZone);
  const localTime = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
  return localTime >= job.schedule.dailyAt ? today : null;
}

export type RunOutcome = { status: 'ran'; runKey: string; message: string | null } | { status: 'skipped'; reason: 'not_due' | 'already_ran' | 'leased_elsewhere' };

/** Run one job for the current run key if nobody has (used by the scheduler loop, tests and `qcity run-job`). */
export async function runScheduledJob(
  job: ScheduledJob,
  deps: { db: Db; clock: Clock; config: Config; logger: Logger; holder?: string; force?: boolean },
): Promise<RunOutcome> {
  const now = deps.clock.now();
  const runKey = deps.force ? localDate(now, deps.config.timeZone) : runKeyFor(job, now, deps.config.timeZone);
  if (!runKey) return { status: 'skipped', reason: 'not_due' };
  const holder = deps.holder ?? `${os.hostname()}:${process.pid}`;
  await deps.db.execute(sql`INSERT INTO scheduler_leases (name) VALUES (${job.name}) ON CONFLICT (name) DO NOTHING`);
  const lease = await queryOne<{ last_run_key: string | null }>(
    deps.db,
    sql`UPDATE scheduler_leases SET holder = ${holder}, expires_at = ${new Date(now.getTime() + LEASE_MS).toISOString()}
        WHERE name = ${job.name} AND (holder IS NULL OR expires_at < ${now.toISOString()} OR holder = ${holder})
        RETURNING last_run_key`,
  );
  if (!lease) return { status: 'skipped', reason: 'leased_elsewhere' };
  try {
    if (lease.last_run_key === runKey && !deps.force) return { status: 'skipped', reason: 'already_ran' };
    const message = await job.run({ db: deps.db, clock: deps.clock, config: deps.config, logger: deps.logger, runKey, today: localDate(now, deps.config.timeZone) });
    await deps.db.execute(sql`UPDATE scheduler_leases SET last_run_key = ${runKey}, last_run_at = ${deps.clock.now().toISOString()} WHERE name = ${job.name}`);
    return { status: 'ran', runKey, message: message ?? null };
  } finally {
    await deps.db.execute(sql`UPDATE scheduler_leases SET holder = NULL, expires_at = NULL WHERE name = ${job.name} AND holder = ${holder}`);
  }
}

export function startScheduler(deps: { db: Db; clock: Clock; config: Config; logger: Logger; jobs: ScheduledJob[]; intervalMs?: number }): { stop(): void } {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const job of deps.jobs) {
        try {
          const outcome = await runScheduledJob(job, deps);
          if (outcome.status === 'ran') deps.logger.info({ job: job.name, runKey: outcome.runKey, message: outcome.message }, 'scheduled job ran');
        } catch (error) {
          deps.logger.error({ err: error, job: job.name }, 'scheduled job failed');
        }
      }
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), deps.intervalMs ?? 60_000);
  timer.unref();
  setTimeout(() => void tick(), 2_000).unref();
  return { stop: () => clearInterval(timer) };
}
