/** The zone clicked on the map: its facts and the control rules of its tier (and zone type). */
import { Card, Descriptions, Empty, Skeleton, Table, Tag } from 'antd';
import { useMemo } from 'react';
import type { ControlRuleSetView } from '../../../../domains/environment/redline-schema';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useI18n } from '../../../lib/i18n';
import { useZone } from '../api';
import { tierColor } from '../env-labels';
import { OutcomeTag } from './control-rule-table';
import { resolveTierRules } from './rule-matrix';

export function ZoneDetailCard({ zoneId, rules }: { zoneId: string | null; rules: ControlRuleSetView | undefined }) {
  const { t } = useI18n();
  const zone = useZone(zoneId ?? undefined);
  const z = zone.data;
  const tierRules = useMemo(() => (z && rules ? resolveTierRules(rules, z.tier, z.zoneType) : []), [z, rules]);

  if (!zoneId) {
    return (
      <Card size="small" title={t('管控区详情', 'Zone details')}>
        <Empty description={t('点击地图上的管控区查看详情', 'Click a zone on the map')} />
      </Card>
    );
  }
  return (
    <Card size="small" title={z?.name ?? t('管控区详情', 'Zone details')} data-testid="zone-detail">
      <ErrorAlert error={zone.error} />
      {zone.isLoading || !z ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'code', label: t('编码', 'Code'), children: z.code },
              { key: 'type', label: t('类型', 'Type'), children: z.zoneType },
              { key: 'tier', label: t('管控级别', 'Tier'), children: <Tag color={tierColor(z.tier, rules?.tiers ?? [])}>{z.tier}</Tag> },
              { key: 'area', label: t('面积', 'Area'), children: <span data-testid="zone-detail-area">{z.areaKm2.toFixed(4)} km²</span> },
              { key: 'territory', label: t('所属辖区', 'Territory'), children: z.territoryName ? `${z.territoryName}${z.territoryCode ? `（${z.territoryCode}）` : ''}` : '—' },
              ...(z.isActive ? [] : [{ key: 'active', label: t('状态', 'Status'), children: <Tag>{t('已停用', 'Inactive')}</Tag> }]),
            ]}
          />
          <Table
            size="small"
            style={{ marginTop: 8 }}
            rowKey="projectType"
            pagination={false}
            dataSource={tierRules}
            title={() => t(`${z.tier}管控要求`, `Rules of ${z.tier}`)}
            columns={[
              { key: 'type', title: t('项目类型', 'Project type'), dataIndex: 'projectTypeLabel', width: 140 },
              { key: 'outcome', title: t('结论', 'Outcome'), render: (_, r) => <OutcomeTag outcome={r.outcome} />, width: 80 },
              { key: 'text', title: t('条文', 'Text'), dataIndex: 'text' },
            ]}
          />
        </>
      )}
    </Card>
  );
}
