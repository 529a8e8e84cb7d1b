import type { ScheduledJob } from '../platform/jobs/scheduler';
import { deleteExpiredSessions } from './accounts';

/** Every scheduled job of every domain; the server's scheduler runs them (one process per run key). */
export const scheduledJobs: ScheduledJob[] = [
  {
    name: 'accounts.purge_expired_sessions',
    schedule: { everyMinutes: 60 },
    run: async ({ db, clock, config }) => `${await deleteExpiredSessions(db, clock.now(), config.session.idleSeconds)} expired sessions removed`,
  },
];
