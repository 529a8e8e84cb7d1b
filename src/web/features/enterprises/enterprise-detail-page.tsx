/**
 * 企业详情 /enterprises/:id: the header (name, credit code, status, high-tech, 规上, territory) with
 * the actions the API says this user may take (修改, 变更登记状态, 维护联系人), and the tabs of
 * detail-tabs.tsx (基本信息, 变更记录, and later modules' tabs). The tab lives in `?tab=`.
 */
import { ContactsOutlined, EditOutlined, ReloadOutlined, SwapOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { enterpriseStatusLabels } from '../../../domains/enterprises/enterprise-enums';
import type { EnterpriseDetail } from '../../../domains/enterprises/view-schema';
import { RecordUnavailable } from '../../components/ui/record-unavailable';
import { PageHeader } from '../../components/ui/page-header';
import { StatusTag } from '../../components/ui/status-tag';
import { useI18n } from '../../lib/i18n';
import { useCan, useMe } from '../auth/api';
import { useEnterpriseDetail } from './api';
import { ContactsModal } from './contacts-modal';
import { enterpriseDetailTabs } from './detail-tabs';
import { EnterpriseFormModal, type EnterpriseFormTarget } from './enterprise-form-modal';
import { enterpriseStatusColors } from './enterprise-labels';
import { StatusModal } from './status-modal';

export default function EnterpriseDetailPage() {
  const { id } = useParams();
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const query = useEnterpriseDetail(id);
  const [formTarget, setFormTarget] = useState<EnterpriseFormTarget | null>(null);
  const [statusTarget, setStatusTarget] = useState<EnterpriseDetail | null>(null);
  const [contactsTarget, setContactsTarget] = useState<EnterpriseDetail | null>(null);
  const back = () => navigate('/enterprises');

  if (query.isLoading) return <Spin />;
  if (query.error || !query.data) return <RecordUnavailable error={query.error} notFound={t('企业不存在或不在您的管辖范围内', 'Enterprise not found or outside your area')} backLabel={t('返回企业列表', 'Back to the list')} onBack={back} />;
  const e = query.data;
  /** Loads the latest record; an open edit form starts again from it. */
  const reload = async () => {
    setStatusTarget(null);
    setContactsTarget(null);
    const fresh = await query.refetch();
    setFormTarget((open) => (open && fresh.data ? { mode: 'edit', enterprise: fresh.data } : null));
    message.info(t('已加载最新数据', 'Reloaded'));
  };
  const tabs = enterpriseDetailTabs.filter((tab) => !tab.permission || can(tab.permission));
  const activeKey = tabs.some((tab) => tab.key === params.get('tab')) ? (params.get('tab') as string) : (tabs[0]?.key ?? 'basic');

  return (
    <>
      <PageHeader
        breadcrumb={[
          { key: 'list', title: t('企业信息', 'Enterprises'), onClick: back },
          { key: 'enterprise', title: e.name },
        ]}
        title={<span data-testid="enterprise-title">{e.name}</span>}
        subtitle={
          <Space size={4} wrap style={{ marginTop: 4 }}>
            <Typography.Text copyable={{ text: e.creditCode }} style={{ fontFamily: 'monospace' }}>
              {e.creditCode}
            </Typography.Text>
            <StatusTag value={e.status} labels={enterpriseStatusLabels} colors={enterpriseStatusColors} testId="enterprise-header-status" />
            {e.isHighTech && <Tag color="purple">{t('高新技术企业', 'High-tech')}</Tag>}
            {e.aboveDesignatedSize && <Tag color="blue">{t('规上企业', 'Above designated size')}</Tag>}
            <Typography.Text type="secondary">
              {t('属地', 'Territory')}：{e.territoryName}
            </Typography.Text>
          </Space>
        }
        extra={
          <>
            {(e.permissions.edit || e.permissions.editRegistry) && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setFormTarget({ mode: 'edit', enterprise: e })} data-testid="enterprise-edit-button">
                {t('修改', 'Edit')}
              </Button>
            )}
            {e.permissions.editRegistry && (
              <Button icon={<SwapOutlined />} onClick={() => setStatusTarget(e)} data-testid="enterprise-status-button">
                {t('变更登记状态', 'Change status')}
              </Button>
            )}
            {e.permissions.editContacts && !e.permissions.edit && (
              <Button icon={<ContactsOutlined />} onClick={() => setContactsTarget(e)} data-testid="enterprise-contacts-button">
                {t('维护联系人', 'Edit contacts')}
              </Button>
            )}
            <Button icon={<ReloadOutlined />} onClick={() => void reload()} loading={query.isFetching} aria-label={t('刷新', 'Refresh')} />
          </>
        }
      />
      <Card size="small">
        <Tabs
          activeKey={activeKey}
          onChange={(key) =>
            setParams(
              (prev) => {
                const next = new URLSearchParams(prev);
                if (key === tabs[0]?.key) next.delete('tab');
                else next.set('tab', key);
                return next;
              },
              { replace: true },
            )
          }
          items={tabs.map((tab) => ({ key: tab.key, label: <span data-testid={`enterprise-tab-${tab.key}`}>{label(tab.label)}</span>, children: tab.render(e) }))}
          data-testid="enterprise-tabs"
        />
      </Card>
      {me && <EnterpriseFormModal target={formTarget} me={me} onClose={() => setFormTarget(null)} onSaved={() => setFormTarget(null)} onReload={() => void reload()} />}
      <StatusModal enterprise={statusTarget} onClose={() => setStatusTarget(null)} onReload={() => void reload()} />
      <ContactsModal enterprise={contactsTarget} onClose={() => setContactsTarget(null)} onReload={() => void reload()} />
    </>
  );
}
