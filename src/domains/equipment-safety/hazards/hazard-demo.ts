/**
 * The demo step of the hazard loop (after enterprises and equipment): ~500 hazards ('full') or 30
 * ('small', tests) in every status with histories replayed through the rules (hazard-demo-generator.ts),
 * written in one transaction with one audit entry. Needs the demo users bureau, office, town1/town2 and
 * ent1; links hazards to demo enterprises and devices when those exist.
 */
import zlib from 'node:zlib';
import { systemActor, type Actor } from '../../../shared/actor';
import type { Db } from '../../../platform/db/types';
import { newId } from '../../../platform/ids';
import { findUserByUsername } from '../../accounts';
import { recordAudit } from '../../audit';
import { iterateEnterprises } from '../../enterprises';
import { storeFile } from '../../files';
import { findOrgUnit, listOrgUnitOptions } from '../../org';
import { defaultEscalationConfig } from './escalation-rules';
import { defaultHazardRulesConfig } from './hazard-config';
import { loadWorkingDayCalendar } from './hazard-calendar';
import { generateDemoHazards, type DemoContext, type DemoEnterprise, type DemoTerritory } from './hazard-demo-generator';
import { insertEscalationMarker, insertHazardEventsBulk, type NewHazardEvent } from './hazard-event-store';
import { listDevicesForDemo } from './hazard-lookup-store';
import { insertHazard, nextHazardNo } from './hazard-store';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A small striped PNG (stand-in for a site photo). */
export function makeDemoPng(rgb: [number, number, number], width = 96, height = 64): Uint8Array {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x += 1) {
      const shade = (x + y) % 16 < 8 ? 1 : 0.8;
      row[1 + x * 3] = Math.round(rgb[0] * shade);
      row[2 + x * 3] = Math.round(rgb[1] * shade);
      row[3 + x * 3] = Math.round(rgb[2] * shade);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
  return new Uint8Array(png);
}

async function storeDemoPhotos(db: Db, actor: Actor): Promise<{ before: string[]; after: string[] }> {
  const before: string[] = [];
  const after: string[] = [];
  const colours: Array<[string, [number, number, number], string[]]> = [
    ['整改前-1.png', [200, 60, 50], before],
    ['整改前-2.png', [210, 120, 40], before],
    ['整改后-1.png', [60, 160, 80], after],
    ['整改后-2.png', [50, 120, 190], after],
  ];
  for (const [fileName, rgb, list] of colours) {
    const file = await storeFile(db, { actor, purpose: 'photo', fileName: `演示隐患照片-${fileName}`, bytes: makeDemoPng(rgb) });
    list.push(file.id);
  }
  return { before, after };
}

async function loadTerritories(db: Db): Promise<DemoTerritory[]> {
  const options = await listOrgUnitOptions(db);
  const kinds = new Set(['township', 'street', 'park']);
  const top = options.filter((o) => kinds.has(o.kind));
  const villages = options.filter((o) => o.kind === 'village' && top.some((t) => t.id === o.parentId));
  const out: DemoTerritory[] = [];
  for (const unit of [...top, ...villages]) {
    const record = await findOrgUnit(db, unit.id);
    out.push({ id: unit.id, name: unit.name, townshipId: unit.kind === 'village' ? (unit.parentId as string) : unit.id, regionCode: record?.regionCode ?? '000000' });
  }
  return out;
}

async function loadEnterprises(db: Db, actor: Actor, today: string, townshipIds: ReadonlySet<string>): Promise<DemoEnterprise[]> {
  const out: DemoEnterprise[] = [];
  const query = { page: 1, pageSize: 200, sort: 'name' as const, includeSubunits: true, status: 'active' as const };
  for await (const e of iterateEnterprises(db, { actor, today, query })) {
    if (townshipIds.has(e.territoryOrgUnitId)) out.push({ id: e.id, name: e.name, townshipId: e.territoryOrgUnitId });
  }
  return out;
}

