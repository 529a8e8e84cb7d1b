/**
 * List state in the URL, fetched with TanStack Query.
 *
 * `useListQuery<T>({ path: '/users', filterKeys: ['role', 'active'], allowedSorts: [...] })` reads
 * `q`, `page`, `pageSize`, `sort` and the declared filters from the page's search params, asks the
 * API for `{items,total,page,pageSize}` (keeping the previous page on screen while the next one
 * loads) and hands back setters that write the URL (so lists survive reloads, links and the back
 * button). `apiQuery` is what was sent to the list route; `exportQuery` is the same without paging,
 * for the `…/export.xlsx` route. Search params the hook does not own are left alone.
 *
 * Table sorting: a column whose `key` is the API field sorts by `field` (ascend) or `-field`
 * (descend); `sortOrderOf(key)` gives the column's controlled `sortOrder`. `ListPage` wires both.
 */
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { SortOrder } from 'antd/es/table/interface';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { api, type Query } from '../../lib/api-client';
import { sortOrderFor, sorterToSort, type TableSorter } from './list-sort';

export { sortOrderFor, sorterToSort, type TableSorter } from './list-sort';

export type ListPageData<T> = { items: T[]; total: number; page: number; pageSize: number };
export type FilterValue = string | string[] | undefined;
export type ListFilters = Record<string, FilterValue>;

export type ListQueryOptions = {
  /** API path of the list route, e.g. `/users` (the export route is `${path}/export.xlsx`). */
  path: string;
  /** Single-valued filter params (`?role=office`). */
  filterKeys?: readonly string[];
  /** Multi-valued filter params, sent as repeated params (`?kind=a&kind=b`). */
  multiFilterKeys?: readonly string[];
  defaultPageSize?: number;
  /** Sort used when the URL has none (left out of the request so the server default applies if undefined). */
  defaultSort?: string;
  /** Sort values the route accepts; anything else in the URL (or from a column) falls back to the default. */
  allowedSorts?: readonly string[];
  /** Fixed params sent with every request (not in the URL). */
  fixed?: Query;
  enabled?: boolean;
};

export type ListParams = { q: string; page: number; pageSize: number; sort: string | undefined; filters: ListFilters };


export type ListQuery<T> = {
  params: ListParams;
  query: UseQueryResult<ListPageData<T>>;
  /** The exact query sent to the list route. */
  apiQuery: Query;
  /** Same filters and sort, no paging: for `…/export.xlsx`. */
  exportQuery: Query;
  /** Number of filters (and search text) currently applied, for a compact filter button badge. */
  activeFilterCount: number;
  setQ(q: string): void;
  setFilter(key: string, value: FilterValue): void;
  setFilters(values: ListFilters): void;
  setPage(page: number, pageSize?: number): void;
  setSort(sort: string | undefined): void;
  /** Clear search, filters, sort and page. */
  reset(): void;
  sortOrderOf(field: string): SortOrder;
  /** Handler for antd Table `onChange` (pagination + sorter). */
  onTableChange(pagination: { current?: number; pageSize?: number }, filters: unknown, sorter: TableSorter | TableSorter[]): void;
};

const OWN_KEYS = ['q', 'page', 'pageSize', 'sort'];

function positiveInt(text: string | null, fallback: number): number {
  const n = text ? Number.parseInt(text, 10) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export function useListQuery<T>(options: ListQueryOptions): ListQuery<T> {
  const { path, filterKeys = [], multiFilterKeys = [], defaultPageSize = 20, defaultSort, allowedSorts, fixed, enabled = true } = options;
  const [searchParams, setSearchParams] = useSearchParams();

  const normaliseSort = useCallback(
    (sort: string | null | undefined) => (sort && (!allowedSorts || allowedSorts.includes(sort)) ? sort : defaultSort),
    [allowedSorts, defaultSort],
  );

  const params = useMemo<ListParams>(() => {
    const filters: ListFilters = {};
    for (const key of filterKeys) filters[key] = searchParams.get(key) ?? undefined;
    for (const key of multiFilterKeys) {
      const all = searchParams.getAll(key);
      filters[key] = all.length > 0 ? all : undefined;
    }
    return {
      q: searchParams.get('q') ?? '',
      page: positiveInt(searchParams.get('page'), 1),
      pageSize: positiveInt(searchParams.get('pageSize'), defaultPageSize),
      sort: normaliseSort(searchParams.get('sort')),
      filters,
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [searchParams, defaultPageSize, normaliseSort, filterKeys.join(','), multiFilterKeys.join(',')]);

  const exportQuery = useMemo<Query>(() => {
    const query: Query = { ...fixed };
    if (params.q) query.q = params.q;
    if (params.sort) query.sort = params.sort;
    for (const [key, value] of Object.entries(params.filters)) if (value !== undefined && value !== '') query[key] = value;
    return query;
  }, [params, fixed]);
  const apiQuery = useMemo<Query>(() => ({ ...exportQuery, page: params.page, pageSize: params.pageSize }), [exportQuery, params.page, params.pageSize]);

  const query = useQuery({
    queryKey: [path, apiQuery],
    queryFn: () => api.get<ListPageData<T>>(path, apiQuery),
    placeholderData: keepPreviousData,
    enabled,
  });

  const write = useCallback(
    (mutate: (next: URLSearchParams) => void, resetPage = true) => {
      setSearchParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          mutate(next);
          if (resetPage) next.delete('page');
          return next;
        },
        { replace: false },
      );
    },
    [setSearchParams],
  );

  const putFilter = (next: URLSearchParams, key: string, value: FilterValue) => {
    next.delete(key);
    if (Array.isArray(value)) value.forEach((v) => next.append(key, v));
    else if (value !== undefined && value !== '') next.set(key, value);
  };

  const activeFilterCount = (params.q ? 1 : 0) + Object.values(params.filters).filter((v) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)).length;

  return {
    params,
    query,
    apiQuery,
    exportQuery,
    activeFilterCount,
    setQ: (q) => write((next) => putFilter(next, 'q', q.trim())),
    setFilter: (key, value) => write((next) => putFilter(next, key, value)),
    setFilters: (values) => write((next) => Object.entries(values).forEach(([key, value]) => putFilter(next, key, value))),
    setPage: (page, pageSize) =>
      write((next) => {
        if (pageSize && pageSize !== params.pageSize) {
          next.set('pageSize', String(pageSize));
          next.delete('page');
          return;
        }
        if (page > 1) next.set('page', String(page));
        else next.delete('page');
      }, false),
    setSort: (sort) => write((next) => putFilter(next, 'sort', normaliseSort(sort) === defaultSort ? undefined : normaliseSort(sort))),
    reset: () => write((next) => [...OWN_KEYS, ...filterKeys, ...multiFilterKeys].forEach((key) => next.delete(key))),
    sortOrderOf: (field) => sortOrderFor(params.sort, field),
    onTableChange: (pagination, _filters, sorter) => {
      const sort = normaliseSort(sorterToSort(sorter));
      const sortChanged = sort !== params.sort;
      write((next) => {
        if (sortChanged) {
          putFilter(next, 'sort', sort === defaultSort ? undefined : sort);
          next.delete('page');
          return;
        }
        if (pagination.pageSize && pagination.pageSize !== params.pageSize) {
          next.set('pageSize', String(pagination.pageSize));
          next.delete('page');
          return;
        }
        const page = pagination.current ?? 1;
        if (page > 1) next.set('page', String(page));
        else next.delete('page');
      }, false);
    },
  };
}
