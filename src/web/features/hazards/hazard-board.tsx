/**
 * The status board above the hazard list: one card per status with its count (click to filter the list
 * by that status, click again to clear) and the headline numbers (open, overdue, listed, major, pending
 * extensions, due within 7 days), the overdue and listed ones also clickable as filters.
 */
import { Card, Flex, Skeleton, Statistic, theme } from 'antd';
import type { HazardStatus } from '../../../domains/equipment-safety/hazards/hazard-enums';
import { hazardStatusLabels } from '../../../domains/equipment-safety/hazards/hazard-enums';
import type { HazardBoard as Board } from '../../../domains/equipment-safety/hazards/hazard-view-schema';
import { useI18n } from '../../lib/i18n';
import { boardStatusOrder } from './hazard-format';

export type HazardBoardProps = {
  board: Board | undefined;
  loading: boolean;
  /** Statuses currently filtered (empty = all). */
  selected: readonly HazardStatus[];
  onSelectStatus(status: HazardStatus | null): void;
  overdueOnly: boolean;
  listedOnly: boolean;
  onToggleOverdue(): void;
  onToggleListed(): void;
};

function BoardCard(props: { title: string; value: number; active?: boolean; danger?: boolean; onClick?: () => void; testId: string }) {
  const { token } = theme.useToken();
  const { title, value, active, danger, onClick, testId } = props;
  return (
    <Card
      size="small"
      hoverable={Boolean(onClick)}
      onClick={onClick}
      data-testid={testId}
      data-active={active ? 'true' : 'false'}
      style={{ minWidth: 104, flex: '1 1 104px', cursor: onClick ? 'pointer' : 'default', borderColor: active ? token.colorPrimary : undefined, background: active ? token.colorPrimaryBg : undefined }}
      styles={{ body: { padding: '8px 12px' } }}
    >
      <Statistic title={title} value={value} styles={{ content: { fontSize: 22, color: danger && value > 0 ? token.colorError : undefined } }} />
    </Card>
  );
}

export function HazardBoard(props: HazardBoardProps) {
  const { board, loading, selected, onSelectStatus, overdueOnly, listedOnly, onToggleOverdue, onToggleListed } = props;
  const { t, label } = useI18n();
  if (loading && !board) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (!board) return null;
  const only = selected.length === 1 ? selected[0] : null;
  return (
    <div style={{ marginBottom: 12 }} data-testid="hazard-board">
      <Flex wrap gap={8} style={{ marginBottom: 8 }}>
        <BoardCard title={t('全部', 'All')} value={board.total} active={selected.length === 0} onClick={() => onSelectStatus(null)} testId="hazard-board-all" />
        {boardStatusOrder.map((status) => (
          <BoardCard
            key={status}
            title={label(hazardStatusLabels[status])}
            value={board.byStatus[status] ?? 0}
            active={only === status}
            onClick={() => onSelectStatus(only === status ? null : status)}
            testId={`hazard-board-status-${status}`}
          />
        ))}
      </Flex>
      <Flex wrap gap={8}>
        <BoardCard title={t('未办结', 'Open')} value={board.open} testId="hazard-board-open" />
        <BoardCard title={t('逾期未改', 'Overdue')} value={board.overdue} danger active={overdueOnly} onClick={onToggleOverdue} testId="hazard-board-overdue" />
        <BoardCard title={t('7 日内到期', 'Due in 7 days')} value={board.dueSoon} testId="hazard-board-due-soon" />
        <BoardCard title={t('重大隐患（未办结）', 'Major (open)')} value={board.major} danger testId="hazard-board-major" />
        <BoardCard title={t('挂牌督办', 'Listed')} value={board.listed} active={listedOnly} onClick={onToggleListed} testId="hazard-board-listed" />
        <BoardCard title={t('待审批延期', 'Extensions pending')} value={board.extensionPending} testId="hazard-board-extension" />
      </Flex>
    </div>
  );
}
