/**
 * Demo plan from the seed (Haimen news report, /work/shared/seed; "今年" = 2015) and domain.md §4.6.
 * Target numbers are the seed's; types follow §4.3. Everything the seed does not state is a
 * design proposal [D] and says so in `note`: weights (chosen to sum to 100), shortfall modes,
 * bonuses, caps, the rate targets of §4.6, deduction/bonus/veto items and metric bindings.
 * Lead departments are org-unit **codes**; `resolveSeedIndicators` maps them to ids.
 */
import { invalid } from '../../shared/errors';
import type { DataSource, EvidenceRequirement, IndicatorDefinition } from './indicator-schema';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type SeedIndicator = DistributiveOmit<IndicatorDefinition, 'leadOrgUnitId'> & { leadOrgUnitCode: string };

export const seedPlanYear = 2015;
export const seedPlanTitle = '2015年度质量强市工作目标任务';

/** Org-unit codes used as lead departments (质强办 has no code in the brief: 'office-quality' is proposed). */
export const seedLeadOrgUnits: Record<string, string> = {
  'office-quality': '质量强市工作领导小组办公室',
  'dept-sci': '科技局',
  'dept-amr': '市场监督管理局',
  'dept-housing': '住房和城乡建设局',
  'dept-env': '生态环境局',
  'dept-commerce': '商务局',
};

const docs = (description: string): EvidenceRequirement => ({ description, fileKinds: ['document', 'pdf', 'spreadsheet'], maxFiles: 5 });
const reported: DataSource = { kind: 'reported' };
const metric = (metricKey: string, params?: Record<string, string | number | boolean>): DataSource =>
  params ? { kind: 'metric', metricKey, params } : { kind: 'metric', metricKey };
const proportional = { mode: 'proportional' } as const;
const D_WEIGHT = '[D] 权重为演示设定；按实际完成率乘以标准分计分（src 96）';

function base(code: string, name: string, category: string, unitOfMeasure: string, leadOrgUnitCode: string, evidence: string, dataSource: DataSource, note = D_WEIGHT) {
  return { code, name, category, unitOfMeasure, leadOrgUnitCode, evidence: docs(evidence), dataSource, note };
}

const innovation = '创新驱动工程';
const quality = '质量提升工程';
const brand = '品牌发展工程';
const safety = '质量安全';
const environment = '环境与服务质量';
const mechanism = '工作机制';
const extras = '加分、扣分与否决';

