/**
 * 特种设备目录 (special-equipment catalogue) as versioned reference data (isomorphic).
 *
 * Level words follow the data file (shared/data/README.md §2), not domain.md §1.2's English table:
 * `category` = 种类 (1000 锅炉), `kind` = 类别 (3100 曳引与强制驱动电梯), `variety` = 品种
 * (3110 曳引驱动乘客电梯). Rely on the codes, not the English words.
 * Edition 2014 = 质检总局 2014年第114号公告, dated 2014-10-30 (used as validFrom).
 */
import { z } from 'zod';
import { invalid, notFound } from '../../../shared/errors';
import catalogue2014Json from './data/tsg-catalogue-2014.json' with { type: 'json' };

export const catalogueLevels = ['category', 'kind', 'variety'] as const;
export type CatalogueLevel = (typeof catalogueLevels)[number];

export const catalogueLevelLabels: Record<CatalogueLevel, { zh: string; en: string }> = {
  category: { zh: '种类', en: 'Category' },
  kind: { zh: '类别', en: 'Kind' },
  variety: { zh: '品种', en: 'Variety' },
};

const catalogueEntrySchema = z.object({
  code: z.string().regex(/^[0-9A-Z]{4}$/),
  name: z.string().min(1),
  level: z.enum(catalogueLevels),
  parent: z.string().nullable(),
  scope: z.string().optional(),
  note: z.string().optional(),
});
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;

export const catalogueEditionIds = ['2014'] as const;
export type CatalogueEditionId = (typeof catalogueEditionIds)[number];

export type CatalogueEdition = {
  edition: CatalogueEditionId;
  validFrom: string;
  validTo: string | null;
  source: string;
  entries: readonly CatalogueEntry[];
};

export const catalogueEditions: readonly CatalogueEdition[] = [
  {
    edition: '2014',
    validFrom: '2014-10-30',
    validTo: null,
    source: '质检总局关于修订《特种设备目录》的公告（2014年第114号）',
    entries: z.array(catalogueEntrySchema).parse(catalogue2014Json),
  },
];

function latestEdition(): CatalogueEdition {
  const edition = catalogueEditions[catalogueEditions.length - 1];
  if (!edition) throw notFound('equipment.no_catalogue', '未配置特种设备目录');
  return edition;
}

function resolveEdition(edition: CatalogueEditionId | undefined): CatalogueEdition {
  if (edition === undefined) return latestEdition();
  const found = catalogueEditions.find((e) => e.edition === edition);
  if (!found) throw notFound('equipment.unknown_catalogue_edition', `未知目录版本：${edition}`, { edition });
  return found;
}

/** The edition in force on a date (validFrom inclusive, validTo exclusive), or null before the first. */
export function selectCatalogueEdition(onDate: string): CatalogueEdition | null {
  return catalogueEditions.find((e) => e.validFrom <= onDate && (e.validTo === null || onDate < e.validTo)) ?? null;
}

const entryIndex = new WeakMap<CatalogueEdition, ReadonlyMap<string, CatalogueEntry>>();

export function findCatalogueEntry(code: string, edition?: CatalogueEditionId): CatalogueEntry | null {
  const resolved = resolveEdition(edition);
  let index = entryIndex.get(resolved);
  if (!index) {
    index = new Map(resolved.entries.map((e) => [e.code, e]));
    entryIndex.set(resolved, index);
  }
  return index.get(code) ?? null;
}

/** Throws `equipment.unknown_catalogue_code` (not_found) when the code is not in the edition. */
export function getCatalogueEntry(code: string, edition?: CatalogueEditionId): CatalogueEntry {
  const entry = findCatalogueEntry(code, edition);
  if (!entry) throw notFound('equipment.unknown_catalogue_code', `目录中无此代码：${code}`, { code });
  return entry;
}

/** Children of a code in catalogue order; `null` lists the ten categories. */
export function listCatalogueChildren(parentCode: string | null, edition?: CatalogueEditionId): CatalogueEntry[] {
  return resolveEdition(edition).entries.filter((e) => e.parent === parentCode);
}

/** "3110 曳引驱动乘客电梯" (or the bare code when unknown). */
export function formatCatalogueLabel(code: string, edition?: CatalogueEditionId): string {
  const entry = findCatalogueEntry(code, edition);
  return entry ? `${entry.code} ${entry.name}` : code;
}

