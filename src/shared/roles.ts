/**
 * Roles and org-unit kinds of the platform (isomorphic). Permissions per role live in
 * `permissions.ts`; a user has exactly one role and belongs to exactly one org unit
 * (enterprise users additionally to one enterprise).
 */
export const roles = ['admin', 'office', 'bureau', 'department', 'township', 'inspector', 'enterprise'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'System administrator' },
  office: { zh: '质强办工作人员', en: 'Quality-city office staff' },
  bureau: { zh: '市场监管局工作人员', en: 'Market-supervision bureau staff' },
  department: { zh: '部门工作人员', en: 'Department staff' },
  township: { zh: '镇（街道、园区）工作人员', en: 'Township staff' },
  inspector: { zh: '检验检测人员', en: 'Inspector' },
  enterprise: { zh: '企业用户', en: 'Enterprise user' },
};

/** Duty flags that township staff may carry (三级监管网络). */
export const userFlags = ['qualityManager', 'safetyCoordinator'] as const;
export type UserFlag = (typeof userFlags)[number];

export const userFlagLabels: Record<UserFlag, { zh: string; en: string }> = {
  qualityManager: { zh: '质量管理员', en: 'Quality manager' },
  safetyCoordinator: { zh: '特种设备安全协管员', en: 'Special-equipment safety coordinator' },
};

export const orgUnitKinds = ['city', 'office', 'department', 'township', 'street', 'park', 'village', 'station'] as const;
export type OrgUnitKind = (typeof orgUnitKinds)[number];

export const orgUnitKindLabels: Record<OrgUnitKind, { zh: string; en: string }> = {
  city: { zh: '市政府', en: 'City government' },
  office: { zh: '质强办', en: 'Leading-group office' },
  department: { zh: '部门', en: 'Department' },
  township: { zh: '镇', en: 'Township' },
  street: { zh: '街道', en: 'Street' },
  park: { zh: '园区', en: 'Park' },
  village: { zh: '村（社区）', en: 'Village / community' },
  station: { zh: '监管所', en: 'Field station' },
};

/** Kinds that are territories and carry a GB/T 2260 region code. */
export const territorialKinds: readonly OrgUnitKind[] = ['city', 'township', 'street', 'park', 'village'];
