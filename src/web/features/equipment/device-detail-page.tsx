/**
 * 设备详情 /safety/equipment/:id: header with the registration and due status tags, the inspection
 * obligations (with the rule's [?] note), the actions this user may take (registration actions in
 * modals with the record version; record inspection/maintenance), and tabs 基本信息 · 检验记录 ·
 * 维保记录 · 作业人员证书 · 责任体系 · 时间轴 (the tab is kept in `?tab=`).
 */
import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Row, Space, Spin, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { registrationActionLabels, type RegistrationAction } from '../../../domains/equipment-safety/equipment/enums';
import type { DeviceDetail } from '../../../domains/equipment-safety/equipment/view-schema';
import { RecordUnavailable } from '../../components/ui/record-unavailable';
import { PageHeader } from '../../components/ui/page-header';
import { useI18n } from '../../lib/i18n';
import { useDeviceDetail } from './api';
import { CertificateFormModal } from './certificate-form-modal';
import { CertificatesTab } from './certificates-tab';
import { DeviceHazardsCard } from './device-hazards-card';
import { DeviceInfoTab } from './device-info-tab';
import { DeviceTimeline } from './device-timeline';
import { DeviceStatusTag, DueStatusTag, LateRegistrationTag, MustStopTag } from './equipment-tags';
import { dueCountdown } from './equipment-format';
import { InspectionFormModal } from './inspection-form-modal';
import { InspectionsTab } from './inspections-tab';
import { MaintenanceFormModal } from './maintenance-form-modal';
import { MaintenanceTab } from './maintenance-tab';
import { ObligationsCard } from './obligations-card';
import { RegistrationActionModal } from './registration-action-modal';
import { ResponsibilityTab } from './responsibility-tab';

const tabKeys = ['info', 'inspections', 'maintenance', 'certificates', 'responsibility', 'timeline'] as const;
type TabKey = (typeof tabKeys)[number];
type Dialog = 'inspection' | 'maintenance' | 'certificate' | null;
const dangerActions: readonly RegistrationAction[] = ['stop', 'scrap', 'cancel'];

export default function DeviceDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useDeviceDetail(id);
  const [action, setAction] = useState<RegistrationAction | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const tab: TabKey = (tabKeys as readonly string[]).includes(searchParams.get('tab') ?? '') ? (searchParams.get('tab') as TabKey) : 'info';
  const back = () => navigate('/safety/equipment');

  if (query.isLoading) return <Spin />;
  if (query.error || !query.data) return <RecordUnavailable error={query.error} notFound={t('设备不存在或不在您的管辖范围内', 'Device not found or outside your area')} backLabel={t('返回设备列表', 'Back to the list')} onBack={back} />;
  const d = query.data;
  const setTab = (key: string) =>
    setSearchParams((prev) => {
      const next = new URLSearchParams(prev);
      if (key === 'info') next.delete('tab');
      else next.set('tab', key);
      return next;
    });
  const refresh = async () => {
    await query.refetch();
    message.info(t('已刷新', 'Refreshed'));
  };

  return (
    <>
      <PageHeader
        breadcrumb={[
          { key: 'list', title: t('特种设备', 'Special equipment'), onClick: back },
          { key: 'device', title: d.equipmentCode ?? d.productName },
        ]}
        title={
          <span data-testid="device-title">
            {d.productName}
            {d.equipmentCode ? ` · ${d.equipmentCode}` : ''}
          </span>
        }
        subtitle={<HeaderTags device={d} />}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void refresh()} loading={query.isFetching} data-testid="device-refresh">
            {t('刷新', 'Refresh')}
          </Button>
        }
      />
      <ActionBar device={d} onAction={setAction} onDialog={setDialog} />
      <ObligationsCard device={d} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        data-testid="device-tabs"
        items={[
          { key: 'info', label: t('基本信息', 'Details'), children: <DeviceInfoTab device={d} /> },
          { key: 'inspections', label: t('检验记录', 'Inspections'), children: <InspectionsTab device={d} onAdd={() => setDialog('inspection')} /> },
          { key: 'maintenance', label: t('维保记录', 'Maintenance'), children: <MaintenanceTab device={d} onAdd={() => setDialog('maintenance')} /> },
          { key: 'certificates', label: t('作业人员证书', 'Operators'), children: <CertificatesTab device={d} onAdd={() => setDialog('certificate')} /> },
          { key: 'responsibility', label: t('责任体系', 'Responsibility'), children: <ResponsibilityTab device={d} /> },
          {
            key: 'timeline',
            label: t('时间轴', 'Timeline'),
            children: (
              <Row gutter={12}>
                <Col xs={24} lg={16}>
                  <DeviceTimeline device={d} />
                </Col>
                <Col xs={24} lg={8}>
                  <DeviceHazardsCard deviceId={d.id} />
                </Col>
              </Row>
            ),
          },
        ]}
      />
      <RegistrationActionModal device={d} action={action} onClose={() => setAction(null)} onOutdated={() => void query.refetch()} />
      <InspectionFormModal device={d} open={dialog === 'inspection'} onClose={() => setDialog(null)} />
      <MaintenanceFormModal device={d} open={dialog === 'maintenance'} onClose={() => setDialog(null)} />
      <CertificateFormModal device={d} open={dialog === 'certificate'} onClose={() => setDialog(null)} />
    </>
  );
}

