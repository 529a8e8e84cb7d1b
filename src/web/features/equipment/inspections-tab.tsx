/** 检验记录 of a device: the inspections newest first (paged on the server), with the due date each one met and the next due date the system computed. */
import { Table, Tag } from 'antd';
import { useState } from 'react';
import type { InspectionItem, DeviceDetail } from '../../../domains/equipment-safety/equipment/view-schema';
import { ErrorAlert } from '../../components/ui/error-alert';
import { useI18n } from '../../lib/i18n';
import { useDeviceRecords } from './api';
import { RecordsToolbar } from './records-toolbar';

const resultColors = { pass: 'green', basic_pass: 'orange', fail: 'red' } as const;

export function InspectionsTab({ device, onAdd }: { device: DeviceDetail; onAdd(): void }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const query = useDeviceRecords<InspectionItem>('inspections', device.id, { page, pageSize: 10 });
  return (
    <div data-testid="device-inspections">
      <RecordsToolbar hint={t('下次检验日期由系统按检验周期规则计算；报告所载日期仅供核对。', 'The next due date is computed by the rules.')} exportPath="/equipment/inspections/export.xlsx" deviceId={device.id} canAdd={device.abilities.recordInspection} onAdd={onAdd} addLabel={t('录入检验结果', 'Record an inspection')} addTestId="inspection-add" />
      <ErrorAlert error={query.error} />
      <Table<InspectionItem>
        rowKey="id"
        size="small"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 10, total: query.data?.total ?? 0, onChange: setPage, showTotal: (n) => t(`共 ${n} 条`, `${n} in total`) }}
        expandable={{
          rowExpandable: (i) => i.issues.length > 0 || i.inspectors.length > 0 || Boolean(i.overdueReason),
          expandedRowRender: (i) => (
            <div>
              {i.inspectors.length > 0 && <div>{t('检验人员', 'Inspectors')}：{i.inspectors.join('、')}</div>}
              {i.overdueReason && <div>{t('超期原因', 'Reason for lateness')}：{i.overdueReason}</div>}
              {i.issues.map((issue, n) => (
                <div key={n}>
                  {n + 1}. {issue.description}
                  {issue.rectifyBy ? t(`（${issue.rectifyBy} 前整改）`, ` (by ${issue.rectifyBy})`) : ''}
                </div>
              ))}
            </div>
          ),
        }}
        columns={[
          { key: 'inspectedOn', dataIndex: 'inspectedOn', title: t('检验日期', 'Date') },
          { key: 'kind', dataIndex: 'kindLabel', title: t('检验类别', 'Kind') },
          { key: 'org', dataIndex: 'orgName', title: t('检验机构', 'Inspection body') },
          { key: 'reportNo', dataIndex: 'reportNo', title: t('报告编号', 'Report no.') },
          { key: 'conclusion', title: t('结论', 'Conclusion'), render: (_: unknown, i) => <Tag color={resultColors[i.result]} data-testid="inspection-conclusion">{i.conclusionLabel}</Tag> },
          { key: 'grade', dataIndex: 'safetyGrade', title: t('安全状况等级', 'Grade'), render: (v: number | null) => (v ? t(`${v} 级`, `${v}`) : '—') },
          { key: 'due', dataIndex: 'obligationDueOn', title: t('应检日期', 'Was due'), render: (v: string | null) => v ?? '—' },
          { key: 'late', title: t('超期检验', 'Late'), render: (_: unknown, i) => (i.wasLate === null ? '—' : i.wasLate ? <Tag color="red">{t('是', 'Yes')}</Tag> : t('否', 'No')) },
          { key: 'next', dataIndex: 'computedNextDueOn', title: t('下次检验（系统计算）', 'Next due (computed)'), render: (v: string | null) => v ?? '—' },
          { key: 'reportNext', dataIndex: 'reportNextDueOn', title: t('报告所载下次日期', 'Next due (report)'), render: (v: string | null) => v ?? '—' },
        ]}
      />
    </div>
  );
}
