/**
 * One workflow action of a hazard as a modal with exactly the fields its schema variant needs, sending
 * `{action, version, …}`. A stale version or a step someone else already took (409) closes the modal
 * with "已被他人处理，请刷新" and refetches the hazard; field errors go on the fields.
 */
import { App, Form, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { classifyGradeChange } from '../../../domains/equipment-safety/hazards/hazard-grade-rules';
import { hazardActionLabels, type HazardActionName } from '../../../domains/equipment-safety/hazards/hazard-enums';
import type { HazardDetail } from '../../../domains/equipment-safety/hazards/hazard-view-schema';
import { ApiError } from '../../lib/api-client';
import { showFormError } from '../../components/ui/form-error';
import { ModalFooter } from '../../components/ui/modal-footer';
import { useI18n } from '../../lib/i18n';
import { ActionFields, type ActionFormFields } from './action-fields';
import { buildActionInput, type ActionFormValues } from './action-payload';
import { useHazardAction } from './api';

type FormValues = ActionFormFields;

const day = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

function toActionValues(v: FormValues): ActionFormValues {
  return { ...v, deadline: day(v.deadline), newDeadline: day(v.newDeadline), plan: v.plan ? { ...v.plan, deadline: day(v.plan.deadline) } : undefined };
}

/** 409s that mean "the hazard moved on under you": refresh instead of retrying. */
export function isOutdated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && (error.code === 'hazard.stale_version' || error.code === 'hazard.invalid_transition');
}

export type HazardActionModalProps = { hazard: HazardDetail; action: HazardActionName | null; onClose(): void; onOutdated(): void };

export function HazardActionModal({ hazard, action, onClose, onOutdated }: HazardActionModalProps) {
  const { label } = useI18n();
  return (
    <Modal open={action !== null} title={action ? label(hazardActionLabels[action]) : ''} onCancel={onClose} destroyOnHidden footer={null} width={560}>
      {action && <ActionForm hazard={hazard} action={action} onClose={onClose} onOutdated={onOutdated} />}
    </Modal>
  );
}

function ActionForm({ hazard, action, onClose, onOutdated }: { hazard: HazardDetail; action: HazardActionName; onClose(): void; onOutdated(): void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const mutation = useHazardAction(hazard.id);
  const [uploading, setUploading] = useState(false);
  const grade = Form.useWatch('grade', form);
  const disposition = Form.useWatch('disposition', form);
  const currentGrade = hazard.grade;
  const lowering = grade !== undefined && currentGrade !== null && classifyGradeChange(currentGrade, grade) === 'lower';

  const submit = async (values: FormValues) => {
    try {
      await mutation.mutateAsync(buildActionInput(action, hazard.version, toActionValues(values)));
      message.success(t(`已${label(hazardActionLabels[action])}`, `${label(hazardActionLabels[action])}: done`));
      onClose();
    } catch (error) {
      if (isOutdated(error)) {
        message.warning(t('已被他人处理，请刷新', 'Someone else has handled this; refreshing'));
        onClose();
        onOutdated();
        return;
      }
      showFormError(form, error, { message, t });
    }
  };

  const fields = <ActionFields action={action} hazard={hazard} grade={grade} disposition={disposition} lowering={lowering} onUploading={setUploading} />;

  const initialValues: Partial<FormValues> = {
    grade: action === 'confirm' ? (hazard.grade ?? 'general') : undefined,
    disposition: action === 'reject' ? 'invalid' : undefined,
    kind: 'rectification_notice',
    level: 'county',
    basis: 'other',
    photos: [],
  };

  return (
    <>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues} data-testid={`hazard-action-form-${action}`}>
        {fields}
      </Form>
      <ModalFooter
        onCancel={onClose}
        onOk={() => form.submit()}
        loading={mutation.isPending}
        okDisabled={uploading}
        okText={label(hazardActionLabels[action])}
        danger={action === 'verify_fail' || action === 'reject' || action === 'close_by_elimination'}
        okTestId="hazard-action-submit"
      />
    </>
  );
}