function eventTime(on: string, seq: number): Date {
  const minutes = 9 * 60 + seq * 7;
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return new Date(`${on}T${hh}:${mm}:00+08:00`);
}

export async function seedDemoHazards(db: Db, options: { size: 'full' | 'small'; today: string }): Promise<{ count: number }> {
  const actor = systemActor('seed-demo');
  const [bureau, office, town1, town2, ent1] = await Promise.all(['bureau', 'office', 'town1', 'town2', 'ent1'].map((u) => findUserByUsername(db, u)));
  if (!bureau || !office) throw new Error('demo users bureau and office are needed for the hazard demo');
  const territories = await loadTerritories(db);
  const townshipIds = new Set(territories.map((t) => t.townshipId));
  const enterprises = await loadEnterprises(db, actor, options.today, townshipIds);
  const departments = (await listOrgUnitOptions(db)).filter((o) => o.kind === 'department').map((o) => ({ id: o.id, name: o.name }));
  const townships = new Map<string, { id: string; name: string }>();
  for (const u of [town1, town2]) if (u) townships.set(u.orgUnitId, { id: u.id, name: u.displayName });
  const ent1Enterprise = ent1?.enterpriseId ? enterprises.find((e) => e.id === ent1.enterpriseId) : undefined;
  const context: DemoContext = {
    today: options.today,
    count: options.size === 'full' ? 500 : 30,
    territories,
    enterprises,
    devices: (await listDevicesForDemo(db, 20_000)).filter((d) => enterprises.some((e) => e.id === d.enterpriseId)),
    departments,
    bureau: { id: bureau.id, name: bureau.displayName, orgUnitId: bureau.orgUnitId },
    office: { id: office.id, name: office.displayName, orgUnitId: office.orgUnitId },
    townships,
    ent1: ent1 && ent1Enterprise ? { id: ent1.id, name: ent1.displayName, enterpriseId: ent1Enterprise.id, orgUnitId: ent1.orgUnitId } : null,
    photos: await storeDemoPhotos(db, actor),
    calendar: await loadWorkingDayCalendar(db),
    config: defaultHazardRulesConfig,
    escalation: defaultEscalationConfig,
    focus: { townshipIds: [town1?.orgUnitId, town2?.orgUnitId].filter((id): id is string => id !== undefined), ent1Share: options.size === 'full' ? 0.08 : 0.2 },
  };
  const demo = generateDemoHazards(context).sort((a, b) => (a.record.createdOn < b.record.createdOn ? -1 : a.record.createdOn > b.record.createdOn ? 1 : 0));

  await db.transaction(async (tx) => {
    const events: Array<NewHazardEvent & { hazardId: string; seq: number }> = [];
    for (const { record, events: history, markers } of demo) {
      const id = newId();
      const hazardNo = await nextHazardNo(tx, Number(record.createdOn.slice(0, 4)), record.regionCode);
      const { regionCode: _regionCode, id: _demoId, version, ...fields } = record;
      const times = history.map((e, index) => eventTime(e.on, index + 1));
      await insertHazard(tx, { ...fields, id, hazardNo, sourceRef: null, location: null }, times[0] as Date, {
        version,
        updatedAt: times[times.length - 1] as Date,
      });
      history.forEach((e, index) =>
        events.push({ ...e, hazardId: id, seq: index + 1, actorId: e.actor.id, actorName: e.actor.name, at: times[index] as Date }),
      );
      for (const m of markers) {
        await insertEscalationMarker(tx, { hazardId: id, key: m.key, step: m.step, dueOn: m.dueOn, firedOn: m.firedOn, recipientCount: 0 });
      }
    }
    await insertHazardEventsBulk(tx, events);
    await recordAudit(tx, actor, {
      action: 'hazard.seed',
      entityType: 'hazard',
      entityId: null,
      summary: `写入演示隐患 ${demo.length} 项`,
      after: { count: demo.length, events: events.length },
    });
  });
  return { count: demo.length };
}
