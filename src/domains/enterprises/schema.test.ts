import { describe, it, expect } from 'vitest';
import { checkUscc } from './uscc-rules';
import {
  createEnterpriseInputSchema,
  enterpriseSchema,
  listEnterprisesQuerySchema,
  updateEnterpriseInputSchema,
  usccCalcRequestSchema,
  usccCalcResponseSchema,
} from './schema';

const territory = '3f1c2a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c';
const minimal = { creditCode: '914403001922038216', name: '华为技术有限公司', territoryOrgUnitId: territory };
const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

describe('createEnterpriseInputSchema', () => {
  it('fills defaults and normalises the credit code', () => {
    const parsed = createEnterpriseInputSchema.parse({ ...minimal, creditCode: ' ９１４４ ０３００ １９２２ ０３８２ １６ ' });
    expect(parsed).toEqual({
      creditCode: '914403001922038216',
      name: '华为技术有限公司',
      formerNames: [],
      legalRepresentative: null,
      registeredAddress: null,
      territoryOrgUnitId: territory,
      industryCode: null,
      registeredCapital: null,
      registeredCapitalCurrency: 'CNY',
      establishedOn: null,
      scaleClass: null,
      aboveDesignatedSize: false,
      highTechCertificate: null,
      contacts: [],
      status: 'active',
      tags: [],
    });
  });

  it('accepts a full record', () => {
    const parsed = createEnterpriseInputSchema.parse({
      ...minimal,
      creditCode: '9144030071526726xg',
      formerNames: ['深圳市腾讯计算机系统有限公司', '深圳市腾讯计算机系统有限公司'],
      legalRepresentative: ' 马化腾 ',
      registeredAddress: '深圳市南山区高新区科技中一路腾讯大厦35层',
      industryCode: 'I6513',
      registeredCapital: '200000',
      registeredCapitalCurrency: 'USD',
      establishedOn: '2000-02-24',
      scaleClass: 'large',
      aboveDesignatedSize: true,
      highTechCertificate: { number: 'gr202344201234', issuedOn: '2023-12-12', validUntil: '2026-12-11' },
      contacts: [
        { name: '张三', role: '质量负责人', phone: '0755-86013388转8001', email: 'zhang@example.com', isPrimary: true },
        { name: '李四', phone: '13800138000' },
      ],
      status: 'active',
      tags: ['专精特新', '专精特新', '首席质量官'],
    });
    expect(parsed).toMatchObject({
      creditCode: '9144030071526726XG',
      formerNames: ['深圳市腾讯计算机系统有限公司'],
      legalRepresentative: '马化腾',
      industryCode: '6513',
      registeredCapital: '200000.00',
      highTechCertificate: { number: 'GR202344201234' },
      contacts: [{ isPrimary: true }, { name: '李四', role: null, email: null, isPrimary: false }],
      tags: ['专精特新', '首席质量官'],
    });
  });

  it.each([
    [{ ...minimal, unknown: 1 }],
    [{ ...minimal, id: territory }],
    [{ ...minimal, version: 1 }],
    [{ ...minimal, contacts: [{ name: '张三', wechat: 'x' }] }],
    [{ ...minimal, highTechCertificate: { number: 'GR2023', issuedOn: '2023-01-01', validUntil: '2025-12-31', level: 1 } }],
  ])('rejects unknown fields (%#)', (input) => {
    expect(createEnterpriseInputSchema.safeParse(input).success).toBe(false);
  });

  it.each([
    ['914403001922038217', '统一社会信用代码有误：校验码（第18位）应为「6」，实际为「7」', 'uscc.bad_check_char'],
    ['914403001922038229', '统一社会信用代码有误：主体标识码（组织机构代码，第9–17位）19220382-2 的校验位应为「1」，实际为「2」', 'uscc.bad_org_code_check'],
    ['91440300192203821', '统一社会信用代码应为18位，实际为17位；按前17位计算，第18位校验码应为「6」', 'uscc.bad_length'],
  ])('names the credit-code problem of %s', (creditCode, message, problem) => {
    const result = createEnterpriseInputSchema.safeParse({ ...minimal, creditCode });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['creditCode'], message, params: { problem } })]);
  });

  it.each([
    ['2023-02-29', false], // not a leap year
    ['2024-02-29', true],
    ['1900-02-29', false], // 1900 is not a leap year
    ['2000-02-29', true],
    ['2023-04-31', false],
    ['2023-13-01', false],
    ['2023-1-01', false],
    ['2023/01/01', false],
    ['20230101', false],
    ['0215-06-01', false], // year outside 1900–2199
    ['2200-01-01', false],
    ['1900-01-01', true],
  ])('establishedOn %s → %s', (establishedOn, ok) => {
    expect(createEnterpriseInputSchema.safeParse({ ...minimal, establishedOn }).success).toBe(ok);
  });

  it.each([
    ['1250', '1250.00'],
    ['1250.5', '1250.50'],
    ['1250.50', '1250.50'],
    ['0', '0.00'],
    ['0.01', '0.01'],
    ['99999999999999.99', '99999999999999.99'],
  ])('registeredCapital %j → %j', (registeredCapital, expected) => {
    expect(createEnterpriseInputSchema.parse({ ...minimal, registeredCapital }).registeredCapital).toBe(expected);
  });

  it.each([['1,250.00'], ['-1'], ['+1'], ['1250.505'], ['01250'], ['1e3'], [' 1250'], [''], ['.5'], ['5.'], ['100000000000000'], [1250]])(
    'rejects registeredCapital %j',
    (registeredCapital) => {
      expect(createEnterpriseInputSchema.safeParse({ ...minimal, registeredCapital }).success).toBe(false);
    },
  );

  it.each([['3430'], ['B3435'], ['U'], ['']])('rejects industry code %j', (industryCode) => {
    const result = createEnterpriseInputSchema.safeParse({ ...minimal, industryCode });
    expect(messages(result)).toContain('不是 GB/T 4754-2017 国民经济行业分类中的代码');
  });

  it.each([
    [{ scaleClass: '大型' }],
    [{ status: '存续' }],
    [{ aboveDesignatedSize: 'true' }],
    [{ registeredCapitalCurrency: 'rmb' }],
    [{ name: '   ' }],
    [{ name: '企'.repeat(201) }],
    [{ territoryOrgUnitId: 'town-1' }],
    [{ contacts: [{ name: '张三', isPrimary: true }, { name: '李四', isPrimary: true }] }],
    [{ contacts: [{ name: '张三', phone: '电话13800138000' }] }],
    [{ contacts: [{ name: '张三', email: 'not-an-email' }] }],
    [{ highTechCertificate: { number: 'GR202344201234', issuedOn: '2023-12-12', validUntil: '2023-12-11' } }],
    [{ highTechCertificate: { number: 'GR 2023', issuedOn: '2023-12-12', validUntil: '2026-12-11' } }],
    [{ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }],
  ])('rejects %j', (patch) => {
    expect(createEnterpriseInputSchema.safeParse({ ...minimal, ...patch }).success).toBe(false);
  });
});

