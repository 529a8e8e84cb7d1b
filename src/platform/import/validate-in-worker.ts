import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Actor } from '../../shared/actor';
import { DomainError, type ErrorKind } from '../../shared/errors';
import type { ImportFormat } from './file-format';
import type { ImportLimits } from './limits';
import type { CellText } from './read-xlsx';
import type { ImportKindDefinition, ImportWorkerSupport, PreparedRow } from './types';
import type { RowValidator, ValidationOutcome } from './validate';
import type { WorkerBoot, WorkerJob } from './validate-worker';
import { fromWireChunk, type WireChunk } from './wire-rows';

/**
 * The importing thread's side of validate-worker.ts: the same RowValidator interface as the
 * in-thread validator, fed by a worker that reads and validates while this thread writes.
 * Starting a worker (TypeScript loader, exceljs, zod, the kind's rules) takes the better part of
 * a second, so the upload of a large file starts one (`prewarmValidationWorker`) that waits for
 * its job, and the worker opens the file only once the zip-bomb check has passed.
 */
const require = createRequire(import.meta.url);
const tsxApi = pathToFileURL(path.join(path.dirname(require.resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
const workerUrl = new URL('./validate-worker.ts', import.meta.url).href;
// The worker registers the TypeScript loader (as bin/*.js do) before it loads the TypeScript worker module.
const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl)}); })`;

/**
 * The worker sends valid rows in pieces of this many, so that the first write starts soon and a
 * writer that falls behind takes what has piled up in one step (up to `limits.chunkRows`).
 */
const WIRE_ROWS = 1000;
/** Rows the worker may read ahead of the writer, in `limits.chunkRows` (memory stays bounded). */
const MAX_ROWS_IN_FLIGHT_CHUNKS = 4;
/** A started worker that no import took within this time is stopped. */
const WARM_IDLE_MS = 30_000;

type Message =
  | ({ type: 'chunk'; errorCount: number } & WireChunk)
  | { type: 'progress'; done: number }
  | { type: 'done'; outcome: ValidationOutcome }
  | { type: 'cells'; cells: Array<[number, CellText[]]> }
  | { type: 'error'; error: { kind: ErrorKind | null; code: string; message: string; details?: unknown } }
  | { type: 'exit'; code: number };

/** A worker with the messages it sent that nobody has taken yet. */
type WorkerHandle = {
  worker: Worker;
  queue: Message[];
  notify: (() => void) | null;
  onProgress: ((done: number) => void) | null;
  dead: boolean;
};

function startWorker(support: ImportWorkerSupport<unknown>): WorkerHandle {
  const boot: WorkerBoot = { moduleUrl: support.moduleUrl, exportName: support.exportName };
  const worker = new Worker(bootstrap, { eval: true, workerData: boot });
  const handle: WorkerHandle = { worker, queue: [], notify: null, onProgress: null, dead: false };
  const push = (m: Message) => {
    if (m.type === 'error' || m.type === 'exit') handle.dead = true;
    handle.queue.push(m);
    const n = handle.notify;
    handle.notify = null;
    n?.();
  };
  worker.on('message', (m: Message) => {
    if (m.type === 'progress') handle.onProgress?.(m.done);
    else push(m);
  });
  worker.on('error', (error) => push({ type: 'error', error: { kind: null, code: 'import.worker_failed', message: error.message } }));
  worker.on('exit', (code) => push({ type: 'exit', code }));
  return handle;
}

/** Started workers waiting for an import, by the module of the kind's rules. */
const warm = new Map<string, { handle: WorkerHandle; timer: NodeJS.Timeout }>();

/** Starts a worker for the kind now (e.g. when its file is uploaded), so that processing the batch finds it ready. */
export function prewarmValidationWorker(support: ImportWorkerSupport<unknown>): void {
  const key = `${support.moduleUrl}#${support.exportName}`;
  const existing = warm.get(key);
  if (existing && !existing.handle.dead) {
    existing.timer.refresh();
    return;
  }
  const handle = startWorker(support);
  handle.worker.unref(); // a waiting worker keeps no process alive
  const timer = setTimeout(() => {
    if (warm.get(key)?.handle === handle) warm.delete(key);
    void handle.worker.terminate();
  }, WARM_IDLE_MS);
  timer.unref();
  warm.set(key, { handle, timer });
}