export const seedIndicators: SeedIndicator[] = [
  { type: 'count_range', ...base('T01', '新增国家、省级高新技术企业', innovation, '家', 'dept-sci', '高新技术企业认定文件', metric('enterprises.high_tech_count', { scope: 'new_in_year' }), '[D] 权重、超出力争数每家加0.2分（最多1分）为演示设定'), weight: '5', lower: '20', upper: '30', shortfall: proportional, bonus: { pointsPerUnit: '0.2', cap: '1' } },
  { type: 'count_target', ...base('T02', '新增国家、省级高新技术产品', innovation, '个', 'dept-sci', '高新技术产品认定证书', reported), weight: '4', target: '40', shortfall: proportional },
  { type: 'rate_threshold', ...base('T03', '高新技术产业产值占规模以上工业产值比重', innovation, '%', 'dept-sci', '统计部门数据', reported, '[D] 每差1个百分点扣0.5分（src 96）'), weight: '5', threshold: '46', direction: 'higher_is_better', shortfall: { mode: 'slope', pointsPerPp: '0.5' } },
  { type: 'count_target', ...base('T04', '争创江苏省质量奖（提名奖）、南通市市长质量奖或质量管理优秀奖', quality, '个', 'office-quality', '获奖文件', metric('brands.quality_award_count', { levels: 'province,nantong' })), weight: '4', target: '1', shortfall: proportional },
  { type: 'count_range', ...base('T05', '海门市市长质量奖', quality, '个', 'office-quality', '表彰文件', metric('brands.quality_award_count', { levels: 'city' })), weight: '3', lower: '1', upper: '2', shortfall: proportional },
  { type: 'count_target', ...base('T06', '国家级优质工程（鲁班奖、国优工程等）', quality, '项', 'dept-housing', '获奖证书', reported), weight: '4', target: '6', shortfall: proportional },
  { type: 'count_target', ...base('T07', '省级优质工程', quality, '项', 'dept-housing', '获奖证书', reported), weight: '4', target: '60', shortfall: proportional },
  { type: 'count_range', ...base('T08', '新增省级以上工程（技术）研究中心', innovation, '家', 'dept-sci', '认定文件', reported), weight: '3', lower: '1', upper: '3', shortfall: proportional },
  { type: 'count_range', ...base('T09', '新增省级院士工作站、省级以上博士后工作站、研究生工作站', innovation, '家', 'dept-sci', '批准文件', reported), weight: '2', lower: '1', upper: '2', shortfall: proportional },
  { type: 'count_target', ...base('T10', '新设立首席质量官', quality, '个', 'dept-amr', '首席质量官备案表', metric('enterprises.chief_quality_officer_count', { scope: 'new_in_year' })), weight: '6', target: '40', shortfall: proportional },
  { type: 'count_range', ...base('T11', '承担制修订国际、国家、行业、地方标准', quality, '项', 'dept-amr', '标准发布文本或立项文件', metric('standards.drafted_count', { levels: 'international,national,industry,local' })), weight: '4', lower: '3', upper: '4', shortfall: proportional },
  { type: 'rate_threshold', ...base('T12', '生产加工企业标准覆盖率', quality, '%', 'dept-amr', '企业标准自我声明公开记录', metric('standards.enterprise_coverage_rate'), '[D] 每差1个百分点扣0.5分（src 96）'), weight: '5', threshold: '99', direction: 'higher_is_better', shortfall: { mode: 'slope', pointsPerPp: '0.5' } },
  { type: 'count_range', ...base('T13', '新增产学研合作项目', innovation, '个', 'dept-sci', '合作协议', reported), weight: '3', lower: '4', upper: '5', shortfall: proportional },
  { type: 'count_range', ...base('T14', '新增江苏名牌', brand, '个', 'dept-amr', '认定文件', metric('brands.honor_new_count', { honor: 'jiangsu_famous_brand' })), weight: '4', lower: '2', upper: '3', shortfall: proportional },
  { type: 'count_range', ...base('T15', '新增南通名牌', brand, '个', 'dept-amr', '认定文件', metric('brands.honor_new_count', { honor: 'nantong_famous_brand' })), weight: '4', lower: '10', upper: '15', shortfall: proportional },
  { type: 'base_slope', ...base('T16', '名牌经济占规模以上企业增加值比重', brand, '%', 'dept-amr', '统计部门数据', reported, '[D] 以“达到得80%标准分、每个百分点增减0.5分、最高120%”演示基数加斜率型（src 96）'), weight: '4', target: '12', direction: 'higher_is_better', basePercent: '80', pointsPerPp: '0.5', capPercent: '120' },
  { type: 'count_range', ...base('T17', '新增中国驰名商标', brand, '件', 'dept-amr', '认定文件', metric('brands.honor_new_count', { honor: 'china_well_known_trademark' })), weight: '3', lower: '1', upper: '2', shortfall: proportional },
  { type: 'count_range', ...base('T18', '新增省著名商标', brand, '件', 'dept-amr', '认定文件', metric('brands.honor_new_count', { honor: 'jiangsu_famous_trademark' })), weight: '3', lower: '5', upper: '8', shortfall: proportional },
  { type: 'count_range', ...base('T19', '新增知名商标', brand, '件', 'dept-amr', '认定文件', metric('brands.honor_new_count', { honor: 'well_known_trademark' })), weight: '3', lower: '10', upper: '15', shortfall: proportional },
  { type: 'count_target', ...base('T20', '新增省、市服务名牌', brand, '个', 'dept-amr', '认定文件', metric('brands.honor_new_count', { honor: 'service_brand' })), weight: '2', target: '1', shortfall: proportional },
  { type: 'rate_threshold', ...base('T21', '特种设备定期检验率', safety, '%', 'dept-amr', '系统自动统计', metric('safety.inspection_rate'), '[D] 目标99%（domain.md §4.6），每差1个百分点扣0.5分'), weight: '5', threshold: '99', direction: 'higher_is_better', shortfall: { mode: 'slope', pointsPerPp: '0.5' } },
  { type: 'rate_threshold', ...base('T22', '安全隐患按期整改率', safety, '%', 'office-quality', '系统自动统计', metric('safety.rectification_on_time_rate'), '[D] 目标100%（domain.md §4.6），每差1个百分点扣0.5分'), weight: '5', threshold: '100', direction: 'higher_is_better', shortfall: { mode: 'slope', pointsPerPp: '0.5' } },
  { type: 'rate_threshold', ...base('T23', '空气质量优良天数比率', environment, '%', 'dept-env', '系统自动统计', metric('env.air_good_day_rate'), '[D] 以上年实际84.6%为不退步目标（种子资料）'), weight: '3', threshold: '84.6', direction: 'higher_is_better', shortfall: { mode: 'slope', pointsPerPp: '0.5' } },
  { type: 'rate_threshold', ...base('T24', '服务业顾客满意度指数', environment, '分', 'dept-commerce', '满意度测评报告', metric('surveys.satisfaction_index'), '[D] 目标80分（domain.md §4.6），每差1分扣0.2分'), weight: '3', threshold: '80', direction: 'higher_is_better', shortfall: { mode: 'slope', pointsPerPp: '0.2' } },
  { type: 'task', ...base('T25', '制订并印发年度质量强市工作计划', mechanism, '项', 'office-quality', '计划文件', reported, '[D] 完成得满分、部分完成得一半（Nantong, src 91）'), weight: '2', partialPercent: '50' },
  {
    type: 'checklist',
    ...base('T26', '开展质量主题活动', mechanism, '项', 'office-quality', '活动方案及总结', reported, '[D] 活动名称取自种子资料；每缺1项扣1分'),
    weight: '4',
    items: [
      { code: 'quality-month', name: '质量月' },
      { code: 'safety-month', name: '安全生产月' },
      { code: 'world-standards-day', name: '世界标准日' },
      { code: 'science-week', name: '科普宣传周' },
    ],
    scoring: { mode: 'deduct_missing', pointsPerMissing: '1' },
  },
  { type: 'rank', ...base('T27', '名牌培育争先进位（按新增名牌数在同类单位中排名）', mechanism, '名', 'office-quality', '系统自动统计', metric('brands.honor_new_count', { groupBy: 'territory' }), '[D] 争先进位计分：第1名满分，每后移1名减5%（src 97）'), weight: '3', direction: 'higher_is_better', scoring: { mode: 'linear', stepPercent: '5', floorPercent: '0' } },
  { type: 'bonus', ...base('B01', '获得国家、省、市级质量荣誉', extras, '项', 'office-quality', '表彰文件', reported, '[D] 国家级2分、省级1分、市级0.5分，本项最多3分'), pointsPerOccurrence: '0.5', cap: '3', levels: [{ code: 'national', name: '国家级', points: '2' }, { code: 'provincial', name: '省级', points: '1' }, { code: 'city', name: '市级', points: '0.5' }] },
  { type: 'bonus', ...base('B02', '主导制定国际、国家标准', extras, '项', 'dept-amr', '标准文本', metric('standards.led_count', { levels: 'international,national' }), '[D] 每项加1分，本项最多2分'), pointsPerOccurrence: '1', cap: '2' },
  { type: 'deduction', ...base('D01', '重大隐患逾期未整改', extras, '项', 'dept-amr', '系统自动统计', metric('safety.overdue_major_hazard_count'), '[D] 每项扣1分，本项最多扣5分'), pointsPerOccurrence: '1', cap: '5' },
  { type: 'deduction', ...base('D02', '不合格食品未按时核查处置', extras, '批次', 'dept-amr', '系统自动统计', metric('food.unqualified_overdue_count'), '[D] 每批次扣0.5分，本项最多扣3分'), pointsPerOccurrence: '0.5', cap: '3' },
  { type: 'deduction', ...base('D03', '报送数据弄虚作假', extras, '次', 'office-quality', '核查记录', reported, '[D] 每次扣2分，本项最多扣10分'), pointsPerOccurrence: '2', cap: '10' },
  { type: 'veto', ...base('V01', '区域性、系统性质量安全事件', extras, '起', 'office-quality', '事件调查报告', reported, '国办发〔2013〕47号第5条（domain.md §4.1）'), condition: '发生区域性、系统性质量安全事件' },
  { type: 'veto', ...base('V02', '重特大食品安全事故或特种设备重大安全事故', extras, '起', 'dept-amr', '事故调查报告', metric('safety.major_accident_count'), '[D] 负有责任的重特大事故（domain.md §4.3 veto）'), condition: '发生负有责任的重特大食品安全事故或特种设备重大安全事故' },
];

/** Indicators bound to live metrics of other modules (for the lead to wire through their index.ts). */
export function listSeedMetricBindings(): { indicatorCode: string; metricKey: string; params?: Record<string, string | number | boolean> }[] {
  return seedIndicators.flatMap((s) =>
    s.dataSource.kind === 'metric' ? [{ indicatorCode: s.code, metricKey: s.dataSource.metricKey, ...(s.dataSource.params ? { params: s.dataSource.params } : {}) }] : [],
  );
}

/** Replaces lead org-unit codes by ids; throws `targets.unknown_org_unit_code` for a code not in the map. */
export function resolveSeedIndicators(seeds: readonly SeedIndicator[], idByCode: Readonly<Record<string, string>>): IndicatorDefinition[] {
  return seeds.map((seed) => {
    const { leadOrgUnitCode, ...rest } = seed;
    const id = idByCode[leadOrgUnitCode];
    if (id === undefined) throw invalid('targets.unknown_org_unit_code', `未知的单位编码：${leadOrgUnitCode}`, { code: leadOrgUnitCode });
    return { ...rest, leadOrgUnitId: id } as IndicatorDefinition;
  });
}
