import { Type, type Static } from 'typebox';
import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';

export const DepartmentSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  parent_id: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
});
export type DepartmentJson = Static<typeof DepartmentSchema>;

const COLUMNS = sql`d.id::text, d.name, d.parent_id::text, d.version`;

export async function findDepartment(db: Db | Tx, workspaceId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<DepartmentJson | undefined> {
  const { rows } = await sql<DepartmentJson>`select ${COLUMNS} from departments d where d.workspace_id = ${workspaceId} and d.id = ${id}
    ${options.forUpdate ? sql`for update` : sql``}`.execute(db);
  return rows[0];
}

/** The whole tree, flat: a workspace has tens to hundreds of departments, and the UI builds the tree. */
export async function listDepartments(db: Db, workspaceId: string): Promise<DepartmentJson[]> {
  const { rows } = await sql<DepartmentJson>`select ${COLUMNS} from departments d where d.workspace_id = ${workspaceId} order by d.name, d.id`.execute(db);
  return rows;
}
