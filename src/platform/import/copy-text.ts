/**
 * The text format of COPY … FROM (one line per row, tab-separated, `\N` for NULL). Pure, so that a
 * kind can build the lines of its new records in the reading worker (`prepareRow`) and the
 * importing thread only sends them (`copyLines` in copy.ts).
 */
export type CopyValue = string | number | boolean | null | undefined;

const special = /[\\\t\n\r]/;
const specialAll = /[\\\t\n\r]/g;
const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function escapeCopy(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = String(value);
  return special.test(text) ? text.replace(specialAll, (m) => escapes[m] as string) : text;
}

/** One row as a COPY text line (with its line break). */
export function copyLine(values: ReadonlyArray<CopyValue>): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += i === 0 ? escapeCopy(values[i]) : `\t${escapeCopy(values[i])}`;
  return `${line}\n`;
}

/** `{a,b}` text of a PostgreSQL text[] value (elements quoted). */
export function pgTextArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (m) => `\\${m}`)}"`).join(',')}}`;
}
