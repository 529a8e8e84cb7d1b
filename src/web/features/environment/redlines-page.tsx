import { ImportOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ui/error-alert';
import { PageHeader } from '../../components/ui/page-header';
import { useI18n } from '../../lib/i18n';
import { useCan } from '../auth/api';
import { useControlRules, useZonesGeo } from './api';
import { LazyZoneMap } from './map/lazy-zone-map';
import { AreaTotalsCard } from './redlines/area-totals-card';
import { ControlRuleTable } from './redlines/control-rule-table';
import { ZoneDetailCard } from './redlines/zone-detail-card';
import { ZoneImportModal } from './redlines/zone-import-modal';
import { TierLegend, toZoneRows, ZoneList } from './redlines/zone-list';

const noIds: string[] = [];

/**
 * 生态红线: the zones on an offline map coloured by control tier (click → details and the rules of
 * its tier), area totals, the zone list, GeoJSON import and the control-rule table for managers.
 * The selected zone is in the URL (`?zone=<id>`).
 */
export default function RedLinesPage() {
  const { t } = useI18n();
  const can = useCan();
  const canManage = can('environment.manage');
  const [params, setParams] = useSearchParams();
  const [importing, setImporting] = useState(false);
  const zones = useZonesGeo();
  const rules = useControlRules();
  const tiers = useMemo(() => rules.data?.tiers ?? [], [rules.data]);
  const rows = useMemo(() => toZoneRows(zones.data), [zones.data]);
  const selectedId = params.get('zone');

  const select = (id: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set('zone', id);
        else next.delete('zone');
        return next;
      },
      { replace: true },
    );

  return (
    <div data-testid="env-redlines">
      <PageHeader
        title={t('生态红线', 'Ecological red lines')}
        subtitle={t('生态保护红线、饮用水水源保护区、湿地、自然保护地等管控区', 'Ecological protection red lines, drinking-water source areas, wetlands, protected areas')}
        extra={
          canManage && (
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="zone-import-open">
              {t('导入 GeoJSON', 'Import GeoJSON')}
            </Button>
          )
        }
      />
      <ErrorAlert error={zones.error ?? rules.error} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={15}>
          <Card size="small" title={t('红线区分布', 'Zone map')}>
            <LazyZoneMap zones={zones.data} tiers={tiers} selectedZoneId={selectedId} highlightZoneIds={noIds} onZoneClick={select} height={540} testId="redline-map" />
            <div style={{ marginTop: 6 }}>
              <TierLegend tiers={tiers} />
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <ZoneDetailCard zoneId={selectedId} rules={rules.data} />
        </Col>
        <Col xs={24} xl={10}>
          <AreaTotalsCard />
        </Col>
        <Col xs={24} xl={14}>
          <ZoneList rows={rows} tiers={tiers} selectedId={selectedId} onSelect={select} loading={zones.isLoading} />
        </Col>
        <Col xs={24}>{rules.data && <ControlRuleTable view={rules.data} canManage={canManage} />}</Col>
      </Row>
      <ZoneImportModal open={importing} onClose={() => setImporting(false)} />
    </div>
  );
}
