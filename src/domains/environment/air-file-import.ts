/**
 * Hourly air data from files for the CLI: CSV (UTF-8, comma or tab), xlsx (first sheet) or a JSON
 * array of API records. Table columns (Chinese or English headers, case-insensitive):
 *   站点编码 / stationCode, 时间 / time / hourStart, SO2, NO2, CO, O3, PM10, PM2.5 (PM2_5), 有效 / valid, 标记 / flag.
 * Times: ISO 8601 with offset, or local `YYYY-MM-DD HH:mm` in the city's time zone. `hourLabel`
 * says whether a time names the start of its hour (default) or its end (CNEMC style: 01:00 =
 * 00:00–01:00). Problems name the row and column.
 */
import ExcelJS from 'exceljs';
import { invalid } from '../../shared/errors';
import { hourlyAirInputSchema, type HourlyAirInput } from './air-schema';
import { createLocalTimeResolver, parseDayNumber } from './local-time';

export type HourlyFileOptions = { format: 'csv' | 'xlsx' | 'json'; hourLabel?: 'start' | 'end'; timeZone: string };

const headerAliases: Record<string, string> = {
  站点编码: 'stationCode', 站点: 'stationCode', stationcode: 'stationCode', station: 'stationCode', code: 'stationCode',
  时间: 'time', 监测时间: 'time', time: 'time', hourstart: 'time', datetime: 'time',
  so2: 'SO2', no2: 'NO2', co: 'CO', o3: 'O3', pm10: 'PM10', 'pm2.5': 'PM2_5', pm2_5: 'PM2_5', pm25: 'PM2_5',
  有效: 'valid', valid: 'valid', 标记: 'flag', flag: 'flag',
};

/** Split CSV text into rows of cells (RFC 4180 quotes; comma or tab). */
export function splitCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const delimiter = (body.split('\n', 1)[0] ?? '').includes('\t') ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalid('env.empty_file', '工作簿没有工作表');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const v = cell.value;
      values[col - 1] = v instanceof Date ? v.toISOString() : v === null || v === undefined ? '' : typeof v === 'object' ? String((v as { result?: unknown }).result ?? cell.text) : String(v);
    });
    rows.push(Array.from(values, (v) => v ?? ''));
  });
  return rows;
}

const localPattern = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})(?::\d{2})?$/;

function toHourStart(text: string, options: HourlyFileOptions, resolver: ReturnType<typeof createLocalTimeResolver>): string | null {
  const t = text.trim();
  let ms: number;
  const local = localPattern.exec(t);
  if (local) {
    const hour = Number(local[2]);
    if (hour > 24 || Number(local[3]) !== 0) return null;
    ms = resolver.startOfDay(parseDayNumber(local[1] as string)) + hour * 3_600_000;
  } else if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(t)) {
    ms = Date.parse(t);
    if (Number.isNaN(ms)) return null;
  } else return null;
  if (options.hourLabel === 'end') ms -= 3_600_000;
  return new Date(ms).toISOString();
}

const numeric = (text: string) => (text.trim() === '' || text.trim() === '—' || text.trim() === '-' ? null : Number(text.trim()));

/** Parse a file into API records; throws `env.invalid_hourly_file` listing the problems (row numbers as in the file). */
export async function parseHourlyAirFile(bytes: Uint8Array, options: HourlyFileOptions): Promise<HourlyAirInput[]> {
  if (options.format === 'json') {
    const parsed = JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
    const result = hourlyAirInputSchema.array().safeParse(parsed);
    if (!result.success) {
      const first = result.error.issues[0];
      throw invalid('env.invalid_hourly_file', `JSON 记录无效：${first?.path.join('.')} ${first?.message ?? ''}`, { issues: result.error.issues.slice(0, 20) });
    }
    return result.data;
  }
  const rows = options.format === 'xlsx' ? await readXlsx(bytes) : splitCsv(Buffer.from(bytes).toString('utf8'));
  const [header, ...data] = rows;
  if (!header) throw invalid('env.empty_file', '文件为空');
  const keys = header.map((h) => headerAliases[h.trim().toLowerCase()] ?? headerAliases[h.trim()] ?? null);
  for (const required of ['stationCode', 'time']) {
    if (!keys.includes(required)) throw invalid('env.missing_column', `缺少列：${required === 'time' ? '时间' : '站点编码'}`, { headers: header });
  }
  const resolver = createLocalTimeResolver(options.timeZone);
  const problems: string[] = [];
  const records: HourlyAirInput[] = [];
  data.forEach((cells, i) => {
    const rowNo = i + 2;
    const raw: Record<string, unknown> = {};
    keys.forEach((key, c) => {
      if (!key) return;
      const text = cells[c] ?? '';
      if (key === 'stationCode' || key === 'flag') raw[key] = text.trim() || undefined;
      else if (key === 'time') raw.hourStart = toHourStart(text, options, resolver) ?? `invalid:${text}`;
      else if (key === 'valid') raw.valid = !/^(0|false|否|无效|n)$/i.test(text.trim());
      else raw[key] = numeric(text);
    });
    const parsed = hourlyAirInputSchema.safeParse(raw);
    if (parsed.success) records.push(parsed.data);
    else problems.push(`第 ${rowNo} 行：${parsed.error.issues.map((issue) => `${issue.path.join('.') || '行'} ${issue.message}`).join('；')}`);
  });
  if (problems.length > 0) {
    throw invalid('env.invalid_hourly_file', `${problems.length} 行有错误：${problems[0]}`, { problems: problems.slice(0, 100) });
  }
  return records;
}
