import { describe, expect, it } from 'vitest';
import { industryTree, matchesIndustry } from './industry-options';

describe('industryTree', () => {
  it('nests the four levels of GB/T 4754-2017 under the 20 sections', () => {
    const tree = industryTree();
    expect(tree).toHaveLength(20);
    const manufacturing = tree.find((n) => n.value === 'C');
    expect(manufacturing?.title).toBe('C 制造业');
    const division = manufacturing?.children?.find((n) => n.value === '34');
    const group = division?.children?.find((n) => n.value === '343');
    expect(group?.children?.some((n) => n.value === '3435')).toBe(true);
    expect(group?.children?.[0]?.children).toBeUndefined();
  });

  it('matches a code prefix or part of a name', () => {
    const node = { searchText: '3435 电梯、自动扶梯及升降机制造' };
    expect(matchesIndustry('3435', node)).toBe(true);
    expect(matchesIndustry('电梯', node)).toBe(true);
    expect(matchesIndustry('纺织', node)).toBe(false);
  });
});
