/**
 * Hazards raised on the device (the hazard module's list, filtered by equipmentId) and "上报隐患".
 * The button opens the report form for this device (`?equipmentId=`), which fills in the device, its use unit and territory.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { hazardStatusLabels, type HazardStatus } from '../../../domains/equipment-safety/hazards/hazard-enums';
import { useI18n } from '../../lib/i18n';
import { useCan } from '../auth/api';
import { useDeviceHazards } from './api';

export function DeviceHazardsCard({ deviceId }: { deviceId: string }) {
  const { t, label } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const query = useDeviceHazards(deviceId);
  const items = query.data?.items ?? [];
  return (
    <Card
      size="small"
      title={t('相关隐患', 'Hazards')}
      extra={
        can('safety.report_hazard') ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => navigate(`/safety/hazards/new?equipmentId=${deviceId}`)} data-testid="device-report-hazard">
            {t('上报隐患', 'Report a hazard')}
          </Button>
        ) : null
      }
      data-testid="device-hazards"
    >
      {query.isError ? (
        <Typography.Text type="secondary">{t('无法加载隐患', 'Hazards unavailable')}</Typography.Text>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('该设备没有登记隐患', 'No hazard on this device')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(h) => (
            <List.Item key={h.id}>
              <Space orientation="vertical" size={0}>
                <Link to={`/safety/hazards/${h.id}`}>{h.hazardNo ?? t('（草稿）', '(draft)')}</Link>
                <Typography.Text>{h.title}</Typography.Text>
                <Space size={2}>
                  <Tag>{label(hazardStatusLabels[h.status as HazardStatus]) || h.status}</Tag>
                  {h.isOverdue && <Tag color="red">{t('逾期', 'Overdue')}</Tag>}
                </Space>
              </Space>
            </List.Item>
          )}
        />
      )}
      {(query.data?.total ?? 0) > items.length && (
        <Typography.Text type="secondary">{t(`共 ${query.data?.total} 条，显示最近 ${items.length} 条`, `${items.length} of ${query.data?.total}`)}</Typography.Text>
      )}
    </Card>
  );
}
