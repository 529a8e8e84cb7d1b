import { Alert, App, Button, Checkbox, Form, Input, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import type { CreateUserInput, Me, UpdateUserInput, User } from '../../../domains/accounts/schema';
import { checkPasswordPolicy } from '../../../domains/accounts/rules';
import { DISPLAY_NAME_MAX, USERNAME_PATTERN } from '../../../shared/limits';
import { assignableRoles, roleReach } from '../../../shared/permissions';
import { roleLabels, userFlagLabels, userFlags, type Role, type UserFlag } from '../../../shared/roles';
import { isStaleVersion, showFormError } from '../../components/ui/form-error';
import { ModalFooter } from '../../components/ui/modal-footer';
import { OrgUnitSelect } from '../../components/ui/org-unit-select';
import { useI18n } from '../../lib/i18n';
import { useCreateUser, useUpdateUser, type CreatedUser } from './api';

export type UserFormTarget = { mode: 'create' } | { mode: 'edit'; user: User };

type Values = {
  username?: string;
  displayName: string;
  role: Role;
  flags?: UserFlag[];
  orgUnitId: string;
  phone?: string | null;
  email?: string | null;
  password?: string;
  isActive?: boolean;
};

const blankToNull = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());
const PHONE_PATTERN = /^[0-9+\-() ]{5,30}$/;

/** Roles this manager may hand out (a role they cannot assign is shown but not selectable when editing). */
export function rolesFor(me: Me | null | undefined): readonly Role[] {
  return me ? assignableRoles[me.role] : [];
}

type FormProps = { target: UserFormTarget; me: Me; onClose(): void; onCreated(result: CreatedUser): void; onRefresh(): void };

/** Create a user (role limited to what the manager may assign, duty flags only for township staff) or edit one. */
export function UserFormModal(props: Omit<FormProps, 'target'> & { target: UserFormTarget | null }) {
  const { t } = useI18n();
  const { target } = props;
  return (
    <Modal
      open={target !== null}
      title={target?.mode === 'edit' ? t(`修改账号 ${target.user.username}`, `Edit ${target.user.username}`) : t('新建用户', 'New user')}
      onCancel={props.onClose}
      destroyOnHidden
      width={560}
      footer={null}
    >
      {target && <UserForm {...props} target={target} />}
    </Modal>
  );
}

function initialValues(target: UserFormTarget, roles: readonly Role[], orgRootId: string | undefined): Partial<Values> {
  if (target.mode === 'create') return { role: roles.length === 1 ? roles[0] : undefined, flags: [], orgUnitId: orgRootId };
  const u = target.user;
  return { displayName: u.displayName, role: u.role, flags: u.flags, orgUnitId: u.orgUnitId, phone: u.phone, email: u.email, isActive: u.isActive };
}

