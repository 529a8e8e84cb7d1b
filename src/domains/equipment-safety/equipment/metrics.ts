import { localDate } from '../../../platform/clock';
import { rateString, type MetricDefinition, type MetricPeriod, type MetricScope, type MetricValue } from '../../../platform/metrics';
import { countObligationsDueByScope, countOverdueDevicesByScope, type DueCounts } from './obligation-store';

/**
 * Live metrics of the equipment registry (assessment indicators bind to them). Both are computed
 * from the stored inspection obligations (equipment_obligations), which keep every due date the
 * rules produced and how it ended (inspected on a date, or voided because the device stopped).
 *
 * 定期检验率 (safety.inspection_rate) = obligations inspected on time / obligations due, where
 *   - "due": a periodic or first inspection obligation (定期检验/首次检验; not 自行检测, 年度检查 or
 *     复检) of a device in the unit's territory whose due date lies in the period and not after
 *     today ("as of" = min(period end, today), so a running year counts what has fallen due);
 *     obligations voided before they fell due (device stopped or scrapped earlier, rule change)
 *     are not owed and are excluded;
 *   - "on time": satisfied by an inspection dated before the due date (the due date is the first
 *     day without a valid inspection, domain.md §1.4.3 — inspected on or after it is 超期检验).
 *   Rate in %, two decimals; undefined (null) when nothing fell due.
 * 超期未检数 (safety.overdue_devices) = devices with any inspection/test obligation overdue on
 *   "as of" (due on or before it, and not inspected or voided by then), the same notion as the
 *   list's 超期未检 status, evaluated for a past day from the obligation history.
 * Days are local days in Asia/Shanghai (the metric interface carries no time zone).
 *
 * One scope or many, the counts come from the same grouped queries (obligation-store.ts).
 */
const TIME_ZONE = 'Asia/Shanghai';
const SOURCE = '特种设备检验义务与检验记录';
const NOTHING_DUE: DueCounts = { due: 0, onTime: 0, late: 0, open: 0 };

function asOfDay(periodTo: string, now: Date): string {
  const today = localDate(now, TIME_ZONE);
  return periodTo < today ? periodTo : today;
}

function inspectionRateValue(scope: MetricScope, c: DueCounts, period: MetricPeriod, asOf: string, now: Date): MetricValue {
  return {
    value: rateString(c.onTime, c.due),
    unit: '%',
    provenance: {
      source: SOURCE,
      computedAt: now.toISOString(),
      recordCount: c.due,
      link: `/safety/equipment?territoryOrgUnitId=${scope.orgUnitId}`,
      numerator: c.onTime,
      denominator: c.due,
      note: `${period.from} 至 ${asOf} 到期 ${c.due} 项：按期检验 ${c.onTime} 项，超期后检验 ${c.late} 项，尚未检验 ${c.open} 项`,
    },
  };
}

function overdueDevicesValue(scope: MetricScope, n: number, asOf: string, now: Date): MetricValue {
  return {
    value: String(n),
    unit: '台',
    provenance: {
      source: SOURCE,
      computedAt: now.toISOString(),
      recordCount: n,
      link: `/safety/equipment?territoryOrgUnitId=${scope.orgUnitId}&dueStatus=overdue`,
      note: `截至 ${asOf} 超期未检的设备`,
    },
  };
}

export const equipmentMetricDefinitions: MetricDefinition[] = [
  {
    key: 'safety.inspection_rate',
    name: { zh: '特种设备定期检验率', en: 'Special-equipment periodic inspection rate' },
    unit: '%',
    description:
      '期间内到期的定期检验（含首次检验；不含自行检测、年度检查、复检）中，在到期日之前完成检验的比例。到期日晚于今天的不计；到期前已停用、报废的不计。按设备属地统计（含下级单位）。',
    direction: 'higher_is_better',
    async compute(db, { scope, period, now }) {
      const asOf = asOfDay(period.to, now);
      const counts = await countObligationsDueByScope(db, [scope], { from: period.from, to: period.to, asOf });
      return inspectionRateValue(scope, counts.get(scope.orgUnitId) ?? NOTHING_DUE, period, asOf, now);
    },
    async computeMany(db, { scopes, period, now }) {
      const asOf = asOfDay(period.to, now);
      const counts = await countObligationsDueByScope(db, scopes, { from: period.from, to: period.to, asOf });
      return new Map(scopes.map((s) => [s.orgUnitId, inspectionRateValue(s, counts.get(s.orgUnitId) ?? NOTHING_DUE, period, asOf, now)]));
    },
  },
  {
    key: 'safety.overdue_devices',
    name: { zh: '特种设备超期未检数', en: 'Special equipment overdue for inspection' },
    unit: '台',
    description: '截至期末（期末晚于今天时为今天），有检验或检测义务已到期而未检验的设备台数，按设备属地统计（含下级单位）。',
    direction: 'lower_is_better',
    async compute(db, { scope, period, now }) {
      const asOf = asOfDay(period.to, now);
      const counts = await countOverdueDevicesByScope(db, [scope], asOf);
      return overdueDevicesValue(scope, counts.get(scope.orgUnitId) ?? 0, asOf, now);
    },
    async computeMany(db, { scopes, period, now }) {
      const asOf = asOfDay(period.to, now);
      const counts = await countOverdueDevicesByScope(db, scopes, asOf);
      return new Map(scopes.map((s) => [s.orgUnitId, overdueDevicesValue(s, counts.get(s.orgUnitId) ?? 0, asOf, now)]));
    },
  },
];
