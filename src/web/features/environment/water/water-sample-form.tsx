/**
 * Enter (or correct) a surface-water sample: section, date and the measured factors (GB 3838-2002
 * basic items). The server evaluates class, grade, main indicators and target compliance.
 */
import { App, Col, Collapse, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { WaterSample } from '../../../../domains/environment/water-schema';
import { waterFactorDefinitions, waterFactors, type WaterFactor } from '../../../../domains/environment/water-tables';
import { ModalFooter } from '../../../components/ui/modal-footer';
import { showFormError } from '../../../components/ui/form-error';
import { useI18n } from '../../../lib/i18n';
import { useCreateWaterSample, useUpdateWaterSample } from '../api';
import { waterClassNames } from '../env-labels';

export type WaterFormTarget = { mode: 'create' } | { mode: 'edit'; sample: WaterSample };
type Values = { stationId?: string; sampledOn?: Dayjs; measurements: Partial<Record<WaterFactor, number | null>>; note?: string | null };

const mainFactors: WaterFactor[] = ['pH', 'DO', 'CODMn', 'COD', 'BOD5', 'NH3N', 'TP', 'TN', 'F', 'Petroleum', 'VPhenol', 'LAS', 'Sulfide', 'FecalColiform'];
const otherFactors = waterFactors.filter((f) => !mainFactors.includes(f));

export function WaterSampleFormModal(props: { target: WaterFormTarget | null; sections: Array<{ value: string; label: string }>; onClose(): void }) {
  const { t } = useI18n();
  const { target } = props;
  return (
    <Modal
      open={target !== null}
      title={target?.mode === 'edit' ? t(`修改采样：${target.sample.stationName} ${target.sample.sampledOn}`, 'Edit sample') : t('录入水质采样', 'New water sample')}
      onCancel={props.onClose}
      footer={null}
      width={760}
      destroyOnHidden
    >
      {target && <WaterSampleForm {...props} target={target} />}
    </Modal>
  );
}

function FactorInputs({ factors }: { factors: WaterFactor[] }) {
  return (
    <Row gutter={12}>
      {factors.map((f) => (
        <Col key={f} xs={12} md={8}>
          <Form.Item name={['measurements', f]} label={`${waterFactorDefinitions[f].name}（${waterFactorDefinitions[f].unit}）`}>
            <InputNumber min={0} style={{ width: '100%' }} stringMode={false} data-testid={`water-form-${f}`} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}

function WaterSampleForm({ target, sections, onClose }: { target: WaterFormTarget; sections: Array<{ value: string; label: string }>; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateWaterSample();
  const update = useUpdateWaterSample();
  const initial: Partial<Values> =
    target.mode === 'edit'
      ? { stationId: target.sample.stationId, sampledOn: dayjs(target.sample.sampledOn), measurements: { ...target.sample.measurements }, note: target.sample.note }
      : { sampledOn: dayjs(), measurements: {} };

  const submit = async (values: Values) => {
    const measurements: Partial<Record<WaterFactor, number>> = {};
    for (const f of waterFactors) {
      const v = values.measurements?.[f];
      if (v !== null && v !== undefined) measurements[f] = v;
    }
    if (Object.keys(measurements).length === 0) {
      message.error(t('至少填写一个监测指标', 'Enter at least one factor'));
      return;
    }
    const note = values.note?.trim() ? values.note.trim() : null;
    try {
      const saved =
        target.mode === 'create'
          ? await create.mutateAsync({ stationId: values.stationId as string, sampledOn: (values.sampledOn as Dayjs).format('YYYY-MM-DD'), measurements, note })
          : await update.mutateAsync({
              id: target.sample.id,
              input: { version: target.sample.version, sampledOn: (values.sampledOn as Dayjs).format('YYYY-MM-DD'), measurements, note },
            });
      message.success(t(`已保存：${waterClassNames[saved.sectionClass]}类（${saved.qualitative}）`, `Saved: class ${waterClassNames[saved.sectionClass]}`));
      onClose();
    } catch (error) {
      showFormError(form, error, { message, t });
    }
  };

  return (
    <>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid="water-form">
        <Row gutter={12}>
          <Col xs={24} md={14}>
            <Form.Item name="stationId" label={t('监测断面', 'Section')} rules={[{ required: true, message: t('请选择断面', 'Choose a section') }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={sections} disabled={target.mode === 'edit'} data-testid="water-form-station" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="sampledOn" label={t('采样日期', 'Sampled on')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="water-form-date" />
            </Form.Item>
          </Col>
        </Row>
        <FactorInputs factors={mainFactors} />
        <Collapse size="small" style={{ marginBottom: 12 }} items={[{ key: 'more', label: t('更多指标（重金属等）', 'More factors (metals…)'), children: <FactorInputs factors={otherFactors} /> }]} />
        <Form.Item name="note" label={t('备注', 'Note')} rules={[{ max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
      </Form>
      <ModalFooter onCancel={onClose} onOk={() => form.submit()} loading={create.isPending || update.isPending} okTestId="water-form-submit" />
    </>
  );
}
