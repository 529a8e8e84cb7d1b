/**
 * Generates demo hazards with consistent histories by replaying scripted scenarios through the real
 * rules (`prepareHazardCreation`, `nextHazardState`, `computeEscalations`) on past days: every event is a
 * transition the state table allows, made by an actor the table grants it to. Deterministic (seeded).
 */
import type { WorkingDayCalendar } from './calendar-port';
import { computeEscalations, type EscalationConfig, type EscalationStep } from './escalation-rules';
import type { HazardActor, HazardRecord } from './hazard-actors';
import type { HazardRulesConfig } from './hazard-config';
import { addCalendarDays } from './hazard-dates';
import { isOverdue } from './hazard-deadline-rules';
import { demoCategories, demoHazardTexts, type DemoHazardText } from './hazard-demo-data';
import { between, buildDemoInput, createRandom, pick, pickScenario, scenarios } from './hazard-demo-scenarios';
import type { HazardActionName, HazardSource } from './hazard-enums';
import { prepareHazardCreation } from './hazard-record-rules';
import { nextHazardState } from './hazard-rules';

export type DemoPerson = { id: string | null; name: string };
export type DemoTerritory = { id: string; name: string; townshipId: string; regionCode: string };
export type DemoEnterprise = { id: string; name: string; townshipId: string };
export type DemoDevice = { id: string; enterpriseId: string; categoryCode: string };
export type DemoContext = {
  today: string;
  count: number;
  territories: readonly DemoTerritory[];
  enterprises: readonly DemoEnterprise[];
  devices: readonly DemoDevice[];
  departments: readonly { id: string; name: string }[];
  /** Real demo users: bureau, office (city-wide), township users by township id, ent1 with its enterprise, a department user. */
  bureau: { id: string; name: string; orgUnitId: string };
  office: { id: string; name: string; orgUnitId: string };
  townships: ReadonlyMap<string, { id: string; name: string }>;
  ent1: { id: string; name: string; enterpriseId: string; orgUnitId: string } | null;
  photos: { before: readonly string[]; after: readonly string[] };
  calendar: WorkingDayCalendar;
  config: HazardRulesConfig;
  escalation: EscalationConfig;
  /** Territories/enterprises the first hazards must cover (the small demo's guarantees for tests). */
  focus: { townshipIds: readonly string[]; ent1Share: number };
};

export type DemoEvent = {
  action: HazardActionName | 'create' | 'escalation';
  fromStatus: HazardRecord['status'] | null;
  toStatus: HazardRecord['status'];
  actor: DemoPerson;
  on: string;
  deadline: string | null;
  comment: string | null;
  payload: Record<string, unknown>;
};

export type DemoHazard = {
  record: HazardRecord & { equipmentId: string | null; description: string; majorCriterionRef: string | null; createdOn: string; reportedByName: string; regionCode: string };
  events: DemoEvent[];
  markers: { key: string; step: EscalationStep; dueOn: string; firedOn: string }[];
};

type Acting = { actor: HazardActor; person: DemoPerson };

function syntheticId(n: number): string {
  return `00000000-0000-4000-9000-${n.toString(16).padStart(12, '0')}`;
}

