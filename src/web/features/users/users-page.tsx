import { EditOutlined, KeyOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import type { User } from '../../../domains/accounts/schema';
import { roleReach } from '../../../shared/permissions';
import { roleLabels, roles, userFlagLabels, userFlags } from '../../../shared/roles';
import { formatTimestamp } from '../../components/ui/history-timeline';
import { ListPage } from '../../components/ui/list-page';
import { OrgUnitSelect } from '../../components/ui/org-unit-select';
import { ActiveTag } from '../../components/ui/status-tag';
import { useListQuery } from '../../components/ui/use-list-query';
import { useI18n } from '../../lib/i18n';
import { useCan, useMe } from '../auth/api';
import { usersListKey, type CreatedUser } from './api';
import { ResetPasswordModal } from './reset-password-modal';
import { TemporaryPasswordModal } from './temporary-password-modal';
import { rolesFor, UserFormModal, type UserFormTarget } from './user-form-modal';

const USER_SORTS = ['username', '-username', 'displayName', 'role', '-lastLoginAt', '-createdAt'] as const;

/** 用户管理: list with filters (text, role, duty, org unit incl. sub-units, status), create, edit, password reset. */
export default function UsersPage() {
  const { t, label } = useI18n();
  const { data: me } = useMe();
  const can = useCan();
  const client = useQueryClient();
  const [formTarget, setFormTarget] = useState<UserFormTarget | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [tempPassword, setTempPassword] = useState<{ username: string; password: string } | null>(null);
  const list = useListQuery<User>({
    path: '/users',
    filterKeys: ['flag', 'orgUnitId', 'includeSubunits', 'active'],
    multiFilterKeys: ['role'],
    defaultSort: 'username',
    allowedSorts: USER_SORTS,
  });
  const { filters } = list.params;
  const canManage = can('users.manage');
  const assignable = rolesFor(me);
  const orgRootId = me && roleReach[me.role] !== 'all' ? me.orgUnit.id : undefined;
  const canEditRow = (u: User) => canManage && assignable.includes(u.role);

  const showTemporary = (result: CreatedUser) => {
    if (result.temporaryPassword) setTempPassword({ username: result.user.username, password: result.temporaryPassword });
  };
  const refresh = () => {
    setFormTarget(null);
    setResetting(null);
    void client.invalidateQueries({ queryKey: usersListKey });
  };

  const columns = useMemo<ColumnsType<User>>(
    () => [
      { key: 'username', dataIndex: 'username', title: t('用户名', 'Username'), sorter: true, fixed: 'left', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
      { key: 'displayName', dataIndex: 'displayName', title: t('姓名', 'Name'), sorter: true, sortDirections: ['ascend'] },
      {
        key: 'role',
        dataIndex: 'role',
        title: t('角色', 'Role'),
        sorter: true,
        sortDirections: ['ascend'],
        render: (_: unknown, u) => <Tag color={u.role === 'admin' ? 'red' : u.role === 'township' ? 'green' : 'blue'}>{label(roleLabels[u.role])}</Tag>,
      },
      {
        key: 'flags',
        title: t('职责', 'Duties'),
        render: (_: unknown, u) => (u.flags.length === 0 ? '—' : u.flags.map((f) => <Tag key={f}>{label(userFlagLabels[f])}</Tag>)),
      },
      { key: 'orgUnitName', dataIndex: 'orgUnitName', title: t('所属单位', 'Org unit') },
      { key: 'phone', dataIndex: 'phone', title: t('电话', 'Phone'), render: (v: string | null) => v ?? '—' },
      {
        key: 'isActive',
        title: t('状态', 'Status'),
        render: (_: unknown, u) => (
          <Space size={4}>
            <ActiveTag active={u.isActive} />
            {u.mustChangePassword && <Tag color="orange">{t('待改密码', 'Must change password')}</Tag>}
          </Space>
        ),
      },
      {
        key: 'lastLoginAt',
        dataIndex: 'lastLoginAt',
        title: t('最近登录', 'Last login'),
        sorter: true,
        sortDirections: ['descend'],
        render: (v: string | null) => (v ? formatTimestamp(v) : t('从未登录', 'Never')),
      },
      ...(canManage
        ? [
            {
              key: 'actions',
              title: t('操作', 'Actions'),
              fixed: 'right' as const,
              render: (_: unknown, u: User) =>
                canEditRow(u) ? (
                  <Space size={0}>
                    <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setFormTarget({ mode: 'edit', user: u })} data-testid="user-edit">
                      {t('编辑', 'Edit')}
                    </Button>
                    <Button type="link" size="small" icon={<KeyOutlined />} onClick={() => setResetting(u)} data-testid="user-reset-password">
                      {t('重置密码', 'Reset password')}
                    </Button>
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t('无权修改', 'Read only')}</Typography.Text>
                ),
            },
          ]
        : []),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, label, canManage, assignable],
  );

  return (
    <>
      <ListPage<User>
        title={
          <>
            <TeamOutlined /> {t('用户管理', 'Users')}
          </>
        }
        list={list}
        columns={columns}
        rowKey="id"
        testId="users"
        searchPlaceholder={t('用户名、姓名、电话', 'Username, name, phone')}
        actions={
          canManage && assignable.length > 0 ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create' })} data-testid="user-create-button">
              {t('新建用户', 'New user')}
            </Button>
          ) : null
        }
        filters={
          <>
            <Select
              mode="multiple"
              allowClear
              placeholder={t('角色', 'Role')}
              value={(filters.role as string[] | undefined) ?? []}
              onChange={(v: string[]) => list.setFilter('role', v)}
              options={roles.map((r) => ({ value: r, label: label(roleLabels[r]) }))}
              style={{ minWidth: 160 }}
              maxTagCount="responsive"
              data-testid="users-filter-role"
            />
            <Select
              allowClear
              placeholder={t('职责', 'Duty')}
              value={filters.flag as string | undefined}
              onChange={(v: string | undefined) => list.setFilter('flag', v)}
              options={userFlags.map((f) => ({ value: f, label: label(userFlagLabels[f]) }))}
              style={{ minWidth: 150 }}
              data-testid="users-filter-flag"
            />
            <OrgUnitSelect
              value={filters.orgUnitId as string | undefined}
              onChange={(v) => list.setFilters({ orgUnitId: v, includeSubunits: v ? filters.includeSubunits : undefined })}
              rootId={orgRootId}
              placeholder={t('所属单位', 'Org unit')}
              style={{ minWidth: 200 }}
              testId="users-filter-org"
            />
            {filters.orgUnitId && (
              <Checkbox
                checked={filters.includeSubunits !== 'false'}
                onChange={(e) => list.setFilter('includeSubunits', e.target.checked ? undefined : 'false')}
                data-testid="users-filter-subunits"
              >
                {t('含下级单位', 'Include sub-units')}
              </Checkbox>
            )}
            <Select
              value={(filters.active as string | undefined) ?? 'true'}
              onChange={(v: string) => list.setFilter('active', v === 'true' ? undefined : v)}
              options={[
                { value: 'true', label: t('启用的账号', 'Active accounts') },
                { value: 'false', label: t('停用的账号', 'Inactive accounts') },
                { value: 'all', label: t('全部账号', 'All accounts') },
              ]}
              style={{ minWidth: 130 }}
              data-testid="users-filter-active"
            />
          </>
        }
      />
      {me && (
        <UserFormModal
          target={formTarget}
          me={me}
          onClose={() => setFormTarget(null)}
          onCreated={(result) => {
            setFormTarget(null);
            showTemporary(result);
          }}
          onRefresh={refresh}
        />
      )}
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={(result) => {
          setResetting(null);
          showTemporary(result);
        }}
        onRefresh={refresh}
      />
      <TemporaryPasswordModal value={tempPassword} onClose={() => setTempPassword(null)} />
    </>
  );
}
