/**
 * Deterministic demo enterprises for a 海门-style county: textile (家纺) around 叠石桥, machinery,
 * shipbuilding and offshore equipment near the port, electronics in the development zone, building
 * materials, food, trade and logistics. Every credit code is built with `buildUscc` (valid check
 * characters), names are unique, dates never lie after `today`. Pure (seeded PRNG).
 */
import { convertWanToYuan } from './capital-rules';
import type { ScaleClass, EnterpriseStatus } from './enterprise-enums';
import type { Contact, HighTechCertificate } from './field-schemas';
import { USCC_CHARSET, buildUscc } from './uscc-rules';

export type DemoEnterprise = {
  creditCode: string;
  name: string;
  formerNames: string[];
  legalRepresentative: string;
  registeredAddress: string;
  territoryCode: string;
  industryCode: string;
  registeredCapital: string;
  establishedOn: string;
  scaleClass: ScaleClass;
  aboveDesignatedSize: boolean;
  highTechCertificate: HighTechCertificate | null;
  contacts: Contact[];
  status: EnterpriseStatus;
  statusChangedOn: string | null;
  tags: string[];
};

type Sector = { weight: number; words: readonly string[]; industries: readonly string[]; territories?: readonly string[]; manufacturing: boolean };

const sectors: readonly Sector[] = [
  { weight: 22, words: ['家纺', '家用纺织品', '床上用品', '纺织品', '布艺', '毛巾', '寝具'], industries: ['1771', '1772', '1773', '1779', '1751', '1713'], territories: ['park-dieshiqiao', 'street-sanchang', 'town-zhengyu'], manufacturing: true },
  { weight: 18, words: ['机械', '机械制造', '重工', '机电', '液压', '传动设备', '阀门', '轴承', '起重设备', '电梯'], industries: ['3411', '3421', '3431', '3435', '3441', '3443', '3444', '3451', '3453', '3484', '3491', '3599'], manufacturing: true },
  { weight: 8, words: ['船舶', '海洋工程', '船舶配套', '海工装备', '船用设备'], industries: ['3731', '3734', '3735', '3737', '3739'], territories: ['park-port', 'town-linjiang', 'street-binjiang'], manufacturing: true },
  { weight: 10, words: ['电子', '电子科技', '光电', '智能科技', '半导体', '传感技术'], industries: ['3911', '3912', '3972', '3973', '3976', '3981', '3982', '3983', '3985'], territories: ['park-etdz', 'street-haimen'], manufacturing: true },
  { weight: 10, words: ['建材', '新型建材', '混凝土', '水泥制品', '钢结构', '门窗'], industries: ['3021', '3022', '3031', '3041', '3062', '3311', '3312'], manufacturing: true },
  { weight: 8, words: ['食品', '粮油', '米业', '饮品', '速冻食品'], industries: ['1311', '1391', '1431', '1432', '1491', '1524'], manufacturing: true },
  { weight: 4, words: ['塑业', '塑胶制品'], industries: ['2927', '2929'], manufacturing: true },
  { weight: 10, words: ['贸易', '商贸', '物资', '供应链管理'], industries: ['5137', '5139', '5191', '5261'], manufacturing: false },
  { weight: 5, words: ['物流', '运输'], industries: ['5431'], manufacturing: false },
  { weight: 5, words: ['建设工程', '市政工程', '安装工程'], industries: ['4813', '4851'], manufacturing: false },
];

export const demoTerritoryCodes = [
  'town-changle',
  'town-yuelai',
  'town-sijia',
  'town-yudong',
  'town-zhengyu',
  'town-baochang',
  'town-linjiang',
  'street-haimen',
  'street-sanchang',
  'street-binjiang',
  'park-etdz',
  'park-port',
  'park-dieshiqiao',
] as const;

