import type { Role } from './roles';

/**
 * What each role may do (isomorphic: the server enforces it, the web app uses it to build the
 * menu). A route declares one permission and one scope; `platform/http/access.ts` checks both
 * in one place. Domains add their permissions here as they land.
 */
export const permissions = [
  'org.read',
  'org.manage',
  'users.read',
  'users.manage',
  'audit.read',
  'settings.manage',
  'notifications.read',
  'files.upload',
  'files.read',
  'jobs.read',
  // Module entry points (reading); each module adds finer write permissions when it lands.
  'enterprises.read',
  'targets.read',
  'brands.read',
  'standards.read',
  'safety.read',
  'environment.read',
  'surveys.read',
  'reports.read',
  // Enterprise registry: create/edit supervision data and import; registry (登记) fields and status; contacts.
  'enterprises.manage',
  'enterprises.register',
  'enterprises.contacts',
  // Generic Excel/CSV imports: upload, history, error reports, undo (each kind also checks its own permission).
  'imports.manage',
  // Environment: stations, monitoring data, red-line zones and control rules (data entry); siting checks.
  'environment.manage',
  'environment.siting',
  // Target responsibility and assessment: plan, indicators, decomposition, scoring, publication (质强办);
  // progress reports, self-evaluations and objections of one's own unit; review as lead department.
  'targets.manage',
  'targets.report',
  'targets.review',
  // Special equipment: registry data (townships in their territory), registration actions (登记机关),
  // inspection results, maintenance records and operator certificates, inspection-rule configuration.
  'safety.manage_equipment',
  'safety.register_equipment',
  'safety.record_inspection',
  'safety.record_maintenance',
  'safety.manage_operators',
  'safety.configure_rules',
  // Hazard closed loop (隐患闭环): report and edit hazards; take workflow actions (the state table and the
  // user's relation to each hazard decide which ones).
  'safety.report_hazard',
  'safety.handle_hazard',
] as const;
export type Permission = (typeof permissions)[number];

/** How far a role reaches into org-scoped data. */
export type RoleReach = 'all' | 'subtree' | 'enterprise';

export const roleReach: Record<Role, RoleReach> = {
  admin: 'all',
  office: 'all',
  bureau: 'all',
  department: 'subtree',
  township: 'subtree',
  inspector: 'subtree',
  enterprise: 'enterprise',
};

const everyone: Permission[] = ['notifications.read', 'files.upload', 'files.read', 'jobs.read'];
const modules: Permission[] = ['enterprises.read', 'targets.read', 'brands.read', 'standards.read', 'safety.read', 'environment.read', 'surveys.read', 'reports.read'];
const staffRead: Permission[] = [...everyone, 'org.read', ...modules];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: [...permissions],
  office: [...staffRead, 'org.manage', 'users.read', 'users.manage', 'audit.read', 'settings.manage', 'enterprises.manage', 'enterprises.contacts', 'imports.manage', 'environment.manage', 'environment.siting', 'targets.manage', 'targets.review', 'safety.report_hazard', 'safety.handle_hazard'],
  bureau: [...staffRead, 'users.read', 'enterprises.manage', 'enterprises.register', 'enterprises.contacts', 'imports.manage', 'environment.manage', 'environment.siting', 'targets.report', 'targets.review', 'safety.manage_equipment', 'safety.register_equipment', 'safety.record_inspection', 'safety.record_maintenance', 'safety.manage_operators', 'safety.configure_rules', 'safety.report_hazard', 'safety.handle_hazard'],
  department: [...staffRead, 'users.read', 'imports.manage', 'environment.manage', 'environment.siting', 'targets.report', 'targets.review', 'safety.report_hazard', 'safety.handle_hazard'],
  township: [...staffRead, 'org.manage', 'users.read', 'users.manage', 'enterprises.manage', 'enterprises.contacts', 'imports.manage', 'environment.siting', 'targets.report', 'safety.manage_equipment', 'safety.report_hazard', 'safety.handle_hazard'],
  inspector: [...everyone, 'org.read', 'enterprises.read', 'safety.read', 'safety.record_inspection', 'imports.manage', 'safety.report_hazard', 'safety.handle_hazard'],
  enterprise: [...everyone, 'enterprises.read', 'brands.read', 'standards.read', 'safety.read', 'enterprises.contacts', 'safety.record_maintenance', 'safety.manage_operators', 'safety.report_hazard', 'safety.handle_hazard'],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

/**
 * Roles a user manager may hand out. Only administrators create administrators; the office
 * manages government and enterprise accounts; a township manages township accounts in its own
 * territory.
 */
export const assignableRoles: Record<Role, readonly Role[]> = {
  admin: ['admin', 'office', 'bureau', 'department', 'township', 'inspector', 'enterprise'],
  office: ['office', 'bureau', 'department', 'township', 'inspector', 'enterprise'],
  bureau: [],
  department: [],
  township: ['township'],
  inspector: [],
  enterprise: [],
};
