/**
 * Pure display helpers of the equipment pages: tag colours, the due countdown, the catalogue as a
 * cascader tree and readable summaries of inspection-rule parameters.
 *
 *   dueCountdown(-12)                     // → '超期 12 天'
 *   catalogueOptions(entries)             // → [{ value: '3000', label: '电梯', children: [...] }]
 *   describeRuleParams('fixed_interval', { periodMonths: 24, firstPeriodMonths: 12 }) // → '每 24 个月；首次 12 个月'
 */
import type { RegistrationStatus } from '../../../domains/equipment-safety/equipment/enums';

export type DeviceDueStatus = 'normal' | 'due_soon' | 'overdue' | 'exempt' | 'none';

export const dueStatusTagColors: Record<DeviceDueStatus, string> = {
  normal: 'green',
  due_soon: 'orange',
  overdue: 'red',
  exempt: 'default',
  none: 'default',
};

export const registrationStatusColors: Record<RegistrationStatus, string> = {
  notified: 'purple',
  unregistered: 'gold',
  in_use: 'blue',
  stopped: 'default',
  scrapped: 'default',
  deregistered: 'default',
};

/**
 * Categories that are registry objects. 7000 压力管道元件 is production licensing only and F000 安全附件
 * are parts of other devices (domain.md §1.2), so the summary cards leave them out.
 */
export const registryCategoryCodes = ['3000', '2000', '1000', '4000', '5000', '6000', '8000', '9000'] as const;

/** Days to the due date as words ("还有 5 天", "今天到期", "超期 12 天"); empty when there is no due date. */
export function dueCountdown(daysToDue: number | null): string {
  if (daysToDue === null) return '';
  if (daysToDue > 0) return `还有 ${daysToDue} 天`;
  if (daysToDue === 0) return '今天到期';
  return `超期 ${-daysToDue} 天`;
}

/** The platform's time zone: device dates ("today", due dates) are local dates there. */
export const EQUIPMENT_TIME_ZONE = 'Asia/Shanghai';

export function localToday(now = new Date(), timeZone = EQUIPMENT_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  const day = (d: string) => {
    const [y, m, dd] = d.split('-').map(Number);
    return Date.UTC(y as number, (m as number) - 1, dd as number) / 86_400_000;
  };
  return day(to) - day(from);
}

// ── catalogue ───────────────────────────────────────────────────────────────────────────────

export type CatalogueEntryLike = { code: string; name: string; level: 'category' | 'kind' | 'variety'; parent: string | null };
export type CascaderOption = { value: string; label: string; children?: CascaderOption[] };

/** The catalogue as a cascader tree (种类 → 类别 → 品种), in catalogue order; `only` limits the top level. */
export function catalogueOptions(entries: readonly CatalogueEntryLike[], only?: readonly string[]): CascaderOption[] {
  const children = new Map<string | null, CatalogueEntryLike[]>();
  for (const e of entries) children.set(e.parent, [...(children.get(e.parent) ?? []), e]);
  const build = (parent: string | null): CascaderOption[] =>
    (children.get(parent) ?? []).map((e) => {
      const kids = build(e.code);
      return kids.length > 0 ? { value: e.code, label: `${e.name}（${e.code}）`, children: kids } : { value: e.code, label: `${e.name}（${e.code}）` };
    });
  const roots = build(null);
  return only ? roots.filter((r) => only.includes(r.value)) : roots;
}

/** Cascader path → the three catalogue codes (null where the path stops: "没有品种的划‘-’"). */
export function classificationOf(path: readonly string[] | undefined): { categoryCode: string; kindCode: string | null; varietyCode: string | null } | null {
  if (!path || path.length === 0) return null;
  return { categoryCode: path[0] as string, kindCode: path[1] ?? null, varietyCode: path[2] ?? null };
}

/** The filter params of a cascader path (`category`, `kind`, `variety`), absent levels cleared. */
export function catalogueFilterOf(path: readonly string[] | undefined): { category: string | undefined; kind: string | undefined; variety: string | undefined } {
  return { category: path?.[0], kind: path?.[1], variety: path?.[2] };
}

export function cataloguePathOf(filters: { category?: unknown; kind?: unknown; variety?: unknown }): string[] {
  const path: string[] = [];
  for (const value of [filters.category, filters.kind, filters.variety]) {
    if (typeof value !== 'string' || value === '') break;
    path.push(value);
  }
  return path;
}

// ── inspection rules ────────────────────────────────────────────────────────────────────────

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** Readable parameters of a rule (or of the settings) in Chinese. */
export function describeRuleParams(kind: string, params: Record<string, unknown>): string {
  switch (kind) {
    case 'fixed_interval': {
      const parts = [`每 ${num(params.periodMonths) ?? '?'} 个月`];
      if (num(params.firstPeriodMonths) !== undefined) parts.push(`首次 ${num(params.firstPeriodMonths)} 个月`);
      const later = params.later as { afterInspections?: number; periodMonths?: number } | undefined;
      if (later) parts.push(`第 ${later.afterInspections} 次检验后每 ${later.periodMonths} 个月`);
      return parts.join('；');
    }
    case 'inspector_set':
      return `检验机构确定 ${num(params.minMonths)}～${num(params.maxMonths)} 个月（未录入时按 ${num(params.defaultMonths)} 个月）`;
    case 'monitored_use':
      return `监控使用，累计不超过 ${num(params.maxMonths)} 个月`;
    case 'no_use':
      return '不得使用';
    case 'elevator_t7001_2023': {
      const years = Array.isArray(params.inspectionYears) ? (params.inspectionYears as number[]).join('、') : '?';
      return `第 ${years} 年定期检验，第 ${num(params.everyYearAfter)} 年后每年检验，其余年份自行检测；可提前 ${num(params.earlyMonths)} 个月`;
    }
    case 'settings':
      return `临期 ${num(params.warningDays)} 天；复检期限 ${num(params.reinspectionDays)} 天；基本合格整改 ${num(params.basicPassRectificationDays)} 天`;
    default:
      return JSON.stringify(params);
  }
}

/** "电梯 › 曳引与强制驱动电梯；安全状况等级 1、2；utilityBoiler=是" */
export function describeApplicability(appliesTo: Record<string, unknown>, nameOf: (code: string) => string): string {
  const codes = [appliesTo.category, appliesTo.kind, appliesTo.variety].filter((c): c is string => typeof c === 'string');
  const parts = [codes.map(nameOf).join(' › ')];
  if (Array.isArray(appliesTo.safetyGrades)) parts.push(`安全状况等级 ${(appliesTo.safetyGrades as number[]).join('、')}`);
  const attributes = appliesTo.attributes as Record<string, unknown> | undefined;
  if (attributes) parts.push(Object.entries(attributes).map(([k, v]) => `${k}=${v === true ? '是' : v === false ? '否' : String(v)}`).join('，'));
  return parts.join('；');
}

// ── territory ───────────────────────────────────────────────────────────────────────────────

export type OrgNode = { id: string; parentId: string | null; kind: string; name: string };
const belowCity = new Set(['township', 'street', 'park', 'village']);

/** "常乐镇 / 兴和村": a device's territory under its township (street, park); the city level is left out. */
export function territoryPath(id: string, byId: ReadonlyMap<string, OrgNode>, fallback: string): string {
  const names: string[] = [];
  const seen = new Set<string>();
  let node = byId.get(id);
  while (node && belowCity.has(node.kind) && !seen.has(node.id)) {
    seen.add(node.id);
    names.unshift(node.name);
    node = node.parentId ? byId.get(node.parentId) : undefined;
  }
  return names.length > 0 ? names.join(' / ') : fallback;
}
