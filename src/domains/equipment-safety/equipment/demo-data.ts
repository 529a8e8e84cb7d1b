/**
 * Deterministic demo equipment for a 海门-style county (pure; seeded PRNG). Inspection histories
 * are simulated with the same rules the service uses (`computeNextDue`), so every stored due date
 * is what the platform itself would compute: most devices inspected on time, some late, some 临期,
 * some 超期未检, a few failed (must stop), some stopped or scrapped, late registrations, elevator
 * maintenance every 10–15 days with a few gaps, operator certificates (some expiring or expired).
 */
import { addDays, addMonths, diffDays } from './date-math';
import type { InspectionConclusion, InspectionKind, RegistrationStatus, SafetyGrade, SiteType } from './enums';
import { inspectionResultOf } from './enums';
import { inspectionTracks, type InspectionRuleSet, type InspectionTrack, type LastInspection, type NextDue, type RuleDevice } from './inspection-rule-types';
import { computeNextDue } from './inspection-rules';
import type { MaintenanceKind } from './schema';

export type DemoParty = { id: string; name: string };
export type DemoUseUnit = { id: string; name: string; territoryId: string; territoryCode: string };
export type DemoTerritory = { id: string; code: string; name: string; parentCode: string | null };

export type DemoInput = {
  size: 'full' | 'small';
  today: string;
  useUnits: readonly DemoUseUnit[];
  ent1EnterpriseId: string | null;
  maintenanceUnits: readonly DemoParty[];
  inspectionBodies: readonly DemoParty[];
  territories: readonly DemoTerritory[];
  supervising: { regulator: string | null; housing: string | null };
  ruleSet: InspectionRuleSet;
  newId: () => string;
};

export type DemoDevice = {
  id: string;
  equipmentCode: string;
  useRegistrationCertNo: string | null;
  certIssueDate: string | null;
  categoryCode: string;
  kindCode: string | null;
  varietyCode: string | null;
  productName: string;
  model: string;
  factoryNo: string;
  manufacturerName: string;
  manufactureDate: string;
  installDate: string | null;
  commissioningDate: string | null;
  installSupervisionDate: string | null;
  useUnitId: string;
  maintenanceUnitId: string | null;
  inspectionBodyId: string | null;
  territoryOrgUnitId: string;
  supervisingOrgUnitId: string | null;
  useAddress: string;
  lon: number;
  lat: number;
  siteType: SiteType;
  isPublicService: boolean;
  safetyGrade: SafetyGrade | null;
  params: Record<string, string | number | boolean>;
  status: RegistrationStatus;
  statusChangedOn: string | null;
  registeredOn: string | null;
  stoppedOn: string | null;
  scrappedOn: string | null;
  isLateRegistration: boolean;
  // Derived due fields (what the service would store), filled once the history is simulated.
  nextDueOn: string | null;
  nextDueMonth: string | null;
  nextDueTrack: InspectionTrack | null;
  nextObligation: string | null;
  nextDueRuleId: string | null;
  mustStop: boolean;
  hasRuleGap: boolean;
  lastInspectedOn: string | null;
  lastConclusion: InspectionConclusion | null;
  lastMaintainedOn: string | null;
};

export type DemoInspection = {
  id: string;
  deviceId: string;
  kind: InspectionKind;
  track: InspectionTrack;
  orgName: string;
  orgId: string | null;
  reportNo: string;
  inspectedOn: string;
  conclusion: InspectionConclusion;
  result: 'pass' | 'basic_pass' | 'fail';
  safetyGrade: SafetyGrade | null;
  periodMonths: number | null;
  computedNextDueOn: string | null;
};

export type DemoObligation = {
  id: string;
  deviceId: string;
  track: InspectionTrack;
  obligation: NextDue['obligation'];
  dueOn: string;
  dueMonth: string | null;
  ruleId: string;
  confidence: NextDue['confidence'];
  mustStop: boolean;
  explanation: string;
  basedOnInspectionId: string | null;
  basedOnDate: string;
  state: 'open' | 'satisfied' | 'void';
  closedOn: string | null;
  satisfiedBy: string | null;
  voidReason: string | null;
};

