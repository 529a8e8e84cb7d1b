import { SearchOutlined } from '@ant-design/icons';
import { Empty, Input, Space, Switch, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { OrgTreeNode } from '../../../../domains/org/schema';
import { orgUnitKindLabels, orgUnitKinds, type OrgUnitKind } from '../../../../shared/roles';
import { useI18n } from '../../../lib/i18n';
import { orgKindColors, orgKindIcons } from '../org-meta';
import type { TreeIndex } from '../tree-index';

type Props = {
  roots: OrgTreeNode[];
  index: TreeIndex;
  selectedId: string | undefined;
  onSelect(id: string): void;
  showInactive: boolean;
  onShowInactiveChange(value: boolean): void;
  height?: number;
};

function highlight(text: string, needle: string) {
  const at = needle ? text.toLowerCase().indexOf(needle.toLowerCase()) : -1;
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <mark style={{ padding: 0, background: '#ffe58f' }}>{text.slice(at, at + needle.length)}</mark>
      {text.slice(at + needle.length)}
    </>
  );
}

const kindRank = (kind: OrgUnitKind) => orgUnitKinds.indexOf(kind);

/** Siblings in a stable, readable order: sort order, then kind (office, departments, townships …), then name. */
export function sortUnits(nodes: OrgTreeNode[]): OrgTreeNode[] {
  return [...nodes].sort((a, b) => a.sortOrder - b.sortOrder || kindRank(a.kind) - kindRank(b.kind) || a.name.localeCompare(b.name, 'zh-CN'));
}

/** The 三级监管网络 as a tree: kind icon and tag, inactive units greyed, search with highlighting. */
export function OrgTree({ roots, index, selectedId, onSelect, showInactive, onShowInactiveChange, height }: Props) {
  const { t, label } = useI18n();
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<string[]>(() => roots.map((r) => r.id));
  const { matches, visible } = useMemo(() => index.searchVisible(search), [index, search]);
  const searching = search.trim().length > 0;

  // keep the selected unit visible (e.g. opened from a link or chosen in the breadcrumb)
  useEffect(() => {
    if (!selectedId || !index.byId.has(selectedId)) return;
    const chain = index.ancestorIds(selectedId);
    setExpanded((prev) => (chain.every((id) => prev.includes(id)) ? prev : [...new Set([...prev, ...chain])]));
  }, [selectedId, index]);

  useEffect(() => {
    if (roots.length > 0) setExpanded((prev) => (prev.length > 0 ? prev : roots.map((r) => r.id)));
  }, [roots]);

  const treeData = useMemo(() => {
    const toData = (node: OrgTreeNode): TreeDataNode | null => {
      if (searching && !visible.has(node.id)) return null;
      const children = sortUnits(node.children)
        .map(toData)
        .filter((c): c is TreeDataNode => c !== null);
      return {
        key: node.id,
        title: (
          <span
            data-testid="org-tree-node"
            data-org-code={node.code}
            style={{ opacity: node.isActive ? 1 : 0.5, whiteSpace: 'nowrap' }}
            title={node.isActive ? node.name : `${node.name}（${t('已停用', 'inactive')}）`}
          >
            <span style={{ marginRight: 6, color: node.isActive ? undefined : '#999' }}>{orgKindIcons[node.kind]}</span>
            <span style={{ fontWeight: matches.has(node.id) ? 600 : undefined, textDecoration: node.isActive ? undefined : 'line-through' }}>
              {highlight(node.name, search.trim())}
            </span>
            <Tag color={node.isActive ? orgKindColors[node.kind] : 'default'} style={{ marginLeft: 6, marginRight: 0 }} variant="filled">
              {label(orgUnitKindLabels[node.kind])}
            </Tag>
            {!node.isActive && (
              <Tag style={{ marginLeft: 4 }} data-testid="org-tree-inactive">
                {t('停用', 'Inactive')}
              </Tag>
            )}
          </span>
        ),
        children,
      };
    };
    return sortUnits(roots).map(toData).filter((c): c is TreeDataNode => c !== null);
  }, [roots, searching, visible, matches, search, label, t]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8}>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('搜索名称、编码、区划代码', 'Search name, code, region code')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        data-testid="org-tree-search"
      />
      <Space size={6}>
        <Switch size="small" checked={showInactive} onChange={onShowInactiveChange} data-testid="org-show-inactive" />
        <Typography.Text type="secondary">{t('显示已停用单位', 'Show inactive units')}</Typography.Text>
      </Space>
      {treeData.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={searching ? t('没有匹配的单位', 'No matching unit') : t('暂无单位', 'No units')} />
      ) : (
        <div data-testid="org-tree" style={{ overflowX: 'auto' }}>
          <Tree
            treeData={treeData}
            selectedKeys={selectedId ? [selectedId] : []}
            expandedKeys={searching ? [...visible] : expanded}
            onExpand={(keys) => {
              if (!searching) setExpanded(keys.map(String));
            }}
            onSelect={(keys) => {
              const key = keys[0];
              if (key !== undefined) onSelect(String(key));
            }}
            showLine
            blockNode
            height={height}
          />
        </div>
      )}
    </Space>
  );
}
