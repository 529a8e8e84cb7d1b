import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { createRuleOverrideInputSchema } from '../../../domains/equipment-safety/equipment/view-schema';
import { buildRuleOverride, ruleParamsOf, ruleParamValuesOf } from './rule-payload';

describe('rule override payloads', () => {
  it('builds a fixed-interval version the API accepts, with the later period only when both parts are given', () => {
    const body = buildRuleOverride('boiler-external', 'fixed_interval', { validFrom: dayjs('2027-01-01'), params: { periodMonths: 12, laterAfterInspections: 3 }, reason: ' 核实原文 ', source: ' ' });
    expect(body).toEqual({ ruleId: 'boiler-external', validFrom: '2027-01-01', params: { periodMonths: 12 }, reason: '核实原文' });
    expect(createRuleOverrideInputSchema.safeParse(body).success).toBe(true);
    expect(ruleParamsOf('fixed_interval', { periodMonths: 48, laterAfterInspections: 3, laterPeriodMonths: 36 })).toEqual({ periodMonths: 48, later: { afterInspections: 3, periodMonths: 36 } });
  });

  it('builds the elevator pattern with sorted unique years and the settings version', () => {
    const elevator = ruleParamsOf('elevator_t7001_2023', { inspectionYears: ['7', 1, '4', 'x', 4], everyYearAfter: 15, earlyMonths: 2, dueDay: 'month_start' });
    expect(elevator).toEqual({ inspectionYears: [1, 4, 7], everyYearAfter: 15, earlyMonths: 2, dueDay: 'month_start' });
    expect(ruleParamsOf('settings', { warningDays: 45, reinspectionDays: 0, basicPassRectificationDays: null })).toEqual({ warningDays: 45, reinspectionDays: 0 });
  });

  it('starts a form from the params in force', () => {
    expect(ruleParamValuesOf('fixed_interval', { periodMonths: 48, later: { afterInspections: 3, periodMonths: 36 } })).toMatchObject({ periodMonths: 48, laterAfterInspections: 3, laterPeriodMonths: 36 });
  });
});
