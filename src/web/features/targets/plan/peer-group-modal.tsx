/**
 * Changing the peer group (排名组别) a unit is ranked in: on a draft the choice in the units table is
 * saved at once; on a published plan this modal asks for the reason that goes into the change log.
 */
import { App, Form, Input, Modal, Radio } from 'antd';
import type { PlanUnitView, PlanView } from '../../../../domains/targets/plan-api-schema';
import { peerGroupLabels } from '../../../../domains/targets/item-rules';
import { peerGroups, type PeerGroup } from '../../../../domains/targets/plan-schema';
import { showFormError } from '../../../components/ui/form-error';
import { ModalFooter } from '../../../components/ui/modal-footer';
import { api } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useTargetsWrite } from '../api';

export type PeerGroupChange = { unit: PlanUnitView; peerGroup: PeerGroup };

export function usePeerGroupWrite() {
  return useTargetsWrite((input: { unit: PlanUnitView; peerGroup: PeerGroup; reason?: string }) =>
    api.patch<PlanUnitView>(`/targets/units/${input.unit.id}`, { version: input.unit.version, peerGroup: input.peerGroup, ...(input.reason ? { reason: input.reason } : {}) }),
  );
}

export function PeerGroupModal({ plan, change, onClose }: { plan: PlanView; change: PeerGroupChange | null; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Modal open={change !== null} title={change ? t(`调整「${change.unit.orgUnitName}」的排名组别`, `Peer group of ${change.unit.orgUnitName}`) : ''} onCancel={onClose} footer={null} destroyOnHidden>
      {change && <PeerGroupForm plan={plan} change={change} onClose={onClose} />}
    </Modal>
  );
}

type Values = { peerGroup: PeerGroup; reason?: string };

function PeerGroupForm({ plan, change, onClose }: { plan: PlanView; change: PeerGroupChange; onClose(): void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = usePeerGroupWrite();
  const logged = plan.editMode === 'logged';

  const submit = async (values: Values) => {
    try {
      await save.mutateAsync({ unit: change.unit, peerGroup: values.peerGroup, ...(values.reason ? { reason: values.reason.trim() } : {}) });
      message.success(t('排名组别已调整', 'Peer group changed'));
      onClose();
    } catch (error) {
      showFormError(form, error, { message, t, fieldsByCode: { 'targets.change_reason_required': ['reason'] } });
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ peerGroup: change.peerGroup }} onFinish={submit} data-testid="peer-group-form">
      <Form.Item name="peerGroup" label={t('排名组别', 'Peer group')} extra={t(`原为：${label(peerGroupLabels[change.unit.peerGroup])}`, `Was: ${label(peerGroupLabels[change.unit.peerGroup])}`)}>
        <Radio.Group optionType="button" options={peerGroups.map((g) => ({ value: g, label: label(peerGroupLabels[g]) }))} />
      </Form.Item>
      {logged && (
        <Form.Item name="reason" label={t('变更原因（记入变更记录）', 'Reason (logged)')} rules={[{ required: true, min: 2, max: 500, message: t('计划已发布，须填写变更原因（至少 2 个字）', 'A reason is required') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} data-testid="peer-group-reason" />
        </Form.Item>
      )}
      <ModalFooter onCancel={onClose} onOk={() => form.submit()} loading={save.isPending} okTestId="peer-group-submit" />
    </Form>
  );
}
