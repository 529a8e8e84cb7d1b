/**
 * GB 32100-2015 registration-department codes (position 1) and organisation-category codes
 * (position 2), as tabulated in standards.md §4.3. Rows 1, 5, 9 and Y are confirmed by real codes;
 * rows 2, 3, 4, 6, 7, 8, A and N come from secondary pages [1] (probably the 2016 amendment
 * GB 32100-2015/XG1-2016). `checkUscc` treats a code outside this table as a problem unless called
 * with `allowUnknownDepartment: true`.
 */
export type UsccDepartment = {
  code: string;
  name: string;
  /** Category code (2nd character) → name. */
  categories: Readonly<Record<string, string>>;
};

export const usccDepartments: readonly UsccDepartment[] = [
  { code: '1', name: '机构编制', categories: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' } },
  { code: '2', name: '外交', categories: { '1': '外国常驻新闻机构', '9': '其他' } },
  {
    code: '3',
    name: '司法行政',
    categories: { '1': '律师执业机构', '2': '公证处', '3': '基层法律服务所', '4': '司法鉴定机构', '5': '仲裁委员会', '9': '其他' },
  },
  { code: '4', name: '文化', categories: { '1': '外国在华文化中心', '9': '其他' } },
  { code: '5', name: '民政', categories: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  {
    code: '6',
    name: '旅游',
    categories: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' },
  },
  { code: '7', name: '宗教', categories: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  { code: '8', name: '工会', categories: { '1': '基层工会', '9': '其他' } },
  { code: '9', name: '工商（市场监管）', categories: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  { code: 'A', name: '中央军委改革和编制办公室', categories: { '1': '军队事业单位', '9': '其他' } },
  { code: 'N', name: '农业', categories: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' } },
  { code: 'Y', name: '其他', categories: { '1': '其他' } },
];

const departmentsByCode: ReadonlyMap<string, UsccDepartment> = new Map(usccDepartments.map((d) => [d.code, d]));

export function findUsccDepartment(code: string): UsccDepartment | null {
  return departmentsByCode.get(code) ?? null;
}

/** Name of a category code under a department, or `null` when either is not in the table. */
export function findUsccCategoryName(departmentCode: string, categoryCode: string): string | null {
  const department = departmentsByCode.get(departmentCode);
  if (!department || !Object.hasOwn(department.categories, categoryCode)) return null;
  return department.categories[categoryCode] ?? null;
}
