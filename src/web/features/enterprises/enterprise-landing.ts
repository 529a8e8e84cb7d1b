/**
 * Where an enterprise user lands after logging in: their own enterprise's page (the one record they
 * may see), once per session, so that "工作台" still opens the home page afterwards.
 *
 *   landingPath({ id, role: 'enterprise', enterpriseId: 'e1' }, null) // → '/enterprises/e1'
 */
import type { Role } from '../../../shared/roles';

export type LandingUser = { id: string; role: Role; enterpriseId: string | null };

/** `landedUserId` is whom the session already sent to their landing page (null: nobody yet). */
export function landingPath(me: LandingUser | null | undefined, landedUserId: string | null): string | null {
  if (!me || me.role !== 'enterprise' || !me.enterpriseId) return null;
  if (landedUserId === me.id) return null;
  return `/enterprises/${me.enterpriseId}`;
}

const LANDED_KEY = 'qcity.landed';

/** The landing path for this browser session, remembering that it was used. */
export function takeLandingPath(me: LandingUser | null | undefined): string | null {
  let landed: string | null;
  try {
    landed = window.sessionStorage.getItem(LANDED_KEY);
  } catch {
    return null;
  }
  const path = landingPath(me, landed);
  if (path && me) window.sessionStorage.setItem(LANDED_KEY, me.id);
  return path;
}
