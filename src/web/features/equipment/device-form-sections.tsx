/**
 * The sections of the register-device form (分类与产品, 施工与投用, 相关单位, 使用地点与属地): fields named
 * as in `POST /equipment` so the API's field errors land on them.
 */
import { Card, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { deviceFlagLabels, deviceFlags, safetyGrades, siteTypeLabels, siteTypes } from '../../../domains/equipment-safety/equipment/enums';
import { OrgUnitSelect } from '../../components/ui/org-unit-select';
import { useI18n } from '../../lib/i18n';
import { territorialKinds } from '../../../shared/roles';
import { CatalogueCascader } from './catalogue-cascader';
import { EnterpriseSelect } from './enterprise-select';
import { registryCategoryCodes } from './equipment-format';

const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');
const cell = { flex: '1 1 220px' } as const;

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 12 }}>
      {children}
    </Card>
  );
}

function DateItem({ name, label }: { name: string; label: string }) {
  return (
    <Form.Item name={name} label={label} style={cell}>
      <DatePicker disabledDate={notFuture} style={{ width: '100%' }} data-testid={`device-form-${name}`} />
    </Form.Item>
  );
}

export function ProductSection({ category }: { category: string | undefined }) {
  const { t } = useI18n();
  const hasGrade = category === '2000' || category === '8000';
  return (
    <Section title={t('分类与产品', 'Classification and product')}>
      <Form.Item
        name="classification"
        label={t('设备种类 / 类别 / 品种', 'Category / kind / variety')}
        extra={t('按《特种设备目录》选择到最末一级（没有品种的选到类别）', 'Pick down to the last level of the catalogue')}
        rules={[{ required: true, message: t('请选择设备种类、类别和品种', 'Choose the classification') }]}
      >
        <CatalogueCascader only={registryCategoryCodes} style={{ width: '100%' }} testId="device-form-classification" />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="productName" label={t('设备名称', 'Device name')} rules={[{ required: true, whitespace: true, message: t('请填写设备名称', 'Enter the name') }]} style={cell}>
          <Input maxLength={100} data-testid="device-form-name" />
        </Form.Item>
        <Form.Item name="model" label={t('型号（规格）', 'Model')} style={cell}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="factoryNo" label={t('产品编号（出厂编号）', 'Serial no.')} style={cell}>
          <Input maxLength={64} />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item name="internalNo" label={t('单位内编号', 'Internal no.')} style={cell}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="designLifeYears" label={t('设计使用年限（年）', 'Design life (years)')} style={cell}>
          <InputNumber min={1} max={100} style={{ width: '100%' }} />
        </Form.Item>
        {hasGrade && (
          <Form.Item name="safetyGrade" label={t('安全状况等级', 'Safety grade')} style={cell}>
            <Select allowClear options={safetyGrades.map((g) => ({ value: g, label: t(`${g} 级`, `Grade ${g}`) }))} />
          </Form.Item>
        )}
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item name="manufacturerName" label={t('制造单位', 'Manufacturer')} style={cell}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="manufacturerLicenceNo" label={t('制造许可证编号', 'Licence no.')} style={cell}>
          <Input maxLength={64} />
        </Form.Item>
        <DateItem name="manufactureDate" label={t('制造日期', 'Manufactured on')} />
      </Flex>
    </Section>
  );
}

export function ConstructionSection({ isElevator }: { isElevator: boolean }) {
  const { t } = useI18n();
  return (
    <Section title={t('施工与投用', 'Construction and commissioning')}>
      <Flex gap={12} wrap>
        <Form.Item name="installerName" label={t('施工（安装）单位', 'Installer')} style={cell}>
          <Input maxLength={200} />
        </Form.Item>
        <DateItem name="installDate" label={t('施工日期', 'Installed on')} />
        <DateItem name="installSupervisionDate" label={isElevator ? t('安装监督检验合格日期（电梯检验基准）', 'Supervision passed (elevator base date)') : t('安装（改造）监督检验合格日期', 'Supervision passed')} />
        <DateItem name="commissioningDate" label={t('投用日期', 'Commissioned on')} />
      </Flex>
    </Section>
  );
}

export function PartiesSection({ isElevator, onUsingUnit }: { isElevator: boolean; onUsingUnit(territoryId: string | undefined): void }) {
  const { t } = useI18n();
  return (
    <Section title={t('相关单位', 'Parties')}>
      <Flex gap={12} wrap>
        <Form.Item name="usingUnitId" label={t('使用单位', 'Using unit')} rules={[{ required: true, message: t('请选择使用单位', 'Choose the using unit') }]} style={cell}>
          <EnterpriseSelect style={{ width: '100%' }} onChange={(_, option) => onUsingUnit(option?.territoryOrgUnitId)} testId="device-form-using-unit" />
        </Form.Item>
        <Form.Item name="propertyUnitId" label={t('产权单位（与使用单位不同时）', 'Property unit')} style={cell}>
          <EnterpriseSelect style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item
          name="maintenanceUnitId"
          label={t('维保单位', 'Maintenance unit')}
          rules={isElevator ? [{ required: true, message: t('电梯须有维保单位', 'Elevators need a maintenance unit') }] : []}
          extra={isElevator ? t('电梯办理使用登记须有维保单位', 'Required for elevators') : undefined}
          style={cell}
        >
          <EnterpriseSelect style={{ width: '100%' }} testId="device-form-maintenance-unit" />
        </Form.Item>
        <Form.Item name="inspectionBodyId" label={t('检验机构', 'Inspection body')} style={cell}>
          <EnterpriseSelect style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
    </Section>
  );
}

export function PlaceSection({ orgRootId }: { orgRootId: string | undefined }) {
  const { t, label } = useI18n();
  return (
    <Section title={t('使用地点与属地', 'Place and territory')}>
      <Flex gap={12} wrap>
        <Form.Item name="territoryOrgUnitId" label={t('属地（镇、街道、园区或村）', 'Territory')} rules={[{ required: true, message: t('请选择属地', 'Choose the territory') }]} style={cell}>
          <OrgUnitSelect rootId={orgRootId} isSelectable={(o) => territorialKinds.includes(o.kind) && o.kind !== 'city'} style={{ width: '100%' }} testId="device-form-territory" />
        </Form.Item>
        <Form.Item name="useAddress" label={t('使用地点', 'Address')} rules={[{ required: true, whitespace: true, message: t('请填写使用地点', 'Enter the address') }]} style={{ flex: '2 1 320px' }}>
          <Input maxLength={200} data-testid="device-form-address" />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item name={['location', 'lon']} label={t('经度', 'Longitude')} style={cell}>
          <InputNumber min={-180} max={180} step={0.000001} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name={['location', 'lat']} label={t('纬度', 'Latitude')} style={cell}>
          <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('区划代码', 'Region code')} style={cell}>
          <Input maxLength={12} />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap align="center">
        <Form.Item name="siteType" label={t('使用场所', 'Site type')} style={cell}>
          <Select allowClear options={siteTypes.map((s) => ({ value: s, label: label(siteTypeLabels[s]) }))} />
        </Form.Item>
        <Form.Item name="isPublicService" label={t('为公众提供运营服务', 'Public service')} valuePropName="checked" style={cell}>
          <Switch />
        </Form.Item>
        <Form.Item name="flags" label={t('标记', 'Flags')} style={{ flex: '2 1 320px' }}>
          <Checkbox.Group options={deviceFlags.map((f) => ({ value: f, label: label(deviceFlagLabels[f]) }))} />
        </Form.Item>
      </Flex>
    </Section>
  );
}
