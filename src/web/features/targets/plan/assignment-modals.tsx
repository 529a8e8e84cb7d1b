/**
 * Decomposition edits: one cell of the grid (a unit's share of an indicator: weight, 确保/力争 or
 * target, lead department) created, changed or removed; and "添加被考核单位" which assigns several
 * indicators to a unit at once (`…/assignments/bulk`, answering the API's warnings).
 */
import { App, Button, Col, Flex, Form, Input, Modal, Row, Select, Spin } from 'antd';
import { useMemo } from 'react';
import { weightedIndicatorTypes } from '../../../../domains/targets/indicator-schema';
import type { PlanWarning } from '../../../../domains/targets/decomposition-rules';
import { peerGroupForKind } from '../../../../domains/targets/ranking-rules';
import type { AssignmentView, Decomposition, PlanView } from '../../../../domains/targets/plan-api-schema';
import { ConfirmAction } from '../../../components/ui/confirm-action';
import { apiErrorText, showFormError } from '../../../components/ui/form-error';
import { ModalFooter } from '../../../components/ui/modal-footer';
import { useOrgUnitOptions } from '../../../components/ui/org-unit-select';
import { api } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useAssignment, useTargetsWrite } from '../api';
import { useLeadOptions } from './indicator-form-modal';

type Indicator = Decomposition['indicators'][number];
type Unit = Decomposition['units'][number];
export type CellTarget = { indicator: Indicator; unit: Unit; assignmentId: string | null };
type CellValues = { weight?: string; lower?: string; upper?: string; target?: string; leadOrgUnitId?: string; reason?: string };

const blank = (v: string | undefined) => (v ?? '').trim();

export function CellModal({ plan, target, onClose }: { plan: PlanView; target: CellTarget | null; onClose(): void }) {
  return (
    <Modal open={target !== null} title={target ? `${target.unit.name} · ${target.indicator.code} ${target.indicator.name}` : ''} onCancel={onClose} footer={null} destroyOnHidden width={560}>
      {target && <CellForm plan={plan} target={target} onClose={onClose} />}
    </Modal>
  );
}

