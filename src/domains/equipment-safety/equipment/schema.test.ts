import { describe, expect, it } from 'vitest';
import * as enums from './enums';
import { inspectionTrackLabels, inspectionTracks, obligationLabels, obligations, ruleConfidenceLabels, ruleConfidences } from './inspection-rule-types';
import {
  createDeviceInputSchema,
  deviceListQuerySchema,
  inspectionRecordInputSchema,
  maintenanceKindLabels,
  maintenanceKinds,
  maintenanceRecordInputSchema,
  operatorCertificateInputSchema,
  updateDeviceInputSchema,
} from './schema';

const UNIT = '0b6f5c1e-6a3f-4c62-9a53-2f1a8e7d4c11';
const AREA = '5d2c9a41-3b7e-4f08-8c6d-9e1f2a3b4c5d';
const DEVICE = '7e9d8c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b';

const device = {
  categoryCode: '3000',
  kindCode: '3100',
  varietyCode: '3110',
  productName: '乘客电梯',
  usingUnitId: UNIT,
  territoryOrgUnitId: AREA,
  useAddress: '海门区人民路1号',
  commissioningDate: '2024-04-10',
  installSupervisionDate: '2024-03-20',
  location: { lon: 121.18, lat: 31.87 },
  regionCode: '320614102',
};

function issuePaths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] {
  return result.error?.issues.map((i) => i.path.join('.')) ?? [];
}

describe('createDeviceInputSchema', () => {
  it('accepts a complete elevator', () => {
    expect(createDeviceInputSchema.safeParse(device).success).toBe(true);
  });

  it.each([
    ['unknown key', { ...device, colour: 'red' }, ''],
    ['kind from another category', { ...device, kindCode: '4100', varietyCode: '4110' }, 'kindCode'],
    ['variety from another kind', { ...device, varietyCode: '3210' }, 'varietyCode'],
    ['non-existent date', { ...device, commissioningDate: '2026-02-29' }, 'commissioningDate'],
    ['longitude out of range', { ...device, location: { lon: 181, lat: 31 } }, 'location.lon'],
    ['latitude out of range', { ...device, location: { lon: 121, lat: -91 } }, 'location.lat'],
    ['safety grade on an elevator', { ...device, safetyGrade: 3 }, 'safetyGrade'],
    ['safety grade 6', { ...device, categoryCode: '2000', kindCode: '2100', varietyCode: '2150', safetyGrade: 6 }, 'safetyGrade'],
    ['bad region code', { ...device, regionCode: '32061' }, 'regionCode'],
    ['duplicate flags', { ...device, flags: ['key_monitoring', 'key_monitoring'] }, 'flags'],
    ['commissioned before manufacture', { ...device, manufactureDate: '2024-05-01' }, 'commissioningDate'],
    ['missing using unit', { ...device, usingUnitId: undefined }, 'usingUnitId'],
  ])('rejects %s', (_label, input, path) => {
    const result = createDeviceInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(issuePaths(result)).toContain(path);
  });

  it('accepts a graded pressure vessel and F000 without kind', () => {
    expect(createDeviceInputSchema.safeParse({ ...device, categoryCode: '2000', kindCode: '2100', varietyCode: '2150', safetyGrade: 2 }).success).toBe(true);
    expect(createDeviceInputSchema.safeParse({ ...device, categoryCode: 'F000', kindCode: null, varietyCode: '7310' }).success).toBe(true);
  });
});

describe('updateDeviceInputSchema', () => {
  it.each([
    [{ productName: '载货电梯' }, true],
    [{ categoryCode: '4000', kindCode: '4300', varietyCode: '4310' }, true],
    [{}, false],
    [{ categoryCode: '4000' }, false], // classification codes go together
    [{ productName: 'x', colour: 'red' }, false],
  ])('%j valid = %s', (input, expected) => {
    expect(updateDeviceInputSchema.safeParse(input).success).toBe(expected);
  });
});

describe('inspectionRecordInputSchema', () => {
  const record = {
    deviceId: DEVICE,
    kind: 'periodic',
    orgName: '南通市特种设备检验所',
    reportNo: 'DT-2025-0001',
    inspectedOn: '2025-03-12',
    conclusion: 'pass',
  };

  it.each([
    [record, true],
    [{ ...record, conclusion: 'basic_pass', issues: [{ description: '轿厢照明不足', rectifyBy: '2025-04-11' }] }, true],
    [{ ...record, startedOn: '2025-03-13' }, false], // starts after the conclusion date
    [{ ...record, nextDueOn: '2025-03-12' }, false],
    [{ ...record, periodMonths: 0 }, false],
    [{ ...record, safetyGrade: 3, periodMonths: 48 }, true],
    [{ ...record, conclusion: 'ok' }, false],
    [{ ...record, kind: 'yearly' }, false],
  ])('%j valid = %s', (input, expected) => {
    expect(inspectionRecordInputSchema.safeParse(input).success).toBe(expected);
  });
});

