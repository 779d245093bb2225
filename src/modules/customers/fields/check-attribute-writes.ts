import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { FieldDefinition } from './field-definitions.ts';
import type { AttributeValue } from './validate-attributes.ts';

const TABLES = { contacts: sql.table('contacts'), companies: sql.table('companies') } as const;

/**
 * Checks a record's custom field values inside the writing transaction.
 * - The fields written are still live, and stay so until the transaction ends: their definitions are
 *   locked FOR SHARE. Deleting a field retires it (an UPDATE, which waits for this lock) before its job
 *   strips the values, so a value written by a request that read the definitions just before the
 *   deletion is either refused here (FIELD_UNKNOWN) or committed before the job can pass its row.
 * - A unique custom field may hold a value once per workspace among live records. The advisory lock
 *   serialises writers of the same field, so two concurrent creates cannot both pass the check. The
 *   lookup is `attributes @> {key: value}`, served by the GIN index.
 */
export async function checkAttributeWrites(
  tx: Tx,
  workspaceId: string,
  object: keyof typeof TABLES,
  recordId: string | null,
  values: Record<string, AttributeValue | null>,
  definitions: readonly FieldDefinition[],
): Promise<void> {
  const written = Object.keys(values).filter((key) => values[key] !== null);
  if (written.length > 0) {
    const { rows: live } = await sql<{ key: string }>`
      select key from field_definitions
      where workspace_id = ${workspaceId} and object_type = ${object} and key = any(${written}::text[]) and retired_at is null
      for share`.execute(tx);
    const gone = written.filter((key) => !live.some((r) => r.key === key));
    if (gone.length > 0) throw new AppError('FIELD_UNKNOWN', `There is no custom field "${gone[0]}"`, { field: `attributes.${gone[0]}` });
  }
  for (const def of definitions) {
    const value = values[def.key];
    if (!def.unique || value === undefined || value === null) continue;
    await sql`select pg_advisory_xact_lock(hashtext(${`${workspaceId}:${object}:${def.key}`}))`.execute(tx);
    const { rows } = await sql<{ id: string }>`
      select id::text from ${TABLES[object]}
      where workspace_id = ${workspaceId} and deleted_at is null and attributes @> ${JSON.stringify({ [def.key]: value })}::jsonb
        and (${recordId}::bigint is null or id <> ${recordId}::bigint)
      limit 1`.execute(tx);
    if (rows[0]) {
      throw new AppError('FIELD_VALUE_NOT_UNIQUE', `Another record already has this value for "${def.label}"`, { field: `attributes.${def.key}` });
    }
  }
}
