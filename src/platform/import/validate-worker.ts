/**
 * Worker thread of a large import: reads the file (xlsx or csv) and validates every row with the
 * kind's definition, posting valid rows in chunks to the importing thread, which only writes.
 * Started by `validateInWorker` (validate-in-worker.ts) with the TypeScript loader.
 *
 * Messages to the parent: {type:'chunk', rows, errorCount}, {type:'progress', done},
 * {type:'done', outcome}, {type:'cells', cells}, {type:'error', error}.
 * From the parent: 'ack' (a chunk was taken), {type:'cells', rowNos}, 'stop'.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Actor } from '../../shared/actor';
import { isDomainError } from '../../shared/errors';
import type { ImportFormat } from './file-format';
import type { ImportLimits } from './limits';
import { decodeCsv, readCsvRows } from './read-csv';
import { readXlsxRows, type CellText } from './read-xlsx';
import type { ImportWorkerRules } from './types';
import { validateRowStream } from './validate';

export type WorkerInput = {
  moduleUrl: string;
  exportName: string;
  contextData: unknown;
  actor: Actor;
  today: string;
  bytes: Uint8Array;
  format: ImportFormat;
  limits: ImportLimits;
  maxInFlight: number;
};

const port = parentPort;
if (!port) throw new Error('validate-worker must run in a worker thread');
const input = workerData as WorkerInput;

let inFlight = 0;
let stopped = false;
let wake: (() => void) | null = null;
let cellsOf: ((rowNos: number[]) => Array<[number, CellText[]]>) | null = null;

port.on('message', (m: unknown) => {
  if (m === 'ack') inFlight--;
  else if (m === 'stop') stopped = true;
  else if (typeof m === 'object' && m !== null && (m as { type?: string }).type === 'cells') {
    port.postMessage({ type: 'cells', cells: cellsOf?.((m as { rowNos: number[] }).rowNos) ?? [] });
  }
  const w = wake;
  wake = null;
  w?.();
});

async function send(message: unknown): Promise<void> {
  inFlight++;
  port?.postMessage(message);
  while (inFlight >= input.maxInFlight && !stopped) await new Promise<void>((resolve) => (wake = resolve));
}

try {
  const mod = (await import(input.moduleUrl)) as Record<string, ImportWorkerRules<unknown, unknown> | undefined>;
  const def = mod[input.exportName];
  if (!def) throw new Error(`${input.moduleUrl} does not export the import rules ${input.exportName}`);
  const ctx = def.restoreContext(input.contextData, { actor: input.actor, today: input.today });
  const source = input.format === 'csv' ? readCsvRows(decodeCsv(input.bytes).text, input.limits) : readXlsxRows(input.bytes, input.limits);
  const validator = validateRowStream(def, ctx, source, {
    limits: input.limits,
    chunkRows: input.limits.chunkRows,
    onProgress: (done) => port.postMessage({ type: 'progress', done }),
  });
  for await (const rows of validator.chunks) {
    if (stopped) break;
    await send({ type: 'chunk', rows, errorCount: validator.errorCount() });
  }
  if (!stopped) {
    const outcome = validator.outcome();
    cellsOf = (rowNos) => rowNos.map((n) => [n, outcome.cellsByRow.get(n) ?? []]);
    port.postMessage({ type: 'done', outcome: { ...outcome, cellsByRow: new Map() } });
  }
} catch (error) {
  port.postMessage({
    type: 'error',
    error: isDomainError(error)
      ? { kind: error.kind, code: error.code, message: error.message, details: error.details }
      : { kind: null, code: 'import.worker_failed', message: (error as Error).message ?? String(error) },
  });
}
