import type { Actor } from '../../shared/actor';
import { newId } from '../../platform/ids';
import { parseBooleanCell, parseDateCell, parseEnumCell, splitListCell } from '../../platform/import/cells';
import type { ImportWorkerRules } from '../../platform/import/types';
import { convertWanToYuan } from './capital-rules';
import { enterpriseCopyLine } from './copy-lines';
import { enterpriseStatusLabels, enterpriseStatuses, scaleClassLabels, scaleClasses } from './enterprise-enums';
import { enterpriseImportColumns } from './import-columns';
import { buildOrgDirectory, type OrgDirectory, type OrgDirectoryData } from './org-tree';
import { createEnterpriseInputSchema, type CreateEnterpriseInput } from './schema';
import type { BulkEnterprise } from './store-bulk';

/**
 * How an enterprise import row is read and checked: cell texts → the API's create input
 * (validated with the same schema), plus the rules that need the org tree or today, and the row
 * as a new record ready to COPY. Light on purpose (no database, no HTTP): large imports run this
 * in a worker thread.
 */
export type EnterpriseImportCtx = { actor: Actor; today: string; dir: OrgDirectory };

const NO_TERRITORY = '00000000-0000-4000-8000-000000000000';

const scaleOptions = scaleClasses.map((value) => ({ value, labels: [scaleClassLabels[value].zh, `${scaleClassLabels[value].zh}企业`, scaleClassLabels[value].en] }));
const statusAliases: Record<(typeof enterpriseStatuses)[number], string[]> = { active: ['在业', '开业', '在营', '存续（在营、开业、在册）'], cancelled: ['已注销'], revoked: ['已吊销', '吊销未注销'], moved_out: ['已迁出'] };
const statusOptions = enterpriseStatuses.map((value) => ({ value, labels: [enterpriseStatusLabels[value].zh, ...statusAliases[value], enterpriseStatusLabels[value].en] }));
const aboveWords = { yes: ['规上', '规模以上'], no: ['规下', '规模以下'] };
const currencies: Record<string, string> = { 人民币: 'CNY', 元: 'CNY', 美元: 'USD', 港元: 'HKD', 港币: 'HKD', 欧元: 'EUR', 日元: 'JPY', 英镑: 'GBP' };

/**
 * Pure cell parsers remembered by cell text: a large sheet repeats the same dates and amounts
 * thousands of times. Bounded (cleared when full).
 */
function memo<R>(parse: (text: string) => R, max = 20_000): (text: string) => R {
  const known = new Map<string, R>();
  return (text) => {
    let result = known.get(text);
    if (result === undefined) {
      result = parse(text);
      if (known.size >= max) known.clear();
      known.set(text, result);
    }
    return result;
  };
}

const parseDate = memo(parseDateCell);
const parseCapital = memo(capitalYuan);

function capitalYuan(text: string): { value?: string; problem?: string } {
  const cleaned = text.normalize('NFKC').replace(/[,\s]/g, '').replace(/万元$|万$/, '');
  try {
    return { value: convertWanToYuan(cleaned) };
  } catch {
    return { problem: `注册资本（万元）：「${text}」不是有效金额（单位万元，如 500 或 1250.5）` };
  }
}

type Cells = Readonly<Record<string, string | null>>;

const cell = (cells: Cells, key: string): string | null => cells[key] ?? null;

/** A date cell: the date, null when blank, undefined (and a problem) when unreadable. */
function dateCell(cells: Cells, key: string, label: string, problems: string[]): string | null | undefined {
  const text = cell(cells, key);
  if (text === null) return null;
  const parsed = parseDate(text);
  if (parsed.ok) return parsed.value;
  problems.push(`${label}：${parsed.problem}`);
  return undefined;
}

