import { z } from 'zod';
import { attachmentHeader, streamXlsx, XLSX_CONTENT_TYPE, type ExportSpec } from '../excel/export';

/** OpenAPI description of an xlsx download. */
export const xlsxResponse = {
  200: {
    description: 'Excel 文件 / xlsx file',
    content: { [XLSX_CONTENT_TYPE]: { schema: z.string().meta({ format: 'binary' }) } },
  },
} as const;

export function xlsxDownload<Row>(fileName: string, spec: ExportSpec<Row>): Response {
  return new Response(streamXlsx(spec), {
    status: 200,
    headers: { 'content-type': XLSX_CONTENT_TYPE, 'content-disposition': attachmentHeader(fileName), 'cache-control': 'no-store' },
  });
}

/** `质量强市-审计日志-20261126.xlsx` style names. */
export function exportFileName(title: string, now: Date): string {
  return `${title}-${now.toISOString().slice(0, 10).replaceAll('-', '')}.xlsx`;
}
