/**
 * Before/after of an audited change as a readable table: one row per field, changed fields first
 * and highlighted (an entry with only `after` — a creation — lists the new values).
 *
 *   <ChangeDiff before={entry.before} after={entry.after}
 *               fieldLabels={{ name: { zh: '名称', en: 'Name' } }}
 *               formatValue={(field, v) => field === 'kind' ? label(kindLabels[v]) : undefined} />
 *
 * `diffChanges(before, after)` is the pure part (also handy for tests and summaries).
 */
import { Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n';

export type FieldLabels = Record<string, { zh: string; en: string }>;
/** Return a node to show the value your way, or undefined for the default rendering. */
export type FormatValue = (field: string, value: unknown) => ReactNode | undefined;
export type FieldChange = { field: string; before: unknown; after: unknown; changed: boolean };

/** Bookkeeping fields that every change touches; hidden unless asked for. */
export const noiseFields = ['version', 'updatedAt', 'createdAt'];

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Field-by-field comparison of two JSON values. Objects are compared key by key (changed first);
 * anything else is one pseudo-field `value`. Unchanged fields are included with `changed: false`.
 */
export function diffChanges(before: unknown, after: unknown, options: { ignore?: readonly string[] } = {}): FieldChange[] {
  const ignore = new Set(options.ignore ?? noiseFields);
  const b = asRecord(before);
  const a = asRecord(after);
  if ((before !== null && before !== undefined && !b) || (after !== null && after !== undefined && !a)) {
    return [{ field: 'value', before, after, changed: !same(before, after) }];
  }
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter((k) => !ignore.has(k));
  const rows = keys.map((field) => ({ field, before: b?.[field], after: a?.[field], changed: !same(b?.[field], a?.[field]) }));
  return [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
}

export function formatPlain(value: unknown, t: (zh: string, en: string) => string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('是', 'Yes') : t('否', 'No');
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export type ChangeDiffProps = {
  before: unknown;
  after: unknown;
  fieldLabels?: FieldLabels;
  formatValue?: FormatValue;
  /** Show unchanged fields too (default: only changed ones, or all values of a creation). */
  showUnchanged?: boolean;
  ignore?: readonly string[];
  testId?: string;
};

export function ChangeDiff({ before, after, fieldLabels, formatValue, showUnchanged, ignore, testId }: ChangeDiffProps) {
  const { t, label } = useI18n();
  const isCreation = (before === null || before === undefined) && after !== null && after !== undefined;
  const all = diffChanges(before, after, { ignore });
  const rows = showUnchanged || isCreation ? all : all.filter((r) => r.changed);
  if (rows.length === 0) return <Typography.Text type="secondary">{t('无字段变更', 'No field changes')}</Typography.Text>;

  const show = (field: string, value: unknown) => formatValue?.(field, value) ?? formatPlain(value, t);
  const hasBefore = !isCreation && before !== null && before !== undefined;
  return (
    <Table<FieldChange>
      data-testid={testId}
      size="small"
      pagination={false}
      rowKey="field"
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'field', title: t('字段', 'Field'), render: (_, r) => (fieldLabels?.[r.field] ? label(fieldLabels[r.field]) : r.field) },
        ...(hasBefore
          ? [{ key: 'before', title: t('变更前', 'Before'), render: (_: unknown, r: FieldChange) => <span style={r.changed ? { color: '#cf1322', textDecoration: 'line-through' } : undefined}>{show(r.field, r.before)}</span> }]
          : []),
        { key: 'after', title: hasBefore ? t('变更后', 'After') : t('值', 'Value'), render: (_, r) => <span style={r.changed && hasBefore ? { color: '#389e0d', fontWeight: 500 } : undefined}>{show(r.field, r.after)}</span> },
      ]}
    />
  );
}
