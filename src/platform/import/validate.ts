import type { z } from 'zod';
import { invalid, tooLarge } from '../../shared/errors';
import { countHeaderMatches, mapHeaders, type HeaderMapping } from './header-map';
import type { ImportLimits } from './limits';
import type { CellText, SheetRow } from './read-xlsx';
import type { ImportColumn, ImportRowRules, PreparedRow } from './types';

/**
 * The validation pass of an import: find the header row, map it, turn every data row into the
 * schema's input with the kind's converter, and validate it with the domain's zod schema and the
 * kind's data rules. Nothing is written here.
 */
export type ErrorRow = { rowNo: number; cells: CellText[]; messages: string[] };

export type ValidationOutcome = {
  headers: string[];
  mapping: HeaderMapping;
  /** Rows that failed conversion, the schema or the data rules (duplicates are found by the caller). */
  errors: ErrorRow[];
  /** Data rows read (blank rows and the template's example row not counted). */
  totalRows: number;
  skippedExampleRow: boolean;
};

/** Opens the rows of the file (again): the original cells of a few rows are read back when needed instead of keeping every row's cells. */
export type RowSource = () => AsyncIterable<SheetRow> | Iterable<SheetRow>;

const HEADER_SEARCH_ROWS = 10;

function isBlank(cells: readonly CellText[]): boolean {
  for (const c of cells) if (c !== null && c !== undefined) return false;
  return true;
}

/** Column for a schema issue path: the column whose `field` is the longest prefix of the path (indices ignored). */
function columnFor(columns: readonly ImportColumn[], path: readonly PropertyKey[]): ImportColumn | undefined {
  const dotted = path.filter((p) => typeof p === 'string').join('.');
  let best: ImportColumn | undefined;
  for (const c of columns) {
    const field = c.field ?? c.key;
    if ((dotted === field || dotted.startsWith(`${field}.`)) && (!best || field.length > (best.field ?? best.key).length)) best = c;
  }
  if (best) return best;
  const top = typeof path[0] === 'string' ? path[0] : '';
  return columns.find((c) => (c.field ?? c.key).split('.')[0] === top);
}

const hasChinese = /[\u4e00-\u9fff]/;

function issueText(issue: z.core.$ZodIssue): string {
  if (hasChinese.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_big':
      return `超出上限（${String(issue.maximum)}）`;
    case 'too_small':
      return issue.minimum === 1 ? '不能为空' : `低于下限（${String(issue.minimum)}）`;
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? '不能为空' : '格式不正确';
    case 'invalid_value':
      return '不是可选值';
    default:
      return '格式不正确';
  }
}

export function describeIssues(columns: readonly ImportColumn[], issues: readonly z.core.$ZodIssue[]): string[] {
  const messages: string[] = [];
  for (const issue of issues) {
    const column = columnFor(columns, issue.path);
    const message = issueText(issue);
    const text = column && !message.startsWith(column.header) ? `${column.header}：${message}` : message;
    if (!messages.includes(text)) messages.push(text);
  }
  return messages;
}

function matchesExample(columns: readonly ImportColumn[], cells: Readonly<Record<string, string | null>>): boolean {
  const withExample = columns.filter((c) => c.example !== undefined);
  return withExample.length > 0 && withExample.every((c) => cells[c.key] === undefined || cells[c.key] === c.example);
}

/**
 * Validates rows as they are read and hands out the valid ones in chunks (so the caller can write
 * while the file is still being read). Duplicate keys are the caller's concern (a key may recur
 * in a later chunk). `outcome()` is complete once `chunks` is exhausted. Memory stays bounded by
 * a chunk plus the error rows: the cells of valid rows are not kept (`cellsFor` reads them again).
 */
export type RowValidator<T> = {
  chunks: AsyncGenerator<PreparedRow<T>[]>;
  /** Rows refused so far (an all-or-nothing import stops writing at the first). */
  errorCount(): number;
  outcome(): ValidationOutcome;
  /** Original cells of valid rows (for rows that turn out bad when written, or recur), read from the file again. */
  cellsFor(rowNos: number[]): Promise<Map<number, CellText[]>>;
  close(): Promise<void>;
};

