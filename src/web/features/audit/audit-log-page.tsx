import { AuditOutlined } from '@ant-design/icons';
import { DatePicker, Descriptions, Grid, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import type { AuditEntry } from '../../../domains/audit/schema';
import { orgUnitKindLabels, orgUnitKinds, roleLabels, roles, userFlagLabels, userFlags, type OrgUnitKind, type Role, type UserFlag } from '../../../shared/roles';
import { ChangeDiff, type FieldLabels, type FormatValue } from '../../components/ui/change-diff';
import { FilterInput } from '../../components/ui/filter-input';
import { actionColor, formatTimestamp } from '../../components/ui/history-timeline';
import { ListPage } from '../../components/ui/list-page';
import { useOrgUnitOptions } from '../../components/ui/org-unit-select';
import { useListQuery } from '../../components/ui/use-list-query';
import { useI18n } from '../../lib/i18n';

const DATE = 'YYYY-MM-DD';

/** Action prefixes and entity types written today; the filters accept any text (later modules add more). */
const actionPrefixes = ['auth', 'user', 'org_unit', 'file', 'notification'];
const entityTypes = ['user', 'org_unit', 'file', 'notification'];

/** Labels of fields that recur in audit entries; other fields show their name. */
const fieldLabels: FieldLabels = {
  name: { zh: '名称', en: 'Name' },
  shortName: { zh: '简称', en: 'Short name' },
  code: { zh: '编码', en: 'Code' },
  kind: { zh: '类型', en: 'Kind' },
  parentId: { zh: '上级单位', en: 'Parent' },
  regionCode: { zh: '行政区划代码', en: 'Region code' },
  sortOrder: { zh: '排序', en: 'Sort order' },
  contactPerson: { zh: '联系人', en: 'Contact person' },
  contactPhone: { zh: '联系电话', en: 'Contact phone' },
  address: { zh: '地址', en: 'Address' },
  username: { zh: '用户名', en: 'Username' },
  displayName: { zh: '姓名', en: 'Name' },
  role: { zh: '角色', en: 'Role' },
  flags: { zh: '职责', en: 'Duties' },
  orgUnitId: { zh: '所属单位', en: 'Org unit' },
  enterpriseId: { zh: '企业', en: 'Enterprise' },
  phone: { zh: '电话', en: 'Phone' },
  email: { zh: '邮箱', en: 'Email' },
  isActive: { zh: '启用', en: 'Active' },
  mustChangePassword: { zh: '须改密码', en: 'Must change password' },
  reason: { zh: '原因', en: 'Reason' },
  depth: { zh: '层级', en: 'Depth' },
  deactivatedAt: { zh: '停用时间', en: 'Deactivated at' },
};

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T => typeof value === 'string' && (list as readonly string[]).includes(value);

/** Enum codes as their labels, org-unit ids as names. */
function useFormatValue(): FormatValue {
  const { label } = useI18n();
  const { data: options } = useOrgUnitOptions();
  const names = useMemo(() => new Map((options ?? []).map((o) => [o.id, o.name])), [options]);
  return (field, value) => {
    if (field === 'kind' && isOneOf<OrgUnitKind>(orgUnitKinds, value)) return label(orgUnitKindLabels[value]);
    if (field === 'role' && isOneOf<Role>(roles, value)) return label(roleLabels[value]);
    if (field === 'flags' && Array.isArray(value)) return value.map((f) => (isOneOf<UserFlag>(userFlags, f) ? label(userFlagLabels[f]) : String(f))).join('、') || '—';
    if ((field === 'parentId' || field === 'orgUnitId') && typeof value === 'string') return names.get(value) ?? value;
    return undefined;
  };
}

function AuditDetail({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const formatValue = useFormatValue();
  return (
    <div style={{ maxWidth: 960 }} data-testid="audit-detail">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'entity', label: t('对象', 'Entity'), children: <Typography.Text copyable={Boolean(entry.entityId)}>{`${entry.entityType}${entry.entityId ? ` / ${entry.entityId}` : ''}`}</Typography.Text> },
          { key: 'request', label: t('请求 ID', 'Request ID'), children: entry.requestId ?? '—' },
          { key: 'ip', label: 'IP', children: entry.ip ?? '—' },
          { key: 'seq', label: t('序号', 'Sequence'), children: entry.id },
        ]}
      />
      {entry.before === null && entry.after === null ? (
        <Typography.Text type="secondary">{t('该操作没有记录字段内容', 'No field values were recorded for this action')}</Typography.Text>
      ) : (
        <ChangeDiff before={entry.before} after={entry.after} fieldLabels={fieldLabels} formatValue={formatValue} testId="audit-diff" />
      )}
    </div>
  );
}

