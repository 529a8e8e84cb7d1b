import { FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Flex, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/ui/error-alert';
import { exportUrl } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { SITING_CHECKS_PATH, useControlRules, useSitingPrintView, type GeoCollection } from './api';
import { formatNumber } from './env-labels';
import { LazyZoneMap, type GeoGeometry } from './map/lazy-zone-map';
import { TierLegend } from './redlines/zone-list';
import { IntersectionTable, VerdictBadge } from './siting/siting-result';

/** Hide the app shell when printing: only the report goes on paper. */
const printCss = `@media print {
  .ant-layout-sider, .ant-layout-header, .qc-no-print { display: none !important; }
  .ant-layout-content { margin: 0 !important; }
  body { background: #fff; }
}`;

/** 选址核查报告 (print view): the check with its map, as on the Word report. */
export default function SitingPrintPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const view = useSitingPrintView(id);
  const rules = useControlRules();
  const v = view.data;

  const { zones, footprint, zoneIds } = useMemo(() => {
    const features = v?.map.features ?? [];
    const zoneFeatures = features.filter((f) => (f.properties as { role?: string } | undefined)?.role !== 'footprint');
    const fp = features.find((f) => (f.properties as { role?: string } | undefined)?.role === 'footprint');
    return {
      zones: { type: 'FeatureCollection', features: zoneFeatures } as unknown as GeoCollection,
      footprint: (fp?.geometry as GeoGeometry | undefined) ?? null,
      zoneIds: zoneFeatures.map((f) => String(f.id)),
    };
  }, [v]);

  if (view.error) return <ErrorAlert error={view.error} />;
  if (!v) return <Skeleton active />;
  const c = v.check;
  return (
    <div style={{ background: '#fff', padding: 24, maxWidth: 1000, margin: '0 auto' }} data-testid="siting-print">
      <style>{printCss}</style>
      <Flex justify="space-between" align="start" gap={12} wrap>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {v.title}
        </Typography.Title>
        <Flex gap={8} className="qc-no-print">
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} type="primary">
            {t('打印', 'Print')}
          </Button>
          <Button icon={<FileWordOutlined />} href={exportUrl(`${SITING_CHECKS_PATH}/${c.id}/report.docx`)} download>
            Word
          </Button>
        </Flex>
      </Flex>
      <Descriptions
        bordered
        size="small"
        column={2}
        items={[
          { key: 'name', label: t('项目名称', 'Project'), children: c.projectName ?? '—' },
          { key: 'type', label: t('项目类型', 'Project type'), children: c.projectTypeLabel },
          { key: 'verdict', label: t('核查结论', 'Verdict'), children: <VerdictBadge verdict={c.verdict} /> },
          {
            key: 'fp',
            label: t('项目范围', 'Footprint'),
            children: c.footprint.kind === 'polygon' ? `${t('面', 'Polygon')} ${formatNumber(c.footprint.areaM2, 2)} m²` : c.footprint.kind === 'line' ? `${t('线', 'Line')} ${formatNumber(c.footprint.lengthM, 1)} m` : t('点', 'Point'),
          },
          { key: 'at', label: t('核查时间', 'Checked at'), children: dayjs(c.checkedAt).format('YYYY-MM-DD HH:mm') },
          { key: 'by', label: t('核查人', 'Checked by'), children: c.checkedBy ?? '—' },
        ]}
      />
      <div style={{ margin: '16px 0' }}>
        <LazyZoneMap zones={zones} tiers={rules.data?.tiers ?? []} footprint={footprint} highlightZoneIds={zoneIds} height={420} testId="siting-print-map" />
        <div style={{ marginTop: 6 }}>
          <TierLegend tiers={rules.data?.tiers ?? []} />
        </div>
      </div>
      {c.nearest && (
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          title={t(`未与任何管控区相交；最近的管控区「${c.nearest.name}」距离约 ${formatNumber(c.nearest.distanceM, 1)} m`, `Outside every zone; nearest ${c.nearest.name} at ${formatNumber(c.nearest.distanceM, 1)} m`)}
        />
      )}
      {c.intersections.length > 0 && <IntersectionTable result={c} />}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('规则追溯', 'Rule trace')}
      </Typography.Title>
      <ol style={{ paddingLeft: 20 }}>
        {c.traceText.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 16 }}>
        {v.disclaimer}
        {c.ruleSetNote ? ` ${c.ruleSetNote}` : ''}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('生成时间', 'Generated')}：{dayjs(v.generatedAt).format('YYYY-MM-DD HH:mm')}
      </Typography.Text>
    </div>
  );
}
