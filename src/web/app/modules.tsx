import {
  ApartmentOutlined,
  AimOutlined,
  CrownOutlined,
  EnvironmentOutlined,
  FileProtectOutlined,
  FundProjectionScreenOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  SmileOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Permission } from '../../shared/permissions';

/**
 * The nine modules of product.md §2 and their pages. The menu, the routes and the home page are
 * built from this list; a page whose module is not built yet shows the honest "建设中" page.
 * A module adds its pages here when it lands (lazy imports keep each module in its own chunk).
 */
export type ModulePage = {
  path: string;
  label: { zh: string; en: string };
  permission: Permission;
  element?: LazyExoticComponent<ComponentType>;
  /** Pages reachable by URL (detail pages) but not listed in the menu. */
  hidden?: boolean;
};

export type AppModule = {
  key: string;
  label: { zh: string; en: string };
  description: { zh: string; en: string };
  icon: ReactNode;
  pages: ModulePage[];
};

const OrgUnitsPage = lazy(() => import('../features/org/org-units-page'));
const UsersPage = lazy(() => import('../features/users/users-page'));
const AuditLogPage = lazy(() => import('../features/audit/audit-log-page'));
const HazardsPage = lazy(() => import('../features/hazards/hazards-page'));
const HazardReportPage = lazy(() => import('../features/hazards/hazard-report-page'));
const HazardDetailPage = lazy(() => import('../features/hazards/hazard-detail-page'));
const TownshipPage = lazy(() => import('../features/hazards/township-page'));

