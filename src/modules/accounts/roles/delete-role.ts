import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { ADMIN_ROLE_KEY, findRole } from './role-json.ts';

export async function deleteRole(db: Db, principal: Principal, id: string): Promise<void> {
  const ws = principal.workspaceId;
  await db.transaction().execute(async (tx) => {
    const role = await findRole(tx, ws, id, { forUpdate: true });
    if (!role) throw notFound('Role');
    if (role.key === ADMIN_ROLE_KEY) {
      throw new AppError('BUSINESS_RULE_VIOLATED', 'The administrator role cannot be deleted', { rule: 'admin_role_fixed' });
    }
    // users.role_id is not null: a role still held would leave those users with no permissions at all
    if (role.user_count > 0) throw new AppError('RECORD_IN_USE', 'Users still have this role', { users: role.user_count });
    await sql`delete from roles where workspace_id = ${ws} and id = ${id}`.execute(tx);
    await recordAudit(tx, { workspaceId: ws, objectType: 'role', recordId: id, actorId: principal.userId, action: 'delete', changes: { key: [role.key, null], name: [role.name, null] } });
  });
}
