/**
 * Who may see and change which enterprise data (pure, isomorphic; the web app uses the same rules
 * to show or hide buttons).
 *
 * Reading: office, bureau and admin see every enterprise; a township (street, park) sees the
 * enterprises whose territory lies in its subtree; departments and inspectors see all of them
 * (they supervise sectors across the city, not territories); an enterprise user sees only
 * their own enterprise.
 *
 * Writing: the registry (登记) fields — credit code, name, former names, legal representative,
 * address, capital, establishment date, status — come from market-supervision registration: they
 * are set when a record is created, and afterwards only the bureau (and admin) change them.
 * Supervision fields (territory, industry, scale, 规上, high-tech certificate, tags) are kept by
 * office, bureau, admin, and townships inside their territory. Contacts may also be kept by the
 * enterprise's own users.
 */
import type { DataScope } from '../../shared/actor';
import { forbidden } from '../../shared/errors';
import { hasPermission } from '../../shared/permissions';
import type { Role } from '../../shared/roles';

export const registryFields = [
  'creditCode',
  'name',
  'formerNames',
  'legalRepresentative',
  'registeredAddress',
  'registeredCapital',
  'registeredCapitalCurrency',
  'establishedOn',
  'status',
] as const;
export type RegistryField = (typeof registryFields)[number];

export const supervisionFields = ['territoryOrgUnitId', 'industryCode', 'scaleClass', 'aboveDesignatedSize', 'highTechCertificate', 'tags', 'contacts'] as const;
export type SupervisionField = (typeof supervisionFields)[number];
export type EnterpriseField = RegistryField | SupervisionField;

export const enterpriseFieldLabels: Record<EnterpriseField, string> = {
  creditCode: '统一社会信用代码',
  name: '企业名称',
  formerNames: '曾用名',
  legalRepresentative: '法定代表人',
  registeredAddress: '注册地址',
  registeredCapital: '注册资本',
  registeredCapitalCurrency: '币种',
  establishedOn: '成立日期',
  status: '登记状态',
  territoryOrgUnitId: '属地',
  industryCode: '行业',
  scaleClass: '企业规模',
  aboveDesignatedSize: '是否规上',
  highTechCertificate: '高新技术企业证书',
  tags: '标签',
  contacts: '联系人',
};

const isRegistryField = (field: string): field is RegistryField => (registryFields as readonly string[]).includes(field);

/** Roles whose reach is a subtree but who supervise sectors city-wide read every enterprise. */
const cityWideReaders: readonly Role[] = ['department', 'inspector'];

export function enterpriseReadScope(role: Role | null, scope: DataScope): DataScope {
  if (scope.kind === 'subtree' && role !== null && cityWideReaders.includes(role)) return { kind: 'all' };
  return scope;
}

export type EnterpriseAbilities = { edit: boolean; editRegistry: boolean; editContacts: boolean };

/** What an actor may do to one enterprise they can see (`territoryPath` = materialised path of its territory). */
export function enterpriseAbilities(actor: { kind: 'user' | 'system'; role: Role | null; scope: DataScope; enterpriseId: string | null }, enterprise: { id: string; territoryPath: string }): EnterpriseAbilities {
  if (actor.kind === 'system') return { edit: true, editRegistry: true, editContacts: true };
  const role = actor.role;
  if (!role) return { edit: false, editRegistry: false, editContacts: false };
  const inTerritory = actor.scope.kind === 'all' || (actor.scope.kind === 'subtree' && enterprise.territoryPath.startsWith(actor.scope.rootPath));
  const own = actor.scope.kind === 'enterprise' && actor.scope.enterpriseId === enterprise.id;
  const edit = hasPermission(role, 'enterprises.manage') && inTerritory;
  return {
    edit,
    editRegistry: edit && hasPermission(role, 'enterprises.register'),
    editContacts: hasPermission(role, 'enterprises.contacts') && (inTerritory || own),
  };
}

/** Throws when changed fields include registry fields the actor may not change. */
export function assertMayChangeFields(abilities: EnterpriseAbilities, changed: readonly string[]): void {
  const registry = changed.filter(isRegistryField);
  if (registry.length > 0 && !abilities.editRegistry) {
    throw forbidden('enterprise.registry_field_forbidden', `登记信息（${registry.map((f) => enterpriseFieldLabels[f]).join('、')}）以市场监管登记为准，只能由市场监管局修改`, {
      fields: registry,
    });
  }
  if (changed.some((f) => !isRegistryField(f)) && !abilities.edit) {
    throw forbidden('enterprise.edit_forbidden', '您无权修改该企业的信息');
  }
}

/** Registry fields among `changed` that the actor may not change (for import row messages). */
export function forbiddenRegistryChanges(abilities: EnterpriseAbilities, changed: readonly string[]): RegistryField[] {
  return abilities.editRegistry ? [] : changed.filter(isRegistryField);
}
