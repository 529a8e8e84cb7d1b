import { hash, verify } from '@node-rs/argon2';
import { newSecret } from '../../platform/ids';

/** argon2id with OWASP's minimum parameters (m = 19 MiB, t = 2, p = 1); ~14 ms here. */
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1, algorithm: 2 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;
/** Verify against a throw-away hash so that unknown usernames take as long as wrong passwords. */
export async function burnVerification(password: string): Promise<void> {
  dummyHash ??= hashPassword(newSecret(16));
  await verifyPassword(await dummyHash, password);
}

/** A temporary password that satisfies the policy (shown once to the administrator). */
export function generateTemporaryPassword(): string {
  const body = newSecret(9).replace(/[-_]/g, 'x');
  return `Qc#${body}7a`;
}
