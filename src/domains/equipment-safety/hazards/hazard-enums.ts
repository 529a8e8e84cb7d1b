/**
 * Stable English enum values of the hazard closed loop (隐患闭环, domain.md §2) and their zh/en labels.
 * Values are API and database contract: never rename, only add.
 */
type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const hazardStatuses = [
  'draft',
  'reported',
  'invalid',
  'transferred',
  'confirmed',
  'rectifying',
  'pending_verification',
  'closed',
] as const;
export type HazardStatus = (typeof hazardStatuses)[number];

export const hazardStatusLabels: Labels<HazardStatus> = {
  draft: { zh: '草稿', en: 'Draft' },
  reported: { zh: '待核定', en: 'Reported' },
  invalid: { zh: '不予受理', en: 'Invalid' },
  transferred: { zh: '已移交', en: 'Transferred' },
  confirmed: { zh: '已核定', en: 'Confirmed' },
  rectifying: { zh: '整改中', en: 'Rectifying' },
  pending_verification: { zh: '待复查', en: 'Pending verification' },
  closed: { zh: '已销号', en: 'Closed' },
};

/** Statuses in which a hazard is still "on the books" (domain.md §2.4 row 15 "any open"). */
export const openHazardStatuses: readonly HazardStatus[] = ['reported', 'confirmed', 'rectifying', 'pending_verification'];
/** Statuses in which the responsible unit owes rectification, so a passed deadline means overdue. */
export const owingHazardStatuses: readonly HazardStatus[] = ['confirmed', 'rectifying'];

export const hazardActions = [
  'submit',
  'reject',
  'transfer',
  'confirm',
  'change_grade',
  'issue_notice',
  'file_plan',
  'list_for_supervision',
  'request_extension',
  'decide_extension',
  'submit_rectification',
  'verify_pass',
  'verify_fail',
  'reopen',
  'close_by_elimination',
] as const;
export type HazardActionName = (typeof hazardActions)[number];

export const hazardActionLabels: Labels<HazardActionName> = {
  submit: { zh: '提交', en: 'Submit' },
  reject: { zh: '退回（不属实/重复/不属本部门）', en: 'Reject' },
  transfer: { zh: '移交', en: 'Transfer' },
  confirm: { zh: '核定', en: 'Confirm' },
  change_grade: { zh: '调整等级', en: 'Change grade' },
  issue_notice: { zh: '下达整改通知', en: 'Issue rectification notice' },
  file_plan: { zh: '报送治理方案', en: 'File treatment plan' },
  list_for_supervision: { zh: '挂牌督办', en: 'List for supervision' },
  request_extension: { zh: '申请延期', en: 'Request extension' },
  decide_extension: { zh: '审批延期', en: 'Decide extension' },
  submit_rectification: { zh: '提交整改（申请销号）', en: 'Submit rectification' },
  verify_pass: { zh: '复查通过（销号）', en: 'Verification passed' },
  verify_fail: { zh: '复查不通过', en: 'Verification failed' },
  reopen: { zh: '重新打开（反弹）', en: 'Reopen' },
  close_by_elimination: { zh: '核销（不具备整改条件）', en: 'Close by elimination' },
};

export const hazardGrades = ['general', 'major'] as const;
export type HazardGrade = (typeof hazardGrades)[number];

export const hazardGradeLabels: Labels<HazardGrade> = {
  general: { zh: '一般', en: 'General' },
  major: { zh: '重大', en: 'Major' },
};

/** Sources: the issue's six plus the remaining codes of domain.md §2.2. */
export const hazardSources = [
  'self_check',
  'supervision',
  'inspection_finding',
  'patrol',
  'public_report',
  'complaint',
  'referral',
  'iot_alarm',
  'accident_review',
] as const;
export type HazardSource = (typeof hazardSources)[number];

export const hazardSourceLabels: Labels<HazardSource> = {
  self_check: { zh: '企业自查', en: 'Self-check' },
  supervision: { zh: '监督检查', en: 'Supervision inspection' },
  inspection_finding: { zh: '检验机构发现', en: 'Inspection finding' },
  patrol: { zh: '协管员巡查', en: 'Patrol' },
  public_report: { zh: '群众随手拍', en: 'Public report' },
  complaint: { zh: '投诉举报', en: 'Complaint' },
  referral: { zh: '上级交办/移送', en: 'Referral' },
  iot_alarm: { zh: '物联网告警', en: 'IoT alarm' },
  accident_review: { zh: '事故倒查', en: 'Accident review' },
};

export const hazardCloseReasons = ['verified', 'eliminated_by_closure'] as const;
export type HazardCloseReason = (typeof hazardCloseReasons)[number];

export const hazardCloseReasonLabels: Labels<HazardCloseReason> = {
  verified: { zh: '复查合格销号', en: 'Verified' },
  eliminated_by_closure: { zh: '设备报废/单位关闭核销', en: 'Eliminated by closure' },
};

export const listingLevels = ['county', 'city', 'province'] as const;
export type ListingLevel = (typeof listingLevels)[number];

export const listingLevelLabels: Labels<ListingLevel> = {
  county: { zh: '县级', en: 'County' },
  city: { zh: '市级', en: 'City' },
  province: { zh: '省级', en: 'Province' },
};

export const noticeKinds = ['rectification_notice', 'supervision_order'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

export const noticeKindLabels: Labels<NoticeKind> = {
  rectification_notice: { zh: '整改通知书', en: 'Rectification notice' },
  supervision_order: { zh: '特种设备安全监察指令书', en: 'Supervision order' },
};

/** How an actor relates to one hazard; the transition table grants actions to relations. */
export const hazardRelations = [
  'reporter',
  'responsible_unit',
  'territorial',
  'supervising_department',
  'bureau',
  'office',
] as const;
export type HazardRelation = (typeof hazardRelations)[number];

export const hazardRelationLabels: Labels<HazardRelation> = {
  reporter: { zh: '报告人', en: 'Reporter' },
  responsible_unit: { zh: '整改责任单位', en: 'Responsible unit' },
  territorial: { zh: '属地乡镇（街道、园区）', en: 'Territorial township' },
  supervising_department: { zh: '行业监管部门', en: 'Supervising department' },
  bureau: { zh: '市场监管局', en: 'Market-supervision bureau' },
  office: { zh: '质强办/挂牌督办单位', en: 'Office / listing unit' },
};
