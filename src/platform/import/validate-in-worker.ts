import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Actor } from '../../shared/actor';
import { DomainError, type ErrorKind } from '../../shared/errors';
import type { ImportFormat } from './file-format';
import type { ImportLimits } from './limits';
import type { CellText } from './read-xlsx';
import type { ImportKindDefinition, PreparedRow } from './types';
import type { RowValidator, ValidationOutcome } from './validate';
import type { WorkerInput } from './validate-worker';

/**
 * The importing thread's side of validate-worker.ts: the same RowValidator interface as the
 * in-thread validator, fed by a worker that reads and validates while this thread writes.
 */
const require = createRequire(import.meta.url);
const tsxApi = pathToFileURL(path.join(path.dirname(require.resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
const workerUrl = new URL('./validate-worker.ts', import.meta.url).href;
// The worker registers the TypeScript loader (as bin/*.js do) before it loads the TypeScript worker module.
const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl)}); })`;

type Message =
  | { type: 'chunk'; rows: PreparedRow<unknown>[]; errorCount: number }
  | { type: 'progress'; done: number }
  | { type: 'done'; outcome: ValidationOutcome }
  | { type: 'cells'; cells: Array<[number, CellText[]]> }
  | { type: 'error'; error: { kind: ErrorKind | null; code: string; message: string; details?: unknown } }
  | { type: 'exit'; code: number };

export function validateInWorker<T, C>(
  def: ImportKindDefinition<T, C>,
  ctx: C,
  options: { bytes: Uint8Array; format: ImportFormat; limits: ImportLimits; actor: Actor; today: string; onProgress?: (done: number) => void },
): RowValidator<T> {
  const support = def.worker;
  if (!support) throw new Error(`import kind ${def.kind} cannot validate in a worker`);
  const { trace: _trace, ...actor } = options.actor;
  const input: WorkerInput = {
    moduleUrl: support.moduleUrl,
    exportName: support.exportName,
    contextData: support.contextData(ctx),
    actor: { ...actor, trace: { auditEntries: 0 } },
    today: options.today,
    bytes: options.bytes,
    format: options.format,
    limits: options.limits,
    maxInFlight: 4,
  };
  const worker = new Worker(bootstrap, { eval: true, workerData: input });
  const queue: Message[] = [];
  let notify: (() => void) | null = null;
  const push = (m: Message) => {
    queue.push(m);
    const n = notify;
    notify = null;
    n?.();
  };
  worker.on('message', (m: Message) => {
    if (m.type === 'progress') options.onProgress?.(m.done);
    else push(m);
  });
  worker.on('error', (error) => push({ type: 'error', error: { kind: null, code: 'import.worker_failed', message: error.message } }));
  worker.on('exit', (code) => push({ type: 'exit', code }));
  const next = async (): Promise<Message> => {
    while (queue.length === 0) await new Promise<void>((resolve) => (notify = resolve));
    return queue.shift() as Message;
  };
  const fail = (m: Extract<Message, { type: 'error' }>): never => {
    if (m.error.kind) throw new DomainError(m.error.kind, m.error.code, m.error.message, m.error.details);
    throw new Error(`import worker failed: ${m.error.message}`);
  };

  let errorCount = 0;
  let outcome: ValidationOutcome | null = null;

  async function* chunks(): AsyncGenerator<PreparedRow<T>[]> {
    for (;;) {
      const m = await next();
      if (m.type === 'chunk') {
        errorCount = m.errorCount;
        worker.postMessage('ack');
        yield m.rows as PreparedRow<T>[];
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
