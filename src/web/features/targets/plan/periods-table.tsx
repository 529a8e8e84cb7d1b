/**
 * The plan's reporting periods: dates, deadline, reminder days, state (upcoming / open / due /
 * closed) and, for periods that have started, the reporting and on-time rate of the units the user
 * may see. The office moves one period's deadline (a holiday, say) — logged with a reason once the
 * plan is published.
 */
import { EditOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Modal, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import type { PlanView } from '../../../../domains/targets/plan-api-schema';
import type { PeriodView, ReportingRates } from '../../../../domains/targets/progress-schema';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { showFormError } from '../../../components/ui/form-error';
import { ModalFooter } from '../../../components/ui/modal-footer';
import { api } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { usePeriods, useReportingRates, useTargetsWrite } from '../api';
import { reportingSummary } from '../plan-settings-form';

const stateLabels: Record<PeriodView['state'], { text: { zh: string; en: string }; color: string }> = {
  upcoming: { text: { zh: '未开始', en: 'Upcoming' }, color: 'default' },
  open: { text: { zh: '进行中', en: 'Open' }, color: 'blue' },
  due: { text: { zh: '待报送', en: 'Due' }, color: 'orange' },
  closed: { text: { zh: '已截止', en: 'Closed' }, color: 'default' },
};

type PeriodRate = ReportingRates['periods'][number];

function RateCell({ rate, field }: { rate: PeriodRate | undefined; field: 'ratePercent' | 'onTimeRatePercent' }) {
  const { t } = useI18n();
  if (!rate || rate.expected === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  const value = rate[field];
  const count = field === 'ratePercent' ? rate.submitted : rate.onTime;
  const tip = t(`应报 ${rate.expected}，已报 ${rate.submitted}（按时 ${rate.onTime}、逾期 ${rate.late}），未报 ${rate.missing}`, `${rate.expected} due, ${rate.submitted} in (${rate.onTime} on time, ${rate.late} late), ${rate.missing} missing`);
  const color = value === null ? undefined : Number(value) >= 100 ? 'success' : Number(value) >= 80 ? 'warning' : 'danger';
  return (
    <Tooltip title={tip}>
      <Typography.Text type={color} data-testid={`period-${field === 'ratePercent' ? 'rate' : 'on-time'}`}>
        {value}% <Typography.Text type="secondary">（{count}/{rate.expected}）</Typography.Text>
      </Typography.Text>
    </Tooltip>
  );
}

export function PeriodsTable({ plan, manage }: { plan: PlanView; manage: boolean }) {
  const { t, label } = useI18n();
  const query = usePeriods(plan.id);
  const rates = useReportingRates(plan.id, {});
  const [editing, setEditing] = useState<PeriodView | null>(null);
  const [all, setAll] = useState(false);
  const periods = query.data ?? [];
  const rateByKey = useMemo(() => new Map((rates.data?.periods ?? []).map((p) => [p.periodKey, p])), [rates.data]);
  return (
    <>
      <ErrorAlert error={query.error} />
      <Typography.Paragraph type="secondary" data-testid="periods-rule">
        {t('报送规则：', 'Rule: ')}
        {label(reportingSummary(plan.config.reporting))}
        {t('（在“计划设置”中修改；个别报送期可单独调整截止日）', ' (change it under Settings; one period’s deadline can be moved here)')}
      </Typography.Paragraph>
      <Table<PeriodView>
        rowKey="id"
        size="small"
        loading={query.isFetching}
        dataSource={all ? periods : periods.slice(0, 12)}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="periods-table"
        columns={[
          { key: 'label', dataIndex: 'label', title: t('报送期', 'Period') },
          { key: 'range', title: t('起止', 'Dates'), render: (_, p) => `${p.startsOn} ~ ${p.endsOn}` },
          { key: 'deadline', title: t('报送截止日', 'Deadline'), render: (_, p) => <span data-testid="period-deadline">{p.deadline}</span> },
          { key: 'reminders', title: t('提醒日', 'Reminders'), render: (_, p) => p.reminderDates.join('、') || '—' },
          { key: 'state', title: t('状态', 'State'), render: (_, p) => <Tag color={stateLabels[p.state].color} data-testid="period-state">{label(stateLabels[p.state].text)}</Tag> },
          { key: 'rate', title: t('报送率', 'Reported'), render: (_, p) => <RateCell rate={rateByKey.get(p.key)} field="ratePercent" /> },
          { key: 'onTime', title: t('及时率', 'On time'), render: (_, p) => <RateCell rate={rateByKey.get(p.key)} field="onTimeRatePercent" /> },
          ...(manage
            ? [
                {
                  key: 'actions',
                  title: t('操作', 'Actions'),
                  render: (_: unknown, p: PeriodView) => (
                    <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(p)} data-testid="period-edit">
                      {t('调整截止日', 'Move deadline')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {periods.length > 12 && <Button type="link" onClick={() => setAll((v) => !v)}>{all ? t('收起', 'Less') : t('全部', 'All')}</Button>}
      <Modal open={editing !== null} title={editing ? t(`调整${editing.label}的报送截止日`, `Deadline of ${editing.label}`) : ''} onCancel={() => setEditing(null)} footer={null} destroyOnHidden>
        {editing && <DeadlineForm plan={plan} period={editing} onClose={() => setEditing(null)} />}
      </Modal>
    </>
  );
}

type DeadlineValues = { deadline: Dayjs; reason?: string };

function DeadlineForm({ plan, period, onClose }: { plan: PlanView; period: PeriodView; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<DeadlineValues>();
  const logged = plan.editMode === 'logged';
  const save = useTargetsWrite((values: DeadlineValues) =>
    api.patch<PeriodView>(`/targets/periods/${period.id}`, { version: period.version, deadline: values.deadline.format('YYYY-MM-DD'), ...(logged && values.reason ? { reason: values.reason.trim() } : {}) }),
  );

  // Enter in the date input both picks the date and submits the form: send one request at a time.
  const busy = useRef(false);
  const submit = async (values: DeadlineValues) => {
    if (busy.current) return;
    busy.current = true;
    try {
      const saved = await save.mutateAsync(values);
      message.success(t(`${period.label}截止日已调整为 ${saved.deadline}`, `Deadline moved to ${saved.deadline}`));
      onClose();
    } catch (error) {
      showFormError(form, error, { message, t, fieldsByCode: { 'targets.deadline_before_period_end': ['deadline'], 'targets.change_reason_required': ['reason'] } });
    } finally {
      busy.current = false;
    }
  };

  return (
    <Form<DeadlineValues> form={form} layout="vertical" initialValues={{ deadline: dayjs(period.deadline) }} onFinish={submit} data-testid="deadline-form">
      <Typography.Paragraph type="secondary">{t(`报送期 ${period.startsOn} ~ ${period.endsOn}；截止日不能早于报送期结束日。`, `Period ${period.startsOn} – ${period.endsOn}; the deadline cannot be before its end.`)}</Typography.Paragraph>
      <Form.Item name="deadline" label={t('报送截止日', 'Deadline')} rules={[{ required: true, message: t('请选择截止日', 'Choose a date') }]}>
        <DatePicker allowClear={false} data-testid="deadline-date" />
      </Form.Item>
      {logged && (
        <Form.Item name="reason" label={t('变更原因（记入变更记录）', 'Reason (logged)')} rules={[{ required: true, min: 2, max: 500, message: t('计划已发布，须填写变更原因（至少 2 个字）', 'A reason is required') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} data-testid="deadline-reason" />
        </Form.Item>
      )}
      <ModalFooter onCancel={onClose} onOk={() => form.submit()} loading={save.isPending} okTestId="deadline-submit" />
    </Form>
  );
}
