/**
 * Air station detail: the latest hour (real-time AQI, concentrations, IAQI), this year's good-day
 * counts by category, the daily AQI series and the hourly concentrations of a chosen day (click a
 * day in the series or pick a date).
 */
import { Card, Col, DatePicker, Descriptions, Empty, Row, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { StationOverview } from '../../../../domains/environment/dashboard-schema';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useI18n } from '../../../lib/i18n';
import { useStationDaily, useStationHourly } from '../api';
import { categoryDaysOption, dailyAqiOption, hourlyOption } from '../charts/air-chart-options';
import { EChart } from '../charts/echart';
import { aqiCategoryLabels, formatPercent, indicatorLabel, NO_DATA_COLOR, pollutantLabels, primaryPollutantText, textColorOn } from '../env-labels';

type AirOverview = NonNullable<StationOverview['air']>;

export function AirStationPanel({ stationId, air }: { stationId: string; air: AirOverview }) {
  const i18n = useI18n();
  const { t, label } = i18n;
  const daily = useStationDaily(stationId);
  const [pickedDay, setPickedDay] = useState<string | undefined>();
  const day = pickedDay ?? air.latestDay?.date ?? daily.data?.items.at(-1)?.date;
  const hourly = useStationHourly(stationId, day);
  const items = useMemo(() => daily.data?.items ?? [], [daily.data]);

  const dailyChart = useMemo(() => dailyAqiOption(items, i18n), [items, i18n]);
  const hourlyChart = useMemo(() => hourlyOption(hourly.data?.items ?? [], i18n), [hourly.data, i18n]);
  const categoryChart = useMemo(() => categoryDaysOption(air.yearToDate?.daysByCategory ?? {}, i18n), [air.yearToDate, i18n]);
  const hour = air.latestHour;
  const ytd = air.yearToDate;
  const color = hour?.color ?? NO_DATA_COLOR;

  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={8}>
        <Card size="small" title={t('最新小时（实时 AQI）', 'Latest hour (real-time AQI)')} data-testid="station-latest-hour">
          {hour ? (
            <>
              <div style={{ background: color, color: textColorOn(color), borderRadius: 8, padding: 12, marginBottom: 12 }}>
                <div style={{ fontSize: 36, fontWeight: 700 }}>{hour.aqi ?? '—'}</div>
                <div>{hour.category ? label(aqiCategoryLabels[hour.category]) : '—'}</div>
                <div style={{ fontSize: 12 }}>
                  {dayjs(hour.hourStart).format('YYYY-MM-DD HH:00')} · {hour.standard}
                </div>
              </div>
              <Descriptions
                size="small"
                column={2}
                items={Object.entries(hour.concentrations).map(([k, v]) => ({
                  key: k,
                  label: pollutantLabels[k as keyof typeof pollutantLabels] ?? k,
                  children: v === null ? '—' : `${v} ${k === 'CO' ? 'mg/m³' : 'µg/m³'}`,
                }))}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('首要污染物', 'Primary pollutant')}：{primaryPollutantText(hour.primaryPollutants)}
                {hour.missing.length > 0 && ` · ${t('缺测', 'Missing')}：${hour.missing.map(indicatorLabel).join('、')}`}
              </Typography.Text>
            </>
          ) : (
            <Empty description={t('暂无小时数据', 'No hourly data')} />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={16}>
        <Card size="small" title={t('今年优良天数（按级别）', 'This year by AQI category')}>
          <Row gutter={12} style={{ marginBottom: 8 }}>
            <Col span={8}>
              <Statistic title={t('优良天数比例', 'Good-day rate')} value={formatPercent(ytd?.goodDayPercent)} />
            </Col>
            <Col span={8}>
              <Statistic title={t('优良 / 有效天数', 'Good / valid days')} value={ytd ? `${ytd.goodDays} / ${ytd.validDays}` : '—'} />
            </Col>
            <Col span={8}>
              <Statistic title={t('PM₂.₅ 均值 µg/m³', 'PM₂.₅ mean µg/m³')} value={ytd?.means.PM2_5_24H ?? '—'} />
            </Col>
          </Row>
          <EChart option={categoryChart} height={200} testId="station-chart-categories" />
        </Card>
      </Col>
      <Col xs={24}>
        <Card size="small" title={t('日 AQI 序列（今年）', 'Daily AQI this year')} extra={<Typography.Text type="secondary">{t('点击柱子查看当日小时数据', 'Click a day for its hours')}</Typography.Text>}>
          <ErrorAlert error={daily.error} />
          <EChart
            option={dailyChart}
            height={280}
            testId="station-chart-daily"
            onClick={(p) => {
              const d = p.dataIndex !== undefined ? items[p.dataIndex] : undefined;
              if (d) setPickedDay(d.date);
            }}
          />
        </Card>
      </Col>
      <Col xs={24}>
        <Card
          size="small"
          title={t('小时浓度', 'Hourly concentrations')}
          extra={
            <DatePicker
              size="small"
              allowClear={false}
              value={day ? dayjs(day) : null}
              onChange={(d) => d && setPickedDay(d.format('YYYY-MM-DD'))}
              data-testid="station-hourly-day"
            />
          }
        >
          <ErrorAlert error={hourly.error} />
          <EChart option={hourlyChart} height={280} testId="station-chart-hourly" />
          <DayAqiTable date={day} items={items} />
        </Card>
      </Col>
    </Row>
  );
}

/** The chosen day's daily AQI with its sub-indices. */
function DayAqiTable({ date, items }: { date: string | undefined; items: AirOverview['recentDays'] }) {
  const { t, label } = useI18n();
  const d = items.find((i) => i.date === date);
  if (!d) return null;
  return (
    <Table
      size="small"
      style={{ marginTop: 8 }}
      pagination={false}
      rowKey="code"
      title={() => (
        <span>
          {d.date} · AQI <b>{d.aqi ?? '—'}</b>{' '}
          {d.category && <Tag color={d.color ?? undefined} style={{ color: textColorOn(d.color) }}>{label(aqiCategoryLabels[d.category])}</Tag>}
          {d.standard}
        </span>
      )}
      dataSource={Object.entries(d.iaqi).map(([code, iaqi]) => ({ code, iaqi, value: d.values[code] ?? null}))}
      columns={[
        { key: 'code', title: t('指标', 'Indicator'), render: (_, r) => indicatorLabel(r.code) },
        { key: 'value', title: t('浓度', 'Concentration'), render: (_, r) => r.value ?? '—' },
        { key: 'iaqi', title: 'IAQI', dataIndex: 'iaqi' },
      ]}
    />
  );
}
