import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { can, type Principal } from '../../../platform/http/access.ts';
import { orderVisibleSql } from '../orders/order-visibility.ts';
import { relatedCustomerVisibleSql } from '../timeline/customer-access.ts';
import { ENTRY_COLUMNS } from '../timeline/timeline-sources.ts';
import type { TimelineItem } from '../timeline/get-timeline.ts';

export type RecentItem = TimelineItem & { contact_id: string | null; company_id: string | null };

/**
 * The newest notes, activities and orders across every record the caller may see, as timeline
 * entries plus the customer they belong to. Each part walks its (workspace_id, time desc) index and
 * stops after `limit` visible rows; the merge keeps the newest `limit`.
 */
export async function recentActivity(db: Db, principal: Principal, limit = 10): Promise<RecentItem[]> {
  const ws = principal.workspaceId;
  const parts: RawBuilder<unknown>[] = [];
  const related = await relatedCustomerVisibleSql(db, principal, 't');
  const part = (kind: 'note' | 'activity' | 'order', alias: string, table: string, time: string, visible: RawBuilder<unknown>) => {
    const t = sql.ref(alias);
    const ts = sql.ref(`${alias}.${time}`);
    const cols = ENTRY_COLUMNS[kind](t);
    return sql`(select ${kind}::text as kind, ${t}.id, ${ts} as occurred_at, ${cols.actor}::bigint as actor_id, ${cols.summary}::text as summary,
                       ${cols.payload}::jsonb as payload, ${t}.contact_id, ${t}.company_id
                from ${sql.table(table)} as ${t}
                where ${t}.workspace_id = ${ws} and ${t}.deleted_at is null and ${visible}
                order by ${ts} desc, ${t}.id desc limit ${limit})`;
  };
  if (can(principal, 'notes', 'view')) parts.push(part('note', 't', 'notes', 'created_at', related));
  if (can(principal, 'activities', 'view')) parts.push(part('activity', 't', 'activities', 'occurred_at', sql`(t.owner_id = ${principal.userId} or ${related})`));
  if (can(principal, 'orders', 'view')) parts.push(part('order', 'o', 'orders', 'ordered_at', await orderVisibleSql(db, principal)));
  if (parts.length === 0) return [];
  const { rows } = await sql<RecentItem>`
    select s.kind, s.id::text as id, to_json(s.occurred_at)#>>'{}' as occurred_at, u.name as actor_name, s.summary, s.payload,
           s.contact_id::text as contact_id, s.company_id::text as company_id
    from (${sql.join(parts, sql` union all `)}) s
    left join users u on u.workspace_id = ${ws} and u.id = s.actor_id
    order by s.occurred_at desc, s.kind collate "C" desc, s.id desc
    limit ${limit}`.execute(db);
  return rows;
}
