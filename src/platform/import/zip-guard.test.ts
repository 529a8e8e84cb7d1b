import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../shared/errors';
import { lyingZipBomb, xlsxFile, zipBomb } from '../../../test/support/import-files';
import { detectImportFormat } from './file-format';
import { withLimits } from './limits';
import { inspectXlsxZip } from './zip-guard';

const limits = withLimits({ maxUncompressedBytes: 8 * 1024 * 1024, maxCompressionRatio: 100, ratioCheckFromBytes: 64 * 1024 });

async function refusal(run: () => Promise<unknown> | unknown): Promise<{ code: string; kind: string; message: string }> {
  try {
    await run();
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, kind: error.kind, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('inspectXlsxZip', () => {
  it('accepts a real workbook and reports its sizes', async () => {
    const file = await xlsxFile([['企业名称', '统一社会信用代码'], ['海门某某机械有限公司', '91320684MA1EXAMP33']]);
    const summary = await inspectXlsxZip(file, limits);
    expect(summary.entries).toBeGreaterThan(3);
    expect(summary.uncompressedBytes).toBeGreaterThan(summary.compressedBytes);
  });

  it('refuses a zip bomb by its compression ratio before anything is inflated', async () => {
    const bomb = zipBomb(4 * 1024 * 1024); // 4 MB of zeros deflate to a few KB
    expect(bomb.length).toBeLessThan(64 * 1024);
    const r = await refusal(() => inspectXlsxZip(bomb, limits));
    expect(r.code).toBe('import.zip_bomb');
    expect(r.message).toContain('压缩比');
  });

  it('refuses an archive whose declared total exceeds the uncompressed limit', async () => {
    const r = await refusal(() => inspectXlsxZip(zipBomb(12 * 1024 * 1024), withLimits({ maxUncompressedBytes: 8 * 1024 * 1024, maxCompressionRatio: 1_000_000 })));
    expect(r).toMatchObject({ code: 'import.zip_bomb', kind: 'too_large' });
  });

  it('refuses an archive whose headers under-declare the inflated size', async () => {
    const r = await refusal(() => inspectXlsxZip(lyingZipBomb(2 * 1024 * 1024), limits));
    expect(r.code).toBe('import.zip_bomb');
  });

  it('refuses a zip that is not a workbook', async () => {
    const { zipFile } = await import('../../../test/support/import-files');
    const r = await refusal(() => inspectXlsxZip(zipFile([{ name: 'readme.txt', data: new TextEncoder().encode('hello') }]), limits));
    expect(r.code).toBe('import.not_xlsx');
  });
});

describe('detectImportFormat', () => {
  it('tells xlsx and csv apart by content, not by name', async () => {
    expect(detectImportFormat(await xlsxFile([['a']]), 'anything.csv', limits)).toBe('xlsx');
    expect(detectImportFormat(new TextEncoder().encode('企业名称,统一社会信用代码\n'), 'list.csv', limits)).toBe('csv');
  });

  it('refuses a text file renamed to .xlsx with a clear message', async () => {
    const r = await refusal(() => detectImportFormat(new TextEncoder().encode('企业名称,统一社会信用代码\n海门某某机械有限公司,91320684MA1EXAMP33\n'), '企业.xlsx', limits));
    expect(r.code).toBe('import.not_xlsx');
    expect(r.message).toContain('改了扩展名');
  });

  it('refuses legacy .xls, binaries, empty and oversized files', async () => {
    expect((await refusal(() => detectImportFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'old.xls', limits))).code).toBe('import.xls_not_supported');
    expect((await refusal(() => detectImportFormat(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]), 'a.csv', limits))).code).toBe('import.unsupported_format');
    expect((await refusal(() => detectImportFormat(new Uint8Array(0), 'a.csv', limits))).code).toBe('import.empty_file');
    expect(await refusal(() => detectImportFormat(new Uint8Array(2048), 'a.csv', withLimits({ maxBytes: 1024 })))).toMatchObject({ code: 'import.file_too_large', kind: 'too_large' });
  });
});
