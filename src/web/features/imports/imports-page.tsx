/**
 * 导入记录 /imports: every import batch the user may see (their own and their unit's), who uploaded
 * which file when, mode, status and counts, with the error report and 撤销 (undo of the whole batch).
 */
import { DownloadOutlined, HistoryOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, DatePicker, Select, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { ConfirmAction } from '../../components/ui/confirm-action';
import { apiErrorText } from '../../components/ui/form-error';
import { formatTimestamp } from '../../components/ui/history-timeline';
import { ListPage } from '../../components/ui/list-page';
import { useListQuery } from '../../components/ui/use-list-query';
import { useI18n } from '../../lib/i18n';
import { useCan } from '../auth/api';
import { errorReportUrl, useUndoImport } from './api';
import { importKinds } from './import-kinds';
import { importModeLabels, importStatusColors, importStatusLabels } from './import-status';
import { importBatchStatuses, type ImportBatch } from './import-types';

const SORTS = ['-createdAt', 'createdAt'] as const;

export default function ImportsPage() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const undo = useUndoImport();
  const list = useListQuery<ImportBatch>({ path: '/imports', filterKeys: ['kind', 'status', 'mine', 'from', 'to'], defaultSort: '-createdAt', allowedSorts: SORTS });
  const { filters } = list.params;

  const doUndo = async (batch: ImportBatch) => {
    try {
      await undo.mutateAsync(batch);
      message.success(t(`已撤销「${batch.fileName}」`, `Undid ${batch.fileName}`));
    } catch (error) {
      message.error(apiErrorText(error, t));
      throw error;
    }
  };

  const columns = useMemo<ColumnsType<ImportBatch>>(
    () => [
      { key: 'createdAt', dataIndex: 'createdAt', title: t('上传时间', 'Uploaded'), sorter: true, render: (v: string) => formatTimestamp(v) },
      { key: 'kind', dataIndex: 'kindLabel', title: t('类型', 'Kind') },
      {
        key: 'fileName',
        title: t('文件', 'File'),
        render: (_: unknown, b) => (
          <Link to={`/imports/${b.kind}?batch=${b.id}${b.jobId ? `&job=${b.jobId}` : ''}`} data-testid="import-row-link">
            <Typography.Text ellipsis style={{ maxWidth: 240, color: 'inherit' }}>
              {b.fileName}
            </Typography.Text>
          </Link>
        ),
      },
      { key: 'createdByName', dataIndex: 'createdByName', title: t('导入人', 'By') },
      {
        key: 'mode',
        title: t('方式', 'Mode'),
        render: (_: unknown, b) => (
          <Space size={2}>
            {label(importModeLabels[b.mode])}
            {b.dryRun && <Tag>{t('试导入', 'Dry run')}</Tag>}
          </Space>
        ),
      },
      {
        key: 'status',
        title: t('状态', 'Status'),
        render: (_: unknown, b) => {
          const tag = (
            <Tag color={importStatusColors[b.status]} data-testid="import-row-status">
              {label(importStatusLabels[b.status])}
            </Tag>
          );
          return b.error ? <Tooltip title={b.error.message}>{tag}</Tooltip> : tag;
        },
      },
      {
        key: 'counts',
        title: t('行数：新增 / 更新 / 未变 / 错误', 'Rows: new / updated / same / failed'),
        render: (_: unknown, b) => (
          <span data-testid="import-row-counts">
            {b.totalRows}：<Typography.Text type="success">{b.insertedCount}</Typography.Text> / {b.updatedCount} / {b.unchangedCount} /{' '}
            <Typography.Text type={b.failedCount > 0 ? 'danger' : undefined}>{b.failedCount}</Typography.Text>
          </span>
        ),
      },
      {
        key: 'actions',
        title: t('操作', 'Actions'),
        fixed: 'right',
        render: (_: unknown, b) => (
          <Space size={0}>
            {b.hasErrorReport && (
              <Button type="link" size="small" icon={<DownloadOutlined />} href={errorReportUrl(b.id)} download>
                {t('错误报告', 'Error report')}
              </Button>
            )}
            {b.canUndo && (
              <ConfirmAction
                label={t('撤销', 'Undo')}
                icon={<RollbackOutlined />}
                danger
                title={t(`撤销「${b.fileName}」的整批导入？`, `Undo the import of ${b.fileName}?`)}
                description={t(`将删除本批新增的 ${b.insertedCount} 条、恢复更新的 ${b.updatedCount} 条。导入后又被修改过的批次不能撤销。`, `Deletes ${b.insertedCount} added and restores ${b.updatedCount} updated records.`)}
                onConfirm={() => doUndo(b)}
                buttonProps={{ type: 'link', size: 'small' }}
                testId="import-row-undo"
              />
            )}
          </Space>
        ),
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, label],
  );

  const range: [dayjs.Dayjs, dayjs.Dayjs] | null = typeof filters.from === 'string' && typeof filters.to === 'string' ? [dayjs(filters.from), dayjs(filters.to)] : null;

  return (
    <ListPage<ImportBatch>
      title={
        <>
          <HistoryOutlined /> {t('导入记录', 'Import history')}
        </>
      }
      subtitle={t('已写入的批次可整批撤销（导入后又被修改过的除外）', 'A committed batch can be undone as a whole unless its records changed since')}
      list={list}
      columns={columns}
      rowKey="id"
      testId="imports"
      searchPlaceholder={t('文件名或导入人', 'File name or uploader')}
      actions={Object.entries(importKinds).filter(([, meta]) => can(meta.permission)).map(([kind, meta]) => (
        <Link key={kind} to={`/imports/${kind}`}>
          <Button type="primary">{t(`导入${label(meta.label)}`, `Import ${label(meta.label)}`)}</Button>
        </Link>
      ))}
      filters={
        <>
          <Select
            allowClear
            placeholder={t('类型', 'Kind')}
            value={filters.kind as string | undefined}
            onChange={(v: string | undefined) => list.setFilter('kind', v)}
            options={Object.entries(importKinds).map(([kind, meta]) => ({ value: kind, label: label(meta.label) }))}
            style={{ minWidth: 110 }}
          />
          <Select
            allowClear
            placeholder={t('状态', 'Status')}
            value={filters.status as string | undefined}
            onChange={(v: string | undefined) => list.setFilter('status', v)}
            options={importBatchStatuses.map((s) => ({ value: s, label: label(importStatusLabels[s]) }))}
            style={{ minWidth: 130 }}
          />
          <DatePicker.RangePicker
            value={range}
            onChange={(v) => list.setFilters({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
            placeholder={[t('上传日期从', 'From'), t('至', 'To')]}
          />
          <Checkbox checked={filters.mine === 'true'} onChange={(e) => list.setFilter('mine', e.target.checked ? 'true' : undefined)}>
            {t('只看我导入的', 'Mine only')}
          </Checkbox>
        </>
      }
    />
  );
}