// Module-level helpers rather than closures per row: this runs 100,000 times in a large import.
function toInput(cells: Cells, _present: ReadonlySet<string>, ctx: EnterpriseImportCtx): { input: Record<string, unknown>; problems: string[] } {
  const problems: string[] = [];
  const input: Record<string, unknown> = {};
  input.creditCode = cell(cells, 'creditCode') ?? '';
  input.name = cell(cells, 'name') ?? '';
  const formerNames = cell(cells, 'formerNames');
  if (formerNames !== null) input.formerNames = splitListCell(formerNames);
  input.legalRepresentative = cell(cells, 'legalRepresentative');
  input.registeredAddress = cell(cells, 'registeredAddress');
  const territory = cell(cells, 'territory');
  const node = territory === null ? null : ctx.dir.findTerritory(territory);
  if (territory === null) problems.push('属地：不能为空');
  else if (!node) problems.push(`属地：「${territory}」不是系统中的镇、街道或园区`);
  input.territoryOrgUnitId = node?.id ?? NO_TERRITORY;
  input.industryCode = cell(cells, 'industryCode');
  const capital = cell(cells, 'registeredCapitalWan');
  if (capital !== null) {
    const parsed = parseCapital(capital);
    if (parsed.problem) problems.push(parsed.problem);
    input.registeredCapital = parsed.value ?? null;
  }
  const currency = cell(cells, 'currency');
  if (currency !== null) input.registeredCapitalCurrency = currencies[currency] ?? currency.toUpperCase();
  const established = dateCell(cells, 'establishedOn', '成立日期', problems);
  if (established !== undefined) input.establishedOn = established;
  const scale = cell(cells, 'scaleClass');
  if (scale !== null) {
    const parsed = parseEnumCell(scale, scaleOptions);
    if (parsed.ok) input.scaleClass = parsed.value;
    else problems.push(`企业规模：${parsed.problem}`);
  }
  const above = cell(cells, 'aboveDesignatedSize');
  if (above !== null) {
    const parsed = parseBooleanCell(above, aboveWords);
    if (parsed.ok) input.aboveDesignatedSize = parsed.value;
    else problems.push(`是否规上：${parsed.problem}`);
  }
  const certNumber = cell(cells, 'highTechNumber');
  if (certNumber !== null || cell(cells, 'highTechIssuedOn') !== null || cell(cells, 'highTechValidUntil') !== null) {
    const issuedOn = dateCell(cells, 'highTechIssuedOn', '高企发证日期', problems);
    const validUntil = dateCell(cells, 'highTechValidUntil', '高企有效期至', problems);
    input.highTechCertificate = { number: certNumber ?? '', issuedOn: issuedOn ?? '', validUntil: validUntil ?? '' };
  }
  const contactName = cell(cells, 'contactName');
  const contactPhone = cell(cells, 'contactPhone');
  const contactEmail = cell(cells, 'contactEmail');
  if (contactName !== null || contactPhone !== null || contactEmail !== null) {
    input.contacts = [{ name: contactName ?? '', phone: contactPhone, email: contactEmail, isPrimary: true }];
  }
  const status = cell(cells, 'status');
  if (status !== null) {
    const parsed = parseEnumCell(status, statusOptions);
    if (parsed.ok) input.status = parsed.value;
    else problems.push(`登记状态：${parsed.problem}`);
  }
  const tags = cell(cells, 'tags');
  if (tags !== null) input.tags = splitListCell(tags);
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

/**
 * A valid row as a new record: its COPY line, which starts with the record's new id (the write
 * step uses it when the credit code is not registered yet). A plain string travels between
 * threads at the cost of a copy.
 */
export type PreparedEnterpriseInsert = string;

/** The new record's id: the first column of its line. */
export function preparedEnterpriseId(line: PreparedEnterpriseInsert): string {
  return line.slice(0, line.indexOf('\t'));
}

/** Every field written out (spreading the value and adding fields is ~20 µs per row in V8). */
export function newImportedEnterprise(value: CreateEnterpriseInput, ctx: EnterpriseImportCtx, ids: { id: string; batchId: string }): BulkEnterprise {
  return {
    id: ids.id,
    creditCode: value.creditCode,
    name: value.name,
    formerNames: value.formerNames,
    legalRepresentative: value.legalRepresentative,
    registeredAddress: value.registeredAddress,
    territoryOrgUnitId: value.territoryOrgUnitId,
    industryCode: value.industryCode,
    registeredCapital: value.registeredCapital,
    registeredCapitalCurrency: value.registeredCapitalCurrency,
    establishedOn: value.establishedOn,
    scaleClass: value.scaleClass,
    aboveDesignatedSize: value.aboveDesignatedSize,
    highTechCertificate: value.highTechCertificate,
    contacts: value.contacts,
    status: value.status,
    statusChangedOn: value.status === 'active' ? null : ctx.today,
    tags: value.tags,
    source: 'import',
    createdBy: ctx.actor.userId,
    updatedBy: ctx.actor.userId,
    createdImportBatchId: ids.batchId,
    lastImportBatchId: ids.batchId,
  };
}

export function prepareEnterpriseInsert(value: CreateEnterpriseInput, ctx: EnterpriseImportCtx, batch: { batchId: string }): PreparedEnterpriseInsert {
  return enterpriseCopyLine(newImportedEnterprise(value, ctx, { id: newId(), batchId: batch.batchId }));
}

export function isPreparedEnterpriseInsert(prepared: unknown): prepared is PreparedEnterpriseInsert {
  return typeof prepared === 'string';
}

export const enterpriseImportRows: ImportWorkerRules<CreateEnterpriseInput, EnterpriseImportCtx> = {
  columns: enterpriseImportColumns,
  schema: createEnterpriseInputSchema,
  toInput,
  checkRow,
  naturalKey: (value) => value.creditCode,
  prepareRow: prepareEnterpriseInsert,
  restoreContext: (data, { actor, today }) => ({ actor, today, dir: buildOrgDirectory(data as OrgDirectoryData) }),
};
