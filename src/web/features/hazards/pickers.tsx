/**
 * Search-as-you-type pickers of the report form: an enterprise (整改责任单位, `GET /enterprises?q=`) and a
 * device (`GET /equipment?q=`, narrowed to the chosen enterprise as use unit). The device picker renders
 * nothing when the equipment module's list route is absent (404).
 */
import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { useEnterpriseSearch, useEquipmentSearch, type EnterpriseOption, type EquipmentOption } from './api';

function useDebounced<T>(value: T, ms = 300): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** `preset`: an option known before any search (e.g. the device the form was opened for), shown while it is the value. */
type PickerProps<T> = { value?: string; onChange?: (id: string | undefined, option: T | undefined) => void; testId: string; disabled?: boolean; preset?: T };

/** The search results, with the chosen or preset option kept in front when the search does not return it. */
function withKnown<T extends { id: string }>(found: T[], ...known: Array<T | undefined>): T[] {
  const extra = known.filter((k): k is T => k !== undefined && !found.some((f) => f.id === k.id));
  return [...extra.filter((k, i) => extra.findIndex((e) => e.id === k.id) === i), ...found];
}

export function EnterprisePicker({ value, onChange, testId, disabled, preset }: PickerProps<EnterpriseOption>) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const { data, isFetching } = useEnterpriseSearch(q);
  const [chosen, setChosen] = useState<EnterpriseOption | undefined>();
  const items = useMemo(() => withKnown(data?.items ?? [], chosen, preset?.id === value ? preset : undefined), [data, chosen, preset, value]);
  return (
    <Select
      size="large"
      allowClear
      disabled={disabled}
      value={value}
      placeholder={t('输入企业名称或信用代码搜索', 'Search by name or credit code')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={isFetching}
      notFoundContent={isFetching ? t('搜索中…', 'Searching…') : t('没有匹配的企业', 'No matching enterprise')}
      options={items.map((e) => ({ value: e.id, label: `${e.name}（${e.territoryName}）` }))}
      onChange={(id: string | undefined) => {
        const option = items.find((e) => e.id === id);
        setChosen(option);
        onChange?.(id, option);
      }}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}

/** Null (nothing rendered) while the equipment list route answers 404. */
export function EquipmentPicker({ value, onChange, testId, usingUnitId, onAvailability, preset }: PickerProps<EquipmentOption> & { usingUnitId?: string; onAvailability?: (available: boolean) => void }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const { data, isFetching, isSuccess } = useEquipmentSearch(q, usingUnitId);
  const available = !(isSuccess && data === null);
  useEffect(() => onAvailability?.(available), [available, onAvailability]);
  if (!available) return null;
  const items = withKnown(data?.items ?? [], preset?.id === value ? preset : undefined);
  return (
    <Select
      size="large"
      allowClear
      value={value}
      placeholder={t('输入设备代码或名称搜索（可不选）', 'Search by device code or name (optional)')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={isFetching}
      notFoundContent={isFetching ? t('搜索中…', 'Searching…') : t('没有匹配的设备', 'No matching device')}
      options={items.map((d) => ({ value: d.id, label: `${d.equipmentCode ?? t('（无代码）', '(no code)')} ${d.productName} · ${d.useUnitName}` }))}
      onChange={(id: string | undefined) => onChange?.(id, items.find((d) => d.id === id))}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
