import { Alert } from 'antd';
import { ApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';

export function errorMessage(error: unknown, t: (zh: string, en: string) => string): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return `${t('无权限', 'Forbidden')}：${error.message}`;
    if (error.status === 409) return `${t('冲突', 'Conflict')}：${error.message}`;
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  return <Alert type="error" showIcon title={errorMessage(error, t)} style={{ marginBottom: 16 }} />;
}
