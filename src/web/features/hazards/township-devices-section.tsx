/**
 * Slot of the township page for the township's overdue devices (特种设备超期未检), filled by the equipment
 * module. It asks `GET /equipment/due-summary` for the township and renders nothing while that route is
 * absent (404) — no placeholder numbers. When present it shows the township's real totals and links to
 * the equipment list; the equipment module may replace this component with its own list.
 */
import { Card, Flex, Statistic, Typography, theme } from 'antd';
import { Link } from 'react-router';
import type { DueSummary } from '../../../domains/equipment-safety/equipment/view-schema';
import { useI18n } from '../../lib/i18n';
import { useOptionalQuery } from './api';

export function TownshipDevicesSection({ orgUnitId }: { orgUnitId: string }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const { data } = useOptionalQuery<DueSummary>(['/equipment', 'due-summary'], '/equipment/due-summary', { parentOrgUnitId: orgUnitId });
  if (!data) return null;
  const c = data.totals;
  return (
    <Card
      size="small"
      title={t('特种设备检验到期', 'Special-equipment inspections')}
      extra={<Link to={`/safety/equipment?territoryOrgUnitId=${orgUnitId}&dueStatus=overdue`}>{t('查看超期设备', 'Overdue devices')}</Link>}
      style={{ marginTop: 16 }}
      data-testid="township-devices"
    >
      <Flex wrap gap={24}>
        <Statistic title={t('有检验义务的设备', 'Devices due for inspection')} value={c.obligated} />
        <Statistic title={t('超期未检', 'Overdue')} value={c.overdue} styles={{ content: { color: c.overdue > 0 ? token.colorError : undefined } }} />
        <Statistic title={t(`临期（${data.warningDays} 日内）`, `Due within ${data.warningDays} d`)} value={c.dueSoon} />
        <Statistic title={t('须停止使用', 'Must stop')} value={c.mustStop} />
      </Flex>
      <Typography.Text type="secondary">{t(`统计日期 ${data.asOf}`, `As of ${data.asOf}`)}</Typography.Text>
    </Card>
  );
}
