import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/types';
import { createTestApp, type TestApp, type TestClient } from '../../../../test/support/create-test-app';

/*
 * Paging through the registry list with the same filters many times over (on PostgreSQL the page
 * statement is prepared, and after a few calls the server may answer it from one cached plan):
 * every page continues where the previous one stopped, in due-date order, with one total.
 */
let t: TestApp;
let office: TestClient;
let town1: TestClient;
let changle: string;
/** 常乐镇 and the villages below it. */
let changleArea: Set<string>;

beforeAll(async () => {
  t = await createTestApp();
  [office, town1] = await Promise.all([t.as('office'), t.as('town1')]);
  changle = (await queryRows<{ id: string }>(t.database.db, sql`SELECT id FROM org_units WHERE code = 'town-changle'`))[0]?.id as string;
  const area = await queryRows<{ id: string }>(t.database.db, sql`SELECT id FROM org_units WHERE path LIKE ${`%/${changle}/%`}`);
  changleArea = new Set(area.map((u) => u.id));
});
afterAll(async () => t.close());

type Item = { id: string; nextDueOn: string | null; dueStatus: string; categoryCode: string; territoryOrgUnitId: string };
type Page = { items: Item[]; total: number; page: number; pageSize: number };

async function allPages(client: TestClient, filters: string, pageSize: number): Promise<{ items: Item[]; totals: number[] }> {
  const items: Item[] = [];
  const totals: number[] = [];
  for (let page = 1; page <= 50; page++) {
    const res = await client.get(`/api/v1/equipment?${filters}&page=${page}&pageSize=${pageSize}`);
    expect(res.status).toBe(200);
    const body = res.body as Page;
    totals.push(body.total);
    items.push(...body.items);
    if (body.items.length < pageSize) break;
  }
  return { items, totals };
}

/** Due date ascending, devices without one last, ties by id: the list's default order. */
function inListOrder(items: Item[]): boolean {
  return items.every((item, i) => {
    const prev = items[i - 1];
    if (!prev) return true;
    if (prev.nextDueOn === item.nextDueOn) return prev.id < item.id;
    if (item.nextDueOn === null) return true;
    return prev.nextDueOn !== null && prev.nextDueOn < item.nextDueOn;
  });
}

describe('paging through the list', () => {
  it("gives a township its whole area page by page, in due-date order, without gaps or repeats", async () => {
    const whole = (await town1.get('/api/v1/equipment?pageSize=100')).body as Page;
    expect(whole.total).toBeGreaterThan(6);
    expect(whole.total).toBeLessThanOrEqual(100);
    const paged = await allPages(town1, 'sort=nextDueOn', 2);
    expect(paged.items.map((d) => d.id)).toEqual(whole.items.map((d) => d.id));
    expect(new Set(paged.totals)).toEqual(new Set([whole.total]));
    expect(inListOrder(paged.items)).toBe(true);
    expect(paged.items.every((d) => changleArea.has(d.territoryOrgUnitId))).toBe(true);
  });

  it('pages a territory, category and due-status filter the same way for the city office', async () => {
    for (const dueStatus of ['overdue', 'due_soon', 'normal']) {
      const filters = `territoryOrgUnitId=${changle}&dueStatus=${dueStatus}`;
      const whole = (await office.get(`/api/v1/equipment?${filters}&pageSize=100`)).body as Page;
      const paged = await allPages(office, filters, 1);
      expect(paged.items.map((d) => d.id)).toEqual(whole.items.map((d) => d.id));
      expect(paged.items.every((d) => d.dueStatus === dueStatus && changleArea.has(d.territoryOrgUnitId))).toBe(true);
      expect(new Set(paged.totals)).toEqual(new Set([whole.total]));
      expect(inListOrder(paged.items)).toBe(true);
    }
    const elevators = await allPages(office, `territoryOrgUnitId=${changle}&category=3000`, 3);
    expect(elevators.items.length).toBeGreaterThan(0);
    expect(elevators.items.every((d) => d.categoryCode === '3000')).toBe(true);
    expect(new Set(elevators.totals)).toEqual(new Set([elevators.items.length]));
    expect(inListOrder(elevators.items)).toBe(true);
  });
});
