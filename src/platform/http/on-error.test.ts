import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { statusByKind, toDomainError } from './on-error';

/** Errors from the database driver, zod and Hono become the product.md §4 error shape, never a 500. */
describe('toDomainError', () => {
  const pgError = (code: string) => Object.assign(new Error('db'), { code });
  it.each([
    ['a foreign-key violation (a reference to a deleted record)', pgError('23503'), 400, 'request.unknown_reference'],
    ['a unique violation', pgError('23505'), 409, 'request.duplicate'],
    ['a value out of range', pgError('22003'), 400, 'request.invalid_value'],
    ['a foreign-key violation wrapped by Drizzle', Object.assign(new Error('Failed query'), { cause: pgError('23503') }), 400, 'request.unknown_reference'],
  ])('maps %s', (_label, error, status, code) => {
    const mapped = toDomainError(error);
    expect(mapped?.code).toBe(code);
    expect(statusByKind[mapped!.kind]).toBe(status);
  });

  it('maps a zod error to request.invalid with the failing path', () => {
    const result = z.object({ name: z.string() }).safeParse({ name: 1 });
    const mapped = toDomainError(result.error);
    expect(mapped?.code).toBe('request.invalid');
    expect((mapped?.details as { issues: { path: string }[] }).issues[0]?.path).toBe('name');
  });

  it('leaves programming errors and unknown database errors alone (they are bugs → 500)', () => {
    expect(toDomainError(new TypeError('x is undefined'))).toBeNull();
    expect(toDomainError(pgError('42P01'))).toBeNull();
  });
});
