/**
 * 我的填报 /targets/my: a township or department fills in its own items of a published plan — the
 * progress report of a period (cumulative value to date with evidence) and the year-end
 * self-evaluation — and submits them. Only the user's own unit's items are listed.
 */
import { FormOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Select, Spin, Tabs, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ui/error-alert';
import { PageHeader } from '../../components/ui/page-header';
import { useI18n } from '../../lib/i18n';
import { useMe } from '../auth/api';
import { useAssignments, usePeriods, usePlans, usePlanUnits } from './api';
import { EvaluationTab, ProgressTab } from './my/my-items';
import { PlanTags } from './targets-ui';

export default function MyReportsPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const plans = usePlans({ status: 'published', pageSize: 50 });
  const planId = params.get('plan') ?? plans.data?.items[0]?.id;
  const plan = plans.data?.items.find((p) => p.id === planId);
  const orgUnitId = me?.orgUnit.id;
  const items = useAssignments(planId, { orgUnitId, pageSize: 500 }, Boolean(orgUnitId));
  const periods = usePeriods(planId);
  const units = usePlanUnits(planId);
  const myUnit = units.data?.find((u) => u.orgUnitId === orgUnitId);
  const tab = params.get('tab') ?? 'progress';
  const set = (key: string, value: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set(key, value);
      return next;
    });

  return (
    <>
      <PageHeader
        title={
          <>
            <FormOutlined /> {t('我的填报', 'My reports')}
          </>
        }
        subtitle={me ? t(`${me.orgUnit.name}：按期报送目标进度、年终自评`, `${me.orgUnit.name}: progress reports and self-evaluation`) : undefined}
        extra={
          <Select
            value={planId}
            onChange={(v: string) => set('plan', v)}
            loading={plans.isLoading}
            placeholder={t('选择考核计划', 'Choose a plan')}
            showSearch={{ optionFilterProp: 'label' }}
            options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.year} · ${p.title}` }))}
            style={{ minWidth: 320 }}
            data-testid="my-plan"
          />
        }
      />
      <ErrorAlert error={plans.error ?? items.error} />
      {plans.data && plans.data.items.length === 0 && <Empty description={t('暂无已发布的、本单位参与的考核计划', 'No published plan assesses your unit')} />}
      {plan && (
        <Card size="small">
          <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
            <Typography.Text strong>{plan.title}</Typography.Text>
            <PlanTags plan={plan} />
            {myUnit && <Link to={`/targets/units/${myUnit.id}`} data-testid="my-scorecard-link">{t('查看本单位记分卡', 'My scorecard')}</Link>}
          </Flex>
          {!items.data || !periods.data ? (
            <Spin />
          ) : items.data.items.length === 0 ? (
            <Empty description={t('本单位不是该计划的被考核单位', 'Your unit is not assessed in this plan')} />
          ) : (
            <Tabs
              activeKey={tab}
              onChange={(key) => set('tab', key)}
              items={[
                { key: 'progress', label: t('进度报送', 'Progress reports'), children: <ProgressTab planId={plan.id} orgUnitId={orgUnitId as string} items={items.data.items} periods={periods.data} open={plan.status === 'published'} /> },
                { key: 'evaluation', label: t('年终自评', 'Self-evaluation'), children: <EvaluationTab planId={plan.id} orgUnitId={orgUnitId as string} items={items.data.items} open={plan.status === 'published' && plan.stage !== 'publicity' && plan.stage !== 'final'} /> },
              ]}
            />
          )}
        </Card>
      )}
    </>
  );
}
