/**
 * 基本信息 of a device: every field of the registry record (domain.md §1.3.1) in groups —
 * registration, classification and product, construction, parties (links to the enterprise pages),
 * place, technical parameters and status dates.
 */
import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { deviceFlagLabels, inspectionConclusionLabels, siteTypeLabels, type DeviceFlag, type SiteType } from '../../../domains/equipment-safety/equipment/enums';
import type { DeviceDetail } from '../../../domains/equipment-safety/equipment/view-schema';
import { formatTimestamp } from '../../components/ui/history-timeline';
import { useI18n } from '../../lib/i18n';

type Item = { key: string; label: string; children: ReactNode };
const dash = (v: ReactNode) => (v === null || v === undefined || v === '' ? '—' : v);

export function EnterpriseLink({ party, testId }: { party: { id: string; name: string } | null; testId?: string }) {
  if (!party) return <>—</>;
  return (
    <Link to={`/enterprises/${party.id}`} data-testid={testId}>
      {party.name}
    </Link>
  );
}

function Group({ title, items }: { title: string; items: Item[] }) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 12 }}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />
    </Card>
  );
}

function insuranceText(value: unknown): string | null {
  if (!value || typeof value !== 'object') return null;
  const i = value as { insurer?: string; type?: string; amount?: number };
  return [i.insurer, i.type, i.amount !== undefined ? `${i.amount} 元` : undefined].filter(Boolean).join('，');
}

