import { ApartmentOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Card, Col, Empty, Grid, Row, Spin } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { OrgUnit } from '../../../domains/org/schema';
import { ErrorAlert } from '../../components/ui/error-alert';
import { PageHeader } from '../../components/ui/page-header';
import { useI18n } from '../../lib/i18n';
import { useCan, useMe } from '../auth/api';
import { orgKeys, useOrgTree } from './api';
import { MoveOrgUnitModal } from './components/move-org-unit-modal';
import { OrgTree } from './components/org-tree';
import { OrgUnitDetailPanel } from './components/org-unit-detail';
import { OrgUnitFormModal, type OrgFormTarget } from './components/org-unit-form-modal';
import { orgAbilities } from './org-abilities';
import { indexTree } from './tree-index';

/**
 * 组织机构 (三级监管网络): the tree on the left, the selected unit on the right (below on a phone).
 * The selected unit lives in the URL (`?unit=<id>`) so it can be linked and survives reloads.
 */
export default function OrgUnitsPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const can = useCan();
  const client = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const [showInactive, setShowInactive] = useState(true);
  const [formTarget, setFormTarget] = useState<OrgFormTarget | null>(null);
  const [moving, setMoving] = useState<OrgUnit | null>(null);
  const detailRef = useRef<HTMLDivElement>(null);
  const tree = useOrgTree(showInactive);
  const roots = useMemo(() => tree.data ?? [], [tree.data]);
  const index = useMemo(() => indexTree(roots), [roots]);
  const abilities = useMemo(() => orgAbilities(me, index), [me, index]);

  const selectedId = params.get('unit') ?? roots[0]?.id;
  const selectedNode = selectedId ? index.byId.get(selectedId) : undefined;

  const select = (id: string) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('unit', id);
        return next;
      },
      { replace: false },
    );
  };

  // on a phone the detail sits below the tree: bring it into view when a unit is picked
  useEffect(() => {
    if (!screens.md && params.get('unit')) detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params.get('unit')]);

  const refresh = () => {
    setFormTarget(null);
    setMoving(null);
    void client.invalidateQueries({ queryKey: orgKeys.all });
  };

  const parentRegionCode = (unit: OrgUnit) => (unit.parentId ? (index.byId.get(unit.parentId)?.regionCode ?? null) : null);

  return (
    <>
      <PageHeader
        title={
          <>
            <ApartmentOutlined /> {t('组织机构', 'Org units')}
          </>
        }
        subtitle={t('三级监管网络：市政府 → 部门、镇（街道、园区） → 村（社区）', 'Supervision network: city → departments and townships → villages')}
      />
      <ErrorAlert error={tree.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10} lg={9} xl={8}>
          <Card size="small" title={t('组织机构树', 'Tree')}>
            {tree.isLoading ? (
              <Spin />
            ) : (
              <OrgTree
                roots={roots}
                index={index}
                selectedId={selectedId}
                onSelect={select}
                showInactive={showInactive}
                onShowInactiveChange={setShowInactive}
                height={screens.md ? 620 : undefined}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={14} lg={15} xl={16}>
          <div ref={detailRef}>
            {selectedId && (selectedNode || tree.isLoading || !tree.data) ? (
              <OrgUnitDetailPanel
                key={selectedId}
                id={selectedId}
                actions={{
                  canManage: selectedNode ? abilities.canManage(selectedNode) : false,
                  canAddChild: selectedNode ? abilities.canAddChild(selectedNode) : false,
                  canReadUsers: can('users.read'),
                  onCreateChild: (unit) => setFormTarget({ mode: 'create', parent: unit, kinds: abilities.childKinds(unit) }),
                  onEdit: (unit) => setFormTarget({ mode: 'edit', unit, parentRegionCode: parentRegionCode(unit) }),
                  onMove: (unit) => setMoving(unit),
                  onSelect: select,
                  nameOf: (id) => index.byId.get(id)?.name,
                }}
              />
            ) : (
              <Card>
                <Empty description={t('请在左侧选择一个单位', 'Choose a unit in the tree')} />
              </Card>
            )}
          </div>
        </Col>
      </Row>
      <OrgUnitFormModal
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onSaved={(id) => {
          setFormTarget(null);
          select(id);
        }}
        onRefresh={refresh}
      />
      <MoveOrgUnitModal unit={moving} rootId={abilities.moveRootId} onClose={() => setMoving(null)} onMoved={() => setMoving(null)} onRefresh={refresh} />
    </>
  );
}
