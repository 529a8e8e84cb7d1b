import type { OrgUnitKind, Role, UserFlag } from '../shared/roles';

/**
 * The demo city, modelled on the seed report (海门市, Jiangsu; county-level city code 320684 as it
 * was before 海门 became a district of 南通 in 2020). Units carry stable codes so that other
 * modules' demo data can refer to them.
 */
export type DemoOrgUnit = { code: string; name: string; kind: OrgUnitKind; parent: string | null; regionCode?: string; shortName?: string };

export const DEMO_REGION_CODE = '320684';

const region = { regionCode: DEMO_REGION_CODE };

export const demoOrgUnits: DemoOrgUnit[] = [
  { code: 'city', name: '海门市人民政府', shortName: '市政府', kind: 'city', parent: null, ...region },
  { code: 'office-quality', name: '海门市质量强市工作领导小组办公室', shortName: '质强办', kind: 'office', parent: 'city' },
  { code: 'dept-amr', name: '海门市市场监督管理局', shortName: '市场监管局', kind: 'department', parent: 'city' },
  { code: 'dept-sci', name: '海门市科学技术局', shortName: '科技局', kind: 'department', parent: 'city' },
  { code: 'dept-industry', name: '海门市工业和信息化局', shortName: '工信局', kind: 'department', parent: 'city' },
  { code: 'dept-env', name: '南通市海门生态环境局', shortName: '生态环境局', kind: 'department', parent: 'city' },
  { code: 'dept-housing', name: '海门市住房和城乡建设局', shortName: '住建局', kind: 'department', parent: 'city' },
  { code: 'dept-commerce', name: '海门市商务局', shortName: '商务局', kind: 'department', parent: 'city' },
  { code: 'dept-culture', name: '海门市文化广电和旅游局', shortName: '文旅局', kind: 'department', parent: 'city' },
  { code: 'dept-health', name: '海门市卫生健康委员会', shortName: '卫健委', kind: 'department', parent: 'city' },
  { code: 'dept-transport', name: '海门市交通运输局', shortName: '交通局', kind: 'department', parent: 'city' },
  { code: 'dept-agri', name: '海门市农业农村局', shortName: '农业农村局', kind: 'department', parent: 'city' },
  { code: 'dept-edu', name: '海门市教育体育局', shortName: '教体局', kind: 'department', parent: 'city' },
  { code: 'dept-dev', name: '海门市发展和改革委员会', shortName: '发改委', kind: 'department', parent: 'city' },
  { code: 'station-haimen', name: '海门市场监督管理所', kind: 'station', parent: 'dept-amr' },
  { code: 'station-sanchang', name: '三厂市场监督管理所', kind: 'station', parent: 'dept-amr' },
  { code: 'station-changle', name: '常乐市场监督管理所', kind: 'station', parent: 'dept-amr' },
  { code: 'street-haimen', name: '海门街道', kind: 'street', parent: 'city', ...region },
  { code: 'street-sanchang', name: '三厂街道', kind: 'street', parent: 'city', ...region },
  { code: 'street-binjiang', name: '滨江街道', kind: 'street', parent: 'city', ...region },
  { code: 'town-changle', name: '常乐镇', kind: 'township', parent: 'city', ...region },
  { code: 'town-yuelai', name: '悦来镇', kind: 'township', parent: 'city', ...region },
  { code: 'town-sijia', name: '四甲镇', kind: 'township', parent: 'city', ...region },
  { code: 'town-yudong', name: '余东镇', kind: 'township', parent: 'city', ...region },
  { code: 'town-zhengyu', name: '正余镇', kind: 'township', parent: 'city', ...region },
  { code: 'town-baochang', name: '包场镇', kind: 'township', parent: 'city', ...region },
  { code: 'town-linjiang', name: '临江镇', kind: 'township', parent: 'city', ...region },
  { code: 'park-etdz', name: '海门经济技术开发区', kind: 'park', parent: 'city', ...region },
  { code: 'park-port', name: '海门港新区', kind: 'park', parent: 'city', ...region },
  { code: 'park-dieshiqiao', name: '叠石桥家纺产业园区', kind: 'park', parent: 'city', ...region },
  { code: 'village-changle-xinghe', name: '兴和村', kind: 'village', parent: 'town-changle', ...region },
  { code: 'village-changle-shiqiao', name: '石桥村', kind: 'village', parent: 'town-changle', ...region },
  { code: 'village-yuelai-yongjin', name: '永进村', kind: 'village', parent: 'town-yuelai', ...region },
  { code: 'village-yuelai-xinglong', name: '兴隆社区', kind: 'village', parent: 'town-yuelai', ...region },
];

export type DemoUser = { username: string; displayName: string; role: Role; org: string; flags?: UserFlag[] };

export const DEMO_PASSWORD = 'Demo#2026';

export const demoUsers: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', org: 'city' },
  { username: 'office', displayName: '王质强（质强办）', role: 'office', org: 'office-quality' },
  { username: 'bureau', displayName: '李监管（市场监管局）', role: 'bureau', org: 'dept-amr' },
  { username: 'town1', displayName: '张协管（常乐镇）', role: 'township', org: 'town-changle', flags: ['qualityManager', 'safetyCoordinator'] },
  { username: 'town2', displayName: '陈协管（悦来镇）', role: 'township', org: 'town-yuelai', flags: ['qualityManager', 'safetyCoordinator'] },
  { username: 'sci', displayName: '刘科技（科技局）', role: 'department', org: 'dept-sci' },
  { username: 'env1', displayName: '孙环境（生态环境局）', role: 'department', org: 'dept-env' },
  { username: 'ent1', displayName: '赵企业（企业用户）', role: 'enterprise', org: 'town-changle' },
];
