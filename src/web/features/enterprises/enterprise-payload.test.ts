import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { Enterprise } from '../../../domains/enterprises/schema';
import { createEnterpriseInputSchema, updateEnterpriseInputSchema } from '../../../domains/enterprises/schema';
import { buildUscc } from '../../../domains/enterprises/uscc-rules';
import { createPayload, enterpriseErrorField, formValuesOf, updatePayload, type EnterpriseFormValues } from './enterprise-payload';

const code = buildUscc({ dept: '9', category: '1', region: '320684', orgCodeBody8: 'MA1T0002' });
const territory = '0b6a6f0e-3c55-4c1e-9d35-6f5f3b0f0a01';

const values: EnterpriseFormValues = {
  creditCode: ` ${code.toLowerCase()} `,
  name: ' 海门测试机械有限公司 ',
  formerNames: ['海门测试农机厂', ' ', '海门测试农机厂'],
  legalRepresentative: '张三',
  registeredAddress: '  ',
  territoryOrgUnitId: territory,
  industryCode: '3435',
  registeredCapital: '1250.5',
  establishedOn: dayjs('2012-05-18'),
  scaleClass: 'small',
  aboveDesignatedSize: true,
  hasHighTechCertificate: true,
  highTechCertificate: { number: 'gr202332001234', issuedOn: dayjs('2023-11-06'), validUntil: dayjs('2026-11-05') },
  contacts: [{ name: '李四', phone: '0513-82345678', isPrimary: true }, { name: ' ' }],
  tags: ['专精特新', ''],
};

describe('createPayload', () => {
  it('turns the form into the API’s create body (元, ISO dates, nulls, cleaned lists) that the server schema accepts', () => {
    const body = createPayload(values);
    expect(body).toMatchObject({
      creditCode: code,
      name: '海门测试机械有限公司',
      formerNames: ['海门测试农机厂'],
      registeredAddress: null,
      registeredCapital: '12505000.00',
      registeredCapitalCurrency: 'CNY',
      establishedOn: '2012-05-18',
      highTechCertificate: { number: 'GR202332001234', issuedOn: '2023-11-06', validUntil: '2026-11-05' },
      contacts: [{ name: '李四', role: null, phone: '0513-82345678', email: null, isPrimary: true }],
      status: 'active',
      tags: ['专精特新'],
    });
    expect(createEnterpriseInputSchema.safeParse(body).success).toBe(true);
  });

  it('drops the certificate when the switch is off', () => {
    expect(createPayload({ ...values, hasHighTechCertificate: false }).highTechCertificate).toBeNull();
  });
});

describe('updatePayload', () => {
  const stored: Enterprise = {
    ...createPayload(values),
    id: '0b6a6f0e-3c55-4c1e-9d35-6f5f3b0f0a02',
    version: 4,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };

  it('sends only the changed fields with the version', () => {
    const initial = formValuesOf(stored);
    const edited: EnterpriseFormValues = {
      ...initial,
      establishedOn: dayjs(initial.establishedOn),
      highTechCertificate: { number: 'GR202332001234', issuedOn: dayjs('2023-11-06'), validUntil: dayjs('2026-11-05') },
      registeredCapital: '800',
      tags: ['专精特新', '出口企业'],
    };
    const patch = updatePayload(edited, stored);
    expect(patch).toEqual({ version: 4, registeredCapital: '8000000.00', tags: ['专精特新', '出口企业'] });
    expect(updateEnterpriseInputSchema.safeParse(patch).success).toBe(true);
  });

  it('answers null when nothing changed, and never sends the status', () => {
    const initial = formValuesOf(stored);
    const same: EnterpriseFormValues = {
      ...initial,
      establishedOn: dayjs(initial.establishedOn),
      highTechCertificate: { number: 'GR202332001234', issuedOn: dayjs('2023-11-06'), validUntil: dayjs('2026-11-05') },
      status: 'revoked',
    };
    expect(updatePayload(same, stored)).toBeNull();
  });
});

describe('enterpriseErrorField', () => {
  it('puts domain refusals on the field they are about', () => {
    expect(enterpriseErrorField('enterprise.duplicate_credit_code')).toEqual(['creditCode']);
    expect(enterpriseErrorField('enterprise.future_certificate_issued_on')).toEqual(['highTechCertificate', 'issuedOn']);
    expect(enterpriseErrorField('enterprise.stale_version')).toBeNull();
  });
});
