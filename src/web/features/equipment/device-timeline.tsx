/**
 * 时间轴 of a device, newest first: registration events (with the status change), edits,
 * inspections, maintenance, operator certificates and events of other modules (hazards), filterable
 * by kind and paged on the server. Beside it the hazards raised on the device, and "上报隐患".
 */
import { Empty, Flex, Pagination, Segmented, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import {
  inspectionConclusionLabels,
  registrationActionLabels,
  registrationStatusLabels,
  type InspectionConclusion,
  type RegistrationAction,
  type RegistrationStatus,
} from '../../../domains/equipment-safety/equipment/enums';
import { timelineKinds, type DeviceDetail, type TimelineItem } from '../../../domains/equipment-safety/equipment/view-schema';
import { ErrorAlert } from '../../components/ui/error-alert';
import { useI18n } from '../../lib/i18n';
import { useTimeline } from './api';

type Kind = (typeof timelineKinds)[number];
const kindLabels: Record<Kind, { zh: string; en: string; color: string }> = {
  registration: { zh: '登记', en: 'Registration', color: 'blue' },
  update: { zh: '变更', en: 'Edit', color: 'gray' },
  inspection: { zh: '检验', en: 'Inspection', color: 'green' },
  maintenance: { zh: '维保', en: 'Maintenance', color: 'cyan' },
  certificate: { zh: '作业人员', en: 'Operators', color: 'purple' },
  external: { zh: '关联事件', en: 'Linked event', color: 'orange' },
};
const PAGE_SIZE = 30;

function statusLabel(value: string | null, label: (l: { zh: string; en: string } | undefined) => string): string {
  return value ? label(registrationStatusLabels[value as RegistrationStatus]) || value : '';
}

/** The record's own words where the server's summary carries codes (the conclusion) or little (maintenance workers). */
function entryText(item: TimelineItem, label: (l: { zh: string; en: string } | undefined) => string): string {
  const d = (item.details ?? {}) as Record<string, unknown>;
  if (item.kind === 'inspection' && typeof d.conclusion === 'string') {
    const conclusion = label(inspectionConclusionLabels[d.conclusion as InspectionConclusion]) || d.conclusion;
    return item.summary.replace(/结论 \S+$/, `结论 ${conclusion}`);
  }
  if (item.kind === 'maintenance' && Array.isArray(d.workers)) {
    const workers = (d.workers as Array<{ name?: string }>).map((w) => w.name).filter(Boolean);
    return workers.length > 0 ? `${item.summary}（${workers.join('、')}）` : item.summary;
  }
  return item.summary;
}

function TimelineEntry({ item }: { item: TimelineItem }) {
  const { t, label } = useI18n();
  const actionLabel = item.kind === 'registration' ? label(registrationActionLabels[item.action as RegistrationAction]) : '';
  return (
    <div data-testid="device-timeline-item" data-kind={item.kind} data-action={item.action}>
      <Space size={4} wrap>
        <Typography.Text strong>{item.occurredOn}</Typography.Text>
        <Tag color={kindLabels[item.kind].color}>{actionLabel || label(kindLabels[item.kind])}</Tag>
        {item.fromStatus !== item.toStatus && item.toStatus && (
          <Typography.Text type="secondary" data-testid="device-timeline-status">
            {item.fromStatus ? `${statusLabel(item.fromStatus, label)} → ` : ''}
            {statusLabel(item.toStatus, label)}
          </Typography.Text>
        )}
        {item.actorName && <Typography.Text type="secondary">{item.actorName}</Typography.Text>}
      </Space>
      <div>{entryText(item, label) || (item.action === 'create' ? t('建档', 'Created') : item.action)}</div>
    </div>
  );
}

export function DeviceTimeline({ device }: { device: DeviceDetail }) {
  const { t, label } = useI18n();
  const [kind, setKind] = useState<Kind | 'all'>('all');
  const [page, setPage] = useState(1);
  const query = useTimeline(device.id, { page, pageSize: PAGE_SIZE, kind: kind === 'all' ? undefined : kind });
  const items = query.data?.items ?? [];
  return (
    <div data-testid="device-timeline">
      <Segmented
        value={kind}
        onChange={(v) => {
          setKind(v as Kind | 'all');
          setPage(1);
        }}
        options={[{ value: 'all', label: t('全部', 'All') }, ...timelineKinds.map((k) => ({ value: k, label: label(kindLabels[k]) }))]}
        style={{ marginBottom: 12 }}
        data-testid="device-timeline-kind"
      />
      <ErrorAlert error={query.error} />
      {query.isLoading ? (
        <Spin />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无记录', 'Nothing yet')} />
      ) : (
        <Timeline items={items.map((item) => ({ key: item.id, color: kindLabels[item.kind].color, content: <TimelineEntry item={item} /> }))} />
      )}
      {(query.data?.total ?? 0) > PAGE_SIZE && (
        <Flex justify="center">
          <Pagination current={page} pageSize={PAGE_SIZE} total={query.data?.total ?? 0} onChange={setPage} showSizeChanger={false} size="small" />
        </Flex>
      )}
    </div>
  );
}
