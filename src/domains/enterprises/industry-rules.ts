/**
 * GB/T 4754-2017 国民经济行业分类: lookups over the four-level code table in `data/gbt4754-2017.json`
 * (section A–T → 2-digit division → 3-digit group → 4-digit class). Isomorphic (Vite bundles the JSON).
 *
 * Enterprises store the plain code of any level (`'3435'`, `'34'`, `'C'`); the section-prefixed form
 * seen in some registries (`'C3435'`) is accepted by `normaliseIndustryCode` when the letter is right.
 */
import table from './data/gbt4754-2017.json';

export const industryLevels = ['section', 'division', 'group', 'class'] as const;
export type IndustryLevel = (typeof industryLevels)[number];

export const industryLevelLabels: Record<IndustryLevel, { zh: string; en: string }> = {
  section: { zh: '门类', en: 'Section' },
  division: { zh: '大类', en: 'Division' },
  group: { zh: '中类', en: 'Group' },
  class: { zh: '小类', en: 'Class' },
};

export type IndustryEntry = {
  readonly code: string;
  readonly name: string;
  readonly level: IndustryLevel;
  /** section → `null`; division → section letter; group → division; class → group. */
  readonly parent: string | null;
};

const isIndustryLevel = (value: string): value is IndustryLevel => (industryLevels as readonly string[]).includes(value);

const entries: readonly IndustryEntry[] = table.map((row): IndustryEntry => {
  if (!isIndustryLevel(row.level)) throw new Error(`gbt4754-2017.json: unknown level ${row.level} for ${row.code}`);
  return Object.freeze({ code: row.code, name: row.name, level: row.level, parent: row.parent });
});
const byCode: ReadonlyMap<string, IndustryEntry> = new Map(entries.map((e) => [e.code, e]));
const childrenByParent: ReadonlyMap<string, readonly IndustryEntry[]> = (() => {
  const map = new Map<string, IndustryEntry[]>();
  for (const e of entries) {
    if (e.parent === null) continue;
    const list = map.get(e.parent);
    if (list) list.push(e);
    else map.set(e.parent, [e]);
  }
  return map;
})();

const invisible = /[\s\u200B-\u200D\u2060\uFEFF]/g;
const fullWidth = /[\uFF01-\uFF5E]/g;
const sectionPrefixed = /^([A-T])([0-9]{2,4})$/;
/** Digits and upper-case letters only: nothing to clean (the usual case). */
const alreadyClean = /^[0-9A-Z]*$/;

/**
 * Drops whitespace, maps full-width to half-width, upper-cases, and strips a section letter that
 * matches the digits (`'c3435'` → `'3435'`). Other input is returned cleaned but otherwise unchanged,
 * so that `isValidIndustryCode` rejects it.
 */
export function normaliseIndustryCode(raw: string): string {
  const code = alreadyClean.test(raw)
    ? raw
    : raw
        .replace(fullWidth, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
        .replace(invisible, '')
        .toUpperCase();
  const match = sectionPrefixed.exec(code);
  if (!match) return code;
  const [, letter, digits] = match;
  if (digits === undefined || !byCode.has(digits)) return code;
  return sectionCodeOf(digits) === letter ? digits : code;
}

function sectionCodeOf(code: string): string | null {
  let entry = byCode.get(code);
  while (entry && entry.parent !== null) entry = byCode.get(entry.parent);
  return entry ? entry.code : null;
}

/** The entry for a code of any level (normalised first), or `null`. */
export function findIndustry(code: string): IndustryEntry | null {
  return byCode.get(normaliseIndustryCode(code)) ?? null;
}

/** True for a code of any level that exists in GB/T 4754-2017 (exact form, no normalisation). */
export function isValidIndustryCode(code: string): boolean {
  return byCode.has(code);
}

/** Section → division → group → class down to `code` (inclusive); `[]` for an unknown code. */
export function industryPath(code: string): IndustryEntry[] {
  const path: IndustryEntry[] = [];
  let entry = findIndustry(code);
  while (entry) {
    path.unshift(entry);
    entry = entry.parent === null ? null : (byCode.get(entry.parent) ?? null);
  }
  return path;
}

export type ListIndustriesOptions = {
  level?: IndustryLevel;
  /** Direct children of this code only (`'C'` → its divisions, `'343'` → its classes). */
  parent?: string;
};

/** Entries in the standard's order, optionally filtered by level and/or parent. */
export function listIndustries(options: ListIndustriesOptions = {}): IndustryEntry[] {
  const source = options.parent === undefined ? entries : (childrenByParent.get(options.parent) ?? []);
  return options.level === undefined ? [...source] : source.filter((e) => e.level === options.level);
}

/**
 * Code prefixes that select everything under `filterCode` (inclusive) by string prefix: a section
 * expands to itself plus its division codes (`'P'` → `['P', '83']`), other levels are their own
 * prefix. `[]` for an unknown code. For stores: `industry_code LIKE ANY (prefix || '%')`.
 */
export function industryFilterPrefixes(filterCode: string): string[] {
  const entry = findIndustry(filterCode);
  if (!entry) return [];
  if (entry.level !== 'section') return [entry.code];
  return [entry.code, ...(childrenByParent.get(entry.code) ?? []).map((d) => d.code)];
}

/** True when `industryCode` is `filterCode` or lies under it (any level). */
export function matchesIndustryFilter(filterCode: string, industryCode: string): boolean {
  const filter = normaliseIndustryCode(filterCode);
  return industryPath(industryCode).some((e) => e.code === filter);
}
