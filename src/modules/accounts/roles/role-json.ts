import { Type, type Static } from 'typebox';
import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import type { Permissions } from '../../../platform/http/access.ts';
import { PermissionsSchema } from './permissions-schema.ts';

export const RoleSchema = Type.Object({
  id: Type.String(),
  key: Type.String(),
  name: Type.String(),
  permissions: PermissionsSchema,
  is_system: Type.Boolean(),
  user_count: Type.Integer(),
  version: Type.Integer(),
});
export type RoleJson = Static<typeof RoleSchema> & { permissions: Permissions };

/** The administrator role cannot be deleted or narrowed: it is what lets someone repair every other setting. */
export const ADMIN_ROLE_KEY = 'admin';

const COLUMNS = sql`r.id::text, r.key, r.name, r.permissions, r.is_system, r.version,
  (select count(*)::int from users u where u.workspace_id = r.workspace_id and u.role_id = r.id) as user_count`;

export async function findRole(db: Db | Tx, workspaceId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<RoleJson | undefined> {
  const { rows } = await sql<RoleJson>`select ${COLUMNS} from roles r where r.workspace_id = ${workspaceId} and r.id = ${id}
    ${options.forUpdate ? sql`for update` : sql``}`.execute(db);
  return rows[0];
}

export async function listRoles(db: Db, workspaceId: string): Promise<RoleJson[]> {
  const { rows } = await sql<RoleJson>`select ${COLUMNS} from roles r where r.workspace_id = ${workspaceId} order by r.is_system desc, r.name, r.id`.execute(db);
  return rows;
}
