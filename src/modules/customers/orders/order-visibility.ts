import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { visibleOwnerIds } from '../../accounts/index.ts';

/**
 * Whose orders a principal sees: `owners` within the role's `orders` data scope (null = all), plus the
 * orders shared with them — the order itself, or its contact or company (协作人).
 * The order's owner decides, not its customer's: an order is owned when it is placed (the customer's
 * owner at that moment) and moves with a hand-over. Asking "is its customer visible?" per row made a
 * rep's list check every order against ~5,000 visible contact ids (65–125 ms at 5M orders); owner scope
 * is served by orders_owner_idx, and shares are few, read once and passed as id lists.
 */
export type OrderScope = { owners: string[] | null; shared: { orders: string[]; contacts: string[]; companies: string[] } };

export async function orderScope(db: Db | Tx, principal: Principal): Promise<OrderScope> {
  const [owners, { rows }] = await Promise.all([
    visibleOwnerIds(db, principal, 'orders'),
    sql<{ object_type: string; ids: string[] }>`
      select rc.object_type, array_agg(rc.record_id::text) as ids from record_collaborators rc
      where rc.workspace_id = ${principal.workspaceId} and rc.user_id = ${principal.userId}
        and rc.object_type in ('orders', 'contacts', 'companies') and (rc.expires_at is null or rc.expires_at > now())
      group by rc.object_type`.execute(db),
  ]);
  const ids = (type: string) => rows.find((r) => r.object_type === type)?.ids ?? [];
  return { owners, shared: { orders: ids('orders'), contacts: ids('contacts'), companies: ids('companies') } };
}

/**
 * `orders o` is shared with the caller. The ids are literal arrays, not subqueries: the planner sees
 * how few they are and probes the primary key / orders_contact_idx / orders_company_idx, where an
 * opaque `any(array(select …))` once made it walk all 5M orders newest-first looking for a match.
 */
export function orderSharedSql(scope: OrderScope): RawBuilder<boolean> {
  const { orders, contacts, companies } = scope.shared;
  const parts = [
    ...(orders.length > 0 ? [sql`o.id = any(${orders}::bigint[])`] : []),
    ...(contacts.length > 0 ? [sql`o.contact_id = any(${contacts}::bigint[])`] : []),
    ...(companies.length > 0 ? [sql`o.company_id = any(${companies}::bigint[])`] : []),
  ];
  return parts.length === 0 ? sql<boolean>`false` : sql<boolean>`(${sql.join(parts, sql` or `)})`;
}

export function hasShares(scope: OrderScope): boolean {
  return scope.shared.orders.length + scope.shared.contacts.length + scope.shared.companies.length > 0;
}

/** The order's owner is outside the scope (or it has none): what the shared branch adds to the owner branch. */
export function outsideOwnersSql(owners: string[]): RawBuilder<boolean> {
  return sql<boolean>`not coalesce(o.owner_id = any(${owners}::bigint[]), false)`;
}

/** SQL predicate for `orders o`, for reads and writes of single orders and for narrow lists (one contact's orders). */
export function orderVisiblePredicate(scope: OrderScope): RawBuilder<boolean> {
  if (scope.owners === null) return sql<boolean>`true`;
  return sql<boolean>`(o.owner_id = any(${scope.owners}::bigint[]) or ${orderSharedSql(scope)})`;
}

export async function orderVisibleSql(db: Db | Tx, principal: Principal): Promise<RawBuilder<boolean>> {
  return orderVisiblePredicate(await orderScope(db, principal));
}
