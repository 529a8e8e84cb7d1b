/**
 * antd Table sorter ↔ the API's `sort` parameter (`field` ascending, `-field` descending).
 * The column's `key` (or `dataIndex` when it is a string) is the API field.
 */
import type { SortOrder } from 'antd/es/table/interface';

export type TableSorter = { columnKey?: unknown; field?: unknown; order?: SortOrder };

/** antd sorter → API sort (`field` / `-field`), or undefined when the column is unsorted. */
export function sorterToSort(sorter: TableSorter | TableSorter[]): string | undefined {
  const first = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!first || !first.order) return undefined;
  const key = typeof first.columnKey === 'string' ? first.columnKey : typeof first.field === 'string' ? first.field : undefined;
  if (!key) return undefined;
  return first.order === 'descend' ? `-${key}` : key;
}

/** API sort → the `sortOrder` of the column with that key. */
export function sortOrderFor(sort: string | undefined, field: string): SortOrder {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}
