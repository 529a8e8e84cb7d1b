import { describe, expect, it } from 'vitest';
import { csvFile, gbkEncode, xlsxFile } from '../../../test/support/import-files';
import { parseBooleanCell, parseDateCell, parseEnumCell, splitListCell } from './cells';
import { mapHeaders, normaliseHeader } from './header-map';
import { decodeCsv, readCsvRows } from './read-csv';
import { cellToText, readXlsxRows } from './read-xlsx';
import { readXlsxRowsInWorker } from './read-xlsx-worker';

const opts = { maxColumns: 50, maxCellChars: 1000 };

async function collect<T>(rows: AsyncIterable<T> | Iterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

describe('decodeCsv', () => {
  it('reads UTF-8 with and without BOM, and GBK', () => {
    const rows = [['企业名称', '属地'], ['海门某某机械有限公司', '常乐镇']];
    expect(decodeCsv(csvFile(rows, { bom: true }))).toMatchObject({ encoding: 'utf-8', text: '企业名称,属地\r\n海门某某机械有限公司,常乐镇\r\n' });
    expect(decodeCsv(csvFile(rows)).text.startsWith('企业名称')).toBe(true);
    const gbk = decodeCsv(gbkEncode('企业名称,属地\r\n海门某某机械有限公司,常乐镇\r\n'));
    expect(gbk.encoding).toBe('gb18030');
    expect(gbk.text).toContain('海门某某机械有限公司');
  });
});

describe('readCsvRows', () => {
  it('handles quotes, doubled quotes, embedded delimiters and line breaks, and blank cells', () => {
    const text = '名称,地址,备注\r\n"海门""某某""机械",  "常乐镇, 人民路 1 号" ,"第一行\n第二行"\n空,,\n';
    const rows = [...readCsvRows(text, opts)];
    expect(rows).toEqual([
      { rowNo: 1, cells: ['名称', '地址', '备注'] },
      { rowNo: 2, cells: ['海门"某某"机械', '常乐镇, 人民路 1 号', '第一行\n第二行'] },
      { rowNo: 3, cells: ['空', null, null] },
    ]);
  });

  it('detects tab and semicolon delimiters and refuses an unclosed quote', () => {
    expect([...readCsvRows('a\tb\n1\t2\n', opts)][1]?.cells).toEqual(['1', '2']);
    expect([...readCsvRows('a;b\n1;2', opts)][1]?.cells).toEqual(['1', '2']);
    expect(() => [...readCsvRows('a,b\n"open,2\n', opts)]).toThrow(/引号/);
  });
});

describe('readXlsxRows and readXlsxRowsInWorker', () => {
  it('turn cells into text the same way: dates, numbers, booleans, rich text, formulas', async () => {
    const file = await xlsxFile([
      ['名称', '日期', '数值', '布尔'],
      ['海门某某机械有限公司', new Date(Date.UTC(2012, 4, 18)), 1250.5, true],
      [{ richText: [{ text: '富' }, { text: '文本' }] } as unknown as string, { formula: '1+1', result: 2 } as unknown as number, 12345678901234, null],
    ]);
    const inThread = await collect(readXlsxRows(file, opts));
    const inWorker = await collect(readXlsxRowsInWorker(file, opts));
    expect(inThread).toEqual([
      { rowNo: 1, cells: ['名称', '日期', '数值', '布尔'] },
      { rowNo: 2, cells: ['海门某某机械有限公司', '2012-05-18', '1250.5', 'TRUE'] },
      { rowNo: 3, cells: ['富文本', '2', '12345678901234'] },
    ]);
    expect(inWorker).toEqual(inThread);
  });

  it('cellToText trims and treats blank strings as empty', () => {
    expect(cellToText('  x ')).toBe('x');
    expect(cellToText('   ')).toBeNull();
    expect(cellToText(undefined)).toBeNull();
  });
});

describe('header mapping', () => {
  const columns = [
    { key: 'name', header: '企业名称', aliases: ['单位名称'], required: true },
    { key: 'code', header: '统一社会信用代码', required: true },
    { key: 'capital', header: '注册资本（万元）', aliases: ['注册资本'] },
  ];

  it('maps renamed headers through aliases, ignoring markers, spaces and full-width forms', () => {
    expect(normaliseHeader(' 注册资本(万元) * ')).toBe(normaliseHeader('注册资本（万元）'));
    const m = mapHeaders(['单位名称', '统一社会信用代码（必填）', '注册资本', '备注'], columns);
    expect([...m.byIndex.entries()]).toEqual([
      [0, 'name'],
      [1, 'code'],
      [2, 'capital'],
    ]);
    expect(m.ignored).toEqual(['备注']);
  });

  it('names every missing required column', () => {
    expect(() => mapHeaders(['注册资本', '备注'], columns)).toThrow('缺少必需的列：「企业名称」、「统一社会信用代码」');
  });

  it('refuses two columns that map to the same field', () => {
    expect(() => mapHeaders(['企业名称', '单位名称', '统一社会信用代码'], columns)).toThrow(/都对应「企业名称」列/);
  });
});

describe('cell parsers', () => {
  it.each([
    ['2012-05-18', '2012-05-18'],
    ['2012/5/8', '2012-05-08'],
    ['2012.5.8', '2012-05-08'],
    ['2012年5月8日', '2012-05-08'],
    ['２０１２年５月８日', '2012-05-08'],
    ['20120508', '2012-05-08'],
    ['2012-05-18 08:30:00', '2012-05-18'],
    ['41047', '2012-05-18'],
  ])('parseDateCell(%j) → %j', (text, date) => {
    expect(parseDateCell(text)).toEqual({ ok: true, value: date });
  });

  it('reports dates it cannot read', () => {
    expect(parseDateCell('去年')).toMatchObject({ ok: false });
  });

  it('reads yes/no, enum labels and lists', () => {
    expect(parseBooleanCell('是')).toEqual({ ok: true, value: true });
    expect(parseBooleanCell('规下', { no: ['规下'] })).toEqual({ ok: true, value: false });
    expect(parseBooleanCell('也许')).toMatchObject({ ok: false });
    const options = [{ value: 'small', labels: ['小型'] }, { value: 'micro', labels: ['微型'] }];
    expect(parseEnumCell('小型', options)).toEqual({ ok: true, value: 'small' });
    expect(parseEnumCell('MICRO', options)).toEqual({ ok: true, value: 'micro' });
    expect(parseEnumCell('巨型', options)).toEqual({ ok: false, problem: '「巨型」不是可选值（可填：小型、微型）' });
    expect(splitListCell('专精特新；出口企业、 品牌培育,,')).toEqual(['专精特新', '出口企业', '品牌培育']);
  });
});
