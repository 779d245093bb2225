import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.ts';

export type FieldChanges = Record<string, [unknown, unknown]>;

/** Field-by-field difference of two snapshots, limited to `fields`; unchanged fields are left out. */
export function diffFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null, fields: readonly string[]): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of fields) {
    const a = before ? (before[field] ?? null) : null;
    const b = after ? (after[field] ?? null) : null;
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[field] = [a, b];
  }
  return changes;
}

/**
 * Writes one audit row in the caller's transaction: the audit can never disagree with the data,
 * and it costs one small insert on the write path.
 */
export async function recordAudit(
  tx: Tx | Db,
  entry: { workspaceId: string; objectType: string; recordId: string; actorId: string | null; action: string; changes?: FieldChanges | null },
): Promise<void> {
  await sql`insert into audit_log (workspace_id, object_type, record_id, actor_id, action, changes)
            values (${entry.workspaceId}, ${entry.objectType}, ${entry.recordId}, ${entry.actorId}, ${entry.action},
                    ${entry.changes ? JSON.stringify(entry.changes) : null}::jsonb)`.execute(tx);
}

/** Many audit rows at once (bulk actions), still one statement. */
export async function recordAuditMany(
  tx: Tx | Db,
  workspaceId: string,
  actorId: string | null,
  objectType: string,
  action: string,
  rows: { recordId: string; changes?: FieldChanges | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  await sql`insert into audit_log (workspace_id, object_type, record_id, actor_id, action, changes)
            select ${workspaceId}, ${objectType}, r.record_id, ${actorId}, ${action}, r.changes
            from jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ record_id: r.recordId, changes: r.changes ?? null })))}::jsonb)
                 as r(record_id bigint, changes jsonb)`.execute(tx);
}
