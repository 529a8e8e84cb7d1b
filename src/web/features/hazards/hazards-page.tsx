/**
 * 隐患看板 /safety/hazards: status counts as clickable cards, and the hazard list with its filters
 * (text, status, grade, source, territory with sub-units, overdue, listed, deadline range), overdue and
 * listed tags, the deadline countdown, the Excel export with the same filters and "上报隐患".
 */
import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  hazardGradeLabels,
  hazardGrades,
  hazardSourceLabels,
  hazardSources,
  hazardStatuses,
  hazardStatusLabels,
  type HazardStatus,
} from '../../../domains/equipment-safety/hazards/hazard-enums';
import { hazardSortKeys } from '../../../domains/equipment-safety/hazards/hazard-schema';
import type { HazardListItem } from '../../../domains/equipment-safety/hazards/hazard-view-schema';
import { formatTimestamp } from '../../components/ui/history-timeline';
import { ListPage } from '../../components/ui/list-page';
import { OrgUnitSelect } from '../../components/ui/org-unit-select';
import { useListQuery } from '../../components/ui/use-list-query';
import type { Query } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useCan, useMe } from '../auth/api';
import { useHazardBoard } from './api';
import { HazardBoard } from './hazard-board';
import { localToday } from './hazard-format';
import { DeadlineText, GradeTag, HazardStatusTag, ListedTag, OverdueTag } from './hazard-tags';

const FILTER_KEYS = ['status', 'grade', 'source', 'orgUnitId', 'includeSubunits', 'overdue', 'listed', 'deadlineFrom', 'deadlineTo'] as const;

function parseStatuses(value: string | string[] | undefined): HazardStatus[] {
  const text = Array.isArray(value) ? value.join(',') : (value ?? '');
  return text.split(',').filter((s): s is HazardStatus => (hazardStatuses as readonly string[]).includes(s));
}

