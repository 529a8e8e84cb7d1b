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
  office: [...staffRead, 'org.manage', 'users.read', 'users.manage', 'audit.read', 'settings.manage', 'enterprises.manage', 'enterprises.contacts', 'imports.manage', 'environment.manage', 'environment.siting'],
  bureau: [...staffRead, 'users.read', 'enterprises.manage', 'enterprises.register', 'enterprises.contacts', 'imports.manage', 'environment.manage', 'environment.siting'],
  department: [...staffRead, 'users.read', 'environment.manage', 'environment.siting'],
  township: [...staffRead, 'org.manage', 'users.read', 'users.manage', 'enterprises.manage', 'enterprises.contacts', 'imports.manage', 'environment.siting'],
  inspector: [...everyone, 'org.read', 'enterprises.read', 'safety.read'],
  enterprise: [...everyone, 'enterprises.read', 'brands.read', 'standards.read', 'safety.read', 'enterprises.contacts'],
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
