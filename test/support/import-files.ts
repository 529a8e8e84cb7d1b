import zlib from 'node:zlib';
import ExcelJS from 'exceljs';

/**
 * Files for import tests: small xlsx and csv sheets, GBK-encoded csv, and hand-made zip archives
 * (a zip bomb with an honest central directory, and one whose headers under-declare the size).
 */
export type Cell = string | number | boolean | Date | null;

export async function xlsxFile(rows: Cell[][], sheetName = '企业信息'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function csvLine(row: Cell[]): string {
  return row
    .map((v) => {
      const text = v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
      return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
}

export function csvText(rows: Cell[][]): string {
  return `${rows.map(csvLine).join('\r\n')}\r\n`;
}

export function csvFile(rows: Cell[][], options: { bom?: boolean } = {}): Uint8Array {
  const body = new TextEncoder().encode(csvText(rows));
  if (!options.bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

let gbkTable: Map<string, number[]> | null = null;

/** Encodes text as GBK (what Excel on a Chinese Windows writes as "CSV"), via a table built with the decoder. */
export function gbkEncode(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [hi, lo]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}

const crcTable = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export type ZipEntry = { name: string; data: Uint8Array; declaredSize?: number };

/** A zip archive (deflate); `declaredSize` lets an entry lie about its uncompressed size. */
export function zipFile(entries: ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const compressed = zlib.deflateRawSync(e.data);
    const size = e.declaredSize ?? e.data.length;
    const crc = e.declaredSize === undefined ? crc32(e.data) : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const centralSize = centrals.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...centrals, end]));
}

const workbookParts = (): ZipEntry[] => [
  { name: '[Content_Types].xml', data: new TextEncoder().encode('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
  { name: 'xl/workbook.xml', data: new TextEncoder().encode('<?xml version="1.0"?><workbook/>') },
];

/** An "xlsx" whose worksheet inflates from a few KB to `bytes` of zeros (honest sizes in the headers). */
export function zipBomb(bytes: number): Uint8Array {
  return zipFile([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(bytes) }]);
}

/** An "xlsx" whose worksheet declares 1 KB but inflates to `bytes` (lying headers). */
export function lyingZipBomb(bytes: number): Uint8Array {
  return zipFile([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(bytes), declaredSize: 1024 }]);
}
