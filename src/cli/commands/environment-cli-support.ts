import fs from 'node:fs';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db/types';
import type { Logger } from '../../platform/logger';

/** What the environment commands need from the CLI context (a subset of CliContext). */
export type EnvironmentCliContext = { db: Db; config: Config; logger: Logger; out?: (line: string) => void };

export function printer(ctx: EnvironmentCliContext): (line: string) => void {
  return ctx.out ?? ((line: string) => console.log(line));
}

/** Read a file given on the command line, or print why not (exit code 2). */
export function readInputFile(file: string | undefined, usage: string, out: (line: string) => void): Uint8Array | null {
  if (!file) {
    out(`usage: qcity ${usage}`);
    return null;
  }
  if (!fs.existsSync(file)) {
    out(`file not found: ${file}`);
    return null;
  }
  return new Uint8Array(fs.readFileSync(file));
}
