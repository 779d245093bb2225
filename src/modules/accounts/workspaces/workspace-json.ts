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
  version: Type.Integer(),
});
export type WorkspaceJson = Static<typeof WorkspaceSchema>;

export async function findWorkspace(db: Db | Tx, workspaceId: string, options: { forUpdate?: boolean } = {}): Promise<WorkspaceJson | undefined> {
  const { rows } = await sql<WorkspaceJson>`
    select id::text, name, timezone, trim(currency) as currency, trim(default_region) as default_region, locale, version
    from workspaces where id = ${workspaceId} ${options.forUpdate ? sql`for update` : sql``}`.execute(db);
  return rows[0];
}
