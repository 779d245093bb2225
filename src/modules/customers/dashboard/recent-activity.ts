import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { can, type Principal } from '../../../platform/http/access.ts';
import { visibleOwnerIds } from '../../accounts/index.ts';
import { orderScope, orderVisiblePredicate } from '../orders/order-visibility.ts';
import { relatedCustomerVisibleSql } from '../timeline/customer-access.ts';
import { ENTRY_COLUMNS } from '../timeline/timeline-sources.ts';
import type { TimelineItem } from '../timeline/get-timeline.ts';

export type RecentItem = TimelineItem & { contact_id: string | null; company_id: string | null };
type Row = RecentItem & { sort_key: string };
type Kind = 'note' | 'activity' | 'order';

/** How many of a workspace's newest entries of one kind are checked one by one before the exact query. */
const WINDOW = 3_000;

/**
 * The newest notes, activities and orders across every record the caller may see, as timeline entries
 * plus the customer they belong to.
 * Notes carry no owner: a note is visible through its contact or company. Matching them against every
 * visible customer id costs ~100 ms for a department (50,000 ids) and a join of all customers for an
 * administrator, so each kind first looks at the workspace's newest WINDOW entries, checking each
 * one's customer by primary key; when that yields a full page it is exactly the newest visible page
 * (everything newer was looked at). Only a caller who sees very little falls back to the exact match,
 * which is then cheap because their visible id lists are short.
 */
export async function recentActivity(db: Db, principal: Principal, limit = 10): Promise<RecentItem[]> {
  const ws = principal.workspaceId;
  const [contactOwners, companyOwners, shares, orders] = await Promise.all([
    visibleOwnerIds(db, principal, 'contacts'),
    visibleOwnerIds(db, principal, 'companies'),
    sql<{ object_type: string; ids: string[] }>`
      select rc.object_type, array_agg(rc.record_id::text) as ids from record_collaborators rc
      where rc.workspace_id = ${ws} and rc.user_id = ${principal.userId} and rc.object_type in ('contacts', 'companies')
        and (rc.expires_at is null or rc.expires_at > now())
      group by rc.object_type`.execute(db),
    orderScope(db, principal),
  ]);
  const shared = (type: string) => shares.rows.find((r) => r.object_type === type)?.ids ?? [];
  const customerVisible = (alias: string, owners: string[] | null, ids: string[]) => {
    const r = sql.ref(alias);
    if (owners === null) return sql<boolean>`${r}.id is not null`;
    return sql<boolean>`(${sql.ref(`${alias}.owner_id`)} = any(${owners}::bigint[]) or ${r}.id = any(${ids}::bigint[]))`;
  };
  // per row: the note's / activity's customer, by primary key, live and visible
  const relatedByKey = sql<boolean>`(${customerVisible('rc_c', contactOwners, shared('contacts'))} or ${customerVisible('rc_co', companyOwners, shared('companies'))})`;
  const relatedJoins = sql`left join contacts rc_c on rc_c.workspace_id = t.workspace_id and rc_c.id = t.contact_id and rc_c.deleted_at is null
    left join companies rc_co on rc_co.workspace_id = t.workspace_id and rc_co.id = t.company_id and rc_co.deleted_at is null`;

  const query = (kind: Kind, time: string, from: RawBuilder<unknown>, joins: RawBuilder<unknown>, visible: RawBuilder<boolean>) => {
    const t = sql.ref('t');
    const ts = sql.ref(`t.${time}`);
    const cols = ENTRY_COLUMNS[kind](t);
    return sql<Row>`
      select ${kind}::text as kind, t.id::text as id, to_json(${ts})#>>'{}' as occurred_at, u.name as actor_name, ${cols.summary}::text as summary,
             ${cols.payload}::jsonb as payload, t.contact_id::text as contact_id, t.company_id::text as company_id,
             to_char(${ts} at time zone 'UTC', 'YYYYMMDDHH24MISSUS') as sort_key
      from ${from} ${joins}
      left join users u on u.workspace_id = t.workspace_id and u.id = ${cols.actor}
      where ${visible}
      order by ${ts} desc, t.id desc limit ${limit}`.execute(db).then((r) => r.rows);
  };
  const newest = (table: string, time: string, size: number | null) => sql`(select * from ${sql.table(table)} w
    where w.workspace_id = ${ws} and w.deleted_at is null
    order by ${sql.ref(`w.${time}`)} desc, w.id desc ${size === null ? sql`` : sql`limit ${size}`}) t`;
  const windowed = async (kind: Kind, table: string, time: string, extra: (related: RawBuilder<boolean>) => RawBuilder<boolean>) => {
    const rows = await query(kind, time, newest(table, time, WINDOW), relatedJoins, extra(relatedByKey));
    // a full page, or a window that held every live entry, is already exact
    if (rows.length === limit || (await fewerThanWindow(table))) return rows;
    const exact = await relatedCustomerVisibleSql(db, principal, 't');
    return query(kind, time, sql`${sql.table(table)} t`, sql``, sql<boolean>`t.workspace_id = ${ws} and t.deleted_at is null and ${extra(exact)}`);
  };
  const fewerThanWindow = async (table: string) => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from (select 1 from ${sql.table(table)} where workspace_id = ${ws} and deleted_at is null limit ${WINDOW}) x`.execute(db);
    return (rows[0]?.n ?? 0) < WINDOW;
  };

  const parts: Promise<Row[]>[] = [];
  if (can(principal, 'notes', 'view')) parts.push(windowed('note', 'notes', 'created_at', (related) => related));
  if (can(principal, 'activities', 'view')) {
    parts.push(windowed('activity', 'activities', 'occurred_at', (related) => sql<boolean>`(t.owner_id = ${principal.userId} or ${related})`));
  }
  if (can(principal, 'orders', 'view')) {
    // orders carry their owner: the predicate needs no join, and a short owner list is an index condition
    const from = sql`(select * from orders o where o.workspace_id = ${ws} and o.deleted_at is null and ${orderVisiblePredicate(orders)}
      order by o.ordered_at desc, o.id desc limit ${limit}) t`;
    parts.push(query('order', 'ordered_at', from, sql``, sql<boolean>`true`));
  }
  const rows = (await Promise.all(parts)).flat();
  // newest first; ties by kind (descending, as the timeline) then id, like the timeline's order
  rows.sort((a, b) => cmp(b.sort_key, a.sort_key) || cmp(b.kind, a.kind) || Number(BigInt(b.id) - BigInt(a.id)));
  return rows.slice(0, limit).map(({ sort_key: _, ...item }) => item);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
