import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';

/**
 * Recomputes contact_aggregates set-based for contacts in [fromId, toId] (all of the workspace when no
 * range), or for a list of contacts (`ids`), after a bulk load or an import. The definition every writer must agree with: an order counts when it is not
 * deleted and not cancelled or refunded; last_activity_at is the latest non-deleted activity.
 */
export async function refreshContactAggregates(db: Db | Tx, workspaceId: string, range?: { fromId: string; toId: string } | { ids: readonly string[] }): Promise<number> {
  const inRange = (alias: string, column: string) =>
    !range ? sql``
      : 'ids' in range ? sql`and ${sql.ref(`${alias}.${column}`)} = any(${[...range.ids]}::bigint[])`
        : sql`and ${sql.ref(`${alias}.${column}`)} between ${range.fromId} and ${range.toId}`;
  const result = await sql`
    insert into contact_aggregates (workspace_id, contact_id, order_count, total_spend_minor, first_order_at, last_order_at, last_activity_at)
    select c.workspace_id, c.id, coalesce(o.n, 0), coalesce(o.spend, 0), o.first_at, o.last_at, a.last_at
    from contacts c
    left join (select contact_id, count(*) as n, sum(total_minor) as spend, min(ordered_at) as first_at, max(ordered_at) as last_at
               from orders o
               where o.workspace_id = ${workspaceId} and o.deleted_at is null and o.status not in ('cancelled', 'refunded')
                 and o.contact_id is not null ${inRange('o', 'contact_id')}
               group by contact_id) o on o.contact_id = c.id
    left join (select contact_id, max(occurred_at) as last_at
               from activities a
               where a.workspace_id = ${workspaceId} and a.deleted_at is null and a.contact_id is not null ${inRange('a', 'contact_id')}
               group by contact_id) a on a.contact_id = c.id
    where c.workspace_id = ${workspaceId} ${inRange('c', 'id')}
    on conflict (workspace_id, contact_id) do update
      set order_count = excluded.order_count, total_spend_minor = excluded.total_spend_minor,
          first_order_at = excluded.first_order_at, last_order_at = excluded.last_order_at,
          last_activity_at = excluded.last_activity_at`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Recomputes the workspace's revenue rollup (revenue_monthly) from its orders in one grouped pass — the
 * SQL function of migration 0060, the same definition as the triggers that keep it exact row by row.
 * After a bulk load it is a cheap repair point (seconds at 5M orders): the triggers already counted the
 * load, but a loader that bypasses them (a disabled trigger, a restored dump) leaves it wrong.
 */
export async function rebuildRevenueRollup(db: Db | Tx, workspaceId: string): Promise<void> {
  await sql`select revenue_monthly_rebuild(${workspaceId})`.execute(db);
}
