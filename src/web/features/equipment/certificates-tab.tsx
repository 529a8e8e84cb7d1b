/**
 * 作业人员证书 of a device: status (有效/即将到期/已过期) with days to expiry, a warning when any is
 * expiring or expired, adding a certificate and marking an operator as left (离岗, with version).
 */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { certificateStatusLabels } from '../../../domains/equipment-safety/equipment/enums';
import type { CertificateItem, DeviceDetail } from '../../../domains/equipment-safety/equipment/view-schema';
import { ConfirmAction } from '../../components/ui/confirm-action';
import { ErrorAlert } from '../../components/ui/error-alert';
import { apiErrorText } from '../../components/ui/form-error';
import { useI18n } from '../../lib/i18n';
import { useDeviceRecords, useUpdateCertificate } from './api';

const statusColors = { valid: 'green', expiring: 'orange', expired: 'red' } as const;

export function CertificatesTab({ device, onAdd }: { device: DeviceDetail; onAdd(): void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [includeInactive, setIncludeInactive] = useState(false);
  const query = useDeviceRecords<CertificateItem>('certificates', device.id, { page, pageSize: 10, includeInactive: includeInactive ? 'true' : undefined });
  const update = useUpdateCertificate(device.id);
  const items = query.data?.items ?? [];
  const expired = items.filter((c) => c.isActive && c.status === 'expired').length;
  const expiring = items.filter((c) => c.isActive && c.status === 'expiring').length;

  const markLeft = async (c: CertificateItem) => {
    try {
      await update.mutateAsync({ id: c.id, input: { version: c.version, isActive: false } });
      message.success(t(`已标记 ${c.personName} 离岗`, `${c.personName} marked as left`));
    } catch (error) {
      message.error(apiErrorText(error, t));
      throw error;
    }
  };

  return (
    <div data-testid="device-certificates">
      {(expired > 0 || expiring > 0) && (
        <Alert
          type={expired > 0 ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="certificate-expiry-warning"
          title={t(`${expired > 0 ? `${expired} 张证书已过期，持证人不得继续作业` : ''}${expired > 0 && expiring > 0 ? '；' : ''}${expiring > 0 ? `${expiring} 张证书即将到期，请及时复审` : ''}`, 'Some certificates are expired or expiring')}
        />
      )}
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Checkbox checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)}>
          {t('含已离岗人员', 'Include operators who left')}
        </Checkbox>
        {device.abilities.manageOperators && (
          <Button type="primary" icon={<PlusOutlined />} onClick={onAdd} data-testid="certificate-add">
            {t('登记作业人员证', 'Add a certificate')}
          </Button>
        )}
      </Flex>
      <ErrorAlert error={query.error} />
      <Table<CertificateItem>
        rowKey="id"
        size="small"
        loading={query.isFetching}
        dataSource={items}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 10, total: query.data?.total ?? 0, onChange: setPage }}
        columns={[
          { key: 'person', title: t('姓名', 'Name'), render: (_: unknown, c) => <span data-testid="certificate-person-cell">{c.personName}</span> },
          { key: 'id', dataIndex: 'idNumberMasked', title: t('身份证号', 'ID'), render: (v: string | null) => v ?? '—' },
          { key: 'no', dataIndex: 'certificateNo', title: t('证书编号', 'Certificate no.') },
          { key: 'item', title: t('作业项目', 'Work item'), render: (_: unknown, c) => (c.workItemName ? `${c.workItemName}（${c.workItemCode}）` : c.workItemCode) },
          { key: 'issued', dataIndex: 'issuedOn', title: t('发证日期', 'Issued') },
          { key: 'expires', dataIndex: 'expiresOn', title: t('有效期至', 'Valid until') },
          {
            key: 'status',
            title: t('状态', 'Status'),
            render: (_: unknown, c) => (
              <Flex gap={4} align="center" wrap>
                <Tag color={statusColors[c.status]}>{label(certificateStatusLabels[c.status])}</Tag>
                <Typography.Text type={c.status === 'valid' ? 'secondary' : 'danger'} style={{ fontSize: 12 }}>
                  {c.daysToExpiry >= 0 ? t(`${c.daysToExpiry} 天后到期`, `${c.daysToExpiry} d left`) : t(`已过期 ${-c.daysToExpiry} 天`, `expired ${-c.daysToExpiry} d ago`)}
                </Typography.Text>
                {!c.isActive && <Tag>{t('已离岗', 'Left')}</Tag>}
              </Flex>
            ),
          },
          ...(device.abilities.manageOperators
            ? [
                {
                  key: 'actions',
                  title: t('操作', 'Actions'),
                  render: (_: unknown, c: CertificateItem) =>
                    c.isActive ? (
                      <ConfirmAction label={t('离岗', 'Left')} title={t(`确定 ${c.personName} 已离岗？`, `Mark ${c.personName} as left?`)} onConfirm={() => markLeft(c)} buttonProps={{ size: 'small' }} />
                    ) : null,
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
