/**
 * Test fixtures for the hazard rules (imported only by `*.test.ts`): a fake working-day calendar, a small
 * org tree with one actor per relation, and a hazard factory.
 */
import type { WorkingDayCalendar } from './calendar-port';
import type { HazardActor, HazardRecord } from './hazard-actors';
import { addCalendarDays } from './hazard-dates';

/** Weekends are rest days except `workdays` (调休); `holidays` are rest days. */
export function createFakeCalendar(holidays: readonly string[] = [], workdays: readonly string[] = []): WorkingDayCalendar {
  const off = new Set(holidays);
  const on = new Set(workdays);
  const isWorkingDay = (date: string) => {
    if (on.has(date)) return true;
    if (off.has(date)) return false;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };
  return {
    isWorkingDay,
    addWorkingDays(date, n) {
      let current = date;
      let left = Math.abs(n);
      const step = n < 0 ? -1 : 1;
      while (left > 0) {
        current = addCalendarDays(current, step);
        if (isWorkingDay(current)) left -= 1;
      }
      return current;
    },
  };
}

/** 2025 State Council arrangement around National Day: 10-01…10-08 off, Sun 09-28 and Sat 10-11 worked. */
export const nationalDay2025 = createFakeCalendar(
  ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
  ['2025-09-28', '2025-10-11'],
);
export const weekendsOnly = createFakeCalendar();

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

export const ids = {
  town1: uuid(1),
  village1: uuid(2),
  town2: uuid(3),
  dept1: uuid(4),
  dept2: uuid(5),
  bureauUnit: uuid(6),
  officeUnit: uuid(7),
  inspectionOrg: uuid(8),
  ent1: uuid(11),
  ent2: uuid(12),
  hazard: uuid(21),
  photoBefore: uuid(31),
  photoAfter: uuid(32),
  userReporter: uuid(41),
  userTown1: uuid(42),
  userTown2: uuid(43),
  userEnt1: uuid(44),
  userEnt2: uuid(45),
  userBureau: uuid(46),
  userOffice: uuid(47),
  userDept1: uuid(48),
  userDept2: uuid(49),
  userInspector: uuid(50),
  userAdmin: uuid(51),
};

/** Subtrees: town1 ⊃ village1; every other unit contains only itself. */
const subtree: Record<string, readonly string[]> = { [ids.town1]: [ids.town1, ids.village1] };
const scopeOf = (orgUnitId: string) => (target: string) => (subtree[orgUnitId] ?? [orgUnitId]).includes(target);

function actor(userId: string, role: HazardActor['role'], orgUnitId: string, extra: Partial<HazardActor> = {}): HazardActor {
  return { userId, role, flags: [], orgUnitId, enterpriseId: null, inScope: scopeOf(orgUnitId), ...extra };
}

export const actors = {
  /** A township safety coordinator of town1 who reported the hazard. */
  reporter: actor(ids.userReporter, 'township', ids.town1, { flags: ['safetyCoordinator'] }),
  town1: actor(ids.userTown1, 'township', ids.town1, { flags: ['qualityManager'] }),
  town2: actor(ids.userTown2, 'township', ids.town2, { flags: ['safetyCoordinator'] }),
  ent1: actor(ids.userEnt1, 'enterprise', ids.village1, { enterpriseId: ids.ent1 }),
  ent2: actor(ids.userEnt2, 'enterprise', ids.village1, { enterpriseId: ids.ent2 }),
  bureau: actor(ids.userBureau, 'bureau', ids.bureauUnit),
  office: actor(ids.userOffice, 'office', ids.officeUnit),
  dept1: actor(ids.userDept1, 'department', ids.dept1),
  dept2: actor(ids.userDept2, 'department', ids.dept2),
  inspector: actor(ids.userInspector, 'inspector', ids.inspectionOrg),
  admin: actor(ids.userAdmin, 'admin', ids.officeUnit),
};
export type ActorKey = keyof typeof actors;

/** A general patrol hazard of ent1 in village1 (under town1), supervised by dept1, in draft. */
export function makeHazard(overrides: Partial<HazardRecord> = {}): HazardRecord {
  return {
    id: ids.hazard,
    hazardNo: '2025-320684-0001',
    version: 3,
    title: '电梯制动器异常',
    status: 'draft',
    grade: null,
    source: 'patrol',
    orgUnitId: ids.village1,
    supervisingOrgUnitId: ids.dept1,
    enterpriseId: ids.ent1,
    reportedBy: ids.userReporter,
    deadline: null,
    isOverdue: false,
    isListed: false,
    listing: null,
    notice: null,
    plan: null,
    pendingExtension: null,
    beforePhotoIds: [ids.photoBefore],
    afterPhotoIds: [],
    reviewDueOn: null,
    verificationDueOn: null,
    confirmedOn: null,
    closedOn: null,
    closeReason: null,
    reopenCount: 0,
    transferredToOrgUnitId: null,
    ...overrides,
  };
}
