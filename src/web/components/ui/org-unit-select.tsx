/**
 * Pick an org unit from the 三级监管网络 tree (`GET /api/v1/org-units/options`: every active unit,
 * readable by any logged-in user). Searchable by name or code.
 *
 *   <OrgUnitSelect value={id} onChange={setId} />                       // any unit
 *   <OrgUnitSelect rootId={me.orgUnit.id} />                             // only my subtree
 *   <OrgUnitSelect isSelectable={(o) => o.kind === 'department'} />      // others shown but disabled
 *
 * `useOrgUnitOptions()` gives the same list (cached) for look-ups such as id → name.
 */
import { useQuery } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { useMemo, type CSSProperties } from 'react';
import type { OrgUnitOption } from '../../../domains/org/schema';
import { buildTree } from '../../../domains/org/rules';
import { orgUnitKindLabels, orgUnitKinds } from '../../../shared/roles';
import { api } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';

export const orgUnitOptionsQueryKey = ['org-units', 'options'] as const;

export function useOrgUnitOptions() {
  return useQuery({ queryKey: orgUnitOptionsQueryKey, queryFn: () => api.get<OrgUnitOption[]>('/org-units/options'), staleTime: 5 * 60_000 });
}

/** Siblings by kind (office, departments, townships …), then by name. */
function sortOptions<T extends OrgUnitOption>(nodes: T[]): T[] {
  return [...nodes].sort((a, b) => orgUnitKinds.indexOf(a.kind) - orgUnitKinds.indexOf(b.kind) || a.name.localeCompare(b.name, 'zh-CN'));
}

type SelectNode = { value: string; title: string; label: string; searchText: string; disabled: boolean; children: SelectNode[] };

export type OrgUnitSelectProps = {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  /** Show only this unit and its descendants. */
  rootId?: string;
  /** Units that may not be chosen (still shown, greyed). */
  isSelectable?: (option: OrgUnitOption) => boolean;
  style?: CSSProperties;
  testId?: string;
};

export function OrgUnitSelect(props: OrgUnitSelectProps) {
  const { value, onChange, placeholder, allowClear = true, disabled, rootId, isSelectable, style, testId } = props;
  const { t, label } = useI18n();
  const { data, isLoading } = useOrgUnitOptions();

  const treeData = useMemo(() => {
    if (!data) return [];
    type Node = OrgUnitOption & { children: Node[] };
    const roots = buildTree(data) as Node[];
    const toSelect = (node: Node): SelectNode => ({
      value: node.id,
      title: node.name,
      label: node.name,
      searchText: `${node.name} ${node.code} ${label(orgUnitKindLabels[node.kind])}`.toLowerCase(),
      disabled: isSelectable ? !isSelectable(node) : false,
      children: sortOptions(node.children).map(toSelect),
    });
    if (rootId) {
      const find = (nodes: Node[]): Node | undefined => {
        for (const n of nodes) {
          if (n.id === rootId) return n;
          const inner = find(n.children);
          if (inner) return inner;
        }
        return undefined;
      };
      const root = find(roots);
      return root ? [toSelect(root)] : [];
    }
    return sortOptions(roots).map(toSelect);
  }, [data, rootId, isSelectable, label]);

  return (
    <TreeSelect
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? undefined)}
      treeData={treeData}
      loading={isLoading}
      disabled={disabled}
      allowClear={allowClear}
      placeholder={placeholder ?? t('选择单位', 'Choose an org unit')}
      showSearch={{ filterTreeNode: (input, node) => String((node as { searchText?: string }).searchText ?? '').includes(input.toLowerCase()) }}
      treeDefaultExpandedKeys={treeData.map((n) => n.value)}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200, ...style }}
      data-testid={testId}
    />
  );
}
