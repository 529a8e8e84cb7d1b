import { sql, type SQL } from 'drizzle-orm';
import type { DataScope } from '../../shared/actor';
import { scopeCondition } from '../../platform/db/scope';
import { parseEnterpriseSort } from './enterprise-rules';
import type { EnterpriseSortField } from './enterprise-enums';
import { industryFilterPrefixes } from './industry-rules';
import type { ListEnterprisesQuery } from './schema';
import { pgArray } from './store';
import { normaliseUscc } from './uscc-rules';

/** WHERE and ORDER BY of the enterprise list (and its export, and the metrics). */
export function enterpriseScopeSql(scope: DataScope): SQL {
  return scopeCondition(scope, { orgColumn: sql`territory_org_unit_id`, enterpriseColumn: sql`id` });
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/** Active certificate on `day` (inclusive both ends). */
export function highTechOnSql(day: string): SQL {
  return sql`(high_tech_cert_no IS NOT NULL AND high_tech_issued_on <= ${day}::date AND high_tech_valid_until >= ${day}::date)`;
}

const codeChars = /^[0-9A-HJ-NPQRTUWXY]+$/;

/**
 * Free text: every whitespace-separated word must occur in the name or a former name (ILIKE,
 * served by the trigram indexes), or be a prefix of the credit code.
 */
export function textSearchSql(q: string): SQL | null {
  const words = q.replaceAll('\u0000', '').split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return null;
  return sql.join(
    words.map((w) => {
      const like = `%${escapeLike(w)}%`;
      const code = normaliseUscc(w);
      const codeMatch = code.length >= 2 && codeChars.test(code) ? sql` OR credit_code LIKE ${`${code}%`}` : sql``;
      return sql`(name ILIKE ${like} OR former_names_text ILIKE ${like}${codeMatch})`;
    }),
    sql` AND `,
  );
}

export type ListFilterContext = {
  scope: DataScope;
  /** The territory filter's unit and its sub-units (already resolved), or null for no filter. */
  territoryIds: readonly string[] | null;
  today: string;
};

export function enterpriseListWhere(query: Omit<ListEnterprisesQuery, 'page' | 'pageSize' | 'sort'>, ctx: ListFilterContext): SQL {
  const parts: SQL[] = [enterpriseScopeSql(ctx.scope)];
  if (query.q) {
    const text = textSearchSql(query.q);
    if (text) parts.push(text);
  }
  if (query.code) parts.push(sql`credit_code LIKE ${`${query.code}%`}`);
  if (ctx.territoryIds) parts.push(sql`territory_org_unit_id = ANY(${pgArray(ctx.territoryIds)}::uuid[])`);
  if (query.industry) {
    const prefixes = industryFilterPrefixes(query.industry);
    parts.push(prefixes.length === 0 ? sql`false` : sql`(${sql.join(prefixes.map((p) => sql`industry_code LIKE ${`${p}%`}`), sql` OR `)})`);
  }
  if (query.scaleClass) parts.push(sql`scale_class = ${query.scaleClass}`);
  if (query.aboveDesignatedSize !== undefined) parts.push(sql`above_designated_size = ${query.aboveDesignatedSize}`);
  if (query.status) parts.push(sql`status = ${query.status}`);
  if (query.highTech !== undefined) parts.push(query.highTech ? highTechOnSql(ctx.today) : sql`NOT ${highTechOnSql(ctx.today)}`);
  if (query.tag) parts.push(sql`${query.tag} = ANY (tags)`);
  return sql.join(parts, sql` AND `);
}

const sortColumns: Record<EnterpriseSortField, SQL> = {
  name: sql`name`,
  creditCode: sql`credit_code`,
  establishedOn: sql`established_on`,
  registeredCapital: sql`registered_capital`,
  industryCode: sql`industry_code`,
  status: sql`status`,
  createdAt: sql`created_at`,
  updatedAt: sql`updated_at`,
};

export function enterpriseOrderBy(sort: ListEnterprisesQuery['sort']): SQL {
  const { field, direction } = parseEnterpriseSort(sort);
  const dir = direction === 'desc' ? sql`DESC NULLS LAST` : sql`ASC NULLS LAST`;
  return sql`${sortColumns[field]} ${dir}, id`;
}
