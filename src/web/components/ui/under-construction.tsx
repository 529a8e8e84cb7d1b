import { Result } from 'antd';
import { useI18n } from '../../lib/i18n';

/** Shown for modules that are not built yet: no fake data, just what is coming. */
export function UnderConstruction({ title, description }: { title: string; description: string }) {
  const { t } = useI18n();
  return (
    <Result
      status="info"
      title={`${title} · ${t('建设中', 'Under construction')}`}
      subTitle={`${description}。${t('该模块正在建设，暂无数据。', 'This module is being built and holds no data yet.')}`}
      data-testid="under-construction"
    />
  );
}
