import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { can, type Principal } from '../../../platform/http/access.ts';

/** The tables whose records hold custom-field values, per object the import can create fields for. */
const HOLDERS = { contacts: sql.table('contacts'), companies: sql.table('companies') } as const;

/**
 * Undo of the custom fields an import created (mapping target `+custom`, create_custom_fields; their ids are
 * in the batch's options): runs after the records were undone, so a field still holding a value belongs to
 * a record the undo left alone (edited or used since) or to a later edit — that field is kept and reported,
 * the others are deleted with an audit row each. Deleting a definition is an administrator's act: for
 * anyone else every created field is kept and reported.
 */
export async function removeCreatedFields(tx: Tx, principal: Principal, batchId: string): Promise<{ removed: number; conflicts: { object: string; record_id: string; reason: string }[] }> {
  const ws = principal.workspaceId;
  const { rows: batches } = await sql<{ object_type: string; ids: string[] | null }>`
    select object_type, options->'created_field_ids' as ids from import_batches where workspace_id = ${ws} and id = ${batchId}`.execute(tx);
  const batch = batches[0];
  const ids = batch?.ids ?? [];
  if (!batch || ids.length === 0 || !(batch.object_type in HOLDERS)) return { removed: 0, conflicts: [] };
  const holders = HOLDERS[batch.object_type as keyof typeof HOLDERS];
  let removed: string[] = [];
  if (can(principal, 'settings', 'edit')) {
    const { rows } = await sql<{ id: string }>`
      with gone as (
        delete from field_definitions d
        where d.workspace_id = ${ws} and d.object_type = ${batch.object_type} and d.id = any(${ids}::bigint[])
          and not exists (select 1 from ${holders} x where x.workspace_id = d.workspace_id and x.attributes ? d.key)
        returning d.id, d.key, d.object_type
      ), logged as (
        insert into audit_log (workspace_id, object_type, record_id, actor_id, action, changes)
        select ${ws}, 'field_definitions', id, ${principal.userId}, 'delete',
               jsonb_build_object('key', jsonb_build_array(key, null), 'object', jsonb_build_array(object_type, null),
                                  'import_undone', jsonb_build_array(null, ${batchId}::bigint))
        from gone
      )
      select id::text from gone`.execute(tx);
    removed = rows.map((r) => r.id);
  }
  const { rows: kept } = await sql<{ id: string; label: string; holders: number }>`
    select d.id::text, d.label, (select count(*) from ${holders} x where x.workspace_id = d.workspace_id and x.attributes ? d.key)::int as holders
    from field_definitions d
    where d.workspace_id = ${ws} and d.object_type = ${batch.object_type} and d.id = any(${ids}::bigint[]) and d.id <> all(${removed}::bigint[])
    order by d.id`.execute(tx);
  const conflicts = kept.map((k) => ({
    object: 'field_definitions',
    record_id: k.id,
    reason: k.holders > 0
      ? `the custom field "${k.label}" created by the import holds values of ${k.holders} record(s) outside it: kept`
      : `the custom field "${k.label}" created by the import: kept, only administrators may remove custom fields`,
  }));
  return { removed: removed.length, conflicts };
}
