import type { z } from 'zod';
import type { Actor } from '../../shared/actor';
import type { Permission } from '../../shared/permissions';
import type { Db } from '../db/types';
import type { HeaderColumn } from './header-map';

/**
 * What a domain provides to make a kind of record importable (enterprises now; equipment
 * inspections and environment data later). The engine does everything generic — reading,
 * limits, header mapping, per-row validation with the domain's zod schema, duplicates in the
 * file, modes, the error report, the batch journal and undo — and calls these hooks for the
 * parts only the domain knows.
 */
export type ImportColumn = HeaderColumn & {
  /** Top-level input field this column fills; schema issues on that field are reported under this column. */
  field?: string;
  /** Value of the template's example row. */
  example?: string;
  /** Explanation in the template's notes sheet. */
  note?: string;
  width?: number;
  /** Drop-down values in the template. */
  options?: readonly string[];
};

export type ImportMode = 'all_or_nothing' | 'valid_only';
export const importModes = ['all_or_nothing', 'valid_only'] as const;

/** A validated row, ready to be written. */
export type PreparedRow<T> = {
  rowNo: number;
  key: string;
  value: T;
  /** Column keys with a value in this row: an update changes only the fields these cells fill (blank = keep). */
  filled: ReadonlySet<string>;
  /** What the kind's `prepareRow` made of this row while it was validated (absent when the kind has no `prepareRow`). */
  prepared?: unknown;
};

/** One entry of the batch journal: what the batch did to one record (for undo and history). */
export type JournalEntry = {
  rowNo: number;
  entityId: string;
  action: 'insert' | 'update';
  /** The full record before an update (restored by undo); null for inserts. */
  before: unknown;
  /** Fields an update changed, `{field: [old, new]}`; null for inserts. */
  changes: unknown;
  afterVersion: number;
};

export type RowProblem = { rowNo: number; messages: string[] };

export type ImportWriteResult = {
  inserted: number;
  updated: number;
  unchanged: number;
  journal: JournalEntry[];
  /** Rows refused by rules that need the stored record (scope, protected fields). */
  rowErrors: RowProblem[];
};

export type ImportWriteOptions<T, C> = {
  actor: Actor;
  batchId: string;
  rows: PreparedRow<T>[];
  ctx: C;
  mode: ImportMode;
  /** Decide and count, but change nothing. */
  dryRun: boolean;
  onProgress: (done: number, total: number) => void;
};

export type ImportKindDefinition<T, C> = {
  kind: string;
  /** What one row is, e.g. 企业. */
  label: string;
  /** Name of the template's data sheet. */
  sheetName: string;
  /** The permission (besides imports.manage) needed to import or undo this kind. */
  permission: Permission;
  /** Name of the natural key, e.g. 统一社会信用代码. */
  keyLabel: string;
  columns: readonly ImportColumn[];
  /** Lines of the template's notes sheet (besides the generated column list). */
  notes: readonly string[];
  /** The domain's input schema — the same the API uses. */
  schema: z.ZodType<T>;
  /** Load what row conversion needs (lookups, the actor's scope) once per import. */
  prepare(db: Db, options: { actor: Actor; today: string }): Promise<C>;
  /** Drop-down values read from the database, by column key. */
  templateOptions?(ctx: C): Record<string, readonly string[]>;
  /** Cell texts (by column key) → the schema's input shape, plus problems of cells that cannot be converted. */
  toInput(cells: Readonly<Record<string, string | null>>, present: ReadonlySet<string>, ctx: C): { input: Record<string, unknown>; problems: string[] };
  /** Rules that need data but not the stored record (scope of a referenced unit, dates against today). */
  checkRow?(value: T, ctx: C): string[];
  naturalKey(value: T): string;
  /**
   * Optional per-row work that needs no database, done right after a row validates — in the reading
   * worker for large files, so that the importing thread only writes (e.g. the COPY text of the row
   * as a new record, with its new id). The result travels with the row as `prepared`; it is a
   * shortcut, and `write` should do the same work itself when it is missing.
   */
  prepareRow?(value: T, ctx: C, batch: { batchId: string }): unknown;
  /**
   * Upsert the rows inside the caller's transaction and journal what was done. Called once per
   * chunk of valid rows (`limits.chunkRows`), in file order, while the rest of the file is still
   * being read — never assume a call sees every row. Journal dry runs too (nothing is stored), so
   * that counts stay exact when a key recurs in the file.
   */
  write(tx: Db, options: ImportWriteOptions<T, C>): Promise<ImportWriteResult>;
  /** Versions of the journalled records now (absent = deleted). */
  currentVersions(tx: Db, ids: readonly string[]): Promise<Map<string, number>>;
  /** Undo a batch: delete inserted records, restore the before-image of updated ones (versions already checked). */
  undo(tx: Db, options: { actor: Actor; batchId: string; entries: readonly JournalEntry[] }): Promise<void>;
  /**
   * Lets a worker thread read and validate large files (the writing thread only writes). The
   * module at `moduleUrl` exports this definition as `exportName`; the context travels as
   * structured-cloneable data.
   */
  worker?: ImportWorkerSupport<C>;
};

export type ImportWorkerSupport<C> = {
  /** A light module (no database, no HTTP) exporting the kind's `ImportWorkerRules` as `exportName`. */
  moduleUrl: string;
  exportName: string;
  contextData(ctx: C): unknown;
};

/** What validating a row needs (all of it runs in the reading worker for large files). */
export type ImportRowRules<T, C> = Pick<ImportKindDefinition<T, C>, 'columns' | 'schema' | 'toInput' | 'checkRow' | 'naturalKey' | 'prepareRow'>;

export type ImportWorkerRules<T, C> = ImportRowRules<T, C> & {
  restoreContext(data: unknown, options: { actor: Actor; today: string }): C;
};
