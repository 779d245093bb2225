import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { decodeCursor, encodeCursor, pageSize } from '../../../platform/http/pagination.ts';
import type { DuplicateListQuery, DuplicatePairJson } from './duplicate-schemas.ts';
import { assertMayReview, bothVisible, pairFrom, pairJson, pairSelect, type PairRow } from './pair-json.ts';

/**
 * Duplicate pairs of one object and status, highest score first, keyset-paged on (score, id): only pairs
 * whose two records the caller can both see, each side masked like the lists. The review index
 * (workspace, object, status, score desc, id desc) serves the order.
 */
export async function listDuplicates(db: Db, principal: Principal, query: DuplicateListQuery): Promise<{ data: DuplicatePairJson[]; next_cursor: string | null }> {
  const { object } = query;
  assertMayReview(principal, object);
  const status = query.status ?? 'open';
  const limit = pageSize(query.limit);
  const cursor = decodeCursor(query.cursor, 2);
  if (cursor && (typeof cursor[0] !== 'number' || typeof cursor[1] !== 'string' || !/^\d{1,18}$/.test(cursor[1]))) {
    throw new AppError('CURSOR_INVALID', 'The cursor is malformed or belongs to another list');
  }
  const after = cursor ? sql`(p.score, p.id) < (${cursor[0]}::real, ${cursor[1]}::bigint)` : sql`true`;
  const { rows } = await sql<PairRow>`
    select ${pairSelect(principal, object)}
    ${pairFrom(principal, object, await bothVisible(db, principal, object), status)}
      and p.status = ${status} and p.score >= ${query.min_score ?? 0}::real and ${after}
    order by p.score desc, p.id desc
    limit ${limit + 1}`.execute(db);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => pairJson(principal, object, row)),
    next_cursor: rows.length > limit && last ? encodeCursor([Number(last.score), last.id]) : null,
  };
}
