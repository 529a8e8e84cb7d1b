/**
 * The plan's indicator library: type, weight, lead department, data source (reported by the unit or
 * bound to a live platform metric) and the rule in plain words as the API explains it; the office
 * adds, edits and deletes indicators (with a reason once the plan is published).
 */
import { ApiOutlined, DeleteOutlined, DownloadOutlined, EditOutlined, FormOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { indicatorTypes } from '../../../../domains/targets/indicator-schema';
import { indicatorTypeLabels } from '../../../../domains/targets/item-rules';
import type { IndicatorView, PlanView } from '../../../../domains/targets/plan-api-schema';
import { ConfirmAction } from '../../../components/ui/confirm-action';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { apiErrorText } from '../../../components/ui/form-error';
import { api, exportUrl } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useIndicators, useTargetsWrite } from '../api';
import { IndicatorFormModal } from './indicator-form-modal';

export function IndicatorTable({ plan, manage }: { plan: PlanView; manage: boolean }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [q, setQ] = useState('');
  const [type, setType] = useState<string | undefined>();
  const [sourceKind, setSourceKind] = useState<string | undefined>();
  const [editing, setEditing] = useState<IndicatorView | 'new' | null>(null);
  const filters = { q: q || undefined, type, sourceKind };
  const query = useIndicators(plan.id, { ...filters, page, pageSize });
  const logged = plan.editMode === 'logged';
  const remove = useTargetsWrite((input: { id: string; version: number; reason: string }) =>
    api.del(`/targets/indicators/${input.id}?version=${input.version}${input.reason ? `&reason=${encodeURIComponent(input.reason)}` : ''}`),
  );

  const columns: ColumnsType<IndicatorView> = [
    { key: 'code', dataIndex: 'code', title: t('编码', 'Code'), width: 80, fixed: 'left' },
    {
      key: 'name',
      title: t('指标', 'Indicator'),
      width: 170,
      render: (_, i) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{i.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {i.category ? `${i.category} · ` : ''}
            {t(`分解 ${i.assignmentCount} 个单位`, `${i.assignmentCount} units`)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'type',
      title: t('类型 · 标准分', 'Type · points'),
      width: 130,
      render: (_, i) => (
        <Space orientation="vertical" size={2}>
          <Tag color={i.type === 'veto' ? 'red' : i.type === 'bonus' ? 'green' : i.type === 'deduction' ? 'orange' : 'blue'}>{label(indicatorTypeLabels[i.type])}</Tag>
          {i.weight !== null && <Typography.Text type="secondary">{t(`标准分 ${i.weight}`, `${i.weight} points`)}</Typography.Text>}
        </Space>
      ),
    },
    {
      key: 'source',
      title: t('牵头部门 · 数据来源', 'Lead · data source'),
      width: 170,
      render: (_, i) => (
        <Space orientation="vertical" size={2}>
          <span>{i.leadOrgUnitName}</span>
          {i.sourceKind === 'metric' ? (
            <Tooltip title={i.metricKey}>
              <Tag icon={<ApiOutlined />} color="geekblue">{t('平台指标', 'Live metric')}：{i.metricName ?? i.metricKey}</Tag>
            </Tooltip>
          ) : (
            <Tag icon={<FormOutlined />}>{t('单位报送', 'Reported')}</Tag>
          )}
        </Space>
      ),
    },
    { key: 'rule', title: t('计分规则', 'Scoring rule'), width: 340, render: (_, i) => <Typography.Paragraph style={{ margin: 0 }} data-testid="indicator-rule">{label(i.explanation)}</Typography.Paragraph> },
    ...(manage
      ? [
          {
            key: 'actions',
            title: t('操作', 'Actions'),
            width: 140,
            fixed: 'right' as const,
            render: (_: unknown, i: IndicatorView) => (
              <Space size={0}>
                <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(i)} data-testid="indicator-edit">
                  {t('编辑', 'Edit')}
                </Button>
                <ConfirmAction
                  label={t('删除', 'Delete')}
                  icon={<DeleteOutlined />}
                  danger
                  requireReason={logged}
                  title={t(`删除指标 ${i.code}？已有报送的指标不能删除。`, `Delete ${i.code}?`)}
                  buttonProps={{ type: 'link', size: 'small' }}
                  onConfirm={async (reason) => {
                    try {
                      await remove.mutateAsync({ id: i.id, version: i.version, reason });
                      message.success(t('已删除', 'Deleted'));
                    } catch (error) {
                      message.error(apiErrorText(error, t));
                      throw error;
                    }
                  }}
                  testId="indicator-delete"
                />
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Flex wrap gap={8} justify="space-between" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8}>
          <Input.Search allowClear placeholder={t('编码或名称', 'Code or name')} onSearch={(v) => { setQ(v.trim()); setPage(1); }} style={{ width: 220 }} />
          <Select
            allowClear
            placeholder={t('类型', 'Type')}
            value={type}
            onChange={(v: string | undefined) => { setType(v); setPage(1); }}
            options={indicatorTypes.map((ty) => ({ value: ty, label: label(indicatorTypeLabels[ty]) }))}
            style={{ minWidth: 170 }}
          />
          <Select
            allowClear
            placeholder={t('数据来源', 'Data source')}
            value={sourceKind}
            onChange={(v: string | undefined) => { setSourceKind(v); setPage(1); }}
            options={[
              { value: 'reported', label: t('单位报送', 'Reported') },
              { value: 'metric', label: t('平台指标', 'Live metric') },
            ]}
            style={{ minWidth: 130 }}
          />
        </Flex>
        <Space>
          <Button icon={<DownloadOutlined />} href={exportUrl(`/targets/plans/${plan.id}/indicators/export.xlsx`, filters)} download>
            {t('导出 Excel', 'Export Excel')}
          </Button>
          {manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="indicator-add">
              {t('新增指标', 'Add indicator')}
            </Button>
          )}
        </Space>
      </Flex>
      <ErrorAlert error={query.error} />
      <Table<IndicatorView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        data-testid="indicator-table"
        pagination={{
          current: page,
          pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50],
          showTotal: (total) => t(`共 ${total} 项`, `${total} in total`),
          onChange: (p, size) => { setPage(size !== pageSize ? 1 : p); setPageSize(size); },
        }}
      />
      <IndicatorFormModal plan={plan} target={editing} onClose={() => setEditing(null)} />
    </>
  );
}
