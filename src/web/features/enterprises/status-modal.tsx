/**
 * 变更登记状态 (存续 / 注销 / 吊销 / 迁出) of one enterprise, with the date and a reason (for example
 * the deregistration notice number). Only the market-supervision bureau may do it; the detail page
 * shows the button when the API says so.
 */
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { enterpriseStatuses, enterpriseStatusLabels, type EnterpriseStatus } from '../../../domains/enterprises/enterprise-enums';
import type { EnterpriseDetail } from '../../../domains/enterprises/view-schema';
import { REASON_MAX } from '../../../shared/limits';
import { isStaleVersion, showFormError } from '../../components/ui/form-error';
import { ModalFooter } from '../../components/ui/modal-footer';
import { useI18n } from '../../lib/i18n';
import { useChangeEnterpriseStatus } from './api';
import { StaleAlert } from './stale-alert';

type Values = { status: EnterpriseStatus; effectiveOn: Dayjs; reason: string };
type Props = { enterprise: EnterpriseDetail | null; onClose(): void; onReload(): void };

export function StatusModal({ enterprise, onClose, onReload }: Props) {
  const { t } = useI18n();
  return (
    <Modal open={enterprise !== null} title={t('变更登记状态', 'Change the registration status')} onCancel={onClose} destroyOnHidden footer={null} width={520}>
      {enterprise && <StatusForm enterprise={enterprise} onClose={onClose} onReload={onReload} />}
    </Modal>
  );
}

function StatusForm({ enterprise, onClose, onReload }: { enterprise: EnterpriseDetail; onClose(): void; onReload(): void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [stale, setStale] = useState(false);
  const change = useChangeEnterpriseStatus();
  const submit = async (values: Values) => {
    try {
      await change.mutateAsync({
        id: enterprise.id,
        input: { version: enterprise.version, status: values.status, effectiveOn: values.effectiveOn.format('YYYY-MM-DD'), reason: values.reason.trim() },
      });
      message.success(t(`登记状态已改为${label(enterpriseStatusLabels[values.status])}`, 'Status changed'));
      onClose();
    } catch (error) {
      if (isStaleVersion(error)) setStale(true);
      else showFormError(form, error, { message, t });
    }
  };
  return (
    <>
      {stale && <StaleAlert title={t('该企业已被他人修改，请重新加载后再变更', 'Someone else changed this enterprise; reload and try again')} onReload={onReload} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ effectiveOn: dayjs() }} data-testid="enterprise-status-form">
        <Form.Item label={t('当前状态', 'Current status')}>{label(enterpriseStatusLabels[enterprise.status])}</Form.Item>
        <Form.Item name="status" label={t('变更为', 'New status')} rules={[{ required: true, message: t('请选择新的登记状态', 'Choose the new status') }]}>
          <Select
            options={enterpriseStatuses.filter((s) => s !== enterprise.status).map((s) => ({ value: s, label: label(enterpriseStatusLabels[s]) }))}
            data-testid="enterprise-status-select"
          />
        </Form.Item>
        <Form.Item name="effectiveOn" label={t('变化日期', 'Effective on')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('原因', 'Reason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('请填写原因（至少 2 个字），如注销公告文号', 'Give a reason (at least 2 characters)') }, { max: REASON_MAX }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={REASON_MAX} placeholder={t('如：海市监企注〔2026〕12 号注销公告', 'e.g. the notice number')} data-testid="enterprise-status-reason" />
        </Form.Item>
      </Form>
      <ModalFooter onCancel={onClose} onOk={() => form.submit()} loading={change.isPending} okDisabled={stale} okText={t('确认变更', 'Change')} okTestId="enterprise-status-submit" />
    </>
  );
}
