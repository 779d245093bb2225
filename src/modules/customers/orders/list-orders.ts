import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { encodeCursor, pageSize, type Page } from '../../../platform/http/pagination.ts';
import { pageAndCount } from '../filter/count.ts';
import { decodeTimeCursor } from '../timeline/keyset.ts';
import { ORDER_COLUMNS, withLines, type OrderJson, type OrderStatus } from './order-json.ts';
import { hasShares, orderScope, orderSharedSql, orderVisiblePredicate, outsideOwnersSql } from './order-visibility.ts';

export type OrderQuery = { contact_id?: string; company_id?: string; status?: OrderStatus; limit?: number; cursor?: string };

/**
 * Visible orders, newest first, keyset on (ordered_at, id).
 * Unscoped, or narrowed to one contact/company, it is one walk of orders_list_idx / orders_contact_idx.
 * Under a restricted scope an OR of "owner in scope" and "shared" can only be answered by collecting
 * every visible order and sorting (a department's 250,000 orders), so the page is assembled from
 * disjoint branches that each stop after a page: one walk of orders_owner_idx per owner in scope, and
 * the shared orders whose owner is outside it. The total is counted the same way, branch by branch.
 */
export async function listOrders(db: Db, principal: Principal, query: OrderQuery): Promise<Required<Page<OrderJson>>> {
  const limit = pageSize(query.limit);
  const cursor = decodeTimeCursor(query.cursor);
  const scope = await orderScope(db, principal);
  const ws = principal.workspaceId;
  const live = sql`o.workspace_id = ${ws} and o.deleted_at is null
    ${query.contact_id ? sql`and o.contact_id = ${query.contact_id}` : sql``}
    ${query.company_id ? sql`and o.company_id = ${query.company_id}` : sql``}
    ${query.status ? sql`and o.status = ${query.status}` : sql``}`;
  const after = cursor ? sql`and (o.ordered_at, o.id) < (${cursor.at}::timestamptz, ${cursor.id}::bigint)` : sql``;
  const newest = sql`order by o.ordered_at desc, o.id desc limit ${limit + 1}`;

  let keys: RawBuilder<unknown>;
  let counts: RawBuilder<unknown>[];
  const narrow = query.contact_id !== undefined || query.company_id !== undefined;
  if (scope.owners === null || narrow) {
    const where = sql`${live} and ${orderVisiblePredicate(scope)}`;
    keys = sql`(select o.id, o.ordered_at from orders o where ${where} ${after} ${newest})`;
    counts = [sql`select 1 from orders o where ${where}`];
  } else {
    const owned = sql`${live} and o.owner_id = any(${scope.owners}::bigint[])`;
    const shared = sql`${live} and ${orderSharedSql(scope)} and ${outsideOwnersSql(scope.owners)}`;
    keys = sql`select k.id, k.ordered_at from unnest(${scope.owners}::bigint[]) as u(owner_id)
        cross join lateral (select o.id, o.ordered_at from orders o where ${live} and o.owner_id = u.owner_id ${after} ${newest}) k
      ${hasShares(scope) ? sql`union all (select o.id, o.ordered_at from orders o where ${shared} ${after} ${newest})` : sql``}`;
    counts = [sql`select 1 from orders o where ${owned}`, ...(hasShares(scope) ? [sql`select 1 from orders o where ${shared}`] : [])];
  }
  const pageQuery = sql<Omit<OrderJson, 'lines'>>`
    select ${ORDER_COLUMNS} from (${keys}) k join orders o on o.workspace_id = ${ws} and o.id = k.id
    order by k.ordered_at desc, k.id desc limit ${limit + 1}`;
  // the branches are disjoint, so one capped count over their concatenation is exact up to the cap
  const { rows, total, total_capped } = await pageAndCount(db, pageQuery, sql`from (${sql.join(counts, sql` union all `)}) b`, limit, !cursor);
  const page = await withLines(db, ws, rows.slice(0, limit));
  const last = page.at(-1);
  return {
    data: page,
    next_cursor: rows.length > limit && last ? encodeCursor([last.ordered_at, last.id]) : null,
    total,
    total_capped,
  };
}

