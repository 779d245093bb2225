import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { VOID_STATUSES } from './order-json.ts';

/**
 * Recomputes one contact's order aggregates from its orders, in the caller's transaction. Recomputing
 * (a contact has few orders, read through orders_contact_idx) is exact where deltas are not — a
 * deleted order may have been the first or the last.
 * The first statement locks the aggregate row; the second, under READ COMMITTED, then takes a fresh
 * snapshot, so two concurrent orders of the same contact cannot overwrite each other's effect.
 * Same definition as the bulk refresh after imports (seed/refresh-contact-aggregates.ts): an order counts
 * when it is not deleted and not cancelled or refunded.
 */
export async function refreshContactAggregates(tx: Tx, workspaceId: string, contactId: string | null): Promise<void> {
  if (!contactId) return;
  await sql`insert into contact_aggregates (workspace_id, contact_id) values (${workspaceId}, ${contactId})
            on conflict (workspace_id, contact_id) do update set order_count = contact_aggregates.order_count`.execute(tx);
  await sql`
    update contact_aggregates a
    set order_count = s.order_count, total_spend_minor = s.spend, first_order_at = s.first_at, last_order_at = s.last_at
    from (
      select count(*)::int as order_count, coalesce(sum(o.total_minor), 0) as spend,
             min(o.ordered_at) as first_at, max(o.ordered_at) as last_at
      from orders o
      where o.workspace_id = ${workspaceId} and o.contact_id = ${contactId} and o.deleted_at is null
        and o.status <> all(${[...VOID_STATUSES]}::text[])
    ) s
    where a.workspace_id = ${workspaceId} and a.contact_id = ${contactId}`.execute(tx);
}
