import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { can, type Principal } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { recordAuditMany } from '../../../platform/audit/audit.ts';
import { assertFieldsWritable, visibilityFor } from '../../accounts/index.ts';
import { loadFieldDefinitions } from '../fields/field-definitions.ts';
import { filterPredicate } from '../filter/filter-predicate.ts';
import { cleanTag, TAGS_MAX } from '../normalize/text.ts';
import type { RecordType } from './record-type.ts';

export type BulkAction = 'tag' | 'untag' | 'change_owner' | 'delete';
export type BulkInput = { ids?: string[]; filter?: unknown; action: BulkAction; tag?: string; owner_id?: string };

/**
 * One set-based UPDATE over the records the caller may write (data scope or a read-write share) that the
 * ids and/or filter select, skipping rows the action would not change. Each changed row gets its own
 * audit entry (one INSERT for all), a new version and updated_at.
 */
export async function bulkUpdate(db: Db, principal: Principal, type: RecordType, input: BulkInput): Promise<{ affected: number }> {
  if (input.ids === undefined && (input.filter === undefined || input.filter === null)) {
    throw new AppError('VALIDATION_FAILED', 'Select records with ids or a filter', { field: 'ids' });
  }
  const needed = input.action === 'delete' ? 'delete' : 'edit';
  if (!can(principal, type.object, needed)) {
    throw new AppError('PERMISSION_DENIED', `Your role may not ${needed} ${type.object}`, { object: type.object, action: needed });
  }
  let set: RawBuilder<unknown>;
  let changes: RawBuilder<unknown>;
  let changed: RawBuilder<boolean>;
  switch (input.action) {
    case 'tag':
    case 'untag': {
      if (input.tag === undefined) throw new AppError('FIELD_REQUIRED', 'A tag is required', { field: 'tag' });
      assertFieldsWritable(principal, type.object, ['tags']);
      const tag = cleanTag(input.tag);
      if (input.action === 'tag') {
        set = sql`tags = array_append(x.tags, ${tag}::text)`;
        changed = sql<boolean>`not (r.tags @> array[${tag}::text]) and cardinality(r.tags) < ${TAGS_MAX}`;
      } else {
        set = sql`tags = array_remove(x.tags, ${tag}::text)`;
        changed = sql<boolean>`r.tags @> array[${tag}::text]`;
      }
      changes = sql`jsonb_build_object('tags', jsonb_build_array(to_jsonb(t.tags), to_jsonb(x.tags)))`;
      break;
    }
    case 'change_owner': {
      if (input.owner_id === undefined) throw new AppError('FIELD_REQUIRED', 'owner_id is required', { field: 'owner_id' });
      assertFieldsWritable(principal, type.object, ['owner_id']);
      const { rows } = await sql`select 1 from users where workspace_id = ${principal.workspaceId} and id = ${input.owner_id} and active`.execute(db);
      if (!rows[0]) throw new AppError('FIELD_VALUE_INVALID', 'The owner is not an active user of this workspace', { field: 'owner_id' });
      set = sql`owner_id = ${input.owner_id}::bigint`;
      changed = sql<boolean>`r.owner_id is distinct from ${input.owner_id}::bigint`;
      changes = sql`jsonb_build_object('owner_id', jsonb_build_array(t.owner_id::text, x.owner_id::text))`;
      break;
    }
    case 'delete':
      set = sql`deleted_at = now()`;
      changed = sql<boolean>`true`;
      changes = sql`jsonb_build_object('deleted_at', jsonb_build_array(null, to_json(x.deleted_at)#>>'{}'))`;
      break;
  }
  const definitions = await loadFieldDefinitions(db, principal.workspaceId, type.object);
  const filter = input.filter === undefined ? sql<boolean>`true` : filterPredicate(input.filter, type.filterRegistry(principal, definitions, 'r'), principal, type.object);
  const ids = input.ids === undefined ? sql<boolean>`true` : sql<boolean>`r.id = any(${input.ids}::bigint[])`;
  return db.transaction().execute(async (tx) => {
    const writable = await visibilityFor(tx, principal, type.object, 'r', 'write');
    const { rows } = await sql<{ id: string; changes: Record<string, [unknown, unknown]> }>`
      with target as (
        select r.id, r.tags, r.owner_id from ${type.table} r
        where r.workspace_id = ${principal.workspaceId} and r.deleted_at is null and ${writable} and ${ids} and ${filter} and ${changed}
        for update of r
      )
      update ${type.table} x set ${set}, version = x.version + 1, updated_at = now()
      from target t
      where x.workspace_id = ${principal.workspaceId} and x.id = t.id
      returning x.id::text as id, ${changes} as changes`.execute(tx);
    await recordAuditMany(tx, principal.workspaceId, principal.userId, type.object, input.action === 'delete' ? 'delete' : 'update',
      rows.map((r) => ({ recordId: r.id, changes: r.changes })));
    return { affected: rows.length };
  });
}
