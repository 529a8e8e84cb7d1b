/**
 * The plan's assessed units (the ones the user may see): peer group (the office changes it here —
 * at once on a draft, with a logged reason once published), items, weight total, score so far, and
 * the scorecard link.
 */
import { App, Button, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { peerGroupLabels } from '../../../../domains/targets/item-rules';
import type { PlanUnitView, PlanView } from '../../../../domains/targets/plan-api-schema';
import { peerGroups, type PeerGroup } from '../../../../domains/targets/plan-schema';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { apiErrorText } from '../../../components/ui/form-error';
import { useI18n } from '../../../lib/i18n';
import { usePlanUnits } from '../api';
import { rankText, weightTotalOk } from '../targets-format';
import { GradeTag } from '../targets-ui';
import { PeerGroupModal, usePeerGroupWrite, type PeerGroupChange } from './peer-group-modal';

export function PlanUnitsTable({ plan, manage }: { plan: PlanView; manage: boolean }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const query = usePlanUnits(plan.id);
  const [change, setChange] = useState<PeerGroupChange | null>(null);
  const save = usePeerGroupWrite();

  const choose = async (unit: PlanUnitView, peerGroup: PeerGroup) => {
    if (peerGroup === unit.peerGroup) return;
    if (plan.editMode === 'logged') {
      setChange({ unit, peerGroup });
      return;
    }
    try {
      await save.mutateAsync({ unit, peerGroup });
      message.success(t(`「${unit.orgUnitName}」改列${label(peerGroupLabels[peerGroup])}组排名`, `${unit.orgUnitName} moved to ${label(peerGroupLabels[peerGroup])}`));
    } catch (error) {
      message.error(apiErrorText(error, t));
    }
  };

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
          {
            key: 'group',
            title: t('排名组别', 'Peer group'),
            render: (_, u) =>
              manage ? (
                <Select<PeerGroup>
                  size="small"
                  value={u.peerGroup}
                  onChange={(g) => void choose(u, g)}
                  disabled={save.isPending}
                  options={peerGroups.map((g) => ({ value: g, label: label(peerGroupLabels[g]) }))}
                  style={{ minWidth: 120 }}
                  data-testid="unit-peer-group"
                />
              ) : (
                <span data-testid="unit-peer-group-text">{u.peerGroupLabel}</span>
              ),
          },
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
      <PeerGroupModal plan={plan} change={change} onClose={() => setChange(null)} />
    </>
  );
}
