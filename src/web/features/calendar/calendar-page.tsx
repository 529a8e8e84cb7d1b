/**
 * 工作日历 /safety/calendar: per year, the public holidays and adjusted working days (调休上班) the
 * platform counts working-day deadlines with (shipped arrangement or entered here), and the
 * administrator's entries, which win over the shipped data. Administrators (settings.manage) add
 * and delete entries.
 */
import { CalendarOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Modal, Radio, Row, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { dayKindLabels, dayOverrideKindLabels, dayOverrideKinds, type CalendarDayView, type CalendarOverrideView, type DayOverrideKind } from '../../../domains/calendar/schema';
import { ConfirmAction } from '../../components/ui/confirm-action';
import { ErrorAlert } from '../../components/ui/error-alert';
import { apiErrorText, showFormError } from '../../components/ui/form-error';
import { formatTimestamp } from '../../components/ui/history-timeline';
import { ModalFooter } from '../../components/ui/modal-footer';
import { PageHeader } from '../../components/ui/page-header';
import { useI18n } from '../../lib/i18n';
import { useCan } from '../auth/api';
import { useAddCalendarOverride, useCalendarOverrides, useCalendarYear, useRemoveCalendarOverride } from './api';
import { specialDays, weekdayOf, yearChoices } from './calendar-format';

const sourceLabels = { override: { zh: '管理员录入', en: 'Entered' }, package: { zh: '随系统发布', en: 'Shipped' }, weekday: { zh: '按星期', en: 'Weekday' } } as const;

export default function CalendarPage() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const canManage = can('settings.manage');
  const [year, setYear] = useState(dayjs().year());
  const [adding, setAdding] = useState(false);
  const days = useCalendarYear(year);
  const overrides = useCalendarOverrides(year);
  const remove = useRemoveCalendarOverride();

  const removeOne = async (date: string) => {
    try {
      await remove.mutateAsync(date);
      message.success(t(`已删除 ${date} 的录入`, `Removed ${date}`));
    } catch (error) {
      message.error(apiErrorText(error, t));
      throw error;
    }
  };

  return (
    <>
      <PageHeader
        title={
          <>
            <CalendarOutlined /> {t('工作日历', 'Working-day calendar')}
          </>
        }
        subtitle={t('法定节假日与调休上班日；按工作日计算的期限（如核定、复查期限）以此为准', 'Public holidays and adjusted working days used for working-day deadlines')}
        extra={
          <>
            <Select value={year} onChange={setYear} options={yearChoices(dayjs().year(), days.data?.knownYears).map((y) => ({ value: y, label: t(`${y} 年`, String(y)) }))} style={{ width: 110 }} data-testid="calendar-year" />
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="calendar-add">
                {t('录入日期', 'Add a day')}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={days.error ?? overrides.error} />
      {days.data && !days.data.isYearKnown && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t(`${year} 年尚无节假日安排，目前只能按星期推算；请在国务院公布放假安排后录入。`, `No holiday arrangement for ${year}: weekdays only.`)} />
      )}
      <Row gutter={12}>
        <Col xs={24} lg={13}>
          <Card size="small" title={t(`${year} 年节假日与调休`, `Holidays ${year}`)} style={{ marginBottom: 12 }}>
            <Table<CalendarDayView>
              rowKey="date"
              size="small"
              loading={days.isLoading}
              dataSource={specialDays(days.data?.days ?? [])}
              pagination={{ pageSize: 15, showSizeChanger: false }}
              columns={[
                { key: 'date', dataIndex: 'date', title: t('日期', 'Date') },
                { key: 'weekday', title: t('星期', 'Weekday'), render: (_: unknown, d) => weekdayOf(d.date) },
                { key: 'kind', title: t('类型', 'Kind'), render: (_: unknown, d) => <Tag color={d.kind === 'holiday' ? 'red' : 'blue'}>{label(dayKindLabels[d.kind])}</Tag> },
                { key: 'name', dataIndex: 'name', title: t('名称', 'Name'), render: (v: string | null) => v ?? '—' },
                { key: 'source', title: t('来源', 'Source'), render: (_: unknown, d) => label(sourceLabels[d.source]) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={11}>
          <Card size="small" title={t('管理员录入（优先于随系统发布的安排）', 'Entered by administrators')} data-testid="calendar-overrides">
            <Table<CalendarOverrideView>
              rowKey="date"
              size="small"
              loading={overrides.isLoading}
              dataSource={overrides.data?.items ?? []}
              pagination={false}
              locale={{ emptyText: t('本年没有录入', 'Nothing entered for this year') }}
              columns={[
                { key: 'date', dataIndex: 'date', title: t('日期', 'Date') },
                { key: 'kind', title: t('类型', 'Kind'), render: (_: unknown, o) => <Tag color={o.kind === 'holiday' ? 'red' : 'blue'}>{label(dayOverrideKindLabels[o.kind])}</Tag> },
                { key: 'name', dataIndex: 'name', title: t('名称', 'Name') },
                { key: 'createdAt', dataIndex: 'createdAt', title: t('录入时间', 'Entered'), render: (v: string) => formatTimestamp(v) },
                ...(canManage
                  ? [{ key: 'delete', title: t('操作', 'Actions'), render: (_: unknown, o: CalendarOverrideView) => <ConfirmAction danger label={t('删除', 'Delete')} title={t(`删除 ${o.date} 的录入？`, `Delete ${o.date}?`)} onConfirm={() => removeOne(o.date)} buttonProps={{ size: 'small' }} /> }]
                  : []),
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Modal open={adding} title={t('录入一天', 'Add a day')} onCancel={() => setAdding(false)} destroyOnHidden footer={null}>
        {adding && <AddDayForm year={year} onClose={() => setAdding(false)} />}
      </Modal>
    </>
  );
}

type AddValues = { date: Dayjs; kind: DayOverrideKind; name: string };

function AddDayForm({ year, onClose }: { year: number; onClose(): void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const add = useAddCalendarOverride();
  const submit = async (v: AddValues) => {
    try {
      await add.mutateAsync({ date: v.date.format('YYYY-MM-DD'), kind: v.kind, name: v.name.trim() });
      message.success(t('已录入', 'Saved'));
      onClose();
    } catch (error) {
      showFormError(form, error, { message, t });
    }
  };
  return (
    <>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'holiday', date: dayjs(`${year}-01-01`) }} data-testid="calendar-form">
        <Form.Item name="date" label={t('日期', 'Date')} rules={[{ required: true, message: t('请选择日期', 'Choose the date') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="kind" label={t('类型', 'Kind')} rules={[{ required: true }]}>
          <Radio.Group options={dayOverrideKinds.map((k) => ({ value: k, label: label(dayOverrideKindLabels[k]) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, whitespace: true, message: t('请填写名称，如“国庆节”', 'Enter a name') }]}>
          <Input maxLength={60} placeholder={t('如：国庆节', 'e.g. National Day')} />
        </Form.Item>
      </Form>
      <ModalFooter onCancel={onClose} onOk={() => form.submit()} loading={add.isPending} okTestId="calendar-submit" />
    </>
  );
}
