/**
 * 录入维保记录: date, kind, maintenance unit (the device's by default), workers with certificate
 * numbers, notes, confirmation by the using unit. For elevators the gap since the last record is
 * shown while typing (more than 15 days is flagged).
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, DatePicker, Flex, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { maintenanceKindLabels, maintenanceKinds } from '../../../domains/equipment-safety/equipment/schema';
import type { DeviceDetail } from '../../../domains/equipment-safety/equipment/view-schema';
import { showFormError } from '../../components/ui/form-error';
import { ModalFooter } from '../../components/ui/modal-footer';
import { useI18n } from '../../lib/i18n';
import { useRecordMaintenance } from './api';
import { buildMaintenance, type MaintenanceFormValues } from './device-payload';
import { EnterpriseSelect } from './enterprise-select';
import { daysBetween } from './equipment-format';

const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');
export const ELEVATOR_MAINTENANCE_MAX_GAP_DAYS = 15;

export function MaintenanceFormModal({ device, open, onClose }: { device: DeviceDetail; open: boolean; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Modal open={open} title={t('录入维保记录', 'Record maintenance')} onCancel={onClose} destroyOnHidden footer={null} width={600}>
      {open && <MaintenanceForm device={device} onClose={onClose} />}
    </Modal>
  );
}

function MaintenanceForm({ device, onClose }: { device: DeviceDetail; onClose(): void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<MaintenanceFormValues>();
  const mutation = useRecordMaintenance(device.id);
  const maintainedOn = Form.useWatch('maintainedOn', form) as Dayjs | undefined;
  const isElevator = device.categoryCode === '3000';
  const gap = isElevator && maintainedOn && device.lastMaintainedOn ? daysBetween(device.lastMaintainedOn, maintainedOn.format('YYYY-MM-DD')) : null;

  const submit = async (values: MaintenanceFormValues) => {
    try {
      const saved = await mutation.mutateAsync(buildMaintenance(values));
      message.success(saved.isGap ? t(`已录入维保记录（距上次 ${saved.daysSincePrevious} 天，超过 15 日）`, 'Recorded (gap over 15 days)') : t('已录入维保记录', 'Maintenance recorded'));
      onClose();
    } catch (error) {
      showFormError(form, error, { message, t });
    }
  };

  return (
    <>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ maintainedOn: dayjs(), kind: isElevator ? 'half_monthly' : 'monthly', maintenanceUnitId: device.maintenanceUnitId ?? undefined, workers: [{}], isConfirmedByUsingUnit: false }}
        data-testid="maintenance-form"
      >
        <Flex gap={12} wrap>
          <Form.Item name="maintainedOn" label={t('维保日期', 'Date')} rules={[{ required: true, message: t('请选择维保日期', 'Choose the date') }]} style={{ flex: '1 1 180px' }}>
            <DatePicker disabledDate={notFuture} style={{ width: '100%' }} data-testid="maintenance-date" />
          </Form.Item>
          <Form.Item name="kind" label={t('维保类型', 'Kind')} rules={[{ required: true }]} style={{ flex: '1 1 180px' }}>
            <Select options={maintenanceKinds.map((k) => ({ value: k, label: label(maintenanceKindLabels[k]) }))} data-testid="maintenance-kind" />
          </Form.Item>
        </Flex>
        {gap !== null && gap > ELEVATOR_MAINTENANCE_MAX_GAP_DAYS && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="maintenance-gap-warning"
            title={t(`距上次维保（${device.lastMaintainedOn}）${gap} 天，超过电梯至少每 15 日维保一次的要求，将标记为维保间隔超期。`, `${gap} days since the last maintenance: more than 15.`)}
          />
        )}
        <Form.Item name="maintenanceUnitId" label={t('维保单位', 'Maintenance unit')}>
          <EnterpriseSelect style={{ width: '100%' }} />
        </Form.Item>
        <Form.List name="workers">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item
                    name={[field.name, 'name']}
                    label={index === 0 ? t('维保人员', 'Workers') : undefined}
                    style={{ flex: 1 }}
                    rules={[{ required: true, whitespace: true, message: t('请填写姓名', 'Enter the name') }]}
                  >
                    <Input maxLength={50} placeholder={t('姓名', 'Name')} data-testid="maintenance-worker-name" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'certificateNo']} label={index === 0 ? t('作业人员证编号', 'Certificate no.') : undefined} style={{ flex: 1 }}>
                    <Input maxLength={64} placeholder={t('证书编号（可选）', 'Certificate no. (optional)')} />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('删除', 'Remove')} />}
                </Flex>
              ))}
              {fields.length < 10 && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 12 }}>
                  {t('添加维保人员', 'Add a worker')}
                </Button>
              )}
            </>
          )}
        </Form.List>
        <Form.Item name="notes" label={t('维保内容/备注', 'Notes')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item name="isConfirmedByUsingUnit" valuePropName="checked">
          <Checkbox>{t('使用单位已签字确认', 'Confirmed by the using unit')}</Checkbox>
        </Form.Item>
      </Form>
      <ModalFooter onCancel={onClose} onOk={() => form.submit()} loading={mutation.isPending} okTestId="maintenance-submit" />
    </>
  );
}
