import { sql } from 'kysely';
import type { Db, Tx } from './database.ts';

export type SavedConstraint = { table: string; name: string; definition: string };

/**
 * Drops the foreign keys that `tables` hold and the ones that point at them, returning their definitions.
 * A bulk load whose references were already checked set-based then pays one validating join per
 * constraint when they are added back, instead of one trigger call per row and constraint (measured
 * here: four foreign keys cost ~70 µs per inserted contact, more than the insert itself). Call inside
 * the load's transaction: the constraints are back before anyone else can see the rows.
 */
export async function dropForeignKeys(tx: Db | Tx, tables: readonly string[]): Promise<SavedConstraint[]> {
  const { rows } = await sql<SavedConstraint>`
    select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as definition
    from pg_constraint c
    where c.contype = 'f' and (c.conrelid = any(${tables as string[]}::regclass[]) or c.confrelid = any(${tables as string[]}::regclass[]))
    order by c.conrelid::regclass::text, c.conname`.execute(tx);
  for (const c of rows) await sql`alter table ${sql.table(c.table)} drop constraint ${sql.ref(c.name)}`.execute(tx);
  return rows;
}

/** Adds back what dropForeignKeys removed; each is validated against every row (a violation fails the load). */
export async function restoreForeignKeys(tx: Db | Tx, constraints: readonly SavedConstraint[]): Promise<void> {
  // definitions come from pg_get_constraintdef, never from input
  for (const c of constraints) await sql`alter table ${sql.table(c.table)} add constraint ${sql.ref(c.name)} ${sql.raw(c.definition)}`.execute(tx);
}
