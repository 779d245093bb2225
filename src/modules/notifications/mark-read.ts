import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/http/access.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { NotificationJson } from './list-notifications.ts';

/** Marks one of the caller's notifications read; somebody else's is "not found", never touched. */
export async function markRead(db: Db, principal: Principal, id: string): Promise<NotificationJson> {
  const { rows } = await sql<NotificationJson>`
    update notifications n set read_at = coalesce(n.read_at, now())
    where n.workspace_id = ${principal.workspaceId} and n.user_id = ${principal.userId} and n.id = ${id}
    returning n.id::text, n.kind, n.title, n.link, to_json(n.read_at)#>>'{}' as read_at, to_json(n.created_at)#>>'{}' as created_at`.execute(db);
  const row = rows[0];
  if (!row) throw notFound('Notification');
  return row;
}

export async function markAllRead(db: Db, principal: Principal): Promise<number> {
  const result = await sql`update notifications set read_at = now()
    where workspace_id = ${principal.workspaceId} and user_id = ${principal.userId} and read_at is null`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
