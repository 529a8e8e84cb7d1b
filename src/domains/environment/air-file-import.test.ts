import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parseHourlyAirFile, splitCsv } from './air-file-import';

const bytes = (text: string) => new TextEncoder().encode(text);
const tz = 'Asia/Shanghai';

describe('hourly air data files', () => {
  it('splits CSV with quotes, CRLF and a BOM', () => {
    expect(splitCsv('\uFEFFa,b\r\n"x, y","he said ""hi"""\r\n\r\n')).toEqual([['a', 'b'], ['x, y', 'he said "hi"']]);
  });

  it('reads Chinese headers and local times (start of hour by default; CNEMC end-of-hour on request)', async () => {
    const csv = '站点编码,时间,SO2,NO2,CO,O3,PM10,PM2.5\nAQ-HM-01,2026-11-20 01:00,8,30,0.8,60,70,—\n';
    const [start] = await parseHourlyAirFile(bytes(csv), { format: 'csv', timeZone: tz });
    expect(start).toEqual({ stationCode: 'AQ-HM-01', hourStart: '2026-11-19T17:00:00.000Z', SO2: 8, NO2: 30, CO: 0.8, O3: 60, PM10: 70, PM2_5: null });
    const [end] = await parseHourlyAirFile(bytes(csv), { format: 'csv', timeZone: tz, hourLabel: 'end' });
    expect(end?.hourStart).toBe('2026-11-19T16:00:00.000Z');
    const [midnight] = await parseHourlyAirFile(bytes('station,time,PM2.5\nA,2026-11-21 24:00,5\n'), { format: 'csv', timeZone: tz, hourLabel: 'end' });
    expect(midnight?.hourStart).toBe('2026-11-21T15:00:00.000Z');
  });

  it('names the row of bad cells and refuses files without the key columns', async () => {
    const bad = await parseHourlyAirFile(bytes('站点编码,时间,PM2.5\nA,2026-11-20 01:00,abc\nA,2026-11-20 02:30,5\n'), { format: 'csv', timeZone: tz }).catch((e: unknown) => e);
    expect((bad as { code: string }).code).toBe('env.invalid_hourly_file');
    expect((bad as { details: { problems: string[] } }).details.problems).toEqual([expect.stringContaining('第 2 行'), expect.stringContaining('第 3 行')]);
    const missing = await parseHourlyAirFile(bytes('时间,PM2.5\n2026-11-20 01:00,5\n'), { format: 'csv', timeZone: tz }).catch((e: unknown) => e);
    expect((missing as { code: string }).code).toBe('env.missing_column');
  });

  it('reads the first sheet of an xlsx file and JSON arrays of API records', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('小时数据');
    sheet.addRow(['stationCode', 'hourStart', 'PM2_5', 'valid']);
    sheet.addRow(['AQ-1', '2026-11-20T08:00:00+08:00', 35, '否']);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await parseHourlyAirFile(xlsx, { format: 'xlsx', timeZone: tz })).toEqual([{ stationCode: 'AQ-1', hourStart: '2026-11-20T00:00:00.000Z', PM2_5: 35, valid: false }]);
    const json = JSON.stringify([{ stationCode: 'AQ-1', hourStart: '2026-11-20T08:00:00+08:00', O3: 90 }]);
    expect(await parseHourlyAirFile(bytes(json), { format: 'json', timeZone: tz })).toHaveLength(1);
  });
});
