/** Enter (or correct) a noise measurement: point, date, day/night Leq and night Lmax (0.1 dB). */
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { NoiseMeasurement } from '../../../../domains/environment/noise-schema';
import { showFormError } from '../../../components/ui/form-error';
import { ModalFooter } from '../../../components/ui/modal-footer';
import { useI18n } from '../../../lib/i18n';
import { useCreateNoiseMeasurement, useUpdateNoiseMeasurement } from '../api';

export type NoiseFormTarget = { mode: 'create' } | { mode: 'edit'; measurement: NoiseMeasurement };
type Values = { stationId?: string; measuredOn?: Dayjs; dayLeq?: number | null; nightLeq?: number | null; nightLmax?: number | null; note?: string | null };

export function NoiseFormModal(props: { target: NoiseFormTarget | null; points: Array<{ value: string; label: string }>; onClose(): void }) {
  const { t } = useI18n();
  const { target } = props;
  return (
    <Modal
      open={target !== null}
      title={target?.mode === 'edit' ? t(`修改监测：${target.measurement.stationName} ${target.measurement.measuredOn}`, 'Edit measurement') : t('录入噪声监测', 'New noise measurement')}
      onCancel={props.onClose}
      footer={null}
      width={560}
      destroyOnHidden
    >
      {target && <NoiseForm {...props} target={target} />}
    </Modal>
  );
}

const level = { min: 0, max: 200, step: 0.1, precision: 1, style: { width: '100%' } } as const;

function NoiseForm({ target, points, onClose }: { target: NoiseFormTarget; points: Array<{ value: string; label: string }>; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateNoiseMeasurement();
  const update = useUpdateNoiseMeasurement();
  const m = target.mode === 'edit' ? target.measurement : null;
  const initial: Values = m
    ? { stationId: m.stationId, measuredOn: dayjs(m.measuredOn), dayLeq: m.dayLeq, nightLeq: m.nightLeq, nightLmax: m.nightLmax, note: m.note }
    : { measuredOn: dayjs() };

  const submit = async (values: Values) => {
    const body = {
      measuredOn: (values.measuredOn as Dayjs).format('YYYY-MM-DD'),
      dayLeq: values.dayLeq ?? null,
      nightLeq: values.nightLeq ?? null,
      nightLmax: values.nightLmax ?? null,
      note: values.note?.trim() ? values.note.trim() : null,
    };
    try {
      const saved = m
        ? await update.mutateAsync({ id: m.id, input: { version: m.version, ...body } })
        : await create.mutateAsync({ stationId: values.stationId as string, ...body });
      const verdict = [saved.dayCompliant, saved.nightCompliant].includes(false) ? t('超标', 'exceeds') : t('达标', 'compliant');
      message.success(t(`已保存（${verdict}）`, `Saved (${verdict})`));
      onClose();
    } catch (error) {
      showFormError(form, error, { message, t });
    }
  };

  return (
    <>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid="noise-form">
        <Form.Item name="stationId" label={t('监测点位', 'Point')} rules={[{ required: true, message: t('请选择点位', 'Choose a point') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={points} disabled={Boolean(m)} data-testid="noise-form-station" />
        </Form.Item>
        <Form.Item name="measuredOn" label={t('监测日期', 'Measured on')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="dayLeq"
              label={t('昼间 Leq dB(A)', 'Day Leq dB(A)')}
              dependencies={['nightLeq']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, v) => {
                    if ((v ?? null) === null && (getFieldValue('nightLeq') ?? null) === null) throw new Error(t('至少填写昼间或夜间 Leq', 'Enter the day or night Leq'));
                  },
                }),
              ]}
            >
              <InputNumber {...level} data-testid="noise-form-day" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="nightLeq" label={t('夜间 Leq dB(A)', 'Night Leq dB(A)')}>
              <InputNumber {...level} data-testid="noise-form-night" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="nightLmax" label={t('夜间 Lmax dB(A)', 'Night Lmax dB(A)')}>
              <InputNumber {...level} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t('备注', 'Note')} rules={[{ max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
      </Form>
      <ModalFooter onCancel={onClose} onOk={() => form.submit()} loading={create.isPending || update.isPending} okTestId="noise-form-submit" />
    </>
  );
}
