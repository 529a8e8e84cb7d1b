/**
 * Stable English enum values of the enterprise registry with their Chinese/English labels.
 * Isomorphic: the web app imports the labels, the API and the database store the values.
 */
import type { OrgUnitKind } from '../../shared/roles';

export type Label = { zh: string; en: string };

/** 企业规模 (大型/中型/小型/微型, per the national SME classification). */
export const scaleClasses = ['large', 'medium', 'small', 'micro'] as const;
export type ScaleClass = (typeof scaleClasses)[number];
export const scaleClassLabels: Record<ScaleClass, Label> = {
  large: { zh: '大型', en: 'Large' },
  medium: { zh: '中型', en: 'Medium' },
  small: { zh: '小型', en: 'Small' },
  micro: { zh: '微型', en: 'Micro' },
};

/** 规上/规下 (规模以上/以下), stored as the boolean `aboveDesignatedSize`; keyed by `String(value)`. */
export const aboveDesignatedSizeLabels: Record<'true' | 'false', Label> = {
  true: { zh: '规上', en: 'Above designated size' },
  false: { zh: '规下', en: 'Below designated size' },
};

/** 登记状态: 存续 / 注销 / 吊销 / 迁出. */
export const enterpriseStatuses = ['active', 'cancelled', 'revoked', 'moved_out'] as const;
export type EnterpriseStatus = (typeof enterpriseStatuses)[number];
export const enterpriseStatusLabels: Record<EnterpriseStatus, Label> = {
  active: { zh: '存续', en: 'Active' },
  cancelled: { zh: '注销', en: 'Deregistered' },
  revoked: { zh: '吊销', en: 'Licence revoked' },
  moved_out: { zh: '迁出', en: 'Moved out' },
};

/** Org-unit kinds an enterprise's territory may be (镇/街道/园区), checked by the service against the unit. */
export const enterpriseTerritoryKinds = ['township', 'street', 'park'] as const satisfies readonly OrgUnitKind[];
export type EnterpriseTerritoryKind = (typeof enterpriseTerritoryKinds)[number];

/** Fields the list may be sorted by; `-field` sorts descending. */
export const enterpriseSortFields = [
  'name',
  'creditCode',
  'establishedOn',
  'registeredCapital',
  'industryCode',
  'status',
  'createdAt',
  'updatedAt',
] as const;
export type EnterpriseSortField = (typeof enterpriseSortFields)[number];
export type EnterpriseSort = EnterpriseSortField | `-${EnterpriseSortField}`;
export const enterpriseSorts = enterpriseSortFields.flatMap((f): EnterpriseSort[] => [f, `-${f}`]) as [
  EnterpriseSort,
  ...EnterpriseSort[],
];
