/**
 * Change history of one record (audit entries `{at, actorUsername, action, summary, before, after}`)
 * as a timeline, newest first: when, who, what, and a field diff of the change (folded; click
 * "查看变更" to open).
 *
 *   <HistoryTimeline entries={history.items} fieldLabels={orgFieldLabels} actionLabels={orgActionLabels} />
 *
 * Colours: creations green, deactivations/deletions red, everything else blue.
 */
import { Button, Empty, Space, Spin, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { AuditEntry } from '../../../domains/audit/schema';
import { useI18n } from '../../lib/i18n';
import { ChangeDiff, type FieldLabels, type FormatValue } from './change-diff';

export type HistoryEntry = Pick<AuditEntry, 'id' | 'at' | 'actorUsername' | 'action' | 'summary' | 'before' | 'after'>;

export type HistoryTimelineProps = {
  entries: HistoryEntry[];
  loading?: boolean;
  fieldLabels?: FieldLabels;
  formatValue?: FormatValue;
  /** Labels of actions (`org_unit.rename` → 更名); unknown actions show their code. */
  actionLabels?: Record<string, { zh: string; en: string }>;
  testId?: string;
};

export function actionColor(action: string): string {
  if (/\.(create|reactivate|approve)$/.test(action)) return 'green';
  if (/\.(deactivate|delete|reject|login_failed)$/.test(action)) return 'red';
  return 'blue';
}

export function formatTimestamp(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD HH:mm:ss');
}

function HistoryItem({ entry, fieldLabels, formatValue }: { entry: HistoryEntry; fieldLabels?: FieldLabels; formatValue?: FormatValue }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const hasChange = entry.before !== null || entry.after !== null;
  return (
    <div>
      <Typography.Text>{entry.summary ?? entry.action}</Typography.Text>
      {hasChange && (
        <div>
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen((v) => !v)}>
            {open ? t('收起变更', 'Hide changes') : t('查看变更', 'Show changes')}
          </Button>
          {open && <ChangeDiff before={entry.before} after={entry.after} fieldLabels={fieldLabels} formatValue={formatValue} />}
        </div>
      )}
    </div>
  );
}

export function HistoryTimeline({ entries, loading, fieldLabels, formatValue, actionLabels, testId }: HistoryTimelineProps) {
  const { t, label } = useI18n();
  if (loading) return <Spin />;
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无变更记录', 'No history yet')} />;
  return (
    <div data-testid={testId}>
      <Timeline
        items={entries.map((entry) => ({
          key: entry.id,
          color: actionColor(entry.action),
          content: (
            <>
              <Space size={4} wrap>
                <Typography.Text type="secondary">{formatTimestamp(entry.at)}</Typography.Text>
                <Typography.Text strong>{entry.actorUsername}</Typography.Text>
                <Tag color={actionColor(entry.action)}>{actionLabels?.[entry.action] ? label(actionLabels[entry.action]) : entry.action}</Tag>
              </Space>
              <HistoryItem entry={entry} fieldLabels={fieldLabels} formatValue={formatValue} />
            </>
          ),
        }))}
      />
    </div>
  );
}
