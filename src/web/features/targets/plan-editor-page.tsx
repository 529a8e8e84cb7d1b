/**
 * 计划编辑 /targets/plans/:id: the plan's status (draft → published → closed) with the office's
 * actions, the indicator library with each rule in plain words, the decomposition grid (units ×
 * indicators) with the API's warnings, the assessed units (peer groups) with links to their
 * scorecards, the reporting periods with deadlines and reporting rates, the plan settings (reporting,
 * pace, grades, ranking, caps, publicity) and, once published, the change log. Others see the same
 * pages read-only.
 */
import { CheckCircleOutlined, DeleteOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Card, Tabs } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { PlanView } from '../../../domains/targets/plan-api-schema';
import type { PlanWarning } from '../../../domains/targets/decomposition-rules';
import { ConfirmAction } from '../../components/ui/confirm-action';
import { apiErrorText } from '../../components/ui/form-error';
import { PageHeader } from '../../components/ui/page-header';
import { api } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useCan } from '../auth/api';
import { usePlan, useTargetsWrite } from './api';
import { DecompositionGrid } from './plan/decomposition-grid';
import { IndicatorTable } from './plan/indicator-table';
import { PeriodsTable } from './plan/periods-table';
import { PlanChanges } from './plan/plan-changes';
import { PlanSettings } from './plan/plan-settings';
import { PlanUnitsTable } from './plan/plan-units-table';
import { LoadState, PlanNav, PlanTags } from './targets-ui';

export default function PlanEditorPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const query = usePlan(id);
  const back = () => navigate('/targets');
  if (!query.data) return <LoadState loading={query.isLoading} error={query.error} back={back} backLabel={t('返回考核计划', 'Back to plans')} />;
  const plan = query.data;
  const manage = can('targets.manage') && plan.status !== 'closed';
  const tab = params.get('tab') ?? 'indicators';

  return (
    <>
      <PageHeader
        breadcrumb={[
          { key: 'plans', title: t('考核计划', 'Plans'), onClick: back },
          { key: 'plan', title: `${plan.year}` },
        ]}
        title={<span data-testid="plan-title">{plan.title}</span>}
        subtitle={<PlanTags plan={plan} />}
        extra={
          <>
            {plan.status !== 'draft' && <PlanNav planId={plan.id} current="editor" />}
            {can('targets.manage') && <PlanActions plan={plan} />}
          </>
        }
      />
      {plan.editMode === 'logged' && manage && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('计划已发布：每项修改都须填写原因，并记入变更记录', 'Published: every change needs a reason and is logged')}
        />
      )}
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams((prev) => {
            const next = new URLSearchParams(prev);
            next.set('tab', key);
            return next;
          }, { replace: true })}
          items={[
            { key: 'indicators', label: t(`指标库（${plan.counts.indicators}）`, `Indicators (${plan.counts.indicators})`), children: <IndicatorTable plan={plan} manage={manage} /> },
            ...(can('targets.manage') ? [{ key: 'decomposition', label: t('目标分解', 'Decomposition'), children: <DecompositionGrid plan={plan} manage={manage} /> }] : []),
            { key: 'units', label: t(`被考核单位（${plan.counts.units}）`, `Units (${plan.counts.units})`), children: <PlanUnitsTable plan={plan} manage={manage} /> },
            { key: 'periods', label: t('报送期', 'Periods'), children: <PeriodsTable plan={plan} manage={manage} /> },
            { key: 'settings', label: t('计划设置', 'Settings'), children: <PlanSettings plan={plan} manage={manage} /> },
            ...(plan.status !== 'draft' ? [{ key: 'changes', label: t(`变更记录（${plan.revision}）`, `Change log (${plan.revision})`), children: <PlanChanges planId={plan.id} /> }] : []),
          ]}
        />
      </Card>
    </>
  );
}

function PlanActions({ plan }: { plan: PlanView }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const transition = useTargetsWrite((action: 'publish' | 'close') => api.post<{ plan: PlanView; warnings: PlanWarning[] }>(`/targets/plans/${plan.id}/transitions`, { action, version: plan.version }));
  const remove = useTargetsWrite(() => api.del(`/targets/plans/${plan.id}?version=${plan.version}`));

  const run = async (action: 'publish' | 'close') => {
    try {
      const result = await transition.mutateAsync(action);
      message.success(action === 'publish' ? t('计划已发布', 'Plan published') : t('计划已关闭', 'Plan closed'));
      const warnings = result.warnings.filter((w) => w.severity === 'warning');
      if (warnings.length > 0) message.warning(t(`有 ${warnings.length} 条分解提示，见“目标分解”`, `${warnings.length} decomposition warnings: see Decomposition`), 6);
    } catch (error) {
      message.error(apiErrorText(error, t));
      throw error;
    }
  };

  if (plan.status === 'draft') {
    return (
      <>
        <ConfirmAction
          label={t('发布计划', 'Publish')}
          icon={<CheckCircleOutlined />}
          title={t('发布后各单位即可看到并报送；之后的修改须填原因并记入变更记录。确定发布？', 'Units see and report once published; later changes are logged. Publish?')}
          onConfirm={() => run('publish')}
          buttonProps={{ type: 'primary' }}
          testId="plan-publish"
        />
        <ConfirmAction
          label={t('删除草稿', 'Delete draft')}
          icon={<DeleteOutlined />}
          danger
          title={t('确定删除此草稿计划？', 'Delete this draft?')}
          onConfirm={async () => {
            try {
              await remove.mutateAsync(undefined);
              message.success(t('已删除', 'Deleted'));
              navigate('/targets');
            } catch (error) {
              message.error(apiErrorText(error, t));
              throw error;
            }
          }}
          testId="plan-delete"
        />
      </>
    );
  }
  if (plan.status === 'published') {
    return <ConfirmAction label={t('关闭计划', 'Close')} icon={<StopOutlined />} danger title={t('关闭后计划只读，不能再报送或修改。确定关闭？', 'A closed plan is read-only. Close?')} onConfirm={() => run('close')} testId="plan-close" />;
  }
  return null;
}
