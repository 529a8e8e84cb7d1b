import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Segmented, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { WaterSample } from '../../../domains/environment/water-schema';
import { ErrorAlert } from '../../components/ui/error-alert';
import { ListPage } from '../../components/ui/list-page';
import { PageHeader } from '../../components/ui/page-header';
import { useListQuery } from '../../components/ui/use-list-query';
import { useI18n } from '../../lib/i18n';
import { useCan } from '../auth/api';
import { useRiverEvaluation, useStationsGeo, useWaterCompliance, WATER_SAMPLES_PATH, type PeriodGrouping } from './api';
import { EChart } from './charts/echart';
import { waterClassOption, waterComplianceOption } from './charts/env-chart-options';
import { waterClassNames } from './env-labels';
import { ComplianceTag, factorName, WaterClassTag } from './station/water-noise-panels';
import { WaterSampleFormModal, type WaterFormTarget } from './water/water-sample-form';
import { RiverTable, toSectionRows, WaterSectionsTable } from './water/water-sections';

const sorts = ['-sampledOn', 'sampledOn', 'station'] as const;

/** 水质: compliance by period, sections with their latest class, river evaluation, samples (entry for managers). */
export default function WaterPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const can = useCan();
  const canManage = can('environment.manage');
  const [groupBy, setGroupBy] = useState<PeriodGrouping>('month');
  const [formTarget, setFormTarget] = useState<WaterFormTarget | null>(null);
  const compliance = useWaterCompliance(groupBy);
  const sectionsGeo = useStationsGeo('water');
  const rivers = useRiverEvaluation();
  const list = useListQuery<WaterSample>({ path: WATER_SAMPLES_PATH, filterKeys: ['stationId', 'sectionClass'], allowedSorts: sorts, defaultSort: '-sampledOn' });

  const sections = useMemo(() => toSectionRows(sectionsGeo.data), [sectionsGeo.data]);
  const sectionOptions = useMemo(() => sections.map((s) => ({ value: s.id, label: `${s.name}（${s.code}）` })), [sections]);
  const trend = useMemo(() => (compliance.data ? waterComplianceOption(compliance.data, i18n) : null), [compliance.data, i18n]);
  const lastRow = compliance.data?.rows.at(-1);
  const byClass = useMemo(() => (lastRow ? waterClassOption(lastRow.byClass, i18n) : null), [lastRow, i18n]);

  const columns: ColumnsType<WaterSample> = [
    { key: 'sampledOn', title: t('采样日期', 'Sampled on'), dataIndex: 'sampledOn', sorter: true },
    { key: 'station', title: t('断面', 'Section'), sorter: true, render: (_, s) => <Link to={`/environment/stations/${s.stationId}`}>{s.stationName}</Link> },
    { key: 'river', title: t('河流（湖库）', 'River / lake'), render: (_, s) => s.riverName ?? '—' },
    { key: 'class', title: t('类别', 'Class'), render: (_, s) => <WaterClassTag value={s.sectionClass} /> },
    { key: 'grade', title: t('定性评价', 'Grade'), dataIndex: 'qualitative' },
    { key: 'target', title: t('目标', 'Target'), render: (_, s) => <WaterClassTag value={s.targetClass} /> },
    { key: 'meets', title: t('达标', 'Meets'), render: (_, s) => <ComplianceTag value={s.meetsTarget} /> },
    { key: 'main', title: t('主要污染指标', 'Main indicators'), render: (_, s) => s.mainPollutionIndicators.map((f) => <Tag key={f}>{factorName(f)}</Tag>) },
    ...(canManage
      ? [{ key: 'actions', title: t('操作', 'Actions'), render: (_: unknown, s: WaterSample) => <Button size="small" icon={<EditOutlined />} onClick={() => setFormTarget({ mode: 'edit', sample: s })}>{t('修改', 'Edit')}</Button> }]
      : []),
  ];

  return (
    <div data-testid="env-water">
      <PageHeader
        title={t('地表水水质', 'Surface water quality')}
        subtitle={compliance.data ? `${compliance.data.from} – ${compliance.data.to} · GB 3838-2002` : undefined}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create' })} data-testid="water-new">
              {t('录入采样', 'New sample')}
            </Button>
          )
        }
      />
      <ErrorAlert error={compliance.error ?? sectionsGeo.error} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={15}>
          <Card
            size="small"
            title={t('水质达标率', 'Compliance rate')}
            extra={
              <Segmented<PeriodGrouping>
                size="small"
                value={groupBy}
                onChange={setGroupBy}
                options={[
                  { value: 'month', label: t('按月', 'Monthly') },
                  { value: 'quarter', label: t('按季', 'Quarterly') },
                  { value: 'year', label: t('按年', 'Yearly') },
                ]}
              />
            }
          >
            {trend && <EChart option={trend} height={260} testId="water-chart-compliance" />}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={lastRow ? t(`断面类别（${lastRow.period}）`, `Sections by class (${lastRow.period})`) : t('断面类别', 'Sections by class')}>
            {byClass && <EChart option={byClass} height={260} testId="water-chart-classes" />}
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('监测断面（最新类别）', 'Sections (latest class)')}>
            <WaterSectionsTable rows={sections} loading={sectionsGeo.isLoading} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('河流（湖库）水质评价（今年）', 'River evaluation (this year)')}>
            <RiverTable data={rivers.data} loading={rivers.isLoading} />
          </Card>
        </Col>
      </Row>
      <div style={{ marginTop: 16 }}>
        <ListPage<WaterSample>
          title={t('采样记录', 'Samples')}
          list={list}
          columns={columns}
          rowKey="id"
          searchPlaceholder={false}
          exportPath={`${WATER_SAMPLES_PATH}/export.xlsx`}
          testId="water-samples"
          filters={
            <Space wrap>
              <Select
                allowClear
                placeholder={t('断面', 'Section')}
                style={{ width: 220 }}
                value={list.params.filters.stationId as string | undefined}
                onChange={(v: string | undefined) => list.setFilter('stationId', v)}
                options={sectionOptions}
                showSearch={{ optionFilterProp: 'label' }}
              />
              <Select
                allowClear
                placeholder={t('类别', 'Class')}
                style={{ width: 120 }}
                value={list.params.filters.sectionClass as string | undefined}
                onChange={(v: string | undefined) => list.setFilter('sectionClass', v)}
                options={[1, 2, 3, 4, 5, 6].map((c) => ({ value: String(c), label: waterClassNames[c] }))}
              />
            </Space>
          }
        />
      </div>
      <WaterSampleFormModal target={formTarget} sections={sectionOptions} onClose={() => setFormTarget(null)} />
    </div>
  );
}
