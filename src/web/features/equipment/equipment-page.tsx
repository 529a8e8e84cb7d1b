/**
 * 特种设备 /safety/equipment: summary cards (counts from the due-summary route), the device list
 * (server-side search, filters, sorting, paging — never the whole registry) with Excel export of
 * the same filter, and a map view (`?view=map`) of the filtered devices that have coordinates.
 */
import { ControlOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Segmented, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { dueStatuses, dueStatusLabels, registrationStatuses, registrationStatusLabels } from '../../../domains/equipment-safety/equipment/enums';
import { deviceSortKeys } from '../../../domains/equipment-safety/equipment/schema';
import type { DeviceListItem } from '../../../domains/equipment-safety/equipment/view-schema';
import { ListPage } from '../../components/ui/list-page';
import { OrgUnitSelect, orgUnitOptionsQueryKey } from '../../components/ui/org-unit-select';
import { useListQuery } from '../../components/ui/use-list-query';
import type { OrgUnitOption } from '../../../domains/org/schema';
import { api, type Query } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { territorialKinds } from '../../../shared/roles';
import { useCan, useMe } from '../auth/api';
import { CatalogueCascader } from './catalogue-cascader';
import { DeviceMapPanel } from './device-map-panel';
import { DueSummaryCards } from './due-summary-cards';
import { EnterpriseSelect } from './enterprise-select';
import { catalogueFilterOf, cataloguePathOf, dueCountdown, territoryPath } from './equipment-format';
import { DeviceStatusTag, DueStatusTag, LateRegistrationTag, MustStopTag } from './equipment-tags';

const FILTER_KEYS = ['category', 'kind', 'variety', 'territoryOrgUnitId', 'status', 'dueStatus', 'usingUnitId', 'mustStop', 'lateRegistration'] as const;

export default function EquipmentPage() {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const can = useCan();
  const { data: me } = useMe();
  const [searchParams, setSearchParams] = useSearchParams();
  const view = searchParams.get('view') === 'map' ? 'map' : 'list';
  const list = useListQuery<DeviceListItem>({ path: '/equipment', filterKeys: FILTER_KEYS, defaultSort: 'nextDueOn', allowedSorts: deviceSortKeys });
  const { filters } = list.params;
  const str = (key: (typeof FILTER_KEYS)[number]) => (typeof filters[key] === 'string' ? (filters[key] as string) : undefined);
  const orgRootId = me?.role === 'township' ? me.orgUnit.id : undefined;
  // Org units (cached, shared with the pickers) to show a village under its township; enterprise users cannot read them.
  const orgOptions = useQuery({ queryKey: orgUnitOptionsQueryKey, queryFn: () => api.get<OrgUnitOption[]>('/org-units/options'), staleTime: 5 * 60_000, enabled: can('org.read') });
  const orgById = useMemo(() => new Map((orgOptions.data ?? []).map((o) => [o.id, o])), [orgOptions.data]);
  const mapFilters = useMemo<Query>(() => {
    const { sort: _sort, ...rest } = list.exportQuery;
    return rest;
  }, [list.exportQuery]);

  const columns = useMemo<ColumnsType<DeviceListItem>>(
    () => [
      {
        key: 'equipmentCode',
        title: t('设备代码 / 登记证号', 'Device code / cert.'),
        sorter: true,
        fixed: 'left',
        render: (_: unknown, d) => (
          <div>
            <Link to={`/safety/equipment/${d.id}`} data-testid="device-row-link">
              {d.equipmentCode ?? t('（无设备代码）', '(no code)')}
            </Link>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {d.useRegistrationCertNo ?? t('未登记', 'Not registered')}
              </Typography.Text>
            </div>
          </div>
        ),
      },
      {
        key: 'productName',
        title: t('设备名称', 'Device'),
        render: (_: unknown, d) => (
          <div>
            <div>{d.productName}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[d.categoryName, d.varietyName ?? d.kindName].filter(Boolean).join(' · ')}
            </Typography.Text>
          </div>
        ),
      },
      {
        key: 'useUnitName',
        title: t('使用单位 / 使用地点', 'Using unit / address'),
        render: (_: unknown, d) => (
          <div style={{ maxWidth: 260 }}>
            <Typography.Text ellipsis style={{ display: 'block' }}>{d.useUnitName}</Typography.Text>
            <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
              {d.useAddress}
            </Typography.Text>
          </div>
        ),
      },
      { key: 'territoryName', title: t('属地', 'Territory'), render: (_: unknown, d) => <span data-testid="device-territory">{territoryPath(d.territoryOrgUnitId, orgById, d.territoryName)}</span> },
      {
        key: 'status',
        title: t('使用状态', 'Status'),
        render: (_: unknown, d) => (
          <Space size={2} wrap>
            <DeviceStatusTag status={d.status} />
            <MustStopTag mustStop={d.mustStop} />
            <LateRegistrationTag late={d.isLateRegistration} />
          </Space>
        ),
      },
      {
        key: 'nextDueOn',
        title: t('下次检验', 'Next inspection'),
        sorter: true,
        render: (_: unknown, d) => (
          <Space size={4} wrap>
            <span>{d.nextDueOn ?? '—'}</span>
            <DueStatusTag status={d.dueStatus} daysToDue={d.daysToDue} testId="device-due-status" />
            {d.dueStatus === 'overdue' && <Typography.Text type="danger" style={{ fontSize: 12 }}>{dueCountdown(d.daysToDue)}</Typography.Text>}
          </Space>
        ),
      },
      { key: 'lastInspectedOn', dataIndex: 'lastInspectedOn', title: t('上次检验', 'Last inspection'), render: (v: string | null) => v ?? '—' },
      { key: 'commissioningDate', dataIndex: 'commissioningDate', title: t('投用日期', 'Commissioned'), sorter: true, render: (v: string | null) => v ?? '—' },
    ],
    [t, orgById],
  );

  const setView = (next: string) =>
    setSearchParams((prev) => {
      const params = new URLSearchParams(prev);
      if (next === 'map') params.set('view', 'map');
      else params.delete('view');
      return params;
    });

  return (
    <ListPage<DeviceListItem>
      title={
        <>
          <SafetyCertificateOutlined /> {t('特种设备', 'Special equipment')}
        </>
      }
      subtitle={t('使用登记台账、定期检验到期与超期未检监管', 'Registry, inspection due dates and overdue devices')}
      list={list}
      columns={columns}
      rowKey="id"
      testId="equipment"
      searchPlaceholder={t('设备代码、使用登记证编号、使用单位', 'Device code, registration cert., using unit')}
      exportPath="/equipment/export.xlsx"
      actions={
        <>
          <Segmented
            value={view}
            onChange={(v) => setView(String(v))}
            options={[
              { value: 'list', label: t('列表', 'List') },
              { value: 'map', label: t('地图', 'Map') },
            ]}
            data-testid="equipment-view"
          />
          {can('safety.read') && (
            <Button icon={<ControlOutlined />} onClick={() => navigate('/safety/equipment/rules')}>
              {t('检验周期规则', 'Inspection rules')}
            </Button>
          )}
          {can('safety.manage_equipment') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/safety/equipment/new')} data-testid="equipment-new">
              {t('设备建档', 'Register a device')}
            </Button>
          )}
        </>
      }
      filters={
        <>
          <CatalogueCascader
            changeOnSelect
            value={cataloguePathOf(filters)}
            onChange={(path) => list.setFilters(catalogueFilterOf(path))}
            testId="equipment-filter-catalogue"
          />
          {me?.role !== 'enterprise' && (
            <OrgUnitSelect
              value={str('territoryOrgUnitId')}
              onChange={(v) => list.setFilter('territoryOrgUnitId', v)}
              rootId={orgRootId}
              isSelectable={(o) => territorialKinds.includes(o.kind)}
              placeholder={t('属地（含下级）', 'Territory (incl. sub-units)')}
              style={{ minWidth: 180 }}
              testId="equipment-filter-territory"
            />
          )}
          <Select
            allowClear
            placeholder={t('使用状态', 'Status')}
            value={str('status')}
            onChange={(v: string | undefined) => list.setFilter('status', v)}
            options={registrationStatuses.map((s) => ({ value: s, label: label(registrationStatusLabels[s]) }))}
            style={{ minWidth: 110 }}
            data-testid="equipment-filter-status"
          />
          <Select
            allowClear
            placeholder={t('检验状态', 'Due status')}
            value={str('dueStatus')}
            onChange={(v: string | undefined) => list.setFilter('dueStatus', v)}
            options={dueStatuses.map((s) => ({ value: s, label: label(dueStatusLabels[s]) }))}
            style={{ minWidth: 120 }}
            data-testid="equipment-filter-due"
          />
          {me?.role !== 'enterprise' && (
            <EnterpriseSelect value={str('usingUnitId')} onChange={(id) => list.setFilter('usingUnitId', id)} placeholder={t('使用单位', 'Using unit')} style={{ width: 200 }} testId="equipment-filter-unit" />
          )}
          <Select
            allowClear
            placeholder={t('其他', 'More')}
            value={str('mustStop') === 'true' ? 'mustStop' : str('lateRegistration') === 'true' ? 'late' : undefined}
            onChange={(v: string | undefined) => list.setFilters({ mustStop: v === 'mustStop' ? 'true' : undefined, lateRegistration: v === 'late' ? 'true' : undefined })}
            options={[
              { value: 'mustStop', label: t('须停止使用', 'Must stop') },
              { value: 'late', label: t('逾期登记', 'Late registration') },
            ]}
            style={{ minWidth: 110 }}
            data-testid="equipment-filter-more"
          />
        </>
      }
    >
      <DueSummaryCards
        territoryOrgUnitId={str('territoryOrgUnitId')}
        category={str('category')}
        dueStatus={str('dueStatus')}
        mustStop={str('mustStop')}
        onPick={(pick) =>
          pick.category
            ? list.setFilters({ category: pick.category, kind: undefined, variety: undefined })
            : list.setFilters({ dueStatus: pick.dueStatus, mustStop: pick.mustStop })
        }
      />
      {view === 'map' && <DeviceMapPanel filters={mapFilters} />}
    </ListPage>
  );
}
