/**
 * The office's year-end steps (compute scores → publicity with an objection window → final
 * publication) and the objections raised during publicity: a unit raises one for its own result,
 * the office answers it. Buttons show only to those who may use them; the server decides anyway.
 */
import { CalculatorOutlined, NotificationOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Modal, Radio, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ComputeScoresResult } from '../../../../domains/targets/assessment-schema';
import type { PlanView } from '../../../../domains/targets/plan-api-schema';
import { ConfirmAction } from '../../../components/ui/confirm-action';
import { apiErrorText, showFormError } from '../../../components/ui/form-error';
import { formatTimestamp } from '../../../components/ui/history-timeline';
import { ModalFooter } from '../../../components/ui/modal-footer';
import { api } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useObjections, useTargetsWrite, type Objection } from '../api';
import { objectionStatusLabels } from '../targets-format';

export function OfficeActions({ plan }: { plan: PlanView }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [publicity, setPublicity] = useState(false);
  const compute = useTargetsWrite(() => api.post<ComputeScoresResult>(`/targets/plans/${plan.id}/scores`, {}));
  const publish = useTargetsWrite(() => api.post(`/targets/plans/${plan.id}/publication`, { version: plan.version }));
  const open = plan.status === 'published';

  return (
    <Flex wrap gap={8} align="center">
      <Button
        icon={<CalculatorOutlined />}
        type={plan.stage === 'in_progress' ? 'primary' : 'default'}
        disabled={!open || plan.stage === 'final'}
        loading={compute.isPending}
        onClick={async () => {
          try {
            const r = await compute.mutateAsync(undefined);
            message.success(t(`已计分：${r.units} 个单位、${r.items} 个事项，保存平台指标值 ${r.metricValues} 条`, `Scored ${r.units} units`));
          } catch (error) {
            message.error(apiErrorText(error, t));
          }
        }}
        data-testid="assessment-compute"
      >
        {plan.stage === 'in_progress' ? t('计分', 'Compute scores') : t('重新计分', 'Recompute')}
      </Button>
      <Button icon={<NotificationOutlined />} type={plan.stage === 'scored' ? 'primary' : 'default'} disabled={!open || (plan.stage !== 'scored' && plan.stage !== 'publicity')} onClick={() => setPublicity(true)} data-testid="assessment-publicity">
        {t('公示结果', 'Put up for publicity')}
      </Button>
      <ConfirmAction
        label={t('正式发布', 'Publish results')}
        icon={<SendOutlined />}
        disabled={plan.stage !== 'publicity'}
        disabledReason={t('须先公示，公示期满且异议处理完后才能发布', 'Publicity must be over first')}
        title={t('正式发布后分数冻结，不能再计分或审核。确定发布？', 'Scores freeze once published. Publish?')}
        buttonProps={{ type: plan.stage === 'publicity' ? 'primary' : 'default' }}
        onConfirm={async () => {
          try {
            await publish.mutateAsync(undefined);
            message.success(t('考核结果已正式发布', 'Results published'));
          } catch (error) {
            message.error(apiErrorText(error, t));
            throw error;
          }
        }}
        testId="assessment-publish"
      />
      <Modal open={publicity} title={t('公示考核结果', 'Publicity')} onCancel={() => setPublicity(false)} footer={null} destroyOnHidden>
        {publicity && <PublicityForm plan={plan} onClose={() => setPublicity(false)} />}
      </Modal>
    </Flex>
  );
}

type PublicityValues = { startsOn: Dayjs; days: number };

function PublicityForm({ plan, onClose }: { plan: PlanView; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PublicityValues>();
  const open = useTargetsWrite((v: PublicityValues) => api.post(`/targets/plans/${plan.id}/publicity`, { version: plan.version, startsOn: v.startsOn.format('YYYY-MM-DD'), days: v.days }));
  const submit = async (v: PublicityValues) => {
    try {
      await open.mutateAsync(v);
      message.success(t('已公示，开始受理异议', 'Put up for publicity'));
      onClose();
    } catch (error) {
      showFormError(form, error, { message, t });
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ startsOn: dayjs(), days: plan.config.publicityDays }} data-testid="publicity-form">
      <Typography.Paragraph type="secondary">{t('公示冻结当前排名；公示期内各单位可对本单位结果提出异议。', 'Freezes the ranking; units may object during the window.')}</Typography.Paragraph>
      <Form.Item name="startsOn" label={t('公示开始日', 'Starts on')} rules={[{ required: true }]}>
        <DatePicker allowClear={false} data-testid="publicity-starts" />
      </Form.Item>
      <Form.Item name="days" label={t('公示天数（含开始日）', 'Days (start day included)')} rules={[{ required: true }]}>
        <InputNumber min={1} max={60} precision={0} data-testid="publicity-days" />
      </Form.Item>
      <ModalFooter onCancel={onClose} onOk={() => form.submit()} loading={open.isPending} okText={t('公示', 'Publish for objections')} okTestId="publicity-submit" />
    </Form>
  );
}