export function validateRowStream<T, C>(
  def: ImportRowRules<T, C>,
  ctx: C,
  openSource: RowSource,
  options: { limits: ImportLimits; chunkRows: number; batchId: string; onProgress?: (done: number) => void },
): RowValidator<T> {
  const { limits } = options;
  const pending: SheetRow[] = [];
  const state: { mapping: HeaderMapping | null; headers: string[]; headerKeys: Array<string | undefined> } = { mapping: null, headers: [], headerKeys: [] };
  let buffer: PreparedRow<T>[] = [];
  const errors: ErrorRow[] = [];
  let totalRows = 0;
  let skippedExampleRow = false;
  let finished = false;
  const batch = { batchId: options.batchId };

  const takeHeader = (row: SheetRow) => {
    const mapping = mapHeaders(row.cells, def.columns);
    state.mapping = mapping;
    state.headers = row.cells.map((c, i) => c ?? `第${i + 1}列`);
    state.headerKeys = row.cells.map((_, i) => mapping.byIndex.get(i));
    return mapping;
  };

  const handle = (row: SheetRow, map: HeaderMapping) => {
    const byKey: Record<string, string | null> = {};
    const filled = new Set<string>();
    const { headerKeys } = state;
    for (let i = 0; i < headerKeys.length; i++) {
      const key = headerKeys[i];
      if (!key) continue;
      const cell = row.cells[i] ?? null;
      byKey[key] = cell;
      if (cell !== null) filled.add(key);
    }
    if (totalRows === 0 && !skippedExampleRow && matchesExample(def.columns, byKey)) {
      skippedExampleRow = true;
      return;
    }
    totalRows++;
    if (totalRows > limits.maxRows) {
      throw tooLarge('import.too_many_rows', `数据行超过上限 ${limits.maxRows} 行，请拆分文件后分批导入`, { maxRows: limits.maxRows });
    }
    const { input, problems } = def.toInput(byKey, map.present, ctx);
    const messages = [...problems];
    const parsed = def.schema.safeParse(input);
    if (parsed.success) {
      if (messages.length === 0) messages.push(...(def.checkRow?.(parsed.data, ctx) ?? []));
    } else {
      messages.push(...describeIssues(def.columns, parsed.error.issues));
    }
    if (totalRows % 1000 === 0) options.onProgress?.(totalRows);
    if (messages.length > 0 || !parsed.success) {
      errors.push({ rowNo: row.rowNo, cells: row.cells, messages });
      return;
    }
    const prepared = def.prepareRow?.(parsed.data, ctx, batch);
    buffer.push({ rowNo: row.rowNo, key: def.naturalKey(parsed.data), value: parsed.data, filled, prepared });
  };

  const take = () => {
    const out = buffer;
    buffer = [];
    return out;
  };

  async function* chunks(): AsyncGenerator<PreparedRow<T>[]> {
    for await (const row of openSource()) {
      if (isBlank(row.cells)) continue;
      if (!state.mapping) {
        pending.push(row);
        const matches = countHeaderMatches(row.cells, def.columns);
        if (matches >= Math.min(2, def.columns.length)) {
          takeHeader(row);
          pending.length = 0;
        } else if (pending.length >= HEADER_SEARCH_ROWS) {
          // No row looked like the header: take the first (this throws import.missing_columns naming what is missing).
          const first = takeHeader(pending[0] as SheetRow);
          for (const r of pending.slice(1)) handle(r, first);
          pending.length = 0;
        }
        continue;
      }
      handle(row, state.mapping);
      if (buffer.length >= options.chunkRows) yield take();
    }
    if (!state.mapping && pending.length > 0) {
      const first = takeHeader(pending[0] as SheetRow);
      for (const r of pending.slice(1)) handle(r, first);
    }
    if (!state.mapping) throw invalid('import.empty_file', '文件中没有内容（没有表头，也没有数据行）');
    if (totalRows === 0) throw invalid('import.no_rows', '文件中只有表头，没有数据行');
    if (buffer.length > 0) yield take();
    finished = true;
  }

  return {
    chunks: chunks(),
    errorCount: () => errors.length,
    cellsFor: (rowNos) => readCellsOf(openSource, rowNos),
    close: async () => undefined,
    outcome: () => {
      if (!finished || !state.mapping) throw new Error('validation outcome read before the rows were exhausted');
      return { headers: state.headers, mapping: state.mapping, errors, totalRows, skippedExampleRow };
    },
  };
}

/** The cells of some rows, read from the file again (stops after the last one wanted). */
export async function readCellsOf(openSource: RowSource, rowNos: readonly number[]): Promise<Map<number, CellText[]>> {
  const cells = new Map<number, CellText[]>();
  if (rowNos.length === 0) return cells;
  const wanted = new Set(rowNos);
  let last = 0;
  for (const n of wanted) last = Math.max(last, n);
  for await (const row of openSource()) {
    if (wanted.has(row.rowNo)) cells.set(row.rowNo, row.cells);
    if (row.rowNo >= last || cells.size === wanted.size) break;
  }
  return cells;
}
