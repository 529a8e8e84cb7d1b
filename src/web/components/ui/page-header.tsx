/**
 * Page title bar: a title (with optional subtitle and breadcrumb) on the left and action buttons on
 * the right; on a phone the actions wrap under the title.
 *
 *   <PageHeader title={t('用户管理', 'Users')} subtitle={…} extra={<Button>…</Button>} />
 */
import { Breadcrumb, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

export type PageHeaderProps = {
  title: ReactNode;
  subtitle?: ReactNode;
  breadcrumb?: Array<{ key: string; title: ReactNode; onClick?: () => void }>;
  extra?: ReactNode;
  testId?: string;
};

export function PageHeader({ title, subtitle, breadcrumb, extra, testId }: PageHeaderProps) {
  return (
    <div style={{ marginBottom: 16 }} data-testid={testId}>
      {breadcrumb && breadcrumb.length > 0 && (
        <Breadcrumb
          style={{ marginBottom: 4 }}
          items={breadcrumb.map((b) => ({
            key: b.key,
            title: b.onClick ? (
              <a
                onClick={(e) => {
                  e.preventDefault();
                  b.onClick?.();
                }}
              >
                {b.title}
              </a>
            ) : (
              b.title
            ),
          }))}
        />
      )}
      <Flex wrap justify="space-between" align="center" gap={8}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {subtitle && (
            <Typography.Text type="secondary" style={{ display: 'block' }}>
              {subtitle}
            </Typography.Text>
          )}
        </div>
        {extra && (
          <Flex wrap gap={8}>
            {extra}
          </Flex>
        )}
      </Flex>
    </div>
  );
}
