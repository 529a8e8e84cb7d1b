/** The change log of a published plan: every change with its reason, who, when and a field diff. */
import { Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { PlanChange } from '../../../../domains/targets/plan-api-schema';
import { ChangeDiff } from '../../../components/ui/change-diff';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { formatTimestamp } from '../../../components/ui/history-timeline';
import { useI18n } from '../../../lib/i18n';
import { usePlanChanges } from '../api';

const entityLabels: Record<PlanChange['entityType'], { zh: string; en: string }> = {
  plan: { zh: '计划', en: 'Plan' },
  indicator: { zh: '指标', en: 'Indicator' },
  assignment: { zh: '分解', en: 'Assignment' },
  period: { zh: '报送期', en: 'Period' },
  unit: { zh: '单位', en: 'Unit' },
};
const actionColors: Record<PlanChange['action'], string> = { create: 'green', update: 'blue', delete: 'red' };

export function PlanChanges({ planId }: { planId: string }) {
  const { t, label } = useI18n();
  const [page, setPage] = useState(1);
  const query = usePlanChanges(planId, page, true);
  return (
    <>
      <ErrorAlert error={query.error} />
      <Table<PlanChange>
        rowKey="id"
        size="small"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        data-testid="plan-changes"
        locale={{ emptyText: t('发布后还没有变更', 'No changes since publishing') }}
        expandable={{ expandedRowRender: (c) => <ChangeDiff before={c.before} after={c.after} />, rowExpandable: (c) => c.before !== null || c.after !== null }}
        pagination={{ current: page, pageSize: 20, total: query.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        columns={[
          { key: 'revision', dataIndex: 'revision', title: t('序号', '#'), width: 60 },
          { key: 'at', title: t('时间', 'When'), render: (_, c) => formatTimestamp(c.at), width: 170 },
          { key: 'actor', dataIndex: 'actorName', title: t('修改人', 'By'), width: 140 },
          { key: 'entity', title: t('对象', 'What'), width: 90, render: (_, c) => <Tag color={actionColors[c.action]}>{label(entityLabels[c.entityType])}</Tag> },
          { key: 'summary', dataIndex: 'summary', title: t('内容', 'Change') },
          { key: 'reason', title: t('原因', 'Reason'), render: (_, c) => <Typography.Text type="secondary">{c.reason}</Typography.Text> },
        ]}
      />
    </>
  );
}
