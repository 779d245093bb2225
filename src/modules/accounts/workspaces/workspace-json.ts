import { Type, type Static } from 'typebox';
import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';

export const WorkspaceSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  timezone: Type.String(),
  currency: Type.String(),
  default_region: Type.String(),
  locale: Type.String(),
});
export type WorkspaceJson = Static<typeof WorkspaceSchema>;

export async function findWorkspace(db: Db | Tx, workspaceId: string): Promise<WorkspaceJson | undefined> {
  const { rows } = await sql<WorkspaceJson>`
    select id::text, name, timezone, currency, default_region, locale from workspaces where id = ${workspaceId}`.execute(db);
  return rows[0];
}
