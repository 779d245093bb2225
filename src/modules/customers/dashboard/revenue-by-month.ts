import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { can, type Principal } from '../../../platform/http/access.ts';
import { orderVisibleSql } from '../orders/order-visibility.ts';

/** Orders that are money in: not pending (not yet paid), not cancelled or refunded. */
export const REVENUE_STATUSES = ['paid', 'shipped', 'completed'] as const;

/**
 * Revenue of the last 12 calendar months (the current one included) in the workspace's time zone and
 * currency, from the orders the caller may see; months without orders are 0. Orders in other
 * currencies are left out rather than added at a made-up rate.
 */
export async function revenueByMonth(db: Db, principal: Principal): Promise<{ month: string; total_minor: number }[]> {
  const visible = can(principal, 'orders', 'view') ? await orderVisibleSql(db, principal) : sql<boolean>`false`;
  // one pass over the period's orders (orders_list_idx range, or the owner/contact indexes under a
  // restricted scope), grouped by local month; the 12 months are then laid out with zeros
  const { rows } = await sql<{ month: string; total_minor: number }>`
    with w as (
      select timezone as tz, currency, date_trunc('month', now() at time zone timezone) as this_month
      from workspaces where id = ${principal.workspaceId}
    ), sums as (
      select date_trunc('month', o.ordered_at at time zone w.tz) as month_start, sum(o.total_minor) as total
      from orders o, w
      where o.workspace_id = ${principal.workspaceId} and o.deleted_at is null
        and o.ordered_at >= ((w.this_month - interval '11 months') at time zone w.tz)
        and o.status = any(${[...REVENUE_STATUSES]}::text[]) and o.currency = w.currency and ${visible}
      group by 1
    )
    select to_char(g.m, 'YYYY-MM') as month, coalesce(s.total, 0)::float8 as total_minor
    from w cross join generate_series(w.this_month - interval '11 months', w.this_month, interval '1 month') as g(m)
    left join sums s on s.month_start = g.m
    order by g.m`.execute(db);
  return rows;
}
