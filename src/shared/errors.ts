/**
 * The one error type of the platform. Rules and services throw it through the helpers below;
 * `platform/http/on-error.ts` maps its kind to an HTTP status and `cli/main.ts` to an exit code.
 * Isomorphic: the web app imports the kinds and codes too.
 */
export const errorKinds = ['invalid', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'too_large', 'rate_limited'] as const;
export type ErrorKind = (typeof errorKinds)[number];

export class DomainError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly details: unknown;

  constructor(kind: ErrorKind, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    this.details = details;
  }
}

export const invalid = (code: string, message: string, details?: unknown) => new DomainError('invalid', code, message, details);
export const notFound = (code: string, message: string, details?: unknown) => new DomainError('not_found', code, message, details);
export const conflict = (code: string, message: string, details?: unknown) => new DomainError('conflict', code, message, details);
export const forbidden = (code: string, message: string, details?: unknown) => new DomainError('forbidden', code, message, details);
export const unauthenticated = (code: string, message: string, details?: unknown) =>
  new DomainError('unauthenticated', code, message, details);
export const tooLarge = (code: string, message: string, details?: unknown) => new DomainError('too_large', code, message, details);
export const rateLimited = (code: string, message: string, details?: unknown) => new DomainError('rate_limited', code, message, details);

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
