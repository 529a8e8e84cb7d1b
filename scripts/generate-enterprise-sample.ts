/**
 * Writes examples/enterprises-sample.xlsx: the enterprise import template (headers, drop-downs,
 * notes sheet) filled with eight good rows and five rows with typical mistakes (a wrong check
 * character, an unknown territory, an impossible date, an unknown scale, a code that appears
 * twice). Import it with "只导入正确行" (valid_only) to see both outcomes, or all-or-nothing to
 * see it refused as a whole.
 *
 *   npx tsx scripts/generate-enterprise-sample.ts [output.xlsx]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { buildUscc } from '../src/domains/enterprises/uscc-rules';
import { enterpriseImportColumns, enterpriseImportNotes } from '../src/domains/enterprises/import-columns';
import { buildTemplateXlsx } from '../src/platform/import/template';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ?? path.join(root, 'examples', 'enterprises-sample.xlsx');
const territories = ['常乐镇', '悦来镇', '四甲镇', '余东镇', '正余镇', '包场镇', '临江镇', '海门街道', '三厂街道', '滨江街道', '海门经济技术开发区', '海门港新区', '叠石桥家纺产业园区'];

const code = (body: string) => buildUscc({ dept: '9', category: '1', region: '320684', orgCodeBody8: body });
type Row = Record<string, string | null>;

const good: Row[] = [
  { creditCode: code('MA1YLX01'), name: '海门样例家纺有限公司', territory: '叠石桥家纺产业园区', industryCode: '1771', registeredCapitalWan: '300', establishedOn: '2014-04-21', scaleClass: '小型', aboveDesignatedSize: '是', contactName: '顾红梅', contactPhone: '13962800001', status: '存续', tags: '出口企业' },
  { creditCode: code('MA1YLX02'), name: '海门样例重工机械有限公司', formerNames: '海门样例农机厂', territory: '常乐镇', industryCode: 'C3432', registeredCapitalWan: '5000', establishedOn: '2006/9/1', scaleClass: '中型', aboveDesignatedSize: '是', highTechNumber: 'GR202432001001', highTechIssuedOn: '2024-12-02', highTechValidUntil: '2027-12-01', contactName: '施建国', contactPhone: '0513-82100001', status: '存续', tags: '专精特新；首席质量官' },
  { creditCode: code('MA1YLX03'), name: '海门样例船舶配套有限公司', territory: '海门港新区', industryCode: '3734', registeredCapitalWan: '1200.5', establishedOn: '2011年3月8日', scaleClass: '中型', aboveDesignatedSize: '是', contactName: '陆志强', contactPhone: '13813600002', status: '存续' },
  { creditCode: code('MA1YLX04'), name: '海门样例电子科技有限公司', territory: '海门经济技术开发区', industryCode: '3982', registeredCapitalWan: '2000', establishedOn: '2018-07-16', scaleClass: '小型', aboveDesignatedSize: '否', highTechNumber: 'GR202332002002', highTechIssuedOn: '2023-11-06', highTechValidUntil: '2026-11-05', contactName: '张晓东', contactPhone: '13776900003', status: '存续' },
  { creditCode: code('MA1YLX05'), name: '海门样例新型建材有限公司', territory: '临江镇', industryCode: '3021', registeredCapitalWan: '800', establishedOn: '2009-12-30', scaleClass: '小型', aboveDesignatedSize: '规上', contactName: '黄春生', contactPhone: '0513-82100005', status: '存续' },
  { creditCode: code('MA1YLX06'), name: '海门样例食品有限公司', territory: '悦来镇', industryCode: '1431', registeredCapitalWan: '150', establishedOn: '2016-05-10', scaleClass: '微型', aboveDesignatedSize: '否', contactName: '沈丽', contactPhone: '13962800006', status: '存续' },
  { creditCode: code('MA1YLX07'), name: '海门样例商贸有限公司', territory: '海门街道', industryCode: '5139', registeredCapitalWan: '50', establishedOn: '2019-02-14', scaleClass: '微型', aboveDesignatedSize: '否', contactName: '钱伟', contactPhone: '13813600007', status: '注销' },
  { creditCode: code('MA1YLX08'), name: '海门样例物流有限公司', territory: '三厂街道', industryCode: '5431', registeredCapitalWan: '500', establishedOn: '2013-08-08', scaleClass: '小型', aboveDesignatedSize: '否', contactName: '吴静', contactPhone: '13776900008', status: '存续' },
];

const wrongCheck = code('MA1YLX09').slice(0, 17) + (code('MA1YLX09').endsWith('1') ? '2' : '1');
const bad: Row[] = [
  { creditCode: wrongCheck, name: '海门样例错误校验码有限公司', territory: '常乐镇', industryCode: '3484', establishedOn: '2015-01-01', status: '存续' },
  { creditCode: code('MA1YLX0A'), name: '海门样例未知属地有限公司', territory: '海门镇', industryCode: '3484', establishedOn: '2015-01-01', status: '存续' },
  { creditCode: code('MA1YLX0B'), name: '海门样例日期有误有限公司', territory: '四甲镇', industryCode: '3484', establishedOn: '2015-02-30', status: '存续' },
  { creditCode: code('MA1YLX0C'), name: '海门样例规模有误有限公司', territory: '余东镇', industryCode: '3484', scaleClass: '巨型', status: '存续' },
  { creditCode: code('MA1YLX08'), name: '海门样例物流有限公司（重复行）', territory: '三厂街道', industryCode: '5431', status: '存续' },
];

const template = await buildTemplateXlsx({ sheetName: '企业信息', columns: enterpriseImportColumns, options: { territory: territories }, notes: enterpriseImportNotes });
const workbook = new ExcelJS.Workbook();
await workbook.xlsx.load(template as unknown as ArrayBuffer);
const fixed = new Date(Date.UTC(2026, 10, 26));
workbook.created = fixed;
workbook.modified = fixed;
const sheet = workbook.getWorksheet('企业信息') as ExcelJS.Worksheet;
[...good, ...bad].forEach((r, i) => {
  const excelRow = sheet.getRow(i + 2);
  enterpriseImportColumns.forEach((c, j) => {
    excelRow.getCell(j + 1).value = r[c.key] ?? null;
  });
  excelRow.font = {};
  excelRow.commit();
});
fs.mkdirSync(path.dirname(out), { recursive: true });
await workbook.xlsx.writeFile(out);
console.log(`wrote ${out}: ${good.length} good rows, ${bad.length} rows with mistakes`);
