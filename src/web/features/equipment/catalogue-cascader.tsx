/**
 * The 特种设备目录 as a cascader (种类 → 类别 → 品种), from `GET /equipment/catalogue`.
 * `changeOnSelect` lets a filter stop at any level; the register form needs a leaf.
 */
import { Cascader } from 'antd';
import { useMemo, type CSSProperties } from 'react';
import { useI18n } from '../../lib/i18n';
import { useCatalogue } from './api';
import { catalogueOptions } from './equipment-format';

export type CatalogueCascaderProps = {
  value?: string[];
  onChange?: (path: string[] | undefined) => void;
  changeOnSelect?: boolean;
  only?: readonly string[];
  placeholder?: string;
  style?: CSSProperties;
  testId?: string;
};

export function CatalogueCascader({ value, onChange, changeOnSelect, only, placeholder, style, testId }: CatalogueCascaderProps) {
  const { t } = useI18n();
  const { data, isLoading } = useCatalogue();
  const options = useMemo(() => (data ? catalogueOptions(data.entries, only) : []), [data, only]);
  return (
    <Cascader
      options={options}
      value={value && value.length > 0 ? value : undefined}
      onChange={(path) => onChange?.(path && path.length > 0 ? (path as string[]) : undefined)}
      changeOnSelect={changeOnSelect}
      loading={isLoading}
      allowClear
      showSearch
      placeholder={placeholder ?? t('设备种类/类别/品种', 'Category / kind / variety')}
      displayRender={(labels) => labels.map((l) => String(l).replace(/（[0-9A-Z]{4}）$/, '')).join(' / ')}
      style={{ minWidth: 220, ...style }}
      data-testid={testId}
    />
  );
}
