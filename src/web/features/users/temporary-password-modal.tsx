import { Alert, Button, Modal, Typography } from 'antd';
import { useI18n } from '../../lib/i18n';

/** Shows a generated password once, with a copy button; it is not stored anywhere readable. */
export function TemporaryPasswordModal({ value, onClose }: { value: { username: string; password: string } | null; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Modal
      open={value !== null}
      title={t('临时密码', 'Temporary password')}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose} data-testid="temp-password-close">
          {t('我已记下', 'I have noted it')}
        </Button>
      }
    >
      {value && (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('临时密码只显示这一次，请复制后安全地交给用户；用户首次登录时须修改密码。', 'This password is shown only once. Hand it over safely; the user must change it at first login.')}
          />
          <Typography.Paragraph>
            {t('用户名', 'Username')}：<Typography.Text strong>{value.username}</Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph>
            {t('临时密码', 'Temporary password')}：
            <Typography.Text code copyable={{ text: value.password, tooltips: [t('复制', 'Copy'), t('已复制', 'Copied')] }} style={{ fontSize: 18 }} data-testid="temp-password">
              {value.password}
            </Typography.Text>
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
