/**
 * Display labels of the enterprise pages that the domain does not already export: field labels with
 * English, history action labels, status colours and the currencies offered in the form.
 * (Enum labels — scale, status, 规上 — come from the domain's enterprise-enums.ts.)
 */
import { enterpriseFieldLabels, type EnterpriseField } from '../../../domains/enterprises/access-rules';
import type { EnterpriseStatus } from '../../../domains/enterprises/enterprise-enums';

type Label = { zh: string; en: string };

const englishFieldLabels: Record<EnterpriseField, string> = {
  creditCode: 'Credit code',
  name: 'Name',
  formerNames: 'Former names',
  legalRepresentative: 'Legal representative',
  registeredAddress: 'Registered address',
  registeredCapital: 'Registered capital',
  registeredCapitalCurrency: 'Currency',
  establishedOn: 'Established on',
  status: 'Registration status',
  territoryOrgUnitId: 'Territory',
  industryCode: 'Industry',
  scaleClass: 'Scale',
  aboveDesignatedSize: 'Above designated size',
  highTechCertificate: 'High-tech certificate',
  tags: 'Tags',
  contacts: 'Contacts',
};

export const enterpriseFieldLabelMap: Record<string, Label> = Object.fromEntries(
  (Object.keys(enterpriseFieldLabels) as EnterpriseField[]).map((f) => [f, { zh: enterpriseFieldLabels[f], en: englishFieldLabels[f] }]),
);

export const enterpriseActionLabels: Record<string, Label> = {
  'enterprise.create': { zh: '新建', en: 'Created' },
  'enterprise.update': { zh: '修改', en: 'Edited' },
  'enterprise.rename': { zh: '更名', en: 'Renamed' },
  'enterprise.status': { zh: '变更登记状态', en: 'Status changed' },
  'enterprise.contacts': { zh: '修改联系人', en: 'Contacts edited' },
  'enterprise.import_insert': { zh: '导入新增', en: 'Imported (new)' },
  'enterprise.import_update': { zh: '导入更新', en: 'Imported (update)' },
  'enterprise.seed': { zh: '演示数据', en: 'Demo data' },
};

export const enterpriseStatusColors: Partial<Record<EnterpriseStatus, string>> = {
  active: 'green',
  cancelled: 'default',
  revoked: 'red',
  moved_out: 'orange',
};

/** Currencies of registered capital, labelled as the amount's unit (the form takes 万 of the currency). */
export const currencyOptions: ReadonlyArray<{ value: string; unit: Label }> = [
  { value: 'CNY', unit: { zh: '万元', en: '×10k CNY' } },
  { value: 'USD', unit: { zh: '万美元', en: '×10k USD' } },
  { value: 'HKD', unit: { zh: '万港元', en: '×10k HKD' } },
  { value: 'EUR', unit: { zh: '万欧元', en: '×10k EUR' } },
  { value: 'JPY', unit: { zh: '万日元', en: '×10k JPY' } },
];
