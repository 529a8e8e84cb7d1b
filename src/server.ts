import cluster from 'node:cluster';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { createApp } from './app';
import { createSessionResolver, openSessionCache } from './domains/accounts';
import { isDatabaseEmpty, seedDemo } from './demo/seed';
import { systemClock } from './platform/clock';
import { ConfigError, loadConfig, type Config } from './platform/config';
import { connect, connectionsPerProcess, type Database } from './platform/db/connect';
import { queryOne } from './platform/db/types';
import { DataDirLockedError } from './platform/db/lock';
import { migrate } from './platform/db/migrate';
import { createLogger, type Logger } from './platform/logger';
import { startScheduler } from './platform/jobs/scheduler';
import { startJobWorker } from './platform/jobs/queue';
import { jobHandlers } from './domains/job-handlers';
import { scheduledJobs } from './domains/scheduled';
import { metricRegistry } from './domains/metric-definitions';

/**
 * Entry point: config → database (+lock) → migrations → demo seed when empty → HTTP server; with
 * SERVER_PROCESSES > 1 a primary prepares the database and runs that many servers (runPrimary).
 */
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  if (config.processes > 1 && cluster.isPrimary) return runPrimary(config, logger);
  const database = await openDatabase(config);
  // With several processes the primary has migrated and seeded already: this finds nothing to do.
  await prepareDatabase(database, config, logger);
  const sessionCache = config.session.cache ? await openSessionCache(database, logger) : null;
  const app = createApp({
    deps: { database, db: database.db, config, clock: systemClock, logger, resolveSession: createSessionResolver(config.session, sessionCache), metrics: metricRegistry, version },
    webDir: path.join(root, 'dist', 'web'),
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info({ url: `http://${config.host}:${info.port}`, pid: process.pid, db: database.kind, dataDir: database.kind === 'pglite' ? config.dataDir : undefined }, 'Quality City is listening');
  });
  const scheduler = config.scheduler ? startScheduler({ db: database.db, clock: systemClock, config, logger, jobs: scheduledJobs }) : null;
  // Background jobs (imports…). On the embedded database this is the only process, so jobs left running are from a dead one.
  const jobWorker = startJobWorker({ db: database.db, clock: systemClock, config, logger, handlers: jobHandlers, recoverAll: database.kind === 'pglite' });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    scheduler?.stop();
    await jobWorker.stop();
    server.close();
    await sessionCache?.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

async function openDatabase(config: Config): Promise<Database> {
  try {
    return await connect(config.db);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(3);
    }
    console.error(`无法连接数据库 / cannot open the database: ${(error as Error).message}`);
    process.exit(4);
  }
}

async function prepareDatabase(database: Database, config: Config, logger: Logger): Promise<void> {
  const migrated = await migrate(database);
  if (migrated.applied.length > 0) logger.info({ applied: migrated.applied }, 'migrations applied');
  if (config.demoData !== 'off' && (await isDatabaseEmpty(database.db))) {
    logger.info('empty database: seeding the demo data (this takes a moment once)');
    await seedDemo(database.db, { size: config.demoData === 'small' ? 'small' : 'full', log: (message) => logger.info(message) });
  }
}

/** Warns when the processes could open more connections than the PostgreSQL server accepts. */
async function warnAboutConnections(database: Database, config: Config, logger: Logger): Promise<void> {
  const wanted = config.processes * connectionsPerProcess(config.db.poolSize);
  const row = await queryOne<{ n: number }>(database.db, sql`SELECT current_setting('max_connections')::int AS n`);
  if (row && wanted > row.n) {
    logger.warn(
      { processes: config.processes, poolSize: config.db.poolSize, connections: wanted, maxConnections: row.n },
      `${config.processes} processes may open ${wanted} database connections but the server allows ${row.n}: lower DATABASE_POOL_SIZE or SERVER_PROCESSES, or raise max_connections`,
    );
  }
}

/**
 * SERVER_PROCESSES > 1 (PostgreSQL): this process migrates and seeds, then runs that many server
 * processes on the same port (node:cluster hands out connections in turn), replaces one that dies
 * (gives up with exit code 1 after five deaths within a minute), and stops them all on
 * SIGTERM/SIGINT. The processes share nothing but the database.
 */
async function runPrimary(config: Config, logger: Logger): Promise<void> {
  const database = await openDatabase(config);
  await prepareDatabase(database, config, logger);
  await warnAboutConnections(database, config, logger);
  await database.close();
  const execArgv = process.execArgv.some((a, i, all) => a === 'tsx' && all[i - 1] === '--import') ? process.execArgv : [...process.execArgv, '--import', 'tsx'];
  cluster.setupPrimary({ exec: fileURLToPath(import.meta.url), execArgv });
  let stopping = false;
  let exitCode = 0;
  /** Stops every server process; the primary exits with `code` once they are gone (with 1 if they are not gone after 20 s). */
  const stopAll = (code: number) => {
    stopping = true;
    exitCode = code;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(code);
    for (const worker of workers) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(1), 20_000).unref();
  };
  const recentExits: number[] = [];
  for (let i = 0; i < config.processes; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
      return;
    }
    const now = Date.now();
    recentExits.push(now);
    while ((recentExits[0] ?? now) < now - 60_000) recentExits.shift();
    if (recentExits.length >= 5) {
      logger.fatal({ pid: worker.process.pid, code, signal }, 'server processes keep stopping (5 within a minute); giving up');
      stopAll(1);
      return;
    }
    logger.error({ pid: worker.process.pid, code, signal }, 'a server process stopped; starting another');
    setTimeout(() => cluster.fork(), 1000);
  });
  logger.info({ processes: config.processes }, 'starting server processes');
  const stop = (signal: string) => {
    if (stopping) return;
    logger.info({ signal }, 'shutting down the server processes');
    stopAll(0);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
