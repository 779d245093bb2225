import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.ts';

export const NOTIFICATION_KINDS = ['assignment', 'mention', 'task_due', 'task_overdue'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NewNotification = {
  workspaceId: string;
  userIds: readonly string[];
  kind: NotificationKind;
  title: string;
  /** a path of the web UI, e.g. /contacts/42 */
  link: string | null;
  payload?: Record<string, unknown>;
  /** with a key, a user gets this notification at most once, however many processes or retries ask */
  dedupeKey?: string;
};

/**
 * Notifies users in the caller's transaction: a rolled-back write leaves no notification behind.
 * Only active users of the same workspace receive it; ids from elsewhere are silently ignored, so a
 * crafted mention cannot reach into another tenant. Returns how many were created.
 */
export async function notify(tx: Tx | Db, n: NewNotification): Promise<number> {
  const ids = [...new Set(n.userIds)];
  if (ids.length === 0) return 0;
  const result = await sql`
    insert into notifications (workspace_id, user_id, kind, title, link, payload, dedupe_key)
    select u.workspace_id, u.id, ${n.kind}, ${n.title}, ${n.link}, ${n.payload ? JSON.stringify(n.payload) : null}::jsonb, ${n.dedupeKey ?? null}
    from users u
    where u.workspace_id = ${n.workspaceId} and u.id = any(${ids}::bigint[]) and u.active
    on conflict (workspace_id, user_id, dedupe_key) where dedupe_key is not null do nothing`.execute(tx);
  return Number(result.numAffectedRows ?? 0);
}
