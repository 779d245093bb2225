import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';

/** Admin commands act on --workspace ID, or on the only/first workspace when there is one. */
export async function resolveWorkspace(db: Db, id: string | undefined): Promise<string> {
  const { rows } = id
    ? await sql<{ id: string }>`select id::text from workspaces where id = ${id}`.execute(db)
    : await sql<{ id: string }>`select id::text from workspaces order by id limit 1`.execute(db);
  const found = rows[0];
  if (!found) throw new Error(id ? `no workspace ${id}` : 'no workspace yet: run "relata serve" once or create one');
  return found.id;
}
