/**
 * 隐患详情 /safety/hazards/:id: header (number, status, grade, deadline with countdown, overdue and listed
 * flags), the action bar with only the actions the API says this user may take now, and sections for the
 * description, location, parties, photos before/after, notice/plan/extension/listing, and the timeline.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Row, Space, Spin, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { escalationStepLabels } from '../../../domains/equipment-safety/hazards/escalation-rules';
import {
  hazardActionLabels,
  hazardCloseReasonLabels,
  hazardRelationLabels,
  hazardSourceLabels,
  listingLevelLabels,
  noticeKindLabels,
  type HazardActionName,
} from '../../../domains/equipment-safety/hazards/hazard-enums';
import type { HazardDetail } from '../../../domains/equipment-safety/hazards/hazard-view-schema';
import { RecordUnavailable } from '../../components/ui/record-unavailable';
import { formatTimestamp } from '../../components/ui/history-timeline';
import { PageHeader } from '../../components/ui/page-header';
import { useI18n } from '../../lib/i18n';
import { useHazardDetail } from './api';
import { HazardActionModal } from './hazard-action-modal';
import { localToday } from './hazard-format';
import { HazardPhotos } from './hazard-photos';
import { DeadlineText, GradeTag, HazardStatusTag, ListedTag, OverdueTag } from './hazard-tags';
import { HazardTimeline } from './hazard-timeline';

const primaryActions: readonly HazardActionName[] = ['submit', 'confirm', 'issue_notice', 'submit_rectification', 'verify_pass', 'decide_extension', 'file_plan'];
const dangerActions: readonly HazardActionName[] = ['reject', 'verify_fail', 'close_by_elimination'];

function Section({ title, children, testId }: { title: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 12 }} data-testid={testId}>
      {children}
    </Card>
  );
}

export default function HazardDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const query = useHazardDetail(id);
  const [action, setAction] = useState<HazardActionName | null>(null);
  const back = () => navigate('/safety/hazards');

  if (query.isLoading) return <Spin />;
  if (query.error || !query.data) return <RecordUnavailable error={query.error} notFound={t('隐患不存在或不在您的管辖范围内', 'Hazard not found or outside your area')} backLabel={t('返回隐患看板', 'Back to the board')} onBack={back} />;
  const h = query.data;
  const refresh = async () => {
    await query.refetch();
    message.info(t('已刷新', 'Refreshed'));
  };

  return (
    <>
      <PageHeader
        breadcrumb={[
          { key: 'board', title: t('隐患看板', 'Hazard board'), onClick: back },
          { key: 'hazard', title: h.hazardNo ?? t('草稿', 'Draft') },
        ]}
        title={
          <span data-testid="hazard-title">
            {h.hazardNo ? `${h.hazardNo} · ` : ''}
            {h.title}
          </span>
        }
        subtitle={
          <Space size={4} wrap style={{ marginTop: 4 }}>
            <HazardStatusTag status={h.status} testId="hazard-status" />
            <GradeTag grade={h.grade} proposed={h.confirmedOn === null && h.grade !== null} />
            <OverdueTag overdue={h.isOverdue} />
            <ListedTag listed={h.isListed} />
            {h.reopenCount > 0 && <Tag color="volcano">{t(`反弹 ${h.reopenCount} 次`, `Reopened ${h.reopenCount}×`)}</Tag>}
            <Typography.Text type="secondary">{t('整改期限', 'Deadline')}：</Typography.Text>
            <span data-testid="hazard-deadline">
              <DeadlineText deadline={h.deadline} today={localToday()} status={h.status} />
            </span>
          </Space>
        }
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void refresh()} loading={query.isFetching} data-testid="hazard-refresh">
            {t('刷新', 'Refresh')}
          </Button>
        }
      />
      <ActionBar hazard={h} onAction={setAction} />
      <Row gutter={12}>
        <Col xs={24} lg={14}>
          <Section title={t('隐患情况', 'Hazard')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="hazard-description">
              {h.description}
            </Typography.Paragraph>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={facts(h, t)} />
          </Section>
          <Section title={t('相关单位', 'Parties')}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={parties(h, t)} />
          </Section>
          <Section title={t('现场照片', 'Photos')} testId="hazard-photos">
            <HazardPhotos photos={h.photos} />
          </Section>
          <Documents hazard={h} />
        </Col>
        <Col xs={24} lg={10}>
          <Section title={t('处理记录', 'Timeline')}>
            <HazardTimeline history={h.history} hazardId={h.id} />
          </Section>
        </Col>
      </Row>
      <HazardActionModal hazard={h} action={action} onClose={() => setAction(null)} onOutdated={() => void query.refetch()} />
    </>
  );
}

function ActionBar({ hazard, onAction }: { hazard: HazardDetail; onAction(action: HazardActionName): void }) {
  const { t, label } = useI18n();
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="hazard-action-bar">
      <Flex wrap gap={8} align="center">
        <Typography.Text type="secondary">
          {hazard.relations.length > 0 ? `${t('我的身份', 'My role')}：${hazard.relations.map((r) => label(hazardRelationLabels[r])).join('、')}` : t('我的身份：查看', 'My role: viewer')}
        </Typography.Text>
        {hazard.availableActions.length === 0 ? (
          <Typography.Text type="secondary" data-testid="hazard-no-actions">
            · {t('当前无需您处理', 'Nothing for you to do now')}
          </Typography.Text>
        ) : (
          hazard.availableActions.map((a) => (
            <Button
              key={a}
              type={primaryActions.includes(a) ? 'primary' : 'default'}
              danger={dangerActions.includes(a)}
              onClick={() => onAction(a)}
              data-testid={`hazard-action-${a}`}
            >
              {label(hazardActionLabels[a])}
            </Button>
          ))
        )}
      </Flex>
    </Card>
  );
}

type T = (zh: string, en: string) => string;
type Item = { key: string; label: string; children: ReactNode };
const dash = (v: ReactNode) => (v === null || v === undefined || v === '' ? '—' : v);

function facts(h: HazardDetail, t: T): Item[] {
  const loc = h.location;
  const items: Item[] = [
    { key: 'source', label: t('来源', 'Source'), children: <SourceLabel h={h} /> },
    { key: 'reportedBy', label: t('报告人', 'Reported by'), children: dash(h.reportedByName) },
    { key: 'createdAt', label: t('登记时间', 'Reported at'), children: formatTimestamp(h.createdAt) },
    { key: 'address', label: t('地点', 'Location'), children: <span data-testid="hazard-location">{dash(loc?.address)}</span> },
  ];
  if (loc?.lon !== undefined && loc.lat !== undefined) items.push({ key: 'coords', label: t('坐标', 'Coordinates'), children: `${loc.lon}, ${loc.lat}` });
  if (h.majorCriterionRef) items.push({ key: 'criterion', label: t('重大隐患判定依据', 'Major criterion'), children: h.majorCriterionRef });
  if (h.reviewDueOn) items.push({ key: 'reviewDueOn', label: t('核定期限', 'Review due'), children: h.reviewDueOn });
  if (h.confirmedOn) items.push({ key: 'confirmedOn', label: t('核定日期', 'Confirmed on'), children: h.confirmedOn });
  if (h.verificationDueOn) items.push({ key: 'verificationDueOn', label: t('复查期限', 'Verification due'), children: h.verificationDueOn });
  if (h.closedOn) items.push({ key: 'closedOn', label: t('销号日期', 'Closed on'), children: h.closedOn });
  if (h.closeReason) items.push({ key: 'closeReason', label: t('销号方式', 'Closed by'), children: <CloseReason h={h} /> });
  return items;
}

function SourceLabel({ h }: { h: HazardDetail }) {
  const { label } = useI18n();
  return (
    <>
      {label(hazardSourceLabels[h.source])}
      {h.sourceRef ? `（${h.sourceRef}）` : ''}
    </>
  );
}

function CloseReason({ h }: { h: HazardDetail }) {
  const { label } = useI18n();
  return <>{h.closeReason ? label(hazardCloseReasonLabels[h.closeReason]) : '—'}</>;
}

function parties(h: HazardDetail, t: T): Item[] {
  const items: Item[] = [
    { key: 'territory', label: t('属地', 'Territory'), children: dash(h.orgUnitName) },
    { key: 'supervising', label: t('行业监管部门', 'Supervising department'), children: dash(h.supervisingOrgUnitName) },
    { key: 'enterprise', label: t('整改责任单位', 'Responsible unit'), children: <span data-testid="hazard-enterprise">{h.enterpriseName ?? t('属地（无使用单位）', 'Territory (no using unit)')}</span> },
    { key: 'device', label: t('涉及设备', 'Device'), children: dash(h.equipmentId ? (h.equipmentCode ?? t('（无设备代码）', '(no code)')) : null) },
  ];
  if (h.transferredToOrgUnitName) items.push({ key: 'transferred', label: t('移交单位', 'Transferred to'), children: h.transferredToOrgUnitName });
  return items;
}

/** Notice, plan, pending extension, listing and escalations — each only when present. */
function Documents({ hazard: h }: { hazard: HazardDetail }) {
  const { t, label } = useI18n();
  const blocks: ReactNode[] = [];
  if (h.notice) {
    blocks.push(
      <Section key="notice" title={label(noticeKindLabels[h.notice.kind])} testId="hazard-notice">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'no', label: t('文书编号', 'Document no.'), children: dash(h.notice.noticeNo) },
            { key: 'on', label: t('下达日期', 'Issued on'), children: h.notice.issuedOn },
          ]}
        />
      </Section>,
    );
  }
  if (h.plan) {
    blocks.push(
      <Section key="plan" title={t('治理方案（五落实）', 'Treatment plan')} testId="hazard-plan">
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'measures', label: t('措施', 'Measures'), children: h.plan.measures },
            { key: 'funds', label: t('资金', 'Funds'), children: `${h.plan.funds.amountYuan} ${t('元', 'yuan')}${h.plan.funds.source ? `（${h.plan.funds.source}）` : ''}` },
            { key: 'person', label: t('责任人', 'Responsible'), children: h.plan.responsiblePerson },
            { key: 'deadline', label: t('时限', 'Deadline'), children: h.plan.deadline },
            { key: 'contingency', label: t('预案', 'Contingency'), children: h.plan.contingency },
            ...(h.plan.targets ? [{ key: 'targets', label: t('目标和任务', 'Targets'), children: h.plan.targets }] : []),
          ]}
        />
      </Section>,
    );
  }
  if (h.pendingExtension) {
    const e = h.pendingExtension;
    blocks.push(
      <Alert
        key="extension"
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="hazard-extension"
        title={t(`延期申请：延至 ${e.newDeadline}（${e.requestedOn} 申请，${e.decisionDueOn} 前审批）`, `Extension requested to ${e.newDeadline} (on ${e.requestedOn}, decide by ${e.decisionDueOn})`)}
        description={e.reason}
      />,
    );
  }
  if (h.listing) {
    blocks.push(
      <Section key="listing" title={t('挂牌督办', 'Listed for supervision')} testId="hazard-listing">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'level', label: t('级别', 'Level'), children: label(listingLevelLabels[h.listing.level]) },
            { key: 'unit', label: t('督办单位', 'Listing unit'), children: h.listing.listingUnit },
            { key: 'on', label: t('挂牌日期', 'Listed on'), children: h.listing.listedOn },
            { key: 'notice', label: t('公告期限', 'Publish by'), children: h.listing.publicNoticeDueOn },
          ]}
        />
      </Section>,
    );
  }
  if (h.escalations.length > 0) {
    blocks.push(
      <Section key="escalations" title={t('逾期升级', 'Escalations')}>
        {h.escalations.map((e) => (
          <div key={e.key}>
            <Tag color="red">{label(escalationStepLabels[e.step])}</Tag>
            {t(`应于 ${e.dueOn}，${e.firedOn} 已发出`, `due ${e.dueOn}, sent ${e.firedOn}`)}
          </div>
        ))}
      </Section>,
    );
  }
  return <>{blocks}</>;
}