export type DemoMaintenance = { id: string; deviceId: string; maintainedOn: string; kind: MaintenanceKind; maintenanceUnitId: string | null; workers: Array<{ name: string; certificateNo?: string }> };
export type DemoCertificate = {
  id: string;
  deviceId: string;
  personName: string;
  certificateNo: string;
  workItemCode: string;
  workItemName: string;
  issuedOn: string;
  expiresOn: string;
  employerEnterpriseId: string;
};
export type DemoEvent = { id: string; deviceId: string; occurredOn: string; action: string; fromStatus: string | null; toStatus: string | null; summary: string };

export type DemoEquipment = {
  devices: DemoDevice[];
  inspections: DemoInspection[];
  obligations: DemoObligation[];
  maintenance: DemoMaintenance[];
  certificates: DemoCertificate[];
  events: DemoEvent[];
};

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Kind = {
  weight: number;
  category: string;
  kind: string | null;
  variety: string | null;
  name: string;
  models: readonly string[];
  makers: readonly string[];
  sites: ReadonlyArray<[SiteType, number]>;
  prefix: string;
  params?: (rand: () => number) => Record<string, string | number | boolean>;
  operator?: { code: string; name: string };
  grade?: boolean;
};

const residential: ReadonlyArray<[SiteType, number]> = [
  ['residential', 60],
  ['commercial', 14],
  ['office', 8],
  ['hotel', 4],
  ['medical', 4],
  ['school', 4],
  ['elderly_care', 3],
  ['transport_hub', 1],
  ['other', 2],
];
const factory: ReadonlyArray<[SiteType, number]> = [
  ['factory', 90],
  ['other', 10],
];

