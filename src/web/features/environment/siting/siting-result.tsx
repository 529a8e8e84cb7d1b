/**
 * A siting check's outcome: the verdict badge (允许 / 有条件 / 禁止), every intersecting zone with
 * overlap area and share of the footprint, the nearest zone when outside, the rule trace, and the
 * links to the print view and the Word report.
 */
import { FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import type { SitingCheckResult } from '../../../../domains/environment/siting-schema';
import { exportUrl } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { SITING_CHECKS_PATH } from '../api';
import { formatNumber, sitingOutcomeColors, sitingOutcomeLabels } from '../env-labels';
import { OutcomeTag } from '../redlines/control-rule-table';

type Intersection = SitingCheckResult['intersections'][number];

export function VerdictBadge({ verdict, large }: { verdict: SitingCheckResult['verdict']; large?: boolean }) {
  const { label } = useI18n();
  return (
    <Tag
      color={sitingOutcomeColors[verdict]}
      style={large ? { fontSize: 20, padding: '6px 16px', lineHeight: '28px' } : undefined}
      data-testid="siting-verdict"
      data-verdict={verdict}
    >
      {label(sitingOutcomeLabels[verdict])}
    </Tag>
  );
}

export function IntersectionTable({ result }: { result: SitingCheckResult }) {
  const { t } = useI18n();
  const kind = result.footprint.kind;
  return (
    <Table<Intersection>
      size="small"
      rowKey="zoneId"
      pagination={false}
      dataSource={result.intersections}
      scroll={{ x: 'max-content' }}
      data-testid="siting-intersections"
      onRow={(r) => ({ 'data-zone-code': r.code, 'data-testid': 'siting-intersection' }) as HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'name', title: t('管控区', 'Zone'), render: (_, r) => <>{r.name}<Typography.Text type="secondary"> {r.code}</Typography.Text></> },
        { key: 'type', title: t('类型', 'Type'), dataIndex: 'type' },
        { key: 'tier', title: t('管控级别', 'Tier'), dataIndex: 'tier' },
        { key: 'contact', title: t('关系', 'Contact'), render: (_, r) => (r.contact === 'interior' ? t('区内重叠', 'Overlap') : <Tag color="gold">{t('仅边界接触', 'Boundary only')}</Tag>) },
        ...(kind === 'polygon' ? [{ key: 'area', title: t('重叠面积 m²', 'Overlap m²'), align: 'right' as const, render: (_: unknown, r: Intersection) => formatNumber(r.overlapAreaM2, 2) }] : []),
        ...(kind === 'line' ? [{ key: 'len', title: t('区内长度 m', 'Length inside m'), align: 'right' as const, render: (_: unknown, r: Intersection) => formatNumber(r.lengthM, 1) }] : []),
        { key: 'share', title: t('占项目范围', 'Share of footprint'), align: 'right', render: (_, r) => `${(r.shareOfFootprint * 100).toFixed(2)}%` },
        { key: 'outcome', title: t('结论', 'Outcome'), render: (_, r) => <OutcomeTag outcome={r.ruleOutcome} /> },
        { key: 'text', title: t('依据', 'Rule'), dataIndex: 'ruleText', width: 320 },
      ]}
    />
  );
}

export function SitingResultCard({ result }: { result: SitingCheckResult }) {
  const { t } = useI18n();
  const fp = result.footprint;
  return (
    <Card
      size="small"
      title={
        <Flex align="center" gap={12} wrap>
          <span>{t('核查结论', 'Verdict')}</span>
          <VerdictBadge verdict={result.verdict} large />
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {result.projectName ?? t('未命名项目', 'Unnamed project')} · {result.projectTypeLabel}
          </Typography.Text>
        </Flex>
      }
      extra={
        <Flex gap={8} wrap>
          <Button size="small" icon={<PrinterOutlined />} href={`/environment/siting/${result.id}/print`} target="_blank" data-testid="siting-print-link">
            {t('打印视图', 'Print view')}
          </Button>
          <Button size="small" icon={<FileWordOutlined />} href={exportUrl(`${SITING_CHECKS_PATH}/${result.id}/report.docx`)} download data-testid="siting-docx-link">
            {t('Word 报告', 'Word report')}
          </Button>
        </Flex>
      }
      data-testid="siting-result"
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'kind', label: t('项目范围', 'Footprint'), children: fp.kind === 'polygon' ? t('面', 'Polygon') : fp.kind === 'line' ? t('线', 'Line') : t('点', 'Point') },
          ...(fp.kind === 'polygon' ? [{ key: 'area', label: t('面积', 'Area'), children: `${formatNumber(fp.areaM2, 2)} m²` }] : []),
          ...(fp.kind === 'line' ? [{ key: 'length', label: t('长度', 'Length'), children: `${formatNumber(fp.lengthM, 1)} m` }] : []),
          { key: 'count', label: t('相交管控区', 'Intersecting zones'), children: <span data-testid="siting-intersection-count">{result.intersections.length}</span> },
          { key: 'at', label: t('核查时间', 'Checked at'), children: `${dayjs(result.checkedAt).format('YYYY-MM-DD HH:mm')} · ${result.checkedBy ?? ''}` },
        ]}
      />
      {result.nearest && (
        <Alert
          type="info"
          showIcon
          style={{ margin: '8px 0' }}
          data-testid="siting-nearest"
          title={t(
            `项目范围未与任何管控区相交；最近的管控区「${result.nearest.name}」距离约 ${formatNumber(result.nearest.distanceM, 1)} m`,
            `Outside every zone; the nearest, ${result.nearest.name}, is about ${formatNumber(result.nearest.distanceM, 1)} m away`,
          )}
        />
      )}
      {result.intersections.length > 0 && <IntersectionTable result={result} />}
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('规则追溯', 'Rule trace')}
      </Typography.Title>
      <ol style={{ paddingLeft: 20, marginBottom: 8 }} data-testid="siting-trace">
        {result.traceText.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
      {result.ruleSetSource === 'default' && result.ruleSetNote && (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          {result.ruleSetNote}
        </Typography.Text>
      )}
    </Card>
  );
}
