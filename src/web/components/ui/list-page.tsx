/**
 * The frame of every list page: title bar, filter bar (search box + the filter controls you pass),
 * "导出 Excel" (downloads `${exportPath}` with the current filters), a slot for "新建", and an antd
 * Table with server-side paging and sorting driven by `useListQuery`.
 *
 *   const list = useListQuery<User>({ path: '/users', filterKeys: ['role'], allowedSorts: [...] });
 *   <ListPage title="用户管理" list={list} columns={columns} rowKey="id"
 *             filters={<Select … value={list.params.filters.role} onChange={(v) => list.setFilter('role', v)} />}
 *             exportPath="/users/export.xlsx" actions={<Button>新建</Button>} testId="users" />
 *
 * Test ids: `${testId}-search` (the text input), `${testId}-search-button`, `${testId}-export`,
 * `${testId}-table` (wraps the Table), `${testId}-filter-toggle` (phone), `${testId}-reset`.
 *
 * Sortable columns: give the column `key` = the API sort field and `sorter: true`; the frame makes
 * the column's `sortOrder` follow the URL. On a phone the filters fold behind a "筛选" button and
 * the table scrolls sideways.
 */
import { DownloadOutlined, FilterOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Flex, Grid, Input, Space, Table, type TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { exportUrl } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { ErrorAlert } from './error-alert';
import { PageHeader } from './page-header';
import type { ListQuery } from './use-list-query';

export type ListPageProps<T> = {
  title: ReactNode;
  subtitle?: ReactNode;
  list: ListQuery<T>;
  columns: ColumnsType<T>;
  rowKey: keyof T & string;
  /** Filter controls shown next to the search box. */
  filters?: ReactNode;
  /** Placeholder of the search box; `false` hides the box. */
  searchPlaceholder?: string | false;
  /** Export route (e.g. `/audit-log/export.xlsx`); omitted → no export button. */
  exportPath?: string;
  /** Buttons on the right of the title (e.g. "新建"). */
  actions?: ReactNode;
  expandable?: TableProps<T>['expandable'];
  /** Prefix of the data-testid attributes: `${testId}-table`, `${testId}-search`, `${testId}-export`. */
  testId: string;
  /** Anything rendered above the table (e.g. a summary). */
  children?: ReactNode;
};

export function ListPage<T extends object>(props: ListPageProps<T>) {
  const { title, subtitle, list, columns, rowKey, filters, searchPlaceholder, exportPath, actions, expandable, testId, children } = props;
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const [showFilters, setShowFilters] = useState(false);
  const [search, setSearch] = useState(list.params.q);
  useEffect(() => setSearch(list.params.q), [list.params.q]);

  const controlledColumns = useMemo(
    () =>
      columns.map((column) => {
        const sorted = column.sorter && typeof column.key === 'string' ? { ...column, sortOrder: list.sortOrderOf(column.key) } : column;
        // fixed columns eat a phone's width: let everything scroll together there
        return isPhone && sorted.fixed ? { ...sorted, fixed: undefined } : sorted;
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [columns, list.params.sort, isPhone],
  );

  const data = list.query.data;
  const searchBox =
    searchPlaceholder === false ? null : (
      <Space.Compact style={{ width: isPhone ? '100%' : 280 }}>
        <Input
          allowClear
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            if (e.target.value === '' && list.params.q) list.setQ('');
          }}
          onPressEnter={() => list.setQ(search)}
          placeholder={searchPlaceholder ?? t('搜索', 'Search')}
          data-testid={`${testId}-search`}
        />
        <Button icon={<SearchOutlined />} onClick={() => list.setQ(search)} aria-label={t('搜索', 'Search')} data-testid={`${testId}-search-button`} />
      </Space.Compact>
    );

  const exportButton = exportPath ? (
    <Button icon={<DownloadOutlined />} href={exportUrl(exportPath, list.exportQuery)} download data-testid={`${testId}-export`}>
      {t('导出 Excel', 'Export Excel')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader
        title={title}
        subtitle={subtitle}
        extra={
          <>
            {exportButton}
            {actions}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }} styles={{ body: { padding: isPhone ? 8 : 12 } }}>
        <Flex wrap gap={8} align="center">
          {searchBox}
          {filters && isPhone && (
            <Badge count={list.activeFilterCount - (list.params.q ? 1 : 0)} size="small">
              <Button icon={<FilterOutlined />} onClick={() => setShowFilters((v) => !v)} data-testid={`${testId}-filter-toggle`}>
                {t('筛选', 'Filters')}
              </Button>
            </Badge>
          )}
          {filters && (!isPhone || showFilters) && (
            <Flex wrap gap={8} align={isPhone ? 'stretch' : 'center'} vertical={isPhone} style={isPhone ? { width: '100%' } : undefined} className={isPhone ? 'qc-list-filters-phone' : undefined}>
              {isPhone && <style>{'.qc-list-filters-phone > * { width: 100% !important; }'}</style>}
              {filters}
            </Flex>
          )}
          {list.activeFilterCount > 0 && (
            <Button type="link" icon={<ReloadOutlined />} onClick={() => list.reset()} data-testid={`${testId}-reset`}>
              {t('重置', 'Reset')}
            </Button>
          )}
        </Flex>
      </Card>
      <ErrorAlert error={list.query.error} />
      {children}
      <div data-testid={`${testId}-table`}>
        <Table<T>
          rowKey={rowKey}
          columns={controlledColumns}
          dataSource={data?.items ?? []}
          loading={list.query.isFetching}
          size={isPhone ? 'small' : 'middle'}
          scroll={{ x: 'max-content' }}
          expandable={expandable}
          onChange={(pagination, tableFilters, sorter) => list.onTableChange(pagination, tableFilters, sorter)}
          pagination={{
            current: list.params.page,
            pageSize: list.params.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: !isPhone,
            simple: isPhone,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: isPhone ? undefined : (total) => t(`共 ${total} 条`, `${total} in total`),
          }}
        />
      </div>
    </>
  );
}