function CellForm({ plan, target, onClose }: { plan: PlanView; target: CellTarget; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CellValues>();
  const leads = useLeadOptions();
  const existing = useAssignment(target.assignmentId ?? undefined);
  const logged = plan.editMode === 'logged';
  const { indicator } = target;
  const weighted = (weightedIndicatorTypes as readonly string[]).includes(indicator.type);
  const city = indicator.cityTargets;

  const save = useTargetsWrite(async (v: CellValues) => {
    const reason = logged && v.reason ? { reason: v.reason } : {};
    const fields = {
      ...(weighted ? { weight: blank(v.weight) || null } : {}),
      ...(indicator.type === 'count_range' ? { lower: blank(v.lower) || null, upper: blank(v.upper) || null } : {}),
      ...(['count_target', 'base_slope', 'rate_threshold'].includes(indicator.type) ? { target: blank(v.target) || null } : {}),
      leadOrgUnitId: v.leadOrgUnitId ?? null,
    };
    if (existing.data) return api.patch<AssignmentView>(`/targets/assignments/${existing.data.id}`, { version: existing.data.version, ...fields, ...reason });
    const created = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null));
    return api.post<AssignmentView>(`/targets/plans/${plan.id}/assignments`, { indicatorId: indicator.id, orgUnitId: target.unit.orgUnitId, ...created, ...reason });
  });
  const remove = useTargetsWrite((reason: string) => {
    const a = existing.data as AssignmentView;
    return api.del(`/targets/assignments/${a.id}?version=${a.version}${reason ? `&reason=${encodeURIComponent(reason)}` : ''}`);
  });

  if (target.assignmentId && !existing.data) return <Spin />;
  const o = existing.data?.overrides;
  const initial: CellValues = {
    weight: o?.weight ?? undefined,
    lower: o?.lower ?? undefined,
    upper: o?.upper ?? undefined,
    target: o?.target ?? undefined,
    leadOrgUnitId: o?.leadOrgUnitId ?? undefined,
  };
  const optional = (v: string | undefined) => !v || /^-?\d{1,12}(\.\d{1,4})?$/.test(v.trim());
  const decimal = { validator: (_: unknown, v: string | undefined) => (optional(v) ? Promise.resolve() : Promise.reject(new Error(t('须为数字', 'Must be a number')))) };

  const submit = async (v: CellValues) => {
    try {
      await save.mutateAsync(v);
      message.success(t('已保存分解', 'Saved'));
      onClose();
    } catch (error) {
      showFormError(form, error, { message, t });
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid="cell-form">
      <Row gutter={12}>
        {weighted && (
          <Col xs={8}>
            <Form.Item name="weight" label={t('本单位权重', 'Weight')} extra={t(`空 = 标准分 ${indicator.weight ?? '—'}`, `empty = ${indicator.weight ?? '—'}`)} rules={[decimal]}>
              <Input suffix="分" data-testid="cell-weight" />
            </Form.Item>
          </Col>
        )}
        {indicator.type === 'count_range' && (
          <>
            <Col xs={8}>
              <Form.Item name="lower" label={t('确保值', 'Floor')} extra={t(`全市 ${city.lower ?? '—'}`, `city ${city.lower ?? '—'}`)} rules={[decimal]}>
                <Input suffix={indicator.unitOfMeasure} data-testid="cell-lower" />
              </Form.Item>
            </Col>
            <Col xs={8}>
              <Form.Item name="upper" label={t('力争值', 'Aim')} extra={t(`全市 ${city.upper ?? '—'}`, `city ${city.upper ?? '—'}`)} rules={[decimal]}>
                <Input suffix={indicator.unitOfMeasure} data-testid="cell-upper" />
              </Form.Item>
            </Col>
          </>
        )}
        {['count_target', 'base_slope', 'rate_threshold'].includes(indicator.type) && (
          <Col xs={8}>
            <Form.Item name="target" label={indicator.type === 'rate_threshold' ? t('门槛值', 'Threshold') : t('目标值', 'Target')} extra={t(`全市 ${city.target ?? city.threshold ?? '—'}`, `city ${city.target ?? city.threshold ?? '—'}`)} rules={[decimal]}>
              <Input suffix={indicator.unitOfMeasure} data-testid="cell-target" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24}>
          <Form.Item name="leadOrgUnitId" label={t('本单位此项的牵头部门', 'Lead department for this unit')} extra={t('空 = 与指标相同', 'empty = same as the indicator')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={leads.options} />
          </Form.Item>
        </Col>
      </Row>
      {logged && (
        <Form.Item name="reason" label={t('变更原因', 'Reason')} rules={[{ required: true, min: 2, max: 500 }]}>
          <Input data-testid="cell-reason" />
        </Form.Item>
      )}
      <Flex justify="space-between" align="center">
        {existing.data ? (
          <ConfirmAction
            label={t('取消分解', 'Remove')}
            danger
            requireReason={logged}
            title={t('取消此单位的这项指标？已有报送时不能取消。', 'Remove this item? Not possible once reported.')}
            onConfirm={async (reason) => {
              try {
                await remove.mutateAsync(reason);
                message.success(t('已取消分解', 'Removed'));
                onClose();
              } catch (error) {
                message.error(apiErrorText(error, t));
                throw error;
              }
            }}
            testId="cell-remove"
          />
        ) : (
          <span />
        )}
        <ModalFooter onCancel={onClose} onOk={() => form.submit()} loading={save.isPending} okTestId="cell-submit" />
      </Flex>
    </Form>
  );
}

type AddValues = { orgUnitId: string; indicatorIds: string[]; reason?: string };

export function AddUnitModal({ plan, data, open, onClose }: { plan: PlanView; data: Decomposition; open: boolean; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Modal open={open} title={t('添加被考核单位并分解指标', 'Assess a unit')} onCancel={onClose} footer={null} destroyOnHidden width={640}>
      {open && <AddUnitForm plan={plan} data={data} onClose={onClose} />}
    </Modal>
  );
}

function AddUnitForm({ plan, data, onClose }: { plan: PlanView; data: Decomposition; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const orgs = useOrgUnitOptions();
  const logged = plan.editMode === 'logged';
  const present = useMemo(() => new Set(data.units.map((u) => u.orgUnitId)), [data.units]);
  const unitOptions = useMemo(
    () => (orgs.data ?? []).filter((o) => peerGroupForKind(o.kind) !== null).map((o) => ({ value: o.id, label: `${o.name}${present.has(o.id) ? t('（已在计划中）', ' (in the plan)') : ''}` })),
    [orgs.data, present, t],
  );
  const save = useTargetsWrite((v: AddValues) =>
    api.post<{ created: number; updated: number; unchanged: number; warnings: PlanWarning[] }>(`/targets/plans/${plan.id}/assignments/bulk`, {
      items: v.indicatorIds.map((indicatorId) => ({ indicatorId, orgUnitId: v.orgUnitId })),
      ...(logged && v.reason ? { reason: v.reason } : {}),
    }),
  );

  const submit = async (v: AddValues) => {
    try {
      const result = await save.mutateAsync(v);
      message.success(t(`已分解 ${result.created} 项（未变 ${result.unchanged} 项）`, `${result.created} items assigned`));
      const warnings = result.warnings.filter((w) => w.severity === 'warning');
      if (warnings.length > 0) message.warning(t(`分解提示 ${warnings.length} 条，见表格上方`, `${warnings.length} decomposition warnings above the grid`), 6);
      onClose();
    } catch (error) {
      showFormError(form, error, { message, t });
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ indicatorIds: [] }} data-testid="add-unit-form">
      <Form.Item name="orgUnitId" label={t('被考核单位（部门、镇街、园区）', 'Unit (department, township, park)')} rules={[{ required: true }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions} loading={orgs.isLoading} data-testid="add-unit-org" />
      </Form.Item>
      <Form.Item label={t('分解的指标', 'Indicators')} required>
        <Flex gap={8} align="start">
          <Form.Item name="indicatorIds" noStyle rules={[{ required: true, type: 'array', min: 1, message: t('至少选择一项指标', 'Choose at least one') }]}>
            <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={data.indicators.map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))} style={{ flex: 1 }} maxTagCount={8} data-testid="add-unit-indicators" />
          </Form.Item>
          <Button onClick={() => form.setFieldValue('indicatorIds', data.indicators.map((i) => i.id))}>{t('全选', 'All')}</Button>
        </Flex>
      </Form.Item>
      {logged && (
        <Form.Item name="reason" label={t('变更原因', 'Reason')} rules={[{ required: true, min: 2, max: 500 }]}>
          <Input />
        </Form.Item>
      )}
      <ModalFooter onCancel={onClose} onOk={() => form.submit()} loading={save.isPending} okText={t('分解', 'Assign')} okTestId="add-unit-submit" />
    </Form>
  );
}
