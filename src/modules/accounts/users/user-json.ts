import { Type, type Static } from 'typebox';
import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';

export const UserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  locale: Type.Union([Type.String(), Type.Null()]),
  department_id: Type.Union([Type.String(), Type.Null()]),
  manager_id: Type.Union([Type.String(), Type.Null()]),
  role_id: Type.String(),
  active: Type.Boolean(),
  created_at: Type.String(),
});
export type UserJson = Static<typeof UserSchema>;

export const USER_COLUMNS = sql`u.id::text, u.email::text, u.name, u.locale, u.department_id::text, u.manager_id::text,
  u.role_id::text, u.active, to_json(u.created_at)#>>'{}' as created_at`;

export async function findUser(db: Db | Tx, workspaceId: string, userId: string): Promise<UserJson | undefined> {
  const { rows } = await sql<UserJson>`select ${USER_COLUMNS} from users u where u.workspace_id = ${workspaceId} and u.id = ${userId}`.execute(db);
  return rows[0];
}
