import { describe, expect, it } from 'vitest';
import { createMetricRegistry, rateString } from './metrics';

describe('rateString', () => {
  it.each([
    [1, 3, 2, '33.33'],
    [2, 3, 2, '66.67'],
    [1, 8, 2, '12.50'],
    [1, 800, 2, '0.13'],
    [5, 5, 1, '100.0'],
    [0, 7, 0, '0'],
    [0, 0, 2, null],
  ])('%i / %i with %i decimals → %s', (n, d, digits, expected) => {
    expect(rateString(n, d, digits)).toBe(expected);
  });
});

describe('createMetricRegistry', () => {
  it('refuses two metrics with one key', () => {
    const m = { key: 'a', name: { zh: 'a', en: 'a' }, unit: '%', description: '', direction: 'higher_is_better' as const, compute: async () => ({ value: null, unit: '%', provenance: { source: '', computedAt: '', recordCount: 0, link: null } }) };
    expect(() => createMetricRegistry([m, m])).toThrow(/twice/);
    expect(createMetricRegistry([m]).find('a')).toBe(m);
    expect(createMetricRegistry([m]).find('b')).toBeNull();
  });
});
