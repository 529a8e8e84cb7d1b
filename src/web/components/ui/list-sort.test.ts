import { describe, expect, it } from 'vitest';
import { sortOrderFor, sorterToSort } from './list-sort';

describe('sorterToSort', () => {
  it('maps ascend to the field and descend to -field, using the column key first', () => {
    expect(sorterToSort({ columnKey: 'username', field: 'ignored', order: 'ascend' })).toBe('username');
    expect(sorterToSort({ columnKey: 'lastLoginAt', order: 'descend' })).toBe('-lastLoginAt');
    expect(sorterToSort({ field: 'name', order: 'ascend' })).toBe('name');
  });

  it('gives undefined when the column is unsorted or has no string key', () => {
    expect(sorterToSort({ columnKey: 'username', order: null })).toBeUndefined();
    expect(sorterToSort({ field: ['a', 'b'], order: 'ascend' })).toBeUndefined();
    expect(sorterToSort([])).toBeUndefined();
  });

  it('uses the first sorter of a multi-sort', () => {
    expect(sorterToSort([{ columnKey: 'role', order: 'ascend' }, { columnKey: 'username', order: 'descend' }])).toBe('role');
  });
});

describe('sortOrderFor', () => {
  it('round-trips with sorterToSort', () => {
    expect(sortOrderFor('-at', 'at')).toBe('descend');
    expect(sortOrderFor('at', 'at')).toBe('ascend');
    expect(sortOrderFor('-at', 'actor')).toBeNull();
    expect(sortOrderFor(undefined, 'at')).toBeNull();
  });
});
