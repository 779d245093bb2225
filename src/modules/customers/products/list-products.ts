import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { COUNT_CAP, encodeCursor, pageSize, type Page } from '../../../platform/http/pagination.ts';
import { decodeTimeCursor } from '../timeline/keyset.ts';
import { findProduct, PRODUCT_COLUMNS, type ProductJson } from './product-json.ts';

/** The workspace's catalogue (products have no owner, so no data scope), newest first. */
export async function listProducts(
  db: Db,
  principal: Principal,
  query: { q?: string; active?: boolean; limit?: number; cursor?: string },
): Promise<Required<Page<ProductJson>>> {
  const limit = pageSize(query.limit);
  const cursor = decodeTimeCursor(query.cursor);
  // a prefix of SKU or name; LIKE wildcards in the input are taken literally
  const prefix = query.q ? `${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = sql`p.workspace_id = ${principal.workspaceId}
    ${query.active === undefined ? sql`` : sql`and p.active = ${query.active}`}
    ${prefix ? sql`and (p.sku ilike ${prefix} or p.name ilike ${prefix})` : sql``}`;
  const { rows } = await sql<ProductJson>`
    select ${PRODUCT_COLUMNS} from products p
    where ${where} ${cursor ? sql`and (p.created_at, p.id) < (${cursor.at}::timestamptz, ${cursor.id}::bigint)` : sql``}
    order by p.created_at desc, p.id desc limit ${limit + 1}`.execute(db);
  const { rows: counted } = await sql<{ n: number }>`
    select count(*)::int as n from (select 1 from products p where ${where} limit ${COUNT_CAP + 1}) x`.execute(db);
  const total = counted[0]?.n ?? 0;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page,
    next_cursor: rows.length > limit && last ? encodeCursor([last.created_at, last.id]) : null,
    total: Math.min(total, COUNT_CAP),
    total_capped: total > COUNT_CAP,
  };
}

export async function getProduct(db: Db, principal: Principal, id: string): Promise<ProductJson> {
  const product = await findProduct(db, principal.workspaceId, id);
  if (!product) throw notFound('Product');
  return product;
}
