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
  office: [...staffRead, 'org.manage', 'users.read', 'users.manage', 'audit.read', 'settings.manage'],
  bureau: [...staffRead, 'users.read'],
  department: [...staffRead, 'users.read'],
  township: [...staffRead, 'org.manage', 'users.read', 'users.manage'],
  inspector: [...everyone, 'org.read', 'enterprises.read', 'safety.read'],
  enterprise: [...everyone, 'enterprises.read', 'brands.read', 'standards.read', 'safety.read'],
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
