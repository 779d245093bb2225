import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { normalisePermissions, type PermissionsInputJson } from './permissions-schema.ts';
import { findRole, type RoleJson } from './role-json.ts';

export async function createRole(db: Db, principal: Principal, input: { key: string; name: string; permissions: PermissionsInputJson }): Promise<RoleJson> {
  const ws = principal.workspaceId;
  const name = input.name.normalize('NFC').trim();
  if (!name) throw new AppError('FIELD_REQUIRED', 'A role needs a name', { field: 'name' });
  const permissions = normalisePermissions(input.permissions);
  return db.transaction().execute(async (tx) => {
    // on conflict instead of catching the error: the transaction stays usable and the race is still covered
    const { rows } = await sql<{ id: string }>`
      insert into roles (workspace_id, key, name, permissions) values (${ws}, ${input.key}, ${name}, ${JSON.stringify(permissions)}::jsonb)
      on conflict (workspace_id, key) do nothing returning id::text`.execute(tx);
    const id = rows[0]?.id;
    if (!id) throw new AppError('UNIQUE_VIOLATION', `A role with the key "${input.key}" already exists`, { field: 'key' });
    await recordAudit(tx, { workspaceId: ws, objectType: 'role', recordId: id, actorId: principal.userId, action: 'create', changes: { key: [null, input.key], name: [null, name], permissions: [null, permissions] } });
    const created = await findRole(tx, ws, id);
    if (!created) throw notFound('Role');
    return created;
  });
}
