import { invalid } from '../../shared/errors';
import type { CellText } from './read-xlsx';

/**
 * Maps the header row of an uploaded sheet to the import kind's columns. Headers are compared
 * after normalisation (full-width → half-width, no spaces, no required-markers like * or （必填）,
 * Latin letters lower-cased), against the column's header and its aliases, so that a sheet whose
 * column says "单位名称" instead of "企业名称" still maps. Unknown headers are ignored (and
 * reported); missing required columns are an error that names them.
 */
export type HeaderColumn = { key: string; header: string; aliases?: readonly string[]; required?: boolean };

export type HeaderMapping = {
  /** Column index in the file → column key. */
  byIndex: Map<number, string>;
  /** Keys present in the file. */
  present: Set<string>;
  /** Header texts that matched no column. */
  ignored: string[];
  /** File header → column header (for the batch record). */
  mapped: Record<string, string>;
};

export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[(（[【]?(必填|必填项|选填|可选|required|optional)[)）\]】]?$/i, '')
    .replace(/^[*＊]+|[*＊]+$/g, '')
    .toLowerCase();
}

function keyIndex(columns: readonly HeaderColumn[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const column of columns) {
    for (const name of [column.header, ...(column.aliases ?? [])]) {
      const norm = normaliseHeader(name);
      const existing = index.get(norm);
      if (existing && existing !== column.key) throw new Error(`import header "${name}" is used by two columns (${existing}, ${column.key})`);
      index.set(norm, column.key);
    }
  }
  return index;
}

/** How well a row looks like the header: number of cells that name a known column. */
export function countHeaderMatches(cells: readonly CellText[], columns: readonly HeaderColumn[]): number {
  const index = keyIndex(columns);
  return cells.filter((c) => c !== null && index.has(normaliseHeader(c))).length;
}

export function mapHeaders(cells: readonly CellText[], columns: readonly HeaderColumn[]): HeaderMapping {
  const index = keyIndex(columns);
  const byIndex = new Map<number, string>();
  const present = new Set<string>();
  const ignored: string[] = [];
  const mapped: Record<string, string> = {};
  const seenAt = new Map<string, string>();
  cells.forEach((cell, i) => {
    if (cell === null) return;
    const key = index.get(normaliseHeader(cell));
    if (!key) {
      ignored.push(cell);
      return;
    }
    const previous = seenAt.get(key);
    if (previous !== undefined) {
      const column = columns.find((c) => c.key === key);
      throw invalid('import.duplicate_column', `表头「${previous}」和「${cell}」都对应「${column?.header ?? key}」列，请只保留一列`, { columns: [previous, cell] });
    }
    seenAt.set(key, cell);
    byIndex.set(i, key);
    present.add(key);
    mapped[cell] = columns.find((c) => c.key === key)?.header ?? key;
  });
  const missing = columns.filter((c) => c.required && !present.has(c.key));
  if (missing.length > 0) {
    const names = missing.map((c) => `「${c.header}」`).join('、');
    throw invalid('import.missing_columns', `缺少必需的列：${names}。请使用导入模板，或把表头改成模板中的名称。`, {
      missing: missing.map((c) => c.header),
      found: cells.filter((c): c is string => c !== null),
    });
  }
  return { byIndex, present, ignored, mapped };
}