describe('updateEnterpriseInputSchema', () => {
  it('keeps absent fields absent (no defaults) and null as "clear"', () => {
    const parsed = updateEnterpriseInputSchema.parse({ version: 3, name: '新名称', industryCode: null });
    expect(parsed).toEqual({ version: 3, name: '新名称', industryCode: null });
    expect(Object.keys(updateEnterpriseInputSchema.parse({ version: 0 }))).toEqual(['version']);
  });

  it('validates the fields it carries', () => {
    expect(updateEnterpriseInputSchema.parse({ version: 1, creditCode: '91350900587527783p' }).creditCode).toBe('91350900587527783P');
    expect(updateEnterpriseInputSchema.safeParse({ version: 1, creditCode: '91350900587527783Q' }).success).toBe(false);
  });

  it.each([[{ name: 'x' }], [{ version: -1 }], [{ version: 1.5 }], [{ version: '1' }], [{ version: 1, unknown: true }], [{ version: 1, id: territory }]])(
    'rejects %j',
    (input) => {
      expect(updateEnterpriseInputSchema.safeParse(input).success).toBe(false);
    },
  );
});

describe('listEnterprisesQuerySchema', () => {
  it('has defaults', () => {
    expect(listEnterprisesQuerySchema.parse({})).toEqual({ page: 1, pageSize: 20, sort: 'name', includeSubunits: true });
  });

  it('parses query-string values', () => {
    expect(
      listEnterprisesQuerySchema.parse({
        q: ' 华为 ',
        page: '3',
        pageSize: '200',
        sort: '-establishedOn',
        code: ' ９１４４ 0300',
        territoryOrgUnitId: territory,
        includeSubunits: 'false',
        industry: 'c34',
        scaleClass: 'small',
        aboveDesignatedSize: 'true',
        status: 'moved_out',
        highTech: '0',
        tag: '专精特新',
      }),
    ).toEqual({
      q: '华为',
      page: 3,
      pageSize: 200,
      sort: '-establishedOn',
      code: '91440300',
      territoryOrgUnitId: territory,
      includeSubunits: false,
      industry: '34',
      scaleClass: 'small',
      aboveDesignatedSize: true,
      status: 'moved_out',
      highTech: false,
      tag: '专精特新',
    });
  });

  it.each([
    [{ pageSize: '201' }],
    [{ pageSize: '0' }],
    [{ page: '0' }],
    [{ page: 'abc' }],
    [{ page: '1.5' }],
    [{ sort: 'password' }],
    [{ sort: '--name' }],
    [{ sort: '+name' }],
    [{ code: '9144O' }],
    [{ code: '9144030019220382160' }],
    [{ industry: '3430' }],
    [{ includeSubunits: 'maybe' }],
    [{ status: 'deleted' }],
    [{ q: 'x'.repeat(101) }],
    [{ limit: '10' }],
  ])('rejects %j', (query) => {
    expect(listEnterprisesQuerySchema.safeParse(query).success).toBe(false);
  });
});

