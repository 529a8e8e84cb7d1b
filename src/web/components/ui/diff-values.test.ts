import { describe, expect, it } from 'vitest';
import { diffChanges, formatPlain } from './diff-values';

const zh = (z: string) => z;

describe('diffChanges', () => {
  it('lists changed fields first and hides bookkeeping fields', () => {
    const rows = diffChanges({ name: '常乐镇', code: 'town-changle', version: 1, updatedAt: 'a' }, { name: '常乐镇（新）', code: 'town-changle', version: 2, updatedAt: 'b' });
    expect(rows).toEqual([
      { field: 'name', before: '常乐镇', after: '常乐镇（新）', changed: true },
      { field: 'code', before: 'town-changle', after: 'town-changle', changed: false },
    ]);
  });

  it('treats a creation (no before) as every field changed', () => {
    const rows = diffChanges(null, { name: '兴和村', isActive: true });
    expect(rows.map((r) => [r.field, r.changed])).toEqual([
      ['name', true],
      ['isActive', true],
    ]);
  });

  it('compares arrays and nested values by content, and absent equals null', () => {
    const rows = diffChanges({ flags: ['qualityManager'], phone: null }, { flags: ['qualityManager'] });
    expect(rows.every((r) => !r.changed)).toBe(true);
  });

  it('shows a non-object value as one pseudo-field', () => {
    expect(diffChanges('a', 'b')).toEqual([{ field: 'value', before: 'a', after: 'b', changed: true }]);
  });
});

describe('formatPlain', () => {
  it('renders empty, boolean, list and object values readably', () => {
    expect(formatPlain(null, zh)).toBe('—');
    expect(formatPlain('', zh)).toBe('—');
    expect(formatPlain(true, zh)).toBe('是');
    expect(formatPlain(['a', 'b'], zh)).toBe('a、b');
    expect(formatPlain({ a: 1 }, zh)).toBe('{"a":1}');
  });
});
