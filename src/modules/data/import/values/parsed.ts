import type { ErrorCode } from '../../../../platform/http/errors.ts';

/**
 * The result of reading one cell. Parsers return a failure instead of throwing: they run once per cell
 * over millions of rows, and an exception per bad cell would dominate the import's time.
 * `code` is a documented error code (docs/errors.md), so the engine can store it in the error report as is.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string };

export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function fail<T>(code: ErrorCode, message: string): Parsed<T> {
  return { ok: false, code, message };
}
