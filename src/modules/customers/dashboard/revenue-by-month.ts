import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { can, type Principal } from '../../../platform/http/access.ts';
import { orderScope } from '../orders/order-visibility.ts';

/**
 * Orders that are money in: not pending (not yet paid), not cancelled or refunded. The rollup
 * `revenue_monthly` (migration 0060, kept by triggers on orders) uses the same definition.
 */
export const REVENUE_STATUSES = ['paid', 'shipped', 'completed'] as const;

/**
 * Revenue of the last 12 calendar months (the current one included) in the workspace's time zone and
 * currency, summed from the monthly rollup over the owners in the caller's `orders` data scope; months
 * without orders are 0. Orders in other currencies are left out rather than added at a made-up rate.
 * Revenue follows owner scope only: an order whose owner is outside the scope is not counted even when
 * it is shared with the caller (it still shows in their order list) — a per-user rollup of shares
 * would cost a scan of the shared orders on every view, and a team's revenue is its owners' revenue.
 */
export async function revenueByMonth(db: Db, principal: Principal): Promise<{ month: string; total_minor: number }[]> {
  const owners = can(principal, 'orders', 'view') ? (await orderScope(db, principal)).owners : [];
  const inScope = owners === null ? sql`` : sql`and r.owner_id = any(${owners}::bigint[])`;
  const { rows } = await sql<{ month: string; total_minor: number }>`
    with w as (
      select currency, date_trunc('month', now() at time zone timezone)::date as this_month
      from workspaces where id = ${principal.workspaceId}
    ), sums as (
      select r.month, sum(r.total_minor) as total
      from revenue_monthly r, w
      where r.workspace_id = ${principal.workspaceId} and r.currency = w.currency
        and r.month >= w.this_month - interval '11 months' ${inScope}
      group by r.month
    )
    select to_char(g.m, 'YYYY-MM') as month, coalesce(s.total, 0)::float8 as total_minor
    from w cross join generate_series(w.this_month - interval '11 months', w.this_month, interval '1 month') as g(m)
    left join sums s on s.month = g.m
    order by g.m`.execute(db);
  return rows;
}
