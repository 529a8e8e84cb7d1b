import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { xlsxFile } from '../../../test/support/import-files';
import { xlsxReaderOptions } from './read-xlsx';
import { worksheetsLast } from './xlsx-order';

function entryNames(bytes: Uint8Array): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries: Array<{ name: string; offset: number }> = [];
      zip.on('entry', (e: yauzl.Entry) => {
        entries.push({ name: e.fileName, offset: e.relativeOffsetOfLocalHeader });
        zip.readEntry();
      });
      zip.on('end', () => resolve(entries.sort((a, b) => a.offset - b.offset).map((e) => e.name)));
      zip.readEntry();
    });
  });
}

/** Every row exceljs' streaming reader gives for the first sheet (values as exceljs has them). */
async function exceljsRows(parts: Uint8Array[]): Promise<unknown[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(parts.map((p) => Buffer.from(p))), xlsxReaderOptions);
  const rows: unknown[] = [];
  for await (const sheet of reader) {
    for await (const row of sheet) rows.push([row.number, (row as unknown as { values: unknown[] }).values]);
    break;
  }
  return rows;
}

describe('worksheetsLast', () => {
  const sheet = () =>
    xlsxFile([
      ['名称', '日期', '数值', '布尔'],
      ['海门某某机械有限公司', new Date(Date.UTC(2012, 4, 18)), 1250.5, true],
      [{ richText: [{ text: '富' }, { text: '文本' }] } as unknown as string, { formula: '1+1', result: 2 } as unknown as number, 12345678901234, null],
    ]);

  it('moves the worksheets of an Excel-style archive behind the other parts, byte for byte', async () => {
    const file = await sheet();
    const names = await entryNames(file);
    expect(names.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(names.indexOf('xl/sharedStrings.xml')); // how Excel and exceljs write it
    const parts = await worksheetsLast(file);
    const reordered = new Uint8Array(Buffer.concat(parts));
    expect(reordered.length).toBe(file.length);
    const after = await entryNames(reordered); // the central directory still describes the original layout
    expect(after.sort()).toEqual([...names].sort());
    const streamed = parts.map((p) => Buffer.from(p).toString('latin1')).join('');
    expect(streamed.indexOf('xl/worksheets/sheet1.xml')).toBeGreaterThan(streamed.indexOf('xl/sharedStrings.xml'));
    expect(streamed.indexOf('xl/worksheets/sheet1.xml')).toBeGreaterThan(streamed.indexOf('xl/styles.xml'));
  });

  it('gives exceljs the same rows and values (dates, rich text, formulas) as the original order', async () => {
    const file = await sheet();
    expect(await exceljsRows(await worksheetsLast(file))).toEqual(await exceljsRows([file]));
  });

  it('leaves an archive alone when exceljs streams its sheets already, and anything that is not a zip', async () => {
    const file = await sheet();
    const streamable = new Uint8Array(Buffer.concat(await worksheetsLast(file)));
    const again = await worksheetsLast(streamable);
    expect(again).toHaveLength(1);
    expect(again[0]).toBe(streamable);
    const text = new TextEncoder().encode('名称,日期\n');
    expect(await worksheetsLast(text)).toEqual([text]);
  });
});
