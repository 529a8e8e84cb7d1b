import { App, Alert, Button, Card, Descriptions, Form, Input, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { roleLabels, userFlagLabels } from '../../../shared/roles';
import { errorMessage } from '../../components/ui/error-alert';
import { useI18n } from '../../lib/i18n';
import { changePassword, meQueryKey, useMe } from './api';
import { NotificationList } from './notification-list';

export default function MePage() {
  const { data: me } = useMe();
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const client = useQueryClient();
  const [form] = Form.useForm();
  if (!me) return null;

  const onFinish = async (values: { currentPassword: string; newPassword: string }) => {
    try {
      await changePassword(values.currentPassword, values.newPassword);
      message.success(t('密码已修改，其他设备上的登录已失效', 'Password changed; other sessions were logged out'));
      form.resetFields();
      await client.invalidateQueries({ queryKey: meQueryKey });
    } catch (error) {
      message.error(errorMessage(error, t));
    }
  };

  return (
    <>
      <Card title={t('个人信息', 'My account')} style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('用户名', 'Username')}>{me.username}</Descriptions.Item>
          <Descriptions.Item label={t('姓名', 'Name')}>{me.displayName}</Descriptions.Item>
          <Descriptions.Item label={t('角色', 'Role')}>{label(roleLabels[me.role])}</Descriptions.Item>
          <Descriptions.Item label={t('所属单位', 'Org unit')}>{me.orgUnit.name}</Descriptions.Item>
          <Descriptions.Item label={t('职责', 'Duties')}>
            {me.flags.length === 0 ? '—' : me.flags.map((f) => <Tag key={f}>{label(userFlagLabels[f])}</Tag>)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('修改密码', 'Change password')} style={{ marginBottom: 16, maxWidth: 520 }}>
        {(me.mustChangePassword || params.get('mustChange')) && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('您正在使用临时密码，请先修改密码。', 'You are using a temporary password; please change it first.')} />
        )}
        <Form form={form} layout="vertical" onFinish={onFinish}>
          <Form.Item name="currentPassword" label={t('当前密码', 'Current password')} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('新密码', 'New password')}
            extra={t('至少 8 位，含大写字母、小写字母、数字、符号中的至少三类', 'At least 8 characters from three of: upper case, lower case, digits, symbols')}
            rules={[{ required: true, min: 8 }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('确认新密码', 'Confirm new password')}
            dependencies={['newPassword']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('两次输入不一致', 'The passwords differ'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('修改密码', 'Change password')}
          </Button>
        </Form>
      </Card>
      <NotificationList />
    </>
  );
}
