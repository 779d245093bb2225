import { sql } from 'kysely';
import { Type, type Static, type TSchema } from 'typebox';
import type { Db, Tx } from '../../../platform/db/database.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const ORDER_STATUSES = ['pending', 'paid', 'shipped', 'completed', 'cancelled', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
/** Statuses that are not a purchase: they count toward neither spend nor order count, nor revenue. */
export const VOID_STATUSES: readonly OrderStatus[] = ['cancelled', 'refunded'];

export const OrderLineSchema = Type.Object({
  id: Type.String(),
  product_id: Nullable(Type.String()),
  product_name: Type.String(),
  quantity: Type.Number(),
  unit_price_minor: Type.Integer(),
  amount_minor: Type.Integer(),
});

export const OrderSchema = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  number: Type.String(),
  contact_id: Nullable(Type.String()),
  company_id: Nullable(Type.String()),
  owner_id: Nullable(Type.String()),
  status: Type.Enum(ORDER_STATUSES),
  channel: Nullable(Type.String()),
  ordered_at: Type.String(),
  currency: Type.String(),
  total_minor: Type.Integer(),
  lines: Type.Array(OrderLineSchema),
  created_at: Type.String(),
  updated_at: Type.String(),
});
export type OrderJson = Static<typeof OrderSchema>;
export type OrderLineJson = Static<typeof OrderLineSchema>;

// Money columns are bigint; writes are capped at 2^53-1 (AMOUNT_OUT_OF_RANGE), so float8 is exact here.
export const ORDER_COLUMNS = sql`o.id::text, o.version, o.number, o.contact_id::text, o.company_id::text, o.owner_id::text, o.status, o.channel,
  to_json(o.ordered_at)#>>'{}' as ordered_at, o.currency, o.total_minor::float8 as total_minor,
  to_json(o.created_at)#>>'{}' as created_at, to_json(o.updated_at)#>>'{}' as updated_at`;

export const ORDER_AUDIT_FIELDS = ['number', 'status', 'channel', 'ordered_at', 'currency', 'total_minor', 'contact_id', 'company_id', 'owner_id'] as const;

/** Attaches the lines of many orders with one query. */
export async function withLines(db: Db | Tx, workspaceId: string, orders: Omit<OrderJson, 'lines'>[]): Promise<OrderJson[]> {
  if (orders.length === 0) return [];
  const { rows } = await sql<OrderLineJson & { order_id: string }>`
    select l.order_id::text, l.id::text, l.product_id::text, l.product_name, l.quantity::float8 as quantity,
           l.unit_price_minor::float8 as unit_price_minor, l.amount_minor::float8 as amount_minor
    from order_lines l where l.workspace_id = ${workspaceId} and l.order_id = any(${orders.map((o) => o.id)}::bigint[])
    order by l.order_id, l.id`.execute(db);
  const byOrder = new Map<string, OrderLineJson[]>();
  for (const { order_id, ...line } of rows) {
    const list = byOrder.get(order_id) ?? [];
    list.push(line);
    byOrder.set(order_id, list);
  }
  return orders.map((o) => ({ ...o, lines: byOrder.get(o.id) ?? [] }));
}

export async function findOrder(db: Db | Tx, workspaceId: string, id: string): Promise<OrderJson | undefined> {
  const { rows } = await sql<Omit<OrderJson, 'lines'>>`select ${ORDER_COLUMNS} from orders o
    where o.workspace_id = ${workspaceId} and o.id = ${id} and o.deleted_at is null`.execute(db);
  const [order] = await withLines(db, workspaceId, rows);
  return order;
}
