import { sql, type RawBuilder } from 'kysely';
import type { Principal } from '../../../platform/http/access.ts';
import { readableChangesSql } from './audit-changes.ts';
import type { CustomerType } from './customer-access.ts';

export type TimelineCursor = { at: string; kind: string; id: string };

/** What every source is asked for: one customer's entries older than the cursor, newest first, at most `limit`. */
export type SourceQuery = {
  principal: Principal;
  record: { type: CustomerType; id: string };
  after: TimelineCursor | null;
  limit: number;
};

/**
 * One kind of timeline entry. `rows` returns a complete `select … order by … limit` producing
 * (kind text, id bigint, occurred_at timestamptz, actor_id bigint, summary text, payload jsonb), read
 * through a (workspace_id, <record>, <time> desc) index. A new module (tickets, opportunities) adds its
 * history to every customer's timeline by adding one entry to TIMELINE_SOURCES.
 */
export type TimelineSource = {
  kind: string;
  /** the role must be allowed to view this object for the entries to appear */
  object: string;
  rows: (q: SourceQuery) => RawBuilder<unknown>;
};

const RECORD_COLUMN = { contact: 'contact_id', company: 'company_id' } as const;

/**
 * Keyset condition of one source in the merged order (occurred_at desc, kind desc, id desc): within
 * a source the kind is constant, so the comparison folds, here, to one the index can serve.
 */
function olderThan(kind: string, time: RawBuilder<unknown>, id: RawBuilder<unknown>, after: TimelineCursor | null): RawBuilder<unknown> {
  if (!after) return sql``;
  if (kind < after.kind) return sql`and ${time} <= ${after.at}::timestamptz`;
  if (kind > after.kind) return sql`and ${time} < ${after.at}::timestamptz`;
  return sql`and (${time}, ${id}) < (${after.at}::timestamptz, ${after.id}::bigint)`;
}

type EntryColumns = (alias: RawBuilder<unknown>) => { actor: RawBuilder<unknown>; summary: RawBuilder<unknown>; payload: RawBuilder<unknown> };

/** A source over a table with (workspace_id, contact_id|company_id, <time>) and soft deletes. */
function recordTableSource(
  kind: string,
  object: string,
  table: string,
  time: string,
  select: EntryColumns,
): TimelineSource {
  return {
    kind,
    object,
    rows: ({ principal, record, after, limit }) => {
      const t = sql.ref('t');
      const ts = sql.ref(`t.${time}`);
      const cols = select(t);
      return sql`select ${kind}::text as kind, t.id, ${ts} as occurred_at, ${cols.actor}::bigint as actor_id,
                        ${cols.summary}::text as summary, ${cols.payload}::jsonb as payload
                 from ${sql.table(table)} t
                 where t.workspace_id = ${principal.workspaceId} and ${sql.ref(`t.${RECORD_COLUMN[record.type]}`)} = ${record.id}
                   and t.deleted_at is null ${olderThan(kind, ts, sql`t.id`, after)}
                 order by ${ts} desc, t.id desc limit ${limit}`;
    },
  };
}

/** How a note, an activity and an order read as an entry; shared with the dashboard's recent activity. */
export const ENTRY_COLUMNS: Record<'note' | 'activity' | 'order', EntryColumns> = {
  note: (t) => ({
    actor: sql`${t}.author_id`,
    summary: sql`left(${t}.body, 200)`,
    payload: sql`jsonb_build_object('body', ${t}.body)`,
  }),
  activity: (t) => ({
    actor: sql`${t}.owner_id`,
    summary: sql`${t}.type || ': ' || ${t}.subject`,
    payload: sql`jsonb_build_object('type', ${t}.type, 'subject', ${t}.subject, 'outcome', ${t}.outcome, 'body', ${t}.body,
                                    'duration_minutes', ${t}.duration_minutes)`,
  }),
  order: (t) => ({
    actor: sql`${t}.created_by`,
    summary: sql`${t}.number || ' · ' || ${t}.status`,
    payload: sql`jsonb_build_object('number', ${t}.number, 'status', ${t}.status, 'channel', ${t}.channel,
                                    'currency', ${t}.currency, 'total_minor', ${t}.total_minor)`,
  }),
};

const noteSource = recordTableSource('note', 'notes', 'notes', 'created_at', ENTRY_COLUMNS.note);
const activitySource = recordTableSource('activity', 'activities', 'activities', 'occurred_at', ENTRY_COLUMNS.activity);
const orderSource = recordTableSource('order', 'orders', 'orders', 'ordered_at', ENTRY_COLUMNS.order);

const taskSource = recordTableSource('task', 'tasks', 'tasks', 'created_at', (t) => ({
  actor: sql`${t}.created_by`,
  summary: sql`${t}.title`,
  payload: sql`jsonb_build_object('title', ${t}.title, 'done', ${t}.done, 'due_at', ${t}.due_at, 'assignee_id', ${t}.assignee_id::text)`,
}));

const AUDITED_OBJECT = { contact: 'contacts', company: 'companies' } as const;

/** The record's own history (created, updated with which fields, deleted, restored, imported: the record_history
 *  view), through the field policy. */
const auditSource: TimelineSource = {
  kind: 'audit',
  object: 'self',
  rows: ({ principal, record, after, limit }) => {
    const object = AUDITED_OBJECT[record.type];
    return sql`select 'audit'::text as kind, a.id, a.at as occurred_at, a.actor_id, a.action::text as summary,
                      jsonb_build_object('action', a.action, 'changes', ${readableChangesSql(principal, object, sql`a.changes`)}) as payload
               from record_history a
               where a.workspace_id = ${principal.workspaceId} and a.object_type = ${object} and a.record_id = ${record.id}
                 ${olderThan('audit', sql`a.at`, sql`a.id`, after)}
               order by a.at desc, a.id desc limit ${limit}`;
  },
};

export const TIMELINE_SOURCES: readonly TimelineSource[] = [noteSource, activitySource, orderSource, taskSource, auditSource];
export const TIMELINE_KINDS = TIMELINE_SOURCES.map((s) => s.kind);
