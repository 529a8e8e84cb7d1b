/**
 * Columns of the enterprise list. Sortable columns use the API's sort field as `key`
 * (name, creditCode, industryCode, registeredCapital, establishedOn, status, updatedAt).
 */
import { Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { enterpriseStatusLabels, scaleClassLabels } from '../../../domains/enterprises/enterprise-enums';
import type { EnterpriseListItem } from '../../../domains/enterprises/view-schema';
import { formatTimestamp } from '../../components/ui/history-timeline';
import { StatusTag } from '../../components/ui/status-tag';
import { enterpriseStatusColors } from './enterprise-labels';
import { formatCapital } from './enterprise-format';

type T = (zh: string, en: string) => string;
type L = (l: { zh: string; en: string } | undefined) => string;

export function enterpriseColumns(t: T, label: L): ColumnsType<EnterpriseListItem> {
  return [
    {
      key: 'name',
      title: t('企业名称', 'Name'),
      sorter: true,
      fixed: 'left',
      render: (_: unknown, e) => (
        <div style={{ maxWidth: 280 }}>
          <Link to={`/enterprises/${e.id}`} data-testid="enterprise-row-link">
            {e.name}
          </Link>
          {e.formerNames.length > 0 && (
            <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
              {t('曾用名', 'Formerly')}：{e.formerNames.join('、')}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      key: 'creditCode',
      dataIndex: 'creditCode',
      title: t('统一社会信用代码', 'Credit code'),
      sorter: true,
      render: (v: string) => <Typography.Text style={{ fontFamily: 'monospace' }}>{v}</Typography.Text>,
    },
    { key: 'territoryName', dataIndex: 'territoryName', title: t('属地', 'Territory') },
    {
      key: 'industryCode',
      title: t('行业', 'Industry'),
      sorter: true,
      render: (_: unknown, e) =>
        e.industryCode ? (
          <Typography.Text ellipsis style={{ maxWidth: 200 }} title={`${e.industryCode} ${e.industryName ?? ''}`}>
            {e.industryCode} {e.industryName}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      key: 'scale',
      title: t('规模', 'Scale'),
      render: (_: unknown, e) => (
        <Space size={2}>
          {e.scaleClass ? label(scaleClassLabels[e.scaleClass]) : '—'}
          {e.aboveDesignatedSize && <Tag color="blue">{t('规上', 'Above size')}</Tag>}
        </Space>
      ),
    },
    { key: 'registeredCapital', title: t('注册资本', 'Capital'), sorter: true, align: 'right', render: (_: unknown, e) => formatCapital(e.registeredCapital, e.registeredCapitalCurrency) },
    { key: 'establishedOn', dataIndex: 'establishedOn', title: t('成立日期', 'Established'), sorter: true, render: (v: string | null) => v ?? '—' },
    {
      key: 'status',
      title: t('登记状态', 'Status'),
      sorter: true,
      render: (_: unknown, e) => <StatusTag value={e.status} labels={enterpriseStatusLabels} colors={enterpriseStatusColors} />,
    },
    {
      key: 'flags',
      title: t('高企 / 标签', 'High-tech / tags'),
      render: (_: unknown, e) => (
        <Space size={2} wrap style={{ maxWidth: 220 }}>
          {e.isHighTech && <Tag color="purple">{t('高新技术企业', 'High-tech')}</Tag>}
          {e.tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </Space>
      ),
    },
    { key: 'updatedAt', dataIndex: 'updatedAt', title: t('更新时间', 'Updated'), sorter: true, render: (v: string) => formatTimestamp(v) },
  ];
}
