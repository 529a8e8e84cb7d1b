import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * Streams an xlsx workbook from an async sequence of rows, so that exporting a list of a million
 * records keeps memory flat. Every list route's `export.xlsx` uses this with the list's filters.
 */
export type ExportColumn<Row> = { header: string; width?: number; value: (row: Row) => string | number | boolean | Date | null | undefined };

export type ExportSpec<Row> = {
  sheetName: string;
  columns: ExportColumn<Row>[];
  rows: AsyncIterable<Row>;
  /** Optional first line above the header (title, filters used, time of export). */
  caption?: string;
};

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function streamXlsx<Row>(spec: ExportSpec<Row>): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  void writeWorkbook(spec, out).catch((error: unknown) => out.destroy(error as Error));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

async function writeWorkbook<Row>(spec: ExportSpec<Row>, out: PassThrough): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(safeSheetName(spec.sheetName), { views: [{ state: 'frozen', ySplit: spec.caption ? 2 : 1 }] });
  sheet.columns = spec.columns.map((c) => ({ width: c.width ?? 16 }));
  if (spec.caption) sheet.addRow([spec.caption]).commit();
  const header = sheet.addRow(spec.columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  for await (const row of spec.rows) {
    sheet.addRow(spec.columns.map((c) => normaliseCell(c.value(row)))).commit();
  }
  sheet.commit();
  await workbook.commit();
}

function normaliseCell(value: string | number | boolean | Date | null | undefined): string | number | boolean | Date | null {
  if (value === undefined) return null;
  // Keep long digit strings (credit codes, ids) as text so Excel does not turn them into numbers.
  return value;
}

function safeSheetName(name: string): string {
  return name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1';
}

/** `Content-Disposition` for a Chinese file name (RFC 6266 / 5987). */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Read a whole list page by page (keyset or offset) as one async sequence. */
export async function* paged<Row>(fetchPage: (offset: number, limit: number) => Promise<Row[]>, pageSize = 2000): AsyncGenerator<Row> {
  for (let offset = 0; ; offset += pageSize) {
    const rows = await fetchPage(offset, pageSize);
    yield* rows;
    if (rows.length < pageSize) return;
  }
}
