import { Alert, App, Button, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import type { CreateOrgUnitInput, OrgUnit, UpdateOrgUnitInput } from '../../../../domains/org/schema';
import { isTerritorial } from '../../../../domains/org/rules';
import { ADDRESS_MAX, CONTACT_PHONE_MAX, ORG_CODE_PATTERN, ORG_NAME_MAX } from '../../../../shared/limits';
import { isRegionCodeWithin, isValidRegionCode, parseRegionCode } from '../../../../shared/region-code';
import { orgUnitKindLabels, type OrgUnitKind } from '../../../../shared/roles';
import { isStaleVersion, showFormError } from '../../../components/ui/form-error';
import { ModalFooter } from '../../../components/ui/modal-footer';
import { useI18n } from '../../../lib/i18n';
import { useCreateOrgUnit, useUpdateOrgUnit } from '../api';

export type OrgFormTarget =
  | { mode: 'create'; parent: OrgUnit; kinds: OrgUnitKind[] }
  | { mode: 'edit'; unit: OrgUnit; parentRegionCode: string | null };

type Values = {
  kind?: OrgUnitKind;
  code?: string;
  name: string;
  shortName?: string | null;
  regionCode?: string | null;
  sortOrder?: number | null;
  contactPerson?: string | null;
  contactPhone?: string | null;
  address?: string | null;
};

const blankToNull = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());

type FormProps = { target: OrgFormTarget; onClose(): void; onSaved(id: string): void; onRefresh(): void };

/** Create a child unit, or edit/rename a unit (optimistic locking with `version`). */
export function OrgUnitFormModal({ target, onClose, onSaved, onRefresh }: Omit<FormProps, 'target'> & { target: OrgFormTarget | null }) {
  const { t } = useI18n();
  const title =
    target?.mode === 'create'
      ? t(`在「${target.parent.name}」下新建单位`, `New unit under ${target.parent.name}`)
      : target?.mode === 'edit'
        ? t(`修改「${target.unit.name}」`, `Edit ${target.unit.name}`)
        : '';
  return (
    <Modal open={target !== null} title={title} onCancel={onClose} destroyOnHidden width={560} footer={null}>
      {target && <OrgUnitForm target={target} onClose={onClose} onSaved={onSaved} onRefresh={onRefresh} />}
    </Modal>
  );
}

function initialValues(target: OrgFormTarget): Partial<Values> {
  if (target.mode === 'create') {
    return { kind: target.kinds.length === 1 ? target.kinds[0] : undefined, regionCode: target.parent.regionCode ?? undefined, sortOrder: 0 };
  }
  const u = target.unit;
  return { name: u.name, shortName: u.shortName, regionCode: u.regionCode, sortOrder: u.sortOrder, contactPerson: u.contactPerson, contactPhone: u.contactPhone, address: u.address };
}