const territoryNames: Record<string, string> = {
  'town-changle': '常乐镇',
  'town-yuelai': '悦来镇',
  'town-sijia': '四甲镇',
  'town-yudong': '余东镇',
  'town-zhengyu': '正余镇',
  'town-baochang': '包场镇',
  'town-linjiang': '临江镇',
  'street-haimen': '海门街道',
  'street-sanchang': '三厂街道',
  'street-binjiang': '滨江街道',
  'park-etdz': '海门经济技术开发区',
  'park-port': '海门港新区',
  'park-dieshiqiao': '叠石桥家纺产业园区',
};

const brands = [
  '恒通', '华源', '宏达', '鑫盛', '瑞丰', '金鹰', '东方', '海星', '新世纪', '永安', '众诚', '天成', '博远', '锦华', '盛世', '润泽', '明珠', '中恒',
  '汇丰', '长江', '通达', '隆兴', '富源', '振华', '德润', '嘉禾', '华夏', '泰和', '利民', '凯达', '金海', '江海', '宝龙', '银河', '蓝海', '新海',
  '海润', '同创', '协力', '立信', '正大', '远航', '启航', '弘业', '昌盛', '兴旺', '伟业', '九洲', '百川', '千禧', '万通', '亿丰', '金帆', '红星',
  '银杏', '紫荆', '蔚蓝', '晨光', '曙光', '朝阳', '春晖', '秋实', '丰泽', '泓信', '睿智', '精诚', '卓越', '领航', '奥新', '威达', '顺捷', '骏马',
];
const prefixes = ['海门', '海门', '海门', '南通', '江苏', '海门市'];
const surnames = '张王李赵陈刘杨黄周吴徐孙朱马胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const given = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '建华', '建国', '志强', '海燕', '红梅', '晓东', '春生', '国平', '卫东', '雪梅', '俊杰', '子涵', '浩然'];
const roads = ['人民路', '解放路', '长江路', '黄海路', '北京路', '上海路', '南海路', '青海路', '浦江路', '通源路', '工业大道', '富江路', '秀山路', '常兴路', '纺织路', '港城路'];
const tagPool = ['出口企业', '品牌培育', '首席质量官', '质量诚信', '标准化良好行为', '知识产权示范'];