describe('enterpriseSchema', () => {
  const record = {
    id: '0b6f6f3e-3c1d-4c55-8d7e-2a4b6c8d0e1f',
    creditCode: '914403001922038216',
    name: '华为技术有限公司',
    formerNames: [],
    legalRepresentative: null,
    registeredAddress: null,
    territoryOrgUnitId: territory,
    industryCode: '3922',
    registeredCapital: '4104113182.00',
    registeredCapitalCurrency: 'CNY',
    establishedOn: '1987-09-15',
    scaleClass: 'large',
    aboveDesignatedSize: true,
    highTechCertificate: null,
    contacts: [],
    status: 'active',
    tags: [],
    version: 0,
    createdAt: '2026-11-26T08:00:00Z',
    updatedAt: '2026-11-26T08:00:00.123Z',
  };

  it('describes a stored record', () => {
    expect(enterpriseSchema.parse(record)).toEqual(record);
  });

  it.each([[{ creditCode: '9144030019220382' }], [{ registeredCapital: '1250.5' }], [{ establishedOn: '1987-02-30' }]])(
    'rejects a record with %j',
    (patch) => {
      expect(enterpriseSchema.safeParse({ ...record, ...patch }).success).toBe(false);
    },
  );
});

describe('USCC calculator schemas', () => {
  it('takes {code} only', () => {
    expect(usccCalcRequestSchema.parse({ code: ' 9144030071526726xg ' })).toEqual({ code: ' 9144030071526726xg ' });
    expect(usccCalcRequestSchema.safeParse({ code: '914403001922038216', strict: true }).success).toBe(false);
    expect(usccCalcRequestSchema.safeParse({ code: 91440300192203 }).success).toBe(false);
    expect(usccCalcRequestSchema.safeParse({ code: '9'.repeat(65) }).success).toBe(false);
  });

  it.each([['914403001922038216'], ['914403001922038217'], ['91440300192203821'], [''], ['91440300I922038216'], ['B14403001922038214']])(
    'describes checkUscc(%j) exactly',
    (code) => {
      const result = checkUscc(code);
      expect(usccCalcResponseSchema.parse(result)).toEqual(result);
    },
  );
});
