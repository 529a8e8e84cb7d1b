import { Alert, App, Button, Form, Modal, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { OrgUnit, OrgUnitOption } from '../../../../domains/org/schema';
import { allowedParentKinds } from '../../../../domains/org/rules';
import { orgUnitKindLabels } from '../../../../shared/roles';
import { apiErrorText, isStaleVersion } from '../../../components/ui/form-error';
import { OrgUnitSelect, useOrgUnitOptions } from '../../../components/ui/org-unit-select';
import { useI18n } from '../../../lib/i18n';
import { useMoveOrgUnit } from '../api';

/** Ids of `rootId` and everything below it, from the flat options list. */
function subtreeIds(options: OrgUnitOption[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const o of options) if (o.parentId) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o.id]);
  const out = new Set<string>([rootId]);
  const stack = [rootId];
  while (stack.length > 0) {
    for (const c of children.get(stack.pop() as string) ?? []) {
      if (!out.has(c)) {
        out.add(c);
        stack.push(c);
      }
    }
  }
  return out;
}

/** Choose a new parent: only kinds allowed above this unit, never the unit itself or its subtree. */
export function MoveOrgUnitModal({ unit, rootId, onClose, onMoved, onRefresh }: { unit: OrgUnit | null; rootId?: string; onClose(): void; onMoved(): void; onRefresh(): void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const { data: options } = useOrgUnitOptions();
  const move = useMoveOrgUnit();
  const [parentId, setParentId] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);

  useEffect(() => {
    setParentId(undefined);
    setError(null);
    setStale(false);
  }, [unit]);

  const excluded = unit && options ? subtreeIds(options, unit.id) : new Set<string>();
  const isSelectable = useCallback(
    (o: OrgUnitOption) => (unit ? allowedParentKinds[unit.kind].includes(o.kind) && !excluded.has(o.id) && o.id !== unit.parentId : false),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [unit, options],
  );

  const submit = async () => {
    if (!unit || !parentId) return;
    setError(null);
    try {
      await move.mutateAsync({ id: unit.id, input: { version: unit.version, parentId } });
      message.success(t('已调整上级单位', 'Moved'));
      onMoved();
    } catch (e) {
      setStale(isStaleVersion(e));
      setError(apiErrorText(e, t));
    }
  };

  const allowed = unit ? allowedParentKinds[unit.kind].map((k) => label(orgUnitKindLabels[k])).join('、') : '';
  return (
    <Modal
      open={unit !== null}
      title={unit ? t(`调整「${unit.name}」的上级单位`, `Move ${unit.name}`) : ''}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('取消', 'Cancel')}
        </Button>,
        <Button key="ok" type="primary" disabled={!parentId} loading={move.isPending} onClick={submit} data-testid="org-move-submit">
          {t('移动', 'Move')}
        </Button>,
      ]}
    >
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={error}
          data-testid="org-move-error"
          action={
            stale ? (
              <Button size="small" onClick={onRefresh}>
                {t('刷新', 'Refresh')}
              </Button>
            ) : undefined
          }
        />
      )}
      <Typography.Paragraph type="secondary">
        {t(`可选的上级类型：${allowed}`, `Allowed parent kinds: ${allowed}`)}
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('新的上级单位', 'New parent')} required>
          <OrgUnitSelect value={parentId} onChange={setParentId} rootId={rootId} isSelectable={isSelectable} style={{ width: '100%' }} testId="org-move-parent" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
