import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { invalid, isDomainError } from '../../shared/errors';
import { worksheetsLast } from './xlsx-order';

/**
 * Streams the rows of the first worksheet of an xlsx file with exceljs' WorkbookReader, turning
 * every cell into text (dates as YYYY-MM-DD, numbers without exponent, rich text concatenated,
 * formulas as their cached result). Call `inspectXlsxZip` first: exceljs itself has no zip-bomb guard.
 * The archive is handed to exceljs with its worksheets last (xlsx-order.ts), which lets it stream them.
 */
export type CellText = string | null;
export type SheetRow = { rowNo: number; cells: CellText[] };

/** The reader options the import uses (the benchmark reads with the same options). */
export const xlsxReaderOptions = {
  worksheets: 'emit',
  sharedStrings: 'cache',
  hyperlinks: 'ignore',
  styles: 'cache',
  entries: 'ignore',
} as const;

type RichText = { richText: Array<{ text: string }> };
type FormulaValue = { formula?: string; sharedFormula?: string; result?: unknown };
type HyperlinkValue = { text: unknown; hyperlink: string };

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function dateText(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0) return day;
  return `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(n);
}

export function cellToText(value: unknown): CellText {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const t = value.trim();
    return t === '' ? null : t;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? numberText(value) : null;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray((value as RichText).richText)) {
      return cellToText((value as RichText).richText.map((r) => r.text ?? '').join(''));
    }
    if ('formula' in value || 'sharedFormula' in value) return cellToText((value as FormulaValue).result);
    if ('hyperlink' in value) return cellToText((value as HyperlinkValue).text);
    if ('error' in value) return String((value as { error: unknown }).error);
    if ('text' in value) return cellToText((value as { text: unknown }).text);
  }
  return null;
}

/** Rows of the first worksheet; `rowNo` is the spreadsheet row number (1-based). */
export async function* readXlsxRows(bytes: Uint8Array, options: { maxColumns: number; maxCellChars: number }): AsyncGenerator<SheetRow> {
  // The same archive with the worksheets last, so that exceljs streams the sheet instead of spooling it to a temporary file.
  const parts = await worksheetsLast(bytes);
  const input = Readable.from(parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength)));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, xlsxReaderOptions);
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const values = (row as unknown as { values: unknown[] }).values;
        const length = Math.min(values.length, options.maxColumns + 1);
        if (values.length > options.maxColumns + 1 && values.slice(options.maxColumns + 1).some((v) => cellToText(v) !== null)) {
          throw invalid('import.too_many_columns', `第 ${row.number} 行超过 ${options.maxColumns} 列`);
        }
        const cells: CellText[] = new Array(Math.max(0, length - 1));
        for (let i = 1; i < length; i++) {
          const text = cellToText(values[i]);
          if (text !== null && text.length > options.maxCellChars) throw invalid('import.cell_too_long', `第 ${row.number} 行有单元格超过 ${options.maxCellChars} 个字符`);
          cells[i - 1] = text;
        }
        yield { rowNo: row.number, cells };
      }
      return; // first worksheet only
    }
  } catch (error) {
    if (isDomainError(error)) throw error;
    throw invalid('import.corrupt_xlsx', `Excel 文件无法读取：${(error as Error).message}`.slice(0, 300));
  }
}
