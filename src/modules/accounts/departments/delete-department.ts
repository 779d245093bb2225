import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { findDepartment } from './department-json.ts';
import { lockOrgTree } from './org-tree.ts';

/** Only an empty leaf can go: users and sub-departments would otherwise lose their place in the tree (and data scopes). */
export async function deleteDepartment(db: Db, principal: Principal, id: string): Promise<void> {
  const ws = principal.workspaceId;
  await db.transaction().execute(async (tx) => {
    await lockOrgTree(tx, ws);
    const before = await findDepartment(tx, ws, id, { forUpdate: true });
    if (!before) throw notFound('Department');
    const { rows } = await sql<{ users: number; children: number }>`
      select (select count(*)::int from users where workspace_id = ${ws} and department_id = ${id}) as users,
             (select count(*)::int from departments where workspace_id = ${ws} and parent_id = ${id}) as children`.execute(tx);
    const usage = rows[0] ?? { users: 0, children: 0 };
    if (usage.users > 0 || usage.children > 0) {
      throw new AppError('RECORD_IN_USE', 'The department still has users or sub-departments', { users: usage.users, children: usage.children });
    }
    await sql`delete from departments where workspace_id = ${ws} and id = ${id}`.execute(tx);
    await recordAudit(tx, { workspaceId: ws, objectType: 'department', recordId: id, actorId: principal.userId, action: 'delete', changes: { name: [before.name, null], parent_id: [before.parent_id, null] } });
  });
}
