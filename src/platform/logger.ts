import pino from 'pino';
import type { Config } from './config';

export type Logger = pino.Logger;

/** JSON logs on stdout (one line per event); request logs carry the request id. */
export function createLogger(level: Config['logLevel']): Logger {
  return pino({ level, base: { service: 'qcity' }, timestamp: pino.stdTimeFunctions.isoTime });
}

export const silentLogger: Logger = pino({ level: 'silent' });
