import { describe, it, expect } from 'vitest';
import { findUsccCategoryName, findUsccDepartment, usccDepartments } from './uscc-departments';

// standards.md §4.3
describe('USCC department table', () => {
  it('has the departments 1–9, A, N, Y', () => {
    expect(usccDepartments.map((d) => d.code).join('')).toBe('123456789ANY');
  });

  it.each([
    ['9', '1', '企业'],
    ['9', '2', '个体工商户'],
    ['9', '3', '农民专业合作社'],
    ['1', '2', '事业单位'],
    ['5', '1', '社会团体'],
    ['5', '3', '基金会'],
    ['N', '2', '村级集体经济组织'],
    ['Y', '1', '其他'],
    ['9', '9', null],
    ['9', '4', null],
    ['Y', '9', null],
    ['B', '1', null],
    ['0', '1', null],
    ['9', 'constructor', null],
  ])('%s%s → %s', (dept, category, name) => {
    expect(findUsccCategoryName(dept, category)).toBe(name);
  });

  it('finds departments by code', () => {
    expect(findUsccDepartment('5')?.name).toBe('民政');
    expect(findUsccDepartment('Z')).toBeNull();
  });
});
