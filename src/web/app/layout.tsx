import { BellOutlined, HomeOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Grid, Layout, Menu, Space, Spin, Typography, theme } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { roleLabels } from '../../shared/roles';
import { useCan, useLogout, useMe } from '../features/auth/api';
import { useI18n } from '../lib/i18n';
import { appModules, visiblePages } from './modules';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const { data: me, isLoading } = useMe();
  const can = useCan();
  const { t, label, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const logout = useLogout();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();

  const items = useMemo(
    () => [
      { key: '/', icon: <HomeOutlined />, label: t('工作台', 'Home') },
      ...appModules
        .map((m) => ({ module: m, pages: visiblePages(m, can) }))
        .filter(({ pages }) => pages.length > 0)
        .map(({ module, pages }) => ({
          key: `module:${module.key}`,
          icon: module.icon,
          label: label(module.label),
          children: pages.map((p) => ({ key: p.path, label: label(p.label) })),
        })),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [me, lang],
  );

  if (isLoading) return <Spin fullscreen />;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (me.mustChangePassword && location.pathname !== '/me') return <Navigate to="/me?mustChange=1" replace />;

  const selected = [...items.flatMap((i) => ('children' in i ? i.children.map((c) => c.key) : [i.key]))]
    .filter((k) => k === '/' ? location.pathname === '/' : location.pathname.startsWith(k))
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);
  const openModule = appModules.find((m) => m.pages.some((p) => location.pathname.startsWith(p.path)));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={220} breakpoint="lg" collapsedWidth={56}>
        <div style={{ color: '#fff', padding: '16px 12px', fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden' }}>
          {collapsed ? t('质', 'QC') : t('质量强市综合管理平台', 'Quality City')}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          items={items}
          selectedKeys={selected}
          defaultOpenKeys={openModule ? [`module:${openModule.key}`] : []}
          onClick={({ key }) => navigate(key)}
          data-testid="main-menu"
        />
      </Sider>
      <Layout>
        <Header style={{ background: token.colorBgContainer, padding: '0 16px', display: 'flex', justifyContent: 'flex-end', alignItems: 'center' }}>
          <Space size="middle">
            <Button type="text" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} data-testid="lang-switch">
              {lang === 'zh' ? 'English' : '中文'}
            </Button>
            <Button type="text" icon={<BellOutlined />} onClick={() => navigate('/me')} aria-label={t('通知', 'Notifications')} />
            <Dropdown
              menu={{
                items: [
                  { key: 'me', icon: <UserOutlined />, label: t('个人中心', 'My account') },
                  { key: 'logout', icon: <LogoutOutlined />, label: t('退出登录', 'Log out') },
                ],
                onClick: async ({ key }) => {
                  if (key === 'me') navigate('/me');
                  if (key === 'logout') {
                    await logout();
                    navigate('/login');
                  }
                },
              }}
            >
              <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
                <Avatar size="small" icon={<UserOutlined />} />
                <Typography.Text>{me.displayName}</Typography.Text>
                {screens.md && <Typography.Text type="secondary">{label(roleLabels[me.role])} · {me.orgUnit.name}</Typography.Text>}
              </Space>
            </Dropdown>
          </Space>
        </Header>
        <Content style={{ margin: 16 }}>
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
