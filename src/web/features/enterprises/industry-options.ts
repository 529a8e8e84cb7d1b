/**
 * GB/T 4754-2017 as a tree for the industry pickers (门类 → 大类 → 中类 → 小类), built once from the
 * table the domain ships. Every level can be chosen: the list filter takes any level, and so does
 * the record.
 *
 *   industryTree()[0] // → { value: 'A', title: 'A 农、林、牧、渔业', children: [{ value: '01', … }] }
 */
import { listIndustries, type IndustryEntry } from '../../../domains/enterprises/industry-rules';

export type IndustryNode = { value: string; title: string; searchText: string; children?: IndustryNode[] };

let cached: IndustryNode[] | null = null;

export function industryTree(): IndustryNode[] {
  if (cached) return cached;
  const byParent = new Map<string | null, IndustryEntry[]>();
  for (const entry of listIndustries()) {
    const siblings = byParent.get(entry.parent);
    if (siblings) siblings.push(entry);
    else byParent.set(entry.parent, [entry]);
  }
  const build = (parent: string | null): IndustryNode[] =>
    (byParent.get(parent) ?? []).map((e) => {
      const children = build(e.code);
      const node: IndustryNode = { value: e.code, title: `${e.code} ${e.name}`, searchText: `${e.code} ${e.name}`.toLowerCase() };
      return children.length > 0 ? { ...node, children } : node;
    });
  cached = build(null);
  return cached;
}

/** The tree filter: code prefix or any part of the name (`34`, `3435`, `c`, `通用设备`). */
export function matchesIndustry(input: string, node: { searchText?: string }): boolean {
  const q = input.trim().toLowerCase();
  if (q === '') return true;
  return (node.searchText ?? '').includes(q);
}
