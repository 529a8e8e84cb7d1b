import type { Actor } from '../../shared/actor';
import { conflict, invalid, notFound } from '../../shared/errors';
import { newId } from '../../platform/ids';
import type { Db } from '../../platform/db/types';
import { territorialKinds } from '../../shared/roles';
import { recordAudit } from '../audit';
import { findOrgUnit } from '../org';
import { requireDataEntry, resolveReadScope } from './access-service';
import type { CreateStationInput, ListStationsQuery, Station, StationKind, StationPage, UpdateStationInput } from './station-schema';
import {
  countStations, findStation, insertStation, selectStations, stationFilters, toPublicStation, updateStationRow, type StationRecord,
} from './station-store';

export const stationNotFound = () => notFound('env.station_not_found', '站点不存在或不在您的管辖范围内');

/** A station the actor may read (404 otherwise), optionally of one kind. */
export async function getStationRecord(db: Db, options: { actor: Actor; id: string; kind?: StationKind }): Promise<StationRecord> {
  const scope = await resolveReadScope(db, options.actor);
  const station = await findStation(db, options.id, scope);
  if (!station || (options.kind && station.kind !== options.kind)) throw stationNotFound();
  return station;
}

export async function getStation(db: Db, options: { actor: Actor; id: string }): Promise<Station> {
  return toPublicStation(await getStationRecord(db, options));
}

export async function listStations(db: Db, options: { actor: Actor; query: ListStationsQuery }): Promise<StationPage> {
  const { query } = options;
  const where = stationFilters(query, await resolveReadScope(db, options.actor));
  const [total, records] = await Promise.all([
    countStations(db, where),
    selectStations(db, where, { sort: query.sort, limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
  ]);
  return { items: records.map(toPublicStation), total, page: query.page, pageSize: query.pageSize };
}

/** Every matching station (export, map), in pages. */
export async function* iterateStations(db: Db, options: { actor: Actor; query: Omit<ListStationsQuery, 'page' | 'pageSize'> }): AsyncGenerator<Station> {
  const where = stationFilters(options.query, await resolveReadScope(db, options.actor));
  for (let offset = 0; ; offset += 1000) {
    const rows = await selectStations(db, where, { sort: options.query.sort, limit: 1000, offset });
    yield* rows.map(toPublicStation);
    if (rows.length < 1000) return;
  }
}

async function assertTerritory(db: Db, id: string): Promise<void> {
  const unit = await findOrgUnit(db, id);
  if (!unit || !unit.isActive) throw invalid('env.unknown_territory', '所在辖区不存在或已停用', { territoryOrgUnitId: id });
  if (!territorialKinds.includes(unit.kind)) {
    throw invalid('env.not_a_territory', `「${unit.name}」不是辖区单位（应为市、镇、街道、园区或村）`, { territoryOrgUnitId: id, kind: unit.kind });
  }
}

export async function createStation(db: Db, options: { actor: Actor; input: CreateStationInput }): Promise<Station> {
  const { actor, input } = options;
  await requireDataEntry(db, actor);
  return db.transaction(async (tx) => {
    await assertTerritory(tx, input.territoryOrgUnitId);
    const id = newId();
    await insertStation(tx, {
      id,
      kind: input.kind,
      code: input.code,
      name: input.name,
      territoryOrgUnitId: input.territoryOrgUnitId,
      lon: input.lon,
      lat: input.lat,
      address: input.address ?? null,
      airStationLevel: input.airStationLevel ?? null,
      waterbody: input.waterbody ?? null,
      riverName: input.riverName ?? null,
      targetClass: input.targetClass ?? null,
      noiseZone: input.noiseZone ?? null,
      note: input.note ?? null,
    });
    const created = toPublicStation((await findStation(tx, id, { kind: 'all' })) as StationRecord);
    await recordAudit(tx, actor, {
      action: 'env.station.create', entityType: 'env_station', entityId: id, orgUnitId: created.territoryOrgUnitId,
      summary: `新建监测站点「${created.name}」(${created.code})`, after: created,
    });
    return created;
  });
}

function assertKindFields(station: StationRecord, input: UpdateStationInput): void {
  if (station.kind !== 'water' && (input.waterbody !== undefined || input.riverName || input.targetClass)) {
    throw invalid('env.invalid_station_fields', '只有水质断面可填写水体、河流与目标类别');
  }
  if (station.kind !== 'noise' && input.noiseZone !== undefined) throw invalid('env.invalid_station_fields', '只有噪声点位可填写声环境功能区');
  if (station.kind !== 'air' && input.airStationLevel) throw invalid('env.invalid_station_fields', '只有空气站可填写站点级别');
}

export async function updateStation(db: Db, options: { actor: Actor; id: string; input: UpdateStationInput }): Promise<Station> {
  const { actor, id, input } = options;
  await requireDataEntry(db, actor);
  return db.transaction(async (tx) => {
    const station = await findStation(tx, id, { kind: 'all' });
    if (!station) throw stationNotFound();
    if (station.version !== input.version) throw conflict('env.stale_version', '该站点已被他人修改，请刷新后重试', { currentVersion: station.version });
    assertKindFields(station, input);
    if (input.territoryOrgUnitId) await assertTerritory(tx, input.territoryOrgUnitId);
    const { version, ...patch } = input;
    if (!(await updateStationRow(tx, id, version, patch))) throw conflict('env.stale_version', '该站点已被他人修改，请刷新后重试');
    const updated = toPublicStation((await findStation(tx, id, { kind: 'all' })) as StationRecord);
    const before = toPublicStation(station);
    await recordAudit(tx, actor, {
      action: input.isActive === false && station.isActive ? 'env.station.deactivate' : 'env.station.update',
      entityType: 'env_station', entityId: id, orgUnitId: updated.territoryOrgUnitId,
      summary: `修改监测站点「${updated.name}」`, before, after: updated,
    });
    return updated;
  });
}