/** Category mix of a county registry: elevators most, then pressure vessels, cranes, in-plant vehicles, boilers … */
const kinds: readonly Kind[] = [
  { weight: 330, category: '3000', kind: '3100', variety: '3110', name: '曳引驱动乘客电梯', models: ['TKJ1000/1.75-JXW', 'GeN2-MR', 'LCA-1050', 'NPX-800'], makers: ['苏州某某电梯有限公司', '上海某某电梯有限公司', '通用某某电梯（中国）有限公司'], sites: residential, prefix: '梯', params: (r) => ({ ratedLoadKg: r() < 0.6 ? 1000 : 800, ratedSpeedMs: r() < 0.5 ? 1.75 : 1.5, floors: 6 + Math.floor(r() * 26) }) },
  { weight: 40, category: '3000', kind: '3100', variety: '3120', name: '曳引驱动载货电梯', models: ['THJ2000/0.5-JXW', 'THJ3000/0.5'], makers: ['苏州某某电梯有限公司'], sites: factory, prefix: '梯', params: (r) => ({ ratedLoadKg: r() < 0.5 ? 2000 : 3000, ratedSpeedMs: 0.5 }) },
  { weight: 45, category: '3000', kind: '3300', variety: '3310', name: '自动扶梯', models: ['XO-508', 'SWE-35'], makers: ['上海某某电梯有限公司'], sites: [['commercial', 70], ['transport_hub', 20], ['medical', 10]], prefix: '梯' },
  { weight: 20, category: '3000', kind: '3400', variety: '3430', name: '杂物电梯', models: ['TWJ200/0.4'], makers: ['江苏某某电梯有限公司'], sites: [['hotel', 50], ['commercial', 30], ['medical', 20]], prefix: '梯' },
  { weight: 15, category: '3000', kind: '3200', variety: '3210', name: '液压乘客电梯', models: ['YJK630/0.4'], makers: ['江苏某某电梯有限公司'], sites: residential, prefix: '梯' },
  { weight: 130, category: '2000', kind: '2100', variety: '2150', name: '储气罐', models: ['C-2.0/0.8', 'C-3.0/1.0', 'C-1.0/0.8'], makers: ['南通某某压力容器有限公司', '无锡某某化工装备有限公司'], sites: factory, prefix: '容', grade: true, operator: { code: 'R1', name: '快开门式压力容器操作' } },
  { weight: 60, category: '2000', kind: '2100', variety: '2170', name: '换热器', models: ['BES-600-1.6-50', 'BEM-400-1.0-30'], makers: ['南通某某压力容器有限公司'], sites: factory, prefix: '容', grade: true },
  { weight: 25, category: '2000', kind: '2100', variety: '2130', name: '液化气储罐', models: ['LPG-50m³', 'LNG-60m³'], makers: ['张家港某某低温设备有限公司'], sites: factory, prefix: '容', grade: true },
  { weight: 8, category: '2000', kind: '2200', variety: '2220', name: '汽车罐车', models: ['HZZ5320GYQ'], makers: ['某某专用汽车有限公司'], sites: factory, prefix: '容', grade: true },
  { weight: 60, category: '4000', kind: '4100', variety: '4170', name: '电动单梁起重机', models: ['LD5-16.5A3', 'LD10-22.5A3'], makers: ['河南某某起重机械有限公司'], sites: factory, prefix: '起', operator: { code: 'Q2', name: '起重机司机' }, params: (r) => ({ ratedLoadT: r() < 0.6 ? 5 : 10, spanM: 16.5 }) },
  { weight: 35, category: '4000', kind: '4100', variety: '4110', name: '通用桥式起重机', models: ['QD20/5-22.5A5', 'QD32/5-28.5A5'], makers: ['河南某某起重机械有限公司'], sites: factory, prefix: '起', operator: { code: 'Q2', name: '起重机司机' }, params: (r) => ({ ratedLoadT: r() < 0.5 ? 20 : 32, liftsMoltenMetal: r() < 0.06 }) },
  { weight: 20, category: '4000', kind: '4200', variety: '4210', name: '通用门式起重机', models: ['MH10-20A3', 'MG32/10-35A5'], makers: ['河南某某起重机械有限公司'], sites: factory, prefix: '起', operator: { code: 'Q2', name: '起重机司机' } },
  { weight: 12, category: '4000', kind: '4300', variety: '4310', name: '塔式起重机', models: ['QTZ80(TC6010)', 'QTZ125(TC6015)'], makers: ['某某建筑机械有限公司'], sites: [['other', 100]], prefix: '起', operator: { code: 'Q2', name: '起重机司机' } },
  { weight: 12, category: '4000', kind: '4800', variety: '4860', name: '施工升降机', models: ['SC200/200'], makers: ['某某建筑机械有限公司'], sites: [['other', 100]], prefix: '起' },
  { weight: 140, category: '5000', kind: '5100', variety: '5110', name: '叉车', models: ['CPCD30', 'CPD20', 'CPCD50'], makers: ['杭州某某叉车集团', '安徽某某叉车股份有限公司'], sites: factory, prefix: '车', operator: { code: 'N1', name: '叉车司机' } },
  { weight: 8, category: '5000', kind: '5200', variety: null, name: '观光车', models: ['LT-S14'], makers: ['某某电动车有限公司'], sites: [['scenic_area', 100]], prefix: '车' },
  { weight: 40, category: '1000', kind: '1200', variety: null, name: '承压热水锅炉', models: ['WNS2.8-1.0/95/70-Q', 'CWNS1.4-95/70-Q'], makers: ['某某锅炉有限公司'], sites: [['factory', 50], ['hotel', 20], ['medical', 20], ['school', 10]], prefix: '锅', operator: { code: 'G1', name: '工业锅炉司炉' } },
  { weight: 25, category: '1000', kind: '1100', variety: null, name: '承压蒸汽锅炉', models: ['WNS4-1.25-Q', 'LSS1-1.0-Y'], makers: ['某某锅炉有限公司'], sites: factory, prefix: '锅', operator: { code: 'G1', name: '工业锅炉司炉' } },
  { weight: 25, category: '8000', kind: '8300', variety: '8310', name: '工艺管道', models: ['GC2 DN50-200'], makers: ['某某安装工程有限公司'], sites: factory, prefix: '管', grade: true, params: () => ({ pipelineClass: 'GC2' }) },
  { weight: 6, category: '6000', kind: '6600', variety: null, name: '转马', models: ['ZM-24'], makers: ['某某游艺机有限公司'], sites: [['scenic_area', 100]], prefix: '游' },
];

const territoryCenters: Record<string, [number, number]> = {
  'street-haimen': [121.17, 31.89],
  'street-sanchang': [121.25, 31.9],
  'street-binjiang': [121.12, 31.81],
  'town-changle': [121.3, 31.88],
  'town-yuelai': [121.4, 31.93],
  'town-sijia': [121.45, 32.02],
  'town-yudong': [121.33, 32.03],
  'town-zhengyu': [121.26, 31.98],
  'town-baochang': [121.55, 31.98],
  'town-linjiang': [121.05, 31.84],
  'park-etdz': [121.2, 31.86],
  'park-port': [121.6, 31.95],
  'park-dieshiqiao': [121.1, 31.95],
};

