import fs from 'node:fs';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { createSessionResolver, openSessionCache } from './domains/accounts';
import { isDatabaseEmpty, seedDemo } from './demo/seed';
import { systemClock } from './platform/clock';
import { ConfigError, loadConfig } from './platform/config';
import { connect } from './platform/db/connect';
import { DataDirLockedError } from './platform/db/lock';
import { migrate } from './platform/db/migrate';
import { createLogger } from './platform/logger';
import { startScheduler } from './platform/jobs/scheduler';
import { startJobWorker } from './platform/jobs/queue';
import { jobHandlers } from './domains/job-handlers';
import { scheduledJobs } from './domains/scheduled';
import { metricRegistry } from './domains/metric-definitions';

/** Entry point: config → database (+lock) → migrations → demo seed when empty → HTTP server. */
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

async function main(): Promise<void> {
  let config;
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
  let database;
  try {
    database = await connect(config.db);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(3);
    }
    console.error(`无法连接数据库 / cannot open the database: ${(error as Error).message}`);
    process.exit(4);
  }
  const migrated = await migrate(database);
  if (migrated.applied.length > 0) logger.info({ applied: migrated.applied }, 'migrations applied');
  if (config.demoData !== 'off' && (await isDatabaseEmpty(database.db))) {
    logger.info('empty database: seeding the demo data (this takes a moment once)');
    await seedDemo(database.db, { size: config.demoData === 'small' ? 'small' : 'full', log: (message) => logger.info(message) });
  }
  const sessionCache = config.session.cache ? await openSessionCache(database, logger) : null;
  const app = createApp({
    deps: { database, db: database.db, config, clock: systemClock, logger, resolveSession: createSessionResolver(config.session, sessionCache), metrics: metricRegistry, version },
    webDir: path.join(root, 'dist', 'web'),
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info({ url: `http://${config.host}:${info.port}`, db: database.kind, dataDir: database.kind === 'pglite' ? config.dataDir : undefined }, 'Quality City is listening');
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

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
