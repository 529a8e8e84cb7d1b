/**
 * Renders a siting result's rule trace as Chinese sentences (for the UI, the printable siting report
 * and audit logs). Kept apart from the check itself: formatting ~30k sentences would double the time
 * of a 10,000-footprint batch, and a client may render in another language from the same data.
 */
import { sitingOutcomeLabels, type RuleSource } from './control-rules';
import type { SitingIntersection, SitingResult, SitingTraceEntry } from './siting-rules';

const sourceText: Record<RuleSource, string> = {
  zone_type_rule: '按区类型的规则',
  rule: '规则',
  tier_default: '无该项目类型的规则，采用管控级别默认',
  fallback: '管控级别未配置，采用兜底规则',
};

const fmt = (n: number) => n.toFixed(1);

function describeContact(result: SitingResult, hit: SitingIntersection): string {
  if (hit.contact === 'boundary') return '仅与边界接触（重叠为 0）';
  const pct = `${fmt(hit.shareOfFootprint * 100)}%`;
  if (result.footprint.kind === 'point') return '项目点位于区内';
  if (result.footprint.kind === 'line') return `区内长度 ${fmt(hit.lengthM ?? 0)} m，占线长 ${pct}`;
  return `重叠 ${fmt(hit.overlapAreaM2)} m²，占项目面积 ${pct}`;
}

function describeStep(result: SitingResult, step: SitingTraceEntry, projectType: string): string {
  if (step.step === 'outside') {
    const near = result.nearest;
    const nearText = near ? `；最近的管控区「${near.name}」距离约 ${fmt(near.distanceM)} m` : '';
    return `项目范围未与任何管控区相交，结论：允许${nearText}`;
  }
  const hit = result.intersections.find((i) => i.zoneId === step.zoneId);
  const name = hit ? `「${hit.name}」` : `「${step.zoneId}」`;
  if (step.step === 'verdict') {
    return `结论：${sitingOutcomeLabels[step.outcome]}（取 ${step.zoneCount} 个相交管控区中最严格的结果，依据${name}）`;
  }
  if (!hit) return `${name}：${sitingOutcomeLabels[step.outcome]}`;
  const capped =
    step.outcome !== step.matchedOutcome
      ? `；边界接触，结果由“${sitingOutcomeLabels[step.matchedOutcome]}”降为“${sitingOutcomeLabels[step.outcome]}”，需核实红线边界`
      : '';
  return (
    `${name}(${hit.code}，${hit.type}，${hit.tier})：${describeContact(result, hit)}；` +
    `项目类型「${projectType}」→ ${sitingOutcomeLabels[step.matchedOutcome]}（${sourceText[step.ruleSource]}：${hit.ruleText}）${capped}`
  );
}

/** One Chinese sentence per trace step. */
export function describeSitingTrace(result: SitingResult, projectType: string): string[] {
  return result.trace.map((step) => describeStep(result, step, projectType));
}
