import type { ImportColumn } from '../../platform/import';
import { aboveDesignatedSizeLabels, enterpriseStatusLabels, scaleClassLabels, scaleClasses, enterpriseStatuses } from './enterprise-enums';

/**
 * The columns of the enterprise import template and export (Chinese headers, aliases that real
 * sheets use, which input field each fills). The export writes the same headers, so an exported
 * list can be edited and imported again.
 */
export const EXAMPLE_CREDIT_CODE = '91320684MA1EXAMP33';

export const enterpriseImportColumns: readonly ImportColumn[] = [
  {
    key: 'creditCode',
    field: 'creditCode',
    header: '统一社会信用代码',
    aliases: ['社会信用代码', '信用代码', '统一代码', '统一社会信用代码/注册号', 'USCC', 'credit code'],
    required: true,
    example: EXAMPLE_CREDIT_CODE,
    width: 24,
    note: '18 位，按 GB 32100-2015 校验（含第 18 位校验码和组织机构代码校验位）；可含空格、全角或小写，导入时自动规范化。是判断“新增还是更新”的依据。',
  },
  {
    key: 'name',
    field: 'name',
    header: '企业名称',
    aliases: ['单位名称', '名称', '企业（单位）名称', '公司名称', '市场主体名称', '企业全称'],
    required: true,
    example: '海门示例机械有限公司',
    width: 30,
    note: '营业执照上的全称。',
  },
  { key: 'formerNames', field: 'formerNames', header: '曾用名', aliases: ['原名称', '曾用名称', '历史名称'], example: '海门示例农机厂', width: 24, note: '多个曾用名用分号（；）或顿号（、）分隔。' },
  {
    key: 'legalRepresentative',
    field: 'legalRepresentative',
    header: '法定代表人',
    aliases: ['法人代表', '法人', '负责人', '法定代表人（负责人）', '经营者', '投资人'],
    example: '张三',
    width: 12,
  },
  {
    key: 'registeredAddress',
    field: 'registeredAddress',
    header: '注册地址',
    aliases: ['住所', '地址', '企业地址', '注册地', '住所（经营场所）', '经营场所', '单位地址'],
    example: '海门市常乐镇示例路 8 号',
    width: 32,
  },
  {
    key: 'territory',
    field: 'territoryOrgUnitId',
    header: '属地',
    aliases: ['所属镇（街道、园区）', '所属镇区', '所在镇', '所属镇', '镇（街道、园区）', '镇街园区', '属地单位', '所属区域', '乡镇街道'],
    required: true,
    example: '常乐镇',
    width: 18,
    note: '企业所在的镇、街道或园区，填写系统中的名称（可从下拉列表选择）。镇（街道、园区）用户只能导入本辖区的企业。',
  },
  {
    key: 'industryCode',
    field: 'industryCode',
    header: '行业代码',
    aliases: ['国民经济行业代码', '行业分类代码', '所属行业代码', '国标行业代码', '行业'],
    example: '3435',
    width: 12,
    note: 'GB/T 4754-2017 国民经济行业分类代码，可填门类字母或 2/3/4 位数字代码（如 C、34、343、3435，也可写作 C3435）。',
  },
  {
    key: 'registeredCapitalWan',
    field: 'registeredCapital',
    header: '注册资本（万元）',
    aliases: ['注册资本', '注册资金', '注册资金（万元）'],
    example: '500',
    width: 14,
    note: '单位万元（精确到分，最多 6 位小数），不带千分位逗号。',
  },
  { key: 'currency', field: 'registeredCapitalCurrency', header: '币种', aliases: ['注册资本币种', '货币'], example: '人民币', width: 10, note: '默认人民币；也可填 美元、港元、欧元、日元或 ISO 代码（如 USD）。', options: ['人民币', '美元', '港元', '欧元', '日元'] },
  {
    key: 'establishedOn',
    field: 'establishedOn',
    header: '成立日期',
    aliases: ['成立时间', '注册日期', '设立日期', '登记日期', '开业日期'],
    example: '2012-05-18',
    width: 14,
    note: '如 2012-05-18，也可写作 2012/5/18 或 2012年5月18日；不能晚于今天。',
  },
  { key: 'scaleClass', field: 'scaleClass', header: '企业规模', aliases: ['规模', '企业规模（大中小微）'], example: '小型', width: 10, options: scaleClasses.map((s) => scaleClassLabels[s].zh) },
  {
    key: 'aboveDesignatedSize',
    field: 'aboveDesignatedSize',
    header: '是否规上',
    aliases: ['规上企业', '是否规上企业', '规模以上', '规上/规下'],
    example: '是',
    width: 10,
    options: ['是', '否'],
    note: `规模以上企业填“是”（或“${aboveDesignatedSizeLabels.true.zh}”），否则填“否”；空着按“否”。`,
  },
  { key: 'highTechNumber', field: 'highTechCertificate.number', header: '高企证书编号', aliases: ['高新技术企业证书编号', '高新证书编号', '高企证书号'], example: 'GR202332001234', width: 18, note: '高新技术企业证书，三项（编号、发证日期、有效期至）要么都填，要么都空。' },
  { key: 'highTechIssuedOn', field: 'highTechCertificate.issuedOn', header: '高企发证日期', aliases: ['高新技术企业发证日期', '高企认定日期'], example: '2023-11-06', width: 14 },
  { key: 'highTechValidUntil', field: 'highTechCertificate.validUntil', header: '高企有效期至', aliases: ['高新技术企业证书有效期至', '高企证书有效期'], example: '2026-11-05', width: 14 },
  { key: 'contactName', field: 'contacts.name', header: '联系人', aliases: ['联系人姓名'], example: '李四', width: 10, note: '主要联系人；更新已有企业时替换原主要联系人，其他联系人保留。' },
  { key: 'contactPhone', field: 'contacts.phone', header: '联系电话', aliases: ['电话', '手机', '联系方式', '联系人电话', '手机号码'], example: '0513-82345678', width: 16 },
  { key: 'contactEmail', field: 'contacts.email', header: '电子邮箱', aliases: ['邮箱', '联系邮箱', 'Email', 'E-mail'], width: 20 },
  {
    key: 'status',
    field: 'status',
    header: '登记状态',
    aliases: ['经营状态', '状态', '企业状态'],
    example: '存续',
    width: 10,
    options: enterpriseStatuses.map((s) => enterpriseStatusLabels[s].zh),
    note: '存续（在业）、注销、吊销、迁出；空着按“存续”。',
  },
  { key: 'tags', field: 'tags', header: '标签', aliases: ['企业标签'], example: '专精特新', width: 18, note: '多个标签用分号（；）或顿号（、）分隔。' },
];

export const enterpriseImportNotes: readonly string[] = [
  '一行一家企业；第一行为表头，列的顺序可以调整，不认识的列会被忽略。',
  '以“统一社会信用代码”判断：系统中没有的新增，已有的更新（只更新文件中出现的列）。同一代码在文件中出现多次时，这些行都不导入。',
  '“全部正确才导入”（默认）：只要有一行错误，整个文件都不写入；“只导入正确行”：正确的行写入，错误的行列入错误报告。',
  '导入后可下载错误报告（原始行加“错误说明”列），改正后可直接重新上传。导入的整批数据可以撤销（导入后又被修改过的除外）。',
  '灰色斜体的示例行如未改动，导入时自动跳过。',
  '登记信息（名称、曾用名、法定代表人、地址、注册资本、成立日期、登记状态）以市场监管登记为准：更新已有企业的这些信息需要市场监管局账号。',
];
