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
  sitingOutcomeLabels,
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

export type SitingTraceEntry = { zoneId: string | null; outcome: SitingOutcome; message: string };

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

const sourceText: Record<RuleSource, string> = {
  zone_type_rule: '按区类型的规则',
  rule: '规则',
  tier_default: '无该项目类型的规则，采用管控级别默认',
  fallback: '管控级别未配置，采用兜底规则',
};

const fmt = (n: number) => n.toFixed(1);

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

function describeContact(fp: PreparedFootprint, rel: PartRelation, share: number): string {
  if (rel.contact === 'boundary') return '仅与边界接触（重叠为 0）';
  if (fp.kind === 'point') return '项目点位于区内';
  const pct = `${fmt(share * 100)}%`;
  if (fp.kind === 'line') return `区内长度 ${fmt(rel.insideLengthM)} m，占线长 ${pct}`;
  return `重叠 ${fmt(rel.overlapAreaM2)} m²，占项目面积 ${pct}`;
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
  const entries: { item: SitingIntersection; message: string }[] = [];
  for (const [zoneIndex, rel] of collectZoneRelations(index, fp)) {
    const zone = index.zones[zoneIndex]!;
    const rule = resolveControlRule(rules, zone.tier, zone.type, projectType);
    const isBoundary = rel.contact === 'boundary';
    const outcome = isBoundary ? pickLenientOutcome(rule.outcome, rules.boundaryContactCap) : rule.outcome;
    const share = computeShare(fp, rel);
    const capped = outcome !== rule.outcome ? `；边界接触，结果由“${sitingOutcomeLabels[rule.outcome]}”降为“${sitingOutcomeLabels[outcome]}”，需核实红线边界` : '';
    entries.push({
      item: {
        zoneId: zone.id, name: zone.name, code: zone.code, type: zone.type, tier: zone.tier, territoryCode: zone.territoryCode,
        contact: rel.contact === 'interior' ? 'interior' : 'boundary',
        overlapAreaM2: rel.overlapAreaM2,
        shareOfFootprint: share,
        lengthM: fp.kind === 'line' ? rel.insideLengthM : null,
        ruleOutcome: outcome, ruleText: rule.text, ruleSource: rule.source,
      },
      message: `「${zone.name}」(${zone.code}，${zone.type}，${zone.tier})：${describeContact(fp, rel, share)}；项目类型「${projectType}」→ ${sitingOutcomeLabels[rule.outcome]}（${sourceText[rule.source]}：${rule.text}）${capped}`,
    });
  }
  entries.sort((a, b) =>
    compareOutcomes(b.item.ruleOutcome, a.item.ruleOutcome) ||
    b.item.shareOfFootprint - a.item.shareOfFootprint ||
    (a.item.zoneId < b.item.zoneId ? -1 : a.item.zoneId > b.item.zoneId ? 1 : 0),
  );
  const intersections = entries.map((e) => e.item);
  const trace: SitingTraceEntry[] = entries.map((e) => ({ zoneId: e.item.zoneId, outcome: e.item.ruleOutcome, message: e.message }));

  if (intersections.length > 0) {
    const verdict = intersections.map((i) => i.ruleOutcome).reduce(pickStricterOutcome);
    const decisive = intersections[0]!;
    trace.push({
      zoneId: decisive.zoneId,
      outcome: verdict,
      message: `结论：${sitingOutcomeLabels[verdict]}（取 ${intersections.length} 个相交管控区中最严格的结果，依据「${decisive.name}」）`,
    });
    return { verdict, footprint, intersections, nearest: null, trace };
  }

  const near = options.withNearest === false ? null : findNearestZone(index, fp);
  const nearest = near ? { zoneId: index.zones[near.zoneIndex]!.id, name: index.zones[near.zoneIndex]!.name, distanceM: near.distanceM } : null;
  const nearText = nearest ? `；最近的管控区「${nearest.name}」距离约 ${fmt(nearest.distanceM)} m` : '';
  trace.push({ zoneId: null, outcome: 'allowed', message: `项目范围未与任何管控区相交，结论：允许${nearText}` });
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
