/**
 * Stable English enum values of the equipment registry with zh/en labels (isomorphic).
 * Values are API/DB values and never change; labels are for the UI.
 */
type Labels<T extends string> = Record<T, { zh: string; en: string }>;

/** Registration lifecycle (domain.md §1.3.4). */
export const registrationStatuses = ['notified', 'unregistered', 'in_use', 'stopped', 'scrapped', 'deregistered'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];
export const registrationStatusLabels: Labels<RegistrationStatus> = {
  notified: { zh: '已告知', en: 'Construction notified' },
  unregistered: { zh: '未登记', en: 'Not registered' },
  in_use: { zh: '在用', en: 'In use' },
  stopped: { zh: '停用', en: 'Stopped' },
  scrapped: { zh: '报废', en: 'Scrapped' },
  deregistered: { zh: '注销', en: 'Deregistered' },
};

export const registrationActions = ['passSupervision', 'register', 'stop', 'restart', 'change', 'transfer', 'scrap', 'cancel'] as const;
export type RegistrationAction = (typeof registrationActions)[number];
export const registrationActionLabels: Labels<RegistrationAction> = {
  passSupervision: { zh: '监督检验合格', en: 'Supervision inspection passed' },
  register: { zh: '使用登记', en: 'Register' },
  stop: { zh: '停用', en: 'Stop' },
  restart: { zh: '启用（停用后）', en: 'Restart' },
  change: { zh: '变更登记', en: 'Change registration' },
  transfer: { zh: '过户（变更使用单位）', en: 'Transfer to another using unit' },
  scrap: { zh: '报废', en: 'Scrap' },
  cancel: { zh: '注销', en: 'Deregister' },
};

/** 登记类别 of the registration form (domain.md §1.1, src 21). */
export const registrationReasons = [
  'first_use',
  'restart',
  'modification',
  'unit_renamed',
  'address_changed',
  'transfer',
  'relocation',
  'design_life_reached',
] as const;
export type RegistrationReason = (typeof registrationReasons)[number];
export const registrationReasonLabels: Labels<RegistrationReason> = {
  first_use: { zh: '新设备首次启用', en: 'First use of new equipment' },
  restart: { zh: '停用后启用', en: 'Restart after stop' },
  modification: { zh: '改造', en: 'Modification' },
  unit_renamed: { zh: '使用单位更名', en: 'Using unit renamed' },
  address_changed: { zh: '使用地址变更', en: 'Use address changed' },
  transfer: { zh: '过户', en: 'Transfer' },
  relocation: { zh: '移装', en: 'Relocation' },
  design_life_reached: { zh: '达到设计使用年限', en: 'Design life reached' },
};

/** Inspection record types (domain.md §1.4.3). */
export const inspectionKinds = [
  'periodic',
  'first',
  'full',
  'supervision_installation',
  'supervision_modification',
  'supervision_major_repair',
  'annual_check',
  'external',
  'internal',
  'pressure_test',
  'self_test',
  'calibration',
  'reinspection',
] as const;
export type InspectionKind = (typeof inspectionKinds)[number];
export const inspectionKindLabels: Labels<InspectionKind> = {
  periodic: { zh: '定期检验', en: 'Periodic inspection' },
  first: { zh: '首次检验', en: 'First inspection' },
  full: { zh: '全面检验', en: 'Full inspection' },
  supervision_installation: { zh: '安装监督检验', en: 'Installation supervision inspection' },
  supervision_modification: { zh: '改造监督检验', en: 'Modification supervision inspection' },
  supervision_major_repair: { zh: '重大修理监督检验', en: 'Major-repair supervision inspection' },
  annual_check: { zh: '年度检查', en: 'Annual check' },
  external: { zh: '外部检验', en: 'External inspection' },
  internal: { zh: '内部检验', en: 'Internal inspection' },
  pressure_test: { zh: '耐压试验', en: 'Pressure test' },
  self_test: { zh: '自行检测', en: 'Self-test' },
  calibration: { zh: '校验', en: 'Calibration' },
  reinspection: { zh: '复检', en: 'Re-inspection' },
};

