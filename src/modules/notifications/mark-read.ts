import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/http/access.ts';
import { notFound } from '../../platform/http/errors.ts';
import { notificationSelect, type NotificationJson } from './notification-json.ts';

/** Marks one of the caller's notifications read; somebody else's is "not found", never touched. */
export async function markRead(db: Db, principal: Principal, id: string): Promise<NotificationJson> {
  const { columns, joins } = await notificationSelect(db, principal);
  const { rows } = await sql<NotificationJson>`
    with marked as (
      update notifications n set read_at = coalesce(n.read_at, now())
      where n.workspace_id = ${principal.workspaceId} and n.user_id = ${principal.userId} and n.id = ${id}
      returning n.*
    )
    select ${columns} from marked n ${joins}`.execute(db);
  const row = rows[0];
  if (!row) throw notFound('Notification');
  return row;
}

export async function markAllRead(db: Db, principal: Principal): Promise<number> {
  const result = await sql`update notifications set read_at = now()
    where workspace_id = ${principal.workspaceId} and user_id = ${principal.userId} and read_at is null`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
