/**
 * 上报隐患 /safety/hazards/new: a phone-first, single-column form with big touch targets — photos from
 * the camera, title and description, location (text, optionally "use my location"), territory
 * (preselected from the user's unit), source (only those the role may report), proposed grade,
 * responsible enterprise and device — then "提交上报" (submit: true) or "保存草稿".
 */
import { AimOutlined, CloseCircleOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { hazardGradeLabels, hazardGrades, hazardSourceLabels, hazardSources, type HazardGrade, type HazardSource } from '../../../domains/equipment-safety/hazards/hazard-enums';
import { hazardSourceCreators } from '../../../domains/equipment-safety/hazards/hazard-record-rules';
import { hazardLimits, type CreateHazardInput } from '../../../domains/equipment-safety/hazards/hazard-schema';
import { territorialKinds, type Role } from '../../../shared/roles';
import { showFormError } from '../../components/ui/form-error';
import { OrgUnitSelect } from '../../components/ui/org-unit-select';
import { PageHeader } from '../../components/ui/page-header';
import { useI18n } from '../../lib/i18n';
import { useMe } from '../auth/api';
import { useDeviceDetail } from '../equipment/api';
import { useCreateHazard, useEnterprise } from './api';
import { PhotoUpload } from './photo-upload';
import { EnterprisePicker, EquipmentPicker } from './pickers';

type Values = {
  title: string;
  description: string;
  photos?: string[];
  address?: string;
  orgUnitId?: string;
  source?: HazardSource;
  grade?: HazardGrade;
  enterpriseId?: string;
  equipmentId?: string;
};

type Position = { lon: number; lat: number; accuracy: number };

/** The source a role reports most often, first among those it may report. */
const preferredSources: Record<Role, HazardSource | undefined> = {
  enterprise: 'self_check',
  township: 'patrol',
  department: 'supervision',
  bureau: 'supervision',
  office: 'referral',
  inspector: 'inspection_finding',
  admin: undefined,
};

export default function HazardReportPage() {
  const { t, label } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const create = useCreateHazard();
  const [uploading, setUploading] = useState(false);
  const [position, setPosition] = useState<Position | null>(null);
  const [locating, setLocating] = useState(false);
  const [equipmentAvailable, setEquipmentAvailable] = useState(true);
  const enterpriseId = Form.useWatch('enterpriseId', form);
  const isEnterprise = me?.role === 'enterprise';
  const ownEnterprise = useEnterprise(isEnterprise ? me?.enterpriseId : null);
  const onAvailability = useCallback((available: boolean) => setEquipmentAvailable(available), []);
  // Opened from a device (设备详情 → 上报隐患, `?equipmentId=`): the device, its use unit and territory come filled in.
  const [params] = useSearchParams();
  const presetDevice = useDeviceDetail(params.get('equipmentId') ?? undefined).data;
  const presetEnterprise = useEnterprise(presetDevice && !isEnterprise ? presetDevice.useUnitId : null).data;
  useEffect(() => {
    if (!presetDevice) return;
    form.setFieldsValue({
      equipmentId: presetDevice.id,
      ...(isEnterprise ? {} : { enterpriseId: presetDevice.useUnitId, orgUnitId: presetDevice.territoryOrgUnitId }),
      ...(form.getFieldValue('address') ? {} : { address: presetDevice.useAddress }),
    });
  }, [presetDevice, isEnterprise, form]);

  const sources = useMemo(() => (me ? hazardSources.filter((s) => hazardSourceCreators[s].includes(me.role)) : []), [me]);
  const initialValues = useMemo<Partial<Values>>(() => {
    if (!me) return {};
    const preferred = preferredSources[me.role];
    return {
      source: preferred && sources.includes(preferred) ? preferred : sources[0],
      orgUnitId: !isEnterprise && territorialKinds.includes(me.orgUnit.kind) ? me.orgUnit.id : undefined,
      enterpriseId: isEnterprise ? (me.enterpriseId ?? undefined) : undefined,
      photos: [],
    };
  }, [me, sources, isEnterprise]);

  if (!me) return null;
  // A township reports in its own territory; other roles anywhere in the city (the server checks the rest).
  const orgRootId = me.role === 'township' ? me.orgUnit.id : undefined;
  const canGeolocate = typeof navigator !== 'undefined' && 'geolocation' in navigator;

  const locate = () => {
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating(false);
        setPosition({ lon: Number(p.coords.longitude.toFixed(6)), lat: Number(p.coords.latitude.toFixed(6)), accuracy: Math.round(p.coords.accuracy) });
      },
      (error) => {
        setLocating(false);
        message.warning(error.code === error.PERMISSION_DENIED ? t('未获准使用位置，请填写地址', 'Location permission denied; enter the address') : t('无法获取位置，请填写地址', 'Location unavailable; enter the address'));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const send = async (values: Values, submit: boolean) => {
    const orgUnitId = isEnterprise ? ownEnterprise.data?.territoryOrgUnitId : values.orgUnitId;
    if (!orgUnitId) {
      message.error(t('请选择隐患所在属地', 'Choose the territory'));
      return;
    }
    const address = values.address?.trim();
    const location = address || position ? { ...(address ? { address } : {}), ...(position ? { lon: position.lon, lat: position.lat } : {}) } : undefined;
    const input: CreateHazardInput = {
      title: values.title.trim(),
      description: values.description.trim(),
      source: values.source as HazardSource,
      orgUnitId,
      photos: values.photos ?? [],
      ...(values.grade ? { grade: values.grade } : {}),
      ...(values.enterpriseId ? { enterpriseId: values.enterpriseId } : {}),
      ...(values.equipmentId ? { equipmentId: values.equipmentId } : {}),
      ...(location ? { location } : {}),
      submit,
    };
    try {
      const created = await create.mutateAsync(input);
      message.success(submit ? t(`已上报隐患 ${created.hazardNo ?? ''}`, `Reported ${created.hazardNo ?? ''}`) : t('已保存草稿', 'Draft saved'));
      navigate(`/safety/hazards/${created.id}`);
    } catch (error) {
      showFormError(form, error, { message, t });
    }
  };

  const finish = async (submit: boolean) => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (submit && (values.photos ?? []).length === 0) {
      const go = await modal.confirm({
        title: t('没有现场照片', 'No photo'),
        content: t('复查销号时需要整改前照片。确定不附照片提交吗？', 'Closing after verification needs a before photo. Submit without one?'),
        okText: t('仍然提交', 'Submit anyway'),
        cancelText: t('返回拍照', 'Add a photo'),
      });
      if (!go) return;
    }
    await send(values, submit);
  };

  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <PageHeader
        title={t('上报隐患', 'Report a hazard')}
        breadcrumb={[
          { key: 'board', title: t('隐患看板', 'Hazard board'), onClick: () => navigate('/safety/hazards') },
          { key: 'new', title: t('上报', 'Report') },
        ]}
      />
      <Card styles={{ body: { padding: 16 } }}>
        <Form form={form} layout="vertical" size="large" initialValues={initialValues} data-testid="hazard-report-form" requiredMark="optional">
          <Form.Item name="photos" label={t('现场照片', 'Photos')} extra={t('可直接用手机拍照，可多张', 'Use the camera; several photos allowed')}>
            <PhotoUpload testId="hazard-report-photos" onBusyChange={setUploading} />
          </Form.Item>
          <Form.Item name="title" label={t('隐患标题', 'Title')} rules={[{ required: true, whitespace: true, message: t('请填写标题', 'Enter a title') }, { max: hazardLimits.titleMax }]}>
            <Input placeholder={t('如：3 号电梯层门门锁失效', 'e.g. Lift 3 landing door lock fails')} data-testid="hazard-report-title" />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('隐患描述', 'Description')}
            rules={[{ required: true, whitespace: true, message: t('请描述隐患', 'Describe the hazard') }, { max: hazardLimits.descriptionMax }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('发现了什么、在哪个部位、可能的后果', 'What, where, possible consequences')} data-testid="hazard-report-description" />
          </Form.Item>
          <Form.Item label={t('地点', 'Location')}>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="address" noStyle rules={[{ max: hazardLimits.addressMax }]}>
                <Input placeholder={t('地址或位置描述', 'Address or description')} data-testid="hazard-report-address" />
              </Form.Item>
              {canGeolocate && (
                <Button icon={<AimOutlined />} loading={locating} onClick={locate} data-testid="hazard-report-locate">
                  {t('定位', 'Locate')}
                </Button>
              )}
            </Space.Compact>
            {position && (
              <Flex align="center" gap={4} style={{ marginTop: 4 }}>
                <Typography.Text type="secondary" data-testid="hazard-report-position">
                  {t('已定位', 'Located')} {position.lon}, {position.lat}（±{position.accuracy} m）
                </Typography.Text>
                <Button type="link" size="small" icon={<CloseCircleOutlined />} onClick={() => setPosition(null)} aria-label={t('清除定位', 'Clear location')} />
              </Flex>
            )}
          </Form.Item>
          {isEnterprise ? (
            <Form.Item label={t('属地', 'Territory')}>
              <Typography.Text>{ownEnterprise.data?.territoryName ?? me.orgUnit.name}</Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item name="orgUnitId" label={t('属地（乡镇、街道、园区、村）', 'Territory')} rules={[{ required: true, message: t('请选择属地', 'Choose the territory') }]}>
              <OrgUnitSelect
                rootId={orgRootId}
                allowClear={false}
                isSelectable={(o) => territorialKinds.includes(o.kind)}
                style={{ width: '100%' }}
                testId="hazard-report-org"
              />
            </Form.Item>
          )}
          <Form.Item name="source" label={t('来源', 'Source')} rules={[{ required: true, message: t('请选择来源', 'Choose the source') }]}>
            <Select options={sources.map((s) => ({ value: s, label: label(hazardSourceLabels[s]) }))} data-testid="hazard-report-source" />
          </Form.Item>
          <Form.Item name="grade" label={t('建议等级', 'Proposed grade')} extra={t('由核定单位最终定级；不确定可不选', 'The reviewer decides; leave empty if unsure')}>
            <Radio.Group optionType="button" buttonStyle="solid" data-testid="hazard-report-grade">
              {hazardGrades.map((g) => (
                <Radio.Button key={g} value={g} style={{ minWidth: 96, textAlign: 'center' }}>
                  {label(hazardGradeLabels[g])}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item name="enterpriseId" label={t('整改责任单位（企业）', 'Responsible enterprise')} extra={isEnterprise ? undefined : t('公共场所无使用单位时可不选，由属地负责整改', 'Leave empty for public places (the territory is responsible)')}>
            <EnterprisePicker
              testId="hazard-report-enterprise"
              disabled={isEnterprise}
              preset={presetEnterprise}
              onChange={(id, option) => {
                form.setFieldsValue({ enterpriseId: id, equipmentId: undefined });
                if (option && !form.getFieldValue('orgUnitId') && !isEnterprise) form.setFieldValue('orgUnitId', option.territoryOrgUnitId);
              }}
            />
          </Form.Item>
          <Form.Item name="equipmentId" label={t('涉及设备', 'Device')} hidden={!equipmentAvailable}>
            <EquipmentPicker testId="hazard-report-equipment" usingUnitId={enterpriseId} onAvailability={onAvailability} preset={presetDevice} />
          </Form.Item>
          <Flex vertical gap={12} style={{ marginTop: 8 }}>
            <Button type="primary" size="large" block icon={<SendOutlined />} loading={create.isPending} disabled={uploading} onClick={() => void finish(true)} data-testid="hazard-report-submit">
              {uploading ? t('照片上传中…', 'Uploading photos…') : t('提交上报', 'Submit')}
            </Button>
            <Button size="large" block icon={<SaveOutlined />} loading={create.isPending} disabled={uploading} onClick={() => void finish(false)} data-testid="hazard-report-draft">
              {t('保存草稿', 'Save draft')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </div>
  );
}
