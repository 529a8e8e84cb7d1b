import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from '../db/types';
import { copyLine, type CopyValue } from './copy-text';

/**
 * Bulk load with COPY … FROM (text format) through whatever connection `db` runs on: the open
 * transaction of either driver, or the database itself. On PGlite the rows go in as one blob
 * (`/dev/blob`), on PostgreSQL as a pg-copy-streams stream. COPY is the fastest way to write many
 * rows on both (stack.md), and row triggers and constraints apply as for INSERT.
 */
export { copyLine, escapeCopy, pgTextArrayLiteral, type CopyValue } from './copy-text';

type PgliteLike = { query(text: string, params: unknown[], options: { blob: Blob }): Promise<unknown> };

function clientOf(db: Db): unknown {
  return (db as unknown as { session?: { client?: unknown } }).session?.client;
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad identifier for COPY: ${name}`);
  return `"${name}"`;
}

const ROWS_PER_COPY = 20_000;

export async function copyRows(db: Db, table: string, columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<CopyValue>>): Promise<void> {
  const lines: string[] = [];
  for (const row of rows) lines.push(copyLine(row));
  await copyLines(db, table, columns, lines);
}

/** Rows already in COPY text (`copyLine`), e.g. built off the importing thread. */
export async function copyLines(db: Db, table: string, columns: readonly string[], allLines: readonly string[]): Promise<void> {
  if (allLines.length === 0) return;
  const statementFor = (source: string) => `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM ${source}`;
  const client = clientOf(db);
  for (let i = 0; i < allLines.length; i += ROWS_PER_COPY) {
    const lines = allLines.length <= ROWS_PER_COPY ? allLines : allLines.slice(i, i + ROWS_PER_COPY);
    if (client instanceof pg.Pool || client instanceof pg.Client) {
      const conn = client instanceof pg.Pool ? await client.connect() : client;
      try {
        await pipeline(Readable.from(lines), conn.query(copyFrom(statementFor('STDIN'))));
      } finally {
        if (client instanceof pg.Pool) (conn as pg.PoolClient).release();
      }
    } else if (client && typeof (client as PgliteLike).query === 'function') {
      // One part, not one per line: reading a Blob of thousands of parts back costs about as much as the parts themselves.
      await (client as PgliteLike).query(statementFor(`'/dev/blob'`), [], { blob: new Blob([lines.join('')]) });
    } else {
      throw new Error('copyRows: unknown database driver');
    }
  }
}
