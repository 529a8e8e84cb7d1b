/**
 * The fields of the enterprise form in three sections: 登记信息 (registration data, which after
 * creation only the market-supervision bureau may change), 监管信息 (supervision data) and 联系人.
 * Field names are the API's, so the server's field errors land on them.
 */
import { Alert, Col, DatePicker, Divider, Form, Input, Row, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { wanAmountPattern } from '../../../domains/enterprises/capital-rules';
import { enterpriseStatuses, enterpriseStatusLabels, enterpriseTerritoryKinds, scaleClasses, scaleClassLabels } from '../../../domains/enterprises/enterprise-enums';
import { ENTERPRISE_ADDRESS_MAX, ENTERPRISE_FORMER_NAMES_MAX_COUNT, ENTERPRISE_HIGH_TECH_CERT_NO_MAX, ENTERPRISE_NAME_MAX, ENTERPRISE_PERSON_NAME_MAX, ENTERPRISE_TAGS_MAX_COUNT } from '../../../shared/limits';
import type { OrgUnitKind } from '../../../shared/roles';
import { OrgUnitSelect } from '../../components/ui/org-unit-select';
import { useI18n } from '../../lib/i18n';
import { ContactsFields } from './contacts-fields';
import { CreditCodeFormItem } from './credit-code-field';
import { currencyOptions } from './enterprise-labels';
import { IndustrySelect } from './industry-select';

const isTerritory = (o: { kind: OrgUnitKind }) => (enterpriseTerritoryKinds as readonly OrgUnitKind[]).includes(o.kind);
const noFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

export type EnterpriseFormFieldsProps = {
  creating: boolean;
  /** May change registration data (always on creation). */
  registry: boolean;
  /** May change supervision data. */
  supervision: boolean;
  /** Township users choose only territories in their own unit. */
  territoryRootId?: string;
};

export function EnterpriseFormFields({ creating, registry, supervision, territoryRootId }: EnterpriseFormFieldsProps) {
  const { t, label } = useI18n();
  const hasCert = Form.useWatch<boolean | undefined>('hasHighTechCertificate');
  const half = { xs: 24, md: 12 };
  return (
    <>
      <Divider titlePlacement="start" style={{ marginTop: 0 }}>
        {t('登记信息', 'Registration')}
      </Divider>
      {!registry && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('登记信息以市场监管登记为准，只能由市场监管局修改', 'Registration data follows the market-supervision register; only the bureau changes it')}
        />
      )}
      <Row gutter={16}>
        <Col {...half}>
          <CreditCodeFormItem disabled={!registry} />
        </Col>
        <Col {...half}>
          <Form.Item name="name" label={t('企业名称', 'Name')} rules={[{ required: true, whitespace: true, message: t('请填写企业名称', 'Enter the name') }, { max: ENTERPRISE_NAME_MAX }]}>
            <Input disabled={!registry} data-testid="enterprise-form-name" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="formerNames" label={t('曾用名', 'Former names')} extra={t('输入后按回车，可填多个', 'Press Enter after each')}>
            <Select mode="tags" open={false} maxCount={ENTERPRISE_FORMER_NAMES_MAX_COUNT} disabled={!registry} tokenSeparators={['；', ';', '、']} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="legalRepresentative" label={t('法定代表人', 'Legal representative')} rules={[{ max: ENTERPRISE_PERSON_NAME_MAX }]}>
            <Input disabled={!registry} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="registeredAddress" label={t('注册地址', 'Registered address')} rules={[{ max: ENTERPRISE_ADDRESS_MAX }]}>
            <Input disabled={!registry} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label={t('注册资本', 'Registered capital')} required={false}>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="registeredCapital" noStyle rules={[{ pattern: wanAmountPattern, message: t('请填写以万为单位的金额，最多 6 位小数，如 1250.5', 'Amount in 10,000s, up to 6 decimals') }]}>
                <Input disabled={!registry} inputMode="decimal" placeholder="1250.5" style={{ width: '60%' }} data-testid="enterprise-form-capital" />
              </Form.Item>
              <Form.Item name="registeredCapitalCurrency" noStyle>
                <Select disabled={!registry} style={{ width: '40%' }} options={currencyOptions.map((c) => ({ value: c.value, label: label(c.unit) }))} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="establishedOn" label={t('成立日期', 'Established on')}>
            <DatePicker disabled={!registry} disabledDate={noFuture} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {creating && (
          <Col xs={12} md={6}>
            <Form.Item name="status" label={t('登记状态', 'Status')}>
              <Select options={enterpriseStatuses.map((s) => ({ value: s, label: label(enterpriseStatusLabels[s]) }))} />
            </Form.Item>
          </Col>
        )}
      </Row>

      <Divider titlePlacement="start">{t('监管信息', 'Supervision')}</Divider>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="territoryOrgUnitId" label={t('属地（镇、街道、园区）', 'Territory (township, street, park)')} rules={[{ required: true, message: t('请选择属地', 'Choose the territory') }]}>
            <OrgUnitSelect rootId={territoryRootId} isSelectable={isTerritory} allowClear={false} disabled={!supervision} placeholder={t('选择镇、街道或园区', 'Choose a township, street or park')} style={{ width: '100%' }} testId="enterprise-form-territory" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="industryCode" label={t('行业（GB/T 4754-2017）', 'Industry (GB/T 4754-2017)')} extra={t('可选任一级，建议选到小类（4 位）', 'Any level; a 4-digit class is best')}>
            <IndustrySelect disabled={!supervision} style={{ width: '100%' }} testId="enterprise-form-industry" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="scaleClass" label={t('企业规模', 'Scale')}>
            <Select allowClear disabled={!supervision} options={scaleClasses.map((s) => ({ value: s, label: label(scaleClassLabels[s]) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="aboveDesignatedSize" label={t('规模以上企业', 'Above designated size')} valuePropName="checked">
            <Switch disabled={!supervision} checkedChildren={t('规上', 'Yes')} unCheckedChildren={t('规下', 'No')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="tags" label={t('标签', 'Tags')} extra={t('如 专精特新、出口企业；输入后按回车', 'e.g. 专精特新; press Enter after each')}>
            <Select mode="tags" open={false} maxCount={ENTERPRISE_TAGS_MAX_COUNT} disabled={!supervision} tokenSeparators={['；', ';', '、', ',', '，']} data-testid="enterprise-form-tags" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="hasHighTechCertificate" valuePropName="checked" style={{ marginBottom: hasCert ? 8 : undefined }}>
            <Switch disabled={!supervision} checkedChildren={t('持有高新技术企业证书', 'High-tech certificate')} unCheckedChildren={t('无高新技术企业证书', 'No high-tech certificate')} />
          </Form.Item>
        </Col>
        {hasCert && (
          <>
            <Col xs={24} md={8}>
              <Form.Item name={['highTechCertificate', 'number']} label={t('证书编号', 'Certificate no.')} rules={[{ required: true, whitespace: true, message: t('请填写证书编号', 'Enter the number') }, { max: ENTERPRISE_HIGH_TECH_CERT_NO_MAX }]}>
                <Input disabled={!supervision} placeholder="GR202332001234" />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name={['highTechCertificate', 'issuedOn']} label={t('发证日期', 'Issued on')} rules={[{ required: true, message: t('请选择发证日期', 'Choose the date') }]}>
                <DatePicker disabled={!supervision} disabledDate={noFuture} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item
                name={['highTechCertificate', 'validUntil']}
                label={t('有效期至', 'Valid until')}
                dependencies={[['highTechCertificate', 'issuedOn']]}
                rules={[
                  { required: true, message: t('请选择有效期', 'Choose the date') },
                  ({ getFieldValue }) => ({
                    validator: async (_, value: Dayjs | undefined) => {
                      const issued = getFieldValue(['highTechCertificate', 'issuedOn']) as Dayjs | undefined;
                      if (value && issued && value.isBefore(issued, 'day')) throw new Error(t('有效期至不能早于发证日期', 'Must not be before the issue date'));
                    },
                  }),
                ]}
              >
                <DatePicker disabled={!supervision} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </>
        )}
      </Row>

      <Divider titlePlacement="start">{t('联系人', 'Contacts')}</Divider>
      <ContactsFields disabled={!supervision} />
    </>
  );
}
