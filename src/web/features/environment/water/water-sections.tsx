/** Water sections with their latest class and target compliance, and the river-level evaluation. */
import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { RiverEvaluationList } from '../../../../domains/environment/water-schema';
import { useI18n } from '../../../lib/i18n';
import type { GeoCollection } from '../api';
import { ComplianceTag, factorName, WaterClassTag } from '../station/water-noise-panels';

type SectionRow = {
  id: string;
  code: string;
  name: string;
  riverName: string | null;
  territoryName: string;
  targetClass: number | null;
  status: { sampledOn?: string; sectionClass?: number; grade?: string; meetsTarget?: boolean | null };
};

export function toSectionRows(geo: GeoCollection | undefined): SectionRow[] {
  return (geo?.features ?? []).map((f) => {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    return {
      id: String(p.id),
      code: String(p.code),
      name: String(p.name),
      riverName: (p.riverName as string | null) ?? null,
      territoryName: String(p.territoryName ?? ''),
      targetClass: (p.targetClass as number | null) ?? null,
      status: (p.status ?? {}) as SectionRow['status'],
    };
  });
}

export function WaterSectionsTable({ rows, loading }: { rows: SectionRow[]; loading: boolean }) {
  const { t } = useI18n();
  return (
    <Table<SectionRow>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 'max-content' }}
      data-testid="water-sections"
      columns={[
        { key: 'code', title: t('编码', 'Code'), dataIndex: 'code' },
        { key: 'name', title: t('断面', 'Section'), render: (_, r) => <Link to={`/environment/stations/${r.id}`}>{r.name}</Link> },
        { key: 'river', title: t('河流（湖库）', 'River / lake'), render: (_, r) => r.riverName ?? '—' },
        { key: 'territory', title: t('辖区', 'Territory'), dataIndex: 'territoryName' },
        { key: 'target', title: t('目标类别', 'Target'), render: (_, r) => <WaterClassTag value={r.targetClass} /> },
        { key: 'latest', title: t('最新类别', 'Latest class'), render: (_, r) => <WaterClassTag value={r.status.sectionClass} /> },
        { key: 'grade', title: t('定性评价', 'Grade'), render: (_, r) => r.status.grade ?? '—' },
        { key: 'meets', title: t('目标达标', 'Meets target'), render: (_, r) => <ComplianceTag value={r.status.meetsTarget} /> },
        { key: 'date', title: t('采样日期', 'Sampled on'), render: (_, r) => r.status.sampledOn ?? '—' },
      ]}
    />
  );
}

export function RiverTable({ data, loading }: { data: RiverEvaluationList | undefined; loading: boolean }) {
  const { t } = useI18n();
  type River = RiverEvaluationList['rivers'][number];
  return (
    <Table<River>
      size="small"
      rowKey="riverName"
      loading={loading}
      dataSource={data?.rivers ?? []}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'river', title: t('河流（湖库）', 'River / lake'), dataIndex: 'riverName' },
        { key: 'n', title: t('断面数', 'Sections'), dataIndex: 'sectionCount' },
        { key: 'method', title: t('评价方法', 'Method'), render: (_, r) => (r.method === 'mean' ? t('均值法', 'Mean') : t('断面类别比例法', 'Class proportion')) },
        { key: 'class', title: t('类别', 'Class'), render: (_, r) => <WaterClassTag value={r.riverClass} /> },
        { key: 'grade', title: t('定性评价', 'Grade'), render: (_, r) => r.qualitative ?? '—' },
        { key: 'compliance', title: t('达标率', 'Compliance'), render: (_, r) => (r.compliancePercent === null ? '—' : `${r.compliancePercent}%`) },
        { key: 'main', title: t('主要污染指标', 'Main indicators'), render: (_, r) => r.mainPollutionIndicators.map((f) => <Tag key={f}>{factorName(f)}</Tag>) },
      ]}
    />
  );
}
