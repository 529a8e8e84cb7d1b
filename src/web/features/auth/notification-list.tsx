import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, List, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { NotificationPage } from '../../../domains/notifications/schema';
import { api } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';

export function NotificationList() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { data } = useQuery({ queryKey: ['notifications'], queryFn: () => api.get<NotificationPage>('/notifications', { pageSize: 50 }) });
  const markAll = async () => {
    await api.post('/notifications/read-all');
    await client.invalidateQueries({ queryKey: ['notifications'] });
  };
  return (
    <Card
      title={<Badge count={data?.unread ?? 0} offset={[12, 0]}>{t('我的通知', 'Notifications')}</Badge>}
      extra={<Button size="small" onClick={markAll} disabled={!data?.unread}>{t('全部已读', 'Mark all read')}</Button>}
    >
      <List
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('暂无通知', 'No notifications') }}
        renderItem={(n) => (
          <List.Item
            style={{ cursor: n.link ? 'pointer' : 'default', opacity: n.readAt ? 0.6 : 1 }}
            onClick={async () => {
              if (!n.readAt) await api.post(`/notifications/${n.id}/read`);
              await client.invalidateQueries({ queryKey: ['notifications'] });
              if (n.link) navigate(n.link);
            }}
          >
            <List.Item.Meta title={n.title} description={n.body} />
            <Typography.Text type="secondary">{new Date(n.createdAt).toLocaleString()}</Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
