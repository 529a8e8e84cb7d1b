import { describe, expect, it } from 'vitest';
import { hazardActionRecipients } from './hazard-notification-rules';
import { ids, makeHazard } from './hazard-test-support';

describe('hazardActionRecipients', () => {
  it('asks the reviewers (bureau and supervising department) to confirm a reported hazard', () => {
    expect(hazardActionRecipients(makeHazard({ status: 'reported' }), 'submit')).toEqual([
      { kind: 'role', role: 'bureau' },
      { kind: 'org_unit', orgUnitId: ids.dept1 },
    ]);
  });

  it('tells the enterprise and the territory about a rectification notice', () => {
    expect(hazardActionRecipients(makeHazard({ status: 'rectifying' }), 'issue_notice')).toEqual([
      { kind: 'enterprise', enterpriseId: ids.ent1 },
      { kind: 'territory', orgUnitId: ids.village1, flag: null },
    ]);
  });

  it('tells the territory as the responsible unit when the hazard has no enterprise, once', () => {
    expect(hazardActionRecipients(makeHazard({ status: 'rectifying', enterpriseId: null }), 'verify_fail')).toEqual([
      { kind: 'territory', orgUnitId: ids.village1, flag: null },
    ]);
  });

  it('sends an extension request of a listed hazard to the listing unit (office), otherwise to the reviewers', () => {
    expect(hazardActionRecipients(makeHazard({ status: 'rectifying', isListed: true, grade: 'major' }), 'request_extension')).toEqual([{ kind: 'role', role: 'office' }]);
    expect(hazardActionRecipients(makeHazard({ status: 'rectifying', supervisingOrgUnitId: null }), 'request_extension')).toEqual([{ kind: 'role', role: 'bureau' }]);
  });

  it('tells the reporter when the report was not accepted, and nobody about a grade change', () => {
    expect(hazardActionRecipients(makeHazard({ status: 'invalid' }), 'reject')).toEqual([{ kind: 'user', userId: ids.userReporter }]);
    expect(hazardActionRecipients(makeHazard({ status: 'confirmed' }), 'change_grade')).toEqual([]);
  });
});
