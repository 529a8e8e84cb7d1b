import { describe, expect, it } from 'vitest';
import { buildUscc } from '../../../domains/enterprises/uscc-rules';
import { certificateState, enterpriseFieldText, formatCapital, industryText, usccFeedback } from './enterprise-format';

const valid = buildUscc({ dept: '9', category: '1', region: '320684', orgCodeBody8: 'MA1T0001' });
const wrongCheck = `${valid.slice(0, 17)}${valid.endsWith('0') ? '1' : '0'}`;

describe('usccFeedback (the server’s rule, live)', () => {
  it('is quiet while typing and names the next check character at 17', () => {
    expect(usccFeedback('').status).toBe('empty');
    expect(usccFeedback('91320684').status).toBe('incomplete');
    const seventeen = usccFeedback(valid.slice(0, 17));
    expect(seventeen.status).toBe('incomplete');
    expect(seventeen.problems[0]).toContain(`第18位校验码应为「${valid.charAt(17)}」`);
  });

  it('accepts a valid code, normalised (spaces, lower case, full width)', () => {
    const typed = ` ${valid.slice(0, 6).toLowerCase()} ${valid.slice(6)}`;
    expect(usccFeedback(typed)).toMatchObject({ status: 'valid', code: valid, problems: [] });
    expect(usccFeedback(valid).parsed.regionCode).toBe('320684');
  });

  it('says which check character is expected, and points at bad characters and regions', () => {
    const wrong = usccFeedback(wrongCheck);
    expect(wrong.status).toBe('invalid');
    expect(wrong.problems).toContain(`校验码（第18位）应为「${valid.charAt(17)}」，实际为「${wrongCheck.charAt(17)}」`);
    expect(usccFeedback('91320684MA1T0O01X').problems.join()).toContain('第14位「O」');
    expect(usccFeedback(`${valid}1`).problems[0]).toContain('应为18位，实际为19位');
  });
});

describe('display helpers', () => {
  it('shows capital in 万 of its currency', () => {
    expect(formatCapital('12505000.00')).toBe('1250.5 万元');
    expect(formatCapital('500000.00', 'USD')).toBe('50 万美元');
    expect(formatCapital(null)).toBe('—');
  });

  it('names industries by code', () => {
    expect(industryText('C')).toBe('C 制造业');
    expect(industryText(null)).toBe('—');
  });

  it('tells valid, expiring, expired and not-yet-valid certificates apart', () => {
    const cert = { issuedOn: '2024-01-10', validUntil: '2026-12-31' };
    expect(certificateState(cert, '2025-06-01')).toEqual({ state: 'valid', daysLeft: 578 });
    expect(certificateState(cert, '2026-12-01')).toEqual({ state: 'expiring', daysLeft: 30 });
    expect(certificateState(cert, '2026-12-31').state).toBe('expiring');
    expect(certificateState(cert, '2027-01-01').state).toBe('expired');
    expect(certificateState(cert, '2023-01-01').state).toBe('not_yet');
  });

  it('renders history values of enterprise fields readably', () => {
    const ctx = { label: (l: { zh: string } | undefined) => l?.zh ?? '', t: (zh: string) => zh, orgName: (id: string) => (id === 'u1' ? '常乐镇' : undefined) };
    expect(enterpriseFieldText('territoryOrgUnitId', 'u1', ctx)).toBe('常乐镇');
    expect(enterpriseFieldText('status', 'revoked', ctx)).toBe('吊销');
    expect(enterpriseFieldText('scaleClass', 'micro', ctx)).toBe('微型');
    expect(enterpriseFieldText('aboveDesignatedSize', true, ctx)).toBe('规上');
    expect(enterpriseFieldText('registeredCapital', '5000000.00', ctx)).toBe('500 万元');
    expect(enterpriseFieldText('highTechCertificate', { number: 'GR2023', issuedOn: '2023-11-06', validUntil: '2026-11-05' }, ctx)).toBe('GR2023（2023-11-06 至 2026-11-05）');
    expect(enterpriseFieldText('contacts', [{ name: '李四', role: '质量负责人', phone: '0513-1', isPrimary: true }], ctx)).toBe('李四（质量负责人） 0513-1 [主要]');
    expect(enterpriseFieldText('name', 'x', ctx)).toBeUndefined();
  });
});
