/**
 * GB/T 4754-2017 industry picker: the four-level tree, searchable by code or name; any level can be
 * chosen (门类 C, 大类 34, 中类 343, 小类 3435).
 *
 *   <IndustrySelect value={code} onChange={setCode} placeholder="行业" />
 */
import { TreeSelect } from 'antd';
import { useMemo, type CSSProperties } from 'react';
import { useI18n } from '../../lib/i18n';
import { industryTree, matchesIndustry } from './industry-options';

export type IndustrySelectProps = {
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  disabled?: boolean;
  style?: CSSProperties;
  testId?: string;
};

export function IndustrySelect({ value, onChange, placeholder, disabled, style, testId }: IndustrySelectProps) {
  const { t } = useI18n();
  const treeData = useMemo(() => industryTree(), []);
  return (
    <TreeSelect
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      treeData={treeData}
      allowClear
      disabled={disabled}
      placeholder={placeholder ?? t('国民经济行业（GB/T 4754）', 'Industry (GB/T 4754)')}
      showSearch={{ filterTreeNode: (input, node) => matchesIndustry(input, node as { searchText?: string }) }}
      treeNodeLabelProp="title"
      popupMatchSelectWidth={false}
      listHeight={360}
      style={{ minWidth: 200, ...style }}
      data-testid={testId}
    />
  );
}
