import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { sqlHash } from './sql-hash.ts';
import { ORDER_CHANNELS } from './pools.ts';

export type Catalogue = { ids: string[]; names: string[]; prices: number[] };

/** Per contact, at most this many orders: the order key is contact_id * 64 + k. */
const MAX_ORDERS_PER_CONTACT = 60;

/**
 * Orders and their lines for contacts in [fromId, toId], generated set-based. The number of orders per
 * contact is geometric (many customers buy once or never, a few buy often) with the requested mean; each
 * order has 1–3 lines over the catalogue, and its total is the sum of its lines by construction.
 */
export async function generateOrders(
  db: Db | Tx,
  input: { workspaceId: string; fromId: string; toId: string; ordersPerContact: number; currency: string; catalogue: Catalogue; seed: number },
): Promise<{ orders: number; lines: number }> {
  const { workspaceId: ws, seed, catalogue } = input;
  const h = (key: RawBuilder<unknown>, salt: number) => sqlHash(key, seed, salt);
  // E[floor(Exp(mu))] = 1 / (e^(1/mu) - 1): solve for the mean the caller asked for
  const mu = input.ordersPerContact > 0 ? 1 / Math.log(1 + 1 / input.ordersPerContact) : 0;
  if (mu === 0) return { orders: 0, lines: 0 };
  const p = catalogue.ids.length;
  const prices = sql`(${catalogue.prices}::bigint[])`;
  const lineKey = (key: RawBuilder<unknown>, j: number | RawBuilder<unknown>) => sql`(${key}) * 4 + ${typeof j === 'number' ? sql.lit(j) : j}`;
  const product = (key: RawBuilder<unknown>, j: number | RawBuilder<unknown>) => sql`(1 + ${h(lineKey(key, j), 6)} % ${sql.lit(p)})`;
  const quantity = (key: RawBuilder<unknown>, j: number | RawBuilder<unknown>) =>
    sql`(case when ${h(lineKey(key, j), 7)} % 10 = 0 then 2 + ${h(lineKey(key, j), 8)} % 4 else 1 end)`;
  const amount = (key: RawBuilder<unknown>, j: number) => sql`(${quantity(key, j)} * ${prices}[${product(key, j)}])`;
  const lineCount = (key: RawBuilder<unknown>) => sql`(1 + ${h(key, 5)} % 3)`;
  const key = sql`(c.id * 64 + k)`;

  // The new orders are the ones above the sequence's value now: their lines are then found through the
  // primary key, not by scanning every order (the secondary indexes may be dropped during a bulk load).
  const { rows: before } = await sql<{ id: string }>`
    select coalesce(pg_sequence_last_value(pg_get_serial_sequence('orders', 'id')::regclass), 0)::text as id`.execute(db);
  const firstNew = before[0]!.id;
  const orders = await sql`
    insert into orders (workspace_id, number, contact_id, company_id, owner_id, status, channel, ordered_at, currency, total_minor, created_by, created_at, updated_at)
    select c.workspace_id, 'SO-' || c.id || '-' || k, c.id, c.company_id, c.owner_id,
           case when v.s < 55 then 'completed' when v.s < 67 then 'paid' when v.s < 77 then 'shipped'
                when v.s < 85 then 'pending' when v.s < 95 then 'cancelled' else 'refunded' end,
           (${ORDER_CHANNELS}::text[])[1 + ${h(key, 3)} % ${sql.lit(ORDER_CHANNELS.length)}],
           v.at, ${input.currency},
           ${amount(key, 1)} + case when ${lineCount(key)} >= 2 then ${amount(key, 2)} else 0 end
                             + case when ${lineCount(key)} >= 3 then ${amount(key, 3)} else 0 end,
           c.owner_id, v.at, v.at
    from contacts c
    cross join lateral generate_series(1, least(${sql.lit(MAX_ORDERS_PER_CONTACT)},
         floor(-ln((${h(sql`c.id`, 1)} + 1)::float8 / 2147483649.0) * ${sql.lit(mu)})::int)) k
    cross join lateral (select ${h(key, 2)} % 100 as s,
         c.created_at + (now() - c.created_at) * ((${h(key, 4)} % 100000) / 100000.0) as at) v
    where c.workspace_id = ${ws} and c.id between ${input.fromId} and ${input.toId}`.execute(db);

  const okey = sql`(o.contact_id * 64 + split_part(o.number, '-', 3)::int)`;
  const lines = await sql`
    insert into order_lines (workspace_id, order_id, product_id, product_name, quantity, unit_price_minor, amount_minor)
    select o.workspace_id, o.id, (${catalogue.ids}::bigint[])[v.p], (${catalogue.names}::text[])[v.p], v.q, ${prices}[v.p], v.q * ${prices}[v.p]
    from orders o
    cross join generate_series(1, 3) j
    cross join lateral (select ${product(okey, sql`j`)} as p, ${quantity(okey, sql`j`)} as q) v
    where o.workspace_id = ${ws} and o.id > ${firstNew} and o.contact_id between ${input.fromId} and ${input.toId}
      and o.number like 'SO-%' and j <= ${lineCount(okey)}`.execute(db);
  return { orders: Number(orders.numAffectedRows ?? 0), lines: Number(lines.numAffectedRows ?? 0) };
}
