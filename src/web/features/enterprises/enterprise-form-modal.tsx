/**
 * 新增企业 / 修改企业 in a modal. Creation sends the whole record; an edit sends only the changed
 * fields with the record's `version` — when someone else saved first (409) the form says so and
 * offers to reload. Field errors of the API (400) and domain refusals about one field (duplicate
 * credit code, territory outside the user's area, future dates) are shown at that field.
 */
import { App, Form, Modal } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { Me } from '../../../domains/accounts/schema';
import type { EnterpriseDetail } from '../../../domains/enterprises/view-schema';
import { roleReach } from '../../../shared/permissions';
import { isStaleVersion, showFormError } from '../../components/ui/form-error';
import { ModalFooter } from '../../components/ui/modal-footer';
import { ApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useCreateEnterprise, useUpdateEnterprise } from './api';
import { EnterpriseFormFields } from './enterprise-form-fields';
import { createPayload, enterpriseErrorField, formValuesOf, updatePayload, type EnterpriseFormValues } from './enterprise-payload';
import { StaleAlert } from './stale-alert';

export type EnterpriseFormTarget = { mode: 'create' } | { mode: 'edit'; enterprise: EnterpriseDetail };

type Props = { target: EnterpriseFormTarget | null; me: Me; onClose(): void; onSaved(detail: EnterpriseDetail): void; onReload(): void };

export function EnterpriseFormModal(props: Props) {
  const { t } = useI18n();
  const { target, onClose } = props;
  return (
    <Modal
      open={target !== null}
      title={target?.mode === 'edit' ? t(`修改企业：${target.enterprise.name}`, `Edit ${target.enterprise.name}`) : t('新增企业', 'New enterprise')}
      onCancel={onClose}
      destroyOnHidden
      width={920}
      footer={null}
      maskClosable={false}
    >
      {target && <EnterpriseForm key={target.mode === 'edit' ? target.enterprise.version : 'create'} {...props} target={target} />}
    </Modal>
  );
}

function initialValues(target: EnterpriseFormTarget, me: Me): Partial<EnterpriseFormValues> {
  if (target.mode === 'create') {
    const ownTerritory = roleReach[me.role] === 'subtree' && ['township', 'street', 'park'].includes(me.orgUnit.kind) ? me.orgUnit.id : undefined;
    return { registeredCapitalCurrency: 'CNY', aboveDesignatedSize: false, hasHighTechCertificate: false, status: 'active', contacts: [], formerNames: [], tags: [], territoryOrgUnitId: ownTerritory };
  }
  const v = formValuesOf(target.enterprise);
  const cert = v.highTechCertificate;
  return {
    ...v,
    establishedOn: v.establishedOn ? dayjs(v.establishedOn) : null,
    highTechCertificate: cert ? { number: cert.number, issuedOn: dayjs(cert.issuedOn), validUntil: dayjs(cert.validUntil) } : null,
  };
}

function EnterpriseForm({ target, me, onClose, onSaved, onReload }: Props & { target: EnterpriseFormTarget }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EnterpriseFormValues>();
  const [stale, setStale] = useState(false);
  const create = useCreateEnterprise();
  const update = useUpdateEnterprise();
  const editing = target.mode === 'edit' ? target.enterprise : null;
  const registry = editing ? editing.permissions.editRegistry : true;
  const supervision = editing ? editing.permissions.edit : true;
  const territoryRootId = roleReach[me.role] === 'all' ? undefined : me.orgUnit.id;

  const submit = async (values: EnterpriseFormValues) => {
    try {
      if (!editing) {
        const detail = await create.mutateAsync(createPayload(values));
        message.success(t(`已新增企业「${detail.name}」`, `Created ${detail.name}`));
        onSaved(detail);
        return;
      }
      const patch = updatePayload(values, editing);
      if (!patch) {
        message.info(t('没有修改', 'Nothing changed'));
        onClose();
        return;
      }
      const detail = await update.mutateAsync({ id: editing.id, input: patch });
      message.success(t('已保存', 'Saved'));
      onSaved(detail);
    } catch (error) {
      if (isStaleVersion(error)) {
        setStale(true);
        return;
      }
      const field = error instanceof ApiError ? enterpriseErrorField(error.code) : null;
      if (field && error instanceof Error) {
        form.setFields([{ name: field as NamePath<EnterpriseFormValues>, errors: [error.message] }]);
        form.scrollToField(field as NamePath<EnterpriseFormValues>);
        return;
      }
      showFormError(form, error, { message, t });
    }
  };

  return (
    <>
      {stale && <StaleAlert title={t('该企业已被他人修改，您的修改未保存。请重新加载最新数据后再改。', 'Someone else changed this enterprise; your changes were not saved. Reload the latest data and edit again.')} onReload={onReload} testId="enterprise-form" />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={initialValues(target, me)}
        data-testid="enterprise-form"
        scrollToFirstError
      >
        <EnterpriseFormFields creating={!editing} registry={registry} supervision={supervision} territoryRootId={territoryRootId} />
      </Form>
      <ModalFooter onCancel={onClose} onOk={() => form.submit()} loading={create.isPending || update.isPending} okDisabled={stale} okTestId="enterprise-form-submit" />
    </>
  );
}
