/**
 * The tabs of the enterprise page. Other modules add their view of one enterprise here (特种设备,
 * 荣誉, 标准, 隐患 …): one entry each, inserted before 变更记录, with a lazy component so their code
 * loads only when the tab is opened, and `visible` to hide the tab from users without the module.
 */
import type { ReactNode } from 'react';
import type { EnterpriseDetail } from '../../../domains/enterprises/view-schema';
import type { Permission } from '../../../shared/permissions';
import { EnterpriseBasicInfo } from './enterprise-basic-info';
import { EnterpriseHistoryTab } from './enterprise-history-tab';

export type EnterpriseTab = {
  /** The `?tab=` value. */
  key: string;
  label: { zh: string; en: string };
  /** Shown only to users with this permission (e.g. `safety.read` for equipment). */
  permission?: Permission;
  render(enterprise: EnterpriseDetail): ReactNode;
};

export const enterpriseDetailTabs: EnterpriseTab[] = [
  { key: 'basic', label: { zh: '基本信息', en: 'Basic information' }, render: (e) => <EnterpriseBasicInfo enterprise={e} /> },
  // later modules: { key: 'equipment', label: { zh: '特种设备', en: 'Equipment' }, permission: 'safety.read', render: (e) => <LazyEquipmentTab enterpriseId={e.id} /> },
  { key: 'history', label: { zh: '变更记录', en: 'Change history' }, render: (e) => <EnterpriseHistoryTab enterpriseId={e.id} /> },
];
