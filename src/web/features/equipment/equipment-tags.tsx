/**
 * Tags of the equipment pages: registration status, due status (正常/临期/超期未检, with the countdown
 * as tooltip), "须停止使用", "逾期登记" and "在用-未登记".
 */
import { Tag, Tooltip } from 'antd';
import { registrationStatusLabels, type RegistrationStatus } from '../../../domains/equipment-safety/equipment/enums';
import { deviceDueLabels } from '../../../domains/equipment-safety/equipment/obligation-rules';
import { useI18n } from '../../lib/i18n';
import { dueCountdown, dueStatusTagColors, registrationStatusColors, type DeviceDueStatus } from './equipment-format';

export function DeviceStatusTag({ status, testId }: { status: RegistrationStatus; testId?: string }) {
  const { label } = useI18n();
  return (
    <Tag color={registrationStatusColors[status]} data-testid={testId}>
      {label(registrationStatusLabels[status])}
    </Tag>
  );
}

export function DueStatusTag({ status, daysToDue, testId }: { status: DeviceDueStatus; daysToDue?: number | null; testId?: string }) {
  const { label } = useI18n();
  const countdown = daysToDue === undefined ? '' : dueCountdown(daysToDue);
  const tag = (
    <Tag color={dueStatusTagColors[status]} data-testid={testId}>
      {label(deviceDueLabels[status])}
    </Tag>
  );
  return countdown ? <Tooltip title={countdown}>{tag}</Tooltip> : tag;
}

export function MustStopTag({ mustStop }: { mustStop: boolean }) {
  const { t } = useI18n();
  if (!mustStop) return null;
  return (
    <Tooltip title={t('检验不合格或不得使用：复检合格前不得使用', 'Failed inspection: must not be used until re-inspected')}>
      <Tag color="red" data-testid="device-must-stop">
        {t('须停止使用', 'Must stop')}
      </Tag>
    </Tooltip>
  );
}

export function LateRegistrationTag({ late, overdue }: { late: boolean; overdue?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      {late && (
        <Tooltip title={t('投用后超过 30 日才办理使用登记', 'Registered more than 30 days after commissioning')}>
          <Tag color="volcano" data-testid="device-late-registration">
            {t('逾期登记', 'Late registration')}
          </Tag>
        </Tooltip>
      )}
      {overdue && (
        <Tooltip title={t('投用超过 30 日仍未办理使用登记', 'In use more than 30 days without registration')}>
          <Tag color="red">{t('在用-未登记', 'In use, unregistered')}</Tag>
        </Tooltip>
      )}
    </>
  );
}
