import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../platform/clock';
import { loadConfig } from '../../platform/config';
import type { Database } from '../../platform/db/connect';
import { queryOne } from '../../platform/db/types';
import { silentLogger } from '../../platform/logger';
import { createTestDb } from '../../../test/support/create-test-db';
import type { CliContext } from '../context';
import { run as runSitingBatch } from './environment-siting-batch';
import { run as runImport } from './import-command';

/**
 * The environment through the CLI: `qcity import red-lines <geojson>` refuses a broken zone file
 * naming the feature and writing nothing, imports a good one, then `qcity env-siting-batch` judges
 * footprints against it; `qcity import air-hourly <csv>` goes through the generic import engine.
 */
let database: Database;
let dir: string;
const lines: string[] = [];
let ctx: CliContext;

beforeAll(async () => {
  database = await createTestDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qcity-env-cli-'));
  ctx = { db: database.db, database, config: loadConfig({}), logger: silentLogger, clock: systemClock, out: (line) => lines.push(line) };
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const square = (lon: number, lat: number, d: number) => [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]];
const zoneCount = async () => (await queryOne<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM env_redline_zones WHERE code LIKE 'CLI-%'`))?.n;
const write = (name: string, value: unknown) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};

describe('qcity import red-lines / env-siting-batch', () => {
  it('refuses a zone whose ring is not closed, naming the feature, and imports nothing', async () => {
    const open = square(121.5, 31.5, 0.01);
    open[0]?.pop();
    const file = write('bad.geojson', {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: '好区', code: 'CLI-1', type: '湿地', tier: '二级管控区' }, geometry: { type: 'Polygon', coordinates: square(121.5, 31.5, 0.01) } },
        { type: 'Feature', properties: { name: '坏区', code: 'CLI-2', type: '湿地', tier: '二级管控区' }, geometry: { type: 'Polygon', coordinates: open } },
      ],
    });
    await expect(runImport(['red-lines', file], ctx)).rejects.toMatchObject({ code: expect.stringMatching(/^geo\./), message: expect.stringContaining('坏区') });
    expect(await zoneCount()).toBe(0);
  });

  it('imports zones, then an industrial project inside a 二级管控区 is prohibited and one outside is allowed with its distance', async () => {
    const zones = write('zones.geojson', {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: 'CLI 测试湿地', code: 'CLI-1', type: '湿地', tier: '二级管控区' }, geometry: { type: 'Polygon', coordinates: square(121.5, 31.5, 0.01) } }],
    });
    expect(await runImport(['red-lines', zones], ctx)).toBe(0);
    expect(await zoneCount()).toBe(1);
    const footprints = write('projects.geojson', {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 'IN', properties: { name: '区内工厂' }, geometry: { type: 'Point', coordinates: [121.505, 31.505] } },
        // 0.01° of longitude east of the zone's edge at 31.5°N is about 950 m.
        { type: 'Feature', id: 'OUT', properties: { name: '区外工厂' }, geometry: { type: 'Point', coordinates: [121.52, 31.505] } },
      ],
    });
    const out = path.join(dir, 'result.json');
    expect(await runSitingBatch([footprints, '--project-type', 'industrial', '--out', out], ctx)).toBe(0);
    const result = JSON.parse(fs.readFileSync(out, 'utf8')) as { results: Array<{ id: string; verdict: string; intersections: { code: string }[]; nearest: { distanceM: number } | null }> };
    const byId = new Map(result.results.map((r) => [r.id, r]));
    expect(byId.get('IN')?.verdict).toBe('prohibited');
    expect(byId.get('IN')?.intersections.map((i) => i.code)).toContain('CLI-1');
    expect(byId.get('OUT')?.verdict).toBe('allowed');
    expect(byId.get('OUT')?.nearest?.distanceM).toBeGreaterThan(900);
    expect(byId.get('OUT')?.nearest?.distanceM).toBeLessThan(1000);
  });
});

describe('qcity import air-hourly', () => {
  it('refuses an unknown kind with usage and the list of kinds', async () => {
    lines.length = 0;
    expect(await runImport(['weather', 'x.csv'], ctx)).toBe(2);
    expect(lines.join('\n')).toContain('environment-air-hourly');
  });

  it('imports hourly rows of a known station and reports a row for an unknown one', async () => {
    const station = await queryOne<{ code: string }>(database.db, sql`SELECT code FROM env_stations WHERE kind = 'air' ORDER BY code LIMIT 1`);
    expect(station).toBeTruthy();
    const csv = write('air.csv', `站点编码,时间,SO2,NO2,CO,O3,PM10,PM2.5\n${station?.code},2026-01-05 08:00,8,30,0.7,40,60,35\nNOPE,2026-01-05 09:00,8,30,0.7,40,60,35\n`);
    lines.length = 0;
    expect(await runImport(['air-hourly', csv, '--mode', 'valid_only', '--errors', path.join(dir, 'air.errors.xlsx')], ctx)).toBe(4);
    expect(fs.existsSync(path.join(dir, 'air.errors.xlsx'))).toBe(true);
    const stored = await queryOne<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM env_air_hourly h JOIN env_stations s ON s.id = h.station_id WHERE s.code = ${station?.code} AND h.hour_start = '2026-01-05T00:00:00Z'`);
    expect(stored?.n).toBe(1);
  });
});
