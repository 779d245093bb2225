import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { can, type Principal } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { encodeCursor, pageSize } from '../../../platform/http/pagination.ts';
import { readThroughAlias } from '../records/record-aliases.ts';
import { isCustomerVisible, type CustomerType } from './customer-access.ts';
import { decodeTimelineCursor } from './keyset.ts';
import { TIMELINE_KINDS, TIMELINE_SOURCES } from './timeline-sources.ts';

export type TimelineItem = {
  kind: string;
  id: string;
  occurred_at: string;
  actor_name: string | null;
  summary: string;
  payload: Record<string, unknown>;
};

/** "update: city, phone" — the field names are those the caller may see (hidden ones were removed in SQL). */
function auditSummary(payload: Record<string, unknown>): string {
  const action = String(payload.action ?? '');
  const changes = payload.changes;
  const fields = changes && typeof changes === 'object' ? Object.keys(changes) : [];
  return action === 'update' && fields.length > 0 ? `${action}: ${fields.join(', ')}` : action;
}

/**
 * Everything about one customer, newest first: each source reads at most limit+1 rows from its own
 * index after the cursor, the union is merged and cut — so a page costs (sources × small index scans)
 * however long the history. Keyset over (occurred_at, kind, id): no duplicates, no gaps between pages.
 */
export async function getTimeline(
  db: Db,
  principal: Principal,
  requested: { type: CustomerType; id: string },
  query: { limit?: number; cursor?: string },
): Promise<{ data: TimelineItem[]; next_cursor: string | null }> {
  const limit = pageSize(query.limit);
  const after = decodeTimelineCursor(query.cursor, TIMELINE_KINDS);
  // a merged customer's id shows the survivor's timeline
  const object = requested.type === 'contact' ? 'contacts' : 'companies';
  const record = await readThroughAlias(db, principal.workspaceId, object, requested.id, async (id) => {
    if (!(await isCustomerVisible(db, principal, requested.type, id))) throw notFound(requested.type === 'contact' ? 'Contact' : 'Company');
    return { type: requested.type, id };
  });
  const sources = TIMELINE_SOURCES.filter((s) => s.object === 'self' || can(principal, s.object, 'view'));
  const parts = sources.map((s) => sql`(${s.rows({ principal, record, after, limit: limit + 1 })})`);
  const { rows } = await sql<TimelineItem & { ts: string }>`
    select s.kind, s.id::text as id, to_json(s.occurred_at)#>>'{}' as occurred_at, u.name as actor_name, s.summary, s.payload
    from (${sql.join(parts, sql` union all `)}) s
    left join users u on u.workspace_id = ${principal.workspaceId} and u.id = s.actor_id
    order by s.occurred_at desc, s.kind collate "C" desc, s.id desc
    limit ${limit + 1}`.execute(db);
  const page = rows.slice(0, limit).map((r) => (r.kind === 'audit' ? { ...r, summary: auditSummary(r.payload) } : r));
  const last = page.at(-1);
  return { data: page, next_cursor: rows.length > limit && last ? encodeCursor([last.occurred_at, last.kind, last.id]) : null };
}
