/**
 * 录入检验结果: kind, inspection body, report number, date and conclusion (plus grade, period set by the
 * inspector, defects). The server computes the next due date from the rules and answers with the
 * updated device; a 不合格/不得使用 conclusion is explained before saving (the device must stop).
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { inspectionConclusionLabels, inspectionConclusions, inspectionKindLabels, inspectionKinds, safetyGrades, type InspectionConclusion } from '../../../domains/equipment-safety/equipment/enums';
import { deviceDueLabels } from '../../../domains/equipment-safety/equipment/obligation-rules';
import type { DeviceDetail } from '../../../domains/equipment-safety/equipment/view-schema';
import { showFormError } from '../../components/ui/form-error';
import { ModalFooter } from '../../components/ui/modal-footer';
import { useI18n } from '../../lib/i18n';
import { useInspectionRules, useRecordInspection } from './api';
import { buildInspection, mustStopAfter, type InspectionFormValues } from './device-payload';

const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

export function InspectionFormModal({ device, open, onClose }: { device: DeviceDetail; open: boolean; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Modal open={open} title={t('录入检验结果', 'Record an inspection')} onCancel={onClose} destroyOnHidden footer={null} width={640}>
      {open && <InspectionForm device={device} onClose={onClose} />}
    </Modal>
  );
}

function InspectionForm({ device, onClose }: { device: DeviceDetail; onClose(): void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<InspectionFormValues>();
  const mutation = useRecordInspection(device.id);
  const rules = useInspectionRules();
  const conclusion = Form.useWatch('conclusion', form) as InspectionConclusion | undefined;
  const hasGrade = device.categoryCode === '2000' || device.categoryCode === '8000';
  const rectificationDays = rules.data?.settings.basicPassRectificationDays;

  const submit = async (values: InspectionFormValues) => {
    const body = buildInspection(values);
    if (device.inspectionBody && body.orgName === device.inspectionBody.name) body.orgId = device.inspectionBody.id;
    try {
      const { device: updated } = await mutation.mutateAsync(body);
      const next = updated.nextDueOn ? `${updated.nextDueOn}（${label(deviceDueLabels[updated.dueStatus])}）` : t('无', 'none');
      message.success(t(`已录入检验结果。下次检验日期：${next}`, `Recorded. Next due: ${next}`));
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
        initialValues={{ kind: 'periodic', orgName: device.inspectionBody?.name, inspectedOn: dayjs(), issues: [] }}
        data-testid="inspection-form"
      >
        <Flex gap={12} wrap>
          <Form.Item name="kind" label={t('检验类别', 'Kind')} rules={[{ required: true }]} style={{ flex: '1 1 200px' }}>
            <Select options={inspectionKinds.map((k) => ({ value: k, label: label(inspectionKindLabels[k]) }))} data-testid="inspection-kind" />
          </Form.Item>
          <Form.Item name="inspectedOn" label={t('检验日期（结论日期）', 'Inspected on')} rules={[{ required: true, message: t('请选择检验日期', 'Choose the date') }]} style={{ flex: '1 1 200px' }}>
            <DatePicker disabledDate={notFuture} style={{ width: '100%' }} data-testid="inspection-date" />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="orgName" label={t('检验机构', 'Inspection body')} rules={[{ required: true, whitespace: true, message: t('请填写检验机构', 'Enter the inspection body') }]} style={{ flex: '1 1 260px' }}>
            <Input maxLength={200} data-testid="inspection-org" />
          </Form.Item>
          <Form.Item name="reportNo" label={t('报告编号', 'Report no.')} rules={[{ required: true, whitespace: true, message: t('请填写报告编号', 'Enter the report number') }]} style={{ flex: '1 1 200px' }}>
            <Input maxLength={64} data-testid="inspection-report-no" />
          </Form.Item>
        </Flex>
        <Form.Item name="conclusion" label={t('检验结论', 'Conclusion')} rules={[{ required: true, message: t('请选择检验结论', 'Choose the conclusion') }]}>
          <Radio.Group optionType="button" buttonStyle="solid">
            {inspectionConclusions.map((c) => (
              <Radio.Button key={c} value={c}>
                <span data-testid={`inspection-conclusion-${c}`}>{label(inspectionConclusionLabels[c])}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        {mustStopAfter(conclusion) && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="inspection-must-stop"
            title={t('结论为不合格/不得使用：设备须立即停止使用', 'Failed: the device must stop')}
            description={t('使用单位应整改并申请复检，复检合格前不得使用；系统将标记“须停止使用”并生成复检义务。', 'The using unit rectifies and applies for re-inspection; the device is flagged and a re-inspection is due.')}
          />
        )}
        {conclusion === 'basic_pass' && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t(`基本合格：所列问题须在 ${rectificationDays ?? '规定'} 日内整改（期限可在检验周期规则中配置）。`, 'Basic pass: the listed defects must be rectified.')}
          />
        )}
        <Flex gap={12} wrap>
          {hasGrade && (
            <Form.Item name="safetyGrade" label={t('安全状况等级', 'Safety grade')} style={{ flex: '1 1 140px' }}>
              <Select allowClear options={safetyGrades.map((g) => ({ value: g, label: t(`${g} 级`, `Grade ${g}`) }))} />
            </Form.Item>
          )}
          <Form.Item name="periodMonths" label={t('检验机构确定的周期（月）', 'Period set by inspector (months)')} style={{ flex: '1 1 160px' }}>
            <InputNumber min={1} max={180} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="nextDueOn" label={t('报告所载下次检验日期', 'Next due on the report')} extra={t('仅供核对，系统按规则计算', 'For comparison; the system computes it')} style={{ flex: '1 1 180px' }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="bookedOn" label={t('报检日期', 'Booked on')} style={{ flex: '1 1 160px' }}>
            <DatePicker disabledDate={notFuture} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="inspectors" label={t('检验人员', 'Inspectors')} style={{ flex: '2 1 260px' }}>
            <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} placeholder={t('输入姓名后回车', 'Type a name and press Enter')} />
          </Form.Item>
        </Flex>
        {device.dueStatus === 'overdue' && (
          <Form.Item name="overdueReason" label={t('超期原因', 'Reason for the late inspection')}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} />
          </Form.Item>
        )}
        <Form.List name="issues">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item name={[field.name, 'description']} style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: t('请填写问题', 'Describe the defect') }]}>
                    <Input maxLength={500} placeholder={t('整改项（问题描述）', 'Defect to rectify')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'rectifyBy']}>
                    <DatePicker placeholder={t('整改期限', 'Rectify by')} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('删除', 'Remove')} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 12 }}>
                {t('添加整改项', 'Add a defect')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      <ModalFooter onCancel={onClose} onOk={() => form.submit()} loading={mutation.isPending} danger={mustStopAfter(conclusion)} okTestId="inspection-submit" />
    </>
  );
}
