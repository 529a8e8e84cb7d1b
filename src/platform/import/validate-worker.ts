/**
 * Worker thread of a large import: reads the file (xlsx or csv), validates every row with the
 * kind's definition and runs its `prepareRow`, posting valid rows in chunks to the importing
 * thread, which only writes (chunks travel as wire-rows.ts describes). The worker keeps no cells of
 * valid rows: when the importing thread asks for some (rows refused on write, recurring keys), it
 * reads the file again. Started by validate-in-worker.ts with the TypeScript loader; it loads the
 * kind's rules at once and may wait (warm) for its job, which opens the file only after 'go'.
 *
 * Messages to the parent: {type:'chunk', rows, values, errorCount}, {type:'progress', done},
 * {type:'done', outcome}, {type:'cells', cells}, {type:'error', error}.
 * From the parent: {type:'job', job}, 'go' (the file passed the zip-bomb check), 'ack' (a chunk
 * was taken), {type:'cells', rowNos}, 'stop'.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Actor } from '../../shared/actor';
import { isDomainError } from '../../shared/errors';
import type { ImportFormat } from './file-format';
import type { ImportLimits } from './limits';
import { decodeCsv, readCsvRows } from './read-csv';
import { readXlsxRows } from './read-xlsx';
import type { ImportWorkerRules } from './types';
import { readCellsOf, validateRowStream, type RowSource } from './validate';
import { toWireChunk } from './wire-rows';

/** What the worker is started with: the module exporting the kind's rules. */
export type WorkerBoot = { moduleUrl: string; exportName: string };

/** One import, sent when the batch is processed. */
export type WorkerJob = {
  contextData: unknown;
  actor: Actor;
  today: string;
  batchId: string;
  bytes: Uint8Array;
  format: ImportFormat;
  limits: ImportLimits;
  /** Rows per message (the importing thread merges messages that pile up, up to `limits.chunkRows`). */
  wireRows: number;
  maxInFlight: number;
};

const port = parentPort;
if (!port) throw new Error('validate-worker must run in a worker thread');
const boot = workerData as WorkerBoot;

let inFlight = 0;
let stopped = false;
let wake: (() => void) | null = null;
let receiveJob: (job: WorkerJob) => void = () => undefined;
const jobArrived = new Promise<WorkerJob>((resolve) => (receiveJob = resolve));
let go: () => void = () => undefined;
const cleared = new Promise<void>((resolve) => (go = resolve));
let openSource: RowSource | null = null;

function postError(error: unknown): void {
  port?.postMessage({
    type: 'error',
    error: isDomainError(error)
      ? { kind: error.kind, code: error.code, message: error.message, details: error.details }
      : { kind: null, code: 'import.worker_failed', message: (error as Error).message ?? String(error) },
  });
}

type Incoming = 'ack' | 'go' | 'stop' | { type: 'job'; job: WorkerJob } | { type: 'cells'; rowNos: number[] };

port.on('message', (m: Incoming) => {
  if (m === 'ack') inFlight--;
  else if (m === 'go') go();
  else if (m === 'stop') {
    stopped = true;
    go();
  } else if (m.type === 'job') receiveJob(m.job);
  else if (m.type === 'cells') {
    const source = openSource;
    if (!source) port.postMessage({ type: 'cells', cells: [] });
    else readCellsOf(source, m.rowNos).then((cells) => port.postMessage({ type: 'cells', cells: [...cells] }), postError);
  }
  const w = wake;
  wake = null;
  w?.();
});

async function send(message: unknown, maxInFlight: number): Promise<void> {
  inFlight++;
  port?.postMessage(message);
  while (inFlight >= maxInFlight && !stopped) await new Promise<void>((resolve) => (wake = resolve));
}

async function run(def: ImportWorkerRules<unknown, unknown>, job: WorkerJob): Promise<void> {
  const ctx = def.restoreContext(job.contextData, { actor: job.actor, today: job.today });
  const source: RowSource = () => (job.format === 'csv' ? readCsvRows(decodeCsv(job.bytes).text, job.limits) : readXlsxRows(job.bytes, job.limits));
  openSource = source;
  const validator = validateRowStream(def, ctx, source, {
    limits: job.limits,
    chunkRows: job.wireRows,
    batchId: job.batchId,
    onProgress: (done) => port?.postMessage({ type: 'progress', done }),
  });
  for await (const rows of validator.chunks) {
    if (stopped) break;
    await send({ type: 'chunk', ...toWireChunk(rows), errorCount: validator.errorCount() }, job.maxInFlight);
  }
  if (!stopped) port?.postMessage({ type: 'done', outcome: validator.outcome() });
}

try {
  const mod = (await import(boot.moduleUrl)) as Record<string, ImportWorkerRules<unknown, unknown> | undefined>;
  const def = mod[boot.exportName];
  if (!def) throw new Error(`${boot.moduleUrl} does not export the import rules ${boot.exportName}`);
  const job = await jobArrived;
  await cleared;
  if (!stopped) await run(def, job);
} catch (error) {
  postError(error);
}
