/**
 * 年终考核 /targets/plans/:id/assessment: the year-end steps (self-evaluation with evidence →
 * review by the lead department → scoring → publicity with objections → final publication), the
 * self-evaluations with the reviewer's queue, and the objections. The office's buttons show only
 * to the office; units raise objections to their own result during publicity.
 */
import { Alert, Card, Steps } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { useI18n } from '../../lib/i18n';
import { useCan } from '../auth/api';
import { usePlan } from './api';
import { EvaluationsTable } from './assessment/evaluations-table';
import { ObjectionsCard, OfficeActions } from './assessment/publication-panel';
import { stageOrder } from './targets-format';
import { LoadState, PlanNav, PlanTags } from './targets-ui';

export default function AssessmentPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const can = useCan();
  const query = usePlan(id);
  if (!query.data) return <LoadState loading={query.isLoading} error={query.error} back={() => navigate('/targets')} />;
  const plan = query.data;
  const manager = can('targets.manage');
  const reviewOpen = plan.status === 'published' && plan.stage !== 'publicity' && plan.stage !== 'final';

  return (
    <>
      <PageHeader
        breadcrumb={[
          { key: 'plans', title: t('考核计划', 'Plans'), onClick: () => navigate('/targets') },
          { key: 'plan', title: plan.title, onClick: () => navigate(`/targets/plans/${id}`) },
          { key: 'assessment', title: t('年终考核', 'Assessment') },
        ]}
        title={t('年终考核：自评、审核、计分、公示与发布', 'Year-end assessment')}
        subtitle={<PlanTags plan={plan} />}
        extra={<PlanNav planId={id} current="assessment" />}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Steps
          size="small"
          current={stageOrder.indexOf(plan.stage)}
          items={[
            { title: t('自评与审核', 'Self-evaluation & review'), content: t('单位自评，牵头部门审核', 'Units evaluate, leads review') },
            { title: t('计分', 'Scoring'), content: plan.scoredAt ? t(`最近计分 ${plan.scoredAt.slice(0, 10)}`, `Scored ${plan.scoredAt.slice(0, 10)}`) : t('按规则计算得分与排名', 'Scores and ranks') },
            { title: t('公示', 'Publicity'), content: plan.publicityStartsOn ? `${plan.publicityStartsOn} ~ ${plan.publicityEndsOn}` : t('受理异议', 'Objections') },
            { title: t('正式发布', 'Published'), content: plan.finalPublishedAt ? plan.finalPublishedAt.slice(0, 10) : t('分数冻结', 'Scores frozen') },
          ]}
          data-testid="assessment-steps"
        />
        {manager && (
          <div style={{ marginTop: 12 }}>
            <OfficeActions plan={plan} />
          </div>
        )}
        {!reviewOpen && plan.status === 'published' && <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('考核结果已公示，自评与审核已结束', 'Results are public; self-evaluation and review are closed')} />}
      </Card>
      <Card size="small" title={t('年终自评与部门审核', 'Self-evaluations and reviews')} style={{ marginBottom: 12 }}>
        <EvaluationsTable planId={id} reviewer={can('targets.review') && !manager} reviewOpen={reviewOpen} />
      </Card>
      {plan.stage === 'publicity' || plan.stage === 'final' ? <ObjectionsCard plan={plan} canRaise={can('targets.report') && !manager} canResolve={manager} /> : null}
    </>
  );
}
