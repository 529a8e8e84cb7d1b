import { EnvironmentOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Select, Skeleton, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ui/error-alert';
import { PageHeader } from '../../components/ui/page-header';
import { useI18n } from '../../lib/i18n';
import { useAirStatistics, useAqiCalendar, useControlRules, useDashboard } from './api';
import { calendarOption, categoryDaysOption, goodDayTrendOption, goodRateByUnitOption, primaryPollutantOption } from './charts/air-chart-options';
import { EChart, loadEcharts } from './charts/echart';
import { areaByTierOption, waterClassOption } from './charts/env-chart-options';
import { AqiStationCards } from './dashboard/aqi-station-cards';
import { SummaryStats } from './dashboard/summary-stats';

/**
 * 环境质量总览: today's AQI per station (standard colours), key figures, the good-day-rate trend,
 * a calendar heat map of daily AQI, primary pollutants, good-day rate by station, water classes
 * and protected red-line area. Charts load ECharts on demand.
 */
export default function EnvironmentDashboardPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const dashboard = useDashboard();
  const data = dashboard.data;
  const currentYear = data ? Number(data.date.slice(0, 4)) : undefined;
  const [pickedYear, setPickedYear] = useState<number | undefined>();
  // no year asked: the server's current (local) year, so the calendar loads with the dashboard
  const calendar = useAqiCalendar(pickedYear);
  const year = pickedYear ?? calendar.data?.year ?? currentYear;
  // fetch ECharts while the data loads rather than after it
  useEffect(() => void loadEcharts(), []);
  const byStation = useAirStatistics({ level: 'station', groupBy: 'year' });
  const rules = useControlRules();

  const options = useMemo(() => {
    if (!data) return null;
    const ytd = data.air.yearToDate;
    return {
      trend: goodDayTrendOption(data.air.months, i18n),
      pollutants: primaryPollutantOption(ytd, i18n),
      categories: categoryDaysOption(ytd?.daysByCategory ?? {}, i18n),
      water: waterClassOption(data.water.byClass, i18n),
      redLines: areaByTierOption(data.redLines.byTier, rules.data?.tiers ?? data.redLines.byTier.map((g) => g.tier ?? ''), i18n),
    };
  }, [data, rules.data, i18n]);
  const calendarChart = useMemo(() => (calendar.data ? calendarOption(calendar.data, i18n) : null), [calendar.data, i18n]);
  const stationChart = useMemo(() => (byStation.data ? goodRateByUnitOption(byStation.data.rows, i18n) : null), [byStation.data, i18n]);
  const stationIdByName = useMemo(() => new Map((byStation.data?.rows ?? []).map((r) => [r.unit.name, r.unit.id])), [byStation.data]);

  const years = currentYear ? Array.from({ length: 5 }, (_, i) => currentYear - i) : [];

  return (
    <div data-testid="env-dashboard">
      <PageHeader
        title={
          <>
            <EnvironmentOutlined /> {t('环境质量总览', 'Environmental quality')}
          </>
        }
        subtitle={data ? `${data.air.unit.name} · ${data.date}` : undefined}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void dashboard.refetch()} loading={dashboard.isFetching}>
            {t('刷新', 'Refresh')}
          </Button>
        }
      />
      <ErrorAlert error={dashboard.error} />
      <Card size="small" title={t('各站点实时空气质量（HJ 633 标准颜色）', 'Real-time AQI by station (HJ 633 colours)')}>
        {data ? <AqiStationCards stations={data.air.stations} /> : <Skeleton active />}
      </Card>
      {data && <SummaryStats data={data} />}
      {options && (
        <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
          <Col xs={24} xl={14}>
            <Card size="small" title={t('优良天数比例趋势（按月）', 'Good-day rate by month')}>
              <EChart option={options.trend} height={300} testId="env-chart-trend" />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('今年各级别天数', 'Days by AQI category this year')}>
              <EChart option={options.categories} height={300} testId="env-chart-categories" />
            </Card>
          </Col>
          <Col xs={24}>
            <Card
              size="small"
              title={t('日 AQI 日历', 'Daily AQI calendar')}
              extra={
                <Select
                  size="small"
                  value={year}
                  onChange={setPickedYear}
                  options={years.map((y) => ({ value: y, label: String(y) }))}
                  style={{ width: 96 }}
                  data-testid="env-calendar-year"
                />
              }
            >
              <ErrorAlert error={calendar.error} />
              {calendarChart ? <EChart option={calendarChart} height={250} testId="env-chart-calendar" /> : <Skeleton active />}
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('首要污染物统计（今年）', 'Primary pollutants this year')}>
              <EChart option={options.pollutants} height={260} testId="env-chart-pollutants" />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('各站点优良天数比例（今年）', 'Good-day rate by station this year')}>
              {stationChart ? (
                <EChart
                  option={stationChart}
                  height={260}
                  testId="env-chart-stations"
                  onClick={(p) => {
                    const id = p.name ? stationIdByName.get(p.name) : undefined;
                    if (id) navigate(`/environment/stations/${id}`);
                  }}
                />
              ) : (
                <Skeleton active />
              )}
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('地表水断面水质类别（今年）', 'Water sections by class this year')}>
              <EChart option={options.water} height={240} testId="env-chart-water" />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('生态红线面积（按管控级别）', 'Red-line area by control tier')}>
              <EChart option={options.redLines} height={240} testId="env-chart-redlines" />
            </Card>
          </Col>
        </Row>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
        {t(
          'AQI 按数据日期适用 HJ 633-2012 或 HJ 633-2026；优良天数比例 = AQI ≤ 100 的有效天数 / 有效天数，无有效天时不计算。',
          'AQI follows HJ 633-2012 or HJ 633-2026 by the date of the data; good-day rate = valid days with AQI ≤ 100 / valid days (undefined with no valid day).',
        )}
      </Typography.Paragraph>
    </div>
  );
}
