/**
 * Before/after of an audited change as a readable table: one row per field, changed fields first
 * and highlighted (an entry with only `after` — a creation — lists the new values).
 *
 *   <ChangeDiff before={entry.before} after={entry.after}
 *               fieldLabels={{ name: { zh: '名称', en: 'Name' } }}
 *               formatValue={(field, v) => field === 'kind' ? label(kindLabels[v]) : undefined} />
 *
 * The pure part (`diffChanges`, `formatPlain`) lives in diff-values.ts.
 */
import { Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n';
import { diffChanges, formatPlain, type FieldChange } from './diff-values';

export { diffChanges, formatPlain, noiseFields, type FieldChange } from './diff-values';

export type FieldLabels = Record<string, { zh: string; en: string }>;
/** Return a node to show the value your way, or undefined for the default rendering. */
export type FormatValue = (field: string, value: unknown) => ReactNode | undefined;
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
