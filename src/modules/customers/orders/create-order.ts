import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { diffFields, recordAudit } from '../../../platform/audit/audit.ts';
import { assertCustomersVisible } from '../timeline/customer-access.ts';
import { assertCurrency } from '../products/currency.ts';
import { refreshContactAggregates } from './contact-aggregates.ts';
import { priceLines } from './order-lines.ts';
import { findOrder, ORDER_AUDIT_FIELDS, type OrderJson, type OrderStatus } from './order-json.ts';

export type NewOrder = {
  number?: string;
  contact_id?: string;
  company_id?: string;
  status: OrderStatus;
  channel?: string;
  ordered_at: string;
  currency: string;
  lines: { product_id?: string; product_name?: string; quantity: number; unit_price_minor: number }[];
};

export function isOrderNumberConflict(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string };
  return e.code === '23505' && e.constraint === 'orders_workspace_id_number_key';
}

/** Product names for the lines that reference a product; an id outside the workspace is REFERENCE_INVALID. */
async function resolveProducts(db: Db, principal: Principal, lines: NewOrder['lines']): Promise<string[]> {
  const ids = [...new Set(lines.flatMap((l) => (l.product_id ? [l.product_id] : [])))];
  const { rows } = ids.length === 0 ? { rows: [] } : await sql<{ id: string; name: string }>`
    select id::text, name from products where workspace_id = ${principal.workspaceId} and id = any(${ids}::bigint[])`.execute(db);
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return lines.map((line, i) => {
    if (line.product_id) {
      const name = names.get(line.product_id);
      if (name === undefined) throw new AppError('REFERENCE_INVALID', 'No such product in this workspace', { field: `lines[${i}].product_id` });
      return line.product_name?.trim() || name;
    }
    const name = line.product_name?.trim();
    if (!name) throw new AppError('FIELD_REQUIRED', 'A line needs a product_id or a product_name', { field: `lines[${i}].product_name` });
    return name;
  });
}

/** The order's owner: the contact's owner, else the company's, else whoever records the order. */
async function ownerFor(tx: Tx, principal: Principal, input: NewOrder): Promise<string> {
  const { rows } = await sql<{ owner_id: string | null }>`
    select coalesce(
      (select owner_id from contacts where workspace_id = ${principal.workspaceId} and id = ${input.contact_id ?? null}),
      (select owner_id from companies where workspace_id = ${principal.workspaceId} and id = ${input.company_id ?? null})
    )::text as owner_id`.execute(tx);
  return rows[0]?.owner_id ?? principal.userId;
}

/**
 * An order with its lines; amounts are computed here (never trusted from the client), the number is
 * generated as SO-<yyyymmdd in the workspace's time zone>-<id> when not given, and the contact's
 * aggregates move in the same transaction.
 */
export async function createOrder(db: Db, principal: Principal, input: NewOrder): Promise<OrderJson> {
  assertCurrency(input.currency);
  const priced = priceLines(input.lines);
  const names = await resolveProducts(db, principal, input.lines);
  await assertCustomersVisible(db, principal, { contactId: input.contact_id, companyId: input.company_id });
  try {
    return await db.transaction().execute(async (tx) => {
      // the id is drawn first so that a generated number can contain it
      const { rows: next } = await sql<{ id: string; day: string }>`
        select nextval(pg_get_serial_sequence('orders', 'id'))::text as id,
               to_char(${input.ordered_at}::timestamptz at time zone w.timezone, 'YYYYMMDD') as day
        from workspaces w where w.id = ${principal.workspaceId}`.execute(tx);
      const { id, day } = next[0]!;
      const number = input.number?.trim() || `SO-${day}-${id}`;
      const ownerId = await ownerFor(tx, principal, input);
      await sql`
        insert into orders (workspace_id, id, number, contact_id, company_id, owner_id, status, channel, ordered_at, currency, total_minor, created_by)
        overriding system value
        values (${principal.workspaceId}, ${id}, ${number}, ${input.contact_id ?? null}, ${input.company_id ?? null}, ${ownerId}, ${input.status},
                ${input.channel ?? null}, ${input.ordered_at}, ${input.currency}, ${priced.totalMinor}, ${principal.userId})`.execute(tx);
      const lines = priced.lines.map((line, i) => ({
        product_id: input.lines[i]!.product_id ?? null,
        product_name: names[i]!,
        quantity: line.quantityText,
        unit_price_minor: line.unitPriceMinor,
        amount_minor: line.amountMinor,
      }));
      await sql`
        insert into order_lines (workspace_id, order_id, product_id, product_name, quantity, unit_price_minor, amount_minor)
        select ${principal.workspaceId}, ${id}, l.product_id, l.product_name, l.quantity, l.unit_price_minor, l.amount_minor
        from jsonb_to_recordset(${JSON.stringify(lines)}::jsonb)
             as l(product_id bigint, product_name text, quantity numeric, unit_price_minor bigint, amount_minor bigint)`.execute(tx);
      await refreshContactAggregates(tx, principal.workspaceId, input.contact_id ?? null);
      const order = (await findOrder(tx, principal.workspaceId, id))!;
      await recordAudit(tx, {
        workspaceId: principal.workspaceId, objectType: 'orders', recordId: id, actorId: principal.userId, action: 'create',
        changes: diffFields(null, order, ORDER_AUDIT_FIELDS),
      });
      return order;
    });
  } catch (error) {
    if (isOrderNumberConflict(error)) throw new AppError('UNIQUE_VIOLATION', `An order numbered "${input.number}" already exists`, { field: 'number' });
    throw error;
  }
}
