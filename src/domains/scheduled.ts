import type { ScheduledJob } from '../platform/jobs/scheduler';
import { deleteExpiredSessions } from './accounts';
import { hazardEscalationJob } from './equipment-safety/hazards';
import { equipmentDueReminderJob } from './equipment-safety/equipment';
import { runReportingReminders } from './targets';

/** Every scheduled job of every domain; the server's scheduler runs them (one process per run key). */
export const scheduledJobs: ScheduledJob[] = [
  {
    name: 'accounts.purge_expired_sessions',
    schedule: { everyMinutes: 60 },
    run: async ({ db, clock, config }) => `${await deleteExpiredSessions(db, clock.now(), config.session.idleSeconds)} expired sessions removed`,
  },
  // Special equipment: reminders when an inspection becomes 临期 and when it is overdue (markers + dedupe keys make re-runs no-ops).
  equipmentDueReminderJob,
  // Hazard overdue escalation ladder (daily; per-step markers make re-runs no-ops).
  hazardEscalationJob,
  // Target progress: reminders before reporting deadlines and urging notices (督办) to late units (dedupe keys make re-runs no-ops).
  {
    name: 'targets.reporting_reminders',
    schedule: { dailyAt: '08:30' },
    run: async ({ db, clock, config }) => {
      const sent = await runReportingReminders(db, { now: clock.now(), timeZone: config.timeZone });
      return `${sent.reminders} reminders, ${sent.urgings} urging notices`;
    },
  },
];