/** mulberry32: small, fast, good enough for demo data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function addYears(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`.replace('-02-29', '-02-28');
}

export function generateDemoEnterprises(options: { count: number; today: string; seed?: number }): DemoEnterprise[] {
  const rand = prng(options.seed ?? 20_261_126);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const chance = (p: number) => rand() < p;
  const totalWeight = sectors.reduce((s, x) => s + x.weight, 0);
  const pickSector = () => {
    let r = rand() * totalWeight;
    for (const s of sectors) if ((r -= s.weight) < 0) return s;
    return sectors[0] as Sector;
  };
  const person = () => `${surnames.charAt(Math.floor(rand() * surnames.length))}${pick(given)}`;
  const phone = () => (chance(0.6) ? `13${between(0, 9)}${String(between(0, 99_999_999)).padStart(8, '0')}` : `0513-8${String(between(0, 9_999_999)).padStart(7, '0')}`);
  const usedCodes = new Set<string>();
  const usedNames = new Set<string>();
  const orgBody = () => {
    for (;;) {
      let body = 'MA';
      for (let i = 0; i < 6; i++) body += USCC_CHARSET.charAt(Math.floor(rand() * USCC_CHARSET.length));
      const code = buildUscc({ dept: '9', category: '1', region: chance(0.9) ? '320684' : '320600', orgCodeBody8: body });
      if (!usedCodes.has(code)) {
        usedCodes.add(code);
        return code;
      }
    }
  };
  const todayYear = Number(options.today.slice(0, 4));
  const out: DemoEnterprise[] = [];

  // Two fixed records that tests and the demo rely on: ent1's enterprise in 常乐镇, and one in 悦来镇.
  const fixed: Array<{ name: string; former: string[]; territory: string; industry: string }> = [
    { name: '海门某某机械有限公司', former: ['海门某某农机厂'], territory: 'town-changle', industry: '3484' },
    { name: '南通悦来某某家纺有限公司', former: [], territory: 'town-yuelai', industry: '1771' },
  ];

  for (let i = 0; i < options.count; i++) {
    const sector = i < fixed.length ? (sectors[i === 0 ? 1 : 0] as Sector) : pickSector();
    const f = fixed[i];
    const territory = f?.territory ?? (sector.territories && chance(0.6) ? pick(sector.territories) : pick(demoTerritoryCodes));
    let name = f?.name ?? '';
    for (let attempt = 0; name === '' || usedNames.has(name); attempt++) {
      const stem = chance(0.25) ? (territoryNames[territory] ?? '海门').replace(/(镇|街道|经济技术开发区|港新区|家纺产业园区)$/, '') : pick(prefixes);
      const brand = attempt < 5 ? pick(brands) : `${pick(brands)}${pick(brands)}`;
      name = `${stem}${brand}${pick(sector.words)}${chance(0.85) ? '有限公司' : '股份有限公司'}`;
    }
    usedNames.add(name);
    const r = rand();
    const scaleClass: ScaleClass = i === 0 ? 'small' : r < 0.012 ? 'large' : r < 0.09 ? 'medium' : r < 0.5 ? 'small' : 'micro';
    const aboveDesignatedSize = scaleClass === 'large' || scaleClass === 'medium' || (scaleClass === 'small' && sector.manufacturing && chance(0.45));
    const capitalWan = { large: between(50, 1000) * 100, medium: between(100, 1000) * 10, small: between(20, 300) * 10, micro: between(1, 40) * 5 }[scaleClass];
    const establishedOn = addDays(`${between(1993, todayYear - 1)}-01-01`, between(0, 364));
    const certified = sector.manufacturing && scaleClass !== 'micro' && (i === 0 || chance(scaleClass === 'small' ? 0.12 : 0.35));
    let highTechCertificate: HighTechCertificate | null = null;
    if (certified) {
      const issuedOn = addDays(`${between(Math.max(2018, Number(establishedOn.slice(0, 4)) + 1), todayYear)}-10-01`, between(0, 80));
      if (issuedOn <= options.today) {
        highTechCertificate = { number: `GR${issuedOn.slice(0, 4)}32${String(between(0, 999_999)).padStart(6, '0')}`, issuedOn, validUntil: addDays(addYears(issuedOn, 3), -1) };
      }
    }
    const s = rand();
    const status: EnterpriseStatus = i < fixed.length ? 'active' : s < 0.04 ? 'cancelled' : s < 0.05 ? 'revoked' : s < 0.06 ? 'moved_out' : 'active';
    const statusChangedOn = status === 'active' ? null : addDays(establishedOn, between(365, Math.max(366, Math.floor((Date.parse(options.today) - Date.parse(establishedOn)) / 86_400_000))));
    const tags: string[] = [];
    if (highTechCertificate && chance(0.3)) tags.push('专精特新');
    if (aboveDesignatedSize && sector.manufacturing) tags.push('规上工业');
    if (chance(0.15)) tags.push(pick(tagPool));
    const legalRepresentative = person();
    out.push({
      creditCode: orgBody(),
      name,
      formerNames: f?.former ?? (chance(0.06) ? [name.replace(/(股份)?有限公司$/, '厂')] : []),
      legalRepresentative,
      registeredAddress: `海门市${territoryNames[territory] ?? ''}${pick(roads)}${between(1, 999)}号`,
      territoryCode: territory,
      industryCode: f?.industry ?? pick(sector.industries),
      registeredCapital: convertWanToYuan(String(capitalWan)),
      establishedOn,
      scaleClass,
      aboveDesignatedSize,
      highTechCertificate,
      contacts: [{ name: chance(0.3) ? legalRepresentative : person(), role: chance(0.5) ? '质量负责人' : null, phone: phone(), email: null, isPrimary: true }],
      status,
      statusChangedOn: statusChangedOn && statusChangedOn > options.today ? options.today : statusChangedOn,
      tags: [...new Set(tags)],
    });
  }
  return out;
}
