/**
 * Who acts on a hazard: the actor shape and the relations an actor can have to one hazard.
 *
 * Relations (decisions [D], domain.md §0.1, §2.4):
 * - reporter: the user who created the hazard (an enterprise user only for its own enterprise's hazards);
 * - responsible_unit: users of the hazard's enterprise (整改责任单位). A hazard without an enterprise
 *   (public place, no using unit recorded) is rectified under 属地 responsibility, so the territorial
 *   township holds this relation then. Enterprise users never hold any other relation except reporter;
 * - territorial: township users whose subtree contains the hazard's org unit (属地管理);
 * - supervising_department: department users whose subtree contains the hazard's supervising unit;
 * - bureau: market-supervision bureau staff, city-wide (field stations are bureau users; a station's org
 *   unit does not contain townships in the tree, so bureau scope is not subtree-based);
 * - office: 质强办 / 安委办 staff, city-wide (government listing unit, 挂牌督办).
 * `admin` and `inspector` hold no workflow relation except reporter (separation of duties).
 */
import type { Actor } from '../../../shared/actor';
import { forbidden } from '../../../shared/errors';
import type { Role, UserFlag } from '../../../shared/roles';
import type { HazardRelation } from './hazard-enums';
import type { Hazard } from './hazard-schema';

export type HazardActor = {
  userId: string;
  role: Role;
  flags: readonly UserFlag[];
  orgUnitId: string;
  enterpriseId?: string | null;
  /** True when `orgUnitId` is the actor's own unit or lies below it in the org-unit tree. */
  inScope(orgUnitId: string): boolean;
};

/** The part of a hazard the rules read. */
export type HazardRecord = Pick<
  Hazard,
  | 'id'
  | 'hazardNo'
  | 'version'
  | 'title'
  | 'status'
  | 'grade'
  | 'source'
  | 'orgUnitId'
  | 'supervisingOrgUnitId'
  | 'enterpriseId'
  | 'reportedBy'
  | 'deadline'
  | 'isOverdue'
  | 'isListed'
  | 'listing'
  | 'notice'
  | 'plan'
  | 'pendingExtension'
  | 'beforePhotoIds'
  | 'afterPhotoIds'
  | 'reviewDueOn'
  | 'verificationDueOn'
  | 'confirmedOn'
  | 'closedOn'
  | 'closeReason'
  | 'reopenCount'
  | 'transferredToOrgUnitId'
>;

type RelationTest = (hazard: HazardRecord, actor: HazardActor) => boolean;

const isTerritorial: RelationTest = (h, a) => a.role === 'township' && a.inScope(h.orgUnitId);

export const hazardRelationTests: Record<HazardRelation, RelationTest> = {
  reporter: (h, a) =>
    a.userId === h.reportedBy && (a.role !== 'enterprise' || (h.enterpriseId !== null && a.enterpriseId === h.enterpriseId)),
  responsible_unit: (h, a) =>
    h.enterpriseId === null
      ? isTerritorial(h, a)
      : a.role === 'enterprise' && a.enterpriseId !== undefined && a.enterpriseId === h.enterpriseId,
  territorial: isTerritorial,
  supervising_department: (h, a) =>
    a.role === 'department' && h.supervisingOrgUnitId !== null && a.inScope(h.supervisingOrgUnitId),
  bureau: (_h, a) => a.role === 'bureau',
  office: (_h, a) => a.role === 'office',
};

/** Every relation `actor` holds to `hazard`, in the fixed order of `hazardRelations`. */
export function resolveHazardRelations(hazard: HazardRecord, actor: HazardActor): HazardRelation[] {
  return (Object.keys(hazardRelationTests) as HazardRelation[]).filter((r) => hazardRelationTests[r](hazard, actor));
}

/**
 * The platform actor as the hazard rules see it. `orgPaths` maps the org-unit ids the rules will ask
 * about (the hazard's territory, supervising unit…) to their materialised paths; an id missing from the
 * map is out of scope. Only logged-in users act on hazards (the system acts through its own code paths).
 */
export function toHazardActor(actor: Actor, orgPaths: ReadonlyMap<string, string>): HazardActor {
  if (actor.kind !== 'user' || actor.userId === null || actor.role === null || actor.orgUnitId === null || actor.orgPath === null) {
    throw forbidden('hazard.forbidden_actor', '只有登录用户可以处理隐患');
  }
  const rootPath = actor.orgPath;
  return {
    userId: actor.userId,
    role: actor.role,
    flags: actor.flags,
    orgUnitId: actor.orgUnitId,
    enterpriseId: actor.enterpriseId,
    inScope: (orgUnitId) => orgPaths.get(orgUnitId)?.startsWith(rootPath) ?? false,
  };
}