export function DeviceInfoTab({ device: d }: { device: DeviceDetail }) {
  const { t, label } = useI18n();
  const params = Object.entries(d.params);
  return (
    <div data-testid="device-info">
      <Group
        title={t('登记信息', 'Registration')}
        items={[
          { key: 'equipmentCode', label: t('设备代码', 'Device code'), children: dash(d.equipmentCode) },
          { key: 'registrationCode', label: t('注册代码', 'Registration code'), children: dash(d.registrationCode) },
          { key: 'cert', label: t('使用登记证编号', 'Registration cert.'), children: dash(d.useRegistrationCertNo) },
          { key: 'certIssueDate', label: t('发证日期', 'Issued on'), children: dash(d.certIssueDate) },
          { key: 'registeredOn', label: t('登记日期', 'Registered on'), children: dash(d.registeredOn) },
          { key: 'deadline', label: t('使用登记期限', 'Registration deadline'), children: dash(d.registrationDeadlineOn) },
          { key: 'late', label: t('逾期登记', 'Late registration'), children: d.isLateRegistration ? <Tag color="volcano">{t('是（投用后超过 30 日）', 'Yes')}</Tag> : t('否', 'No') },
          { key: 'supervising', label: t('监管部门', 'Supervising unit'), children: dash(d.supervisingOrgUnit?.name) },
        ]}
      />
      <Group
        title={t('设备与产品', 'Device and product')}
        items={[
          { key: 'category', label: t('设备种类', 'Category'), children: `${d.categoryName}（${d.categoryCode}）` },
          { key: 'kind', label: t('设备类别', 'Kind'), children: d.kindCode ? `${d.kindName ?? ''}（${d.kindCode}）` : '—' },
          { key: 'variety', label: t('设备品种', 'Variety'), children: d.varietyCode ? `${d.varietyName ?? ''}（${d.varietyCode}）` : '—' },
          { key: 'productName', label: t('设备名称', 'Name'), children: d.productName },
          { key: 'model', label: t('型号（规格）', 'Model'), children: dash(d.model) },
          { key: 'factoryNo', label: t('产品编号（出厂编号）', 'Serial no.'), children: dash(d.factoryNo) },
          { key: 'internalNo', label: t('单位内编号', 'Internal no.'), children: dash(d.internalNo) },
          { key: 'designLife', label: t('设计使用年限', 'Design life'), children: d.designLifeYears ? t(`${d.designLifeYears} 年`, `${d.designLifeYears} years`) : '—' },
          { key: 'safetyGrade', label: t('安全状况等级', 'Safety grade'), children: d.safetyGrade ? t(`${d.safetyGrade} 级`, `Grade ${d.safetyGrade}`) : '—' },
          { key: 'manufacturer', label: t('制造单位', 'Manufacturer'), children: dash(d.manufacturerName) },
          { key: 'licence', label: t('制造许可证编号', 'Manufacturing licence'), children: dash(d.manufacturerLicenceNo) },
          { key: 'manufactureDate', label: t('制造日期', 'Manufactured'), children: dash(d.manufactureDate) },
        ]}
      />
      <Group
        title={t('施工与投用', 'Construction and commissioning')}
        items={[
          { key: 'installer', label: t('施工单位', 'Installer'), children: dash(d.installerName) },
          { key: 'installDate', label: t('施工日期', 'Installed'), children: dash(d.installDate) },
          { key: 'supervision', label: t('安装（改造）监督检验合格日期', 'Supervision inspection passed'), children: dash(d.installSupervisionDate) },
          { key: 'commissioning', label: t('投用日期', 'Commissioned'), children: dash(d.commissioningDate) },
          { key: 'rebased', label: t('检验基准重定日期', 'Schedule re-based'), children: dash(d.scheduleRebasedOn) },
        ]}
      />
      <Group
        title={t('相关单位', 'Parties')}
        items={[
          { key: 'use', label: t('使用单位', 'Using unit'), children: <EnterpriseLink party={{ id: d.useUnitId, name: d.useUnitName }} testId="device-use-unit" /> },
          { key: 'property', label: t('产权单位', 'Property unit'), children: <EnterpriseLink party={d.propertyUnit} /> },
          { key: 'maintenance', label: t('维保单位', 'Maintenance unit'), children: <EnterpriseLink party={d.maintenanceUnitId ? { id: d.maintenanceUnitId, name: d.maintenanceUnitName ?? '' } : null} /> },
          { key: 'inspection', label: t('检验机构', 'Inspection body'), children: <EnterpriseLink party={d.inspectionBody} /> },
          { key: 'insurance', label: t('保险（机构/险种/保额）', 'Insurance'), children: dash(insuranceText(d.insurance)) },
        ]}
      />
      <Group
        title={t('使用地点与属地', 'Place and territory')}
        items={[
          { key: 'address', label: t('使用地点', 'Address'), children: d.useAddress },
          { key: 'territory', label: t('属地', 'Territory'), children: d.territoryPath.map((p) => p.name).join(' › ') || d.territoryName },
          { key: 'regionCode', label: t('区划代码', 'Region code'), children: dash(d.regionCode) },
          { key: 'location', label: t('经纬度', 'Coordinates'), children: d.location ? `${d.location.lon}, ${d.location.lat}` : '—' },
          { key: 'siteType', label: t('使用场所', 'Site type'), children: d.siteType ? label(siteTypeLabels[d.siteType as SiteType]) || d.siteType : '—' },
          { key: 'public', label: t('为公众提供运营服务', 'Public service'), children: d.isPublicService ? t('是', 'Yes') : t('否', 'No') },
          {
            key: 'flags',
            label: t('标记', 'Flags'),
            children: d.flags.length === 0 ? '—' : <Space size={2} wrap>{d.flags.map((f) => <Tag key={f}>{label(deviceFlagLabels[f as DeviceFlag]) || f}</Tag>)}</Space>,
          },
        ]}
      />
      <Group
        title={t('技术参数', 'Technical parameters')}
        items={
          params.length === 0
            ? [{ key: 'none', label: t('参数', 'Parameters'), children: t('未录入', 'None recorded') }]
            : params.map(([k, v]) => ({ key: k, label: k, children: typeof v === 'boolean' ? (v ? t('是', 'Yes') : t('否', 'No')) : String(v) }))
        }
      />
      <Group
        title={t('状态与记录', 'Status and records')}
        items={[
          { key: 'status', label: t('使用状态', 'Status'), children: d.statusLabel },
          { key: 'statusChangedOn', label: t('状态变更日期', 'Status changed'), children: dash(d.statusChangedOn) },
          { key: 'stoppedOn', label: t('停用日期', 'Stopped on'), children: dash(d.stoppedOn) },
          { key: 'scrappedOn', label: t('报废日期', 'Scrapped on'), children: dash(d.scrappedOn) },
          { key: 'deregisteredOn', label: t('注销日期', 'Deregistered on'), children: dash(d.deregisteredOn) },
          {
            key: 'lastInspection',
            label: t('上次检验', 'Last inspection'),
            children: d.lastInspectedOn ? `${d.lastInspectedOn}${d.lastConclusion ? `（${label(inspectionConclusionLabels[d.lastConclusion])}）` : ''}` : '—',
          },
          { key: 'lastMaintained', label: t('上次维保', 'Last maintenance'), children: dash(d.lastMaintainedOn) },
          { key: 'createdAt', label: t('建档时间', 'Created'), children: formatTimestamp(d.createdAt) },
          { key: 'updatedAt', label: t('更新时间', 'Updated'), children: <Typography.Text>{formatTimestamp(d.updatedAt)}</Typography.Text> },
        ]}
      />
    </div>
  );
}
