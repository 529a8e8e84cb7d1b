import yauzl from 'yauzl';

/**
 * exceljs' streaming reader parses a worksheet as it arrives only when the shared strings and the
 * workbook relations came before it in the archive. Excel, WPS and exceljs itself write the
 * worksheets first, so the reader copies each inflated worksheet to a temporary file and parses it
 * after the end of the archive: for a 100,000-row sheet, 70 MB written and read back, and not a
 * single row until the whole file has been inflated.
 *
 * `worksheetsLast` returns the archive's local records (each header, data and descriptor byte for
 * byte) with the worksheets moved behind the other parts: exceljs then streams the sheets. It
 * changes nothing else: the reader saw every other part before any sheet anyway (that is what
 * parsing the temporary files last means), and the sheets keep their order. Any archive it does
 * not fully understand, or whose sheets the reader would stream already, is returned as it is.
 */
const worksheetPath = /xl\/worksheets\/sheet\d+[.]xml/; // exceljs' own test

type Record = { path: string; offset: number };

function readRecords(buffer: Buffer): Promise<Record[] | null> {
  return new Promise((resolve) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: false, strictFileNames: false }, (error, zip) => {
      if (error || !zip) return resolve(null);
      const records: Record[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        records.push({ path: entry.fileName, offset: entry.relativeOffsetOfLocalHeader });
        zip.readEntry();
      });
      zip.on('end', () => resolve(records));
      zip.on('error', () => resolve(null));
      zip.readEntry();
    });
  });
}

/** Offset of the central directory (from the end-of-central-directory record), or null (zip64, not found). */
function centralDirectoryOffset(buffer: Buffer): number | null {
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) !== 0x06054b50) continue;
    const offset = buffer.readUInt32LE(i + 16);
    return offset === 0xffffffff ? null : offset;
  }
  return null;
}

export async function worksheetsLast(bytes: Uint8Array): Promise<Uint8Array[]> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const unchanged = [bytes];
  const records = await readRecords(buffer);
  const cdOffset = centralDirectoryOffset(buffer);
  if (!records || records.length === 0 || cdOffset === null) return unchanged;
  records.sort((a, b) => a.offset - b.offset);
  if (records[0]?.offset !== 0) return unchanged;
  // Would exceljs stream any sheet already? (It does once it has seen the shared strings and the workbook relations.)
  let sharedStrings = false;
  let relations = false;
  for (const r of records) {
    if (r.path === 'xl/sharedStrings.xml') sharedStrings = true;
    else if (r.path === 'xl/_rels/workbook.xml.rels') relations = true;
    else if (worksheetPath.test(r.path) && sharedStrings && relations) return unchanged;
  }
  if (!sharedStrings || !relations) return unchanged; // without them every sheet goes through a temporary file whatever the order
  const slices = records.map((r, i) => ({ ...r, end: records[i + 1]?.offset ?? cdOffset }));
  if (slices.some((s) => s.end <= s.offset || buffer.readUInt32LE(s.offset) !== 0x04034b50)) return unchanged;
  const sheets = slices.filter((s) => worksheetPath.test(s.path));
  if (sheets.length === 0) return unchanged;
  const others = slices.filter((s) => !worksheetPath.test(s.path));
  return [...others, ...sheets].map((s) => buffer.subarray(s.offset, s.end)).concat(buffer.subarray(cdOffset));
}
