/**
 * Siting check: footprint × zones × project type → verdict, intersecting zones and a rule trace.
 *
 * - Every zone whose interior or boundary the footprint meets is listed. Interior contact gives the
 *   overlap area (polygons, m²), the length inside (lines, m) and the share of the footprint.
 * - Boundary-only contact (a point on the boundary, a polygon sharing only an edge) is listed with
 *   overlap 0 and share 0; its outcome is the zone's rule outcome capped at the rule set's
 *   `boundaryContactCap` (default 'conditional': a contact worth a boundary check, but not a
 *   prohibition by itself; set the cap to 'prohibited' to treat touching as being inside).
 * - A footprint inside a hole of a zone does not meet that zone.
 * - Verdict = the strictest outcome among the listed zones (prohibited > conditional > allowed);
 *   with none listed the verdict is 'allowed' and the nearest zone (distance to its boundary) is given.
 */
import {
  compareOutcomes,
  pickLenientOutcome,
  pickStricterOutcome,
  resolveControlRule,
  type ControlRuleSet,
  type RuleSource,
  type SitingOutcome,
} from './control-rules';
import type { FootprintGeometry } from './geojson-schema';
import { relateFootprintToPart, type PartRelation } from './footprint-relations';
import { findNearestZone } from './nearest-zone';
import { prepareFootprint, type PreparedFootprint } from './prepared-geometry';
import type { ZoneIndex } from './zone-index';

export type SitingIntersection = {
  zoneId: string;
  name: string;
  code: string;
  type: string;
  tier: string;
  territoryCode: string | null;
  contact: 'interior' | 'boundary';
  overlapAreaM2: number;
  /** Overlap area / footprint area (polygons), length inside / length (lines), 1 or 0 (points). */
  shareOfFootprint: number;
  /** Length inside the zone (lines only). */
  lengthM: number | null;
  ruleOutcome: SitingOutcome;
  ruleText: string;
  ruleSource: RuleSource;
};

/**
 * The rule trace, as data (render it with `describeSitingTrace`): one `zone` step per intersecting zone
 * in the order of `intersections` (the rule that matched, its outcome and the effective outcome after
 * the boundary-contact cap), then one `verdict` step, or a single `outside` step.
 */
export type SitingTraceEntry =
  | {
      step: 'zone';
      zoneId: string;
      contact: 'interior' | 'boundary';
      ruleSource: RuleSource;
      matchedOutcome: SitingOutcome;
      outcome: SitingOutcome;
    }
  | { step: 'verdict'; zoneId: string; outcome: SitingOutcome; zoneCount: number }
  | { step: 'outside'; zoneId: null; outcome: 'allowed' };

export type SitingResult = {
  verdict: SitingOutcome;
  footprint: { kind: 'point' | 'line' | 'polygon'; areaM2: number; lengthM: number };
  intersections: SitingIntersection[];
  /** Set only when the footprint meets no zone (null also when there are no zones at all). */
  nearest: { zoneId: string; name: string; distanceM: number } | null;
  trace: SitingTraceEntry[];
};

export type SitingOptions = {
  /** Compute the nearest zone when outside all zones (default true). */
  withNearest?: boolean;
};

function footprintSummary(fp: PreparedFootprint): SitingResult['footprint'] {
  if (fp.kind === 'point') return { kind: 'point', areaM2: 0, lengthM: 0 };
  if (fp.kind === 'line') return { kind: 'line', areaM2: 0, lengthM: fp.lengthM };
  return { kind: 'polygon', areaM2: fp.areaM2, lengthM: 0 };
}

function computeShare(fp: PreparedFootprint, rel: PartRelation): number {
  if (rel.contact !== 'interior') return 0;
  if (fp.kind === 'point') return 1;
  const share = fp.kind === 'line' ? rel.insideLengthM / fp.lengthM : rel.overlapAreaM2 / fp.areaM2;
  return Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0;
}

