/**
 * Summary cards above the equipment list, from `GET /equipment/due-summary` (counted server-side,
 * never by fetching devices): totals of the chosen territory (or the user's area), and 临期/超期 per
 * category. Clicking 临期, 超期未检 or 须停止使用 filters the list; clicking a category's numbers
 * filters by that category.
 */
import { Card, Col, Flex, Row, Skeleton, Statistic, Tag, Typography, theme } from 'antd';
import type { Query } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useCatalogue, useDueSummary, useDueSummaryByCategory } from './api';
import { registryCategoryCodes } from './equipment-format';

export type SummaryPick = { dueStatus?: 'due_soon' | 'overdue'; mustStop?: 'true'; category?: string };

type Props = {
  territoryOrgUnitId: string | undefined;
  category: string | undefined;
  dueStatus: string | undefined;
  mustStop: string | undefined;
  onPick(pick: SummaryPick): void;
};

export function DueSummaryCards({ territoryOrgUnitId, category, dueStatus, mustStop, onPick }: Props) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const base: Query = territoryOrgUnitId ? { parentOrgUnitId: territoryOrgUnitId } : {};
  const summary = useDueSummary({ ...base, ...(category ? { category } : {}) });
  const categories = category ? [] : registryCategoryCodes;
  const perCategory = useDueSummaryByCategory(categories, base);
  const catalogue = useCatalogue();
  const nameOf = (code: string) => catalogue.data?.entries.find((e) => e.code === code)?.name ?? code;

  if (summary.isLoading || !summary.data) return <Skeleton active paragraph={{ rows: 2 }} />;
  const c = summary.data.totals;
  const clickable = (active: boolean) => ({ cursor: 'pointer', borderColor: active ? token.colorPrimary : undefined });
  const cards = [
    { key: 'total', title: t('设备总数', 'Devices'), value: c.total },
    { key: 'inUse', title: t('在用', 'In use'), value: c.inUse },
    { key: 'unregistered', title: t('未登记', 'Unregistered'), value: c.unregistered },
    { key: 'dueSoon', title: t(`临期（${summary.data.warningDays} 日内）`, `Due in ${summary.data.warningDays} d`), value: c.dueSoon, color: token.colorWarning, pick: { dueStatus: 'due_soon' as const }, active: dueStatus === 'due_soon' },
    { key: 'overdue', title: t('超期未检', 'Overdue'), value: c.overdue, color: token.colorError, pick: { dueStatus: 'overdue' as const }, active: dueStatus === 'overdue' },
    { key: 'mustStop', title: t('须停止使用', 'Must stop'), value: c.mustStop, color: token.colorError, pick: { mustStop: 'true' as const }, active: mustStop === 'true' },
  ];

  return (
    <div style={{ marginBottom: 12 }} data-testid="equipment-summary">
      <Row gutter={[8, 8]}>
        {cards.map((card) => (
          <Col key={card.key} xs={12} sm={8} lg={4}>
            <Card
              size="small"
              hoverable={Boolean(card.pick)}
              style={card.pick ? clickable(Boolean(card.active)) : undefined}
              onClick={card.pick ? () => onPick(card.active ? {} : card.pick) : undefined}
              data-testid={`equipment-summary-${card.key}`}
            >
              <Statistic title={card.title} value={card.value} styles={{ content: { color: card.value > 0 ? card.color : undefined } }} />
            </Card>
          </Col>
        ))}
      </Row>
      {categories.length > 0 && (
        <Card size="small" style={{ marginTop: 8 }} styles={{ body: { padding: '8px 12px' } }}>
          <Flex wrap gap={8} align="center">
            <Typography.Text type="secondary">{t('按种类（临期 / 超期）：', 'By category (due soon / overdue):')}</Typography.Text>
            {categories.map((code, i) => {
              const totals = perCategory[i]?.data?.totals;
              if (!totals || totals.total === 0) return null;
              return (
                <Tag key={code} style={{ cursor: 'pointer', padding: '2px 8px' }} onClick={() => onPick({ category: code })} data-testid={`equipment-summary-category-${code}`}>
                  {nameOf(code)}{' '}
                  <Typography.Text style={{ color: totals.dueSoon > 0 ? token.colorWarning : undefined }}>{totals.dueSoon}</Typography.Text>
                  {' / '}
                  <Typography.Text style={{ color: totals.overdue > 0 ? token.colorError : undefined }}>{totals.overdue}</Typography.Text>
                </Tag>
              );
            })}
          </Flex>
        </Card>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`统计日期 ${summary.data.asOf}；临期指距到期日 ${summary.data.warningDays} 日内（可在检验周期规则中配置）`, `As of ${summary.data.asOf}`)}
      </Typography.Text>
    </div>
  );
}
