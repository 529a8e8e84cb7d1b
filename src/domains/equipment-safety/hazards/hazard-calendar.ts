import type { Db } from '../../../platform/db/types';
import { loadWorkingDayCalendar as loadCalendarPort } from '../../calendar';
import type { WorkingDayCalendar } from './calendar-port';

/**
 * The working-day calendar for hazard deadlines and escalation: the State Council arrangement shipped
 * with chinese-days plus the administrator's overrides, from the calendar domain (cached there). Every
 * hazard service, the escalation job and the demo reach the calendar only through this function.
 */
export async function loadWorkingDayCalendar(db: Db): Promise<WorkingDayCalendar> {
  return loadCalendarPort(db);
}
