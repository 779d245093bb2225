import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { wouldCycleManager } from '../departments/org-tree.ts';
import { ADMIN_ROLE_KEY } from '../roles/role-json.ts';

export type UserLinks = { department_id: string | null; manager_id: string | null; role_id: string };

/**
 * The department, manager and role a user points to must exist in the same workspace (the foreign keys
 * say so too, but as a 500), and the manager chain must not loop: data scope "own and subordinates"
 * walks it. `userId` is null for a user not yet created, who cannot be anyone's manager.
 * The caller holds the org-tree lock.
 */
export async function checkUserLinks(tx: Tx, workspaceId: string, userId: string | null, links: UserLinks): Promise<void> {
  const { rows } = await sql<{ department: boolean; manager: boolean; role: boolean }>`
    select (${links.department_id}::bigint is null or exists (select 1 from departments where workspace_id = ${workspaceId} and id = ${links.department_id})) as department,
           (${links.manager_id}::bigint is null or exists (select 1 from users where workspace_id = ${workspaceId} and id = ${links.manager_id})) as manager,
           exists (select 1 from roles where workspace_id = ${workspaceId} and id = ${links.role_id}) as role`.execute(tx);
  const found = rows[0];
  if (!found?.department) throw new AppError('REFERENCE_INVALID', 'The department does not exist', { field: 'department_id' });
  if (!found.manager) throw new AppError('REFERENCE_INVALID', 'The manager does not exist', { field: 'manager_id' });
  if (!found.role) throw new AppError('REFERENCE_INVALID', 'The role does not exist', { field: 'role_id' });
  if (userId && links.manager_id && (await wouldCycleManager(tx, workspaceId, userId, links.manager_id))) {
    throw new AppError('BUSINESS_RULE_VIOLATED', 'A user cannot report to themselves or to one of their own subordinates', { rule: 'manager_cycle', field: 'manager_id' });
  }
}

/**
 * Refuses a change that would leave the workspace without an active administrator: nobody could then
 * manage users, roles or settings, and only database access could repair it.
 */
export async function assertAnotherActiveAdmin(tx: Tx, workspaceId: string, userId: string): Promise<void> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from users u join roles r on r.workspace_id = u.workspace_id and r.id = u.role_id
    where u.workspace_id = ${workspaceId} and r.key = ${ADMIN_ROLE_KEY} and u.active and u.id <> ${userId}`.execute(tx);
  if ((rows[0]?.n ?? 0) === 0) {
    throw new AppError('BUSINESS_RULE_VIOLATED', 'The workspace must keep at least one active administrator', { rule: 'last_admin' });
  }
}

export async function roleKeyOf(tx: Tx, workspaceId: string, roleId: string): Promise<string | undefined> {
  const { rows } = await sql<{ key: string }>`select key from roles where workspace_id = ${workspaceId} and id = ${roleId}`.execute(tx);
  return rows[0]?.key;
}
