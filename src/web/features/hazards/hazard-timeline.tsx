/**
 * The hazard's full history as a timeline, oldest first (the loop reads top-down): the step, who, when,
 * the status change, the comment, deadline changes and the step's own details (grade, notice number,
 * extension, photos…). Photos attached to a step show as thumbnails (click to enlarge).
 */
import { Flex, Image, Space, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { escalationStepLabels, type EscalationStep } from '../../../domains/equipment-safety/hazards/escalation-rules';
import {
  hazardActionLabels,
  hazardGradeLabels,
  hazardStatusLabels,
  listingLevelLabels,
  noticeKindLabels,
  type HazardActionName,
  type HazardGrade,
  type ListingLevel,
  type NoticeKind,
} from '../../../domains/equipment-safety/hazards/hazard-enums';
import type { HazardHistoryEntry } from '../../../domains/equipment-safety/hazards/hazard-schema';
import { formatTimestamp } from '../../components/ui/history-timeline';
import { useI18n } from '../../lib/i18n';

type Labels = { zh: string; en: string };
const extraActionLabels: Record<'create' | 'edit' | 'escalation', Labels> = {
  create: { zh: '登记', en: 'Created' },
  edit: { zh: '编辑', en: 'Edited' },
  escalation: { zh: '逾期升级', en: 'Escalation' },
};

export function historyActionLabel(action: HazardHistoryEntry['action']): Labels {
  return action in extraActionLabels ? extraActionLabels[action as keyof typeof extraActionLabels] : hazardActionLabels[action as HazardActionName];
}

function actionColor(action: HazardHistoryEntry['action']): string {
  if (action === 'verify_pass' || action === 'close_by_elimination') return 'green';
  if (action === 'verify_fail' || action === 'reject' || action === 'reopen' || action === 'escalation') return 'red';
  if (action === 'create' || action === 'edit') return 'gray';
  return 'blue';
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function PayloadDetails({ entry, hazardId }: { entry: HazardHistoryEntry; hazardId: string }) {
  const { t, label } = useI18n();
  const p = entry.payload;
  const rows: ReactNode[] = [];
  const add = (key: string, name: string, value: ReactNode) =>
    rows.push(
      <div key={key}>
        <Typography.Text type="secondary">{name}：</Typography.Text>
        {value}
      </div>,
    );

  const change = p['deadlineChange'] as { from?: string | null; to?: string | null } | undefined;
  if (change && typeof change === 'object') {
    add('deadline', t('整改期限', 'Deadline'), <span data-testid="hazard-timeline-deadline">{`${change.from ?? '—'} → ${change.to ?? '—'}`}</span>);
  }
  if ((entry.action === 'confirm' || entry.action === 'change_grade') && str(p['grade'])) add('grade', t('等级', 'Grade'), label(hazardGradeLabels[p['grade'] as HazardGrade]));
  if (entry.action === 'create' && str(p['grade'])) add('grade', t('建议等级', 'Proposed grade'), label(hazardGradeLabels[p['grade'] as HazardGrade]));
  if (str(p['majorCriterionRef'])) add('criterion', t('判定依据', 'Criterion'), str(p['majorCriterionRef']));
  if (entry.action === 'issue_notice') {
    if (str(p['kind'])) add('kind', t('文书', 'Document'), label(noticeKindLabels[p['kind'] as NoticeKind]));
    if (str(p['noticeNo'])) add('noticeNo', t('文书编号', 'Document no.'), str(p['noticeNo']));
  }
  if (entry.action === 'reject' && str(p['disposition'])) add('disposition', t('处理', 'Disposition'), p['disposition'] === 'transferred' ? t('移交', 'Transferred') : t('不予受理', 'Invalid'));
  if (entry.action === 'request_extension' && str(p['newDeadline'])) add('newDeadline', t('申请期限', 'Requested deadline'), str(p['newDeadline']));
  if (entry.action === 'decide_extension') add('approve', t('审批结果', 'Decision'), p['approve'] ? <Tag color="green">{t('同意', 'Approved')}</Tag> : <Tag color="red">{t('不同意', 'Denied')}</Tag>);
  if (entry.action === 'list_for_supervision') {
    if (str(p['level'])) add('level', t('挂牌级别', 'Level'), label(listingLevelLabels[p['level'] as ListingLevel]));
    if (str(p['listingUnit'])) add('listingUnit', t('督办单位', 'Listing unit'), str(p['listingUnit']));
  }
  if (str(p['costYuan'])) add('cost', t('治理资金（元）', 'Cost (yuan)'), str(p['costYuan']));
  if (entry.action === 'escalation' && str(p['step'])) add('step', t('升级步骤', 'Step'), label(escalationStepLabels[p['step'] as EscalationStep]));
  if (entry.action === 'edit' && p['changes'] && typeof p['changes'] === 'object') add('changes', t('修改字段', 'Fields'), Object.keys(p['changes'] as object).join('、') || '—');

  const photos = [...ids(p['photos']), ...ids(p['afterPhotos']), ...ids(p['addPhotos'])];
  return (
    <>
      {rows}
      {photos.length > 0 && (
        <Image.PreviewGroup>
          <Flex wrap gap={6} style={{ marginTop: 4 }}>
            {photos.map((id) => (
              <Image key={id} src={`/api/v1/hazards/${hazardId}/files/${id}`} width={64} height={64} style={{ objectFit: 'cover', borderRadius: 4 }} alt={t('照片', 'Photo')} data-testid="hazard-timeline-photo" />
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
    </>
  );
}

export function HazardTimeline({ history, hazardId }: { history: HazardHistoryEntry[]; hazardId: string }) {
  const { t, label } = useI18n();
  const entries = [...history].sort((a, b) => a.seq - b.seq);
  return (
    <div data-testid="hazard-timeline">
      <Timeline
        items={entries.map((entry) => ({
          key: entry.seq,
          color: actionColor(entry.action),
          content: (
            <div data-testid="hazard-timeline-item" data-action={entry.action}>
              <Space size={4} wrap>
                <Tag color={actionColor(entry.action)}>{label(historyActionLabel(entry.action))}</Tag>
                <Typography.Text strong>{entry.actorName}</Typography.Text>
                <Typography.Text type="secondary">{formatTimestamp(entry.at)}</Typography.Text>
                {entry.fromStatus !== entry.toStatus && (
                  <Typography.Text type="secondary">
                    {entry.fromStatus ? `${label(hazardStatusLabels[entry.fromStatus])} → ` : ''}
                    {label(hazardStatusLabels[entry.toStatus])}
                  </Typography.Text>
                )}
              </Space>
              {entry.comment && <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{entry.comment}</Typography.Paragraph>}
              <PayloadDetails entry={entry} hazardId={hazardId} />
              {entry.actorId === null && entry.action !== 'escalation' && <Typography.Text type="secondary">{t('（系统）', '(system)')}</Typography.Text>}
            </div>
          ),
        }))}
      />
    </div>
  );
}
