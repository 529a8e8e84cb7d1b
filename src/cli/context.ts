import type { Clock } from '../platform/clock';
import type { Config } from '../platform/config';
import type { Database } from '../platform/db/connect';
import type { Db } from '../platform/db/types';
import type { Logger } from '../platform/logger';

/** What every CLI command receives. Commands return their exit code. */
export type CliContext = { db: Db; database: Database; config: Config; logger: Logger; clock: Clock; out: (line: string) => void };

export type CliCommand = {
  name: string;
  usage: string;
  description: string;
  /** false for commands that must not migrate or seed first (backup/restore handle it themselves). */
  needsMigrations?: boolean;
  run(args: string[], ctx: CliContext): Promise<number>;
};

/** Parse `--name value` / `--flag` options; the rest are positional arguments. */
export function parseArgs(args: string[]): { positional: string[]; options: Record<string, string | true> } {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg.startsWith('--')) {
      const [key, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
      const next = args[i + 1];
      if (inline !== undefined) options[key] = inline;
      else if (next !== undefined && !next.startsWith('--')) {
        options[key] = next;
        i++;
      } else options[key] = true;
    } else positional.push(arg);
  }
  return { positional, options };
}
