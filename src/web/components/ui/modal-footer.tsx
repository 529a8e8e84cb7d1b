/**
 * Footer row for a form that lives inside a Modal body (Cancel + primary Save), used when the
 * form component mounts only while the modal is open (so each opening starts from fresh values).
 *
 *   <Modal open={…} footer={null} destroyOnHidden>{target && <MyForm … />}</Modal>
 *   // inside MyForm:  <ModalFooter onCancel={onClose} onOk={() => form.submit()} loading={busy} okTestId="x-submit" />
 */
import { Button, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n';

export type ModalFooterProps = {
  onCancel(): void;
  onOk(): void;
  loading?: boolean;
  okText?: ReactNode;
  okDisabled?: boolean;
  danger?: boolean;
  okTestId?: string;
};

export function ModalFooter({ onCancel, onOk, loading, okText, okDisabled, danger, okTestId }: ModalFooterProps) {
  const { t } = useI18n();
  return (
    <Flex justify="flex-end" gap={8} style={{ marginTop: 8 }}>
      <Button onClick={onCancel}>{t('取消', 'Cancel')}</Button>
      <Button type="primary" danger={danger} loading={loading} disabled={okDisabled} onClick={onOk} data-testid={okTestId}>
        {okText ?? t('保存', 'Save')}
      </Button>
    </Flex>
  );
}
