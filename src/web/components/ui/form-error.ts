/**
 * Turn API errors into form feedback.
 *
 *   try { await save(values) } catch (e) { showFormError(form, e, { message, t }) }
 *
 * `applyIssuesToForm` puts each `request.invalid` issue (`details.issues[{path,message}]`, path like
 * `regionCode` or `flags.0`) on the matching registered Form field and returns the issues that
 * matched no field. `apiErrorText` gives the one-line message for everything else, with the
 * platform's common cases in plain words (409 stale version → "已被他人修改，请刷新").
 */
import type { FormInstance } from 'antd';
import { ApiError } from '../../lib/api-client';

type Translate = (zh: string, en: string) => string;
export type ApiIssue = { path: string; message: string; code?: string };

export function apiIssues(error: unknown): ApiIssue[] {
  if (!(error instanceof ApiError) || error.code !== 'request.invalid') return [];
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter((i): i is ApiIssue => typeof i === 'object' && i !== null && typeof (i as ApiIssue).path === 'string' && typeof (i as ApiIssue).message === 'string');
}

export function isStaleVersion(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code.endsWith('.stale_version');
}

export function apiErrorText(error: unknown, t: Translate): string {
  if (isStaleVersion(error)) return t('已被他人修改，请刷新', 'Changed by someone else; please refresh');
  if (error instanceof ApiError) {
    if (error.status === 401) return t('登录已过期，请重新登录', 'Your session has expired; please log in again');
    if (error.status === 403) return `${t('无权限', 'Forbidden')}：${error.message}`;
    if (error.status === 404) return `${t('未找到', 'Not found')}：${error.message}`;
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Sets field errors for the issues that match a registered field; returns the unmatched ones. */
export function applyIssuesToForm(form: FormInstance, issues: ApiIssue[]): ApiIssue[] {
  // Form.List fields are named with numbers (['bands', 2, 'min']): compare as text, set with the original name
  const registered = form.getFieldsError().map((f) => ({ name: f.name as Array<string | number>, text: f.name.map(String) }));
  const unmatched: ApiIssue[] = [];
  const byField = new Map<string, { name: Array<string | number>; errors: string[] }>();
  for (const issue of issues) {
    const parts = issue.path ? issue.path.split('.') : [];
    // the longest registered name that is a prefix of the issue path (`flags.0` → `flags`)
    const match = registered
      .filter(({ text }) => text.length > 0 && text.length <= parts.length && text.every((p, i) => p === parts[i]))
      .sort((a, b) => b.text.length - a.text.length)[0];
    if (!match) {
      unmatched.push(issue);
      continue;
    }
    const key = match.text.join('.');
    const entry = byField.get(key) ?? { name: match.name, errors: [] };
    entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return unmatched;
}

/**
 * The usual catch block of a form submit: field issues go on the fields, anything else (and
 * unmatched issues) into a toast. `fieldsByCode` names the field a domain error belongs to (its
 * message goes on that field instead of a toast).
 */
export function showFormError(
  form: FormInstance,
  error: unknown,
  ui: { message: { error(text: string): unknown }; t: Translate; fieldsByCode?: Readonly<Record<string, ReadonlyArray<string | number>>> },
): void {
  const field = error instanceof ApiError ? ui.fieldsByCode?.[error.code] : undefined;
  if (field && error instanceof ApiError) {
    form.setFields([{ name: [...field], errors: [error.message] }]);
    return;
  }
  const issues = apiIssues(error);
  if (issues.length > 0) {
    const rest = applyIssuesToForm(form, issues);
    ui.message.error(rest.length > 0 ? rest.map((i) => (i.path ? `${i.path}：${i.message}` : i.message)).join('；') : ui.t('请检查标红的字段', 'Please check the highlighted fields'));
    return;
  }
  ui.message.error(apiErrorText(error, ui.t));
}
