import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { diffFields, recordAudit } from '../../../platform/audit/audit.ts';
import { hashPassword } from '../auth/passwords.ts';
import { lockOrgTree } from '../departments/org-tree.ts';
import { ADMIN_ROLE_KEY } from '../roles/role-json.ts';
import { assertAnotherActiveAdmin, checkUserLinks, roleKeyOf } from './user-references.ts';
import { findUser, type UserJson } from './user-json.ts';

export type UserPatch = {
  name?: string;
  department_id?: string | null;
  manager_id?: string | null;
  role_id?: string;
  locale?: string | null;
  /** an administrator's password reset; the user's sessions end so a stolen session dies with the old password */
  password?: string;
  version?: number;
};

const FIELDS = ['name', 'department_id', 'manager_id', 'role_id', 'locale'] as const;

export async function updateUser(db: Db, principal: Principal, id: string, patch: UserPatch): Promise<UserJson> {
  const ws = principal.workspaceId;
  const passwordHash = patch.password === undefined ? null : await hashPassword(patch.password);
  return db.transaction().execute(async (tx) => {
    await lockOrgTree(tx, ws);
    const before = await findUser(tx, ws, id, { forUpdate: true });
    if (!before) throw notFound('User');
    const name = patch.name === undefined ? before.name : patch.name.normalize('NFC').trim();
    if (!name) throw new AppError('FIELD_REQUIRED', 'A user needs a name', { field: 'name' });
    const after = {
      name,
      department_id: patch.department_id === undefined ? before.department_id : patch.department_id,
      manager_id: patch.manager_id === undefined ? before.manager_id : patch.manager_id,
      role_id: patch.role_id ?? before.role_id,
      locale: patch.locale === undefined ? before.locale : patch.locale,
    };
    await checkUserLinks(tx, ws, id, after);
    if (after.role_id !== before.role_id && before.active && (await roleKeyOf(tx, ws, before.role_id)) === ADMIN_ROLE_KEY) {
      await assertAnotherActiveAdmin(tx, ws, id);
    }
    const changes = diffFields(before, after, FIELDS);
    const { rows } = await sql<{ id: string }>`
      update users set name = ${after.name}, department_id = ${after.department_id}, manager_id = ${after.manager_id},
             role_id = ${after.role_id}, locale = ${after.locale},
             password_hash = coalesce(${passwordHash}, password_hash), version = version + 1, updated_at = now()
      where workspace_id = ${ws} and id = ${id} and version = ${patch.version ?? before.version}
      returning id::text`.execute(tx);
    // locked above: no match means a stale version
    if (!rows[0]) throw new AppError('VERSION_CONFLICT', 'The user changed since you read it', { version: before.version });
    if (passwordHash) {
      await sql`delete from sessions where workspace_id = ${ws} and user_id = ${id}`.execute(tx);
      changes['password'] = ['[redacted]', '[redacted]'];
    }
    if (Object.keys(changes).length > 0) {
      await recordAudit(tx, { workspaceId: ws, objectType: 'user', recordId: id, actorId: principal.userId, action: 'update', changes });
    }
    const updated = await findUser(tx, ws, id);
    if (!updated) throw notFound('User');
    return updated;
  });
}