/** Conclusions as recorded (domain.md §1.4.3 [S]/[D]); `inspectionResultOf` maps them for the rules. */
export const inspectionConclusions = ['pass', 'pass_after_reinspection', 'basic_pass', 'monitored_use', 'fail', 'no_use'] as const;
export type InspectionConclusion = (typeof inspectionConclusions)[number];
export const inspectionConclusionLabels: Labels<InspectionConclusion> = {
  pass: { zh: '合格', en: 'Pass' },
  pass_after_reinspection: { zh: '复检合格', en: 'Pass after re-inspection' },
  basic_pass: { zh: '基本合格', en: 'Basic pass' },
  monitored_use: { zh: '允许监控使用', en: 'Monitored use allowed' },
  fail: { zh: '不合格', en: 'Fail' },
  no_use: { zh: '不得使用', en: 'Must not be used' },
};

export const inspectionResults = ['pass', 'basic_pass', 'fail'] as const;
export type InspectionResult = (typeof inspectionResults)[number];
export const inspectionResultLabels: Labels<InspectionResult> = {
  pass: { zh: '合格', en: 'Pass' },
  basic_pass: { zh: '基本合格', en: 'Basic pass' },
  fail: { zh: '不合格', en: 'Fail' },
};

/** Conclusion → rule input. 允许监控使用 counts as 基本合格 (use continues under conditions) [D]. */
export function inspectionResultOf(conclusion: InspectionConclusion): InspectionResult {
  if (conclusion === 'pass' || conclusion === 'pass_after_reinspection') return 'pass';
  if (conclusion === 'basic_pass' || conclusion === 'monitored_use') return 'basic_pass';
  return 'fail';
}

export const dueStatuses = ['normal', 'due_soon', 'overdue'] as const;
export type DueStatus = (typeof dueStatuses)[number];
export const dueStatusLabels: Labels<DueStatus> = {
  normal: { zh: '正常', en: 'Valid' },
  due_soon: { zh: '临期', en: 'Due soon' },
  overdue: { zh: '超期未检', en: 'Overdue' },
};

export const certificateStatuses = ['valid', 'expiring', 'expired'] as const;
export type CertificateStatus = (typeof certificateStatuses)[number];
export const certificateStatusLabels: Labels<CertificateStatus> = {
  valid: { zh: '有效', en: 'Valid' },
  expiring: { zh: '即将到期', en: 'Expiring' },
  expired: { zh: '已过期', en: 'Expired' },
};

export const safetyGrades = [1, 2, 3, 4, 5] as const;
export type SafetyGrade = (typeof safetyGrades)[number];

/** 使用场所 (domain.md §1.3.1; 公众聚集场所 list of TSG 08, src 39). */
export const siteTypes = [
  'residential',
  'commercial',
  'school',
  'medical',
  'transport_hub',
  'hotel',
  'elderly_care',
  'factory',
  'scenic_area',
  'office',
  'other',
] as const;
export type SiteType = (typeof siteTypes)[number];
export const siteTypeLabels: Labels<SiteType> = {
  residential: { zh: '住宅', en: 'Residential' },
  commercial: { zh: '商业', en: 'Commercial' },
  school: { zh: '学校/幼儿园', en: 'School / kindergarten' },
  medical: { zh: '医疗机构', en: 'Medical institution' },
  transport_hub: { zh: '车站/机场', en: 'Station / airport' },
  hotel: { zh: '宾馆', en: 'Hotel' },
  elderly_care: { zh: '养老机构', en: 'Elderly care' },
  factory: { zh: '工厂', en: 'Factory' },
  scenic_area: { zh: '景区', en: 'Scenic area' },
  office: { zh: '办公场所', en: 'Office' },
  other: { zh: '其他', en: 'Other' },
};

export const deviceFlags = ['key_monitoring', 'major_hazard_source', 'crowded_area', 'hazard_device'] as const;
export type DeviceFlag = (typeof deviceFlags)[number];
export const deviceFlagLabels: Labels<DeviceFlag> = {
  key_monitoring: { zh: '重点监控', en: 'Key monitoring' },
  major_hazard_source: { zh: '重大危险源', en: 'Major hazard source' },
  crowded_area: { zh: '人员密集区', en: 'Crowded area' },
  hazard_device: { zh: '隐患设备', en: 'Device with hazard' },
};
