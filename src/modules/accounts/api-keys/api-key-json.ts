import { Type, type Static } from 'typebox';
import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';

export const ApiKeySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  scopes: Type.Array(Type.String()),
  user_id: Type.String(),
  user_name: Type.String(),
  created_at: Type.String(),
  last_used_at: Type.Union([Type.String(), Type.Null()]),
  revoked_at: Type.Union([Type.String(), Type.Null()]),
});
export type ApiKeyJson = Static<typeof ApiKeySchema>;

// the prefix identifies a key in a list; the hash never leaves the database
const COLUMNS = sql`k.id::text, k.name, k.prefix, k.scopes, k.user_id::text, u.name as user_name,
  to_json(k.created_at)#>>'{}' as created_at, to_json(k.last_used_at)#>>'{}' as last_used_at, to_json(k.revoked_at)#>>'{}' as revoked_at`;

/** Keys of one user, or of the whole workspace when `userId` is null (settings administrators). */
export async function listApiKeys(db: Db, workspaceId: string, userId: string | null): Promise<ApiKeyJson[]> {
  const { rows } = await sql<ApiKeyJson>`
    select ${COLUMNS} from api_keys k join users u on u.workspace_id = k.workspace_id and u.id = k.user_id
    where k.workspace_id = ${workspaceId} ${userId ? sql`and k.user_id = ${userId}` : sql``}
    order by k.revoked_at is not null, k.created_at desc, k.id desc`.execute(db);
  return rows;
}

export async function findApiKey(db: Db | Tx, workspaceId: string, id: string, userId: string | null): Promise<ApiKeyJson | undefined> {
  const { rows } = await sql<ApiKeyJson>`
    select ${COLUMNS} from api_keys k join users u on u.workspace_id = k.workspace_id and u.id = k.user_id
    where k.workspace_id = ${workspaceId} and k.id = ${id} ${userId ? sql`and k.user_id = ${userId}` : sql``}`.execute(db);
  return rows[0];
}
