import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';

/**
 * Serialises changes to a workspace's department tree and manager chain. Two concurrent moves (A under B,
 * B under A) each pass their own cycle check; holding this lock makes the second one see the first.
 */
export async function lockOrgTree(tx: Tx, workspaceId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended('relata:org-tree', ${workspaceId}::bigint))`.execute(tx);
}

/** True when `candidateParentId` is `departmentId` itself or lies below it: moving there would close a loop. */
export async function wouldCycleDepartment(tx: Tx, workspaceId: string, departmentId: string, candidateParentId: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    with recursive up(id, parent_id) as (
      select id, parent_id from departments where workspace_id = ${workspaceId} and id = ${candidateParentId}
      union
      select d.id, d.parent_id from departments d join up on d.id = up.parent_id where d.workspace_id = ${workspaceId}
    ) select exists (select 1 from up where id = ${departmentId}) as found`.execute(tx);
  return rows[0]?.found ?? false;
}

/** True when `candidateManagerId` is `userId` or reports (directly or not) to `userId`. */
export async function wouldCycleManager(tx: Tx, workspaceId: string, userId: string, candidateManagerId: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    with recursive up(id, manager_id) as (
      select id, manager_id from users where workspace_id = ${workspaceId} and id = ${candidateManagerId}
      union
      select u.id, u.manager_id from users u join up on u.id = up.manager_id where u.workspace_id = ${workspaceId}
    ) select exists (select 1 from up where id = ${userId}) as found`.execute(tx);
  return rows[0]?.found ?? false;
}
