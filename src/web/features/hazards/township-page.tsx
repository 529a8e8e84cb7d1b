/**
 * 属地隐患 /safety/township: a township's (street's, park's) open hazards at a glance — counts, the
 * overdue hazards (oldest deadline first) and those due within 7 days — and, in a separate section,
 * its special equipment overdue for inspection (filled by the equipment module when it is there).
 */
import { EnvironmentOutlined } from '@ant-design/icons';
import { Alert, Card, Flex, Result, Space, Spin, Statistic, Table, Typography, theme } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { HazardListItem } from '../../../domains/equipment-safety/hazards/hazard-view-schema';
import { roleReach } from '../../../shared/permissions';
import { territorialKinds } from '../../../shared/roles';
import { apiErrorText } from '../../components/ui/form-error';
import { OrgUnitSelect } from '../../components/ui/org-unit-select';
import { PageHeader } from '../../components/ui/page-header';
import { toQueryString } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useMe } from '../auth/api';
import { useTownshipSummary } from './api';
import { DeadlineText, GradeTag, HazardStatusTag, ListedTag } from './hazard-tags';
import { TownshipDevicesSection } from './township-devices-section';

export default function TownshipPage() {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const ownTerritory = me && me.role !== 'enterprise' && territorialKinds.includes(me.orgUnit.kind) ? me.orgUnit.id : undefined;
  const orgUnitId = params.get('orgUnitId') ?? ownTerritory;
  // City-wide roles pick a township; townships (streets, parks) see their own; others have no territory here.
  const usable = Boolean(me && (roleReach[me.role] === 'all' || ownTerritory));
  const summary = useTownshipSummary(orgUnitId, Boolean(orgUnitId) && usable);
  const data = summary.data;
  const today = data?.board.today ?? '';

  const columns = useMemo<ColumnsType<HazardListItem>>(
    () => [
      { key: 'no', title: t('编号', 'No.'), render: (_: unknown, h) => <Link to={`/safety/hazards/${h.id}`}>{h.hazardNo ?? '—'}</Link> },
      { key: 'title', dataIndex: 'title', title: t('标题', 'Title') },
      { key: 'status', title: t('状态', 'Status'), render: (_: unknown, h) => <Space size={2}><HazardStatusTag status={h.status} /><ListedTag listed={h.isListed} /></Space> },
      { key: 'grade', title: t('等级', 'Grade'), render: (_: unknown, h) => <GradeTag grade={h.grade} /> },
      { key: 'enterprise', dataIndex: 'enterpriseName', title: t('整改责任单位', 'Responsible unit'), render: (v: string | null) => v ?? t('属地', 'Territory') },
      { key: 'place', dataIndex: 'orgUnitName', title: t('属地', 'Territory') },
      { key: 'deadline', title: t('整改期限', 'Deadline'), render: (_: unknown, h) => <DeadlineText deadline={h.deadline} today={today} status={h.status} /> },
    ],
    [t, today],
  );

  if (!me) return null;
  if (!usable) {
    return (
      <Result
        status="info"
        title={t('属地隐患页面面向乡镇（街道、园区）和全市监管单位', 'This page is for townships and city-wide supervisors')}
        extra={<Link to="/safety/hazards">{t('查看隐患看板', 'Hazard board')}</Link>}
        data-testid="township-not-applicable"
      />
    );
  }
  const rootId = roleReach[me.role] === 'all' ? undefined : me.orgUnit.id;

  return (
    <>
      <PageHeader
        title={
          <>
            <EnvironmentOutlined /> {t('属地隐患', 'Township hazards')}
            {data ? ` · ${data.orgUnitName}` : ''}
          </>
        }
        subtitle={t('逾期未改与临期隐患、特种设备超期未检', 'Overdue and due-soon hazards, overdue inspections')}
        extra={
          <OrgUnitSelect
            value={orgUnitId}
            onChange={(v) => setParams(v ? { orgUnitId: v } : {})}
            rootId={rootId}
            allowClear={false}
            isSelectable={(o) => territorialKinds.includes(o.kind)}
            placeholder={t('选择乡镇（街道、园区）', 'Choose a township')}
            style={{ minWidth: 220 }}
            testId="township-select"
          />
        }
      />
      {!orgUnitId && <Alert type="info" showIcon title={t('请选择一个乡镇（街道、园区）', 'Choose a township, street or park')} />}
      {summary.error && <Alert type="error" showIcon title={apiErrorText(summary.error, t)} style={{ marginBottom: 12 }} />}
      {summary.isLoading && <Spin />}
      {data && (
        <div data-testid="township-hazards">
          <Card size="small" style={{ marginBottom: 12 }}>
            <Flex wrap gap={24}>
              <Statistic title={t('未办结隐患', 'Open hazards')} value={data.board.open} />
              <Statistic title={t('逾期未改', 'Overdue')} value={data.board.overdue} styles={{ content: { color: data.board.overdue > 0 ? token.colorError : undefined } }} />
              <Statistic title={t('7 日内到期', 'Due in 7 days')} value={data.board.dueSoon} />
              <Statistic title={t('重大隐患（未办结）', 'Major (open)')} value={data.board.major} />
              <Statistic title={t('挂牌督办', 'Listed')} value={data.board.listed} />
              <Statistic title={t('已销号', 'Closed')} value={data.board.byStatus.closed ?? 0} />
            </Flex>
          </Card>
          <Card
            size="small"
            title={t(`逾期未改隐患（${data.board.overdue}）`, `Overdue hazards (${data.board.overdue})`)}
            extra={<Link to={`/safety/hazards${toQueryString({ orgUnitId: data.orgUnitId, overdue: 'true', sort: 'deadline' })}`}>{t('在看板中查看全部', 'All on the board')}</Link>}
            style={{ marginBottom: 12 }}
          >
            <Table<HazardListItem> rowKey="id" size="small" columns={columns} dataSource={data.overdueHazards} pagination={false} scroll={{ x: 'max-content' }} data-testid="township-overdue-table" />
            {data.board.overdue > data.overdueHazards.length && (
              <Typography.Text type="secondary">{t(`仅列出期限最早的 ${data.overdueHazards.length} 条`, `Showing the ${data.overdueHazards.length} oldest`)}</Typography.Text>
            )}
          </Card>
          <Card size="small" title={t(`7 日内到期（${data.dueSoonHazards.length}）`, `Due within 7 days (${data.dueSoonHazards.length})`)}>
            <Table<HazardListItem> rowKey="id" size="small" columns={columns} dataSource={data.dueSoonHazards} pagination={false} scroll={{ x: 'max-content' }} data-testid="township-due-soon-table" />
          </Card>
        </div>
      )}
      {/* Special equipment (another module): renders nothing until its due-summary route exists. */}
      {orgUnitId && <TownshipDevicesSection orgUnitId={orgUnitId} />}
    </>
  );
}
