import { describe, expect, it } from 'vitest';
import { hazardActionInputSchema } from '../../../domains/equipment-safety/hazards/hazard-action-schema';
import { buildActionInput } from './action-payload';

const photo = '0b9f8f3e-8d0a-4c51-9b0e-4a7c2d1f6e01';
const unit = '5d0c1b2a-3e4f-4a5b-8c6d-7e8f9a0b1c2d';

describe('buildActionInput', () => {
  it('sends the notice with its deadline and number, and leaves a blank number out', () => {
    expect(buildActionInput('issue_notice', 3, { deadline: '2026-03-20', noticeNo: ' 海市监特令〔2026〕7号 ', note: '限期更换安全阀' })).toEqual({
      action: 'issue_notice',
      version: 3,
      kind: 'rectification_notice',
      noticeNo: '海市监特令〔2026〕7号',
      deadline: '2026-03-20',
      note: '限期更换安全阀',
    });
    expect(buildActionInput('issue_notice', 3, { noticeNo: '  ', note: '整改' })).toEqual({ action: 'issue_notice', version: 3, kind: 'rectification_notice', note: '整改' });
  });

  it('sends rectification with its after photos, and verification photos only when there are some', () => {
    expect(buildActionInput('submit_rectification', 5, { note: '已更换', photos: [photo] })).toEqual({ action: 'submit_rectification', version: 5, note: '已更换', afterPhotos: [photo] });
    expect(buildActionInput('verify_fail', 6, { note: '仍有渗漏', photos: [] })).toEqual({ action: 'verify_fail', version: 6, note: '仍有渗漏' });
    expect(buildActionInput('verify_pass', 8, { note: '合格', photos: [photo] })).toEqual({ action: 'verify_pass', version: 8, note: '合格', photos: [photo] });
  });

  it('adds the transfer unit only to a transfer rejection', () => {
    expect(buildActionInput('reject', 1, { disposition: 'invalid', reason: '重复上报', transferToOrgUnitId: unit })).toEqual({ action: 'reject', version: 1, disposition: 'invalid', reason: '重复上报' });
    expect(buildActionInput('reject', 1, { disposition: 'transferred', reason: '不属本部门', transferToOrgUnitId: unit })).toMatchObject({ transferToOrgUnitId: unit });
  });

  it('builds bodies the API schema accepts for every action a modal can send', () => {
    const bodies = [
      buildActionInput('submit', 0, {}),
      buildActionInput('confirm', 1, { grade: 'major', majorCriterionRef: 'GB 45067-2024 4.1', note: '' }),
      buildActionInput('confirm', 1, { grade: 'general', lowerGradeReason: '经现场核实为一般' }),
      buildActionInput('change_grade', 2, { grade: 'major' }),
      buildActionInput('transfer', 2, { toOrgUnitId: unit, reason: '属地管理' }),
      buildActionInput('file_plan', 2, { plan: { measures: '更换', amountYuan: '12000.50', responsiblePerson: '赵', deadline: '2026-06-30', contingency: '停用', targets: '' } }),
      buildActionInput('list_for_supervision', 3, { level: 'city', listingUnit: '质强办', note: '挂牌' }),
      buildActionInput('request_extension', 3, { newDeadline: '2026-04-30', reason: '配件到货延迟' }),
      buildActionInput('decide_extension', 4, { approve: true, comment: '同意' }),
      buildActionInput('submit_rectification', 4, { note: '完成', photos: [photo], costYuan: '' }),
      buildActionInput('reopen', 9, { reason: '回头看发现反弹' }),
      buildActionInput('close_by_elimination', 9, { basis: 'device_scrapped', reason: '设备已报废' }),
    ];
    for (const body of bodies) expect(hazardActionInputSchema.safeParse(body).success, JSON.stringify(body)).toBe(true);
  });

  it('keeps a missing required text empty so the API reports it instead of the form inventing one', () => {
    expect(hazardActionInputSchema.safeParse(buildActionInput('verify_fail', 1, { note: '   ' })).success).toBe(false);
  });
});
