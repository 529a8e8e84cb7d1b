import { describe, expect, it } from 'vitest';
import { hazardActionInputSchema } from './hazard-action-schema';
import { hazardActionLabels, hazardActions, hazardSourceLabels, hazardSources, hazardStatusLabels, hazardStatuses } from './hazard-enums';
import { createHazardInputSchema, listHazardsQuerySchema } from './hazard-schema';

const uuid = '00000000-0000-4000-8000-000000000001';

describe('hazardActionInputSchema', () => {
  it.each<[string, unknown, boolean]>([
    ['submit with a version', { action: 'submit', version: 1 }, true],
    ['an action without a version', { action: 'submit' }, false],
    ['a negative version', { action: 'submit', version: -1 }, false],
    ['an unknown action', { action: 'approve', version: 1 }, false],
    ['an unknown field (strict)', { action: 'submit', version: 1, status: 'closed' }, false],
    ['reject as invalid', { action: 'reject', version: 1, disposition: 'invalid', reason: '重复' }, true],
    ['reject as transferred without a target unit', { action: 'reject', version: 1, disposition: 'transferred', reason: '不属本部门' }, false],
    ['reject as transferred with a target unit', { action: 'reject', version: 1, disposition: 'transferred', reason: '不属本部门', transferToOrgUnitId: uuid }, true],
    ['confirm with a grade', { action: 'confirm', version: 1, grade: 'major' }, true],
    ['confirm with an unknown grade', { action: 'confirm', version: 1, grade: 'serious' }, false],
    ['submit_rectification without after photos', { action: 'submit_rectification', version: 1, note: '已整改', afterPhotos: [] }, false],
    ['submit_rectification with after photos', { action: 'submit_rectification', version: 1, note: '已整改', afterPhotos: [uuid] }, true],
    ['file_plan with funds in fen', { action: 'file_plan', version: 1, plan: { measures: 'm', funds: { amountYuan: '100.5' }, responsiblePerson: 'p', deadline: '2025-06-30', contingency: 'c' } }, true],
    ['file_plan with three decimals', { action: 'file_plan', version: 1, plan: { measures: 'm', funds: { amountYuan: '100.505' }, responsiblePerson: 'p', deadline: '2025-06-30', contingency: 'c' } }, false],
    ['request_extension with a malformed date', { action: 'request_extension', version: 1, newDeadline: '2025-6-30', reason: 'r' }, false],
    ['decide_extension', { action: 'decide_extension', version: 1, approve: false, comment: '不同意' }, true],
    ['close_by_elimination with an empty reason', { action: 'close_by_elimination', version: 1, reason: '  ' }, false],
  ])('%s → %s', (_name, body, ok) => {
    expect(hazardActionInputSchema.safeParse(body).success).toBe(ok);
  });
});

describe('createHazardInputSchema', () => {
  const base = { title: '标题', description: '描述', source: 'patrol', orgUnitId: uuid };
  it.each<[string, unknown, boolean]>([
    ['the minimum', base, true],
    ['an unknown source', { ...base, source: 'rumour' }, false],
    ['longitude without latitude', { ...base, location: { lon: 121.17 } }, false],
    ['a point', { ...base, location: { address: '海门区', lon: 121.17, lat: 31.89 } }, true],
    ['a non-uuid org unit', { ...base, orgUnitId: 'town1' }, false],
    ['a blank title', { ...base, title: '   ' }, false],
    ['an unknown field', { ...base, status: 'closed' }, false],
  ])('%s → %s', (_name, body, ok) => {
    expect(createHazardInputSchema.safeParse(body).success).toBe(ok);
  });
});

describe('listHazardsQuerySchema', () => {
  it('parses query-string values into typed filters with defaults', () => {
    const q = listHazardsQuerySchema.parse({ status: 'rectifying,pending_verification', overdue: 'true', listed: 'false', page: '2' });
    expect(q).toEqual({
      page: 2,
      pageSize: 20,
      sort: '-createdAt',
      status: ['rectifying', 'pending_verification'],
      includeSubunits: true,
      overdue: true,
      listed: false,
    });
  });

  it.each<[string, Record<string, string>]>([
    ['an unknown status', { status: 'open' }],
    ['a page size over 100', { pageSize: '101' }],
    ['a reversed deadline range', { deadlineFrom: '2025-03-31', deadlineTo: '2025-03-01' }],
    ['an unknown parameter', { colour: 'red' }],
    ['a non-boolean flag', { overdue: 'yes' }],
  ])('refuses %s', (_name, query) => {
    expect(listHazardsQuerySchema.safeParse(query).success).toBe(false);
  });
});

describe('labels', () => {
  it('has a Chinese and an English label for every status, action and source', () => {
    for (const s of hazardStatuses) expect(hazardStatusLabels[s].zh.length * hazardStatusLabels[s].en.length).toBeGreaterThan(0);
    for (const a of hazardActions) expect(hazardActionLabels[a].zh.length * hazardActionLabels[a].en.length).toBeGreaterThan(0);
    for (const s of hazardSources) expect(hazardSourceLabels[s].zh.length * hazardSourceLabels[s].en.length).toBeGreaterThan(0);
  });
});
