/** The key figures of the environment dashboard: good-day rate, water and noise compliance, red lines. */
import { Card, Col, Row, Statistic, Tooltip, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { Dashboard } from '../../../../domains/environment/dashboard-schema';
import { useI18n } from '../../../lib/i18n';
import { formatKm2, formatPercent } from '../env-labels';

type Stat = { key: string; title: string; value: string; hint: string; link?: string };

export function SummaryStats({ data }: { data: Dashboard }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const ytd = data.air.yearToDate;
  const stats: Stat[] = [
    {
      key: 'good-rate',
      title: t('优良天数比例（今年）', 'Good-day rate (YTD)'),
      value: formatPercent(ytd?.goodDayPercent),
      hint: ytd ? t(`优良 ${ytd.goodDays} 天 / 有效 ${ytd.validDays} 天`, `${ytd.goodDays} good of ${ytd.validDays} valid days`) : t('无有效天', 'No valid days'),
    },
    {
      key: 'polluted',
      title: t('污染天数（今年）', 'Polluted days (YTD)'),
      value: ytd ? String(ytd.pollutedDays) : '—',
      hint: ytd ? t(`其中重度及以上 ${ytd.heavyPollutedDays + ytd.severePollutedDays} 天`, `${ytd.heavyPollutedDays + ytd.severePollutedDays} heavy or worse`) : '',
    },
    {
      key: 'water',
      title: t('水质达标率（今年）', 'Water compliance (YTD)'),
      value: formatPercent(data.water.compliancePercent),
      hint: t(`${data.water.sections} 个断面，Ⅰ–Ⅲ类 ${formatPercent(data.water.goodPercent)}`, `${data.water.sections} sections, class Ⅰ–Ⅲ ${formatPercent(data.water.goodPercent)}`),
      link: '/environment/water',
    },
    {
      key: 'noise',
      title: t('声环境达标率（今年）', 'Noise compliance (YTD)'),
      value: formatPercent(data.noise.overall.percent),
      hint: t(`昼 ${formatPercent(data.noise.day.percent)} · 夜 ${formatPercent(data.noise.night.percent)}`, `Day ${formatPercent(data.noise.day.percent)} · night ${formatPercent(data.noise.night.percent)}`),
      link: '/environment/noise',
    },
    {
      key: 'redlines',
      title: t('生态红线保护面积', 'Protected red-line area'),
      value: `${formatKm2(data.redLines.totalKm2)} km²`,
      hint: t(`${data.redLines.zoneCount} 个管控区`, `${data.redLines.zoneCount} zones`),
      link: '/environment/redlines',
    },
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
      {stats.map((s) => (
        <Col key={s.key} xs={12} md={8} xl={{ flex: '20%' }}>
          <Card size="small" hoverable={Boolean(s.link)} onClick={s.link ? () => navigate(s.link as string) : undefined} data-testid={`env-stat-${s.key}`}>
            <Statistic title={s.title} value={s.value} />
            <Tooltip title={s.hint}>
              <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, display: 'block' }}>
                {s.hint || '\u00a0'}
              </Typography.Text>
            </Tooltip>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
