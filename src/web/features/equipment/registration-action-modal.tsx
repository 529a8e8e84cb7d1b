/**
 * One registration action (停用、启用、变更、过户、报废 …) as a modal sending `{action, version, …}`.
 * A stale version or a status someone else already changed (409) closes the modal with a clear
 * message and reloads the device; other refusals (e.g. "须检验合格后方可启用") stay in the modal.
 */
import { Alert, App, Form, Modal } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { registrationActionLabels, type RegistrationAction } from '../../../domains/equipment-safety/equipment/enums';
import type { DeviceDetail } from '../../../domains/equipment-safety/equipment/view-schema';
import { apiErrorText, isStaleVersion, showFormError } from '../../components/ui/form-error';
import { ModalFooter } from '../../components/ui/modal-footer';
import { ApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useRegistrationAction } from './api';
import { actionDateField, buildRegistrationAction, type RegistrationFormValues } from './device-payload';
import { RegistrationFields } from './registration-fields';

export type RegistrationActionModalProps = { device: DeviceDetail; action: RegistrationAction | null; onClose(): void; onOutdated(): void };

const dangerActions: readonly RegistrationAction[] = ['stop', 'scrap', 'cancel'];

export function RegistrationActionModal({ device, action, onClose, onOutdated }: RegistrationActionModalProps) {
  const { label } = useI18n();
  return (
    <Modal open={action !== null} title={action ? label(registrationActionLabels[action]) : ''} onCancel={onClose} destroyOnHidden footer={null} width={560}>
      {action && <ActionForm device={device} action={action} onClose={onClose} onOutdated={onOutdated} />}
    </Modal>
  );
}

/** 409s that mean "the device moved on under you": reload instead of retrying. */
function isOutdated(error: unknown): boolean {
  return isStaleVersion(error) || (error instanceof ApiError && error.status === 409 && error.code === 'equipment.invalid_transition');
}

function ActionForm({ device, action, onClose, onOutdated }: { device: DeviceDetail; action: RegistrationAction; onClose(): void; onOutdated(): void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RegistrationFormValues>();
  const mutation = useRegistrationAction(device.id);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async (values: RegistrationFormValues) => {
    setRefusal(null);
    try {
      const updated = await mutation.mutateAsync(buildRegistrationAction(action, device.version, values));
      message.success(t(`已办理${label(registrationActionLabels[action])}，设备状态：${updated.statusLabel}`, `${label(registrationActionLabels[action])}: done`));
      onClose();
    } catch (error) {
      if (isOutdated(error)) {
        message.warning(t('设备信息已被他人修改，已重新加载最新数据，请核对后重新办理。', 'The device was changed by someone else; reloaded, please check and try again.'));
        onClose();
        onOutdated();
        return;
      }
      if (error instanceof ApiError && error.status === 409) setRefusal(apiErrorText(error, t));
      showFormError(form, error, { message, t });
    }
  };

  return (
    <>
      {refusal && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={refusal} data-testid="registration-refusal" />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ [actionDateField[action]]: dayjs() }} data-testid={`registration-form-${action}`}>
        <RegistrationFields action={action} device={device} />
      </Form>
      <ModalFooter
        onCancel={onClose}
        onOk={() => form.submit()}
        loading={mutation.isPending}
        okText={label(registrationActionLabels[action])}
        danger={dangerActions.includes(action)}
        okTestId="registration-submit"
      />
    </>
  );
}