describe('maintenance and certificate inputs', () => {
  const maintenance = { deviceId: DEVICE, maintainedOn: '2026-01-16', kind: 'half_monthly', workers: [{ name: '张三' }] };

  it.each([
    [maintenance, true],
    [{ ...maintenance, workers: [] }, false],
    [{ ...maintenance, kind: 'weekly' }, false],
  ])('maintenance %j valid = %s', (input, expected) => {
    expect(maintenanceRecordInputSchema.safeParse(input).success).toBe(expected);
  });

  const certificate = { personName: '李四', certificateNo: 'T320600001', workItemCode: 'T', issuedOn: '2022-09-30', expiresOn: '2026-09-30' };

  it.each([
    [certificate, true],
    [{ ...certificate, expiresOn: '2022-09-30' }, false],
    [{ ...certificate, expiresOn: '2026-09-31' }, false],
  ])('certificate %j valid = %s', (input, expected) => {
    expect(operatorCertificateInputSchema.safeParse(input).success).toBe(expected);
  });
});

describe('deviceListQuerySchema', () => {
  it('fills defaults', () => {
    expect(deviceListQuerySchema.parse({})).toEqual({ page: 1, pageSize: 20, sort: 'nextDueOn' });
  });

  it('coerces query-string numbers and keeps filters', () => {
    expect(deviceListQuerySchema.parse({ page: '2', pageSize: '50', category: '3000', status: 'in_use', dueStatus: 'overdue', territoryOrgUnitId: AREA })).toEqual({
      page: 2,
      pageSize: 50,
      sort: 'nextDueOn',
      category: '3000',
      status: 'in_use',
      dueStatus: 'overdue',
      territoryOrgUnitId: AREA,
    });
  });

  it.each([{ pageSize: '101' }, { page: '0' }, { sort: 'colour' }, { status: 'running' }, { foo: '1' }])('rejects %j', (input) => {
    expect(deviceListQuerySchema.safeParse(input).success).toBe(false);
  });
});

describe('label maps cover every enum value in zh and en', () => {
  it.each([
    ['registrationStatuses', enums.registrationStatuses, enums.registrationStatusLabels],
    ['registrationActions', enums.registrationActions, enums.registrationActionLabels],
    ['registrationReasons', enums.registrationReasons, enums.registrationReasonLabels],
    ['inspectionKinds', enums.inspectionKinds, enums.inspectionKindLabels],
    ['inspectionConclusions', enums.inspectionConclusions, enums.inspectionConclusionLabels],
    ['inspectionResults', enums.inspectionResults, enums.inspectionResultLabels],
    ['dueStatuses', enums.dueStatuses, enums.dueStatusLabels],
    ['certificateStatuses', enums.certificateStatuses, enums.certificateStatusLabels],
    ['siteTypes', enums.siteTypes, enums.siteTypeLabels],
    ['deviceFlags', enums.deviceFlags, enums.deviceFlagLabels],
    ['maintenanceKinds', maintenanceKinds, maintenanceKindLabels],
    ['inspectionTracks', inspectionTracks, inspectionTrackLabels],
    ['obligations', obligations, obligationLabels],
    ['ruleConfidences', ruleConfidences, ruleConfidenceLabels],
  ] as const)('%s', (_name, values, labels) => {
    const map = labels as Record<string, { zh: string; en: string }>;
    for (const value of values) {
      expect(map[value]?.zh, value).toBeTruthy();
      expect(map[value]?.en, value).toBeTruthy();
    }
    expect(Object.keys(map).sort()).toEqual([...values].sort());
  });

  it.each([
    ['pass', 'pass'],
    ['pass_after_reinspection', 'pass'],
    ['basic_pass', 'basic_pass'],
    ['monitored_use', 'basic_pass'],
    ['fail', 'fail'],
    ['no_use', 'fail'],
  ] as const)('conclusion %s → result %s', (conclusion, result) => {
    expect(enums.inspectionResultOf(conclusion)).toBe(result);
  });
});
