/** The warning an enterprise form shows after its save answered 409 (someone else changed the record), with a reload button. */
import { Alert, Button } from 'antd';
import { useI18n } from '../../lib/i18n';

export function StaleAlert({ title, onReload, testId }: { title: string; onReload(): void; testId?: string }) {
  const { t } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid={testId ? `${testId}-stale` : undefined}
      title={title}
      action={
        <Button size="small" type="primary" onClick={onReload} data-testid={testId ? `${testId}-reload` : undefined}>
          {t('重新加载', 'Reload')}
        </Button>
      }
    />
  );
}
