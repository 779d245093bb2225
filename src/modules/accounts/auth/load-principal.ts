import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import type { Permissions, Principal } from '../../../platform/http/access.ts';

type Row = { user_id: string; role_id: string; role_key: string; department_id: string | null; permissions: Permissions };

/**
 * The principal of an active user acting outside a request — a background job running as the user who
 * started it, or the CLI acting as a named user — with the role's current permissions (the same lookup as
 * authenticate.ts). A deactivated or unknown user gets null: a job must not outlive its owner's access.
 */
export async function loadPrincipal(db: Db | Tx, workspaceId: string, userId: string): Promise<Principal | null> {
  const { rows } = await sql<Row>`
    select u.id::text as user_id, r.id::text as role_id, r.key as role_key, u.department_id::text, r.permissions
    from users u join roles r on r.workspace_id = u.workspace_id and r.id = u.role_id
    where u.workspace_id = ${workspaceId} and u.id = ${userId} and u.active`.execute(db);
  const row = rows[0];
  if (!row) return null;
  return {
    workspaceId,
    userId: row.user_id,
    roleId: row.role_id,
    roleKey: row.role_key,
    departmentId: row.department_id,
    permissions: { objects: row.permissions.objects ?? {}, fields: row.permissions.fields ?? {}, masks: row.permissions.masks ?? {} },
    via: 'session',
    scopes: [],
    csrfToken: null,
  };
}
