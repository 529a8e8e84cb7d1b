/**
 * A button that asks before it acts, optionally with a reason (停用原因 …) that goes with the action.
 *
 *   <ConfirmAction label="停用" danger title="确定停用该单位？" requireReason
 *                  onConfirm={(reason) => mutation.mutateAsync({ reason })} testId="org-deactivate" />
 *
 * `onConfirm` may return a promise: the popup stays open with a spinner until it settles and stays
 * open (showing nothing extra) when it rejects, so the caller shows the error. The reason must be
 * 2–REASON_MAX characters (the platform's limit for reasons).
 */
import { Button, Input, Popconfirm, Typography, type ButtonProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { REASON_MAX } from '../../../shared/limits';
import { useI18n } from '../../lib/i18n';

export type ConfirmActionProps = {
  label: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  onConfirm: (reason: string) => unknown;
  requireReason?: boolean;
  reasonPlaceholder?: string;
  danger?: boolean;
  icon?: ReactNode;
  disabled?: boolean;
  /** Why the button is disabled (shown as the button's tooltip). */
  disabledReason?: string;
  okText?: string;
  buttonProps?: ButtonProps;
  testId?: string;
};

const REASON_MIN = 2;

export function ConfirmAction(props: ConfirmActionProps) {
  const { label, title, description, onConfirm, requireReason, reasonPlaceholder, danger, icon, disabled, disabledReason, okText, buttonProps, testId } = props;
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const reasonOk = !requireReason || reason.trim().length >= REASON_MIN;

  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm(reason.trim());
      setOpen(false);
      setReason('');
    } catch {
      // the caller reports the error; keep the popup (and the typed reason) so the user can retry
    } finally {
      setBusy(false);
    }
  };

  return (
    <Popconfirm
      open={open}
      onOpenChange={(next) => {
        if (!busy) setOpen(next);
      }}
      title={title}
      description={
        <div style={{ maxWidth: 320 }}>
          {description && <Typography.Paragraph style={{ marginBottom: 8 }}>{description}</Typography.Paragraph>}
          {requireReason && (
            <Input.TextArea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={REASON_MAX}
              autoSize={{ minRows: 2, maxRows: 5 }}
              placeholder={reasonPlaceholder ?? t('请填写原因（至少 2 个字）', 'Reason (at least 2 characters)')}
              data-testid={testId ? `${testId}-reason` : undefined}
            />
          )}
        </div>
      }
      okText={okText ?? t('确定', 'OK')}
      cancelText={t('取消', 'Cancel')}
      okButtonProps={{ danger, disabled: !reasonOk, loading: busy, 'data-testid': testId ? `${testId}-ok` : undefined } as ButtonProps}
      onConfirm={confirm}
      disabled={disabled}
    >
      <Button danger={danger} icon={icon} disabled={disabled} title={disabled ? disabledReason : undefined} data-testid={testId} {...buttonProps}>
        {label}
      </Button>
    </Popconfirm>
  );
}
