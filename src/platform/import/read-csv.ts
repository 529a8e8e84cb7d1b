import { invalid } from '../../shared/errors';
import type { SheetRow } from './read-xlsx';

/**
 * CSV reading: the encoding is UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK (what
 * Excel on a Chinese Windows saves as "CSV"), detected from the bytes; the delimiter is a comma,
 * or a tab/semicolon when the header line has more of those. Quoted fields may contain
 * delimiters, doubled quotes and line breaks (RFC 4180). Rows are yielded one by one.
 */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: a Chinese Excel "CSV" is GBK; GB18030 is its superset.
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
  } catch {
    throw invalid('import.bad_encoding', 'CSV 文件的编码无法识别，请另存为“CSV UTF-8（逗号分隔）”后再上传');
  }
}

function pickDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  const counts = [',', '\t', ';'].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0] && counts[0][1] > 0 ? counts[0][0] : ',';
}

/** Rows of a decoded CSV text; `rowNo` counts physical records from 1 (as a spreadsheet shows them). */
export function* readCsvRows(text: string, options: { maxColumns: number; maxCellChars: number }): Generator<SheetRow> {
  const delimiter = pickDelimiter(text);
  let rowNo = 0;
  let cells: Array<string | null> = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  const pushField = () => {
    if (cells.length >= options.maxColumns) {
      throw invalid('import.too_many_columns', `第 ${rowNo + 1} 行超过 ${options.maxColumns} 列`);
    }
    if (field.length > options.maxCellChars) throw invalid('import.cell_too_long', `第 ${rowNo + 1} 行有单元格超过 ${options.maxCellChars} 个字符`);
    const trimmed = field.trim();
    cells.push(trimmed === '' ? null : trimmed);
    field = '';
  };
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (quoted) {
      if (ch === 34 /* " */) {
        if (text.charCodeAt(i + 1) === 34) {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      const next = text.indexOf('"', i);
      const end = next === -1 ? n : next;
      field += text.slice(i, end);
      i = end;
      continue;
    }
    if (field === '' && ch === 32) {
      // Spaces before an opening quote are not part of the field.
      let j = i;
      while (text.charCodeAt(j) === 32) j++;
      if (text.charCodeAt(j) === 34) {
        i = j;
        continue;
      }
    }
    if (ch === 34 && field.trim() === '') {
      field = '';
      quoted = true;
      i++;
      continue;
    }
    if (text[i] === delimiter) {
      pushField();
      i++;
      continue;
    }
    if (ch === 10 || ch === 13) {
      pushField();
      rowNo++;
      yield { rowNo, cells };
      cells = [];
      i += ch === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      continue;
    }
    // Plain run up to the next special character.
    let j = i + 1;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 10 || c === 13 || text[j] === delimiter) break;
      j++;
    }
    field += text.slice(i, j);
    i = j;
  }
  if (quoted) throw invalid('import.bad_csv', `第 ${rowNo + 1} 行的引号没有闭合，CSV 格式不正确`);
  if (field !== '' || cells.length > 0) {
    pushField();
    rowNo++;
    yield { rowNo, cells };
  }
}