export function generateDemoHazards(ctx: DemoContext, seed = 20_261_126): DemoHazard[] {
  const rnd = createRandom(seed);
  const townshipOf = new Map(ctx.territories.map((t) => [t.id, t.townshipId]));
  const territoriesByTownship = new Map<string, DemoTerritory[]>();
  for (const t of ctx.territories) territoriesByTownship.set(t.townshipId, [...(territoriesByTownship.get(t.townshipId) ?? []), t]);
  const enterprisesByTownship = new Map<string, DemoEnterprise[]>();
  for (const e of ctx.enterprises) enterprisesByTownship.set(e.townshipId, [...(enterprisesByTownship.get(e.townshipId) ?? []), e]);
  const devicesByEnterprise = new Map<string, DemoDevice[]>();
  for (const d of ctx.devices) devicesByEnterprise.set(d.enterpriseId, [...(devicesByEnterprise.get(d.enterpriseId) ?? []), d]);
  const townshipIds = [...territoriesByTownship.keys()];

  const cityActor = (who: { id: string; orgUnitId: string }, role: 'bureau' | 'office'): HazardActor => ({
    userId: who.id,
    role,
    flags: [],
    orgUnitId: who.orgUnitId,
    enterpriseId: null,
    inScope: () => false,
  });
  const bureau: Acting = { actor: cityActor(ctx.bureau, 'bureau'), person: { id: ctx.bureau.id, name: ctx.bureau.name } };
  const office: Acting = { actor: cityActor(ctx.office, 'office'), person: { id: ctx.office.id, name: ctx.office.name } };
  let synthetic = 0;
  const townshipActing = (townshipId: string): Acting => {
    const user = ctx.townships.get(townshipId);
    const name = ctx.territories.find((t) => t.id === townshipId)?.name ?? '乡镇';
    return {
      actor: {
        userId: user?.id ?? syntheticId((synthetic += 1)),
        role: 'township',
        flags: ['safetyCoordinator'],
        orgUnitId: townshipId,
        enterpriseId: null,
        inScope: (id) => id === townshipId || townshipOf.get(id) === townshipId,
      },
      person: user ? { id: user.id, name: user.name } : { id: null, name: `${name}安全协管员` },
    };
  };
  const enterpriseActing = (e: DemoEnterprise): Acting => {
    const isEnt1 = ctx.ent1 !== null && ctx.ent1.enterpriseId === e.id;
    const userId = isEnt1 && ctx.ent1 ? ctx.ent1.id : syntheticId((synthetic += 1));
    return {
      actor: { userId, role: 'enterprise', flags: [], orgUnitId: e.townshipId, enterpriseId: e.id, inScope: () => false },
      person: isEnt1 && ctx.ent1 ? { id: ctx.ent1.id, name: ctx.ent1.name } : { id: null, name: `${e.name}（安全管理员）` },
    };
  };

  const out: DemoHazard[] = [];
  for (let i = 0; i < ctx.count; i += 1) {
    const generated = generateOne(i);
    if (generated) out.push(generated);
  }
  return out;

  function chooseLocation(i: number): { territory: DemoTerritory; enterprise: DemoEnterprise | null } {
    const focusTownship = i < ctx.focus.townshipIds.length * 6 ? ctx.focus.townshipIds[i % ctx.focus.townshipIds.length] : undefined;
    const wantEnt1 = ctx.ent1 !== null && (i % Math.max(1, Math.round(1 / ctx.focus.ent1Share)) === 1);
    const ent1Enterprise = ctx.ent1 ? ctx.enterprises.find((e) => e.id === ctx.ent1?.enterpriseId) : undefined;
    if (wantEnt1 && ent1Enterprise) {
      const territory = ctx.territories.find((t) => t.id === ent1Enterprise.townshipId) ?? pick(rnd, ctx.territories);
      return { territory, enterprise: ent1Enterprise };
    }
    const townshipId = focusTownship ?? pick(rnd, townshipIds);
    const territory = pick(rnd, territoriesByTownship.get(townshipId) ?? ctx.territories);
    const candidates = enterprisesByTownship.get(townshipId) ?? [];
    const enterprise = candidates.length > 0 && rnd() < 0.85 ? pick(rnd, candidates) : null;
    return { territory, enterprise };
  }

  function chooseSource(enterprise: DemoEnterprise | null, townshipId: string): { source: HazardSource; reporter: Acting } {
    if (enterprise && ctx.ent1?.enterpriseId === enterprise.id && rnd() < 0.6) return { source: 'self_check', reporter: enterpriseActing(enterprise) };
    const r = rnd();
    if (r < 0.35 && ctx.townships.has(townshipId)) return { source: 'patrol', reporter: townshipActing(townshipId) };
    if (r < 0.55) return { source: 'supervision', reporter: bureau };
    if (r < 0.7) return { source: 'inspection_finding', reporter: bureau };
    if (r < 0.82) return { source: 'complaint', reporter: bureau };
    if (r < 0.9) return { source: 'public_report', reporter: office };
    if (r < 0.95) return { source: 'referral', reporter: office };
    return { source: 'patrol', reporter: bureau };
  }

  function generateOne(i: number): DemoHazard | null {
    const { territory, enterprise } = chooseLocation(i);
    // Every scenario once first (so even the small demo has every status), then weighted at random.
    const scenario = i < scenarios.length ? (scenarios[i] as (typeof scenarios)[number]) : pickScenario(rnd);
    let device = enterprise ? pick(rnd, devicesByEnterprise.get(enterprise.id) ?? [null]) : null;
    let category: string = device && demoHazardTexts[device.categoryCode] ? device.categoryCode : pick(rnd, demoCategories);
    if (scenario.grade === 'major' && !(demoHazardTexts[category] ?? []).some((t) => t.major)) {
      category = pick(rnd, demoCategories.filter((c) => (demoHazardTexts[c] ?? []).some((t) => t.major)));
      device = null;
    }
    const texts = demoHazardTexts[category] ?? [];
    const candidates = scenario.grade === 'major' ? texts.filter((t) => t.major) : texts;
    const text: DemoHazardText = pick(rnd, candidates.length > 0 ? candidates : texts);
    const grade = scenario.grade ?? (text.major && rnd() < 0.5 ? 'major' : 'general');
    const { source, reporter } = chooseSource(enterprise, territory.townshipId);
    const responsible = enterprise ? enterpriseActing(enterprise) : townshipActing(territory.townshipId);
    const territorial = townshipActing(territory.townshipId);
    const supervising = rnd() < 0.2 ? pick(rnd, ctx.departments) : null;

    // Start far enough back for the whole scenario plus a random stretch, so that some rectifications
    // are late and some open hazards are overdue today.
    const gaps = scenario.steps.map((a) => (a === 'submit' ? between(rnd, 0, 1) : between(rnd, 2, 14)));
    const span = gaps.reduce((sum, g) => sum + g, 0) + (rnd() < 0.25 ? between(rnd, 10, 150) : between(rnd, 1, 3));
    let day = addCalendarDays(ctx.today, -span);
    const createdOn = day;
    const creation = prepareHazardCreation(
      reporter.actor,
      {
        title: text.title,
        description: `${enterprise ? enterprise.name : territory.name}：${text.description}`,
        source,
        orgUnitId: territory.id,
        ...(supervising ? { supervisingOrgUnitId: supervising.id } : {}),
        ...(enterprise ? { enterpriseId: enterprise.id } : {}),
        ...(grade === 'major' ? { grade } : {}),
        photos: [pick(rnd, ctx.photos.before)],
      },
      { today: day, calendar: ctx.calendar, config: ctx.config },
    );
    let record: HazardRecord = { ...creation, id: `demo-${i}`, hazardNo: null, version: 1, title: text.title };
    const events: DemoEvent[] = [
      { action: 'create', fromStatus: null, toStatus: 'draft', actor: reporter.person, on: day, deadline: null, comment: null, payload: { source, photos: record.beforePhotoIds } },
    ];
    const markers: DemoHazard['markers'] = [];
    let lastOn = day;

    const fireEscalations = (upTo: string) => {
      const done = new Set(markers.map((m) => m.key));
      for (const esc of computeEscalations(record, upTo, ctx.calendar, ctx.escalation, done)) {
        const on = esc.dueOn < lastOn ? lastOn : esc.dueOn;
        markers.push({ key: esc.key, step: esc.step, dueOn: esc.dueOn, firedOn: on });
        events.push({
          action: 'escalation',
          fromStatus: record.status,
          toStatus: record.status,
          actor: { id: null, name: '系统（逾期升级）' },
          on,
          deadline: record.deadline,
          comment: esc.messageZh,
          payload: { step: esc.step, key: esc.key, dueOn: esc.dueOn, isLate: esc.isLate, escalationAction: esc.action },
        });
        lastOn = on;
      }
    };

    for (const [index, action] of scenario.steps.entries()) {
      const next = addCalendarDays(day, gaps[index] ?? 1);
      fireEscalations(addCalendarDays(next, -1));
      const acting = actingFor(action, record, { reporter, responsible, territorial });
      const input = buildDemoInput(action, record, next, rnd, { departments: ctx.departments, afterPhotos: ctx.photos.after });
      let result;
      try {
        result = nextHazardState(record, input, acting.actor, { today: next, calendar: ctx.calendar, config: ctx.config });
      } catch {
        break; // a scripted step the rules refuse on this day (e.g. deadline limits): stop the story here
      }
      const { status: _status, ...patch } = result.patch;
      record = { ...record, ...patch, status: result.to, version: record.version + 1 };
      events.push({ action, fromStatus: result.from, toStatus: result.to, actor: acting.person, on: next, deadline: record.deadline, comment: result.event.comment, payload: result.event.payload });
      day = next;
      lastOn = next;
    }
    fireEscalations(addCalendarDays(ctx.today, -1));
    record = { ...record, isOverdue: isOverdue(record, ctx.today) };
    const majorCriterionRef = record.grade === 'major' && text.major ? text.major : null;
    return {
      record: {
        ...record,
        equipmentId: device?.id ?? null,
        description: `${enterprise ? enterprise.name : territory.name}：${text.description}`,
        majorCriterionRef,
        createdOn,
        reportedByName: reporter.person.name,
        regionCode: territory.regionCode,
      },
      events,
      markers,
    };
  }

  function actingFor(action: HazardActionName, h: HazardRecord, parties: { reporter: Acting; responsible: Acting; territorial: Acting }): Acting {
    switch (action) {
      case 'submit':
        return parties.reporter;
      case 'file_plan':
      case 'request_extension':
        return parties.responsible;
      case 'submit_rectification':
        return h.status === 'rectifying' || rnd() < 0.5 ? parties.responsible : bureau;
      case 'list_for_supervision':
        return office;
      case 'decide_extension':
        return h.isListed ? office : bureau;
      case 'verify_pass':
      case 'verify_fail':
        if (h.grade === 'major') return h.isListed ? office : bureau;
        return rnd() < 0.5 ? parties.territorial : bureau;
      case 'reopen':
        return rnd() < 0.5 ? parties.territorial : bureau;
      default:
        return bureau;
    }
  }
}
