import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../lib/i18n';

export default function NotFoundPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result status="404" title="404" subTitle={t('页面不存在', 'Page not found')} extra={<Button onClick={() => navigate('/')}>{t('返回工作台', 'Back home')}</Button>} />
  );
}
