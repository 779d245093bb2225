import { sql, type RawBuilder } from 'kysely';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { assertFieldsReadable, isMasked } from '../../accounts/index.ts';

export type SortField = {
  expr: RawBuilder<unknown>;
  type: 'timestamp' | 'date' | 'text' | 'number';
  nullable: boolean;
  permissionKey: string;
};
export type SortRegistry = Readonly<Record<string, SortField>>;
export type Sort = { name: string; field: SortField; desc: boolean };

/** `-updated_at` = descending. Only whitelisted names are accepted; the name never reaches SQL. */
export function parseSort(value: string | undefined, registry: SortRegistry, fallback = '-updated_at'): Sort {
  const text = value && value.trim() !== '' ? value.trim() : fallback;
  const desc = text.startsWith('-');
  const name = desc ? text.slice(1) : text;
  const field = Object.hasOwn(registry, name) ? registry[name] : undefined;
  if (!field) throw new AppError('SORT_INVALID', `Cannot sort by "${name}"`, { sort: text, allowed: Object.keys(registry) });
  return { name, field, desc };
}

/**
 * A sort the role may use: not on a hidden field, nor on one it sees masked in lists — rows ordered by
 * the real values would tell what the mask hides (and the cursor would carry the raw value).
 */
export function assertSortable(principal: Principal, object: string, sort: Sort): void {
  const key = sort.field.permissionKey;
  assertFieldsReadable(principal, object, [key]);
  if (isMasked(principal, object, key, 'list')) {
    throw new AppError('PERMISSION_DENIED', `The field "${sort.name}" is masked for your role: lists cannot be sorted by it`, { field: sort.name });
  }
}

/**
 * The sort value of a row as text for the cursor. Timestamps go through to_json so the cursor keeps
 * PostgreSQL's microseconds (a JS Date would round them and skip or repeat rows at page boundaries).
 */
export function sortKeySelect(sort: Sort): RawBuilder<string | null> {
  if (sort.field.type === 'timestamp') return sql<string | null>`to_json(${sort.field.expr})#>>'{}'`;
  return sql<string | null>`(${sort.field.expr})::text`;
}

function cast(sort: Sort): RawBuilder<unknown> {
  switch (sort.field.type) {
    case 'timestamp':
      return sql`::timestamptz`;
    case 'date':
      return sql`::date`;
    case 'number':
      return sql`::numeric`;
    default:
      return sql`::text`;
  }
}

/** ORDER BY sort value, then id as the tie-breaker; NULLs last in either direction. */
export function orderBy(sort: Sort, idExpr: RawBuilder<unknown>): RawBuilder<unknown> {
  const dir = sort.desc ? sql`desc` : sql`asc`;
  const nulls = sort.field.nullable ? (sort.desc ? sql` nulls last` : sql``) : sql``;
  return sql`${sort.field.expr} ${dir}${nulls}, ${idExpr} ${dir}`;
}

/**
 * Rows after the cursor's (value, id). For a NOT NULL key this is a row comparison, which the
 * (workspace_id, updated_at desc, id desc) index serves directly; nullable keys need the NULL branch.
 */
export function keysetPredicate(sort: Sort, cursor: unknown[] | null, idExpr: RawBuilder<unknown>): RawBuilder<boolean> {
  if (!cursor) return sql<boolean>`true`;
  const [value, id] = cursor;
  if (typeof id !== 'string' || !/^\d{1,18}$/.test(id) || (value !== null && typeof value !== 'string')) {
    throw new AppError('CURSOR_INVALID', 'The cursor is malformed or belongs to another sort order');
  }
  const e = sort.field.expr;
  const cmp = sort.desc ? sql`<` : sql`>`;
  const v = sql`${value}${cast(sort)}`;
  if (!sort.field.nullable) {
    if (value === null) throw new AppError('CURSOR_INVALID', 'The cursor is malformed or belongs to another sort order');
    return sql<boolean>`(${e}, ${idExpr}) ${cmp} (${v}, ${id}::bigint)`;
  }
  if (value === null) return sql<boolean>`(${e} is null and ${idExpr} ${cmp} ${id}::bigint)`;
  return sql<boolean>`((${e}, ${idExpr}) ${cmp} (${v}, ${id}::bigint) or ${e} is null)`;
}
