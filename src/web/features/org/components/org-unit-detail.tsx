import { EditOutlined, HistoryOutlined, PlayCircleOutlined, PlusOutlined, StopOutlined, SwapOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Descriptions, Empty, Flex, Pagination, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { OrgUnitDetail } from '../../../../domains/org/schema';
import { parseRegionCode } from '../../../../shared/region-code';
import { orgUnitKindLabels, type OrgUnitKind } from '../../../../shared/roles';
import { ConfirmAction } from '../../../components/ui/confirm-action';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { apiErrorText } from '../../../components/ui/form-error';
import { formatTimestamp, HistoryTimeline } from '../../../components/ui/history-timeline';
import { ActiveTag } from '../../../components/ui/status-tag';
import { useI18n } from '../../../lib/i18n';
import { useOrgUnitDetail, useOrgUnitHistory, useSetOrgUnitActive } from '../api';
import { orgActionLabels, orgFieldLabels, orgKindColors, orgKindIcons } from '../org-meta';

export type DetailActions = {
  canManage: boolean;
  canAddChild: boolean;
  canReadUsers: boolean;
  onCreateChild(unit: OrgUnitDetail): void;
  onEdit(unit: OrgUnitDetail): void;
  onMove(unit: OrgUnitDetail): void;
  onSelect(id: string): void;
  /** id → name, for showing parent ids in the history. */
  nameOf(id: string): string | undefined;
};

const HISTORY_PAGE_SIZE = 10;

/** The selected unit: fields, ancestors, counts, actions allowed to the user, and change history. */
export function OrgUnitDetailPanel({ id, actions }: { id: string; actions: DetailActions }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [historyPage, setHistoryPage] = useState(1);
  const detail = useOrgUnitDetail(id);
  const history = useOrgUnitHistory(id, historyPage, HISTORY_PAGE_SIZE);
  const setActive = useSetOrgUnitActive();
  const unit = detail.data;

  if (detail.isLoading) return <Card><Spin /></Card>;
  if (detail.error || !unit) return <Card><ErrorAlert error={detail.error ?? new Error(t('单位不存在', 'Unit not found'))} /></Card>;

  const isRoot = unit.parentId === null;
  const toggleActive = async (reason: string) => {
    try {
      await setActive.mutateAsync({ id: unit.id, input: { version: unit.version, active: !unit.isActive, reason } });
      message.success(unit.isActive ? t('已停用', 'Deactivated') : t('已启用', 'Reactivated'));
    } catch (error) {
      message.error(apiErrorText(error, t));
      throw error;
    }
  };
  const deactivateBlocker = isRoot
    ? t('根单位不能停用', 'The root unit cannot be deactivated')
    : unit.childCount > 0
      ? t(`仍有 ${unit.childCount} 个启用的下级单位`, `${unit.childCount} active sub-units remain`)
      : unit.activeUserCount > 0
        ? t(`仍有 ${unit.activeUserCount} 个启用的用户`, `${unit.activeUserCount} active users remain`)
        : undefined;

  const region = unit.regionCode ? parseRegionCode(unit.regionCode) : null;
  const formatValue = (field: string, value: unknown) => {
    if (field === 'parentId' && typeof value === 'string') return actions.nameOf(value) ?? value;
    if (field === 'kind' && typeof value === 'string' && value in orgUnitKindLabels) return label(orgUnitKindLabels[value as OrgUnitKind]);
    if ((field === 'deactivatedAt' || field === 'createdAt') && typeof value === 'string') return formatTimestamp(value);
    return undefined;
  };

  const buttons = (
    <Flex wrap gap={8}>
      {actions.canAddChild && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => actions.onCreateChild(unit)} data-testid="org-create-button">
          {t('新建下级', 'Add sub-unit')}
        </Button>
      )}
      {actions.canManage && (
        <>
          <Button icon={<EditOutlined />} onClick={() => actions.onEdit(unit)} data-testid="org-edit-button">
            {t('修改', 'Edit')}
          </Button>
          {!isRoot && (
            <Button icon={<SwapOutlined />} onClick={() => actions.onMove(unit)} disabled={!unit.isActive} data-testid="org-move-button">
              {t('调整上级', 'Move')}
            </Button>
          )}
          {unit.isActive ? (
            <ConfirmAction
              label={t('停用', 'Deactivate')}
              icon={<StopOutlined />}
              danger
              title={t(`停用「${unit.name}」？`, `Deactivate ${unit.name}?`)}
              description={t('停用后该单位不能再被选择，历史数据保留。', 'It can no longer be chosen; its records are kept.')}
              requireReason
              disabled={deactivateBlocker !== undefined}
              disabledReason={deactivateBlocker}
              onConfirm={toggleActive}
              testId="org-deactivate"
            />
          ) : (
            <ConfirmAction
              label={t('启用', 'Reactivate')}
              icon={<PlayCircleOutlined />}
              title={t(`重新启用「${unit.name}」？`, `Reactivate ${unit.name}?`)}
              requireReason
              onConfirm={toggleActive}
              testId="org-reactivate"
            />
          )}
        </>
      )}
    </Flex>
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="org-detail">
      <Card
        title={
          <Space wrap size={6}>
            <span>{orgKindIcons[unit.kind]}</span>
            <Typography.Text strong data-testid="org-detail-name">
              {unit.name}
            </Typography.Text>
            <Tag color={orgKindColors[unit.kind]}>{label(orgUnitKindLabels[unit.kind])}</Tag>
            <ActiveTag active={unit.isActive} testId="org-detail-status" />
          </Space>
        }
      >
        {unit.ancestors.length > 0 && (
          <Breadcrumb
            style={{ marginBottom: 12 }}
            data-testid="org-detail-ancestors"
            items={[
              ...unit.ancestors.map((a) => ({
                key: a.id,
                // units above the user's own subtree are shown but not opened (they are outside the tree)
                title: actions.nameOf(a.id) ? (
                  <a
                    onClick={(e) => {
                      e.preventDefault();
                      actions.onSelect(a.id);
                    }}
                  >
                    {a.name}
                  </a>
                ) : (
                  a.name
                ),
              })),
              { key: unit.id, title: unit.name },
            ]}
          />
        )}
        {buttons}
        {deactivateBlocker && unit.isActive && actions.canManage && !isRoot && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
            {t('不能停用：', 'Cannot deactivate: ')}
            {deactivateBlocker}
          </Typography.Paragraph>
        )}
        <Descriptions
          style={{ marginTop: 16 }}
          size="small"
          bordered
          column={{ xs: 1, sm: 1, md: 2, xl: 2 }}
          items={[
            { key: 'code', label: t('编码', 'Code'), children: <Typography.Text copyable>{unit.code}</Typography.Text> },
            { key: 'shortName', label: t('简称', 'Short name'), children: unit.shortName ?? '—' },
            {
              key: 'regionCode',
              label: t('行政区划代码', 'Region code'),
              children: unit.regionCode ? `${unit.regionCode}${region?.provinceName ? `（${region.provinceName}）` : ''}` : '—',
            },
            { key: 'sortOrder', label: t('排序', 'Sort order'), children: unit.sortOrder },
            { key: 'childCount', label: t('启用的下级单位', 'Active sub-units'), children: <span data-testid="org-detail-child-count">{unit.childCount}</span> },
            {
              key: 'users',
              label: t('启用的用户', 'Active users'),
              children: actions.canReadUsers ? (
                <Link to={`/admin/users?orgUnitId=${unit.id}&includeSubunits=false`} data-testid="org-detail-users-link">
                  {unit.activeUserCount}
                </Link>
              ) : (
                unit.activeUserCount
              ),
            },
            { key: 'contactPerson', label: t('联系人', 'Contact person'), children: unit.contactPerson ?? '—' },
            { key: 'contactPhone', label: t('联系电话', 'Contact phone'), children: unit.contactPhone ?? '—' },
            { key: 'address', label: t('地址', 'Address'), span: 'filled', children: unit.address ?? '—' },
            { key: 'updatedAt', label: t('更新时间', 'Updated'), children: formatTimestamp(unit.updatedAt) },
            { key: 'version', label: t('版本', 'Version'), children: unit.version },
            ...(unit.deactivatedAt ? [{ key: 'deactivatedAt', label: t('停用时间', 'Deactivated'), children: formatTimestamp(unit.deactivatedAt) }] : []),
          ]}
        />
      </Card>
      <Card
        title={
          <Space>
            <HistoryOutlined />
            {t('变更历史', 'Change history')}
          </Space>
        }
        size="small"
      >
        {history.error ? (
          <ErrorAlert error={history.error} />
        ) : history.data && history.data.total === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无变更记录', 'No history yet')} />
        ) : (
          <>
            <HistoryTimeline
              entries={history.data?.items ?? []}
              loading={history.isLoading}
              fieldLabels={orgFieldLabels}
              actionLabels={orgActionLabels}
              formatValue={formatValue}
              testId="org-history"
            />
            {(history.data?.total ?? 0) > HISTORY_PAGE_SIZE && (
              <Pagination size="small" simple current={historyPage} pageSize={HISTORY_PAGE_SIZE} total={history.data?.total ?? 0} onChange={setHistoryPage} />
            )}
          </>
        )}
      </Card>
    </Space>
  );
}
