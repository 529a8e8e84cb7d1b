/**
 * Create or edit an indicator: the fields adapt to the type; a reported indicator or one bound to a
 * live platform metric (picked from the registry); evidence requirement; and a live preview of the
 * rule in plain words as the API explains it. Field errors of a 400 go on the fields.
 */
import { App, Alert, Col, Divider, Form, Input, InputNumber, Modal, Radio, Row, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { indicatorDefinitionSchema, indicatorTypes, type IndicatorDefinition, type IndicatorType } from '../../../../domains/targets/indicator-schema';
import { indicatorTypeLabels, supportsMetricBinding } from '../../../../domains/targets/item-rules';
import type { IndicatorView, PlanView } from '../../../../domains/targets/plan-api-schema';
import { apiErrorText, apiIssues, applyIssuesToForm } from '../../../components/ui/form-error';
import { ModalFooter } from '../../../components/ui/modal-footer';
import { useOrgUnitOptions } from '../../../components/ui/org-unit-select';
import { api } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useExplanation, useIndicatorTypes, useMetricOptions, useTargetsWrite } from '../api';
import { defaultFormValues, definitionIssueField, fromDefinition, toDefinition, type IndicatorFormValues } from '../indicator-form';
import { IndicatorTypeFields } from './indicator-type-fields';

type FormValues = IndicatorFormValues & { reason?: string };

export function IndicatorFormModal({ plan, target, onClose }: { plan: PlanView; target: IndicatorView | 'new' | null; onClose(): void }) {
  const { t } = useI18n();
  const title = target === 'new' ? t('新增指标', 'Add indicator') : target ? t(`编辑指标 ${target.code}`, `Edit ${target.code}`) : '';
  return (
    <Modal open={target !== null} title={title} onCancel={onClose} footer={null} width={820} destroyOnHidden>
      {target !== null && <IndicatorForm plan={plan} target={target} onClose={onClose} />}
    </Modal>
  );
}

