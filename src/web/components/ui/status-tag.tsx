/**
 * Coloured tags for statuses.
 *
 *   <ActiveTag active={unit.isActive} />                                   // 启用 / 停用
 *   <StatusTag value={hazard.status} labels={hazardStatusLabels} colors={{ closed: 'green' }} />
 *
 * `labels` is a domain schema's `{zh,en}` label map; values without a colour get the default tag.
 */
import { Tag } from 'antd';
import { useI18n } from '../../lib/i18n';

export type StatusTagProps<S extends string> = {
  value: S;
  labels: Record<S, { zh: string; en: string }>;
  colors?: Partial<Record<S, string>>;
  testId?: string;
};

export function StatusTag<S extends string>({ value, labels, colors, testId }: StatusTagProps<S>) {
  const { label } = useI18n();
  return (
    <Tag color={colors?.[value]} data-testid={testId}>
      {label(labels[value]) || value}
    </Tag>
  );
}

export function ActiveTag({ active, testId }: { active: boolean; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={active ? 'green' : 'default'} data-testid={testId}>
      {active ? t('启用', 'Active') : t('停用', 'Inactive')}
    </Tag>
  );
}
