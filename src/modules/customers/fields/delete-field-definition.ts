import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';

const TABLES = { contacts: sql.table('contacts'), companies: sql.table('companies') } as const;

/**
 * Removes the definition and its values, in one transaction: a later field with the same key and another
 * type must not inherit stale values. (One set-based UPDATE; at millions of rows this belongs in a job.)
 */
export async function deleteFieldDefinition(db: Db, principal: Principal, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const { rows } = await sql<{ object: string; key: string }>`
      delete from field_definitions where workspace_id = ${principal.workspaceId} and id = ${id}
      returning object_type as object, key`.execute(tx);
    const deleted = rows[0];
    if (!deleted) throw notFound('Custom field');
    if (deleted.object in TABLES) {
      const table = TABLES[deleted.object as keyof typeof TABLES];
      await sql`update ${table} set attributes = attributes - ${deleted.key}::text
                where workspace_id = ${principal.workspaceId} and attributes ? ${deleted.key}`.execute(tx);
    }
    await recordAudit(tx, {
      workspaceId: principal.workspaceId,
      objectType: 'field_definitions',
      recordId: id,
      actorId: principal.userId,
      action: 'delete',
      changes: { key: [deleted.key, null], object: [deleted.object, null] },
    });
  });
}
