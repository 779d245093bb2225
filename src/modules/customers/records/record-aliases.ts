import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';

const TABLES = { contacts: sql.table('contacts'), companies: sql.table('companies') } as const;

/** Longer chains than this are a bug (a cycle), not history; the walk stops rather than loop. */
const MAX_CHAIN = 32;

/**
 * The live record an id now stands for: a merged record points at the record it was merged into
 * (merged_into_id), possibly through a chain of later merges. Returns null when the id is not a merged
 * record or its chain ends in a deleted one. Callers use it only after the plain lookup missed, so the
 * read path of a live id costs nothing extra.
 */
export async function resolveMergedId(db: Db | Tx, workspaceId: string, object: keyof typeof TABLES, id: string): Promise<string | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const table = TABLES[object];
  const { rows } = await sql<{ id: string }>`
    with recursive chain (id, merged_into_id, live, depth) as (
      select r.id, r.merged_into_id, r.deleted_at is null, 0 from ${table} r
      where r.workspace_id = ${workspaceId} and r.id = ${id} and r.deleted_at is not null and r.merged_into_id is not null
      union all
      select r.id, r.merged_into_id, r.deleted_at is null, chain.depth + 1 from chain
      join ${table} r on r.workspace_id = ${workspaceId} and r.id = chain.merged_into_id
      where not chain.live and chain.depth < ${MAX_CHAIN}
    )
    select id::text from chain where live limit 1`.execute(db);
  return rows[0]?.id ?? null;
}

/**
 * Runs a read of one record by id; when it answers NOT_FOUND and the id is a merged record, runs it again
 * on the survivor. Visibility is still decided by the read itself, on the survivor.
 */
export async function readThroughAlias<T>(
  db: Db | Tx,
  workspaceId: string,
  object: keyof typeof TABLES,
  id: string,
  read: (id: string) => Promise<T>,
): Promise<T> {
  try {
    return await read(id);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'NOT_FOUND') throw error;
    const survivor = await resolveMergedId(db, workspaceId, object, id);
    if (survivor === null) throw error;
    return read(survivor);
  }
}
