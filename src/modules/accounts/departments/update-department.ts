import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { diffFields, recordAudit } from '../../../platform/audit/audit.ts';
import { findDepartment, type DepartmentJson } from './department-json.ts';
import { lockOrgTree, wouldCycleDepartment } from './org-tree.ts';

export type DepartmentPatch = { name?: string; parent_id?: string | null; version?: number };

/** Rename and/or move a department. A move under itself or one of its descendants is refused. */
export async function updateDepartment(db: Db, principal: Principal, id: string, patch: DepartmentPatch): Promise<DepartmentJson> {
  const ws = principal.workspaceId;
  return db.transaction().execute(async (tx) => {
    if (patch.parent_id !== undefined) await lockOrgTree(tx, ws);
    const before = await findDepartment(tx, ws, id, { forUpdate: true });
    if (!before) throw notFound('Department');
    const name = patch.name === undefined ? before.name : patch.name.normalize('NFC').trim();
    if (!name) throw new AppError('FIELD_REQUIRED', 'A department needs a name', { field: 'name' });
    const parentId = patch.parent_id === undefined ? before.parent_id : patch.parent_id;
    if (parentId !== before.parent_id && parentId !== null) {
      if (!(await findDepartment(tx, ws, parentId))) {
        throw new AppError('REFERENCE_INVALID', 'The parent department does not exist', { field: 'parent_id' });
      }
      if (await wouldCycleDepartment(tx, ws, id, parentId)) {
        throw new AppError('BUSINESS_RULE_VIOLATED', 'A department cannot be moved under itself or one of its sub-departments', {
          rule: 'department_cycle',
          field: 'parent_id',
        });
      }
    }
    const after = { name, parent_id: parentId };
    const changes = diffFields(before, after, ['name', 'parent_id']);
    const { rows } = await sql<{ id: string }>`
      update departments set name = ${name}, parent_id = ${parentId}, version = version + 1, updated_at = now()
      where workspace_id = ${ws} and id = ${id} and version = ${patch.version ?? before.version}
      returning id::text`.execute(tx);
    // the row is locked above: no match can only mean a stale version
    if (!rows[0]) throw new AppError('VERSION_CONFLICT', 'The department changed since you read it', { version: before.version });
    if (Object.keys(changes).length > 0) {
      await recordAudit(tx, { workspaceId: ws, objectType: 'department', recordId: id, actorId: principal.userId, action: 'update', changes });
    }
    const updated = await findDepartment(tx, ws, id);
    if (!updated) throw notFound('Department');
    return updated;
  });
}