/** English names of the categories (the data file has Chinese names only; translations by this project). */
export const categoryEnglishNames: Readonly<Record<string, string>> = {
  '1000': 'Boiler',
  '2000': 'Pressure vessel',
  '8000': 'Pressure piping',
  '7000': 'Pressure-piping component',
  '3000': 'Elevator',
  '4000': 'Lifting appliance',
  '9000': 'Passenger ropeway',
  '6000': 'Large amusement device',
  '5000': 'Field (in-plant) special motor vehicle',
  F000: 'Safety accessory',
};

/** 承压类 vs 机电类 (domain.md §1.2 [S]); field vehicles are grouped with electromechanical. */
export function classifyEquipmentClass(categoryCode: string): 'pressure_bearing' | 'electromechanical' | null {
  if (['1000', '2000', '8000', '7000'].includes(categoryCode)) return 'pressure_bearing';
  if (['3000', '4000', '9000', '6000', '5000'].includes(categoryCode)) return 'electromechanical';
  return null;
}

/**
 * Registration mode (domain.md §1.1 [S], src 17): per using unit for gas cylinders except vehicle
 * cylinders, and for industrial pipelines; per device for the other registrable categories.
 * 7000 (components: production licensing only) and F000 (accessories) are not registry objects → null.
 * 8100/8200 (long-distance, public pipelines) are not stated in domain.md → null (configure).
 */
export function getRegistrationMode(
  device: { categoryCode: string; kindCode: string | null },
  options: { isVehicleCylinder?: boolean } = {},
): 'per_device' | 'per_unit' | null {
  if (device.categoryCode === '7000' || device.categoryCode === 'F000') return null;
  if (device.kindCode === '2300') return options.isVehicleCylinder ? 'per_device' : 'per_unit';
  if (device.kindCode === '8300') return 'per_unit';
  if (device.categoryCode === '8000') return null;
  return findCatalogueEntry(device.categoryCode) ? 'per_device' : null;
}

export type Classification = { categoryCode: string; kindCode: string | null; varietyCode: string | null };
export type ClassificationProblem = { field: keyof Classification; reason: string; message: string };

/**
 * First inconsistency of a (category, kind, variety) triple, or null when it is consistent:
 * the category must be a category; the kind must belong to it (null only when the category has no
 * kinds, as under F000); the variety must belong to the kind (or to F000 directly) and is null only
 * when that parent has no varieties ("没有品种的划‘-’", src 21). `requireVariety: false` accepts a
 * missing variety where varieties exist (legacy imports).
 */
export function findClassificationProblem(
  triple: Classification,
  options: { requireVariety?: boolean; edition?: CatalogueEditionId } = {},
): ClassificationProblem | null {
  const { requireVariety = true, edition } = options;
  const category = findCatalogueEntry(triple.categoryCode, edition);
  if (!category || category.level !== 'category') {
    return { field: 'categoryCode', reason: 'unknown_category', message: `设备种类代码无效：${triple.categoryCode}` };
  }
  const kinds = listCatalogueChildren(category.code, edition).filter((e) => e.level === 'kind');
  let holder = category;
  if (kinds.length > 0) {
    const kind = kinds.find((k) => k.code === triple.kindCode);
    if (!kind) {
      const message = triple.kindCode ? `类别 ${triple.kindCode} 不属于种类 ${category.code} ${category.name}` : '请选择设备类别';
      return { field: 'kindCode', reason: triple.kindCode ? 'kind_mismatch' : 'kind_required', message };
    }
    holder = kind;
  } else if (triple.kindCode !== null) {
    return { field: 'kindCode', reason: 'kind_not_applicable', message: `种类 ${category.code} 下没有类别` };
  }
  const varieties = listCatalogueChildren(holder.code, edition).filter((e) => e.level === 'variety');
  if (triple.varietyCode === null) {
    if (varieties.length > 0 && requireVariety) {
      return { field: 'varietyCode', reason: 'variety_required', message: `请选择 ${holder.code} ${holder.name} 的品种` };
    }
    return null;
  }
  if (!varieties.some((v) => v.code === triple.varietyCode)) {
    const reason = varieties.length === 0 ? 'variety_not_applicable' : 'variety_mismatch';
    return { field: 'varietyCode', reason, message: `品种 ${triple.varietyCode} 不属于 ${holder.code} ${holder.name}` };
  }
  return null;
}

export function isConsistentClassification(triple: Classification, options?: { requireVariety?: boolean }): boolean {
  return findClassificationProblem(triple, options) === null;
}

/** Throws `equipment.invalid_classification` (invalid) with `{field, reason}` details. */
export function assertClassification(triple: Classification, options?: { requireVariety?: boolean }): void {
  const problem = findClassificationProblem(triple, options);
  if (problem) throw invalid('equipment.invalid_classification', problem.message, { field: problem.field, reason: problem.reason });
}