/** 审计日志: who did what when, filterable, with the before/after of each change and an Excel export. */
export default function AuditLogPage() {
  const { t, label } = useI18n();
  const screens = Grid.useBreakpoint();
  const list = useListQuery<AuditEntry>({
    path: '/audit-log',
    filterKeys: ['actor', 'action', 'entityType', 'entityId', 'from', 'to'],
    defaultPageSize: 50,
    defaultSort: '-at',
    allowedSorts: ['-at', 'at'],
  });
  const { filters } = list.params;

  const columns = useMemo<ColumnsType<AuditEntry>>(
    () => [
      { key: 'at', dataIndex: 'at', title: t('时间', 'Time'), sorter: true, sortDirections: ['descend', 'ascend'], render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(v)}</span> },
      {
        key: 'actor',
        title: t('操作人', 'Actor'),
        render: (_: unknown, e) => (
          <span style={{ whiteSpace: 'nowrap' }}>
            <Typography.Text strong>{e.actorUsername}</Typography.Text>
            {isOneOf<Role>(roles, e.actorRole) && <Typography.Text type="secondary"> · {label(roleLabels[e.actorRole])}</Typography.Text>}
          </span>
        ),
      },
      { key: 'action', dataIndex: 'action', title: t('动作', 'Action'), render: (v: string) => <Tag color={actionColor(v)}>{v}</Tag> },
      { key: 'entityType', dataIndex: 'entityType', title: t('对象类型', 'Entity type') },
      { key: 'summary', dataIndex: 'summary', title: t('摘要', 'Summary'), render: (v: string | null) => <span style={{ display: 'inline-block', minWidth: 200 }}>{v ?? '—'}</span> },
      { key: 'ip', dataIndex: 'ip', title: 'IP', responsive: ['lg'], render: (v: string | null) => v ?? '—' },
    ],
    [t, label],
  );

  const dateOf = (v: string | string[] | undefined) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && dayjs(v).isValid() ? dayjs(v) : null);
  const from = dateOf(filters.from);
  const to = dateOf(filters.to);
  const range: [dayjs.Dayjs | null, dayjs.Dayjs | null] | null = from || to ? [from, to] : null;

  return (
    <ListPage<AuditEntry>
      title={
        <>
          <AuditOutlined /> {t('审计日志', 'Audit log')}
        </>
      }
      subtitle={t('所有写操作的记录（谁、何时、做了什么、改前改后），不可修改', 'Every write: who, when, what, before and after; read-only')}
      list={list}
      columns={columns}
      rowKey="id"
      testId="audit"
      exportPath="/audit-log/export.xlsx"
      searchPlaceholder={t('摘要、动作、对象 ID、操作人', 'Summary, action, entity id, actor')}
      expandable={{ expandedRowRender: (entry) => <AuditDetail entry={entry} />, rowExpandable: () => true }}
      filters={
        <>
          <FilterInput value={filters.actor} onCommit={(v) => list.setFilter('actor', v)} placeholder={t('操作人用户名', 'Actor username')} testId="audit-filter-actor" />
          <FilterInput
            value={filters.action}
            onCommit={(v) => list.setFilter('action', v)}
            placeholder={t('动作前缀，如 org_unit', 'Action prefix, e.g. org_unit')}
            options={actionPrefixes.map((p) => ({ value: p }))}
            style={{ width: 190 }}
            testId="audit-filter-action"
          />
          <FilterInput
            value={filters.entityType}
            onCommit={(v) => list.setFilter('entityType', v)}
            placeholder={t('对象类型', 'Entity type')}
            options={entityTypes.map((p) => ({ value: p }))}
            testId="audit-filter-entity-type"
          />
          <FilterInput value={filters.entityId} onCommit={(v) => list.setFilter('entityId', v)} placeholder={t('对象 ID', 'Entity id')} testId="audit-filter-entity-id" />
          <DatePicker.RangePicker
            value={range}
            allowEmpty={[true, true]}
            onChange={(dates) => list.setFilters({ from: dates?.[0]?.format(DATE), to: dates?.[1]?.format(DATE) })}
            placeholder={[t('开始日期', 'From'), t('结束日期', 'To')]}
            style={{ width: screens.sm ? 260 : '100%' }}
            data-testid="audit-filter-dates"
          />
        </>
      }
    />
  );
}
