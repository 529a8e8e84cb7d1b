import { Alert, App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { User } from '../../../domains/accounts/schema';
import { checkPasswordPolicy } from '../../../domains/accounts/rules';
import { apiErrorText, isStaleVersion } from '../../components/ui/form-error';
import { ModalFooter } from '../../components/ui/modal-footer';
import { useI18n } from '../../lib/i18n';
import { useResetPassword, type CreatedUser } from './api';

type Props = { user: User | null; onClose(): void; onDone(result: CreatedUser): void; onRefresh(): void };

/** Administrator password reset: a given password, or (left empty) a generated temporary one. */
export function ResetPasswordModal(props: Props) {
  const { t } = useI18n();
  const { user } = props;
  return (
    <Modal open={user !== null} title={user ? t(`重置 ${user.username} 的密码`, `Reset the password of ${user.username}`) : ''} onCancel={props.onClose} destroyOnHidden footer={null}>
      {user && <ResetPasswordForm {...props} user={user} />}
    </Modal>
  );
}

function ResetPasswordForm({ user, onClose, onDone, onRefresh }: Props & { user: User }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword?: string }>();
  const reset = useResetPassword();
  const [error, setError] = useState<{ text: string; stale: boolean } | null>(null);

  const submit = async ({ newPassword }: { newPassword?: string }) => {
    setError(null);
    try {
      const result = await reset.mutateAsync({ id: user.id, input: { version: user.version, ...(newPassword ? { newPassword } : {}) } });
      message.success(t('密码已重置，该用户已在所有设备上退出登录', 'Password reset; the user was logged out everywhere'));
      onDone(result);
    } catch (e) {
      setError({ text: apiErrorText(e, t), stale: isStaleVersion(e) });
    }
  };

  return (
    <>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={error.text}
          action={error.stale ? <Button size="small" onClick={onRefresh}>{t('刷新', 'Refresh')}</Button> : undefined}
        />
      )}
      <Typography.Paragraph type="secondary">
        {t('重置后该用户须在下次登录时修改密码，其现有登录全部失效。', 'The user must change the password at next login; all their sessions end.')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="newPassword"
          label={t('新密码（可不填）', 'New password (optional)')}
          extra={t('不填则生成临时密码', 'Leave empty to generate a temporary password')}
          rules={[
            {
              validator: async (_, value: string | undefined) => {
                if (!value) return;
                const problems = checkPasswordPolicy(value, user.username);
                if (problems.length > 0) throw new Error(`${t('密码不符合要求', 'Weak password')}：${problems.join('；')}`);
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-password-input" />
        </Form.Item>
      </Form>
      <ModalFooter onCancel={onClose} onOk={() => form.submit()} loading={reset.isPending} danger okText={t('重置密码', 'Reset password')} okTestId="reset-password-submit" />
    </>
  );
}
