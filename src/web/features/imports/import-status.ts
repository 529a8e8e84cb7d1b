/**
 * Pure helpers of the import wizard and history: labels of statuses and modes, the check of a
 * chosen file before it is sent, headlines for files the server refuses, and the result summary.
 *
 *   checkImportFile({ name: 'a.xls', size: 10 }, 20 * 1024 * 1024) // → { zh: '不支持旧版 …', en: … }
 *   importOutcome(batch)                                          // → { kind: 'rejected', … }
 */
import type { ImportBatch, ImportBatchStatus, ImportMode } from './import-types';

type Label = { zh: string; en: string };

export const importStatusLabels: Record<ImportBatchStatus, Label> = {
  queued: { zh: '排队中', en: 'Queued' },
  running: { zh: '处理中', en: 'Running' },
  succeeded: { zh: '已导入', en: 'Imported' },
  rejected: { zh: '有错误未导入', en: 'Rejected' },
  validated: { zh: '试导入完成', en: 'Checked (dry run)' },
  failed: { zh: '失败', en: 'Failed' },
  undone: { zh: '已撤销', en: 'Undone' },
};

export const importStatusColors: Record<ImportBatchStatus, string> = {
  queued: 'default',
  running: 'processing',
  succeeded: 'green',
  rejected: 'orange',
  validated: 'cyan',
  failed: 'red',
  undone: 'default',
};

export const importModeLabels: Record<ImportMode, Label> = {
  all_or_nothing: { zh: '全部正确才导入', en: 'All or nothing' },
  valid_only: { zh: '仅导入正确行', en: 'Valid rows only' },
};

/** Largest upload the server takes (its default `limits.upload`); the server checks again. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export function isBatchFinished(status: ImportBatchStatus): boolean {
  return status !== 'queued' && status !== 'running';
}

/** A problem with the chosen file that can be seen before uploading it, or null. */
export function checkImportFile(file: { name: string; size: number }, maxBytes = IMPORT_MAX_BYTES): Label | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xls')) {
    return { zh: '不支持旧版 Excel 97-2003（.xls）文件，请用 Excel 或 WPS 另存为 .xlsx 后再上传', en: 'Legacy .xls files are not supported; save the file as .xlsx first' };
  }
  if (!name.endsWith('.xlsx') && !name.endsWith('.csv')) {
    return { zh: '只能上传 Excel 工作簿（.xlsx）或 CSV 文件（.csv）', en: 'Upload an Excel workbook (.xlsx) or a CSV file (.csv)' };
  }
  if (file.size === 0) return { zh: '文件为空', en: 'The file is empty' };
  if (file.size > maxBytes) {
    const mb = (n: number) => (n / 1048576).toFixed(1);
    return { zh: `文件大小 ${mb(file.size)} MB，超过上限 ${mb(maxBytes)} MB，请拆分后分批导入`, en: `The file has ${mb(file.size)} MB, more than the ${mb(maxBytes)} MB limit; split it` };
  }
  return null;
}

const refusalTitles: Record<string, Label> = {
  'import.zip_bomb': { zh: '文件被拒绝：疑似压缩炸弹', en: 'Refused: looks like a zip bomb' },
  'import.not_xlsx': { zh: '文件被拒绝：不是有效的 Excel 工作簿', en: 'Refused: not an Excel workbook' },
  'import.corrupt_xlsx': { zh: '文件被拒绝：Excel 文件已损坏', en: 'Refused: the workbook is damaged' },
  'import.encrypted_xlsx': { zh: '文件被拒绝：Excel 文件已加密', en: 'Refused: the workbook is encrypted' },
  'import.xls_not_supported': { zh: '文件被拒绝：不支持旧版 .xls', en: 'Refused: legacy .xls' },
  'import.unsupported_format': { zh: '文件被拒绝：无法识别的文件格式', en: 'Refused: unknown file format' },
  'import.file_too_large': { zh: '文件被拒绝：文件过大', en: 'Refused: file too large' },
  'request.too_large': { zh: '文件被拒绝：文件过大', en: 'Refused: file too large' },
  'import.empty_file': { zh: '文件被拒绝：文件为空', en: 'Refused: empty file' },
  'import.too_many_rows': { zh: '文件被拒绝：行数超过上限', en: 'Refused: too many rows' },
  'import.too_many_columns': { zh: '文件被拒绝：列数超过上限', en: 'Refused: too many columns' },
  'import.cell_too_long': { zh: '文件被拒绝：单元格内容过长', en: 'Refused: a cell is too long' },
  'import.missing_columns': { zh: '缺少必填列', en: 'Required columns missing' },
  'import.duplicate_column': { zh: '表头重复', en: 'Duplicate column' },
  'import.no_rows': { zh: '文件中没有数据行', en: 'No data rows' },
  'import.bad_encoding': { zh: '无法识别 CSV 文件的编码', en: 'Unknown CSV encoding' },
  'import.bad_csv': { zh: 'CSV 文件格式有误', en: 'Malformed CSV' },
  'import.interrupted': { zh: '导入被中断', en: 'Import interrupted' },
  'import.forbidden': { zh: '无权导入', en: 'Not allowed' },
};

/** Headline for a refused file or a failed batch (the server's message says the details). */
export function refusalTitle(code: string): Label {
  return refusalTitles[code] ?? { zh: '导入失败', en: 'Import failed' };
}

export type ImportOutcome =
  | { kind: 'pending' }
  | { kind: 'succeeded'; withErrors: boolean }
  | { kind: 'rejected' }
  | { kind: 'validated' }
  | { kind: 'failed'; code: string; message: string }
  | { kind: 'undone' };

/** What the wizard's result step shows for a batch. */
export function importOutcome(batch: Pick<ImportBatch, 'status' | 'failedCount' | 'error'>): ImportOutcome {
  switch (batch.status) {
    case 'queued':
    case 'running':
      return { kind: 'pending' };
    case 'succeeded':
      return { kind: 'succeeded', withErrors: batch.failedCount > 0 };
    case 'rejected':
      return { kind: 'rejected' };
    case 'validated':
      return { kind: 'validated' };
    case 'undone':
      return { kind: 'undone' };
    case 'failed':
      return { kind: 'failed', code: batch.error?.code ?? 'import.failed', message: batch.error?.message ?? '导入失败' };
  }
}