/** The leads an indicator may have: the office, departments, the city, field stations. */
export function useLeadOptions() {
  const { data, isLoading } = useOrgUnitOptions();
  const options = useMemo(() => (data ?? []).filter((o) => ['office', 'department', 'city', 'station'].includes(o.kind)).map((o) => ({ value: o.id, label: o.name })), [data]);
  return { options, isLoading };
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function IndicatorForm({ plan, target, onClose }: { plan: PlanView; target: IndicatorView | 'new'; onClose(): void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const types = useIndicatorTypes();
  const leads = useLeadOptions();
  const logged = plan.editMode === 'logged';
  const initial = useMemo<Partial<FormValues>>(() => (target === 'new' ? defaultFormValues('count_range') : fromDefinition(target.definition as IndicatorDefinition)), [target]);
  const values = Form.useWatch([], form) as FormValues | undefined;
  const type: IndicatorType = values?.type ?? initial.type ?? 'count_range';
  const metrics = useMetricOptions(values?.sourceKind === 'metric');
  const canBind = supportsMetricBinding(type);

  // Live preview: once the definition is complete, ask the API to explain it (debounced).
  const definitionJson = useMemo(() => {
    if (!values?.type) return null;
    const parsed = indicatorDefinitionSchema.safeParse(toDefinition({ ...values, leadOrgUnitId: values.leadOrgUnitId || '00000000-0000-4000-8000-000000000000' }));
    return parsed.success ? JSON.stringify(parsed.data) : null;
  }, [values]);
  const explanation = useExplanation(useDebounced(definitionJson, 300));

  const save = useTargetsWrite(async (v: FormValues) => {
    const definition = toDefinition(v);
    const reason = logged ? v.reason : undefined;
    if (target === 'new') return api.post<IndicatorView>(`/targets/plans/${plan.id}/indicators`, { definition, sortOrder: (plan.counts.indicators + 1) * 10, ...(reason ? { reason } : {}) });
    return api.patch<IndicatorView>(`/targets/indicators/${target.id}`, { version: target.version, definition, ...(reason ? { reason } : {}) });
  });

  const submit = async (v: FormValues) => {
    try {
      await save.mutateAsync(v);
      message.success(target === 'new' ? t('已新增指标', 'Indicator added') : t('已保存', 'Saved'));
      onClose();
    } catch (error) {
      const issues = apiIssues(error).map((i) => ({ ...i, path: i.path === 'reason' ? 'reason' : definitionIssueField(i.path) }));
      if (issues.length > 0) {
        const rest = applyIssuesToForm(form, issues);
        message.error(rest.length > 0 ? rest.map((i) => i.message).join('；') : t('请检查标红的字段', 'Please check the highlighted fields'));
        return;
      }
      message.error(apiErrorText(error, t));
    }
  };

  return (
    <Form<FormValues> form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid="indicator-form">
      <Row gutter={12}>
        <Col xs={24} md={10}>
          <Form.Item name="type" label={t('指标类型', 'Type')} rules={[{ required: true }]}>
            <Select
              data-testid="indicator-type"
              onChange={(next: IndicatorType) => {
                const defaults = defaultFormValues(next);
                form.setFieldsValue({ ...defaults, ...(supportsMetricBinding(next) ? {} : { sourceKind: 'reported' }), type: next, unitOfMeasure: form.getFieldValue('unitOfMeasure') || defaults.unitOfMeasure });
              }}
              options={indicatorTypes.map((ty) => ({ value: ty, label: label(indicatorTypeLabels[ty]) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={8} md={4}>
          <Form.Item name="code" label={t('编码', 'Code')} rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{1,32}$/, message: t('字母、数字、_ . -', 'Letters, digits, _ . -') }]}>
            <Input data-testid="indicator-code" />
          </Form.Item>
        </Col>
        <Col xs={16} md={10}>
          <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, max: 200 }]}>
            <Input data-testid="indicator-name" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="category" label={t('类别（一级指标）', 'Category')}>
            <Input placeholder={t('如 质量目标', 'e.g. Quality targets')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="unitOfMeasure" label={t('计量单位', 'Unit')} rules={[{ max: 20 }]}>
            <Input data-testid="indicator-unit" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="leadOrgUnitId" label={t('考核牵头部门', 'Lead department')} rules={[{ required: true, message: t('请选择牵头部门', 'Choose the lead department') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={leads.options} loading={leads.isLoading} data-testid="indicator-lead" />
          </Form.Item>
        </Col>
      </Row>
      {types.data && <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>{t('示例：', 'Example: ')}{label(types.data.find((x) => x.type === type)?.exampleExplanation)}</Typography.Paragraph>}
      <Divider titlePlacement="start" plain>{t('计分参数', 'Scoring')}</Divider>
      <IndicatorTypeFields type={type} />
      <Divider titlePlacement="start" plain>{t('数据来源与佐证', 'Data source and evidence')}</Divider>
      <Row gutter={12}>
        <Col xs={24} md={10}>
          <Form.Item name="sourceKind" label={t('数据来源', 'Data source')}>
            <Radio.Group
              data-testid="indicator-source"
              options={[
                { value: 'reported', label: t('单位报送', 'Reported by the unit') },
                { value: 'metric', label: t('绑定平台指标（实时）', 'Live platform metric'), disabled: !canBind },
              ]}
            />
          </Form.Item>
        </Col>
        {values?.sourceKind === 'metric' && (
          <Col xs={24} md={14}>
            <Form.Item name="metricKey" label={t('平台指标', 'Metric')} rules={[{ required: true, message: t('请选择平台指标', 'Choose a metric') }]}>
              <Select
                showSearch={{ optionFilterProp: 'search' }}
                loading={metrics.isLoading}
                data-testid="indicator-metric"
                options={(metrics.data ?? []).map((m) => ({ value: m.key, search: `${m.key} ${m.name.zh} ${m.description}`, label: `${label(m.name)}（${m.unit}）` }))}
                optionRender={(o) => {
                  const m = metrics.data?.find((x) => x.key === o.value);
                  return (
                    <div>
                      <div>{o.label}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>{m ? `${m.key} · ${m.description}` : ''}</Typography.Text>
                    </div>
                  );
                }}
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={16}>
          <Form.Item name="evidenceDescription" label={t('需提交材料', 'Evidence required')} rules={[{ required: true, max: 500 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={8}>
          <Form.Item name="evidenceMaxFiles" label={t('材料上限（份）', 'Max files')} extra={t('0 表示无需材料', '0 = none')}>
            <InputNumber min={0} max={20} precision={0} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('备注', 'Note')} rules={[{ max: 1000 }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
      </Form.Item>
      {logged && (
        <Form.Item name="reason" label={t('变更原因', 'Reason for the change')} rules={[{ required: true, min: 2, max: 500, message: t('计划已发布，须填写变更原因', 'A reason is required') }]}>
          <Input data-testid="indicator-reason" />
        </Form.Item>
      )}
      <Alert
        type={explanation.data && definitionJson ? 'success' : 'info'}
        showIcon
        title={t('计分规则（预览）', 'Scoring rule (preview)')}
        description={
          <span data-testid="indicator-preview">
            {definitionJson && explanation.data ? `${label(explanation.data.explanation)}${t(`（本项最高 ${explanation.data.maxScore} 分）`, ` (at most ${explanation.data.maxScore})`)}` : t('填完必填参数后显示规则说明', 'Shown once the required fields are filled')}
          </span>
        }
        style={{ marginBottom: 8 }}
      />
      <ModalFooter onCancel={onClose} onOk={() => form.submit()} loading={save.isPending} okTestId="indicator-submit" />
    </Form>
  );
}