function OrgUnitForm({ target, onClose, onSaved, onRefresh }: FormProps) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [stale, setStale] = useState(false);
  const create = useCreateOrgUnit();
  const update = useUpdateOrgUnit();
  const kind = Form.useWatch('kind', form) ?? (target.mode === 'edit' ? target.unit.kind : undefined);
  const parentRegionCode = target.mode === 'create' ? target.parent.regionCode : target.parentRegionCode;
  const territorial = kind ? isTerritorial(kind) : false;
  const regionCode = Form.useWatch('regionCode', form);

  const submit = async (values: Values) => {
    try {
      if (target.mode === 'create') {
        const input: CreateOrgUnitInput = {
          parentId: target.parent.id,
          kind: values.kind as OrgUnitKind,
          code: (values.code ?? '').trim().toLowerCase(),
          name: values.name.trim(),
          shortName: blankToNull(values.shortName),
          regionCode: territorial ? blankToNull(values.regionCode) : null,
          sortOrder: values.sortOrder ?? 0,
          contactPerson: blankToNull(values.contactPerson),
          contactPhone: blankToNull(values.contactPhone),
          address: blankToNull(values.address),
        };
        const created = await create.mutateAsync(input);
        message.success(t(`已新建「${created.name}」`, `Created ${created.name}`));
        onSaved(created.id);
      } else {
        const u = target.unit;
        const input: UpdateOrgUnitInput = { version: u.version };
        if (values.name.trim() !== u.name) input.name = values.name.trim();
        const text = { shortName: values.shortName, contactPerson: values.contactPerson, contactPhone: values.contactPhone, address: values.address } as const;
        for (const key of Object.keys(text) as Array<keyof typeof text>) {
          const next = blankToNull(text[key]);
          if (next !== u[key]) input[key] = next;
        }
        if (territorial && blankToNull(values.regionCode) !== u.regionCode) input.regionCode = blankToNull(values.regionCode);
        if ((values.sortOrder ?? 0) !== u.sortOrder) input.sortOrder = values.sortOrder ?? 0;
        if (Object.keys(input).length === 1) {
          message.info(t('没有修改', 'Nothing changed'));
          onClose();
          return;
        }
        await update.mutateAsync({ id: u.id, input });
        message.success(t('已保存', 'Saved'));
        onSaved(u.id);
      }
    } catch (error) {
      if (isStaleVersion(error)) setStale(true);
      showFormError(form, error, { message, t });
    }
  };

  const regionHint = parentRegionCode
    ? t(`须在上级辖区 ${parentRegionCode} 之内`, `Must lie within the parent's territory ${parentRegionCode}`)
    : t('GB/T 2260 六位代码', 'Six-digit GB/T 2260 code');

  return (
    <>
      {stale && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('该单位已被他人修改，请刷新后再改', 'Someone else changed this unit; refresh and edit again')}
          action={
            <Button size="small" onClick={onRefresh} data-testid="org-form-refresh">
              {t('刷新', 'Refresh')}
            </Button>
          }
          data-testid="org-form-stale"
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues(target)} data-testid="org-form" requiredMark>
        {target.mode === 'create' && (
          <>
            <Form.Item name="kind" label={t('单位类型', 'Kind')} rules={[{ required: true, message: t('请选择类型', 'Choose a kind') }]}>
              <Select
                options={target.kinds.map((k) => ({ value: k, label: label(orgUnitKindLabels[k]) }))}
                onChange={(k: OrgUnitKind) => {
                  if (!isTerritorial(k)) form.setFieldValue('regionCode', null);
                  else if (!form.getFieldValue('regionCode')) form.setFieldValue('regionCode', target.parent.regionCode);
                }}
                data-testid="org-form-kind"
              />
            </Form.Item>
            <Form.Item
              name="code"
              label={t('单位编码', 'Code')}
              extra={t('2–40 位小写字母、数字或连字符，创建后不可修改，如 village-changle-xinghe', '2–40 lower-case letters, digits or hyphens; fixed once created')}
              normalize={(v: string) => v?.toLowerCase()}
              rules={[
                { required: true, message: t('请填写编码', 'Enter a code') },
                { pattern: ORG_CODE_PATTERN, message: t('编码为 2–40 位小写字母、数字或连字符', '2–40 lower-case letters, digits or hyphens') },
              ]}
            >
              <Input autoComplete="off" data-testid="org-form-code" />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="name"
          label={t('单位名称', 'Name')}
          rules={[
            { required: true, whitespace: true, message: t('请填写名称', 'Enter a name') },
            { min: 2, max: ORG_NAME_MAX, message: t(`名称 2–${ORG_NAME_MAX} 个字`, `2–${ORG_NAME_MAX} characters`) },
          ]}
        >
          <Input data-testid="org-form-name" />
        </Form.Item>
        <Form.Item name="shortName" label={t('简称', 'Short name')} rules={[{ max: 20 }]}>
          <Input data-testid="org-form-short-name" />
        </Form.Item>
        {territorial && (
          <Form.Item
            name="regionCode"
            label={t('行政区划代码', 'Region code')}
            extra={regionHint}
            rules={[
              { required: true, message: t('属地单位须填写行政区划代码', 'Territorial units need a region code') },
              {
                validator: async (_, value: string | null | undefined) => {
                  const code = (value ?? '').trim();
                  if (!code) return;
                  if (!isValidRegionCode(code)) throw new Error(t('须为 6 位数字且省级前缀有效（GB/T 2260）', 'Six digits with a valid province prefix (GB/T 2260)'));
                  if (parentRegionCode && !isRegionCodeWithin(code, parentRegionCode)) {
                    throw new Error(t(`不在上级辖区 ${parentRegionCode} 之内`, `Outside the parent's territory ${parentRegionCode}`));
                  }
                },
              },
            ]}
          >
            <Input
              maxLength={6}
              inputMode="numeric"
              data-testid="org-form-region-code"
              suffix={<RegionName code={regionCode} />}
            />
          </Form.Item>
        )}
        <Form.Item name="sortOrder" label={t('排序', 'Sort order')}>
          <InputNumber min={0} max={9999} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="contactPerson" label={t('联系人', 'Contact person')} rules={[{ max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('联系电话', 'Contact phone')} rules={[{ max: CONTACT_PHONE_MAX }]}>
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item name="address" label={t('地址', 'Address')} rules={[{ max: ADDRESS_MAX }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
      </Form>
      <ModalFooter onCancel={onClose} onOk={() => form.submit()} loading={create.isPending || update.isPending} okTestId="org-form-submit" />
    </>
  );
}

function RegionName({ code }: { code: string | null | undefined }) {
  const parsed = code ? parseRegionCode(code.trim()) : null;
  return <span style={{ color: '#999', fontSize: 12 }}>{parsed?.provinceName ?? ''}</span>;
}