function UserForm({ target, me, onClose, onCreated, onRefresh }: FormProps) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [stale, setStale] = useState(false);
  const create = useCreateUser();
  const update = useUpdateUser();
  const role = Form.useWatch('role', form);
  const username = Form.useWatch('username', form);
  const roles = rolesFor(me);
  const editing = target.mode === 'edit' ? target.user : null;
  const isSelf = editing?.id === me.id;
  const orgRootId = roleReach[me.role] === 'all' ? undefined : me.orgUnit.id;

  const submit = async (values: Values) => {
    const flags = values.role === 'township' ? (values.flags ?? []) : [];
    try {
      if (!editing) {
        const input: CreateUserInput = {
          username: (values.username ?? '').trim(),
          displayName: values.displayName.trim(),
          role: values.role,
          flags,
          orgUnitId: values.orgUnitId,
          phone: blankToNull(values.phone),
          email: blankToNull(values.email),
          ...(values.password ? { password: values.password } : {}),
        };
        const result = await create.mutateAsync(input);
        message.success(t(`已新建账号 ${result.user.username}`, `Created ${result.user.username}`));
        onCreated(result);
        return;
      }
      const input: UpdateUserInput = { version: editing.version };
      if (values.displayName.trim() !== editing.displayName) input.displayName = values.displayName.trim();
      if (values.role !== editing.role) input.role = values.role;
      if (JSON.stringify([...flags].sort()) !== JSON.stringify([...editing.flags].sort())) input.flags = flags;
      if (values.orgUnitId !== editing.orgUnitId) input.orgUnitId = values.orgUnitId;
      if (blankToNull(values.phone) !== editing.phone) input.phone = blankToNull(values.phone);
      if (blankToNull(values.email) !== editing.email) input.email = blankToNull(values.email);
      if (values.isActive !== undefined && values.isActive !== editing.isActive) input.isActive = values.isActive;
      if (Object.keys(input).length === 1) {
        message.info(t('没有修改', 'Nothing changed'));
        onClose();
        return;
      }
      await update.mutateAsync({ id: editing.id, input });
      message.success(t('已保存', 'Saved'));
      onClose();
    } catch (error) {
      if (isStaleVersion(error)) setStale(true);
      showFormError(form, error, { message, t });
    }
  };

  const roleOptions = [...new Set([...roles, ...(editing ? [editing.role] : [])])].map((r) => ({ value: r, label: label(roleLabels[r]), disabled: !roles.includes(r) }));

  return (
    <>
      {stale && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('该账号已被他人修改，请刷新后再改', 'Someone else changed this account; refresh and edit again')}
          action={
            <Button size="small" onClick={onRefresh}>
              {t('刷新', 'Refresh')}
            </Button>
          }
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues(target, roles, orgRootId)} data-testid="user-form">
        {!editing && (
          <Form.Item
            name="username"
            label={t('用户名', 'Username')}
            extra={t('3–32 位字母、数字、下划线、点或连字符，以字母开头；创建后不可修改', '3–32 letters, digits, _ . -, starting with a letter; fixed once created')}
            rules={[
              { required: true, message: t('请填写用户名', 'Enter a username') },
              { pattern: USERNAME_PATTERN, message: t('用户名格式不正确', 'Invalid username') },
            ]}
          >
            <Input autoComplete="off" data-testid="user-form-username" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('姓名', 'Name')} rules={[{ required: true, whitespace: true, message: t('请填写姓名', 'Enter a name') }, { max: DISPLAY_NAME_MAX }]}>
          <Input data-testid="user-form-display-name" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('角色', 'Role')}
          rules={[{ required: true, message: t('请选择角色', 'Choose a role') }]}
          extra={isSelf ? t('不能修改自己的角色', 'You cannot change your own role') : undefined}
        >
          <Select
            options={roleOptions}
            disabled={isSelf}
            onChange={(r: Role) => {
              if (r !== 'township') form.setFieldValue('flags', []);
            }}
            data-testid="user-form-role"
          />
        </Form.Item>
        {role === 'township' && (
          <Form.Item name="flags" label={t('职责', 'Duties')} extra={t('三级监管网络中镇（街道、园区）工作人员的职责', 'Duties of township staff in the supervision network')}>
            <Checkbox.Group options={userFlags.map((f) => ({ value: f, label: label(userFlagLabels[f]) }))} data-testid="user-form-flags" />
          </Form.Item>
        )}
        <Form.Item name="orgUnitId" label={t('所属单位', 'Org unit')} rules={[{ required: true, message: t('请选择所属单位', 'Choose an org unit') }]}>
          <OrgUnitSelect rootId={orgRootId} allowClear={false} style={{ width: '100%' }} testId="user-form-org" />
        </Form.Item>
        <Form.Item name="phone" label={t('电话', 'Phone')} rules={[{ pattern: PHONE_PATTERN, message: t('电话号码格式不正确', 'Invalid phone number') }]}>
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item name="email" label={t('邮箱', 'Email')} rules={[{ type: 'email', message: t('邮箱格式不正确', 'Invalid email') }, { max: 254 }]}>
          <Input inputMode="email" />
        </Form.Item>
        {!editing && (
          <Form.Item
            name="password"
            label={t('初始密码（可不填）', 'Initial password (optional)')}
            extra={t('不填则生成临时密码，用户首次登录须修改', 'Leave empty to generate a temporary password the user must change at first login')}
            dependencies={['username']}
            rules={[
              {
                validator: async (_, value: string | undefined) => {
                  if (!value) return;
                  const problems = checkPasswordPolicy(value, username ?? '');
                  if (problems.length > 0) throw new Error(`${t('密码不符合要求', 'Weak password')}：${problems.join('；')}`);
                },
              },
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="user-form-password" />
          </Form.Item>
        )}
        {editing && (
          <Form.Item
            name="isActive"
            label={t('启用', 'Active')}
            valuePropName="checked"
            extra={isSelf ? t('不能停用自己的账号', 'You cannot deactivate your own account') : t('停用、改角色或调单位会让该用户在所有设备上退出登录', 'Deactivating, changing role or unit logs the user out everywhere')}
          >
            <Switch disabled={isSelf} data-testid="user-form-active" />
          </Form.Item>
        )}
      </Form>
      <ModalFooter onCancel={onClose} onOk={() => form.submit()} loading={create.isPending || update.isPending} okTestId="user-form-submit" />
    </>
  );
}
