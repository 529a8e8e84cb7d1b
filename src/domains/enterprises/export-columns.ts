import type { ExportColumn } from '../../platform/excel/export';
import { convertYuanToWan } from './capital-rules';
import { enterpriseStatusLabels, scaleClassLabels } from './enterprise-enums';
import type { EnterpriseListItem } from './view-schema';

/**
 * Columns of the enterprise Excel export: the import template's columns first (same headers, so
 * an exported list can be edited and imported again), then read-only columns the import ignores.
 */
const currencyNames: Record<string, string> = { CNY: '人民币', USD: '美元', HKD: '港元', EUR: '欧元', JPY: '日元', GBP: '英镑' };

const primary = (e: EnterpriseListItem) => e.contacts.find((c) => c.isPrimary) ?? e.contacts[0] ?? null;

export const enterpriseExportColumns: ExportColumn<EnterpriseListItem>[] = [
  { header: '统一社会信用代码', width: 24, value: (e) => e.creditCode },
  { header: '企业名称', width: 32, value: (e) => e.name },
  { header: '曾用名', width: 24, value: (e) => e.formerNames.join('；') || null },
  { header: '法定代表人', width: 12, value: (e) => e.legalRepresentative },
  { header: '注册地址', width: 32, value: (e) => e.registeredAddress },
  { header: '属地', width: 16, value: (e) => e.territoryName },
  { header: '行业代码', width: 10, value: (e) => e.industryCode },
  { header: '注册资本（万元）', width: 14, value: (e) => (e.registeredCapital === null ? null : convertYuanToWan(e.registeredCapital)) },
  { header: '币种', width: 8, value: (e) => currencyNames[e.registeredCapitalCurrency] ?? e.registeredCapitalCurrency },
  { header: '成立日期', width: 12, value: (e) => e.establishedOn },
  { header: '企业规模', width: 10, value: (e) => (e.scaleClass ? scaleClassLabels[e.scaleClass].zh : null) },
  { header: '是否规上', width: 10, value: (e) => (e.aboveDesignatedSize ? '是' : '否') },
  { header: '高企证书编号', width: 18, value: (e) => e.highTechCertificate?.number ?? null },
  { header: '高企发证日期', width: 12, value: (e) => e.highTechCertificate?.issuedOn ?? null },
  { header: '高企有效期至', width: 12, value: (e) => e.highTechCertificate?.validUntil ?? null },
  { header: '联系人', width: 10, value: (e) => primary(e)?.name ?? null },
  { header: '联系电话', width: 16, value: (e) => primary(e)?.phone ?? null },
  { header: '电子邮箱', width: 20, value: (e) => primary(e)?.email ?? null },
  { header: '登记状态', width: 10, value: (e) => enterpriseStatusLabels[e.status].zh },
  { header: '标签', width: 18, value: (e) => e.tags.join('；') || null },
  { header: '行业名称（只读）', width: 24, value: (e) => e.industryName },
  { header: '当前有效高企（只读）', width: 10, value: (e) => (e.isHighTech ? '是' : '否') },
  { header: '系统ID（只读）', width: 38, value: (e) => e.id },
  { header: '版本（只读）', width: 8, value: (e) => e.version },
  { header: '更新时间（只读）', width: 22, value: (e) => e.updatedAt },
];
