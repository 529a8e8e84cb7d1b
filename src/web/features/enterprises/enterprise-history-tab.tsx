/**
 * 变更记录 tab: the enterprise's audit entries and the import rows that touched it, newest first,
 * each with a before/after diff of the fields in words (territory names, labels, 万元, dates).
 */
import { Alert, Pagination } from 'antd';
import { useCallback, useState } from 'react';
import { ErrorAlert } from '../../components/ui/error-alert';
import { HistoryTimeline } from '../../components/ui/history-timeline';
import { useOrgUnitOptions } from '../../components/ui/org-unit-select';
import { useI18n } from '../../lib/i18n';
import { useEnterpriseHistory } from './api';
import { enterpriseFieldText } from './enterprise-format';
import { enterpriseActionLabels, enterpriseFieldLabelMap } from './enterprise-labels';

const PAGE_SIZE = 20;

export function EnterpriseHistoryTab({ enterpriseId }: { enterpriseId: string }) {
  const { t, label } = useI18n();
  const [page, setPage] = useState(1);
  const history = useEnterpriseHistory(enterpriseId, page, PAGE_SIZE);
  const orgUnits = useOrgUnitOptions();
  const orgName = useCallback((id: string) => orgUnits.data?.find((o) => o.id === id)?.name, [orgUnits.data]);
  const formatValue = useCallback((field: string, value: unknown) => enterpriseFieldText(field, value, { label, t, orgName }), [label, t, orgName]);

  if (history.error) return <ErrorAlert error={history.error} />;
  const total = history.data?.total ?? 0;
  return (
    <div data-testid="enterprise-history">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('记录每一次新建、修改、状态变更、联系人维护和导入；点“查看变更”看字段前后对比。', 'Every creation, edit, status change, contact update and import; open "Show changes" for the field diff.')}
      />
      <HistoryTimeline
        entries={history.data?.items ?? []}
        loading={history.isLoading}
        fieldLabels={enterpriseFieldLabelMap}
        actionLabels={enterpriseActionLabels}
        formatValue={formatValue}
        testId="enterprise-history-timeline"
      />
      {total > PAGE_SIZE && <Pagination size="small" simple current={page} pageSize={PAGE_SIZE} total={total} onChange={setPage} />}
    </div>
  );
}
