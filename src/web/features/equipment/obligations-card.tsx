/**
 * 检验义务 of a device: each open obligation (track, what is due, due date, 正常/临期/超期未检), the rule
 * it follows and why; a period that is configuration marked [?]/[D] in domain.md carries the API's
 * note ("周期为配置值，未经核实") and a link to the rule configuration.
 */
import { InfoCircleOutlined } from '@ant-design/icons';
import { Alert, Card, List, Space, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import type { DeviceDetail } from '../../../domains/equipment-safety/equipment/view-schema';
import { useI18n } from '../../lib/i18n';
import { dueCountdown, daysBetween, localToday } from './equipment-format';
import { DueStatusTag } from './equipment-tags';

export function ObligationsCard({ device }: { device: DeviceDetail }) {
  const { t } = useI18n();
  const today = localToday();
  const exempt = device.dueStatus === 'exempt';
  return (
    <Card size="small" title={t('检验义务', 'Inspection obligations')} style={{ marginBottom: 12 }} data-testid="device-obligations">
      {device.mustStop && (
        <Alert type="error" showIcon style={{ marginBottom: 8 }} title={t('最近一次检验结论为不合格/不得使用：复检合格前设备不得使用。', 'The last inspection failed: the device must not be used until it passes re-inspection.')} />
      )}
      {device.hasRuleGap && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('该设备没有适用的检验周期规则，无法计算到期日。', 'No inspection rule applies to this device.')} />
      )}
      {exempt && device.obligations.length === 0 ? (
        <Typography.Text type="secondary">{t(`设备状态为「${device.statusLabel}」，暂无检验义务（豁免）。`, 'Not in use: no obligation.')}</Typography.Text>
      ) : device.obligations.length === 0 ? (
        <Typography.Text type="secondary">{t('暂无待履行的检验义务（缺少投用日期或监督检验日期时无法计算）。', 'No open obligation.')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={device.obligations}
          renderItem={(o) => (
            <List.Item key={o.id} data-testid="device-obligation">
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap size={6}>
                  <Typography.Text strong>
                    {o.trackLabel === o.obligationLabel ? o.obligationLabel : `${o.trackLabel} · ${o.obligationLabel}`}
                  </Typography.Text>
                  <Typography.Text data-testid="device-obligation-due">{o.dueMonth ? t(`${o.dueMonth} 月（${o.dueOn} 起超期）`, `${o.dueMonth} (overdue from ${o.dueOn})`) : o.dueOn}</Typography.Text>
                  <DueStatusTag status={o.dueStatus} />
                  <Typography.Text type={o.dueStatus === 'overdue' ? 'danger' : 'secondary'}>{dueCountdown(daysBetween(today, o.dueOn))}</Typography.Text>
                  {o.mustStop && <Tag color="red">{t('须停止使用', 'Must stop')}</Tag>}
                </Space>
                <Space wrap size={6}>
                  <Typography.Text type="secondary">
                    {t('依据', 'Rule')}：{o.ruleName}
                  </Typography.Text>
                  <Tooltip title={o.explanation}>
                    <InfoCircleOutlined style={{ color: '#8c8c8c' }} />
                  </Tooltip>
                  {o.isUnverified ? (
                    <Tag color="orange" data-testid="device-obligation-unverified">
                      {o.confidenceNote}
                      {' · '}
                      <Link to="/safety/equipment/rules">{t('可配置', 'configurable')}</Link>
                    </Tag>
                  ) : (
                    <Tag>{o.confidenceNote}</Tag>
                  )}
                </Space>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
