import { Type, type Static } from 'typebox';
import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';

/** A record id in a URL or body: digits only, so a malformed id is a 400, never a bigint cast error. */
export const IdString = Type.String({ pattern: '^[1-9][0-9]{0,17}$' });

export const UserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  locale: Type.Union([Type.String(), Type.Null()]),
  department_id: Type.Union([Type.String(), Type.Null()]),
  manager_id: Type.Union([Type.String(), Type.Null()]),
  role_id: Type.String(),
  active: Type.Boolean(),
  version: Type.Integer(),
  created_at: Type.String(),
});
export type UserJson = Static<typeof UserSchema>;

// Never the password hash: every read of a user goes through this list.
export const USER_COLUMNS = sql`u.id::text, u.email::text, u.name, u.locale, u.department_id::text, u.manager_id::text,
  u.role_id::text, u.active, u.version, to_json(u.created_at)#>>'{}' as created_at`;

export async function findUser(db: Db | Tx, workspaceId: string, userId: string, options: { forUpdate?: boolean } = {}): Promise<UserJson | undefined> {
  const { rows } = await sql<UserJson>`select ${USER_COLUMNS} from users u where u.workspace_id = ${workspaceId} and u.id = ${userId}
    ${options.forUpdate ? sql`for update` : sql``}`.execute(db);
  return rows[0];
}
