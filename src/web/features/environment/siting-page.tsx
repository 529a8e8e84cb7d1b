import { App, Card, Col, Row, Skeleton } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { apiErrorText, apiIssues } from '../../components/ui/form-error';
import { ErrorAlert } from '../../components/ui/error-alert';
import { PageHeader } from '../../components/ui/page-header';
import { useI18n } from '../../lib/i18n';
import { envKeys, useControlRules, useRunSitingCheck, useSitingPrintView, useSitingResult, useZonesGeo } from './api';
import type { FootprintGeometry } from './geojson-file';
import { LazyZoneMap, type DrawKind, type GeoGeometry } from './map/lazy-zone-map';
import { TierLegend } from './redlines/zone-list';
import { SitingForm, type Footprint } from './siting/siting-form';
import { SitingHistory } from './siting/siting-history';
import { SitingResultCard } from './siting/siting-result';

/**
 * 选址检查: draw or upload a project footprint, pick the project type and check it against the
 * red-line zones. The verdict, intersecting zones, nearest zone and rule trace show below the map,
 * with the footprint and the zones concerned highlighted. The shown check is in the URL
 * (`?check=<id>`), so a check from the history opens the same way.
 */
export default function SitingPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const zones = useZonesGeo();
  const rules = useControlRules();
  const run = useRunSitingCheck();
  const [projectName, setProjectName] = useState('');
  const [projectType, setProjectType] = useState<string | undefined>();
  const [footprint, setFootprint] = useState<Footprint | null>(null);
  const [drawType, setDrawType] = useState<DrawKind | null>(null);
  const [ranWith, setRanWith] = useState<{ id: string; geometry: FootprintGeometry } | null>(null);
  const checkId = params.get('check');
  const result = useSitingResult(checkId ?? undefined);
  // a check from the history: its footprint comes with the print view's map features
  const needsPrint = Boolean(checkId) && ranWith?.id !== checkId;
  const print = useSitingPrintView(needsPrint ? (checkId ?? undefined) : undefined);

  useEffect(() => {
    if (!projectType && rules.data?.projectTypes[0]) setProjectType(rules.data.projectTypes[0].code);
  }, [rules.data, projectType]);

  const shownFootprint = useMemo<GeoGeometry | null>(() => {
    if (!checkId) return footprint?.geometry ?? null;
    if (ranWith?.id === checkId) return ranWith.geometry;
    const feature = print.data?.map.features.find((f) => (f.properties as { role?: string } | undefined)?.role === 'footprint');
    return (feature?.geometry as GeoGeometry | undefined) ?? footprint?.geometry ?? null;
  }, [checkId, ranWith, footprint, print.data]);

  const typeLabels = useMemo(() => new Map((rules.data?.projectTypes ?? []).map((p) => [p.code, p.label])), [rules.data]);
  const highlighted = useMemo(() => {
    const r = result.data;
    if (!r) return [];
    return [...r.intersections.map((i) => i.zoneId), ...(r.nearest ? [r.nearest.zoneId] : [])];
  }, [result.data]);

  const openCheck = (id: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set('check', id);
        else next.delete('check');
        return next;
      },
      { replace: false },
    );

  const changeFootprint = (f: Footprint | null) => {
    setFootprint(f);
    if (checkId) openCheck(null);
  };

  const runCheck = async () => {
    if (!footprint || !projectType) return;
    try {
      const r = await run.mutateAsync({ projectName: projectName.trim() || undefined, projectType, footprint: footprint.geometry });
      client.setQueryData(envKeys.siting(r.id), r);
      setRanWith({ id: r.id, geometry: footprint.geometry });
      setDrawType(null);
      openCheck(r.id);
    } catch (error) {
      const issues = apiIssues(error);
      message.error(issues.length > 0 ? issues.map((i) => i.message).join('；') : apiErrorText(error, t));
    }
  };

  return (
    <div data-testid="env-siting">
      <PageHeader
        title={t('生态红线选址检查', 'Red-line siting check')}
        subtitle={t('结论取相交管控区中最严格的结果；仅供选址预判，以主管部门审批为准', 'The verdict is the strictest of the zones concerned; a pre-check, not an approval')}
      />
      <ErrorAlert error={zones.error ?? rules.error} />
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={8} xl={7}>
          <SitingForm
            rules={rules.data}
            projectName={projectName}
            onProjectName={setProjectName}
            projectType={projectType}
            onProjectType={setProjectType}
            footprint={footprint}
            onFootprint={changeFootprint}
            drawType={drawType}
            onDrawType={setDrawType}
            onRun={() => void runCheck()}
            running={run.isPending}
          />
        </Col>
        <Col xs={24} lg={16} xl={17}>
          <Card size="small" title={t('地图', 'Map')}>
            <LazyZoneMap
              zones={zones.data}
              tiers={rules.data?.tiers ?? []}
              footprint={shownFootprint}
              highlightZoneIds={highlighted}
              drawType={drawType}
              onDraw={(geometry) => changeFootprint({ geometry: geometry as FootprintGeometry, source: 'draw' })}
              height={480}
              testId="siting-map"
            />
            <div style={{ marginTop: 6 }}>
              <TierLegend tiers={rules.data?.tiers ?? []} />
            </div>
          </Card>
        </Col>
        {checkId && (
          <Col xs={24}>
            <ErrorAlert error={result.error} />
            {result.data ? <SitingResultCard result={result.data} /> : result.isLoading && <Skeleton active />}
          </Col>
        )}
        <Col xs={24}>
          <SitingHistory selectedId={checkId} onOpen={openCheck} typeLabels={typeLabels} />
        </Col>
      </Row>
    </div>
  );
}
