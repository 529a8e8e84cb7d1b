/**
 * 考核计划 /targets: the annual plans the user may see (the office all of them, drafts included; a
 * department or township the published plans it is assessed in or leads indicators of), with links
 * to each plan's pages; the office creates a plan (optionally copied from an earlier one).
 */
import { AimOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { PlanSummary, PlanView } from '../../../domains/targets/plan-api-schema';
import { planStatuses } from '../../../domains/targets/plan-schema';
import { showFormError } from '../../components/ui/form-error';
import { formatTimestamp } from '../../components/ui/history-timeline';
import { ListPage } from '../../components/ui/list-page';
import { ModalFooter } from '../../components/ui/modal-footer';
import { useListQuery } from '../../components/ui/use-list-query';
import { api } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useCan } from '../auth/api';
import { usePlans, useTargetsWrite } from './api';
import { planStatusLabels } from './targets-format';
import { PlanTags } from './targets-ui';

const PLAN_SORTS = ['-year', 'year', 'title', '-updatedAt'] as const;

export default function PlansPage() {
  const { t, label } = useI18n();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const list = useListQuery<PlanSummary>({ path: '/targets/plans', filterKeys: ['year', 'status'], defaultSort: '-year', allowedSorts: PLAN_SORTS });
  const { filters } = list.params;

  const columns = useMemo<ColumnsType<PlanSummary>>(
    () => [
      { key: 'year', dataIndex: 'year', title: t('年度', 'Year'), sorter: true, width: 90 },
      {
        key: 'title',
        title: t('计划', 'Plan'),
        sorter: true,
        render: (_, p) => (
          <Space orientation="vertical" size={2}>
            <Link to={`/targets/plans/${p.id}`} data-testid="plan-link">
              <Typography.Text strong>{p.title}</Typography.Text>
            </Link>
            <PlanTags plan={p} />
          </Space>
        ),
      },
      { key: 'indicators', title: t('指标', 'Indicators'), render: (_, p) => p.counts.indicators },
      { key: 'units', title: t('被考核单位', 'Units'), render: (_, p) => p.counts.units },
      { key: 'publishedAt', title: t('发布时间', 'Published'), render: (_, p) => (p.publishedAt ? formatTimestamp(p.publishedAt) : '—') },
      {
        key: 'actions',
        title: t('进入', 'Open'),
        render: (_, p) => (
          <Space size={0} wrap>
            <Link to={`/targets/plans/${p.id}`}>
              <Button type="link" size="small">{t('计划与指标', 'Plan')}</Button>
            </Link>
            {p.status !== 'draft' && (
              <>
                <Link to={`/targets/plans/${p.id}/progress`}>
                  <Button type="link" size="small">{t('督察推进', 'Progress')}</Button>
                </Link>
                <Link to={`/targets/plans/${p.id}/assessment`}>
                  <Button type="link" size="small">{t('年终考核', 'Assessment')}</Button>
                </Link>
                <Link to={`/targets/plans/${p.id}/ranking`}>
                  <Button type="link" size="small">{t('排名', 'Ranking')}</Button>
                </Link>
              </>
            )}
          </Space>
        ),
      },
    ],
    [t],
  );

  return (
    <>
      <ListPage<PlanSummary>
        title={
          <>
            <AimOutlined /> {t('考核计划', 'Assessment plans')}
          </>
        }
        subtitle={t('年度质量工作目标：指标库、目标分解、督察推进、年终考核与排名', 'Annual targets: indicators, decomposition, progress, assessment and ranking')}
        list={list}
        columns={columns}
        rowKey="id"
        testId="plans"
        searchPlaceholder={t('计划标题', 'Plan title')}
        exportPath="/targets/plans/export.xlsx"
        actions={
          can('targets.manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="plan-create-button">
              {t('新建计划', 'New plan')}
            </Button>
          ) : null
        }
        filters={
          <>
            <InputNumber
              placeholder={t('年度', 'Year')}
              min={2000}
              max={2100}
              value={filters.year ? Number(filters.year) : null}
              onChange={(v) => list.setFilter('year', v ? String(v) : undefined)}
              style={{ width: 110 }}
              data-testid="plans-filter-year"
            />
            <Select
              allowClear
              placeholder={t('状态', 'Status')}
              value={filters.status as string | undefined}
              onChange={(v: string | undefined) => list.setFilter('status', v)}
              options={planStatuses.map((s) => ({ value: s, label: label(planStatusLabels[s]) }))}
              style={{ minWidth: 120 }}
            />
          </>
        }
      />
      <Modal open={creating} title={t('新建考核计划', 'New plan')} onCancel={() => setCreating(false)} footer={null} destroyOnHidden>
        {creating && <CreatePlanForm onClose={() => setCreating(false)} />}
      </Modal>
    </>
  );
}

type CreateValues = { year: number; title: string; copyFromPlanId?: string };

function CreatePlanForm({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateValues>();
  const plans = usePlans({ pageSize: 100 });
  const create = useTargetsWrite((input: CreateValues) => api.post<PlanView>('/targets/plans', input));
  const year = new Date().getFullYear() + 1;

  const submit = async (values: CreateValues) => {
    try {
      const plan = await create.mutateAsync({ year: values.year, title: values.title, ...(values.copyFromPlanId ? { copyFromPlanId: values.copyFromPlanId } : {}) });
      message.success(t('已新建草稿计划', 'Draft plan created'));
      onClose();
      navigate(`/targets/plans/${plan.id}`);
    } catch (error) {
      showFormError(form, error, { message, t });
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ year, title: `${year}年度质量强市工作目标任务` }} data-testid="plan-create-form">
      <Form.Item name="year" label={t('年度', 'Year')} rules={[{ required: true }]}>
        <InputNumber min={2000} max={2100} style={{ width: 140 }} data-testid="plan-create-year" />
      </Form.Item>
      <Form.Item name="title" label={t('标题', 'Title')} rules={[{ required: true, min: 2, max: 200 }]}>
        <Input data-testid="plan-create-title" />
      </Form.Item>
      <Form.Item name="copyFromPlanId" label={t('复制已有计划的指标与分解（可选）', 'Copy indicators and decomposition from (optional)')}>
        <Select allowClear options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.year} · ${p.title}（第${p.planVersion}版）` }))} loading={plans.isLoading} />
      </Form.Item>
      <ModalFooter onCancel={onClose} onOk={() => form.submit()} loading={create.isPending} okText={t('创建', 'Create')} okTestId="plan-create-submit" />
    </Form>
  );
}
