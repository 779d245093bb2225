import { sql, type RawBuilder } from 'kysely';
import type { ColumnSpec } from './columns.ts';

/**
 * Computed per-contact figures, exported after the contact's own fields. This is the one place where
 * derived columns join in: later scores (RFM segment, CLV, churn risk) add their table's join here and
 * their columns to the list, and every export (API, job, CLI) picks them up. Each carries a permission key,
 * so a role can hide, say, total spend like any other field.
 */
export function contactMetricJoins(alias: string): RawBuilder<unknown> {
  const c = sql.ref(alias);
  // `offset 0` keeps the lateral subquery from being flattened into a merge join, which would scan the
  // aggregates from the start of the workspace for every batch; this way it is one index probe per row
  return sql`left join lateral (select a.* from contact_aggregates a
    where a.workspace_id = ${c}.workspace_id and a.contact_id = ${c}.id offset 0) agg on true`;
}

export const CONTACT_METRICS: readonly ColumnSpec[] = [
  { header: 'order_count', kind: 'number', permissionKey: 'order_count', expr: sql`coalesce(agg.order_count, 0)::text` },
  // minor units of the workspace currency (orders in other currencies are not added in)
  { header: 'total_spend_minor', kind: 'number', permissionKey: 'total_spend_minor', expr: sql`coalesce(agg.total_spend_minor, 0)::text` },
  { header: 'first_order_at', permissionKey: 'first_order_at', expr: sql`to_json(agg.first_order_at)#>>'{}'` },
  { header: 'last_order_at', permissionKey: 'last_order_at', expr: sql`to_json(agg.last_order_at)#>>'{}'` },
  { header: 'last_activity_at', permissionKey: 'last_activity_at', expr: sql`to_json(agg.last_activity_at)#>>'{}'` },
];
