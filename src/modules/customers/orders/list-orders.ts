import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { COUNT_CAP, encodeCursor, pageSize, type Page } from '../../../platform/http/pagination.ts';
import { decodeTimeCursor } from '../timeline/keyset.ts';
import { ORDER_COLUMNS, withLines, type OrderJson, type OrderStatus } from './order-json.ts';
import { orderVisibleSql } from './order-visibility.ts';

export type OrderQuery = { contact_id?: string; company_id?: string; status?: OrderStatus; limit?: number; cursor?: string };

/** Visible orders, newest first, keyset on (ordered_at, id) — orders_list_idx / orders_contact_idx. */
export async function listOrders(db: Db, principal: Principal, query: OrderQuery): Promise<Required<Page<OrderJson>>> {
  const limit = pageSize(query.limit);
  const cursor = decodeTimeCursor(query.cursor);
  const visible = await orderVisibleSql(db, principal);
  const where = sql`o.workspace_id = ${principal.workspaceId} and o.deleted_at is null and ${visible}
    ${query.contact_id ? sql`and o.contact_id = ${query.contact_id}` : sql``}
    ${query.company_id ? sql`and o.company_id = ${query.company_id}` : sql``}
    ${query.status ? sql`and o.status = ${query.status}` : sql``}`;
  const { rows } = await sql<Omit<OrderJson, 'lines'>>`
    select ${ORDER_COLUMNS} from orders o
    where ${where} ${cursor ? sql`and (o.ordered_at, o.id) < (${cursor.at}::timestamptz, ${cursor.id}::bigint)` : sql``}
    order by o.ordered_at desc, o.id desc limit ${limit + 1}`.execute(db);
  const { rows: counted } = await sql<{ n: number }>`
    select count(*)::int as n from (select 1 from orders o where ${where} limit ${COUNT_CAP + 1}) x`.execute(db);
  const total = counted[0]?.n ?? 0;
  const page = await withLines(db, principal.workspaceId, rows.slice(0, limit));
  const last = page.at(-1);
  return {
    data: page,
    next_cursor: rows.length > limit && last ? encodeCursor([last.ordered_at, last.id]) : null,
    total: Math.min(total, COUNT_CAP),
    total_capped: total > COUNT_CAP,
  };
}
