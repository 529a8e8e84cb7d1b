import { describe, expect, it } from 'vitest';
import { importKindMeta } from './import-kinds';
import { checkImportFile, importOutcome, isBatchFinished, refusalTitle } from './import-status';

describe('checkImportFile', () => {
  it('accepts xlsx and csv files within the size limit', () => {
    expect(checkImportFile({ name: '企业名录.XLSX', size: 2048 })).toBeNull();
    expect(checkImportFile({ name: 'list.csv', size: 10 })).toBeNull();
  });

  it('refuses legacy xls, other extensions, empty and too large files with a Chinese reason', () => {
    expect(checkImportFile({ name: 'old.xls', size: 10 })?.zh).toContain('另存为 .xlsx');
    expect(checkImportFile({ name: 'list.pdf', size: 10 })?.zh).toContain('.xlsx');
    expect(checkImportFile({ name: 'a.xlsx', size: 0 })?.zh).toBe('文件为空');
    expect(checkImportFile({ name: 'a.xlsx', size: 30 * 1048576 }, 20 * 1048576)?.zh).toBe('文件大小 30.0 MB，超过上限 20.0 MB，请拆分后分批导入');
  });
});

describe('import outcome and labels', () => {
  const batch = { failedCount: 0, error: null };
  it('tells pending batches from finished ones', () => {
    expect(isBatchFinished('queued')).toBe(false);
    expect(isBatchFinished('running')).toBe(false);
    expect(isBatchFinished('rejected')).toBe(true);
    expect(importOutcome({ ...batch, status: 'running' })).toEqual({ kind: 'pending' });
  });

  it('describes each finished status', () => {
    expect(importOutcome({ ...batch, status: 'succeeded', failedCount: 2 })).toEqual({ kind: 'succeeded', withErrors: true });
    expect(importOutcome({ ...batch, status: 'rejected', failedCount: 1 })).toEqual({ kind: 'rejected' });
    expect(importOutcome({ status: 'failed', failedCount: 0, error: { code: 'import.too_many_rows', message: '数据行超过上限' } })).toEqual({
      kind: 'failed',
      code: 'import.too_many_rows',
      message: '数据行超过上限',
    });
  });

  it('names refusals, with a generic headline for unknown codes', () => {
    expect(refusalTitle('import.zip_bomb').zh).toContain('压缩炸弹');
    expect(refusalTitle('import.not_xlsx').zh).toContain('不是有效的 Excel');
    expect(refusalTitle('something.else').zh).toBe('导入失败');
  });

  it('knows the enterprise kind and nothing it was not told about', () => {
    expect(importKindMeta('enterprises')?.listPath).toBe('/enterprises');
    expect(importKindMeta('toString')).toBeNull();
  });
});
