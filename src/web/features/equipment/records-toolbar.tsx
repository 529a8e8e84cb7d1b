/**
 * The bar above a device's record table (inspections, maintenance): a hint on the left, Excel
 * export of the device's records and — when the user may record one — the add button.
 */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { exportUrl } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';

export function RecordsToolbar(props: { hint: ReactNode; exportPath: string; deviceId: string; addLabel: string; addTestId: string; onAdd?: () => void; canAdd: boolean }) {
  const { t } = useI18n();
  return (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
      <Typography.Text type="secondary">{props.hint}</Typography.Text>
      <Flex gap={8}>
        <Button icon={<DownloadOutlined />} href={exportUrl(props.exportPath, { deviceId: props.deviceId })} download>
          {t('导出 Excel', 'Export Excel')}
        </Button>
        {props.canAdd && (
          <Button type="primary" icon={<PlusOutlined />} onClick={props.onAdd} data-testid={props.addTestId}>
            {props.addLabel}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
