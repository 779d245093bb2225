import { AppError } from './errors.ts';

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;
/** Exact totals up to this many rows; beyond, the UI shows "10,000+" (see ARCHITECTURE, lists and counts). */
export const COUNT_CAP = 10_000;

export type Page<T> = { data: T[]; next_cursor: string | null; total?: number; total_capped?: boolean };

/** Keyset cursors are opaque to clients: base64url of the sort key values of the last row. */
export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, expectedLength: number): unknown[] | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== expectedLength) throw new Error('shape');
    return parsed;
  } catch {
    throw new AppError('CURSOR_INVALID', 'The cursor is malformed or belongs to another sort order');
  }
}

export function pageSize(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new AppError('VALIDATION_FAILED', `limit must be between 1 and ${MAX_PAGE_SIZE}`, { field: 'limit' });
  }
  return limit;
}
