import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { ORDER_COLUMNS, withLines, type OrderJson } from './order-json.ts';
import { orderVisibleSql } from './order-visibility.ts';

export async function getOrder(db: Db, principal: Principal, id: string): Promise<OrderJson> {
  const visible = await orderVisibleSql(db, principal);
  const { rows } = await sql<Omit<OrderJson, 'lines'>>`select ${ORDER_COLUMNS} from orders o
    where o.workspace_id = ${principal.workspaceId} and o.id = ${id} and o.deleted_at is null and ${visible}`.execute(db);
  const [order] = await withLines(db, principal.workspaceId, rows);
  if (!order) throw notFound('Order');
  return order;
}