function HeaderTags({ device: d }: { device: DeviceDetail }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap style={{ marginTop: 4 }}>
      <DeviceStatusTag status={d.status} testId="device-status" />
      <DueStatusTag status={d.dueStatus} testId="device-due-status" />
      <MustStopTag mustStop={d.mustStop} />
      <LateRegistrationTag late={d.isLateRegistration} overdue={d.isRegistrationOverdue} />
      <Typography.Text type="secondary">{t('下次检验', 'Next inspection')}：</Typography.Text>
      <Typography.Text data-testid="device-next-due">{d.nextDueOn ?? '—'}</Typography.Text>
      {d.daysToDue !== null && d.dueStatus !== 'exempt' && <Typography.Text type={d.dueStatus === 'overdue' ? 'danger' : 'secondary'}>（{dueCountdown(d.daysToDue)}）</Typography.Text>}
      <Typography.Text type="secondary">
        · {d.useUnitName} · {d.territoryName}
      </Typography.Text>
    </Space>
  );
}

function ActionBar({ device: d, onAction, onDialog }: { device: DeviceDetail; onAction(a: RegistrationAction): void; onDialog(dialog: Dialog): void }) {
  const { t, label } = useI18n();
  const a = d.abilities;
  const any = a.recordInspection || a.recordMaintenance || a.manageOperators || a.registrationActions.length > 0;
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="device-action-bar">
      <Flex wrap gap={8} align="center">
        {!any && <Typography.Text type="secondary">{t('您可以查看该设备的信息', 'You can view this device')}</Typography.Text>}
        {a.recordInspection && (
          <Button type="primary" onClick={() => onDialog('inspection')} data-testid="device-record-inspection">
            {t('录入检验结果', 'Record an inspection')}
          </Button>
        )}
        {a.recordMaintenance && (
          <Button onClick={() => onDialog('maintenance')} data-testid="device-record-maintenance">
            {t('录入维保记录', 'Record maintenance')}
          </Button>
        )}
        {a.registrationActions.length > 0 && <Typography.Text type="secondary">{t('登记办理：', 'Registration:')}</Typography.Text>}
        {a.registrationActions.map((action) => (
          <Button key={action} danger={dangerActions.includes(action)} onClick={() => onAction(action)} data-testid={`device-action-${action}`}>
            {label(registrationActionLabels[action])}
          </Button>
        ))}
      </Flex>
    </Card>
  );
}
