/**
 * What the generic import wizard needs to know about each import kind before anything is uploaded:
 * its name, the permission the kind requires besides `imports.manage` (the server checks both), and
 * the list page to go back to. A module that registers an import kind on the server adds a line here;
 * an unknown kind still works, it is just shown by its code.
 */
import type { Permission } from '../../../shared/permissions';

export type ImportKindMeta = {
  label: { zh: string; en: string };
  permission: Permission;
  /** The list of the imported records (the wizard's "back" link) and its name. */
  listPath: string;
  listLabel: { zh: string; en: string };
};

export const importKinds: Record<string, ImportKindMeta> = {
  enterprises: { label: { zh: '企业', en: 'Enterprises' }, permission: 'enterprises.manage', listPath: '/enterprises', listLabel: { zh: '企业信息', en: 'Enterprises' } },
};

export function importKindMeta(kind: string): ImportKindMeta | null {
  return Object.hasOwn(importKinds, kind) ? (importKinds[kind] ?? null) : null;
}
