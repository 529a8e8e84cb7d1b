import type { z } from 'zod';
import { invalid, tooLarge } from '../../shared/errors';
import { countHeaderMatches, mapHeaders, type HeaderMapping } from './header-map';
import type { ImportLimits } from './limits';
import type { CellText, SheetRow } from './read-xlsx';
import type { ImportColumn, ImportKindDefinition, PreparedRow } from './types';

/**
 * The validation pass of an import: find the header row, map it, turn every data row into the
 * schema's input with the kind's converter, validate it with the domain's zod schema and the
 * kind's data rules, and report keys that occur more than once in the file. Nothing is written.
 */
export type ErrorRow = { rowNo: number; cells: CellText[]; messages: string[] };

export type ValidationOutcome<T> = {
  headers: string[];
  mapping: HeaderMapping;
  rows: PreparedRow<T>[];
  errors: ErrorRow[];
  /** Data rows read (blank rows and the template's example row not counted). */
  totalRows: number;
  skippedExampleRow: boolean;
  cellsByRow: Map<number, CellText[]>;
};

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
    const text = `${column ? `${column.header}：` : ''}${issueText(issue)}`;
    if (!messages.includes(text)) messages.push(text);
  }
  return messages;
}

function matchesExample(columns: readonly ImportColumn[], cells: Readonly<Record<string, string | null>>): boolean {
  const withExample = columns.filter((c) => c.example !== undefined);
  return withExample.length > 0 && withExample.every((c) => cells[c.key] === undefined || cells[c.key] === c.example);
}

export async function validateRows<T, C>(
  def: ImportKindDefinition<T, C>,
  ctx: C,
  source: AsyncIterable<SheetRow> | Iterable<SheetRow>,
  options: { limits: ImportLimits; onProgress?: (done: number) => void },
): Promise<ValidationOutcome<T>> {
  const { limits } = options;
  const pending: SheetRow[] = [];
  let mapping: HeaderMapping | null = null;
  let headers: string[] = [];
  let headerKeys: Array<string | undefined> = [];
  const rows: PreparedRow<T>[] = [];
  const errors: ErrorRow[] = [];
  const rowsByKey = new Map<string, number[]>();
  let totalRows = 0;
  let skippedExampleRow = false;
  /** Original cells of the valid rows (for rows the write step refuses and for duplicates). */
  const cellsByRow = new Map<number, CellText[]>();

  const takeHeader = (row: SheetRow) => {
    mapping = mapHeaders(row.cells, def.columns);
    headers = row.cells.map((c, i) => c ?? `第${i + 1}列`);
    headerKeys = row.cells.map((_, i) => mapping?.byIndex.get(i));
  };

  const handle = (row: SheetRow, map: HeaderMapping) => {
    const byKey: Record<string, string | null> = {};
    for (let i = 0; i < headerKeys.length; i++) {
      const key = headerKeys[i];
      if (key) byKey[key] = row.cells[i] ?? null;
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
    if (messages.length > 0 || !parsed.success) {
      errors.push({ rowNo: row.rowNo, cells: row.cells, messages });
      return;
    }
    const key = def.naturalKey(parsed.data);
    const seen = rowsByKey.get(key);
    if (seen) seen.push(row.rowNo);
    else rowsByKey.set(key, [row.rowNo]);
    rows.push({ rowNo: row.rowNo, key, value: parsed.data, present: map.present });
    cellsByRow.set(row.rowNo, row.cells);
    if (totalRows % 1000 === 0) options.onProgress?.(totalRows);
  };

  for await (const row of source) {
    if (isBlank(row.cells)) continue;
    if (!mapping) {
      pending.push(row);
      const matches = countHeaderMatches(row.cells, def.columns);
      if (matches >= Math.min(2, def.columns.length)) {
        takeHeader(row);
        pending.length = 0;
      } else if (pending.length >= HEADER_SEARCH_ROWS) {
        takeHeader(pending[0] as SheetRow); // throws import.missing_columns naming what is missing
      }
      continue;
    }
    handle(row, mapping);
  }
  if (!mapping) {
    if (pending.length === 0) throw invalid('import.empty_file', '文件中没有内容（没有表头，也没有数据行）');
    takeHeader(pending[0] as SheetRow);
  }
  if (totalRows === 0) throw invalid('import.no_rows', '文件中只有表头，没有数据行');

  // A key that occurs more than once in the file: every occurrence is refused (which one is right is unknown).
  const duplicated = new Map<number, number[]>();
  for (const rowNos of rowsByKey.values()) if (rowNos.length > 1) for (const n of rowNos) duplicated.set(n, rowNos);
  let valid = rows;
  if (duplicated.size > 0) {
    valid = [];
    for (const r of rows) {
      const others = duplicated.get(r.rowNo);
      if (!others) {
        valid.push(r);
        continue;
      }
      errors.push({
        rowNo: r.rowNo,
        cells: cellsByRow.get(r.rowNo) ?? [],
        messages: [`${def.keyLabel}「${r.key}」在文件中重复出现（第 ${others.join('、')} 行），请只保留一行`],
      });
    }
    errors.sort((a, b) => a.rowNo - b.rowNo);
  }
  return { headers, mapping, rows: valid, errors, totalRows, skippedExampleRow, cellsByRow };
}
