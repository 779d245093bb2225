import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.ts';

/** A task is "due" once its due time is this close. */
export const DUE_SOON_HOURS = 24;

/**
 * Creates the caller's task_due / task_overdue notifications that are now owed. There is no timer:
 * API processes are stateless and several may run, so reminders are materialised when the user looks
 * (notifications, dashboard). The dedupe key (kind, task, due time) and the unique index make the
 * insert idempotent under any concurrency: each reminder appears exactly once, and moving the due
 * time earns a new one. Served by tasks_assignee_idx (workspace_id, assignee_id, done, due_at).
 */
export async function generateTaskReminders(db: Db | Tx, workspaceId: string, userId: string): Promise<number> {
  const result = await sql`
    insert into notifications (workspace_id, user_id, kind, title, link, payload, dedupe_key)
    select t.workspace_id, t.assignee_id, k.kind,
           case k.kind when 'task_overdue' then 'Task overdue: ' else 'Task due soon: ' end || t.title,
           '/tasks/' || t.id,
           jsonb_build_object('task_id', t.id::text, 'title', t.title, 'due_at', to_json(t.due_at)#>>'{}'),
           k.kind || ':' || t.id || ':' || floor(extract(epoch from t.due_at))::bigint
    from tasks t
    cross join lateral (select case when t.due_at <= now() then 'task_overdue' else 'task_due' end as kind) k
    where t.workspace_id = ${workspaceId} and t.assignee_id = ${userId} and t.done = false and t.deleted_at is null
      and t.due_at <= now() + make_interval(hours => ${DUE_SOON_HOURS})
    on conflict (workspace_id, user_id, dedupe_key) where dedupe_key is not null do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