export default function HazardsPage() {
  const { t, label } = useI18n();
  const { data: me } = useMe();
  const can = useCan();
  const navigate = useNavigate();
  const list = useListQuery<HazardListItem>({ path: '/hazards', filterKeys: FILTER_KEYS, defaultSort: '-createdAt', allowedSorts: hazardSortKeys });
  const { filters } = list.params;
  const statuses = parseStatuses(filters.status);

  const boardQuery = useMemo<Query>(() => {
    const { status: _status, sort: _sort, ...rest } = list.exportQuery;
    return rest;
  }, [list.exportQuery]);
  const board = useHazardBoard(boardQuery);
  const today = board.data?.today ?? localToday();
  const orgRootId = me?.role === 'township' ? me.orgUnit.id : undefined;

  const columns = useMemo<ColumnsType<HazardListItem>>(
    () => [
      {
        key: 'hazardNo',
        title: t('隐患编号', 'No.'),
        fixed: 'left',
        render: (_: unknown, h) => (
          <Link to={`/safety/hazards/${h.id}`} data-testid="hazard-row-link">
            {h.hazardNo ?? t('（草稿）', '(draft)')}
          </Link>
        ),
      },
      { key: 'title', dataIndex: 'title', title: t('标题', 'Title'), render: (v: string) => <Typography.Text ellipsis style={{ maxWidth: 260 }}>{v}</Typography.Text> },
      {
        key: 'status',
        title: t('状态', 'Status'),
        render: (_: unknown, h) => (
          <Space size={2} wrap>
            <HazardStatusTag status={h.status} />
            <OverdueTag overdue={h.isOverdue} />
            <ListedTag listed={h.isListed} />
          </Space>
        ),
      },
      { key: 'grade', title: t('等级', 'Grade'), render: (_: unknown, h) => <GradeTag grade={h.grade} proposed={h.confirmedOn === null && h.grade !== null} /> },
      { key: 'source', title: t('来源', 'Source'), render: (_: unknown, h) => label(hazardSourceLabels[h.source]) },
      { key: 'orgUnitName', dataIndex: 'orgUnitName', title: t('属地', 'Territory') },
      { key: 'enterpriseName', dataIndex: 'enterpriseName', title: t('整改责任单位', 'Responsible unit'), render: (v: string | null) => v ?? '—' },
      { key: 'deadline', title: t('整改期限', 'Deadline'), sorter: true, render: (_: unknown, h) => <DeadlineText deadline={h.deadline} today={today} status={h.status} /> },
      { key: 'createdAt', dataIndex: 'createdAt', title: t('登记时间', 'Reported'), sorter: true, render: (v: string) => formatTimestamp(v) },
    ],
    [t, label, today],
  );

  const deadlineRange: [dayjs.Dayjs, dayjs.Dayjs] | null =
    typeof filters.deadlineFrom === 'string' && typeof filters.deadlineTo === 'string' ? [dayjs(filters.deadlineFrom), dayjs(filters.deadlineTo)] : null;

  return (
    <ListPage<HazardListItem>
      title={
        <>
          <WarningOutlined /> {t('隐患看板', 'Hazard board')}
        </>
      }
      subtitle={t('隐患闭环：上报 → 核定 → 整改 → 复查 → 销号', 'Closed loop: report → confirm → rectify → verify → close')}
      list={list}
      columns={columns}
      rowKey="id"
      testId="hazards"
      searchPlaceholder={t('编号、标题、描述', 'No., title, description')}
      exportPath="/hazards/export.xlsx"
      actions={
        can('safety.report_hazard') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/safety/hazards/new')} data-testid="hazard-report-button">
            {t('上报隐患', 'Report a hazard')}
          </Button>
        ) : null
      }
      filters={
        <>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('状态', 'Status')}
            value={statuses}
            onChange={(v: HazardStatus[]) => list.setFilter('status', v.length > 0 ? v.join(',') : undefined)}
            options={hazardStatuses.map((s) => ({ value: s, label: label(hazardStatusLabels[s]) }))}
            style={{ minWidth: 150 }}
            maxTagCount="responsive"
            data-testid="hazards-filter-status"
          />
          <Select
            allowClear
            placeholder={t('等级', 'Grade')}
            value={filters.grade as string | undefined}
            onChange={(v: string | undefined) => list.setFilter('grade', v)}
            options={hazardGrades.map((g) => ({ value: g, label: label(hazardGradeLabels[g]) }))}
            style={{ minWidth: 100 }}
            data-testid="hazards-filter-grade"
          />
          <Select
            allowClear
            placeholder={t('来源', 'Source')}
            value={filters.source as string | undefined}
            onChange={(v: string | undefined) => list.setFilter('source', v)}
            options={hazardSources.map((s) => ({ value: s, label: label(hazardSourceLabels[s]) }))}
            style={{ minWidth: 130 }}
            data-testid="hazards-filter-source"
          />
          {me?.role !== 'enterprise' && (
            <OrgUnitSelect
              value={filters.orgUnitId as string | undefined}
              onChange={(v) => list.setFilters({ orgUnitId: v, includeSubunits: v ? filters.includeSubunits : undefined })}
              rootId={orgRootId}
              placeholder={t('属地', 'Territory')}
              style={{ minWidth: 180 }}
              testId="hazards-filter-org"
            />
          )}
          {filters.orgUnitId && (
            <Checkbox
              checked={filters.includeSubunits !== 'false'}
              onChange={(e) => list.setFilter('includeSubunits', e.target.checked ? undefined : 'false')}
              data-testid="hazards-filter-subunits"
            >
              {t('含下级', 'Incl. sub-units')}
            </Checkbox>
          )}
          <Select
            allowClear
            placeholder={t('逾期', 'Overdue')}
            value={filters.overdue as string | undefined}
            onChange={(v: string | undefined) => list.setFilter('overdue', v)}
            options={[
              { value: 'true', label: t('仅逾期', 'Overdue only') },
              { value: 'false', label: t('未逾期', 'Not overdue') },
            ]}
            style={{ minWidth: 100 }}
            data-testid="hazards-filter-overdue"
          />
          <Select
            allowClear
            placeholder={t('挂牌督办', 'Listed')}
            value={filters.listed as string | undefined}
            onChange={(v: string | undefined) => list.setFilter('listed', v)}
            options={[
              { value: 'true', label: t('挂牌督办中', 'Listed') },
              { value: 'false', label: t('未挂牌', 'Not listed') },
            ]}
            style={{ minWidth: 110 }}
            data-testid="hazards-filter-listed"
          />
          <DatePicker.RangePicker
            value={deadlineRange}
            onChange={(range) =>
              list.setFilters({ deadlineFrom: range?.[0]?.format('YYYY-MM-DD') ?? undefined, deadlineTo: range?.[1]?.format('YYYY-MM-DD') ?? undefined })
            }
            placeholder={[t('期限起', 'Deadline from'), t('期限止', 'Deadline to')]}
            data-testid="hazards-filter-deadline"
          />
        </>
      }
    >
      <HazardBoard
        board={board.data}
        loading={board.isLoading}
        selected={statuses}
        onSelectStatus={(s) => list.setFilter('status', s ?? undefined)}
        overdueOnly={filters.overdue === 'true'}
        listedOnly={filters.listed === 'true'}
        onToggleOverdue={() => list.setFilter('overdue', filters.overdue === 'true' ? undefined : 'true')}
        onToggleListed={() => list.setFilter('listed', filters.listed === 'true' ? undefined : 'true')}
      />
    </ListPage>
  );
}
