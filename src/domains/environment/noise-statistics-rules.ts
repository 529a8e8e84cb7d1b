/**
 * 功能区声环境达标率 (standards.md §3, HJ 640-2012 practice): 达标点次 / 监测点次 × 100 %, reported
 * separately for 昼间 and 夜间 and per functional-zone class; null (not 0) when nothing was measured.
 * Percentages to 0.1 (half-even), computed from the integer counts.
 */
import { divideHalfEven } from './decimal';
import { noiseZones, type NoiseZone } from './noise-rules';

export type NoiseMeasurementOutcome = { zone: NoiseZone; dayCompliant: boolean | null; nightCompliant: boolean | null };

export type ComplianceCount = { measured: number; compliant: number; percent: number | null };
export type NoiseZoneCompliance = { zone: NoiseZone | 'all'; day: ComplianceCount; night: ComplianceCount; overall: ComplianceCount };

export function percentOf(compliant: number, measured: number): number | null {
  return measured === 0 ? null : divideHalfEven(compliant * 1000, measured) / 10;
}

const count = (measured: number, compliant: number): ComplianceCount => ({ measured, compliant, percent: percentOf(compliant, measured) });

function summarise(zone: NoiseZone | 'all', items: readonly NoiseMeasurementOutcome[]): NoiseZoneCompliance {
  let dayN = 0, dayOk = 0, nightN = 0, nightOk = 0;
  for (const m of items) {
    if (m.dayCompliant !== null) {
      dayN++;
      if (m.dayCompliant) dayOk++;
    }
    if (m.nightCompliant !== null) {
      nightN++;
      if (m.nightCompliant) nightOk++;
    }
  }
  return { zone, day: count(dayN, dayOk), night: count(nightN, nightOk), overall: count(dayN + nightN, dayOk + nightOk) };
}

/** Compliance per zone class (only zones with measurements) and over all zones. */
export function computeNoiseCompliance(items: readonly NoiseMeasurementOutcome[]): { byZone: NoiseZoneCompliance[]; all: NoiseZoneCompliance } {
  const byZone = noiseZones
    .map((zone) => summarise(zone, items.filter((m) => m.zone === zone)))
    .filter((z) => z.overall.measured > 0);
  return { byZone, all: summarise('all', items) };
}