const roads = ['人民路', '长江路', '北京路', '解放路', '海洲路', '秀山路', '嘉陵江路', '黄海路', '浦江路', '东洲路', '中南路', '光华路', '青海路', '通源路'];
const estates = ['锦绣花园', '江海苑', '东洲新村', '秀山名邸', '中南世纪城', '滨江花园', '海门湾', '金色家园', '御景苑', '星湖101'];
const surnames = ['张', '王', '李', '陈', '刘', '杨', '黄', '周', '吴', '徐', '孙', '朱', '高', '沈', '顾', '施', '陆', '瞿'];
const givenNames = ['建国', '海峰', '国强', '志刚', '晓东', '卫东', '丽华', '春燕', '文斌', '永明', '雪梅', '伟', '磊', '军', '静', '敏', '勇', '涛'];

export function generateDemoEquipment(input: DemoInput): DemoEquipment {
  const rand = mulberry32(input.size === 'full' ? 20_260_401 : 424_242);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const chance = (p: number) => rand() < p;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const weighted = <T>(list: ReadonlyArray<[T, number]>): T => {
    const total = list.reduce((s, [, w]) => s + w, 0);
    let r = rand() * total;
    for (const [v, w] of list) if ((r -= w) < 0) return v;
    return (list[list.length - 1] as [T, number])[0];
  };
  const kindList = kinds.map((k) => [k, k.weight] as [Kind, number]);
  const today = input.today;
  const out: DemoEquipment = { devices: [], inspections: [], obligations: [], maintenance: [], certificates: [], events: [] };
  const villagesOf = new Map<string, DemoTerritory[]>();
  for (const t of input.territories) if (t.parentCode) villagesOf.set(t.parentCode, [...(villagesOf.get(t.parentCode) ?? []), t]);
  const territoryByCode = new Map(input.territories.map((t) => [t.code, t]));
  const keepInspectionsFrom = addDays(today, -3 * 365);
  const keepObligationsFrom = addDays(today, -2 * 365);
  let serial = 0;
  let report = 0;

  const count = input.size === 'full' ? 20_000 : 200;
  const ent1 = input.ent1EnterpriseId ? input.useUnits.find((u) => u.id === input.ent1EnterpriseId) : undefined;
  const town = (code: string) => input.useUnits.filter((u) => u.territoryCode === code);
  const changle = town('town-changle');
  const yuelai = town('town-yuelai');

  for (let n = 0; n < count; n += 1) {
    // ent1 gets the first six devices, 常乐镇 and 悦来镇 a share of the rest (the tests' towns).
    const unit = n < 6 && ent1 ? ent1 : n % 10 === 1 && changle.length > 0 ? pick(changle) : n % 10 === 2 && yuelai.length > 0 ? pick(yuelai) : pick(input.useUnits);
    const k = n < 6 && ent1 ? (kinds[[0, 0, 9, 14, 16, 5][n] as number] as Kind) : weighted(kindList);
    const serialNo = (serial += 1);
    const villages = villagesOf.get(unit.territoryCode) ?? [];
    const territory = villages.length > 0 && chance(0.3) ? pick(villages) : (territoryByCode.get(unit.territoryCode) ?? { id: unit.territoryId, code: unit.territoryCode, name: '', parentCode: null });
    const center = territoryCenters[unit.territoryCode] ?? [121.2, 31.9];
    const site = weighted(k.sites);
    const isElevator = k.category === '3000';
    // Status mix: most in use; a few stopped, scrapped, not yet registered (recently commissioned), announced.
    const roll = rand();
    let status: RegistrationStatus = roll < 0.005 ? 'notified' : roll < 0.02 ? 'unregistered' : roll < 0.05 ? 'stopped' : roll < 0.06 ? 'scrapped' : 'in_use';
    if (n < 6 && ent1) status = 'in_use';
    const ageDays = status === 'unregistered' ? int(5, 120) : int(60, 15 * 365);
    const commissioningDate = addDays(today, -ageDays);
    const manufactureDate = addDays(commissioningDate, -int(30, 300));
    const supervision = isElevator ? addDays(commissioningDate, -int(3, 20)) : null;
    const id = input.newId();
    const code = `${k.variety ?? k.kind ?? k.category}32${String(100 + (serialNo % 900)).padStart(3, '0')}${manufactureDate.slice(0, 4)}${String(serialNo).padStart(5, '0')}`;
    const lateRegistration = status !== 'notified' && status !== 'unregistered' && chance(0.04);
    const registeredOn = status === 'notified' || status === 'unregistered' ? null : addDays(commissioningDate, lateRegistration ? int(31, 120) : int(-20, 28));
    const stoppedOn = status === 'stopped' ? addDays(today, -int(20, Math.min(900, ageDays - 10))) : null;
    const scrappedOn = status === 'scrapped' ? addDays(today, -int(10, Math.min(700, ageDays - 10))) : null;
    const registered = registeredOn !== null && registeredOn <= today ? registeredOn : null;
    const isPublicEstate = site === 'residential' || site === 'commercial' || site === 'hotel';
    const address = `海门区${territory.name}${pick(roads)}${int(1, 888)}号${isElevator && isPublicEstate ? `${pick(estates)}${int(1, 30)}幢` : ''}`;
    const params = k.params ? k.params(rand) : {};
    const grade: SafetyGrade | null = null;
    const device: DemoDevice = {
      id,
      equipmentCode: code,
      useRegistrationCertNo: registered ? `${k.prefix}${k.category.charAt(0)}${String(serialNo % 100).padStart(2, '0')}苏F${String(serialNo).padStart(5, '0')}(${registered.slice(2, 4)})` : null,
      certIssueDate: registered,
      categoryCode: k.category,
      kindCode: k.kind,
      varietyCode: k.variety,
      productName: k.name,
      model: pick(k.models),
      factoryNo: `${manufactureDate.slice(0, 4)}${String(int(1, 9999)).padStart(4, '0')}`,
      manufacturerName: pick(k.makers),
      manufactureDate,
      installDate: isElevator ? addDays(commissioningDate, -int(20, 60)) : null,
      commissioningDate: status === 'notified' ? null : commissioningDate,
      installSupervisionDate: status === 'notified' ? null : supervision,
      useUnitId: unit.id,
      maintenanceUnitId: isElevator && input.maintenanceUnits.length > 0 ? pick(input.maintenanceUnits).id : null,
      inspectionBodyId: input.inspectionBodies.length > 0 ? pick(input.inspectionBodies).id : null,
      territoryOrgUnitId: territory.id,
      supervisingOrgUnitId: (k.kind === '4300' || k.variety === '4860') && input.supervising.housing ? input.supervising.housing : input.supervising.regulator,
      useAddress: address,
      lon: Math.round((center[0] + (rand() - 0.5) * 0.06) * 1e6) / 1e6,
      lat: Math.round((center[1] + (rand() - 0.5) * 0.05) * 1e6) / 1e6,
      siteType: site,
      isPublicService: isElevator && isPublicEstate,
      safetyGrade: grade,
      params,
      status,
      statusChangedOn: scrappedOn ?? stoppedOn ?? registered ?? commissioningDate,
      registeredOn: registered,
      stoppedOn,
      scrappedOn,
      isLateRegistration: lateRegistration,
      nextDueOn: null,
      nextDueMonth: null,
      nextDueTrack: null,
      nextObligation: null,
      nextDueRuleId: null,
      mustStop: false,
      hasRuleGap: false,
      lastInspectedOn: null,
      lastConclusion: null,
      lastMaintainedOn: null,
    };
    out.devices.push(device);
    const firstObligation = out.obligations.length;
    const firstInspection = out.inspections.length;
    out.events.push({ id: input.newId(), deviceId: id, occurredOn: registered ?? commissioningDate, action: 'create', fromStatus: null, toStatus: status === 'notified' ? 'notified' : 'unregistered', summary: `建档：${k.name}（${address}）` });
    if (registered) {
      const lateDays = diffDays(commissioningDate, registered);
      out.events.push({ id: input.newId(), deviceId: id, occurredOn: registered, action: 'register', fromStatus: 'unregistered', toStatus: 'in_use', summary: `使用登记（证号 ${device.useRegistrationCertNo}）${lateRegistration ? `，逾期登记：投用后第 ${lateDays} 天登记` : ''}` });
    }
    if (stoppedOn) out.events.push({ id: input.newId(), deviceId: id, occurredOn: stoppedOn, action: 'stop', fromStatus: 'in_use', toStatus: 'stopped', summary: '停用：生产线调整，设备封存' });
    if (scrappedOn) out.events.push({ id: input.newId(), deviceId: id, occurredOn: scrappedOn, action: 'scrap', fromStatus: 'in_use', toStatus: 'scrapped', summary: '报废：达到设计使用年限' });
    if (status === 'notified') continue;

    // ── inspection history, simulated with the rules ──
    const ruleDevice: RuleDevice = {
      category: k.category,
      kind: k.kind,
      variety: k.variety,
      commissionedOn: commissioningDate,
      scheduleBaseOn: supervision,
      attributes: Object.fromEntries(Object.entries(params).filter((e): e is [string, string | boolean] => typeof e[1] !== 'number')),
    };
    const historyEnd = scrappedOn ?? stoppedOn ?? today;
    // Target state of this device's obligations today.
    const fate = rand();
    const makeOverdue = fate < 0.05;
    const makeFail = !makeOverdue && fate < 0.062;
    let latestGrade: SafetyGrade | null = null;
    for (const track of inspectionTracks) {
      let last: (LastInspection & { id: string }) | null = null;
      let next: NextDue | null;
      try {
        next = computeNextDue({ device: ruleDevice, lastInspection: null, ruleSet: input.ruleSet, track });
      } catch {
        continue;
      }
      let seq = 0;
      const trackInspections: DemoInspection[] = [];
      for (let guard = 0; guard < 60 && next; guard += 1) {
        const due: NextDue = next;
        const isLast = due.dueOn > historyEnd;
        const dueInPast = due.dueOn <= today;
        if (isLast) break;
        if (makeOverdue && dueInPast && diffDays(due.dueOn, today) < 300 && track === 'periodic') break; // never inspected: 超期未检
        const late = chance(0.05);
        let date = late ? addDays(due.dueOn, int(1, 40)) : addDays(due.dueOn, -int(1, 50));
        if (date > historyEnd) date = addDays(historyEnd, -1);
        if (last && date <= last.date) date = addDays(last.date, 1);
        if (date > today) break;
        const isSelfTest = due.obligation === 'self_test';
        const failNow = makeFail && track === 'periodic' && !isSelfTest && addMonths(date, 12) > today && diffDays(date, today) < 200;
        const conclusion: InspectionConclusion = failNow ? 'fail' : chance(0.05) ? 'basic_pass' : 'pass';
        const gradeNow: SafetyGrade | null = k.grade && track === 'periodic' ? (weighted<SafetyGrade>([[1, 30], [2, 50], [3, 17], [4, 3]])) : null;
        const periodMonths = gradeNow === 3 ? pick([36, 48, 60]) : gradeNow === 4 ? pick([12, 24]) : null;
        const inspId = input.newId();
        const kind: InspectionKind = isSelfTest ? 'self_test' : track === 'periodic' ? (due.obligation === 'first_inspection' ? 'first' : due.obligation === 'reinspection' ? 'reinspection' : 'periodic') : track;
        const orgName = isSelfTest || track === 'annual_check' ? (input.maintenanceUnits.find((m) => m.id === device.maintenanceUnitId)?.name ?? unit.name) : (input.inspectionBodies.find((b) => b.id === device.inspectionBodyId)?.name ?? '检验机构');
        seq += 1;
        const lastInspection: LastInspection & { id: string } = {
          id: inspId,
          date,
          result: inspectionResultOf(conclusion),
          kind,
          ...(gradeNow ? { safetyGrade: gradeNow } : {}),
          ...(periodMonths ? { periodMonths } : {}),
          sequenceNo: seq,
        };
        if (gradeNow) latestGrade = gradeNow;
        const after = computeNextDue({ device: { ...ruleDevice, safetyGrade: latestGrade }, lastInspection, ruleSet: input.ruleSet, track });
        {
          report += 1;
          trackInspections.push({
            id: inspId,
            deviceId: id,
            kind,
            track,
            orgName,
            orgId: isSelfTest || track === 'annual_check' ? null : device.inspectionBodyId,
            reportNo: `${isSelfTest ? 'ZJ' : 'TJ'}${date.slice(0, 4)}-${String(report).padStart(6, '0')}`,
            inspectedOn: date,
            conclusion,
            result: inspectionResultOf(conclusion),
            safetyGrade: gradeNow,
            periodMonths,
            computedNextDueOn: after.dueOn,
          });
        }
        if (due.dueOn >= keepObligationsFrom) {
          out.obligations.push({
            id: input.newId(),
            deviceId: id,
            track,
            obligation: due.obligation,
            dueOn: due.dueOn,
            dueMonth: due.dueMonth,
            ruleId: due.ruleId,
            confidence: due.confidence,
            mustStop: due.mustStop,
            explanation: due.explanation,
            basedOnInspectionId: last?.id ?? null,
            basedOnDate: last?.date ?? supervision ?? commissioningDate,
            state: 'satisfied',
            closedOn: date,
            satisfiedBy: inspId,
            voidReason: null,
          });
        }
        last = lastInspection;
        next = after;
        if (failNow) break;
      }
      // Keep the recent history, and always the track's latest report (the next due date runs from it).
      out.inspections.push(...trackInspections.filter((r, i) => r.inspectedOn >= keepInspectionsFrom || i === trackInspections.length - 1));
      if (!next) continue;
      const obligated = status === 'in_use' || status === 'unregistered';
      if (!obligated && next.dueOn < keepObligationsFrom) continue;
      out.obligations.push({
        id: input.newId(),
        deviceId: id,
        track,
        obligation: next.obligation,
        dueOn: next.dueOn,
        dueMonth: next.dueMonth,
        ruleId: next.ruleId,
        confidence: next.confidence,
        mustStop: next.mustStop,
        explanation: next.explanation,
        basedOnInspectionId: last?.id ?? null,
        basedOnDate: last?.date ?? supervision ?? commissioningDate,
        state: obligated ? 'open' : 'void',
        closedOn: obligated ? null : historyEnd,
        satisfiedBy: null,
        voidReason: obligated ? null : `status_${status}`,
      });
    }
    if (latestGrade) device.safetyGrade = latestGrade;
    const open = out.obligations.slice(firstObligation).filter((o) => o.state === 'open').sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.track.localeCompare(b.track));
    const earliest = open[0];
    if (earliest) Object.assign(device, { nextDueOn: earliest.dueOn, nextDueMonth: earliest.dueMonth, nextDueTrack: earliest.track, nextObligation: earliest.obligation, nextDueRuleId: earliest.ruleId });
    device.mustStop = open.some((o) => o.mustStop);
    device.hasRuleGap = (status === 'in_use' || status === 'unregistered') && open.length === 0;
    const latest = out.inspections.slice(firstInspection).reduce<DemoInspection | null>((a, b) => (a === null || b.inspectedOn > a.inspectedOn ? b : a), null);
    if (latest) Object.assign(device, { lastInspectedOn: latest.inspectedOn, lastConclusion: latest.conclusion });

    // ── elevator maintenance: every 10–15 days over the last 90 days, a few gaps ──
    if (isElevator && status === 'in_use') {
      const gapAt = chance(0.04) ? int(2, 5) : -1;
      let day = addDays(today, -int(1, 12));
      device.lastMaintainedOn = day;
      const worker = `${pick(surnames)}${pick(givenNames)}`;
      for (let i = 0; diffDays(day, today) <= 90; i += 1) {
        out.maintenance.push({ id: input.newId(), deviceId: id, maintainedOn: day, kind: i % 6 === 5 ? 'quarterly' : i % 2 === 1 ? 'monthly' : 'half_monthly', maintenanceUnitId: device.maintenanceUnitId, workers: [{ name: worker, certificateNo: `TS${String(int(100000, 999999))}` }] });
        day = addDays(day, -(i === gapAt ? int(20, 32) : int(10, 15)));
      }
    }

    // ── operator certificates ──
    if (k.operator && status === 'in_use') {
      for (let i = 0, m = int(1, 2); i < m; i += 1) {
        const expiry = chance(0.05) ? addDays(today, -int(1, 200)) : chance(0.06) ? addDays(today, int(0, 30)) : addDays(today, int(31, 4 * 365));
        out.certificates.push({
          id: input.newId(),
          deviceId: id,
          personName: `${pick(surnames)}${pick(givenNames)}`,
          certificateNo: `TS${k.operator.code}${String(serialNo).padStart(6, '0')}${i}`,
          workItemCode: k.operator.code,
          workItemName: k.operator.name,
          issuedOn: addDays(expiry, -4 * 365),
          expiresOn: expiry,
          employerEnterpriseId: unit.id,
        });
      }
    }
  }
  return out;
}

/** Why a demo device exists: used by tests to find typical records. */
export const demoCategoryCodes = [...new Set(kinds.map((k) => k.category))];