export function ObjectionsCard({ plan, canRaise, canResolve }: { plan: PlanView; canRaise: boolean; canResolve: boolean }) {
  const { t, label } = useI18n();
  const query = useObjections(plan.id);
  const [raising, setRaising] = useState(false);
  const [answering, setAnswering] = useState<Objection | null>(null);
  return (
    <Card
      size="small"
      title={t('公示期异议', 'Objections')}
      extra={canRaise && plan.stage === 'publicity' ? <Button onClick={() => setRaising(true)} data-testid="objection-raise">{t('对本单位结果提出异议', 'Object to my result')}</Button> : null}
    >
      <Table<Objection>
        rowKey="id"
        size="small"
        loading={query.isFetching}
        dataSource={query.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('暂无异议', 'No objections') }}
        columns={[
          { key: 'at', title: t('提出时间', 'Raised'), render: (_, o) => formatTimestamp(o.raisedAt), width: 170 },
          { key: 'unit', dataIndex: 'orgUnitName', title: t('单位', 'Unit') },
          { key: 'indicator', title: t('指标', 'Indicator'), render: (_, o) => o.indicatorCode ?? t('总体', 'Overall') },
          { key: 'reason', dataIndex: 'reason', title: t('异议理由', 'Reason') },
          { key: 'status', title: t('状态', 'Status'), render: (_, o) => <Tag color={o.status === 'open' ? 'orange' : o.status === 'upheld' ? 'green' : 'default'}>{label(objectionStatusLabels[o.status])}</Tag> },
          { key: 'response', title: t('答复', 'Response'), render: (_, o) => o.response ?? '—' },
          ...(canResolve ? [{ key: 'actions', title: t('操作', 'Actions'), render: (_: unknown, o: Objection) => (o.status === 'open' ? <Button size="small" onClick={() => setAnswering(o)}>{t('答复', 'Answer')}</Button> : null) }] : []),
        ]}
      />
      <Modal open={raising} title={t('提出异议', 'Raise an objection')} onCancel={() => setRaising(false)} footer={null} destroyOnHidden>
        {raising && <RaiseForm planId={plan.id} onClose={() => setRaising(false)} />}
      </Modal>
      <Modal open={answering !== null} title={t('答复异议', 'Answer')} onCancel={() => setAnswering(null)} footer={null} destroyOnHidden>
        {answering && <AnswerForm objection={answering} onClose={() => setAnswering(null)} />}
      </Modal>
    </Card>
  );
}

function RaiseForm({ planId, onClose }: { planId: string; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const raise = useTargetsWrite((v: { reason: string }) => api.post(`/targets/plans/${planId}/objections`, { reason: v.reason }));
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={async (v) => {
        try {
          await raise.mutateAsync(v);
          message.success(t('已提出异议', 'Objection raised'));
          onClose();
        } catch (error) {
          showFormError(form, error, { message, t });
        }
      }}
    >
      <Form.Item name="reason" label={t('异议理由（至少 5 个字）', 'Reason (at least 5 characters)')} rules={[{ required: true, min: 5, max: 2000 }]}>
        <Input.TextArea autoSize={{ minRows: 3 }} />
      </Form.Item>
      <ModalFooter onCancel={onClose} onOk={() => form.submit()} loading={raise.isPending} okText={t('提交', 'Submit')} />
    </Form>
  );
}

function AnswerForm({ objection, onClose }: { objection: Objection; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ decision: 'upheld' | 'rejected'; response: string }>();
  const answer = useTargetsWrite((v: { decision: 'upheld' | 'rejected'; response: string }) => api.post(`/targets/objections/${objection.id}/resolution`, { version: objection.version, ...v }));
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ decision: 'rejected' }}
      onFinish={async (v) => {
        try {
          await answer.mutateAsync(v);
          message.success(t('已答复', 'Answered'));
          onClose();
        } catch (error) {
          showFormError(form, error, { message, t });
        }
      }}
    >
      <Typography.Paragraph>{objection.reason}</Typography.Paragraph>
      <Form.Item name="decision" label={t('结论', 'Decision')}>
        <Radio.Group options={[{ value: 'upheld', label: t('采纳（请经审核更正数值后重新计分）', 'Uphold (correct through review, then recompute)') }, { value: 'rejected', label: t('不予采纳', 'Reject') }]} />
      </Form.Item>
      <Form.Item name="response" label={t('答复意见', 'Response')} rules={[{ required: true, min: 2, max: 2000 }]}>
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
      <ModalFooter onCancel={onClose} onOk={() => form.submit()} loading={answer.isPending} okText={t('答复', 'Answer')} />
    </Form>
  );
}
