/**
 * What a detail page shows when its record did not load: 404 (missing, or outside the user's area:
 * the server answers both alike) or another error, with a way back to the list.
 *
 *   if (query.error || !query.data) return <RecordUnavailable error={query.error} notFound={t('隐患不存在或不在您的管辖范围内', …)} backLabel={t('返回隐患看板', …)} onBack={back} />;
 */
import { Button, Result } from 'antd';
import { ApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { apiErrorText } from './form-error';

export function RecordUnavailable({ error, notFound, backLabel, onBack }: { error: unknown; notFound: string; backLabel: string; onBack: () => void }) {
  const { t } = useI18n();
  const isNotFound = error instanceof ApiError && error.status === 404;
  return (
    <Result
      status={isNotFound ? '404' : 'error'}
      title={isNotFound ? notFound : t('加载失败', 'Failed to load')}
      subTitle={error ? apiErrorText(error, t) : undefined}
      extra={<Button onClick={onBack}>{backLabel}</Button>}
    />
  );
}
