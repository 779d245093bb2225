import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';

export type SavedIndex = { name: string; definition: string };

/**
 * Drops the secondary indexes of the bulk-loaded tables (never primary keys or unique constraints, which
 * guard correctness) and returns their definitions, so a large load can rebuild them once, in bulk —
 * several times faster than maintaining GIN and trigram indexes row by row.
 */
export async function dropSecondaryIndexes(db: Db | Tx, tables: readonly string[]): Promise<SavedIndex[]> {
  const { rows } = await sql<SavedIndex>`
    select i.indexname as name, i.indexdef as definition
    from pg_indexes i
    join pg_class ic on ic.relname = i.indexname and ic.relnamespace = (select oid from pg_namespace where nspname = i.schemaname)
    join pg_index x on x.indexrelid = ic.oid
    where i.schemaname = current_schema() and i.tablename = any(${tables as string[]}::text[])
      and not x.indisprimary and not x.indisunique`.execute(db);
  for (const index of rows) await sql`drop index if exists ${sql.ref(index.name)}`.execute(db);
  return rows;
}

/** Recreates indexes saved by dropSecondaryIndexes, two at a time (this machine class has two cores). */
export async function recreateIndexes(db: Db | Tx, indexes: readonly SavedIndex[], onDone?: (done: number) => void): Promise<void> {
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < indexes.length) {
      const index = indexes[next++]!;
      // definitions come from pg_indexes, not from input
      await sql.raw(index.definition.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS ')).execute(db);
      onDone?.(++done);
    }
  };
  await Promise.all([worker(), worker()]);
}
