import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { resolveWorkspace } from './workspace-option.ts';

/** The user an admin command acts as: --as EMAIL, or the workspace's first active administrator. */
export async function actingUser(db: Db, email: string | undefined, workspace: string | undefined): Promise<{ workspaceId: string; userId: string }> {
  if (email) {
    const { rows } = await sql<{ workspace_id: string; id: string }>`
      select workspace_id::text, id::text from users where email = ${email.toLowerCase()} and active`.execute(db);
    if (!rows[0]) throw new Error(`no active user ${email}`);
    return { workspaceId: rows[0].workspace_id, userId: rows[0].id };
  }
  const workspaceId = await resolveWorkspace(db, workspace);
  const { rows } = await sql<{ id: string }>`
    select u.id::text from users u join roles r on r.workspace_id = u.workspace_id and r.id = u.role_id
    where u.workspace_id = ${workspaceId} and r.key = 'admin' and u.active order by u.id limit 1`.execute(db);
  if (!rows[0]) throw new Error(`workspace ${workspaceId} has no active administrator: pass --as EMAIL`);
  return { workspaceId, userId: rows[0].id };
}

