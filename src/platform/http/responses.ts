import { z } from 'zod';
import { attachmentHeader, streamXlsx, XLSX_CONTENT_TYPE, type ExportSpec } from '../excel/export';

/** OpenAPI description of an xlsx download. */
export const xlsxResponse = {
  200: {
    description: 'Excel 文件 / xlsx file',
    content: { [XLSX_CONTENT_TYPE]: { schema: z.string().meta({ format: 'binary' }) } },
  },
} as const;

/**
 * Streams the export. The first row is fetched before the response starts, so that a failing
 * query (bad filter, database error) still becomes a normal error response instead of a broken
 * download.
 */
export async function xlsxDownload<Row>(fileName: string, spec: ExportSpec<Row>): Promise<Response> {
  const iterator = spec.rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  async function* rows(): AsyncGenerator<Row> {
    if (first.done) return;
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return new Response(streamXlsx({ ...spec, rows: rows() }), {
    status: 200,
    headers: { 'content-type': XLSX_CONTENT_TYPE, 'content-disposition': attachmentHeader(fileName), 'cache-control': 'no-store' },
  });
}

/** `质量强市-审计日志-20261126.xlsx` style names. */
export function exportFileName(title: string, now: Date): string {
  return `${title}-${now.toISOString().slice(0, 10).replaceAll('-', '')}.xlsx`;
}
