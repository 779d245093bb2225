import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { resolveMergedId } from '../../customers/index.ts';
import type { MergeObject } from './merge-fields.ts';

/**
 * External ids that belonged to merged records → the live record each now stands for (following later
 * merges). Imports matching on external_id call this for the ids they did not find among live records:
 * one indexed query for the whole batch, and a short chain walk only for the (rare) hits.
 */
export async function aliasSurvivors(db: Db | Tx, workspaceId: string, object: MergeObject, externalIds: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (externalIds.length === 0) return found;
  const { rows } = await sql<{ external_id: string; alias_id: string }>`
    select alias_external_id as external_id, alias_id::text from record_aliases
    where workspace_id = ${workspaceId} and object_type = ${object} and alias_external_id = any(${[...externalIds]}::text[])`.execute(db);
  for (const row of rows) {
    const survivor = await resolveMergedId(db, workspaceId, object, row.alias_id);
    if (survivor !== null) found.set(row.external_id, survivor);
  }
  return found;
}
