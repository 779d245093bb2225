import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { FieldDefinition } from './field-definitions.ts';
import type { AttributeValue } from './validate-attributes.ts';

const TABLES = { contacts: sql.table('contacts'), companies: sql.table('companies') } as const;

/**
 * A unique custom field may hold a value once per workspace among live records. The advisory lock
 * serialises writers of the same field, so two concurrent creates cannot both pass the check.
 * The lookup is `attributes @> {key: value}`, served by the GIN index.
 */
export async function assertUniqueAttributes(
  tx: Tx,
  workspaceId: string,
  object: keyof typeof TABLES,
  recordId: string | null,
  values: Record<string, AttributeValue | null>,
  definitions: readonly FieldDefinition[],
): Promise<void> {
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
