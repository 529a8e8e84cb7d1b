/**
 * Who enters environment data, and how far environment reads reach (isomorphic).
 *
 * - Data entry (stations, hourly air data, water samples, noise measurements, red-line zones,
 *   control rules): administrators, the quality office, the bureau, and department users of the
 *   environment department(s) named in the module settings (default: org unit `dept-env`).
 * - Reads follow the route scope (a township sees the stations of its territory), except that
 *   the data-entry department, whose own org subtree holds no territory, reads city-wide.
 */
import type { DataScope } from '../../shared/actor';
import type { Role } from '../../shared/roles';

export const defaultDataEntryDepartmentCodes: readonly string[] = ['dept-env'];

export type EnvironmentSettings = {
  /** Org unit codes of the departments that enter environment data. */
  dataEntryDepartmentCodes: string[];
};

export const defaultEnvironmentSettings: EnvironmentSettings = { dataEntryDepartmentCodes: [...defaultDataEntryDepartmentCodes] };

/** Whether a user of this role in the org unit with this code may enter environment data. */
export function canEnterEnvironmentData(role: Role | null, orgUnitCode: string | null, settings: EnvironmentSettings): boolean {
  if (role === 'admin' || role === 'office' || role === 'bureau') return true;
  if (role !== 'department' || orgUnitCode === null) return false;
  const code = orgUnitCode.toLowerCase();
  return settings.dataEntryDepartmentCodes.some((c) => c.toLowerCase() === code);
}

/** The scope of environment reads: the route's scope, widened to 'all' for data-entry users. */
export function resolveEnvironmentReadScope(scope: DataScope, isDataEntryUser: boolean): DataScope {
  return isDataEntryUser ? { kind: 'all' } : scope;
}
