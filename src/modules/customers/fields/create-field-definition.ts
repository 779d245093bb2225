import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { DEFINITION_COLUMNS, type CustomFieldObject, type FieldDefinition, type FieldType } from './field-definitions.ts';

export type NewFieldDefinition = {
  object: CustomFieldObject;
  key: string;
  label: string;
  label_zh?: string | null;
  type: FieldType;
  options?: { value: string; label: string }[];
  required?: boolean;
  unique?: boolean;
  sensitive?: boolean;
  is_identifier?: boolean;
  position?: number;
};

/** Options belong to select fields only, and their values must be distinct: values are what records store. */
export function checkOptions(type: FieldType, options: { value: string; label: string }[]): { value: string; label: string }[] {
  const cleaned = options.map((o) => ({ value: o.value.normalize('NFC').trim(), label: o.label.normalize('NFC').trim() }));
  if (type !== 'select' && type !== 'multi_select') {
    if (cleaned.length > 0) throw new AppError('FIELD_VALUE_INVALID', 'Only select fields have options', { field: 'options' });
    return [];
  }
  if (cleaned.length === 0) throw new AppError('FIELD_REQUIRED', 'A select field needs at least one option', { field: 'options' });
  if (new Set(cleaned.map((o) => o.value)).size !== cleaned.length || cleaned.some((o) => o.value === '')) {
    throw new AppError('FIELD_VALUE_INVALID', 'Option values must be distinct and non-empty', { field: 'options' });
  }
  return cleaned;
}

/**
 * Why a key is taken: by a live field, or by a deleted one whose values a job is still stripping. The latter
 * keeps the key until the job is done — a new field of that key would read the old values, and the job,
 * which strips the key wherever it is, would take the new field's values with them.
 */
async function keyTaken(tx: Tx, workspaceId: string, object: CustomFieldObject, key: string): Promise<AppError> {
  const { rows } = await sql<{ id: string; job_id: string | null; retired: boolean }>`
    select id::text, cleanup_job_id::text as job_id, retired_at is not null as retired
    from field_definitions where workspace_id = ${workspaceId} and object_type = ${object} and key = ${key}`.execute(tx);
  const existing = rows[0];
  if (existing?.retired) {
    return new AppError('FIELD_DELETE_PENDING', `The custom field "${key}" is still being deleted; create it again once its job has finished`, {
      field: 'key', field_id: existing.id, job_id: existing.job_id,
    });
  }
  return new AppError('UNIQUE_VIOLATION', `A custom field "${key}" already exists`, { field: 'key' });
}

export async function createFieldDefinition(db: Db, principal: Principal, input: NewFieldDefinition): Promise<FieldDefinition> {
  const options = checkOptions(input.type, input.options ?? []);
  const label = input.label.normalize('NFC').trim();
  if (label === '') throw new AppError('FIELD_REQUIRED', 'A custom field needs a label', { field: 'label' });
  return db.transaction().execute(async (tx) => {
    const { rows } = await sql<FieldDefinition>`
      insert into field_definitions as d (workspace_id, object_type, key, label, label_zh, type, options, required, is_unique, sensitive, is_identifier, position)
      values (${principal.workspaceId}, ${input.object}, ${input.key}, ${label}, ${input.label_zh?.normalize('NFC').trim() || null}, ${input.type},
              ${JSON.stringify(options)}::jsonb, ${input.required ?? false}, ${input.unique ?? false}, ${input.sensitive ?? false},
              ${input.is_identifier ?? false}, ${input.position ?? 0})
      on conflict (workspace_id, object_type, key) do nothing
      returning ${DEFINITION_COLUMNS}`.execute(tx);
    const created = rows[0];
    if (!created) throw await keyTaken(tx, principal.workspaceId, input.object, input.key);
    await recordAudit(tx, {
      workspaceId: principal.workspaceId,
      objectType: 'field_definitions',
      recordId: created.id,
      actorId: principal.userId,
      action: 'create',
      changes: { key: [null, created.key], type: [null, created.type], object: [null, created.object] },
    });
    return created;
  });
}