export const appModules: AppModule[] = [
  {
    key: 'org',
    label: { zh: '组织与权限', en: 'Organisation & access' },
    description: { zh: '三级监管网络、用户与角色、审计日志', en: 'Supervision network, users and roles, audit log' },
    icon: <ApartmentOutlined />,
    pages: [
      { path: '/admin/org-units', label: { zh: '组织机构', en: 'Org units' }, permission: 'org.read', element: OrgUnitsPage },
      { path: '/admin/users', label: { zh: '用户管理', en: 'Users' }, permission: 'users.read', element: UsersPage },
      { path: '/admin/audit-log', label: { zh: '审计日志', en: 'Audit log' }, permission: 'audit.read', element: AuditLogPage },
    ],
  },
  {
    key: 'enterprises',
    label: { zh: '企业库', en: 'Enterprise registry' },
    description: { zh: '市场主体信息、统一社会信用代码校验、Excel 导入导出', en: 'Market entities, credit-code checks, Excel import/export' },
    icon: <ShopOutlined />,
    pages: [
      { path: '/enterprises', label: { zh: '企业信息', en: 'Enterprises' }, permission: 'enterprises.read', element: lazy(() => import('../features/enterprises/enterprises-page')) },
      { path: '/enterprises/uscc-check', label: { zh: '信用代码校验', en: 'Credit-code check' }, permission: 'enterprises.read', element: lazy(() => import('../features/enterprises/uscc-check-page')) },
      { path: '/enterprises/:id', label: { zh: '企业详情', en: 'Enterprise' }, permission: 'enterprises.read', element: lazy(() => import('../features/enterprises/enterprise-detail-page')), hidden: true },
      { path: '/imports', label: { zh: '导入记录', en: 'Import history' }, permission: 'imports.manage', element: lazy(() => import('../features/imports/imports-page')) },
      { path: '/imports/:kind', label: { zh: '批量导入', en: 'Bulk import' }, permission: 'imports.manage', element: lazy(() => import('../features/imports/import-wizard-page')), hidden: true },
    ],
  },
  {
    key: 'targets',
    label: { zh: '目标考核', en: 'Targets & assessment' },
    description: { zh: '年度计划、指标分解、督察推进、年终考核与排名', en: 'Annual plan, decomposition, progress, assessment and ranking' },
    icon: <AimOutlined />,
    pages: [
      { path: '/targets', label: { zh: '考核计划', en: 'Plans' }, permission: 'targets.read', element: lazy(() => import('../features/targets/plans-page')) },
      { path: '/targets/my', label: { zh: '我的填报', en: 'My reports' }, permission: 'targets.report', element: lazy(() => import('../features/targets/my-reports-page')) },
      { path: '/targets/plans/:id', label: { zh: '计划编辑', en: 'Plan' }, permission: 'targets.read', element: lazy(() => import('../features/targets/plan-editor-page')), hidden: true },
      { path: '/targets/plans/:id/progress', label: { zh: '督察推进', en: 'Progress' }, permission: 'targets.read', element: lazy(() => import('../features/targets/progress-page')), hidden: true },
      { path: '/targets/plans/:id/assessment', label: { zh: '年终考核', en: 'Assessment' }, permission: 'targets.read', element: lazy(() => import('../features/targets/assessment-page')), hidden: true },
      { path: '/targets/plans/:id/ranking', label: { zh: '考核排名', en: 'Ranking' }, permission: 'targets.read', element: lazy(() => import('../features/targets/ranking-page')), hidden: true },
      { path: '/targets/units/:id', label: { zh: '单位记分卡', en: 'Scorecard' }, permission: 'targets.read', element: lazy(() => import('../features/targets/scorecard-page')), hidden: true },
    ],
  },
  {
    key: 'brands',
    label: { zh: '名牌战略', en: 'Brand strategy' },
    description: { zh: '荣誉目录、名牌培育梯队、跟踪服务、质量奖申报', en: 'Honours, cultivation pipeline, visits, quality awards' },
    icon: <CrownOutlined />,
    pages: [{ path: '/brands', label: { zh: '名牌培育', en: 'Brand cultivation' }, permission: 'brands.read' }],
  },
  {
    key: 'standards',
    label: { zh: '标准化战略', en: 'Standardization' },
    description: { zh: '标准库、企业标准自我声明、覆盖率与奖励', en: 'Standards registry, declarations, coverage and rewards' },
    icon: <FileProtectOutlined />,
    pages: [{ path: '/standards', label: { zh: '标准化', en: 'Standards' }, permission: 'standards.read' }],
  },
  {
    key: 'safety',
    label: { zh: '安全监管', en: 'Safety supervision' },
    description: { zh: '特种设备、检验到期、隐患闭环、食品安全', en: 'Special equipment, inspections, hazard loop, food safety' },
    icon: <SafetyCertificateOutlined />,
    pages: [
      { path: '/safety/equipment', label: { zh: '特种设备', en: 'Special equipment' }, permission: 'safety.read', element: lazy(() => import('../features/equipment/equipment-page')) },
      { path: '/safety/equipment/new', label: { zh: '设备建档', en: 'Register a device' }, permission: 'safety.manage_equipment', element: lazy(() => import('../features/equipment/device-register-page')), hidden: true },
      { path: '/safety/equipment/rules', label: { zh: '检验周期规则', en: 'Inspection rules' }, permission: 'safety.configure_rules', element: lazy(() => import('../features/equipment/inspection-rules-page')) },
      { path: '/safety/equipment/:id', label: { zh: '设备详情', en: 'Device' }, permission: 'safety.read', element: lazy(() => import('../features/equipment/device-detail-page')), hidden: true },
      { path: '/safety/calendar', label: { zh: '工作日历', en: 'Working-day calendar' }, permission: 'settings.manage', element: lazy(() => import('../features/calendar/calendar-page')) },
      { path: '/safety/hazards', label: { zh: '隐患闭环', en: 'Hazards' }, permission: 'safety.read', element: HazardsPage },
      { path: '/safety/hazards/new', label: { zh: '上报隐患', en: 'Report a hazard' }, permission: 'safety.report_hazard', element: HazardReportPage, hidden: true },
      { path: '/safety/hazards/:id', label: { zh: '隐患详情', en: 'Hazard' }, permission: 'safety.read', element: HazardDetailPage, hidden: true },
      { path: '/safety/township', label: { zh: '属地隐患', en: 'Township hazards' }, permission: 'safety.read', element: TownshipPage },
    ],
  },
  {
    key: 'environment',
    label: { zh: '环境质量', en: 'Environmental quality' },
    description: { zh: '空气质量指数、水质、噪声、生态红线选址', en: 'AQI, water, noise, ecological red lines and siting' },
    icon: <EnvironmentOutlined />,
    pages: [
      { path: '/environment', label: { zh: '总览', en: 'Overview' }, permission: 'environment.read', element: lazy(() => import('../features/environment/dashboard-page')) },
      { path: '/environment/water', label: { zh: '水质', en: 'Water' }, permission: 'environment.read', element: lazy(() => import('../features/environment/water-page')) },
      { path: '/environment/noise', label: { zh: '噪声', en: 'Noise' }, permission: 'environment.read', element: lazy(() => import('../features/environment/noise-page')) },
      { path: '/environment/redlines', label: { zh: '生态红线', en: 'Red lines' }, permission: 'environment.read', element: lazy(() => import('../features/environment/redlines-page')) },
      { path: '/environment/siting', label: { zh: '选址检查', en: 'Siting check' }, permission: 'environment.siting', element: lazy(() => import('../features/environment/siting-page')) },
      { path: '/environment/siting/:id/print', label: { zh: '选址核查报告', en: 'Siting report' }, permission: 'environment.siting', element: lazy(() => import('../features/environment/siting-print-page')), hidden: true },
      { path: '/environment/stations/:id', label: { zh: '站点详情', en: 'Station' }, permission: 'environment.read', element: lazy(() => import('../features/environment/station-detail-page')), hidden: true },
    ],
  },
  {
    key: 'service-quality',
    label: { zh: '服务质量', en: 'Service quality' },
    description: { zh: '服务业标准、满意度测评、结果运用', en: 'Service standards, satisfaction surveys, follow-up' },
    icon: <SmileOutlined />,
    pages: [{ path: '/service-quality', label: { zh: '满意度测评', en: 'Satisfaction' }, permission: 'surveys.read' }],
  },
  {
    key: 'reports',
    label: { zh: '活动·大屏·年报', en: 'Campaigns, dashboards & report' },
    description: { zh: '质量月等活动日历、指挥大屏、公开指标、年度质量报告', en: 'Campaign calendar, big screen, public indicators, annual report' },
    icon: <FundProjectionScreenOutlined />,
    pages: [{ path: '/reports', label: { zh: '大屏与年报', en: 'Dashboards & report' }, permission: 'reports.read' }],
  },
];

export function visiblePages(module: AppModule, can: (p: Permission) => boolean): ModulePage[] {
  return module.pages.filter((p) => !p.hidden && can(p.permission));
}
