import { invalid, tooLarge } from '../../shared/errors';
import type { ImportLimits } from './limits';

/**
 * Decides how to read an uploaded file from its first bytes (never from its name alone): a zip
 * archive is an xlsx candidate, legacy .xls (OLE2) and other binaries are refused with a hint,
 * text is CSV. A text file renamed to .xlsx is refused with a clear message.
 */
export type ImportFormat = 'xlsx' | 'csv';

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

export function detectImportFormat(bytes: Uint8Array, fileName: string, limits: ImportLimits): ImportFormat {
  if (bytes.length === 0) throw invalid('import.empty_file', '文件为空');
  if (bytes.length > limits.maxBytes) {
    throw tooLarge('import.file_too_large', `文件大小 ${(bytes.length / 1048576).toFixed(1)} MB，超过上限 ${(limits.maxBytes / 1048576).toFixed(0)} MB`, {
      sizeBytes: bytes.length,
      maxBytes: limits.maxBytes,
    });
  }
  const isXlsxName = /\.xlsx$/i.test(fileName);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'xlsx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw invalid('import.xls_not_supported', '不支持旧版 Excel 97-2003（.xls）文件，请另存为 .xlsx 后再上传');
  }
  if (isXlsxName) {
    throw invalid('import.not_xlsx', '文件扩展名为 .xlsx，但内容不是 Excel 工作簿（可能是改了扩展名的文本或其他文件）。请用 Excel 或 WPS 另存为 .xlsx，或直接上传 CSV。');
  }
  if (looksBinary(bytes)) throw invalid('import.unsupported_format', '无法识别的文件格式，请上传 .xlsx 或 .csv 文件');
  return 'csv';
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  // UTF-16 with BOM is text (handled by the CSV decoder).
  if (startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff])) return false;
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control > sample.length / 20;
}
