/**
 * Parsers for the cell texts people type into import sheets (dates in many spellings, yes/no,
 * enum labels, lists). Each returns the parsed value or a Chinese problem text, so an import kind
 * can collect every problem of a row instead of stopping at the first. Pure.
 */
export type CellParse<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): CellParse<T> => ({ ok: true, value });
const bad = <T>(problem: string): CellParse<T> => ({ ok: false, problem });

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * Dates: `2020-05-01`, `2020/5/1`, `2020.5.1`, `2020年5月1日`, `20200501`, a time after the day
 * (dropped), or an Excel serial day number (1–2958465, as left by a sheet without date format).
 * The calendar check (month lengths, leap years) is the schema's job.
 */
export function parseDateCell(text: string): CellParse<string> {
  const t = text.normalize('NFKC').trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(t);
  if (m) return ok(`${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return ok(`${m[1]}-${m[2]}-${m[3]}`);
  if (/^\d{1,7}(\.\d+)?$/.test(t)) {
    const serial = Math.floor(Number(t));
    if (serial >= 1 && serial <= 2_958_465) {
      const d = new Date(EXCEL_EPOCH_MS + serial * 86_400_000);
      return ok(`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);
    }
  }
  return bad(`「${text}」不是可识别的日期（请写成 2020-05-01）`);
}

const yes = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '✓']);
const no = new Set(['否', '无', '没有', 'n', 'no', 'false', '0', '×', '✗']);

/** 是/否 style booleans; `extra` adds domain words (e.g. 规上 → true, 规下 → false). */
export function parseBooleanCell(text: string, extra: { yes?: readonly string[]; no?: readonly string[] } = {}): CellParse<boolean> {
  const t = text.normalize('NFKC').trim().toLowerCase();
  if (yes.has(t) || extra.yes?.includes(t)) return ok(true);
  if (no.has(t) || extra.no?.includes(t)) return ok(false);
  return bad(`「${text}」应填“是”或“否”`);
}

export type EnumOption<V extends string> = { value: V; labels: readonly string[] };

/** Normalised label or value → option value, first option first (built once per options list). */
const enumLookups = new WeakMap<readonly EnumOption<string>[], Map<string, string>>();

function enumLookup<V extends string>(options: readonly EnumOption<V>[]): Map<string, V> {
  let lookup = enumLookups.get(options);
  if (!lookup) {
    lookup = new Map();
    for (const option of options) {
      for (const text of [option.value.toLowerCase(), ...option.labels.map((l) => l.normalize('NFKC').toLowerCase())]) {
        if (!lookup.has(text)) lookup.set(text, option.value);
      }
    }
    enumLookups.set(options, lookup);
  }
  return lookup as Map<string, V>;
}

/** An enum cell: any of an option's labels (Chinese or English) or its value, case-insensitive. */
export function parseEnumCell<V extends string>(text: string, options: readonly EnumOption<V>[]): CellParse<V> {
  const value = enumLookup(options).get(text.normalize('NFKC').trim().toLowerCase());
  if (value !== undefined) return ok(value);
  const allowed = options.map((o) => o.labels[0] ?? o.value).join('、');
  return bad(`「${text}」不是可选值（可填：${allowed}）`);
}

/** Lists in one cell, separated by ；; 、 , ， | or line breaks; blanks dropped. */
export function splitListCell(text: string): string[] {
  return text
    .split(/[;；、,，|\n\r]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
