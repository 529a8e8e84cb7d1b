/**
 * 维护联系人: the contacts of one enterprise on their own (`PUT /enterprises/{id}/contacts`), for the
 * users who may keep contacts but not the rest of the record — above all the enterprise's own users.
 */
import { App, Form, Modal } from 'antd';
import { useState } from 'react';
import type { EnterpriseDetail } from '../../../domains/enterprises/view-schema';
import { isStaleVersion, showFormError } from '../../components/ui/form-error';
import { ModalFooter } from '../../components/ui/modal-footer';
import { useI18n } from '../../lib/i18n';
import { useUpdateEnterpriseContacts } from './api';
import { ContactsFields } from './contacts-fields';
import { toContacts, type ContactValues } from './enterprise-payload';
import { StaleAlert } from './stale-alert';

type Props = { enterprise: EnterpriseDetail | null; onClose(): void; onReload(): void };

export function ContactsModal({ enterprise, onClose, onReload }: Props) {
  const { t } = useI18n();
  return (
    <Modal open={enterprise !== null} title={t('维护联系人', 'Edit contacts')} onCancel={onClose} destroyOnHidden footer={null} width={880}>
      {enterprise && <ContactsForm enterprise={enterprise} onClose={onClose} onReload={onReload} />}
    </Modal>
  );
}

function ContactsForm({ enterprise, onClose, onReload }: { enterprise: EnterpriseDetail; onClose(): void; onReload(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ contacts: ContactValues[] }>();
  const [stale, setStale] = useState(false);
  const save = useUpdateEnterpriseContacts();
  const submit = async (values: { contacts: ContactValues[] }) => {
    const contacts = toContacts(values.contacts);
    try {
      await save.mutateAsync({ id: enterprise.id, input: { version: enterprise.version, contacts } });
      message.success(t('联系人已保存', 'Contacts saved'));
      onClose();
    } catch (error) {
      if (isStaleVersion(error)) setStale(true);
      else showFormError(form, error, { message, t });
    }
  };
  return (
    <>
      {stale && <StaleAlert title={t('该企业已被他人修改，请重新加载后再改', 'Someone else changed this enterprise; reload and edit again')} onReload={onReload} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ contacts: enterprise.contacts }} data-testid="enterprise-contacts-form">
        <ContactsFields />
      </Form>
      <ModalFooter onCancel={onClose} onOk={() => form.submit()} loading={save.isPending} okDisabled={stale} okTestId="enterprise-contacts-submit" />
    </>
  );
}