function takeWorker(support: ImportWorkerSupport<unknown>): WorkerHandle {
  const key = `${support.moduleUrl}#${support.exportName}`;
  const entry = warm.get(key);
  warm.delete(key);
  if (entry) {
    clearTimeout(entry.timer);
    if (!entry.handle.dead) {
      entry.handle.worker.ref();
      return entry.handle;
    }
    void entry.handle.worker.terminate();
  }
  return startWorker(support);
}

export function validateInWorker<T, C>(
  def: ImportKindDefinition<T, C>,
  ctx: C,
  options: {
    bytes: Uint8Array;
    format: ImportFormat;
    limits: ImportLimits;
    actor: Actor;
    today: string;
    batchId: string;
    /** The worker opens the file only when this resolves (the zip-bomb check). */
    startWhen: Promise<unknown>;
    onProgress?: (done: number) => void;
  },
): RowValidator<T> {
  const support = def.worker;
  if (!support) throw new Error(`import kind ${def.kind} cannot validate in a worker`);
  const { trace: _trace, ...actor } = options.actor;
  const wireRows = Math.max(1, Math.min(options.limits.chunkRows, WIRE_ROWS));
  const job: WorkerJob = {
    contextData: support.contextData(ctx),
    actor: { ...actor, trace: { auditEntries: 0 } },
    today: options.today,
    batchId: options.batchId,
    bytes: options.bytes,
    format: options.format,
    limits: options.limits,
    wireRows,
    maxInFlight: Math.ceil((MAX_ROWS_IN_FLIGHT_CHUNKS * options.limits.chunkRows) / wireRows),
  };
  const handle = takeWorker(support as ImportWorkerSupport<unknown>);
  const { worker, queue } = handle;
  handle.onProgress = options.onProgress ?? null;
  worker.postMessage({ type: 'job', job });
  options.startWhen.then(
    () => worker.postMessage('go'),
    () => undefined, // the caller reports the refusal and closes the worker
  );
  const next = async (): Promise<Message> => {
    while (queue.length === 0) await new Promise<void>((resolve) => (handle.notify = resolve));
    return queue.shift() as Message;
  };
  const fail = (m: Extract<Message, { type: 'error' }>): never => {
    if (m.error.kind) throw new DomainError(m.error.kind, m.error.code, m.error.message, m.error.details);
    throw new Error(`import worker failed: ${m.error.message}`);
  };

  let errorCount = 0;
  let outcome: ValidationOutcome | null = null;
  const take = (m: Extract<Message, { type: 'chunk' }>): PreparedRow<T>[] => {
    errorCount = m.errorCount;
    worker.postMessage('ack');
    return fromWireChunk<T>(m);
  };

  async function* chunks(): AsyncGenerator<PreparedRow<T>[]> {
    for (;;) {
      const m = await next();
      if (m.type === 'chunk') {
        const rows = take(m);
        // Pieces that arrived while the previous step was writing go out together (fewer, larger writes).
        while (rows.length < options.limits.chunkRows && queue[0]?.type === 'chunk') rows.push(...take(queue.shift() as typeof m));
        yield rows;
      } else if (m.type === 'done') {
        outcome = m.outcome;
        errorCount = m.outcome.errors.length;
        return;
      } else if (m.type === 'error') fail(m);
      else if (m.type === 'exit') throw new Error(`import worker exited early (code ${m.code})`);
    }
  }

  return {
    chunks: chunks(),
    errorCount: () => errorCount,
    outcome: () => {
      if (!outcome) throw new Error('validation outcome read before the rows were exhausted');
      return outcome;
    },
    cellsFor: async (rowNos) => {
      if (rowNos.length === 0) return new Map();
      worker.postMessage({ type: 'cells', rowNos });
      for (;;) {
        const m = await next();
        if (m.type === 'cells') return new Map(m.cells);
        if (m.type === 'error') fail(m);
        if (m.type === 'exit') throw new Error('import worker exited before sending the cells');
      }
    },
    close: async () => {
      worker.postMessage('stop');
      await worker.terminate();
    },
  };
}
