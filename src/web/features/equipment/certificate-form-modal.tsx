/** 登记作业人员证: person, certificate number, work item (作业项目 code and name), issue and expiry dates. */
import { App, DatePicker, Flex, Form, Input, Modal } from 'antd';
import type { DeviceDetail } from '../../../domains/equipment-safety/equipment/view-schema';
import { showFormError } from '../../components/ui/form-error';
import { ModalFooter } from '../../components/ui/modal-footer';
import { useI18n } from '../../lib/i18n';
import { useCreateCertificate } from './api';
import { buildCertificate, type CertificateFormValues } from './device-payload';

export function CertificateFormModal({ device, open, onClose }: { device: DeviceDetail; open: boolean; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Modal open={open} title={t('登记作业人员证', 'Add an operator certificate')} onCancel={onClose} destroyOnHidden footer={null} width={560}>
      {open && <CertificateForm device={device} onClose={onClose} />}
    </Modal>
  );
}

function CertificateForm({ device, onClose }: { device: DeviceDetail; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CertificateFormValues>();
  const mutation = useCreateCertificate(device.id);
  const required = (text: string) => [{ required: true, whitespace: true, message: text }];

  const submit = async (values: CertificateFormValues) => {
    try {
      const saved = await mutation.mutateAsync(buildCertificate(values));
      message.success(saved.status === 'valid' ? t('已登记作业人员证', 'Certificate added') : t(`已登记；该证${saved.status === 'expired' ? '已过期' : `将在 ${saved.daysToExpiry} 天后到期`}`, 'Added; it expires soon'));
      onClose();
    } catch (error) {
      showFormError(form, error, { message, t });
    }
  };

  return (
    <>
      <Form form={form} layout="vertical" onFinish={submit} data-testid="certificate-form">
        <Flex gap={12} wrap>
          <Form.Item name="personName" label={t('姓名', 'Name')} rules={required(t('请填写姓名', 'Enter the name'))} style={{ flex: '1 1 160px' }}>
            <Input maxLength={50} data-testid="certificate-person" />
          </Form.Item>
          <Form.Item name="idNumber" label={t('身份证号', 'ID number')} style={{ flex: '1 1 220px' }}>
            <Input maxLength={32} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="certificateNo" label={t('证书编号', 'Certificate no.')} rules={required(t('请填写证书编号', 'Enter the number'))} style={{ flex: '1 1 180px' }}>
            <Input maxLength={64} data-testid="certificate-no" />
          </Form.Item>
          <Form.Item name="workItemCode" label={t('作业项目代号', 'Work item code')} rules={required(t('请填写作业项目', 'Enter the work item'))} style={{ flex: '1 1 120px' }}>
            <Input maxLength={16} placeholder="T" data-testid="certificate-item" />
          </Form.Item>
          <Form.Item name="workItemName" label={t('作业项目名称', 'Work item')} style={{ flex: '1 1 160px' }}>
            <Input maxLength={50} placeholder={t('如：电梯修理', 'e.g. elevator repair')} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="issuedOn" label={t('发证日期', 'Issued on')} rules={[{ required: true, message: t('请选择发证日期', 'Choose the date') }]} style={{ flex: '1 1 160px' }}>
            <DatePicker style={{ width: '100%' }} data-testid="certificate-issued" />
          </Form.Item>
          <Form.Item name="expiresOn" label={t('有效期至', 'Valid until')} rules={[{ required: true, message: t('请选择有效期', 'Choose the date') }]} style={{ flex: '1 1 160px' }}>
            <DatePicker style={{ width: '100%' }} data-testid="certificate-expires" />
          </Form.Item>
          <Form.Item name="issuingAuthority" label={t('发证机关', 'Issued by')} style={{ flex: '1 1 200px' }}>
            <Input maxLength={100} />
          </Form.Item>
        </Flex>
      </Form>
      <ModalFooter onCancel={onClose} onOk={() => form.submit()} loading={mutation.isPending} okTestId="certificate-submit" />
    </>
  );
}
