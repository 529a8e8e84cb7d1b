/**
 * Polls `check` every `everyMs` until it holds, or fails naming `what` after `timeoutMs`: for
 * things that happen soon but not at once (a database notification, a process starting).
 */
export async function waitUntil(check: () => boolean | Promise<boolean>, what: string, options: { timeoutMs?: number; everyMs?: number } = {}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, options.everyMs ?? 20));
  }
}
