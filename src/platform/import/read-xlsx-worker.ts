import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { invalid } from '../../shared/errors';
import { cellToText, xlsxReaderOptions, type CellText, type SheetRow } from './read-xlsx';
import { worksheetsLast } from './xlsx-order';

/**
 * Reads the first worksheet of a large xlsx in a worker thread, so that unzipping and XML parsing
 * (the cost of "merely reading" the file) run on one core while the importing thread validates
 * and writes on the other. The worker posts exceljs' raw row values in batches (structured clone
 * keeps dates and rich text); the cells are turned into text here with the same `cellToText` as
 * the in-thread reader. At most a few batches are in flight, so memory stays bounded.
 */
const require = createRequire(import.meta.url);

const BATCH_ROWS = 1000;
const MAX_IN_FLIGHT = 8;

// Plain CommonJS (the worker runs without the TypeScript loader).
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { Readable } = require('node:stream');
const ExcelJS = require(workerData.exceljsPath);
let inFlight = 0;
let wake = null;
let stopped = false;
parentPort.on('message', (m) => {
  if (m === 'ack') inFlight--;
  if (m === 'stop') stopped = true;
  if (wake) { const w = wake; wake = null; w(); }
});
const send = async (message) => {
  inFlight++;
  parentPort.postMessage(message);
  while (inFlight >= workerData.maxInFlight && !stopped) await new Promise((resolve) => { wake = resolve; });
};
(async () => {
  const input = Readable.from([Buffer.from(workerData.bytes.buffer, workerData.bytes.byteOffset, workerData.bytes.byteLength)]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, workerData.options);
  let batch = [];
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      if (stopped) break;
      batch.push(row.number, row.values);
      if (batch.length >= workerData.batchRows * 2) { await send({ rows: batch }); batch = []; }
    }
    break;
  }
  parentPort.postMessage({ rows: batch, done: true });
})().catch((error) => parentPort.postMessage({ error: String((error && error.message) || error) }));
`;

type WorkerMessage = { rows?: unknown[]; done?: boolean; error?: string };

export async function* readXlsxRowsInWorker(bytes: Uint8Array, options: { maxColumns: number; maxCellChars: number }): AsyncGenerator<SheetRow> {
  // The same archive with the worksheets last (xlsx-order.ts), so that exceljs streams the sheet.
  const ordered = Buffer.concat(await worksheetsLast(bytes));
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { bytes: ordered, exceljsPath: require.resolve('exceljs'), options: xlsxReaderOptions, batchRows: BATCH_ROWS, maxInFlight: MAX_IN_FLIGHT },
  });
  const queue: WorkerMessage[] = [];
  let notify: (() => void) | null = null;
  let failure: Error | null = null;
  const push = (m: WorkerMessage) => {
    queue.push(m);
    notify?.();
    notify = null;
  };
  worker.on('message', push);
  worker.on('error', (error) => {
    failure = error;
    push({ done: true });
  });
  worker.on('exit', () => push({ done: true }));
  try {
    for (;;) {
      if (queue.length === 0) await new Promise<void>((resolve) => (notify = resolve));
      const message = queue.shift() as WorkerMessage;
      if (failure) throw invalid('import.corrupt_xlsx', `Excel 文件无法读取：${(failure as Error).message}`.slice(0, 300));
      if (message.error) throw invalid('import.corrupt_xlsx', `Excel 文件无法读取：${message.error}`.slice(0, 300));
      const rows = message.rows ?? [];
      for (let i = 0; i < rows.length; i += 2) {
        const rowNo = rows[i] as number;
        const values = rows[i + 1] as unknown[];
        if (values.length > options.maxColumns + 1 && values.slice(options.maxColumns + 1).some((v) => cellToText(v) !== null)) {
          throw invalid('import.too_many_columns', `第 ${rowNo} 行超过 ${options.maxColumns} 列`);
        }
        const length = Math.min(values.length, options.maxColumns + 1);
        const cells: CellText[] = new Array<CellText>(Math.max(0, length - 1));
        for (let c = 1; c < length; c++) {
          const text = cellToText(values[c]);
          if (text !== null && text.length > options.maxCellChars) throw invalid('import.cell_too_long', `第 ${rowNo} 行有单元格超过 ${options.maxCellChars} 个字符`);
          cells[c - 1] = text;
        }
        yield { rowNo, cells };
      }
      if (message.rows) worker.postMessage('ack');
      if (message.done) return;
    }
  } finally {
    worker.postMessage('stop');
    await worker.terminate();
  }
}
