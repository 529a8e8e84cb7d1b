/**
 * 责任体系 of a device: the device-level parties (使用单位、维保单位、检验机构, and 产权单位) with their
 * contacts and links to the enterprise pages, whether the three-party responsibility is complete,
 * and the territorial side (属地 path, 特种设备安全协管员, 监管部门).
 */
import { Alert, Card, Col, Descriptions, Empty, List, Row, Skeleton, Tag, Typography } from 'antd';
import type { DeviceDetail } from '../../../domains/equipment-safety/equipment/view-schema';
import { ErrorAlert } from '../../components/ui/error-alert';
import { useI18n } from '../../lib/i18n';
import { useResponsibility } from './api';
import { EnterpriseLink } from './device-info-tab';

export function ResponsibilityTab({ device }: { device: DeviceDetail }) {
  const { t } = useI18n();
  const query = useResponsibility(device.id);
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Skeleton active />;
  const r = query.data;
  return (
    <div data-testid="device-responsibility">
      {r.isThreePartyComplete ? (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('三方责任（使用单位、维保单位、检验机构）已落实', 'Three-party responsibility is complete')} />
      ) : (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="responsibility-missing" title={t(`三方责任未落实：缺少${r.missingParties.join('、')}`, `Missing: ${r.missingParties.join(', ')}`)} />
      )}
      <Row gutter={12}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('设备层面（企业主体责任）', 'Device level')} style={{ marginBottom: 12 }}>
            <List
              dataSource={r.parties}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('未登记相关单位', 'No parties')} /> }}
              renderItem={(p) => (
                <List.Item key={`${p.role}-${p.enterpriseId}`} data-testid={`responsibility-${p.role}`}>
                  <List.Item.Meta
                    title={
                      <>
                        <Tag color={p.role === 'use_unit' ? 'blue' : p.role === 'maintenance_unit' ? 'cyan' : p.role === 'inspection_body' ? 'purple' : 'default'}>{p.roleLabel}</Tag>
                        <EnterpriseLink party={{ id: p.enterpriseId, name: p.name }} />
                      </>
                    }
                    description={
                      <>
                        <Typography.Text type="secondary">
                          {t('统一社会信用代码', 'Credit code')}：{p.creditCode}
                        </Typography.Text>
                        {p.contacts.length > 0 && <div>{p.contacts.map((c) => (c.phone ? `${c.name} ${c.phone}` : c.name)).join('；')}</div>}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('属地管理与部门监管', 'Territory and supervision')} style={{ marginBottom: 12 }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'territory', label: t('属地', 'Territory'), children: r.territory.path.map((p) => p.name).join(' › ') || r.territory.name },
                { key: 'supervising', label: t('监管部门', 'Supervising unit'), children: r.supervisingOrgUnit?.name ?? '—' },
              ]}
            />
            <Typography.Text strong>{t('特种设备安全协管员', 'Safety coordinators')}</Typography.Text>
            {r.safetyCoordinators.length === 0 ? (
              <div>
                <Typography.Text type="secondary">{t('该属地尚未指定协管员', 'No coordinator assigned')}</Typography.Text>
              </div>
            ) : (
              <List
                size="small"
                dataSource={r.safetyCoordinators}
                renderItem={(u) => (
                  <List.Item key={u.userId}>
                    {u.displayName}（{u.orgUnitName}）{u.phone ? ` ${u.phone}` : ''}
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
