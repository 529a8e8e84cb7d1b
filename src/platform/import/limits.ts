/**
 * Limits of the import engine. Every file is checked against them before and while it is read:
 * the raw size, the number of data rows, and for xlsx (a zip archive) the number of entries, the
 * total uncompressed size and the compression ratio of large entries (zip-bomb guard).
 * Tests pass smaller limits; the HTTP route and the CLI use the defaults (raw size from config).
 */
export type ImportLimits = {
  /** Largest accepted file, bytes. */
  maxBytes: number;
  /** Most data rows (the header row not counted, blank rows skipped). */
  maxRows: number;
  /** Most columns read per row. */
  maxColumns: number;
  /** Longest cell text (Excel's own limit is 32,767). */
  maxCellChars: number;
  /** xlsx: most entries in the zip archive. */
  maxZipEntries: number;
  /** xlsx: the sum of the entries' uncompressed sizes. */
  maxUncompressedBytes: number;
  /** xlsx: highest uncompressed/compressed ratio of an entry larger than `ratioCheckFromBytes`. */
  maxCompressionRatio: number;
  ratioCheckFromBytes: number;
  /** Valid rows written per step while the file is still being read (a tuning knob, not a limit). */
  chunkRows: number;
  /** Files from this size are read (and, when the kind supports it, validated) in a worker thread. */
  workerFromBytes: number;
};

export const defaultImportLimits: ImportLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxRows: 200_000,
  maxColumns: 200,
  maxCellChars: 32_767,
  maxZipEntries: 1_000,
  maxUncompressedBytes: 500 * 1024 * 1024,
  maxCompressionRatio: 200,
  ratioCheckFromBytes: 1024 * 1024,
  chunkRows: 5000,
  workerFromBytes: 256 * 1024,
};

export function withLimits(overrides: Partial<ImportLimits> = {}): ImportLimits {
  return { ...defaultImportLimits, ...overrides };
}
