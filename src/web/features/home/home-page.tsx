import { Card, Col, Row, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { appModules, visiblePages } from '../../app/modules';
import { useI18n } from '../../lib/i18n';
import { useCan, useMe } from '../auth/api';
import { takeLandingPath } from '../enterprises/enterprise-landing';

/** The home page: the modules this user works in, each with its pages. */
export default function HomePage() {
  const { data: me } = useMe();
  const can = useCan();
  const { t, label } = useI18n();
  const navigate = useNavigate();
  // An enterprise user lands on their own enterprise once per session (then 工作台 shows this page).
  useEffect(() => {
    const landing = takeLandingPath(me);
    if (landing) navigate(landing, { replace: true });
  }, [me, navigate]);
  const modules = appModules.map((m) => ({ module: m, pages: visiblePages(m, can) })).filter((m) => m.pages.length > 0);
  return (
    <>
      <Typography.Title level={4}>
        {t('您好', 'Hello')}，{me?.displayName}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {modules.map(({ module, pages }) => (
          <Col key={module.key} xs={24} sm={12} lg={8}>
            <Card title={<span>{module.icon} {label(module.label)}</span>} size="small">
              <Typography.Paragraph type="secondary">{label(module.description)}</Typography.Paragraph>
              {pages.map((p) => (
                <Tag key={p.path} color={p.element ? 'blue' : 'default'} style={{ cursor: 'pointer' }} onClick={() => navigate(p.path)}>
                  {label(p.label)}
                  {p.element ? '' : ` · ${t('建设中', 'building')}`}
                </Tag>
              ))}
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
