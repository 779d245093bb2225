import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { findDepartment, type DepartmentJson } from './department-json.ts';

export async function createDepartment(db: Db, principal: Principal, input: { name: string; parent_id?: string | null }): Promise<DepartmentJson> {
  const name = input.name.normalize('NFC').trim();
  if (!name) throw new AppError('FIELD_REQUIRED', 'A department needs a name', { field: 'name' });
  const ws = principal.workspaceId;
  return db.transaction().execute(async (tx) => {
    const parentId = input.parent_id ?? null;
    if (parentId && !(await findDepartment(tx, ws, parentId))) {
      throw new AppError('REFERENCE_INVALID', 'The parent department does not exist', { field: 'parent_id' });
    }
    const { rows } = await sql<{ id: string }>`
      insert into departments (workspace_id, name, parent_id) values (${ws}, ${name}, ${parentId}) returning id::text`.execute(tx);
    const id = rows[0]!.id;
    await recordAudit(tx, { workspaceId: ws, objectType: 'department', recordId: id, actorId: principal.userId, action: 'create', changes: { name: [null, name], parent_id: [null, parentId] } });
    const created = await findDepartment(tx, ws, id);
    if (!created) throw notFound('Department');
    return created;
  });
}
