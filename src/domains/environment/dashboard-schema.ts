/** Data of the environment dashboard, station overview and map (isomorphic). */
import { z } from 'zod';
import { aqiCategories, aqiCodes, aqiStandards } from './aqi-tables';
import { airStatisticsRowSchema, dailyAqiItemSchema, statisticsUnitSchema } from './air-schema';
import { noiseMeasurementSchema } from './noise-schema';
import { stationSchema } from './station-schema';
import { sectionPeriodResultSchema, waterSampleSchema } from './water-schema';

export const aqiBadgeSchema = z.object({
  aqi: z.number().int().nullable(),
  level: z.number().int().nullable(),
  category: z.enum(aqiCategories).nullable(),
  color: z.string().nullable().describe('HJ 633 标准颜色'),
  primaryPollutants: z.array(z.enum(aqiCodes)),
});

export const latestHourSchema = aqiBadgeSchema.extend({
  hourStart: z.string(),
  standard: z.enum(aqiStandards),
  iaqi: z.record(z.string(), z.number()),
  missing: z.array(z.enum(aqiCodes)),
  concentrations: z.record(z.string(), z.number().nullable()).describe('该小时浓度（CO mg/m³，其余 µg/m³）'),
});
export type LatestHour = z.infer<typeof latestHourSchema>;

export const latestDaySchema = aqiBadgeSchema.extend({ date: z.string() });
export type LatestDay = z.infer<typeof latestDaySchema>;

export const dashboardStationSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  territoryName: z.string(),
  lon: z.number(),
  lat: z.number(),
  latestHour: latestHourSchema.nullable().describe('最新小时的实时 AQI'),
  latestDay: latestDaySchema.nullable().describe('最近一个有日报的日 AQI'),
});
export type DashboardStation = z.infer<typeof dashboardStationSchema>;

const rateSummary = z.object({ measured: z.number().int(), compliant: z.number().int(), percent: z.number().nullable() });

export const dashboardSchema = z
  .object({
    date: z.string().describe('本地日期'),
    air: z.object({
      stations: z.array(dashboardStationSchema),
      unit: statisticsUnitSchema,
      yearToDate: airStatisticsRowSchema.nullable(),
      months: z.array(airStatisticsRowSchema).describe('今年逐月优良天数比例等（趋势图）'),
      recentDays: z.array(latestDaySchema).describe('最近 30 天的全市（本辖区）日 AQI'),
    }),
    water: z.object({
      sections: z.number().int(),
      byClass: z.record(z.string(), z.number().int()),
      goodPercent: z.number().nullable(),
      worstPercent: z.number().nullable(),
      compliancePercent: z.number().nullable().describe('今年水质达标率 %'),
    }),
    noise: z.object({ day: rateSummary, night: rateSummary, overall: rateSummary }),
    redLines: z.object({ zoneCount: z.number().int(), totalKm2: z.number(), byTier: z.array(z.object({ tier: z.string().nullable(), km2: z.number(), zoneCount: z.number().int() })) }),
  })
  .meta({ id: 'EnvironmentDashboard' });
export type Dashboard = z.infer<typeof dashboardSchema>;

export const stationOverviewSchema = z
  .object({
    station: stationSchema,
    air: z
      .object({
        latestHour: latestHourSchema.nullable(),
        latestDay: latestDaySchema.nullable(),
        yearToDate: airStatisticsRowSchema.nullable(),
        recentDays: z.array(dailyAqiItemSchema).describe('最近 30 天日 AQI 与日均值'),
      })
      .nullable(),
    water: z.object({ latestSample: waterSampleSchema.nullable(), yearToDate: sectionPeriodResultSchema.nullable() }).nullable(),
    noise: z.object({ latest: noiseMeasurementSchema.nullable(), recent: z.array(noiseMeasurementSchema) }).nullable(),
  })
  .meta({ id: 'EnvironmentStationOverview' });
export type StationOverview = z.infer<typeof stationOverviewSchema>;
