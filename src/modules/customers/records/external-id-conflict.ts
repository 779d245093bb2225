import { AppError } from '../../../platform/http/errors.ts';

/** pg unique violations on external ids become the documented 409. */
export function rethrowUnique(error: unknown): never {
  const e = error as { code?: string; constraint?: string };
  if (e.code === '23505' && e.constraint?.includes('external_id')) {
    throw new AppError('UNIQUE_VIOLATION', 'Another record already has this external id', { field: 'external_id' });
  }
  throw error;
}
