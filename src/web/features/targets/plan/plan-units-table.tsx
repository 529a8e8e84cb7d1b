/** The plan's assessed units (the ones the user may see): peer group, items, weight total, score so far, and the scorecard link. */
import { Button, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { PlanUnitView } from '../../../../domains/targets/plan-api-schema';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useI18n } from '../../../lib/i18n';
import { usePlanUnits } from '../api';
import { rankText, weightTotalOk } from '../targets-format';
import { GradeTag } from '../targets-ui';

export function PlanUnitsTable({ planId }: { planId: string }) {
  const { t } = useI18n();
  const query = usePlanUnits(planId);
  return (
    <>
      <ErrorAlert error={query.error} />
      <Table<PlanUnitView>
        rowKey="id"
        size="middle"
        loading={query.isFetching}
        dataSource={query.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid="plan-units"
        columns={[
          { key: 'name', title: t('单位', 'Unit'), render: (_, u) => <Link to={`/targets/units/${u.id}`} data-testid="unit-scorecard-link">{u.orgUnitName}</Link> },
          { key: 'group', dataIndex: 'peerGroupLabel', title: t('排名组别', 'Peer group') },
          { key: 'count', dataIndex: 'indicatorCount', title: t('考核事项', 'Items') },
          { key: 'weights', title: t('权重合计', 'Weights'), render: (_, u) => <Tag color={weightTotalOk(u.weightTotal) ? 'green' : 'red'}>{u.weightTotal}</Tag> },
          { key: 'total', title: t('总分', 'Total'), render: (_, u) => u.score?.total ?? '—' },
          { key: 'grade', title: t('等次', 'Grade'), render: (_, u) => (u.score ? <GradeTag grade={u.score.grade} vetoed={u.score.vetoed} /> : '—') },
          { key: 'rank', title: t('组内名次', 'Rank'), render: (_, u) => (u.score ? rankText(u.score.rank, u.score.isTied, t) : '—') },
          {
            key: 'actions',
            title: t('操作', 'Actions'),
            render: (_, u) => (
              <Link to={`/targets/units/${u.id}`}>
                <Button type="link" size="small">{t('记分卡', 'Scorecard')}</Button>
              </Link>
            ),
          },
        ]}
      />
    </>
  );
}
