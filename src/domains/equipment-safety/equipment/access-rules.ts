/**
 * Who sees which devices and may do what to them (pure, isomorphic: the web app shows buttons
 * from the same rules).
 *
 * Reading (decided here, domain.md §0.1/§1.5):
 * - office, bureau, admin: every device;
 * - township/street/park users: devices whose territory (属地) lies in their subtree;
 * - departments: devices they supervise (supervising unit in their subtree; 部门监管责任);
 * - inspectors: every device (inspection bodies work city-wide, like their view of enterprises);
 * - enterprise users: devices whose use unit (使用单位) or maintenance unit (维保单位) is their
 *   enterprise — a maintenance company records maintenance for the elevators it maintains.
 *
 * Writing:
 * - registry data (address, location, parties other than the use unit, site type, parameters…):
 *   `safety.manage_equipment` — bureau, admin, and townships inside their territory (they find
 *   unregistered devices on patrol and correct addresses);
 * - registration (codes, certificate, classification, commissioning and supervision dates, and
 *   every lifecycle action: register, stop, restart, change, transfer, scrap, cancel):
 *   `safety.register_equipment` — the registry authority (登记机关, the bureau) and admin;
 * - inspection results: `safety.record_inspection` — bureau, admin, inspectors;
 * - maintenance records: `safety.record_maintenance`; operator certificates:
 *   `safety.manage_operators` — bureau, admin, and the device's own enterprise.
 */
import type { DataScope } from '../../../shared/actor';
import { hasPermission } from '../../../shared/permissions';
import type { Role } from '../../../shared/roles';
import type { RegistrationAction, RegistrationStatus } from './enums';
import { listRegistrationActions } from './registration-rules';

export type DeviceScope =
  | { kind: 'all' }
  | { kind: 'territory'; rootPath: string }
  | { kind: 'supervising'; rootPath: string }
  | { kind: 'enterprise'; enterpriseId: string }
  | { kind: 'none' };

export function deviceReadScope(role: Role | null, scope: DataScope): DeviceScope {
  if (scope.kind === 'all') return { kind: 'all' };
  if (scope.kind === 'enterprise') return { kind: 'enterprise', enterpriseId: scope.enterpriseId };
  if (scope.kind === 'self') return { kind: 'none' };
  if (role === 'inspector') return { kind: 'all' };
  if (role === 'department') return { kind: 'supervising', rootPath: scope.rootPath };
  return { kind: 'territory', rootPath: scope.rootPath };
}

/** Fields only the registry authority changes (PATCH refuses them for others). */
export const registryFields = [
  'equipmentCode',
  'registrationCode',
  'useRegistrationCertNo',
  'certIssueDate',
  'categoryCode',
  'kindCode',
  'varietyCode',
  'commissioningDate',
  'installSupervisionDate',
] as const;
export type RegistryField = (typeof registryFields)[number];

export const registryFieldLabels: Record<RegistryField, string> = {
  equipmentCode: '设备代码',
  registrationCode: '注册代码',
  useRegistrationCertNo: '使用登记证编号',
  certIssueDate: '发证日期',
  categoryCode: '设备种类',
  kindCode: '设备类别',
  varietyCode: '设备品种',
  commissioningDate: '投用日期',
  installSupervisionDate: '监督检验合格日期',
};

export function isRegistryField(field: string): field is RegistryField {
  return (registryFields as readonly string[]).includes(field);
}

export type DeviceAbilities = {
  edit: boolean;
  editRegistry: boolean;
  recordInspection: boolean;
  recordMaintenance: boolean;
  manageOperators: boolean;
  /** Registration actions allowed now (status × permission). */
  registrationActions: RegistrationAction[];
};

type AbilityActor = { kind: 'user' | 'system'; role: Role | null };

/** What an actor may do to a device they can see. */
export function deviceAbilities(actor: AbilityActor, device: { status: RegistrationStatus }): DeviceAbilities {
  const can = (permission: Parameters<typeof hasPermission>[1]) => actor.kind === 'system' || (actor.role !== null && hasPermission(actor.role, permission));
  const register = can('safety.register_equipment');
  return {
    edit: can('safety.manage_equipment'),
    editRegistry: register,
    recordInspection: can('safety.record_inspection'),
    recordMaintenance: can('safety.record_maintenance'),
    manageOperators: can('safety.manage_operators'),
    registrationActions: register ? listRegistrationActions(device.status) : [],
  };
}
