/**
 * Child process of the import durability test: opens a file-based PGlite in $DATA_DIR (migrated,
 * with the demo org tree on first use), queues an enterprise import of $ROWS rows as a job, claims it like a
 * server's worker, and runs it, printing `BATCH <id> <jobId> <enterprises before>` first and `WRITE <done>` each time
 * a chunk of rows has been written inside the (still open) transaction. The parent kills it with
 * SIGKILL on the first WRITE line.
 */
import path from 'node:path';
import { systemActor } from '../../src/shared/actor';
import { importRegistry } from '../../src/domains/import-kinds';
import { connect } from '../../src/platform/db/connect';
import { migrate } from '../../src/platform/db/migrate';
import { createImportBatch, executeImportBatch, withLimits } from '../../src/platform/import';
import { actorFromSnapshot, type ActorSnapshot } from '../../src/platform/import/service';
import { runPendingJobs } from '../../src/platform/jobs/queue';
import { loadConfig } from '../../src/platform/config';
import { systemClock } from '../../src/platform/clock';
import { silentLogger } from '../../src/platform/logger';
import { seedDemoOrgUnits, writeBigEnterpriseXlsx } from './enterprise-import';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { queryOne } from '../../src/platform/db/types';

const dataDir = process.env.DATA_DIR as string;
const rows = Number(process.env.ROWS ?? 30000);

const database = await connect({ url: null, dataDir });
await migrate(database);
const units = await queryOne<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM org_units`);
if ((units?.n ?? 0) === 0) await seedDemoOrgUnits(database.db);
const file = path.join(dataDir, 'big.xlsx');
await writeBigEnterpriseXlsx(file, rows);
const limits = withLimits({ maxBytes: 64 * 1024 * 1024 });
const { batch, job } = await createImportBatch(database.db, importRegistry, {
  actor: systemActor('durability-test'),
  input: { kind: 'enterprises', fileName: 'big.xlsx', bytes: new Uint8Array(fs.readFileSync(file)), mode: 'all_or_nothing', dryRun: false },
  limits,
});
const base = await queryOne<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM enterprises`);
process.stdout.write(`BATCH ${batch.id} ${job?.id} ${base?.n}\n`);
await runPendingJobs({
  db: database.db,
  clock: systemClock,
  config: loadConfig({ DATA_DIR: dataDir }),
  logger: silentLogger,
  handlers: [
    {
      kind: 'import',
      run: async (ctx) => {
        const params = ctx.job.params as { batchId: string; actor: ActorSnapshot };
        return executeImportBatch(ctx.db, importRegistry, {
          batchId: params.batchId,
          actor: actorFromSnapshot(params.actor),
          limits,
          today: '2026-11-26',
          onProgress: (p) => {
            if (p.phase === 'write') process.stdout.write(`WRITE ${p.done}\n`);
          },
        });
      },
    },
  ],
});
process.stdout.write('DONE\n');
await database.close();
