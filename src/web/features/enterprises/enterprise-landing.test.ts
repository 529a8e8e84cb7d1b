import { describe, expect, it } from 'vitest';
import { landingPath } from './enterprise-landing';

describe('landingPath', () => {
  const ent = { id: 'u1', role: 'enterprise' as const, enterpriseId: 'e1' };
  it('sends an enterprise user to their enterprise once per session', () => {
    expect(landingPath(ent, null)).toBe('/enterprises/e1');
    expect(landingPath(ent, 'u1')).toBeNull();
    expect(landingPath(ent, 'someone-else')).toBe('/enterprises/e1');
  });
  it('leaves everyone else on the home page', () => {
    expect(landingPath({ id: 'u2', role: 'office', enterpriseId: null }, null)).toBeNull();
    expect(landingPath({ id: 'u3', role: 'enterprise', enterpriseId: null }, null)).toBeNull();
    expect(landingPath(null, null)).toBeNull();
  });
});
