/**
 * Tags of a hazard: status, grade, 逾期, 挂牌督办, and the deadline with its countdown.
 */
import { ClockCircleOutlined, FlagOutlined, WarningOutlined } from '@ant-design/icons';
import { Space, Tag, Typography } from 'antd';
import { hazardGradeLabels, hazardStatusLabels, type HazardGrade, type HazardStatus } from '../../../domains/equipment-safety/hazards/hazard-enums';
import { StatusTag } from '../../components/ui/status-tag';
import { useI18n } from '../../lib/i18n';
import { deadlineCountdown, hazardStatusColors } from './hazard-format';

export function HazardStatusTag({ status, testId }: { status: HazardStatus; testId?: string }) {
  return <StatusTag value={status} labels={hazardStatusLabels} colors={hazardStatusColors} testId={testId} />;
}

export function GradeTag({ grade, proposed }: { grade: HazardGrade | null; proposed?: boolean }) {
  const { t, label } = useI18n();
  if (!grade) return <Tag>{t('未定级', 'Ungraded')}</Tag>;
  return (
    <Tag color={grade === 'major' ? 'red' : 'default'} data-testid="hazard-grade">
      {label(hazardGradeLabels[grade])}
      {proposed ? t('（建议）', ' (proposed)') : ''}
    </Tag>
  );
}

export function OverdueTag({ overdue }: { overdue: boolean }) {
  const { t } = useI18n();
  if (!overdue) return null;
  return (
    <Tag color="red" icon={<WarningOutlined />} data-testid="hazard-overdue">
      {t('逾期', 'Overdue')}
    </Tag>
  );
}

export function ListedTag({ listed }: { listed: boolean }) {
  const { t } = useI18n();
  if (!listed) return null;
  return (
    <Tag color="magenta" icon={<FlagOutlined />} data-testid="hazard-listed">
      {t('挂牌督办', 'Listed')}
    </Tag>
  );
}

/** The deadline and, while rectification is owed, how many days are left (or overdue). */
export function DeadlineText({ deadline, today, status }: { deadline: string | null; today: string; status: HazardStatus }) {
  const { t } = useI18n();
  if (!deadline) return <Typography.Text type="secondary">—</Typography.Text>;
  const countdown = deadlineCountdown(deadline, today, status);
  return (
    <Space size={4} wrap>
      <span>{deadline}</span>
      {countdown.kind === 'left' && (
        <Typography.Text type={countdown.days <= 3 ? 'warning' : 'secondary'}>
          <ClockCircleOutlined /> {t(`剩 ${countdown.days} 天`, `${countdown.days} d left`)}
        </Typography.Text>
      )}
      {countdown.kind === 'today' && <Typography.Text type="warning">{t('今天到期', 'Due today')}</Typography.Text>}
      {countdown.kind === 'overdue' && <Typography.Text type="danger">{t(`已逾期 ${countdown.days} 天`, `${countdown.days} d overdue`)}</Typography.Text>}
    </Space>
  );
}
