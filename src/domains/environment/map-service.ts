import type { Actor } from '../../shared/actor';
import type { Db } from '../../platform/db/types';
import { resolveReadScope } from './access-service';
import { computeLatestHours } from './dashboard-service';
import type { FeatureCollectionOut, ListStationsQuery } from './station-schema';
import { selectStations, stationFilters } from './station-store';
import { waterQualitative, type WaterClass } from './water-tables';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/types';

/**
 * Stations as GeoJSON points for the map, with a status per kind: the latest real-time AQI
 * (air), the latest sample's class (water) or the latest day/night compliance (noise).
 */
export async function buildStationsGeoJson(db: Db, options: { actor: Actor; query: Pick<ListStationsQuery, 'kind' | 'territoryOrgUnitId'>; timeZone: string }): Promise<FeatureCollectionOut> {
  const scope = await resolveReadScope(db, options.actor);
  const stations = await selectStations(db, stationFilters({ ...options.query, includeInactive: false }, scope), { sort: 'code', limit: 10_000, offset: 0 });
  const air = stations.filter((s) => s.kind === 'air');
  const latestHours = await computeLatestHours(db, air, options.timeZone);
  const ids = stations.filter((s) => s.kind !== 'air').map((s) => s.id);
  const water = ids.length
    ? await queryRows<{ station_id: string; sampled_on: string; section_class: WaterClass; meets_target: boolean | null }>(
        db,
        sql`SELECT DISTINCT ON (station_id) station_id, sampled_on::text, section_class, meets_target FROM env_water_samples
            WHERE station_id = ANY(${sql.param(ids)}::uuid[]) ORDER BY station_id, sampled_on DESC`,
      )
    : [];
  const noise = ids.length
    ? await queryRows<{ station_id: string; measured_on: string; day_compliant: boolean | null; night_compliant: boolean | null }>(
        db,
        sql`SELECT DISTINCT ON (station_id) station_id, measured_on::text, day_compliant, night_compliant FROM env_noise_measurements
            WHERE station_id = ANY(${sql.param(ids)}::uuid[]) ORDER BY station_id, measured_on DESC`,
      )
    : [];
  const waterBy = new Map(water.map((w) => [w.station_id, w]));
  const noiseBy = new Map(noise.map((n) => [n.station_id, n]));
  return {
    type: 'FeatureCollection',
    features: stations.map((s) => {
      const status: Record<string, unknown> = {};
      if (s.kind === 'air') {
        const h = latestHours.get(s.id);
        if (h) Object.assign(status, { hourStart: h.hourStart, aqi: h.aqi, category: h.category, color: h.color });
      } else if (s.kind === 'water') {
        const w = waterBy.get(s.id);
        if (w) Object.assign(status, { sampledOn: w.sampled_on, sectionClass: w.section_class, grade: waterQualitative[w.section_class].grade, colorName: waterQualitative[w.section_class].colorName, meetsTarget: w.meets_target });
      } else {
        const n = noiseBy.get(s.id);
        if (n) Object.assign(status, { measuredOn: n.measured_on, dayCompliant: n.day_compliant, nightCompliant: n.night_compliant });
      }
      return {
        type: 'Feature',
        id: s.id,
        geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
        properties: { id: s.id, code: s.code, name: s.name, kind: s.kind, territoryName: s.territoryName, riverName: s.riverName, targetClass: s.targetClass, noiseZone: s.noiseZone, status },
      };
    }),
  };
}
