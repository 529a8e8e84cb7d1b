import { isDomainError } from '../../shared/errors';

/** The DomainError code thrown by `fn`, or 'no error' / 'not a DomainError' (test helper). */
export function thrownCode(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return isDomainError(error) ? error.code : 'not a DomainError';
  }
  return 'no error';
}
