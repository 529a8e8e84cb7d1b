import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { invalid, tooLarge } from '../../shared/errors';
import type { ImportLimits } from './limits';

/**
 * Zip-bomb guard for xlsx uploads, run before exceljs opens the archive. It reads the central
 * directory with yauzl and refuses the file when it has too many entries, encrypted or unknown
 * compression, an entry whose declared uncompressed size is far larger than its compressed size,
 * or a declared total above the limit. It then inflates every entry once with yauzl's size
 * validation on, so that an archive whose headers lie about the sizes is refused too, and checks
 * that the archive really is a workbook ([Content_Types].xml, xl/workbook.xml, a worksheet).
 */
export type ZipSummary = { entries: number; uncompressedBytes: number; compressedBytes: number };

const notWorkbook = () => invalid('import.not_xlsx', '文件不是有效的 Excel 工作簿（.xlsx）。请用 Excel 或 WPS 另存为 .xlsx 后再上传，或改用 CSV（UTF-8）。');

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) => {
      if (error || !zip) reject(notWorkbook());
      else resolve(zip);
    });
  });
}

function readEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', () => reject(notWorkbook()));
    zip.readEntry();
  });
}

/**
 * Inflates one entry (on the thread pool, in small pieces that are counted and dropped at once)
 * with a hard cap: an entry that inflates beyond its declared size (lying headers) or beyond the
 * remaining budget is refused. Nothing of the inflated content is kept, so a 70 MB sheet costs no
 * 70 MB of memory here.
 */
function verifyEntry(buffer: Buffer, entry: yauzl.Entry, budget: { left: number }): Promise<void> {
  const header = entry.relativeOffsetOfLocalHeader;
  if (buffer.readUInt32LE(header) !== 0x04034b50) throw invalid('import.corrupt_xlsx', `Excel 文件已损坏（${entry.fileName}）`);
  const start = header + 30 + buffer.readUInt16LE(header + 26) + buffer.readUInt16LE(header + 28);
  const data = buffer.subarray(start, start + entry.compressedSize);
  const cap = Math.min(entry.uncompressedSize, budget.left);
  const tooLargeEntry = () => invalid('import.zip_bomb', `Excel 文件中 ${entry.fileName} 的实际大小超过声明或上限（疑似压缩炸弹），已拒绝`);
  const sizeMismatch = () => invalid('import.zip_bomb', `Excel 文件中 ${entry.fileName} 的实际大小与声明不符（疑似压缩炸弹或文件已损坏），已拒绝`);
  if (entry.compressionMethod === 0) {
    if (data.length !== entry.uncompressedSize) throw sizeMismatch();
    budget.left -= data.length;
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const inflater = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
    let size = 0;
    let settled = false;
    const settle = (error: Error | null) => {
      if (settled) return;
      settled = true;
      if (error) {
        inflater.destroy();
        reject(error);
        return;
      }
      if (size !== entry.uncompressedSize) return reject(sizeMismatch());
      budget.left -= size;
      resolve();
    };
    inflater.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > Math.max(cap, 1) + 1) settle(tooLargeEntry());
    });
    inflater.on('end', () => settle(null));
    inflater.on('error', () => settle(invalid('import.corrupt_xlsx', `Excel 文件已损坏，无法解压其中的 ${entry.fileName}`)));
    inflater.end(data);
  });
}

export async function inspectXlsxZip(bytes: Uint8Array, limits: ImportLimits): Promise<ZipSummary> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const zip = await openZip(buffer);
  try {
    if (zip.entryCount > limits.maxZipEntries) {
      throw invalid('import.zip_bomb', `Excel 文件包含 ${zip.entryCount} 个内部文件，超过上限 ${limits.maxZipEntries}，已拒绝`, { entries: zip.entryCount });
    }
    const entries = await readEntries(zip);
    let uncompressedBytes = 0;
    let compressedBytes = 0;
    for (const entry of entries) {
      if (entry.isEncrypted()) throw invalid('import.encrypted_xlsx', '文件已加密（设置了打开密码），请取消密码后再上传');
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw notWorkbook();
      uncompressedBytes += entry.uncompressedSize;
      compressedBytes += entry.compressedSize;
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (entry.uncompressedSize >= limits.ratioCheckFromBytes && ratio > limits.maxCompressionRatio) {
        throw invalid('import.zip_bomb', `文件中 ${entry.fileName} 的压缩比为 ${Math.round(ratio)}:1，超过上限 ${limits.maxCompressionRatio}:1，疑似压缩炸弹，已拒绝`, {
          entry: entry.fileName,
          ratio: Math.round(ratio),
          maxRatio: limits.maxCompressionRatio,
        });
      }
    }
    if (uncompressedBytes > limits.maxUncompressedBytes) {
      throw tooLarge('import.zip_bomb', `文件解压后共 ${Math.round(uncompressedBytes / 1048576)} MB，超过上限 ${Math.round(limits.maxUncompressedBytes / 1048576)} MB，已拒绝`, {
        uncompressedBytes,
        maxUncompressedBytes: limits.maxUncompressedBytes,
      });
    }
    const names = new Set(entries.map((e) => e.fileName));
    const hasSheet = entries.some((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.fileName));
    if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml') || !hasSheet) throw notWorkbook();
    // Inflate once with a hard budget: headers that under-declare sizes are caught here.
    const budget = { left: limits.maxUncompressedBytes };
    for (const entry of entries) {
      if (!entry.fileName.endsWith('/')) await verifyEntry(buffer, entry, budget);
    }
    return { entries: entries.length, uncompressedBytes, compressedBytes };
  } finally {
    zip.close();
  }
}
