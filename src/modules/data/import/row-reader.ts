import { cleanTag, cleanText, NAME_MAX } from '../../customers/index.ts';
import { cell, type ImportContext, type RowError } from './import-context.ts';
import type { Parsed } from './values/index.ts';
import { parseTags } from './values/index.ts';

/** The header a target is read from, for the error report. */
export function headerFor(ctx: ImportContext, target: string): string {
  return ctx.headers[ctx.columns.get(target) ?? -1] ?? target;
}

/** An AppError thrown by a shared normaliser, as a line of the error report. */
export function rowError(error: unknown, ctx: ImportContext, target?: string): RowError {
  const e = error as { code?: unknown; message?: unknown; details?: { field?: unknown } };
  const field = typeof e.details?.field === 'string' ? e.details.field : target;
  const index = field !== undefined ? ctx.columns.get(field) : undefined;
  return {
    column: index !== undefined ? (ctx.headers[index] ?? field ?? null) : (field ?? null),
    code: typeof e.code === 'string' ? e.code : 'FIELD_VALUE_INVALID',
    message: typeof e.message === 'string' ? e.message : String(error),
  };
}

/**
 * Reads the mapped cells of one row: a blank or unmapped cell is null, a value that fails its check is
 * null too and leaves a line in `errors` (every problem of the row is reported, not only the first).
 */
export function rowReader(ctx: ImportContext, cells: readonly string[], errors: RowError[]) {
  /** a normaliser that throws AppError (email, phone, domain …) */
  const attempt = <T>(target: string, work: (raw: string) => T): T | null => {
    const raw = cell(ctx, cells, target);
    if (raw === null) return null;
    try {
      return work(raw);
    } catch (error) {
      errors.push(rowError(error, ctx, target));
      return null;
    }
  };
  /** a parser that returns Parsed (dates, numbers, booleans …) */
  const parsed = <T>(target: string, parse: (raw: string) => Parsed<T>): T | null => {
    const raw = cell(ctx, cells, target);
    if (raw === null) return null;
    const result = parse(raw);
    if (result.ok) return result.value;
    errors.push({ column: headerFor(ctx, target), code: result.code, message: result.message });
    return null;
  };
  return {
    raw: (target: string) => cell(ctx, cells, target),
    attempt,
    parsed,
    text: (target: string, max = NAME_MAX) => attempt(target, (raw) => cleanText(raw, target, max)),
    tags: () => attempt('tags', (raw) => [...new Set(parseTags(raw).map(cleanTag))]),
    /** an `owner` column holds the email of an active user of the workspace */
    owner: (): string | null => {
      const email = cell(ctx, cells, 'owner');
      if (email === null) return null;
      const id = ctx.usersByEmail.get(email.toLowerCase()) ?? null;
      if (id === null) errors.push({ column: headerFor(ctx, 'owner'), code: 'REFERENCE_INVALID', message: `"${email}" is not an active user of this workspace` });
      return id;
    },
  };
}
