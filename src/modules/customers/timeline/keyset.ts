import { AppError } from '../../../platform/http/errors.ts';
import { decodeCursor } from '../../../platform/http/pagination.ts';

const ID = /^\d{1,18}$/;
/** History entries of imports carry the negated batch id (the record_history view). */
const ENTRY_ID = /^-?\d{1,18}$/;

function invalid(): AppError {
  return new AppError('CURSOR_INVALID', 'The cursor is malformed or belongs to another sort order');
}

/** A timestamp as the database wrote it (or the open end `infinity`); anything else would reach SQL as a cast error. */
function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && (value === 'infinity' || !Number.isNaN(Date.parse(value)));
}

/** Cursor of lists ordered by (a timestamp, id): notes, activities, orders, tasks. */
export function decodeTimeCursor(cursor: string | undefined): { at: string; id: string } | null {
  const values = decodeCursor(cursor, 2);
  if (!values) return null;
  const [at, id] = values;
  if (!isTimestamp(at) || typeof id !== 'string' || !ID.test(id)) throw invalid();
  return { at, id };
}

/** Cursor of the timeline, ordered by (occurred_at, kind, id). */
export function decodeTimelineCursor(cursor: string | undefined, kinds: readonly string[]): { at: string; kind: string; id: string } | null {
  const values = decodeCursor(cursor, 3);
  if (!values) return null;
  const [at, kind, id] = values;
  if (!isTimestamp(at) || typeof kind !== 'string' || !kinds.includes(kind) || typeof id !== 'string' || !ENTRY_ID.test(id)) throw invalid();
  return { at, kind, id };
}
