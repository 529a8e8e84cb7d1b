/**
 * 基本信息 tab of an enterprise: registration data (credit code in its parts, former names, legal
 * representative, address, capital, establishment, status), supervision data (territory path,
 * industry path, scale, high-tech certificate with its validity, tags), contacts and provenance.
 */
import { Card, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { aboveDesignatedSizeLabels, enterpriseStatusLabels, scaleClassLabels } from '../../../domains/enterprises/enterprise-enums';
import type { EnterpriseDetail } from '../../../domains/enterprises/view-schema';
import { formatTimestamp } from '../../components/ui/history-timeline';
import { StatusTag } from '../../components/ui/status-tag';
import { useI18n } from '../../lib/i18n';
import { UsccSegments } from './credit-code-field';
import { certificateState, cityToday, formatCapital } from './enterprise-format';
import { enterpriseStatusColors } from './enterprise-labels';

const dash = (v: ReactNode) => (v === null || v === undefined || v === '' ? '—' : v);

function Section({ title, children, testId }: { title: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 12 }} data-testid={testId}>
      {children}
    </Card>
  );
}

function CertificateValidity({ cert }: { cert: NonNullable<EnterpriseDetail['highTechCertificate']> }) {
  const { t } = useI18n();
  const s = certificateState(cert, cityToday());
  if (s.state === 'expired') return <Tag color="default">{t(`已过期 ${-s.daysLeft} 天`, `Expired ${-s.daysLeft} days ago`)}</Tag>;
  if (s.state === 'not_yet') return <Tag color="default">{t('尚未生效', 'Not yet valid')}</Tag>;
  if (s.state === 'expiring') return <Tag color="orange">{t(`有效，${s.daysLeft} 天后到期`, `Valid, expires in ${s.daysLeft} days`)}</Tag>;
  return <Tag color="green">{t(`有效，剩余 ${s.daysLeft} 天`, `Valid, ${s.daysLeft} days left`)}</Tag>;
}

export function EnterpriseBasicInfo({ enterprise: e }: { enterprise: EnterpriseDetail }) {
  const { t, label } = useI18n();
  const sourceLabels = { manual: t('手工录入', 'Entered'), import: t('批量导入', 'Imported'), seed: t('演示数据', 'Demo data') };
  return (
    <>
      <Section title={t('登记信息', 'Registration')} testId="enterprise-registry-info">
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            {
              key: 'creditCode',
              label: t('统一社会信用代码', 'Credit code'),
              span: 'filled',
              children: (
                <Space orientation="vertical" size={4}>
                  <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 15 }} data-testid="enterprise-credit-code">
                    {e.creditCode}
                  </Typography.Text>
                  <UsccSegments code={e.creditCode} />
                </Space>
              ),
            },
            { key: 'name', label: t('企业名称', 'Name'), children: e.name },
            { key: 'formerNames', label: t('曾用名', 'Former names'), children: <span data-testid="enterprise-former-names">{dash(e.formerNames.join('、'))}</span> },
            { key: 'legal', label: t('法定代表人', 'Legal representative'), children: dash(e.legalRepresentative) },
            { key: 'established', label: t('成立日期', 'Established on'), children: dash(e.establishedOn) },
            { key: 'capital', label: t('注册资本', 'Registered capital'), children: formatCapital(e.registeredCapital, e.registeredCapitalCurrency) },
            {
              key: 'status',
              label: t('登记状态', 'Status'),
              children: (
                <Space size={4}>
                  <StatusTag value={e.status} labels={enterpriseStatusLabels} colors={enterpriseStatusColors} testId="enterprise-status" />
                  {e.statusChangedOn && <Typography.Text type="secondary">{t(`${e.statusChangedOn} 变更`, `since ${e.statusChangedOn}`)}</Typography.Text>}
                </Space>
              ),
            },
            { key: 'address', label: t('注册地址', 'Registered address'), span: 'filled', children: dash(e.registeredAddress) },
          ]}
        />
      </Section>
      <Section title={t('监管信息', 'Supervision')}>
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'territory', label: t('属地', 'Territory'), children: <span data-testid="enterprise-territory">{e.territoryPath.map((n) => n.name).join(' / ') || e.territoryName}</span> },
            {
              key: 'industry',
              label: t('行业（GB/T 4754-2017）', 'Industry'),
              children: e.industryPath.length === 0 ? '—' : e.industryPath.map((p) => `${p.code} ${p.name}`).join(' › '),
            },
            {
              key: 'scale',
              label: t('企业规模', 'Scale'),
              children: (
                <Space size={4}>
                  {e.scaleClass ? label(scaleClassLabels[e.scaleClass]) : '—'}
                  <Tag color={e.aboveDesignatedSize ? 'blue' : 'default'}>{label(aboveDesignatedSizeLabels[String(e.aboveDesignatedSize) as 'true' | 'false'])}</Tag>
                </Space>
              ),
            },
            {
              key: 'tags',
              label: t('标签', 'Tags'),
              children: e.tags.length === 0 ? '—' : e.tags.map((tag) => <Tag key={tag}>{tag}</Tag>),
            },
            {
              key: 'highTech',
              label: t('高新技术企业证书', 'High-tech certificate'),
              span: 'filled',
              children: e.highTechCertificate ? (
                <Space wrap size={8} data-testid="enterprise-high-tech">
                  <Typography.Text copyable>{e.highTechCertificate.number}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t('发证', 'Issued')} {e.highTechCertificate.issuedOn} · {t('有效期至', 'valid until')} {e.highTechCertificate.validUntil}
                  </Typography.Text>
                  <CertificateValidity cert={e.highTechCertificate} />
                </Space>
              ) : (
                t('无', 'None')
              ),
            },
          ]}
        />
      </Section>
      <Section title={t('联系人', 'Contacts')} testId="enterprise-contacts-section">
        {e.contacts.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无联系人', 'No contacts')} />
        ) : (
          <Table
            size="small"
            pagination={false}
            rowKey={(c) => `${c.name}-${c.phone ?? ''}`}
            dataSource={e.contacts}
            scroll={{ x: 'max-content' }}
            columns={[
              { key: 'name', title: t('姓名', 'Name'), render: (_, c) => <Space size={4}>{c.name}{c.isPrimary && <Tag color="blue">{t('主要', 'Primary')}</Tag>}</Space> },
              { key: 'role', title: t('职务', 'Role'), render: (_, c) => dash(c.role) },
              { key: 'phone', title: t('电话', 'Phone'), render: (_, c) => (c.phone ? <a href={`tel:${c.phone.replace(/[^0-9+]/g, '')}`}>{c.phone}</a> : '—') },
              { key: 'email', title: t('邮箱', 'Email'), render: (_, c) => (c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : '—') },
            ]}
          />
        )}
      </Section>
      <Section title={t('数据来源', 'Provenance')}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, md: 4 }}
          items={[
            { key: 'source', label: t('来源', 'Source'), children: sourceLabels[e.provenance.source] },
            { key: 'createdAt', label: t('创建时间', 'Created'), children: formatTimestamp(e.createdAt) },
            { key: 'updatedAt', label: t('更新时间', 'Updated'), children: formatTimestamp(e.updatedAt) },
            { key: 'version', label: t('版本', 'Version'), children: e.version },
          ]}
        />
      </Section>
    </>
  );
}
