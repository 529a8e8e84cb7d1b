export { loadCalendar, loadWorkingDayCalendar, getCalendarMonth, computeWorkingDays, listCalendarOverrides, addCalendarOverride, removeCalendarOverride, replaceYearOverrides } from './service';
export { calendarRoutes } from './routes';
export { addWorkingDays, workingDaysBetween, isWorkingDay, getCalendarDay, knownYears, bindCalendar, buildCalendar, type Calendar, type CalendarDay, type CalendarOverride } from './rules';
export type { CalendarOverrideInput, DayKind, DayOverrideKind } from './schema';
