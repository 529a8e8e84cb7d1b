import type { FormInstance } from 'antd';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-client';
import { apiErrorText, apiIssues, applyIssuesToForm, isStaleVersion, showFormError } from './form-error';

const t = (zh: string) => zh;

/** The two FormInstance methods the helper uses, recording what was set. */
function fakeForm(fieldNames: Array<Array<string | number>>) {
  const set: Array<{ name: Array<string | number>; errors: string[] }> = [];
  const form = {
    getFieldsError: () => fieldNames.map((name) => ({ name, errors: [], warnings: [] })),
    setFields: (fields: Array<{ name: string[]; errors: string[] }>) => set.push(...fields),
  } as unknown as FormInstance;
  return { form, set };
}

const invalid = (issues: unknown) => new ApiError(400, 'request.invalid', '请求参数不合法', { issues });

describe('applyIssuesToForm', () => {
  it('puts each issue on its field, nested paths on the closest registered field', () => {
    const { form, set } = fakeForm([['regionCode'], ['flags'], ['name']]);
    const rest = applyIssuesToForm(form, apiIssues(invalid([
      { path: 'regionCode', message: '行政区划代码须为 6 位数字' },
      { path: 'flags.0', message: '无效的职责' },
      { path: 'flags.1', message: '重复' },
    ])));
    expect(rest).toEqual([]);
    expect(set).toEqual([
      { name: ['regionCode'], errors: ['行政区划代码须为 6 位数字'] },
      { name: ['flags'], errors: ['无效的职责', '重复'] },
    ]);
  });

  it('reaches fields inside a Form.List, whose names carry numeric indexes, and sets them by that same name', () => {
    const { form, set } = fakeForm([['grades', 0, 'min'], ['grades', 1, 'min'], ['grades']]);
    const rest = applyIssuesToForm(form, [{ path: 'grades.1.min', message: '等次下限须从高到低严格递减' }]);
    expect(rest).toEqual([]);
    expect(set).toEqual([{ name: ['grades', 1, 'min'], errors: ['等次下限须从高到低严格递减'] }]);
  });

  it('returns the issues that match no field (so they can be shown elsewhere)', () => {
    const { form, set } = fakeForm([['name']]);
    const rest = applyIssuesToForm(form, [{ path: 'parentId', message: '上级单位无效' }, { path: '', message: '对象不合法' }]);
    expect(rest.map((i) => i.path)).toEqual(['parentId', '']);
    expect(set).toEqual([]);
  });
});

describe('apiIssues', () => {
  it('reads issues only from request.invalid errors and skips malformed entries', () => {
    expect(apiIssues(invalid([{ path: 'a', message: 'x' }, { path: 1 }, null]))).toEqual([{ path: 'a', message: 'x' }]);
    expect(apiIssues(new ApiError(409, 'org_unit.stale_version', 'x', { issues: [{ path: 'a', message: 'x' }] }))).toEqual([]);
    expect(apiIssues(new Error('x'))).toEqual([]);
  });
});

describe('apiErrorText', () => {
  it('says a stale version in plain words', () => {
    const stale = new ApiError(409, 'org_unit.stale_version', '该单位已被他人修改，请刷新后重试');
    expect(isStaleVersion(stale)).toBe(true);
    expect(apiErrorText(stale, t)).toBe('已被他人修改，请刷新');
  });

  it('keeps the server message for other conflicts and prefixes forbidden ones', () => {
    expect(isStaleVersion(new ApiError(409, 'org_unit.has_active_users', 'x'))).toBe(false);
    expect(apiErrorText(new ApiError(409, 'org_unit.has_active_users', '仍有 2 个启用的用户'), t)).toBe('仍有 2 个启用的用户');
    expect(apiErrorText(new ApiError(403, 'user.role_not_assignable', '您不能授予该角色'), t)).toBe('无权限：您不能授予该角色');
  });
});

describe('showFormError', () => {
  const toasts: string[] = [];
  const ui = { message: { error: (text: string) => toasts.push(text) }, t, fieldsByCode: { 'targets.change_reason_required': ['reason'] } };

  it('puts a domain error that belongs to a field on that field, not in a toast', () => {
    const { form, set } = fakeForm([['reason'], ['peerGroup']]);
    toasts.length = 0;
    showFormError(form, new ApiError(409, 'targets.change_reason_required', '计划已发布，调整须说明原因'), ui);
    expect(set).toEqual([{ name: ['reason'], errors: ['计划已发布，调整须说明原因'] }]);
    expect(toasts).toEqual([]);
  });

  it('puts field issues on the fields and says anything else in a toast', () => {
    const { form, set } = fakeForm([['peerGroup']]);
    toasts.length = 0;
    showFormError(form, invalid([{ path: 'peerGroup', message: '组别无效' }]), ui);
    expect(set).toEqual([{ name: ['peerGroup'], errors: ['组别无效'] }]);
    expect(toasts).toEqual(['请检查标红的字段']);
    showFormError(form, new ApiError(403, 'auth.forbidden', '当前角色无权执行此操作'), ui);
    expect(toasts[1]).toBe('无权限：当前角色无权执行此操作');
  });
});
