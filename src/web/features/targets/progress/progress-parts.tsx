/**
 * Parts of the progress board: one unit's items with their pace lights, the 督办 urging modal and
 * the list of reminders and urgings sent.
 */
import { App, Card, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ProgressBoard, ReportingRates } from '../../../../domains/targets/progress-schema';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { showFormError } from '../../../components/ui/form-error';
import { formatTimestamp } from '../../../components/ui/history-timeline';
import { ModalFooter } from '../../../components/ui/modal-footer';
import { api } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useNotices, useTargetsWrite, type Notice } from '../api';
import { sourceLabels } from '../targets-format';
import { PaceLight } from '../targets-ui';

export type ProgressRow = ReportingRates['units'][number] & { green: number; yellow: number; red: number; none: number; behind: boolean };

type Cell = ProgressBoard['cells'][number];

/** The items of one unit from the board: value, source, expected value and light; red ones first. */
export function UnitItemsTable({ board, planUnitId }: { board: ProgressBoard; planUnitId: string }) {
  const { t, label } = useI18n();
  const indicators = new Map(board.indicators.map((i) => [i.id, i]));
  const order = { red: 0, yellow: 1, green: 2 } as const;
  const cells = board.cells.filter((c) => c.planUnitId === planUnitId).sort((a, b) => (a.pace.status ? order[a.pace.status] : 3) - (b.pace.status ? order[b.pace.status] : 3));
  return (
    <Table<Cell>
      rowKey="assignmentId"
      size="small"
      pagination={cells.length > 15 ? { pageSize: 15 } : false}
      dataSource={cells}
      columns={[
        { key: 'indicator', title: t('指标', 'Indicator'), render: (_, c) => `${indicators.get(c.indicatorId)?.code ?? ''} ${indicators.get(c.indicatorId)?.name ?? ''}` },
        { key: 'value', title: t('当前值', 'Value'), render: (_, c) => c.valueText },
        { key: 'source', title: t('来源', 'Source'), render: (_, c) => (c.source ? label(sourceLabels[c.source]) : '—') },
        { key: 'pace', title: t('序时进度', 'Pace'), render: (_, c) => <PaceLight pace={c.pace} showExpected /> },
      ]}
    />
  );
}

type UrgeValues = { message: string };

export function UrgingModal({ planId, open, units, periodKey, onClose }: { planId: string; open: boolean; units: ProgressRow[]; periodKey: string | undefined; onClose(sent: boolean): void }) {
  const { t } = useI18n();
  return (
    <Modal open={open} title={t('发督办通知', 'Send urging notices')} onCancel={() => onClose(false)} footer={null} destroyOnHidden>
      {open && <UrgingForm planId={planId} units={units} periodKey={periodKey} onClose={onClose} />}
    </Modal>
  );
}

function UrgingForm({ planId, units, periodKey, onClose }: { planId: string; units: ProgressRow[]; periodKey: string | undefined; onClose(sent: boolean): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<UrgeValues>();
  const send = useTargetsWrite((v: UrgeValues) => api.post<{ sent: number; skipped: number }>(`/targets/plans/${planId}/urgings`, { orgUnitIds: units.map((u) => u.orgUnitId), message: v.message, ...(periodKey ? { periodKey } : {}) }));
  const submit = async (v: UrgeValues) => {
    try {
      const result = await send.mutateAsync(v);
      message.success(t(`已发送 ${result.sent} 份督办通知${result.skipped > 0 ? `，${result.skipped} 个单位今日已督办过` : ''}`, `${result.sent} sent`));
      onClose(true);
    } catch (error) {
      showFormError(form, error, { message, t });
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ message: t('你单位目标任务推进滞后于序时进度，请抓紧推进并按时报送进度。', 'Your targets are behind schedule; please catch up and report on time.') }} data-testid="urging-form">
      <Typography.Paragraph>
        {t('督办单位：', 'Units: ')}
        {units.map((u) => <Tag key={u.orgUnitId}>{u.orgUnitName}</Tag>)}
      </Typography.Paragraph>
      <Form.Item name="message" label={t('督办内容', 'Message')} rules={[{ required: true, min: 2, max: 1000 }]}>
        <Input.TextArea autoSize={{ minRows: 3 }} data-testid="urging-message" />
      </Form.Item>
      <ModalFooter onCancel={() => onClose(false)} onOk={() => form.submit()} loading={send.isPending} okText={t('发送', 'Send')} okTestId="urging-submit" />
    </Form>
  );
}

export function NoticesCard({ planId }: { planId: string }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const query = useNotices(planId, page);
  return (
    <Card size="small" title={t('报送提醒与督办记录', 'Reminders and urgings')}>
      <ErrorAlert error={query.error} />
      <Table<Notice>
        rowKey="id"
        size="small"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        locale={{ emptyText: t('暂无', 'None yet') }}
        pagination={{ current: page, pageSize: 10, total: query.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        data-testid="notices-table"
        columns={[
          { key: 'at', title: t('时间', 'When'), render: (_, n) => formatTimestamp(n.sentAt), width: 170 },
          { key: 'kind', title: t('类型', 'Kind'), render: (_, n) => (n.kind === 'urging' ? <Tag color="red">{t('督办', 'Urging')}</Tag> : <Tag>{t('提醒', 'Reminder')}</Tag>) },
          { key: 'unit', dataIndex: 'orgUnitName', title: t('单位', 'Unit') },
          { key: 'title', dataIndex: 'title', title: t('标题', 'Title') },
          { key: 'body', title: t('内容', 'Message'), render: (_, n) => n.body ?? '—' },
          { key: 'by', title: t('发送人', 'By'), render: (_, n) => n.sentByName ?? t('系统', 'System') },
        ]}
      />
    </Card>
  );
}
