/**
 * Today's AQI per air station as cards in the HJ 633 level colours (the colour comes from the back
 * end with each value). Big number: the real-time AQI of the latest hour; below it the latest
 * daily AQI. A click opens the station.
 */
import { Card, Col, Empty, Row, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import type { DashboardStation } from '../../../../domains/environment/dashboard-schema';
import { useI18n } from '../../../lib/i18n';
import { aqiCategoryLabels, NO_DATA_COLOR, primaryPollutantText, textColorOn } from '../env-labels';

export function AqiStationCards({ stations }: { stations: DashboardStation[] }) {
  const { t } = useI18n();
  if (stations.length === 0) return <Empty description={t('暂无空气自动监测站', 'No air stations')} />;
  return (
    <Row gutter={[12, 12]} data-testid="aqi-cards">
      {stations.map((s) => (
        <Col key={s.id} xs={12} sm={8} md={6} xl={4}>
          <AqiCard station={s} />
        </Col>
      ))}
    </Row>
  );
}

function AqiCard({ station }: { station: DashboardStation }) {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const hour = station.latestHour;
  const day = station.latestDay;
  const color = hour?.color ?? NO_DATA_COLOR;
  const fg = textColorOn(color);
  return (
    <Card
      hoverable
      size="small"
      onClick={() => navigate(`/environment/stations/${station.id}`)}
      styles={{ body: { background: color, color: fg, borderRadius: 8, padding: 12 } }}
      data-testid="aqi-card"
      data-station-code={station.code}
      data-aqi-color={hour?.color ?? ''}
    >
      <div style={{ fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }} title={station.name}>
        {station.name}
      </div>
      <Tooltip title={hour ? `${t('实时 AQI', 'Real-time AQI')} · ${dayjs(hour.hourStart).format('MM-DD HH:00')} · ${hour.standard}` : undefined}>
        <div style={{ fontSize: 32, fontWeight: 700, lineHeight: 1.2 }} data-testid="aqi-card-value">
          {hour?.aqi ?? '—'}
        </div>
      </Tooltip>
      <div>{hour?.category ? label(aqiCategoryLabels[hour.category]) : t('无实时数据', 'No real-time data')}</div>
      <div style={{ fontSize: 12, opacity: 0.85 }}>
        {t('首要污染物', 'Primary')}：{hour ? primaryPollutantText(hour.primaryPollutants) : '—'}
      </div>
      <Typography.Text style={{ fontSize: 12, color: fg, opacity: 0.85 }}>
        {day ? `${t('日 AQI', 'Daily AQI')} ${day.date.slice(5)}：${day.aqi ?? '—'}` : t('暂无日报', 'No daily value')}
      </Typography.Text>
      <div style={{ fontSize: 12, opacity: 0.7 }}>{station.territoryName}</div>
    </Card>
  );
}
