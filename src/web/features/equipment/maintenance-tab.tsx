/**
 * 维保记录 of a device, newest first: for elevators each record carries the days since the previous
 * one and a flag when the gap exceeds 15 days, and the gap check of the last year is summarised above.
 */
import { Alert, Flex, Table, Tag } from 'antd';
import { useState } from 'react';
import type { DeviceDetail, MaintenanceItem } from '../../../domains/equipment-safety/equipment/view-schema';
import { ErrorAlert } from '../../components/ui/error-alert';
import { useI18n } from '../../lib/i18n';
import { useDeviceRecords, useMaintenanceGaps } from './api';
import { RecordsToolbar } from './records-toolbar';

export function MaintenanceTab({ device, onAdd }: { device: DeviceDetail; onAdd(): void }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const isElevator = device.categoryCode === '3000';
  const query = useDeviceRecords<MaintenanceItem>('maintenance', device.id, { page, pageSize: 10 });
  const gaps = useMaintenanceGaps(device.id, isElevator);
  const open = gaps.data?.gaps.find((g) => g.isOpen);
  const closed = gaps.data?.gaps.filter((g) => !g.isOpen) ?? [];

  return (
    <div data-testid="device-maintenance">
      {isElevator && gaps.data?.applies && (
        <Alert
          type={open ? 'error' : closed.length > 0 ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="maintenance-gaps"
          title={
            open
              ? t(`已 ${open.days} 天未维保：应于 ${open.dueBy} 前维保（电梯至少每 ${gaps.data.maxGapDays} 日维保一次）。`, `No maintenance for ${open.days} days (due by ${open.dueBy}).`)
              : closed.length > 0
                ? t(`${gaps.data.from} 至 ${gaps.data.to} 有 ${closed.length} 次维保间隔超过 ${gaps.data.maxGapDays} 日。`, `${closed.length} gaps over ${gaps.data.maxGapDays} days in the last year.`)
                : t(`${gaps.data.from} 至 ${gaps.data.to} 维保间隔均未超过 ${gaps.data.maxGapDays} 日。`, 'No gap over 15 days in the last year.')
          }
          description={closed.length > 0 ? closed.slice(0, 5).map((g) => t(`${g.startOn} → ${g.endOn}：${g.days} 天`, `${g.startOn} → ${g.endOn}: ${g.days} d`)).join('；') : undefined}
        />
      )}
      <RecordsToolbar hint={isElevator ? t('电梯应至少每 15 日进行一次清洁、润滑、调整和检查。', 'Elevators: maintenance at least every 15 days.') : t('维保记录', 'Maintenance records')} exportPath="/equipment/maintenance/export.xlsx" deviceId={device.id} canAdd={device.abilities.recordMaintenance} onAdd={onAdd} addLabel={t('录入维保记录', 'Record maintenance')} addTestId="maintenance-add" />
      <ErrorAlert error={query.error} />
      <Table<MaintenanceItem>
        rowKey="id"
        size="small"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 10, total: query.data?.total ?? 0, onChange: setPage, showTotal: (n) => t(`共 ${n} 条`, `${n} in total`) }}
        columns={[
          { key: 'maintainedOn', dataIndex: 'maintainedOn', title: t('维保日期', 'Date'), render: (v: string) => <span data-testid="maintenance-date-cell">{v}</span> },
          { key: 'kind', dataIndex: 'kindLabel', title: t('维保类型', 'Kind') },
          { key: 'unit', dataIndex: 'maintenanceUnitName', title: t('维保单位', 'Unit'), render: (v: string | null) => v ?? '—' },
          { key: 'workers', title: t('维保人员', 'Workers'), render: (_: unknown, m) => m.workers.map((w) => (w.certificateNo ? `${w.name}（${w.certificateNo}）` : w.name)).join('、') },
          {
            key: 'gap',
            title: t('距上次（天）', 'Days since previous'),
            render: (_: unknown, m) => (
              <Flex gap={4} align="center">
                <span>{m.daysSincePrevious ?? '—'}</span>
                {m.isGap && <Tag color="red" data-testid="maintenance-gap">{t('间隔超过15日', 'Gap > 15 days')}</Tag>}
              </Flex>
            ),
          },
          { key: 'confirmed', title: t('使用单位确认', 'Confirmed'), render: (_: unknown, m) => (m.isConfirmedByUsingUnit ? t('已确认', 'Yes') : t('未确认', 'No')) },
          { key: 'notes', dataIndex: 'notes', title: t('备注', 'Notes'), render: (v: string | null) => v ?? '—' },
        ]}
      />
    </div>
  );
}
