import type { Actor } from '../../shared/actor';
import { parseBooleanCell, parseDateCell, parseEnumCell, splitListCell } from '../../platform/import/cells';
import type { ImportWorkerRules } from '../../platform/import/types';
import { convertWanToYuan } from './capital-rules';
import { enterpriseStatusLabels, enterpriseStatuses, scaleClassLabels, scaleClasses } from './enterprise-enums';
import { enterpriseImportColumns } from './import-columns';
import { buildOrgDirectory, type OrgDirectory, type OrgDirectoryData } from './org-tree';
import { createEnterpriseInputSchema, type CreateEnterpriseInput } from './schema';

/**
 * How an enterprise import row is read and checked: cell texts → the API's create input
 * (validated with the same schema), plus the rules that need the org tree or today. Light on
 * purpose (no database, no HTTP): large imports run this in a worker thread.
 */
export type EnterpriseImportCtx = { actor: Actor; today: string; dir: OrgDirectory };

const NO_TERRITORY = '00000000-0000-4000-8000-000000000000';

const scaleOptions = scaleClasses.map((value) => ({ value, labels: [scaleClassLabels[value].zh, `${scaleClassLabels[value].zh}企业`, scaleClassLabels[value].en] }));
const statusAliases: Record<(typeof enterpriseStatuses)[number], string[]> = { active: ['在业', '开业', '在营', '存续（在营、开业、在册）'], cancelled: ['已注销'], revoked: ['已吊销', '吊销未注销'], moved_out: ['已迁出'] };
const statusOptions = enterpriseStatuses.map((value) => ({ value, labels: [enterpriseStatusLabels[value].zh, ...statusAliases[value], enterpriseStatusLabels[value].en] }));
const currencies: Record<string, string> = { 人民币: 'CNY', 元: 'CNY', 美元: 'USD', 港元: 'HKD', 港币: 'HKD', 欧元: 'EUR', 日元: 'JPY', 英镑: 'GBP' };

function capitalYuan(text: string): { value?: string; problem?: string } {
  const cleaned = text.normalize('NFKC').replace(/[,\s]/g, '').replace(/万元$|万$/, '');
  try {
    return { value: convertWanToYuan(cleaned) };
  } catch {
    return { problem: `注册资本（万元）：「${text}」不是有效金额（单位万元，如 500 或 1250.5）` };
  }
}

function toInput(cells: Readonly<Record<string, string | null>>, _present: ReadonlySet<string>, ctx: EnterpriseImportCtx): { input: Record<string, unknown>; problems: string[] } {
  const problems: string[] = [];
  const input: Record<string, unknown> = {};
  const t = (key: string) => cells[key] ?? null;
  const date = (key: string, label: string) => {
    const text = t(key);
    if (text === null) return null;
    const parsed = parseDateCell(text);
    if (parsed.ok) return parsed.value;
    problems.push(`${label}：${parsed.problem}`);
    return undefined;
  };
  input.creditCode = t('creditCode') ?? '';
  input.name = t('name') ?? '';
  if (t('formerNames') !== null) input.formerNames = splitListCell(t('formerNames') as string);
  input.legalRepresentative = t('legalRepresentative');
  input.registeredAddress = t('registeredAddress');
  const territory = t('territory');
  const node = territory === null ? null : ctx.dir.findTerritory(territory);
  if (territory === null) problems.push('属地：不能为空');
  else if (!node) problems.push(`属地：「${territory}」不是系统中的镇、街道或园区`);
  input.territoryOrgUnitId = node?.id ?? NO_TERRITORY;
  input.industryCode = t('industryCode');
  const capital = t('registeredCapitalWan');
  if (capital !== null) {
    const parsed = capitalYuan(capital);
    if (parsed.problem) problems.push(parsed.problem);
    input.registeredCapital = parsed.value ?? null;
  }
  const currency = t('currency');
  if (currency !== null) input.registeredCapitalCurrency = currencies[currency] ?? currency.toUpperCase();
  const established = date('establishedOn', '成立日期');
  if (established !== undefined) input.establishedOn = established;
  const scale = t('scaleClass');
  if (scale !== null) {
    const parsed = parseEnumCell(scale, scaleOptions);
    if (parsed.ok) input.scaleClass = parsed.value;
    else problems.push(`企业规模：${parsed.problem}`);
  }
  const above = t('aboveDesignatedSize');
  if (above !== null) {
    const parsed = parseBooleanCell(above, { yes: ['规上', '规模以上'], no: ['规下', '规模以下'] });
    if (parsed.ok) input.aboveDesignatedSize = parsed.value;
    else problems.push(`是否规上：${parsed.problem}`);
  }
  if (t('highTechNumber') !== null || t('highTechIssuedOn') !== null || t('highTechValidUntil') !== null) {
    const issuedOn = date('highTechIssuedOn', '高企发证日期');
    const validUntil = date('highTechValidUntil', '高企有效期至');
    input.highTechCertificate = { number: t('highTechNumber') ?? '', issuedOn: issuedOn ?? '', validUntil: validUntil ?? '' };
  }
  if (t('contactName') !== null || t('contactPhone') !== null || t('contactEmail') !== null) {
    input.contacts = [{ name: t('contactName') ?? '', phone: t('contactPhone'), email: t('contactEmail'), isPrimary: true }];
  }
  const status = t('status');
  if (status !== null) {
    const parsed = parseEnumCell(status, statusOptions);
    if (parsed.ok) input.status = parsed.value;
    else problems.push(`登记状态：${parsed.problem}`);
  }
  if (t('tags') !== null) input.tags = splitListCell(t('tags') as string);
  return { input, problems };
}

function checkRow(value: CreateEnterpriseInput, ctx: EnterpriseImportCtx): string[] {
  const problems: string[] = [];
  if (value.territoryOrgUnitId !== NO_TERRITORY && !ctx.dir.isInScope(value.territoryOrgUnitId, ctx.actor.scope)) {
    problems.push(`属地：「${ctx.dir.nameOf(value.territoryOrgUnitId)}」不在您的辖区内`);
  }
  if (value.establishedOn && value.establishedOn > ctx.today) problems.push(`成立日期：${value.establishedOn} 晚于今天`);
  if (value.highTechCertificate && value.highTechCertificate.issuedOn > ctx.today) problems.push(`高企发证日期：${value.highTechCertificate.issuedOn} 晚于今天`);
  return problems;
}

export const enterpriseImportRows: ImportWorkerRules<CreateEnterpriseInput, EnterpriseImportCtx> = {
  columns: enterpriseImportColumns,
  schema: createEnterpriseInputSchema,
  toInput,
  checkRow,
  naturalKey: (value) => value.creditCode,
  restoreContext: (data, { actor, today }) => ({ actor, today, dir: buildOrgDirectory(data as OrgDirectoryData) }),
};
