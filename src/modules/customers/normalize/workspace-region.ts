import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';

/** The region national phone numbers are read in (CN: 13812348000 → +8613812348000). */
export async function workspaceRegion(db: Db | Tx, workspaceId: string): Promise<string> {
  const { rows } = await sql<{ default_region: string }>`select default_region from workspaces where id = ${workspaceId}`.execute(db);
  return rows[0]?.default_region ?? 'CN';
}
