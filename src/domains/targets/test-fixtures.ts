/** Shared fields for indicator definitions in this domain's unit tests (not used by production code). */
import type { EvidenceRequirement } from './indicator-schema';

const evidence: EvidenceRequirement = { description: '证明材料', fileKinds: ['document'], maxFiles: 3 };

export const commonFields = {
  name: '测试指标',
  unitOfMeasure: '家',
  leadOrgUnitId: 'dept-sci',
  evidence,
  dataSource: { kind: 'reported' as const },
};
