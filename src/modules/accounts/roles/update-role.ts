import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { diffFields, recordAudit } from '../../../platform/audit/audit.ts';
import { normalisePermissions, type PermissionsInputJson } from './permissions-schema.ts';
import { ADMIN_ROLE_KEY, findRole, type RoleJson } from './role-json.ts';

export type RolePatch = { name?: string; permissions?: PermissionsInputJson; version?: number };

/**
 * Renames a role or replaces its permissions. Users holding it get the new permissions on their next
 * request: the principal is loaded from the database per request, nothing is cached in a session.
 */
export async function updateRole(db: Db, principal: Principal, id: string, patch: RolePatch): Promise<RoleJson> {
  const ws = principal.workspaceId;
  return db.transaction().execute(async (tx) => {
    const before = await findRole(tx, ws, id, { forUpdate: true });
    if (!before) throw notFound('Role');
    const name = patch.name === undefined ? before.name : patch.name.normalize('NFC').trim();
    if (!name) throw new AppError('FIELD_REQUIRED', 'A role needs a name', { field: 'name' });
    const permissions = patch.permissions === undefined ? before.permissions : normalisePermissions(patch.permissions);
    const changes = diffFields(before, { name, permissions }, ['name', 'permissions']);
    if (before.key === ADMIN_ROLE_KEY && changes.permissions) {
      // narrowing it could leave nobody able to open the settings again
      throw new AppError('BUSINESS_RULE_VIOLATED', 'The administrator role\'s permissions cannot be changed', { rule: 'admin_role_fixed' });
    }
    const { rows } = await sql<{ id: string }>`
      update roles set name = ${name}, permissions = ${JSON.stringify(permissions)}::jsonb, version = version + 1, updated_at = now()
      where workspace_id = ${ws} and id = ${id} and version = ${patch.version ?? before.version}
      returning id::text`.execute(tx);
    // locked above: no match means a stale version
    if (!rows[0]) throw new AppError('VERSION_CONFLICT', 'The role changed since you read it', { version: before.version });
    if (Object.keys(changes).length > 0) {
      await recordAudit(tx, { workspaceId: ws, objectType: 'role', recordId: id, actorId: principal.userId, action: 'update', changes });
    }
    const updated = await findRole(tx, ws, id);
    if (!updated) throw notFound('Role');
    return updated;
  });
}
