import v8 from 'node:v8';
import type { PreparedRow } from './types';

/**
 * How valid rows travel from the validating worker to the importing thread. The rows' numbers,
 * keys and prepared data go as flat lists (cheap to copy between threads when the prepared data is
 * a string, as the enterprise kind's COPY line is); the values (with the filled column keys) of
 * the whole chunk go as one serialized buffer, decoded on the importing thread only when a row's
 * value is read. An import of new records whose kind prepares them (`prepareRow`) never decodes
 * a value, so that thread spends its time writing.
 */
export type WireChunk = { rowNos: number[]; keys: string[]; prepared: unknown[]; values: Uint8Array };

export function toWireChunk(rows: readonly PreparedRow<unknown>[]): WireChunk {
  const rowNos: number[] = [];
  const keys: string[] = [];
  const prepared: unknown[] = [];
  const values: Array<[unknown, string[]]> = [];
  for (const r of rows) {
    rowNos.push(r.rowNo);
    keys.push(r.key);
    prepared.push(r.prepared);
    values.push([r.value, [...r.filled]]);
  }
  return { rowNos, keys, prepared, values: v8.serialize(values) };
}

type Decoded<T> = Array<[T, string[]]>;

class ChunkValues<T> {
  #decoded: Decoded<T> | null = null;
  constructor(private readonly bytes: Uint8Array) {}

  at(index: number): [T, string[]] {
    this.#decoded ??= v8.deserialize(this.bytes) as Decoded<T>;
    return this.#decoded[index] as [T, string[]];
  }
}

class WireRow<T> implements PreparedRow<T> {
  #filled: Set<string> | null = null;
  constructor(
    readonly rowNo: number,
    readonly key: string,
    readonly prepared: unknown,
    private readonly values: ChunkValues<T>,
    private readonly index: number,
  ) {}

  get value(): T {
    return this.values.at(this.index)[0];
  }

  get filled(): ReadonlySet<string> {
    this.#filled ??= new Set(this.values.at(this.index)[1]);
    return this.#filled;
  }
}

export function fromWireChunk<T>(chunk: WireChunk): PreparedRow<T>[] {
  const values = new ChunkValues<T>(chunk.values);
  return chunk.rowNos.map((rowNo, i) => new WireRow<T>(rowNo, chunk.keys[i] as string, chunk.prepared[i], values, i));
}
