import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { createDeviceRequestSchema, recordInspectionBodySchema, recordMaintenanceBodySchema, registrationActionRequestSchema, operatorCertificateInputSchema } from '../../../domains/equipment-safety/equipment/schema';
import { buildCertificate, buildCreateDevice, buildInspection, buildMaintenance, buildRegistrationAction, formFieldOfIssue, mustStopAfter } from './device-payload';

const unit = '0b7c5e8e-1d7a-4a8f-9d43-6d3f8f0a1b2c';
const territory = '5e0d9e52-9a43-4b8e-8f64-2b9a3f1c7d10';

describe('buildCreateDevice', () => {
  it('registers at once: dates as text, blanks dropped, classification split — and the schema accepts it', () => {
    const body = buildCreateDevice({
      classification: ['3000', '3100', '3110'],
      productName: ' 乘客电梯 ',
      model: '  ',
      commissioningDate: dayjs('2026-01-05'),
      installSupervisionDate: dayjs('2026-01-02'),
      usingUnitId: unit,
      maintenanceUnitId: unit,
      territoryOrgUnitId: territory,
      useAddress: '常乐镇人民路 1 号',
      location: { lon: 121.3, lat: 31.87 },
      flags: [],
      equipmentCode: '3110320620260001',
      mode: 'register',
      registration: { registeredOn: dayjs('2026-02-20'), useRegistrationCertNo: '梯11苏F00001(26)' },
    });
    expect(body).toMatchObject({
      categoryCode: '3000',
      kindCode: '3100',
      varietyCode: '3110',
      productName: '乘客电梯',
      commissioningDate: '2026-01-05',
      location: { lon: 121.3, lat: 31.87 },
      registration: { registeredOn: '2026-02-20', useRegistrationCertNo: '梯11苏F00001(26)', equipmentCode: '3110320620260001' },
    });
    expect(body).not.toHaveProperty('model');
    expect(body).not.toHaveProperty('flags');
    expect(body).not.toHaveProperty('initialStatus');
    expect(createDeviceRequestSchema.safeParse(body).success).toBe(true);
  });

  it('without registration sends the initial status and the code at the top level', () => {
    const body = buildCreateDevice({ classification: ['1000'], productName: '锅炉', usingUnitId: unit, territoryOrgUnitId: territory, useAddress: '某地', equipmentCode: 'X1', mode: 'notified', location: { lon: 121 } });
    expect(body).toMatchObject({ initialStatus: 'notified', equipmentCode: 'X1', kindCode: null, varietyCode: null });
    expect(body).not.toHaveProperty('registration');
    expect(body).not.toHaveProperty('location');
  });

  it('puts classification issues on the cascader', () => {
    expect(formFieldOfIssue('varietyCode')).toBe('classification');
    expect(formFieldOfIssue('registration.registeredOn')).toBe('registration.registeredOn');
  });
});

describe('record payloads', () => {
  it('builds an inspection the schema accepts and flags conclusions that stop the device', () => {
    const body = buildInspection({
      kind: 'periodic',
      orgName: '江海特种设备检验检测中心',
      reportNo: ' R-1 ',
      inspectors: ['张三', ' '],
      inspectedOn: dayjs('2026-03-01'),
      conclusion: 'pass',
      issues: [{ description: '' }, { description: '门锁磨损', rectifyBy: dayjs('2026-03-15') }],
    });
    expect(body).toEqual({
      kind: 'periodic',
      orgName: '江海特种设备检验检测中心',
      reportNo: 'R-1',
      inspectors: ['张三'],
      inspectedOn: '2026-03-01',
      conclusion: 'pass',
      issues: [{ description: '门锁磨损', rectifyBy: '2026-03-15' }],
    });
    expect(recordInspectionBodySchema.safeParse(body).success).toBe(true);
    expect(mustStopAfter('fail')).toBe(true);
    expect(mustStopAfter('no_use')).toBe(true);
    expect(mustStopAfter('basic_pass')).toBe(false);
  });

  it('builds maintenance and certificate bodies the schemas accept', () => {
    const maintenance = buildMaintenance({ maintainedOn: dayjs('2026-03-02'), kind: 'half_monthly', workers: [{ name: '李四', certificateNo: '' }, { name: ' ' }], isConfirmedByUsingUnit: true });
    expect(maintenance).toEqual({ maintainedOn: '2026-03-02', kind: 'half_monthly', workers: [{ name: '李四' }], isConfirmedByUsingUnit: true });
    expect(recordMaintenanceBodySchema.safeParse(maintenance).success).toBe(true);
    const certificate = buildCertificate({ personName: '王五', certificateNo: 'TS1', workItemCode: 'T', issuedOn: dayjs('2024-01-01'), expiresOn: dayjs('2028-01-01'), idNumber: '' });
    expect(certificate).toEqual({ personName: '王五', certificateNo: 'TS1', workItemCode: 'T', issuedOn: '2024-01-01', expiresOn: '2028-01-01' });
    expect(operatorCertificateInputSchema.safeParse(certificate).success).toBe(true);
  });
});

describe('buildRegistrationAction', () => {
  it('builds each action with its own fields and the version', () => {
    const stop = buildRegistrationAction('stop', 3, { stoppedOn: dayjs('2026-03-01'), reason: ' 停产检修 ', note: 'ignored' });
    expect(stop).toEqual({ action: 'stop', version: 3, stoppedOn: '2026-03-01', reason: '停产检修' });
    const restart = buildRegistrationAction('restart', 4, { restartedOn: dayjs('2026-04-01') });
    expect(restart).toEqual({ action: 'restart', version: 4, restartedOn: '2026-04-01' });
    const change = buildRegistrationAction('change', 2, { date: dayjs('2026-05-01'), reason: 'relocation', changes: { useAddress: ' 新地址 ', territoryOrgUnitId: territory } });
    expect(change).toEqual({ action: 'change', version: 2, date: '2026-05-01', reason: 'relocation', changes: { useAddress: '新地址', territoryOrgUnitId: territory } });
    const transfer = buildRegistrationAction('transfer', 2, { date: dayjs('2026-05-01'), newUsingUnitId: unit, useRegistrationCertNo: '' });
    expect(transfer).toEqual({ action: 'transfer', version: 2, date: '2026-05-01', newUsingUnitId: unit });
    for (const body of [stop, restart, change, transfer, buildRegistrationAction('scrap', 1, { date: dayjs('2026-01-01'), reason: '报废' })]) {
      expect(registrationActionRequestSchema.safeParse(body).success).toBe(true);
    }
  });
});