/** Merge the relations of a zone's parts (parts of a valid MultiPolygon do not overlap). */
function collectZoneRelations(index: ZoneIndex, fp: PreparedFootprint): Map<number, PartRelation> {
  const byZone = new Map<number, PartRelation>();
  if (!index.tree) return byZone;
  const [minX, minY, maxX, maxY] = fp.bbox;
  const partIds = index.tree.search(minX, minY, maxX, maxY).sort((a, b) => a - b);
  for (const id of partIds) {
    const part = index.parts[id]!;
    const rel = relateFootprintToPart(fp, part.polygon);
    if (rel.contact === 'none') continue;
    const prev = byZone.get(part.zoneIndex);
    byZone.set(part.zoneIndex, prev ? {
      contact: prev.contact === 'interior' || rel.contact === 'interior' ? 'interior' : 'boundary',
      overlapAreaM2: prev.overlapAreaM2 + rel.overlapAreaM2,
      insideLengthM: prev.insideLengthM + rel.insideLengthM,
    } : rel);
  }
  return byZone;
}

/** Siting check of an already prepared footprint (used by the batch). */
export function checkPreparedSiting(
  index: ZoneIndex,
  fp: PreparedFootprint,
  projectType: string,
  rules: ControlRuleSet,
  options: SitingOptions = {},
): SitingResult {
  const footprint = footprintSummary(fp);
  const entries: { item: SitingIntersection; step: SitingTraceEntry }[] = [];
  for (const [zoneIndex, rel] of collectZoneRelations(index, fp)) {
    const zone = index.zones[zoneIndex]!;
    const rule = resolveControlRule(rules, zone.tier, zone.type, projectType);
    const contact = rel.contact === 'interior' ? 'interior' : 'boundary';
    const outcome = contact === 'boundary' ? pickLenientOutcome(rule.outcome, rules.boundaryContactCap) : rule.outcome;
    entries.push({
      item: {
        zoneId: zone.id, name: zone.name, code: zone.code, type: zone.type, tier: zone.tier, territoryCode: zone.territoryCode,
        contact,
        overlapAreaM2: rel.overlapAreaM2,
        shareOfFootprint: computeShare(fp, rel),
        lengthM: fp.kind === 'line' ? rel.insideLengthM : null,
        ruleOutcome: outcome, ruleText: rule.text, ruleSource: rule.source,
      },
      step: { step: 'zone', zoneId: zone.id, contact, ruleSource: rule.source, matchedOutcome: rule.outcome, outcome },
    });
  }
  entries.sort((a, b) =>
    compareOutcomes(b.item.ruleOutcome, a.item.ruleOutcome) ||
    b.item.shareOfFootprint - a.item.shareOfFootprint ||
    (a.item.zoneId < b.item.zoneId ? -1 : a.item.zoneId > b.item.zoneId ? 1 : 0),
  );
  const intersections = entries.map((e) => e.item);
  const trace = entries.map((e) => e.step);

  if (intersections.length > 0) {
    const verdict = intersections.map((i) => i.ruleOutcome).reduce(pickStricterOutcome);
    trace.push({ step: 'verdict', zoneId: intersections[0]!.zoneId, outcome: verdict, zoneCount: intersections.length });
    return { verdict, footprint, intersections, nearest: null, trace };
  }

  const near = options.withNearest === false ? null : findNearestZone(index, fp);
  const nearZone = near ? index.zones[near.zoneIndex]! : null;
  const nearest = near && nearZone ? { zoneId: nearZone.id, name: nearZone.name, distanceM: near.distanceM } : null;
  trace.push({ step: 'outside', zoneId: null, outcome: 'allowed' });
  return { verdict: 'allowed', footprint, intersections, nearest, trace };
}

/**
 * Check one footprint (validated by `parseFootprint`, or any FootprintGeometry: polygons are
 * validated again and throw `geo.*` errors naming "项目范围").
 */
export function checkSiting(
  index: ZoneIndex,
  footprint: FootprintGeometry,
  projectType: string,
  rules: ControlRuleSet,
  options: SitingOptions = {},
): SitingResult {
  return checkPreparedSiting(index, prepareFootprint(footprint), projectType, rules, options);
}
