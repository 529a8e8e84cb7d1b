/**
 * Search-as-you-type enterprise picker (`GET /enterprises?q=`), showing the chosen enterprise's name
 * even when it is not among the current results (looked up by id).
 */
import { Select } from 'antd';
import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { useI18n } from '../../lib/i18n';
import { useEnterpriseName, useEnterpriseOptions, type EnterpriseOption } from './api';

function useDebounced<T>(value: T, ms = 300): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export type EnterpriseSelectProps = {
  value?: string;
  onChange?: (id: string | undefined, option: EnterpriseOption | undefined) => void;
  placeholder?: string;
  disabled?: boolean;
  style?: CSSProperties;
  testId?: string;
};

export function EnterpriseSelect({ value, onChange, placeholder, disabled, style, testId }: EnterpriseSelectProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const q = useDebounced(search.trim());
  const found = useEnterpriseOptions(q, open);
  const chosen = useEnterpriseName(value);
  const items = useMemo(() => {
    const list = found.data?.items ?? [];
    return chosen.data && !list.some((e) => e.id === chosen.data.id) ? [chosen.data, ...list] : list;
  }, [found.data, chosen.data]);
  return (
    <Select
      allowClear
      disabled={disabled}
      value={value}
      open={open}
      onOpenChange={setOpen}
      placeholder={placeholder ?? t('输入企业名称或信用代码搜索', 'Search by name or credit code')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={found.isFetching}
      notFoundContent={found.isFetching ? t('搜索中…', 'Searching…') : t('没有匹配的企业', 'No matching enterprise')}
      options={items.map((e) => ({ value: e.id, label: e.territoryName ? `${e.name}（${e.territoryName}）` : e.name }))}
      onChange={(id: string | undefined) => onChange?.(id, items.find((e) => e.id === id))}
      popupMatchSelectWidth={false}
      style={{ minWidth: 220, ...style }}
      data-testid={testId}
    />
  );
}
