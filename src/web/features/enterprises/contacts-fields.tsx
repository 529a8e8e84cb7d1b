/**
 * The contacts list of an enterprise as form fields (`<Form.List name="contacts">`): name, role,
 * phone, email and one primary contact (ticking one unticks the others). Used by the enterprise
 * form and by the contacts editor of enterprise users.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, Form, Input, Row } from 'antd';
import { ENTERPRISE_CONTACT_EMAIL_MAX, ENTERPRISE_CONTACT_PHONE_MAX, ENTERPRISE_CONTACT_ROLE_MAX, ENTERPRISE_CONTACTS_MAX_COUNT, ENTERPRISE_PERSON_NAME_MAX } from '../../../shared/limits';
import { useI18n } from '../../lib/i18n';
import type { ContactValues } from './enterprise-payload';

/** The server's phone rule (digits, +, spaces, hyphens, parentheses, 转 for an extension). */
const PHONE_PATTERN = /^\+?[0-9][0-9 ()\-转]*[0-9]$/;

export function ContactsFields({ disabled }: { disabled?: boolean }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const makePrimary = (index: number, checked: boolean) => {
    if (!checked) return;
    const contacts = (form.getFieldValue('contacts') as ContactValues[] | undefined) ?? [];
    form.setFieldValue(
      'contacts',
      contacts.map((c, i) => ({ ...c, isPrimary: i === index })),
    );
  };
  return (
    <Form.List name="contacts">
      {(fields, { add, remove }) => (
        <div data-testid="enterprise-contacts">
          {fields.map((field, index) => (
            <Row key={field.key} gutter={8} align="top">
              <Col xs={24} sm={5}>
                <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('请填写姓名', 'Enter a name') }, { max: ENTERPRISE_PERSON_NAME_MAX }]}>
                  <Input placeholder={t('姓名', 'Name')} disabled={disabled} data-testid="enterprise-contact-name" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={5}>
                <Form.Item name={[field.name, 'role']} rules={[{ max: ENTERPRISE_CONTACT_ROLE_MAX }]}>
                  <Input placeholder={t('职务，如 质量负责人', 'Role')} disabled={disabled} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={5}>
                <Form.Item name={[field.name, 'phone']} rules={[{ pattern: PHONE_PATTERN, message: t('电话号码格式不正确', 'Invalid phone number') }, { max: ENTERPRISE_CONTACT_PHONE_MAX }]}>
                  <Input placeholder={t('电话', 'Phone')} inputMode="tel" disabled={disabled} data-testid="enterprise-contact-phone" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={5}>
                <Form.Item name={[field.name, 'email']} rules={[{ type: 'email', message: t('邮箱格式不正确', 'Invalid email') }, { max: ENTERPRISE_CONTACT_EMAIL_MAX }]}>
                  <Input placeholder={t('邮箱', 'Email')} inputMode="email" disabled={disabled} />
                </Form.Item>
              </Col>
              <Col xs={18} sm={3}>
                <Form.Item name={[field.name, 'isPrimary']} valuePropName="checked">
                  <Checkbox disabled={disabled} onChange={(e) => makePrimary(index, e.target.checked)}>
                    {t('主要', 'Primary')}
                  </Checkbox>
                </Form.Item>
              </Col>
              <Col xs={6} sm={1}>
                <Button type="text" danger icon={<DeleteOutlined />} disabled={disabled} onClick={() => remove(field.name)} aria-label={t('删除联系人', 'Remove contact')} />
              </Col>
            </Row>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            disabled={disabled || fields.length >= ENTERPRISE_CONTACTS_MAX_COUNT}
            onClick={() => add({ name: '', role: null, phone: null, email: null, isPrimary: fields.length === 0 })}
            data-testid="enterprise-contact-add"
          >
            {t('添加联系人', 'Add a contact')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
