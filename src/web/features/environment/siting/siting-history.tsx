/**
 * History of siting checks (single and batch) with filters and Excel export. A click on a single
 * check shows it on the page; a batch opens its results.
 */
import { Button, Descriptions, Modal, Select, Skeleton, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { SitingBatchItem, SitingHistoryItem } from '../../../../domains/environment/siting-schema';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { ListPage } from '../../../components/ui/list-page';
import { useListQuery } from '../../../components/ui/use-list-query';
import { useI18n } from '../../../lib/i18n';
import { SITING_CHECKS_PATH, useSitingBatch } from '../api';
import { sitingOutcomeLabels } from '../env-labels';
import { OutcomeTag } from '../redlines/control-rule-table';

const sorts = ['-createdAt', 'createdAt'] as const;

export function SitingHistory({ selectedId, onOpen, typeLabels }: { selectedId: string | null; onOpen(id: string): void; typeLabels: ReadonlyMap<string, string> }) {
  const { t, label } = useI18n();
  const [batchId, setBatchId] = useState<string | null>(null);
  const list = useListQuery<SitingHistoryItem>({ path: SITING_CHECKS_PATH, filterKeys: ['verdict', 'kind'], allowedSorts: sorts, defaultSort: '-createdAt', defaultPageSize: 10 });
  const columns: ColumnsType<SitingHistoryItem> = [
    { key: 'createdAt', title: t('核查时间', 'Checked at'), sorter: true, render: (_, h) => dayjs(h.createdAt).format('YYYY-MM-DD HH:mm') },
    { key: 'kind', title: t('类型', 'Kind'), render: (_, h) => (h.kind === 'batch' ? <Tag color="purple">{t(`批量 ${h.itemCount}`, `Batch of ${h.itemCount}`)}</Tag> : t('单个', 'Single')) },
    { key: 'name', title: t('项目名称', 'Project'), render: (_, h) => h.projectName ?? '—' },
    { key: 'type', title: t('项目类型', 'Project type'), render: (_, h) => typeLabels.get(h.projectType) ?? h.projectType },
    { key: 'verdict', title: t('结论', 'Verdict'), render: (_, h) => <OutcomeTag outcome={h.verdict} /> },
    { key: 'by', title: t('核查人', 'By'), render: (_, h) => h.createdByName ?? '—' },
    {
      key: 'open',
      title: '',
      render: (_, h) => (
        <Button size="small" type={h.id === selectedId ? 'primary' : 'default'} onClick={() => (h.kind === 'batch' ? setBatchId(h.id) : onOpen(h.id))} data-testid="siting-history-open">
          {t('查看', 'Open')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <ListPage<SitingHistoryItem>
        title={t('核查历史', 'History')}
        list={list}
        columns={columns}
        rowKey="id"
        searchPlaceholder={t('项目名称', 'Project name')}
        exportPath={`${SITING_CHECKS_PATH}/export.xlsx`}
        testId="siting-history"
        filters={
          <>
            <Select
              allowClear
              placeholder={t('结论', 'Verdict')}
              style={{ width: 120 }}
              value={list.params.filters.verdict as string | undefined}
              onChange={(v: string | undefined) => list.setFilter('verdict', v)}
              options={(['allowed', 'conditional', 'prohibited'] as const).map((o) => ({ value: o, label: label(sitingOutcomeLabels[o]) }))}
            />
            <Select
              allowClear
              placeholder={t('类型', 'Kind')}
              style={{ width: 120 }}
              value={list.params.filters.kind as string | undefined}
              onChange={(v: string | undefined) => list.setFilter('kind', v)}
              options={[
                { value: 'single', label: t('单个', 'Single') },
                { value: 'batch', label: t('批量', 'Batch') },
              ]}
            />
          </>
        }
      />
      <BatchModal id={batchId} onClose={() => setBatchId(null)} typeLabels={typeLabels} />
    </>
  );
}

function BatchModal({ id, onClose, typeLabels }: { id: string | null; onClose(): void; typeLabels: ReadonlyMap<string, string> }) {
  const { t } = useI18n();
  const batch = useSitingBatch(id ?? undefined);
  const b = batch.data;
  return (
    <Modal open={id !== null} onCancel={onClose} footer={null} width={860} title={t('批量核查结果', 'Batch results')} destroyOnHidden>
      <ErrorAlert error={batch.error} />
      {!b ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions
            size="small"
            column={4}
            items={[
              { key: 'n', label: t('项目数', 'Items'), children: b.summary.total },
              { key: 'a', label: t('允许', 'Allowed'), children: b.summary.allowed },
              { key: 'c', label: t('有条件', 'Conditional'), children: b.summary.conditional },
              { key: 'p', label: t('禁止', 'Prohibited'), children: b.summary.prohibited },
            ]}
          />
          <Table<SitingBatchItem>
            size="small"
            rowKey="id"
            dataSource={b.results}
            pagination={{ pageSize: 10, size: 'small' }}
            columns={[
              { key: 'id', title: t('编号', 'Id'), dataIndex: 'id' },
              { key: 'name', title: t('名称', 'Name'), render: (_, r) => r.name ?? '—' },
              { key: 'type', title: t('项目类型', 'Type'), render: (_, r) => typeLabels.get(r.projectType) ?? r.projectType },
              { key: 'verdict', title: t('结论', 'Verdict'), render: (_, r) => <OutcomeTag outcome={r.verdict} /> },
              { key: 'zones', title: t('相交管控区', 'Zones'), render: (_, r) => r.intersections.map((i) => i.name).join('、') || '—' },
              { key: 'near', title: t('最近距离 m', 'Nearest m'), render: (_, r) => (r.nearest ? r.nearest.distanceM.toFixed(0) : '—') },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
