/**
 * Local days and hours of the city's time zone (product.md §6: every day boundary is a local day,
 * timestamps are stored in UTC). Hot paths map hundreds of thousands of hourly instants, so the
 * zone offset is looked up once per UTC hour and cached.
 */
import { invalid } from '../../shared/errors';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export type LocalHour = { dayNumber: number; hour: number };

export type LocalTimeResolver = {
  readonly timeZone: string;
  /** Local day (days since 1970-01-01) and hour 0–23 of an instant. */
  locate(epochMs: number): LocalHour;
  /** UTC instant (ms) at which a local day starts. */
  startOfDay(dayNumber: number): number;
  /** Offset (ms) of local time from UTC at an instant (cached per UTC hour; for allocation-free hot loops). */
  offsetAt(epochMs: number): number;
};

function offsetMs(epochMs: number, format: Intl.DateTimeFormat): number {
  const parts = format.formatToParts(new Date(epochMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** A resolver for one IANA time zone (e.g. Asia/Shanghai). */
export function createLocalTimeResolver(timeZone: string): LocalTimeResolver {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
  } catch {
    throw invalid('env.invalid_time_zone', `未知时区 ${timeZone}`, { timeZone });
  }
  const cache = new Map<number, number>();
  const hourOffset = (epochMs: number): number => {
    const key = Math.floor(epochMs / HOUR_MS);
    let offset = cache.get(key);
    if (offset === undefined) {
      offset = offsetMs(key * HOUR_MS, format);
      cache.set(key, offset);
    }
    return offset;
  };
  // The last UTC day whose first and last hour share one offset (no transition inside): hot loops hit it without a lookup.
  let spanStart = Number.NaN;
  let spanEnd = Number.NaN;
  let spanOffset = 0;
  const offsetAt = (epochMs: number): number => {
    if (epochMs >= spanStart && epochMs < spanEnd) return spanOffset;
    const start = Math.floor(epochMs / DAY_MS) * DAY_MS;
    const offset = hourOffset(start);
    if (offset === hourOffset(start + DAY_MS - HOUR_MS)) {
      spanStart = start;
      spanEnd = start + DAY_MS;
      spanOffset = offset;
      return offset;
    }
    return hourOffset(epochMs);
  };
  return {
    timeZone,
    locate(epochMs) {
      const local = epochMs + offsetAt(epochMs);
      const dayNumber = Math.floor(local / DAY_MS);
      return { dayNumber, hour: Math.floor((local - dayNumber * DAY_MS) / HOUR_MS) };
    },
    startOfDay(dayNumber) {
      const guess = dayNumber * DAY_MS;
      let instant = guess - offsetAt(guess);
      instant = guess - offsetAt(instant);
      return instant;
    },
    offsetAt,
  };
}

/** `YYYY-MM-DD` of a day number (days since 1970-01-01). */
export function formatDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** Day number of a `YYYY-MM-DD` date. */
export function parseDayNumber(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw invalid('env.invalid_date', `日期格式应为 YYYY-MM-DD: ${date}`, { date });
  }
  return Math.round(ms / DAY_MS);
}
